import { readFile } from 'node:fs/promises';
import { GetSecretValueCommand, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { alibabaClient } from '../helpers/alibaba.js';
import { awsClient, startServer, STORES, useServer } from '../helpers/server.js';
import { tencentClient } from '../helpers/tencent.js';

const EXAMPLE = JSON.parse(await readFile(new URL('../../examples/seed.json', import.meta.url), 'utf8')) as Record<string, unknown>;

async function post(url: string, path: string, body?: unknown): Promise<{ status: number; json: any; text: string }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text), text };
}

/** One secret per cloud and region, enough to tell scoped resets apart. */
const SPREAD = {
  aws: {
    '000000000000': {
      'us-east-1': [{ name: 'aws-east', versions: [{ value: 'a' }] }],
      'eu-west-1': [{ name: 'aws-west', versions: [{ value: 'b' }] }],
    },
    '111111111111': { 'us-east-1': [{ name: 'aws-other-account', versions: [{ value: 'c' }] }] },
  },
  alibaba: { '1234567890123456': { 'cn-hangzhou': [{ name: 'ali', versions: [{ value: 'd' }] }] } },
};

async function names(url: string): Promise<string[]> {
  const state = (await (await fetch(`${url}/_emulator/state`)).json()) as { secrets: { name: string }[] };
  return state.secrets.map((s) => s.name).sort();
}

