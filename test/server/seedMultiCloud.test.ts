import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { alibabaClient } from '../helpers/alibaba.js';
import { awsClient, sdkError, startServer, STORES, useServer } from '../helpers/server.js';
import { tencentClient } from '../helpers/tencent.js';

/** One secret the app reads from every cloud; no version ids, so each cloud names them its own way. */
const SHARED = {
  name: 'app-db-password',
  description: 'Database password for the app',
  tags: { team: 'payments' },
  versions: [{ value: 'old-password' }, { value: 's3cr3t-password' }],
};

/** A valid per-cloud secret, so a refused document is seen to load nothing at all. */
const TREE = { aws: { '000000000000': { 'us-east-1': [{ name: 'app/other', versions: [{ value: 'hidden-value' }] }] } } };

/** POSTs a JSON seed document; the admin answer. */
async function postSeed(url: string, doc: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${url}/_emulator/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) });
  return { status: response.status, json: await response.json() };
}

/** Every secret of the server as cloud/account/region/name. */
async function secretsOf(url: string): Promise<string[]> {
  const state = (await (await fetch(`${url}/_emulator/state`)).json()) as { secrets: Array<{ name: string; namespace: Record<string, string> }> };
  return state.secrets.map(({ name, namespace: { cloud, account, region } }) => `${cloud}/${account}/${region}/${name}`);
}

/** Expects SHARED readable through each cloud's SDK in its default namespace, with that cloud's own version ids. */
async function expectSharedIn(url: string, clouds: string[]): Promise<void> {
  const aws = awsClient(url);
  if (clouds.includes('aws')) {
    expect(await aws.send(new GetSecretValueCommand({ SecretId: SHARED.name }))).toMatchObject({ SecretString: 's3cr3t-password', VersionStages: ['AWSCURRENT'] });
    const described = await aws.send(new DescribeSecretCommand({ SecretId: SHARED.name }));
    expect([described.Description, described.Tags]).toEqual([SHARED.description, [{ Key: 'team', Value: 'payments' }]]);
  } else {
    expect((await sdkError(aws.send(new GetSecretValueCommand({ SecretId: SHARED.name })))).name).toBe('ResourceNotFoundException');
  }
  if (clouds.includes('alibaba')) {
    const alibaba = alibabaClient(url, 'kms20160120');
    expect(await alibaba('GetSecretValue', { SecretName: SHARED.name })).toMatchObject({ SecretData: 's3cr3t-password', VersionId: 'v2', VersionStages: { VersionStage: ['ACSCurrent'] } });
    const described = await alibaba('DescribeSecret', { SecretName: SHARED.name, FetchTags: 'true' });
    expect([described.Description, described.Tags]).toEqual([SHARED.description, { Tag: [{ TagKey: 'team', TagValue: 'payments' }] }]);
  }
  if (clouds.includes('tencent')) {
    const tencent = tencentClient(url);
    expect(await tencent.GetSecretValue({ SecretName: SHARED.name, VersionId: 'v2' })).toMatchObject({ SecretString: 's3cr3t-password' });
    expect(await tencent.GetSecretValue({ SecretName: SHARED.name, VersionId: 'SSM_Current' })).toMatchObject({ SecretString: 'old-password' });
    expect((await tencent.DescribeSecret({ SecretName: SHARED.name })).Description).toBe(SHARED.description);
    // As for a per-cloud Tencent secret, the tags are kept: ListSecrets filters by them.
    const tagged = await tencent.ListSecrets({ TagFilters: [{ TagKey: 'team', TagValue: ['payments'] }] });
    expect(tagged.SecretMetadatas?.map((s) => s.SecretName)).toEqual([SHARED.name]);
  }
}

