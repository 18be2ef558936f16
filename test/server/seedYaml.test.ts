import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { ManualClock, type IdSource } from '../../src/core/runtime.js';
import { parseSeedText, SeedError } from '../../src/server/seed.js';
import { alibabaClient } from '../helpers/alibaba.js';
import { awsClient, startServer, STORES, useServer, type StoreKind } from '../helpers/server.js';
import { tencentClient } from '../helpers/tencent.js';

const EXAMPLE_JSON = new URL('../../examples/seed.json', import.meta.url).pathname;
const EXAMPLE_YAML = new URL('../../examples/seed.yaml', import.meta.url).pathname;
const START = Date.UTC(2025, 0, 1);
const TAGGED = 'a tagged value; seed files take no tags (every value is text)';

/** Ids that count up, so two servers seeded alike get the same ids and their states compare equal. */
function countingIds(): IdSource {
  let n = 0;
  return {
    uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    alphanumeric: (length) => String(++n).padStart(length, '0'),
  };
}

/** The full state export (values included) of a fresh server seeded from `file`. */
async function stateSeededFrom(kind: StoreKind, file: string): Promise<{ secrets: Array<{ name: string; versions: Array<{ value?: { data: string } }> }> }> {
  const server = await startServer(kind, { seedFile: file, clock: new ManualClock(START), ids: countingIds() });
  try {
    return (await (await fetch(`${server.url}/_emulator/state?values=true`)).json()) as never;
  } finally {
    await server.stop();
  }
}

/** POSTs a seed body with a content type; the admin answer. */
async function postSeed(url: string, body: string, contentType: string): Promise<{ status: number; json: any }> {
  const response = await fetch(`${url}/_emulator/seed`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.status, json: await response.json() };
}

/** The problems a YAML seed text is refused with. */
function yamlProblems(text: string): string[] {
  try {
    parseSeedText(text, 'yaml');
  } catch (error) {
    if (error instanceof SeedError) return error.problems;
    throw error;
  }
  throw new Error('expected the YAML to be refused');
}

describe.each(STORES)('YAML seeds (%s store)', (kind) => {
  it('examples/seed.yaml loads exactly the state examples/seed.json does', async () => {
    const fromJson = await stateSeededFrom(kind, EXAMPLE_JSON);
    const fromYaml = await stateSeededFrom(kind, EXAMPLE_YAML);
    expect(fromYaml).toEqual(fromJson);
    // Not two empty states: every secret of the example, with its values.
    expect(fromYaml.secrets.map((s) => s.name)).toEqual(['app/db-password', 'app/tls-key', 'app-api-key', 'app-token']);
    expect(fromYaml.secrets[0].versions.map((v) => v.value?.data)).toEqual(['old-password', 's3cr3t-password']);
  });

  it('--seed with a .yaml file loads before ready, readable through each cloud SDK', async () => {
    const server = await startServer(kind, { seedFile: EXAMPLE_YAML });
    try {
      expect((await fetch(`${server.url}/_emulator/health`)).status).toBe(200);
      const aws = awsClient(server.url);
      const current = await aws.send(new GetSecretValueCommand({ SecretId: 'app/db-password' }));
      expect(current).toMatchObject({ SecretString: 's3cr3t-password', VersionId: '22222222-2222-4222-8222-222222222222', VersionStages: ['AWSCURRENT'] });
      const described = await aws.send(new DescribeSecretCommand({ SecretId: 'app/db-password' }));
      expect(described.Tags).toEqual(expect.arrayContaining([{ Key: 'team', Value: 'payments' }, { Key: 'env', Value: 'dev' }]));
      const binary = await aws.send(new GetSecretValueCommand({ SecretId: 'app/tls-key' }));
      expect(Buffer.from(binary.SecretBinary!)).toEqual(Buffer.from([0, 1, 2, 3, 4]));
      expect(await alibabaClient(server.url, 'kms20160120')('GetSecretValue', { SecretName: 'app-api-key' })).toMatchObject({ SecretData: 'alibaba-api-key', VersionId: 'v1' });
      expect(await tencentClient(server.url).GetSecretValue({ SecretName: 'app-token', VersionId: 'v1' })).toMatchObject({ SecretString: 'tencent-token' });
    } finally {
      await server.stop();
    }
  });
});