describe.each(STORES)('admin API (%s store)', (kind) => {
  const server = useServer(kind);

  it('seeds at runtime; the secrets read back through each SDK, and seeding again gives the same state', async () => {
    const first = await post(server().url, '/_emulator/seed', EXAMPLE);
    expect(first).toMatchObject({ status: 200, json: { status: 'seeded', secrets: 4 } });
    expect((await post(server().url, '/_emulator/seed', EXAMPLE)).status).toBe(200);
    expect(await names(server().url)).toEqual(['app-api-key', 'app-token', 'app/db-password', 'app/tls-key']);
    const aws = await awsClient(server().url).send(new GetSecretValueCommand({ SecretId: 'app/db-password' }));
    expect(aws.SecretString).toBe('s3cr3t-password');
    const alibaba = await alibabaClient(server().url, 'pop-core-post')('GetSecretValue', { SecretName: 'app-api-key' });
    expect(alibaba.SecretData).toBe('alibaba-api-key');
    const tencent = await tencentClient(server().url).GetSecretValue({ SecretName: 'app-token', VersionId: 'v1' });
    expect(tencent.SecretString).toBe('tencent-token');
  });

  it('accepts the seed document the README shows', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /## Seeding[\s\S]*?```json\n([\s\S]*?)```/.exec(readme);
    expect(await post(server().url, '/_emulator/seed', block![1])).toMatchObject({ status: 200, json: { secrets: 4 } });
    expect(await names(server().url)).toEqual(['app-api-key', 'app-token', 'app/db-password', 'app/tls-key']);
  });

  it('refuses a bad seed document with 400 and its reasons, changing nothing', async () => {
    await post(server().url, '/_emulator/seed', SPREAD);
    const bad = await post(server().url, '/_emulator/seed', {
      aws: { '000000000000': { 'us-east-1': [{ name: 'fine', versions: [{ value: 'x' }] }, { name: 'no-versions' }] } },
      gcp: {},
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('InvalidSeed');
    expect(bad.json.problems).toEqual(
      expect.arrayContaining(["/aws/000000000000/us-east-1/1: must have required property 'versions'", '/: must NOT have additional properties']),
    );
    const twoValues = await post(server().url, '/_emulator/seed', { tencent: { '100000000001': { 'ap-guangzhou': [{ name: 't', versions: [{ value: 'hidden', binary: 'AA==' }] }] } } });
    expect(twoValues.json.problems).toEqual(['/tencent/100000000001/ap-guangzhou/0/versions/0: needs exactly one of value (text) or binary (base64)']);
    expect(twoValues.text).not.toContain('hidden');
    const syntax = await post(server().url, '/_emulator/seed', '{\n"aws": }');
    expect(syntax).toMatchObject({ status: 400, json: { error: 'InvalidJson' } });
    expect(syntax.json.problems[0]).toMatch(/^invalid JSON at line 2 column \d+/);
    expect(await names(server().url)).toEqual(['ali', 'aws-east', 'aws-other-account', 'aws-west']);
  });

  it('resets one region, one account, or one cloud, and everything without a body', async () => {
    await post(server().url, '/_emulator/seed', SPREAD);
    expect(await post(server().url, '/_emulator/reset', { cloud: 'aws', account: '000000000000', region: 'eu-west-1' })).toMatchObject({
      status: 200,
      json: { status: 'reset', removed: 1 },
    });
    expect(await names(server().url)).toEqual(['ali', 'aws-east', 'aws-other-account']);
    await post(server().url, '/_emulator/reset', { cloud: 'aws', account: '111111111111' });
    expect(await names(server().url)).toEqual(['ali', 'aws-east']);
    await post(server().url, '/_emulator/reset', { cloud: 'alibaba' });
    expect(await names(server().url)).toEqual(['aws-east']);
    expect((await awsClient(server().url).send(new ListSecretsCommand({}))).SecretList?.map((s) => s.Name)).toEqual(['aws-east']);
    await post(server().url, '/_emulator/seed', SPREAD);
    expect(await post(server().url, '/moto-api/reset')).toMatchObject({ status: 200, json: { status: 'reset' } });
    expect(await names(server().url)).toEqual([]);
  });

  it('refuses a bad reset scope with 400', async () => {
    await post(server().url, '/_emulator/seed', SPREAD);
    const bad = await post(server().url, '/_emulator/reset', { cloud: 'gcp', zone: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('InvalidReset');
    expect(bad.json.problems).toEqual(expect.arrayContaining(['/: must NOT have additional properties', '/cloud: must be equal to one of the allowed values']));
    expect((await post(server().url, '/_emulator/reset', { region: 'us-east-1' })).status).toBe(400);
    expect(await names(server().url)).toHaveLength(4);
  });

  it('masks values in an export unless asked, and refuses to import a masked one', async () => {
    await post(server().url, '/_emulator/seed', EXAMPLE);
    const masked = await (await fetch(`${server().url}/_emulator/state`)).text();
    for (const value of ['s3cr3t-password', 'old-password', 'AAECAwQ=', 'alibaba-api-key', 'tencent-token']) expect(masked).not.toContain(value);
    const state = JSON.parse(masked);
    expect(state).toMatchObject({ format: 'polysecret-state/1', valuesIncluded: false });
    expect(state.secrets.find((s: any) => s.name === 'app/tls-key').versions[0].value).toEqual({ type: 'binary', data: '********' });
    const refused = await post(server().url, '/_emulator/state', state);
    expect(refused.status).toBe(400);
    expect(refused.json.problems[0]).toContain('masked');
    const full = await (await fetch(`${server().url}/_emulator/state?values=true`)).json();
    expect(full.valuesIncluded).toBe(true);
    expect(JSON.stringify(full)).toContain('s3cr3t-password');
  });

  it('round-trips an export through import, here and into another server', async () => {
    await post(server().url, '/_emulator/seed', EXAMPLE);
    const exported = await (await fetch(`${server().url}/_emulator/state?values=true`)).json();
    await post(server().url, '/_emulator/reset');
    expect(await post(server().url, '/_emulator/state', exported)).toMatchObject({ status: 200, json: { status: 'imported', secrets: 4 } });
    const again = await (await fetch(`${server().url}/_emulator/state?values=true`)).json();
    expect(again.secrets).toEqual(exported.secrets);
    const other = await startServer(kind === 'memory' ? 'lowdb' : 'memory');
    try {
      expect((await post(other.url, '/_emulator/state', exported)).status).toBe(200);
      const aws = await awsClient(other.url).send(new GetSecretValueCommand({ SecretId: 'app/db-password', VersionStage: 'AWSPREVIOUS' }));
      expect(aws.SecretString).toBe('old-password');
      const tencent = await tencentClient(other.url).GetSecretValue({ SecretName: 'app-token', VersionId: 'v1' });
      expect(tencent.SecretString).toBe('tencent-token');
    } finally {
      await other.stop();
    }
  });

  it('refuses an import that is not an export, changing nothing', async () => {
    await post(server().url, '/_emulator/seed', SPREAD);
    const bad = await post(server().url, '/_emulator/state', { format: 'polysecret-state/1', valuesIncluded: true, secrets: [{ name: 'x' }] });
    expect(bad.status).toBe(400);
    expect(bad.json.problems).toContain("/secrets/0: must have required property 'key'");
    expect((await post(server().url, '/_emulator/state', 'not json')).json.error).toBe('InvalidJson');
    expect(await names(server().url)).toHaveLength(4);
  });
});
