import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeSecretCommand, GetSecretValueCommand, ListSecretVersionIdsCommand } from '@aws-sdk/client-secrets-manager';
import { readConfig } from '../../src/server/config.js';
import { describeJsonError } from '../../src/server/jsonError.js';
import { alibabaClient } from '../helpers/alibaba.js';
import { awsClient, startServer, STORES } from '../helpers/server.js';
import { tencentClient } from '../helpers/tencent.js';

const EXAMPLE = new URL('../../examples/seed.json', import.meta.url).pathname;

describe.each(STORES)('--seed at start (%s store)', (kind) => {
  it('loads the example seed before ready, readable through each cloud SDK', async () => {
    const server = await startServer(kind, { seedFile: EXAMPLE });
    try {
      expect((await fetch(`${server.url}/_emulator/health`)).status).toBe(200);
      const aws = awsClient(server.url);
      const current = await aws.send(new GetSecretValueCommand({ SecretId: 'app/db-password' }));
      expect(current).toMatchObject({ SecretString: 's3cr3t-password', VersionId: '22222222-2222-4222-8222-222222222222', VersionStages: ['AWSCURRENT'] });
      const versions = await aws.send(new ListSecretVersionIdsCommand({ SecretId: 'app/db-password' }));
      expect(versions.Versions?.find((v) => v.VersionId === '11111111-1111-4111-8111-111111111111')?.VersionStages).toEqual(['AWSPREVIOUS']);
      const described = await aws.send(new DescribeSecretCommand({ SecretId: 'app/db-password' }));
      expect(described.Description).toBe('Database password for the app');
      expect(described.Tags).toEqual(expect.arrayContaining([{ Key: 'team', Value: 'payments' }, { Key: 'env', Value: 'dev' }]));
      const binary = await aws.send(new GetSecretValueCommand({ SecretId: 'app/tls-key' }));
      expect(Buffer.from(binary.SecretBinary!)).toEqual(Buffer.from([0, 1, 2, 3, 4]));

      const alibaba = await alibabaClient(server.url, 'kms20160120')('GetSecretValue', { SecretName: 'app-api-key' });
      expect(alibaba).toMatchObject({ SecretName: 'app-api-key', SecretData: 'alibaba-api-key', VersionId: 'v1', SecretDataType: 'text' });

      const tencent = await tencentClient(server.url).GetSecretValue({ SecretName: 'app-token', VersionId: 'v1' });
      expect(tencent).toMatchObject({ SecretName: 'app-token', SecretString: 'tencent-token', VersionId: 'v1' });
      const tencentDescribed = await tencentClient(server.url).DescribeSecret({ SecretName: 'app-token' });
      expect(tencentDescribed.Description).toBe('Service token');
    } finally {
      await server.stop();
    }
  });
});