describe('POST /_emulator/seed with a YAML body', () => {
  const server = useServer('memory');
  let yaml: string;
  beforeAll(async () => {
    yaml = await readFile(EXAMPLE_YAML, 'utf8');
  });

  it.each(['application/yaml', 'application/x-yaml', 'text/yaml', 'application/yaml; charset=utf-8'])('reads it as YAML for %s', async (type) => {
    expect(await postSeed(server().url, yaml, type)).toEqual({ status: 200, json: { status: 'seeded', secrets: 4 } });
    const read = await awsClient(server().url).send(new GetSecretValueCommand({ SecretId: 'app/db-password' }));
    expect(read.SecretString).toBe('s3cr3t-password');
  });

  it("loads the README's YAML example", async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Seeding'), readme.indexOf('## Programmatic start'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect((await postSeed(server().url, example!, 'application/yaml')).json).toEqual({ status: 'seeded', secrets: 1 });
    const read = await awsClient(server().url).send(new GetSecretValueCommand({ SecretId: 'app/db-password', VersionStage: 'AWSPREVIOUS' }));
    expect(read.SecretString).toBe('old-password');
  });

  it('reads any other content type as JSON, so YAML sent as JSON is refused as JSON', async () => {
    const answer = await postSeed(server().url, yaml, 'application/json');
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: 'InvalidJson', message: 'the request body is not valid JSON', problems: ['invalid JSON at line 1 column 1: unexpected character "#"'] });
  });

  it('refuses a YAML syntax error with its line and column, loading nothing', async () => {
    const answer = await postSeed(server().url, 'aws:\n  000000000000:\n    us-east-1:\n      - name: x\n     versions: []\n', 'application/yaml');
    expect(answer).toEqual({ status: 400, json: { error: 'InvalidYaml', message: 'the request body is not valid YAML', problems: ['invalid YAML at line 5 column 1: bad indentation'] } });
    expect(((await (await fetch(`${server().url}/_emulator/state`)).json()) as { secrets: unknown[] }).secrets).toEqual([]);
  });

  it('refuses a schema violation with the JSON path, as for JSON', async () => {
    const answer = await postSeed(server().url, 'aws:\n  000000000000:\n    us-east-1:\n      - name: x\n        versions: [{value: v, colour: red}]\n', 'text/yaml');
    expect(answer).toEqual({
      status: 400,
      json: { error: 'InvalidSeed', message: 'the seed document was refused', problems: ['/aws/000000000000/us-east-1/0/versions/0: must NOT have additional properties'] },
    });
  });

  it('shares one anchor across secrets (aliases within the limit)', async () => {
    const text = [
      'aws:',
      '  000000000000:',
      '    us-east-1:',
      '      - { name: one, tags: &shared { team: payments }, versions: [{ value: "1" }] }',
      '      - { name: two, tags: *shared, versions: [{ value: "2" }] }',
    ].join('\n');
    expect((await postSeed(server().url, text, 'application/yaml')).json).toEqual({ status: 'seeded', secrets: 2 });
    const described = await awsClient(server().url).send(new DescribeSecretCommand({ SecretId: 'two' }));
    expect(described.Tags).toEqual([{ Key: 'team', Value: 'payments' }]);
  });
});

describe('a YAML seed file at start', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polysecret-seed-yaml-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function file(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  it.each(['seed.yaml', 'seed.yml', 'SEED.YML'])('is read as YAML when named %s', async (name) => {
    const path = await file(name, 'tencent:\n  100000000001:\n    ap-guangzhou:\n      - name: t\n        versions: [{ id: v1, value: 123 }]\n');
    const server = await startServer('memory', { seedFile: path });
    try {
      // Every scalar is text: 123 is the string "123", as a seed value must be.
      expect(await tencentClient(server.url).GetSecretValue({ SecretName: 't', VersionId: 'v1' })).toMatchObject({ SecretString: '123' });
    } finally {
      await server.stop();
    }
  });

  it('fails start with the file, line, column and reason for a YAML syntax error', async () => {
    const path = await file('broken.yaml', 'aws:\n  000000000000:\n    us-east-1: [\n');
    await expect(startServer('memory', { seedFile: path })).rejects.toThrow(`seed file ${path}: invalid YAML at line 4 column 1: bad indentation`);
  });

  it('fails start with the JSON path for a schema violation', async () => {
    const path = await file('schema.yml', 'alibaba:\n  1234567890123456:\n    cn-hangzhou:\n      - name: x\n        versions: []\n');
    await expect(startServer('memory', { seedFile: path })).rejects.toThrow(`seed file ${path}: /alibaba/1234567890123456/cn-hangzhou/0/versions: must NOT have fewer than 1 items`);
  });

  it('keeps JSON for a .json file, with JSON error messages, even when its text would be valid YAML', async () => {
    const path = await file('looks-like-yaml.json', 'aws: {}\n');
    await expect(startServer('memory', { seedFile: path })).rejects.toThrow(`seed file ${path}: invalid JSON at line 1 column 1: unexpected character "a"`);
  });
});

