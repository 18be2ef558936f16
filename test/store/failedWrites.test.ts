import { CreateSecretCommand, DescribeSecretCommand, GetSecretValueCommand, ListSecretsCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { SecretRecord } from '../../src/core/model.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { alibabaClient } from '../helpers/alibaba.js';
import { awsClient, rawAws, sdkError, useServer } from '../helpers/server.js';
import { rawTencent } from '../helpers/tencent.js';

/** A store whose writes fail while `full` is set, as a full or read-only disk does. */
class FlakyStore extends MemoryStore {
  full = false;
  override async save(records: readonly SecretRecord[]): Promise<void> {
    if (this.full) throw new Error('ENOSPC: no space left on device, write');
    return super.save(records);
  }
}

describe('a write the store refused', () => {
  const store = new FlakyStore();
  const server = useServer('memory', { store });
  const aws = () => awsClient(server().url);
  afterEach(() => {
    store.full = false;
  });

  it('is answered with each cloud\'s internal error and is never visible, so a retry succeeds', async () => {
    store.full = true;
    const refused = await rawAws(server().url, 'CreateSecret', { Name: 'phantom', SecretString: 'v1', ClientRequestToken: 'a1b2c3d4-0000-4000-8000-000000000001' });
    expect([refused.status, refused.json.__type]).toEqual([500, 'InternalServiceError']);
    const alibaba = await alibabaClient(server().url, 'kms20160120')('CreateSecret', { SecretName: 'phantom', VersionId: 'v1', SecretData: 'x' }).catch((error: { code?: string; data?: { statusCode?: number } }) => error);
    expect((alibaba as { code?: string }).code).toMatch(/^InternalFailure/);
    const tencent = await rawTencent(server().url, 'CreateSecret', { SecretName: 'phantom', VersionId: 'v1', SecretString: 'x' });
    expect(tencent.json.Response.Error.Code).toBe('InternalError');

    store.full = false;
    expect((await sdkError(aws().send(new DescribeSecretCommand({ SecretId: 'phantom' })))).name).toBe('ResourceNotFoundException');
    expect((await aws().send(new ListSecretsCommand({}))).SecretList).toEqual([]);
    await aws().send(new CreateSecretCommand({ Name: 'phantom', SecretString: 'real' }));
    expect((await aws().send(new GetSecretValueCommand({ SecretId: 'phantom' }))).SecretString).toBe('real');
  });

  it('leaves the value and versions as they were, and the next good write does not carry it', async () => {
    await aws().send(new CreateSecretCommand({ Name: 'kept', SecretString: 'one' }));
    store.full = true;
    expect((await sdkError(aws().send(new PutSecretValueCommand({ SecretId: 'kept', SecretString: 'lost' })))).$metadata.httpStatusCode).toBe(500);
    expect((await aws().send(new GetSecretValueCommand({ SecretId: 'kept' }))).SecretString).toBe('one');
    store.full = false;
    await aws().send(new PutSecretValueCommand({ SecretId: 'kept', SecretString: 'two' }));
    const described = await aws().send(new DescribeSecretCommand({ SecretId: 'kept' }));
    expect(Object.keys(described.VersionIdsToStages ?? {})).toHaveLength(2);
    const stored = (await store.loadAll()).find((record) => record.name === 'kept')!;
    expect(stored.versions.map((version) => version.value?.data)).toEqual(['one', 'two']);
  });

  it('does not stop reads, and health says degraded with the reason until a write succeeds', async () => {
    await aws().send(new CreateSecretCommand({ Name: 'readable', SecretString: 'still' }));
    store.full = true;
    // The first read of a day notes LastAccessedDate: in memory, never a write that could fail.
    expect((await aws().send(new GetSecretValueCommand({ SecretId: 'readable' }))).SecretString).toBe('still');
    await sdkError(aws().send(new PutSecretValueCommand({ SecretId: 'readable', SecretString: 'refused' })));
    const degraded = await fetch(`${server().url}/_emulator/health`);
    expect(degraded.status).toBe(200);
    expect(await degraded.json()).toMatchObject({ status: 'degraded', problem: 'the store cannot write: ENOSPC: no space left on device, write' });
    expect((await aws().send(new GetSecretValueCommand({ SecretId: 'readable' }))).SecretString).toBe('still');

    store.full = false;
    await aws().send(new PutSecretValueCommand({ SecretId: 'readable', SecretString: 'accepted' }));
    const healthy = (await (await fetch(`${server().url}/_emulator/health`)).json()) as Record<string, unknown>;
    expect(healthy.status).toBe('ready');
    expect(healthy).not.toHaveProperty('problem');
    // The read time noted in memory went to the store with that write.
    const stored = (await store.loadAll()).find((record) => record.name === 'readable')!;
    expect(typeof stored.accessedAt).toBe('number');
  });
});