describe('POST /_emulator/seed with multiCloud secrets', () => {
  const server = useServer('memory');

  it('creates the secret in all three clouds with the same value, each with its own defaults', async () => {
    expect(await postSeed(server().url, { multiCloud: [{ clouds: ['aws', 'alibaba', 'tencent'], ...SHARED }] })).toEqual({ status: 200, json: { status: 'seeded', secrets: 3 } });
    await expectSharedIn(server().url, ['aws', 'alibaba', 'tencent']);
  });

  it('creates it only in the clouds listed', async () => {
    expect(await postSeed(server().url, { multiCloud: [{ clouds: ['tencent', 'alibaba'], ...SHARED }] })).toEqual({ status: 200, json: { status: 'seeded', secrets: 2 } });
    await expectSharedIn(server().url, ['alibaba', 'tencent']);
    expect((await secretsOf(server().url)).sort()).toEqual(['alibaba/1234567890123456/cn-hangzhou/app-db-password', 'tencent/100000000001/ap-guangzhou/app-db-password']);
  });

  it('writes it in the account and region namespaces names, the default elsewhere, beside per-cloud secrets', async () => {
    const namespaces = { aws: { region: 'eu-west-1' }, alibaba: { account: '6543210987654321', region: 'cn-shanghai' } };
    const doc = { ...TREE, multiCloud: [{ clouds: ['aws', 'alibaba', 'tencent'], namespaces, ...SHARED }] };
    expect((await postSeed(server().url, doc)).json).toEqual({ status: 'seeded', secrets: 4 });
    expect((await secretsOf(server().url)).sort()).toEqual([
      'alibaba/6543210987654321/cn-shanghai/app-db-password',
      'aws/000000000000/eu-west-1/app-db-password',
      'aws/000000000000/us-east-1/app/other',
      'tencent/100000000001/ap-guangzhou/app-db-password',
    ]);
    const read = await awsClient(server().url, { region: 'eu-west-1' }).send(new GetSecretValueCommand({ SecretId: SHARED.name }));
    expect(read.SecretString).toBe('s3cr3t-password');
  });

  it('replaces an earlier seed of the same secret, so seeding twice gives the same state', async () => {
    const doc = { multiCloud: [{ clouds: ['aws', 'alibaba', 'tencent'], ...SHARED }] };
    await postSeed(server().url, doc);
    expect((await postSeed(server().url, doc)).json).toEqual({ status: 'seeded', secrets: 3 });
    await expectSharedIn(server().url, ['aws', 'alibaba', 'tencent']);
  });

  const secret = (extra: Record<string, unknown>) => ({ ...SHARED, versions: [{ value: 'hidden-value' }], ...extra });
  it.each([
    ['no clouds', { multiCloud: [secret({ clouds: [] })] }, ['/multiCloud/0/clouds: must NOT have fewer than 1 items']],
    ['a cloud twice', { multiCloud: [secret({ clouds: ['aws', 'tencent', 'aws'] })] }, ['/multiCloud/0/clouds: must NOT have duplicate items (items ## 2 and 0 are identical)']],
    ['an unknown cloud', { multiCloud: [secret({ clouds: ['aws', 'gcp'] })] }, ['/multiCloud/0/clouds/1: must be equal to one of the allowed values']],
    ['no clouds key', { multiCloud: [secret({})] }, ["/multiCloud/0: must have required property 'clouds'"]],
    ['a single cloud as well as clouds', { multiCloud: [secret({ cloud: 'aws', clouds: ['aws'] })] }, ['/multiCloud/0: must NOT have additional properties']],
    [
      'clouds on a secret listed under a cloud',
      { aws: { '000000000000': { 'us-east-1': [secret({ clouds: ['aws', 'alibaba'] })] } } },
      ['/aws/000000000000/us-east-1/0: must NOT have additional properties'],
    ],
    ['a name one of its clouds refuses', { multiCloud: [secret({ clouds: ['aws', 'tencent'], name: 'app/db-password' })] }, ['/multiCloud/0/name: not a valid tencent secret name']],
    ['labels one of its clouds refuses', { multiCloud: [secret({ clouds: ['aws', 'tencent'], versions: [{ value: 'hidden-value', labels: ['AWSCURRENT'] }] })] }, ['/multiCloud/0/versions/0: too-many-labels (limit 0) for tencent']],
    [
      'a namespace for a cloud not listed, or not of its cloud',
      { multiCloud: [secret({ clouds: ['aws'], namespaces: { aws: { region: 'mars-1' }, tencent: { region: 'ap-beijing' } } })] },
      [
        '/multiCloud/0/namespaces/aws/region: not a region name (AWS regions look like us-east-1, us-gov-west-1, cn-north-1: area, one to three words, number)',
        "/multiCloud/0/namespaces/tencent: tencent is not one of this secret's clouds",
      ],
    ],
    [
      'the same secret declared per cloud too',
      { aws: { '000000000000': { 'us-east-1': [secret({})] } }, multiCloud: [secret({ clouds: ['alibaba', 'aws'] })] },
      ['/multiCloud/0/name: secret app-db-password is declared twice in aws/000000000000/us-east-1'],
    ],
  ])('refuses %s with the JSON path and reason, loading nothing', async (_case, doc, problems) => {
    const declared = (doc as { multiCloud?: unknown[] }).multiCloud ?? [];
    const answer = await postSeed(server().url, { ...TREE, ...doc, multiCloud: [...declared, { clouds: ['alibaba'], name: 'fine', versions: [{ value: 'v' }] }] });
    expect(answer).toEqual({ status: 400, json: { error: 'InvalidSeed', message: 'the seed document was refused', problems } });
    expect(JSON.stringify(answer.json)).not.toContain('hidden-value');
    expect(await secretsOf(server().url)).toEqual([]);
  });

  it("loads the README's multi-cloud example", async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Seeding'), readme.indexOf('## Rotation (AWS)'));
    const example = /```yaml\n(multiCloud:[\s\S]*?)```/.exec(section)?.[1];
    const response = await fetch(`${server().url}/_emulator/seed`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: example });
    expect(await response.json()).toEqual({ status: 'seeded', secrets: 3 });
    await expectSharedIn(server().url, ['aws', 'alibaba', 'tencent']);
  });
});

describe.each(STORES)('--seed with multiCloud secrets (%s store)', (kind) => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polysecret-seed-multi-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('loads them from a YAML file before ready, readable through each cloud SDK', async () => {
    const file = join(dir, 'seed.yaml');
    await writeFile(
      file,
      [
        'multiCloud:',
        '  - clouds: [aws, alibaba, tencent]',
        `    name: ${SHARED.name}`,
        `    description: ${SHARED.description}`,
        '    tags: { team: payments }',
        '    versions:',
        '      - value: old-password',
        '      - value: s3cr3t-password',
        '',
      ].join('\n'),
    );
    const server = await startServer(kind, { seedFile: file });
    try {
      await expectSharedIn(server.url, ['aws', 'alibaba', 'tencent']);
    } finally {
      await server.stop();
    }
  });

  it('fails start on a bad multi-cloud entry, naming the file and the JSON path', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'multiCloud:\n  - clouds: [aws, aws]\n    name: x\n    versions: [{ value: v }]\n');
    await expect(startServer(kind, { seedFile: file })).rejects.toThrow(`seed file ${file}: /multiCloud/0/clouds: must NOT have duplicate items (items ## 1 and 0 are identical)`);
  });
});