describe('hostile YAML', () => {
  it('refuses an alias bomb quickly instead of expanding it', () => {
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++) {
      const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const started = Date.now();
    expect(yamlProblems(lines.join('\n'))).toEqual(['invalid YAML: aliases expand too far (an anchor may be used at most 100 times, counting nested aliases)']);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses nesting deep enough to exhaust the stack, with a position', () => {
    const [problem] = yamlProblems(`aws: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(problem).toMatch(/^invalid YAML at line 1 column \d+: nesting too deep$/);
  });

  it.each([
    ['a circular alias', 'aws: &loop { x: *loop }\n', 'invalid YAML at line 1 column 17: an alias inside the node it refers to'],
    ['an alias before its anchor', 'aws: *later\nalibaba: &later {}\n', 'invalid YAML at line 1 column 6: an alias with no anchor before it'],
    ['a custom tag', 'aws: !secret {}\n', `invalid YAML at line 1 column 6: ${TAGGED}`],
    ['an unknown standard tag', 'a: !!int 5\n', `invalid YAML at line 1 column 4: ${TAGGED}`],
    // Tags yaml knows are resolved whatever the schema (to a Buffer, a Set, a Date), so they are refused too.
    ['a !!binary tag', 'a: !!binary AAEC\n', `invalid YAML at line 1 column 13: ${TAGGED}`],
    ['a !!set tag', 'a: !!set { x }\n', `invalid YAML at line 1 column 10: ${TAGGED}`],
    ['a !!timestamp tag', 'a: !!timestamp 2001-01-01\n', `invalid YAML at line 1 column 16: ${TAGGED}`],
    ['even a !!str tag', 'a: !!str x\n', `invalid YAML at line 1 column 10: ${TAGGED}`],
    ['a duplicate key', 'aws: {}\naws: {}\n', 'invalid YAML at line 2 column 1: a duplicate key'],
    ['two documents', 'aws: {}\n---\nalibaba: {}\n', 'invalid YAML at line 2 column 1: more than one document (a seed file holds one)'],
    ['a non-text key', '? [a, b]\n: c\n', 'invalid YAML at line 1 column 3: a key that is not text'],
    ['a tab as indentation', 'aws:\n\t000000000000: {}\n', 'invalid YAML at line 2 column 1: a tab used as indentation'],
  ])('refuses %s with its position', (_what, text, problem) => {
    expect(yamlProblems(text)).toEqual([problem]);
  });

  it.each([
    ['a bad escape', 'value: "s3cr3t-canary\\q"\n'],
    ['an unterminated quote', 'value: "s3cr3t-canary\n'],
    ['content after a value', '- value\ns3cr3t-canary: x\n'],
    ['a reserved first character', 'value: @s3cr3t-canary\n'],
    ['a bad block scalar header', 'value: |s3cr3t-canary\n  x\n'],
  ])('never quotes the text around %s, which may be a secret value', (_what, text) => {
    const [problem] = yamlProblems(text);
    expect(problem).toMatch(/^invalid YAML at line \d+ column \d+: /);
    expect(problem).not.toContain('canary');
  });

  it('does not merge "<<" keys: a merge is just an unknown member the schema refuses', async () => {
    const server = await startServer('memory');
    try {
      const text = 'aws:\n  000000000000:\n    us-east-1:\n      - name: x\n        <<: { versions: [{ value: v }] }\n';
      const answer = await postSeed(server.url, text, 'application/yaml');
      expect(answer.status).toBe(400);
      expect(answer.json.problems).toEqual(expect.arrayContaining(['/aws/000000000000/us-east-1/0: must NOT have additional properties']));
    } finally {
      await server.stop();
    }
  });

  it('treats __proto__ keys as data, exactly as the JSON path does, and pollutes nothing', async () => {
    const json = '{"aws":{"000000000000":{"us-east-1":[{"name":"p","tags":{"__proto__":"x","constructor":"y"},"versions":[{"value":"v"}]}]}}}';
    const yaml = 'aws:\n  000000000000:\n    us-east-1:\n      - name: p\n        tags: { __proto__: x, constructor: y }\n        versions: [{ value: v }]\n';
    const states: unknown[] = [];
    for (const [body, type] of [
      [json, 'application/json'],
      [yaml, 'application/yaml'],
    ] as const) {
      const server = await startServer('memory', { clock: new ManualClock(START), ids: countingIds() });
      try {
        expect((await postSeed(server.url, body, type)).json).toEqual({ status: 'seeded', secrets: 1 });
        const described = await awsClient(server.url).send(new DescribeSecretCommand({ SecretId: 'p' }));
        expect(described.Tags).toEqual(expect.arrayContaining([{ Key: '__proto__', Value: 'x' }, { Key: 'constructor', Value: 'y' }]));
        // A top-level __proto__ is an unknown member, not a way into Object.prototype.
        const polluting = type === 'application/json' ? '{"__proto__": {"polluted": "yes"}}' : '__proto__: { polluted: "yes" }\n';
        const refused = await postSeed(server.url, polluting, type);
        expect(refused).toEqual({ status: 400, json: expect.objectContaining({ error: 'InvalidSeed', problems: ['/: must NOT have additional properties'] }) });
        states.push(await (await fetch(`${server.url}/_emulator/state?values=true`)).json());
      } finally {
        await server.stop();
      }
    }
    expect(states[1]).toEqual(states[0]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