describe('seeding and state in the log', () => {
  it('never writes a seeded value, at start, at runtime or on export', async () => {
    const lines: string[] = [];
    const capture = (line: string) => void lines.push(line);
    const logger = { level: 'debug' as const, error: capture, info: capture, debug: capture };
    const server = await startServer('memory', { seedFile: EXAMPLE, logger });
    try {
      const seedText = await readFile(EXAMPLE, 'utf8');
      await fetch(`${server.url}/_emulator/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: seedText });
      await fetch(`${server.url}/_emulator/state?values=true`);
      await fetch(`${server.url}/_emulator/reset`, { method: 'POST', body: JSON.stringify({ cloud: 'aws' }) });
      expect(lines.join('\n')).toContain('seeded 4 secrets');
      for (const value of ['s3cr3t-password', 'old-password', 'AAECAwQ=', 'alibaba-api-key', 'tencent-token']) expect(lines.join('\n')).not.toContain(value);
    } finally {
      await server.stop();
    }
  });
});

describe('a bad seed file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polysecret-seed-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function startWith(text: string): Promise<string> {
    const file = join(dir, `seed-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, text);
    return file;
  }

  it('fails start with the file, line and reason for a JSON syntax error', async () => {
    const file = await startWith('{\n  "aws": {\n    "000000000000": {,\n  }\n}\n');
    await expect(startServer('memory', { seedFile: file })).rejects.toThrow(new RegExp(`^seed file ${file}: invalid JSON at line 3 column \\d+: `));
  });

  it('fails start with the JSON path and reason for a schema violation', async () => {
    const file = await startWith(JSON.stringify({ aws: { '000000000000': { 'us-east-1': [{ name: 'x', versions: [{ value: 'v', colour: 'red' }] }] } } }));
    await expect(startServer('memory', { seedFile: file })).rejects.toThrow(
      `seed file ${file}: /aws/000000000000/us-east-1/0/versions/0: must NOT have additional properties`,
    );
  });

  it("fails start naming a secret the cloud's own rules refuse, without its value", async () => {
    const file = await startWith(JSON.stringify({ alibaba: { '1234567890123456': { 'cn-hangzhou': [{ name: 'bad name!', versions: [{ value: 'hidden-value' }] }] } } }));
    const failure = startServer('memory', { seedFile: file });
    await expect(failure).rejects.toThrow(`seed file ${file}: /alibaba/1234567890123456/cn-hangzhou/0/name: not a valid alibaba secret name`);
    await expect(failure).rejects.not.toThrow('hidden-value');
  });

  it('fails start when the file does not exist', async () => {
    await expect(startServer('memory', { seedFile: join(dir, 'missing.json') })).rejects.toThrow(`seed file ${join(dir, 'missing.json')}: ENOENT`);
  });
});

describe('seed accounts and regions', () => {
  const secret = [{ name: 'x', versions: [{ value: 'hidden-value' }] }];
  const BAD_NAMESPACES = {
    aws: { abc: { 'us-east-1': secret }, '000000000000': { 'mars-1': secret, 'us-gov-west-1': secret } },
    alibaba: { '1234567890123456': { hangzhou: secret, 'cn-shanghai-finance-1': secret }, '42': { 'cn-hangzhou': secret } },
    tencent: { 'uin-1': { 'ap-guangzhou': secret }, '100000000001': { 'not a region': secret, 'ap-shanghai-fsi': secret } },
  };
  const PROBLEMS = [
    '/aws/abc: not an account id (AWS account ids are 12 digits, e.g. 000000000000)',
    '/aws/000000000000/mars-1: not a region name (AWS regions look like us-east-1, us-gov-west-1, cn-north-1: area, one to three words, number)',
    // '42' is an array index, so JavaScript lists it before the other keys.
    '/alibaba/42: not an account id (Alibaba account ids are 16 digits, e.g. 1234567890123456)',
    '/alibaba/1234567890123456/hangzhou: not a region name (Alibaba regions look like cn-hangzhou, ap-southeast-1, cn-shanghai-finance-1)',
    '/tencent/uin-1: not an account id (Tencent account ids (UINs) are digits, e.g. 100000000001)',
    '/tencent/100000000001/not a region: not a region name (Tencent regions look like ap-guangzhou, na-siliconvalley, ap-shanghai-fsi)',
  ];

  it('POST /_emulator/seed refuses every bad account and region, in JSON and YAML, loading nothing', async () => {
    const server = await startServer('memory');
    try {
      const yaml = Object.entries(BAD_NAMESPACES)
        .map(([cloud, accounts]) => `${cloud}:\n${Object.entries(accounts).map(([account, regions]) => `  "${account}":\n${Object.keys(regions).map((region) => `    "${region}":\n      - name: x\n        versions: [{ value: hidden-value }]\n`).join('')}`).join('')}`)
        .join('');
      for (const [type, body] of [['application/json', JSON.stringify(BAD_NAMESPACES)], ['application/yaml', yaml]]) {
        const response = await fetch(`${server.url}/_emulator/seed`, { method: 'POST', headers: { 'content-type': type }, body });
        expect(response.status).toBe(400);
        const text = await response.text();
        expect(text).not.toContain('hidden-value');
        expect(JSON.parse(text)).toEqual({ error: 'InvalidSeed', message: 'the seed document was refused', problems: PROBLEMS });
      }
      const state = (await (await fetch(`${server.url}/_emulator/state`)).json()) as { secrets: unknown[] };
      expect(state.secrets).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('--seed refuses a file with a bad region', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polysecret-seed-ns-'));
    try {
      const file = join(dir, 'seed.yaml');
      await writeFile(file, 'aws:\n  000000000000:\n    mars-1:\n      - name: x\n        versions: [{ value: v }]\n');
      await expect(startServer('memory', { seedFile: file })).rejects.toThrow(`seed file ${file}: /aws/000000000000/mars-1: not a region name`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the seed setting', () => {
  it('is --seed with the POLYSECRET_SEED twin', () => {
    expect(readConfig([], { POLYSECRET_SEED: '/env.json' }).seedFile).toBe('/env.json');
    expect(readConfig(['--seed', '/flag.json'], { POLYSECRET_SEED: '/env.json' }).seedFile).toBe('/flag.json');
    expect(readConfig([], {}).seedFile).toBeUndefined();
  });
});

describe('describeJsonError', () => {
  it.each([
    ['{\n"aws": }', 'line 2 column 8: unexpected character "}"'],
    ['{\n  "a": {,\n  }\n}', 'line 2 column 9: unexpected character ","'],
    ['[1,2', 'line 1 column 5: unexpected end of input'],
    ['{"a":"b\nc"}', 'line 1 column 8: unexpected character "\\n"'],
    ['{"a":1} x', 'line 1 column 9: unexpected character "x"'],
    ['', 'line 1 column 1: unexpected end of input'],
    ['{"a":tru}', 'line 1 column 9: unexpected character "}"'],
    ['{"a":-}', 'line 1 column 6: unexpected character "-"'],
  ])('locates the error in %j', (text, expected) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(describeJsonError(text)).toBe(expected);
  });
});
