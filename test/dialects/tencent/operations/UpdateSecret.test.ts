import { ManualClock } from '../../../../src/core/runtime.js';
import { startServer, STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { createProductSecret, expectRawTencentError, expectTencentError, scheduleDeletion, storedSecret, UUID } from '../../../helpers/tencentOperations.js';

const BINARY = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0xfb, 0xff]).toString('base64');

describe.each(STORES)('Tencent UpdateSecret (%s store)', (kind) => {
  const clock = new ManualClock(Date.UTC(2024, 7, 9, 10, 11, 12, 130));
  const server = useServer(kind, { clock });
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('overwrites the value of the version in place', async () => {
      await client().CreateSecret({ SecretName: 'app', SecretString: 'old' });
      const updated = await client(framing).UpdateSecret({ SecretName: 'app', VersionId: 'SSM_Current', SecretString: 'new & +value' });
      expect(updated).toEqual({ SecretName: 'app', VersionId: 'SSM_Current', RequestId: expect.stringMatching(UUID) });
      expect(await client().GetSecretValue({ SecretName: 'app', VersionId: 'SSM_Current' })).toMatchObject({ SecretString: 'new & +value', SecretBinary: '' });
    });

    it('switches a string version to binary, leaving SecretString ""', async () => {
      await client().CreateSecret({ SecretName: 'switch', VersionId: 'v1', SecretString: 'text' });
      await client(framing).UpdateSecret({ SecretName: 'switch', VersionId: 'v1', SecretBinary: BINARY });
      expect(await client().GetSecretValue({ SecretName: 'switch', VersionId: 'v1' })).toMatchObject({ SecretBinary: BINARY, SecretString: '' });
    });

    it('answers ResourceNotFound for a version the secret does not have', async () => {
      await client().CreateSecret({ SecretName: 'nover', VersionId: 'v1', SecretString: 's' });
      await expectTencentError(client(framing).UpdateSecret({ SecretName: 'nover', VersionId: 'v2', SecretString: 'x' }), 'ResourceNotFound');
      expect(storedSecret(server(), 'nover')?.versions.map((v) => v.id)).toEqual(['v1']);
    });
  });

  it('keeps the version id, its CreateTime and its place, and leaves the other versions alone', async () => {
    await client().CreateSecret({ SecretName: 'keep', VersionId: 'v1', SecretString: 'one' });
    clock.advance(60_000);
    await client().PutSecretValue({ SecretName: 'keep', VersionId: 'v2', SecretString: 'two' });
    const before = (await client().ListSecretVersionIds({ SecretName: 'keep' })).Versions;
    clock.advance(3_600_000);
    await client().UpdateSecret({ SecretName: 'keep', VersionId: 'v1', SecretString: 'uno' });
    expect((await client().ListSecretVersionIds({ SecretName: 'keep' })).Versions).toEqual(before);
    expect(before!.map((v) => v.VersionId)).toEqual(['v1', 'v2']);
    expect((await client().GetSecretValue({ SecretName: 'keep', VersionId: 'v1' })).SecretString).toBe('uno');
    expect((await client().GetSecretValue({ SecretName: 'keep', VersionId: 'v2' })).SecretString).toBe('two');
  });

  it('updates a Disabled secret', async () => {
    await client().CreateSecret({ SecretName: 'off', SecretString: 'old' });
    await client().DisableSecret({ SecretName: 'off' });
    await client().UpdateSecret({ SecretName: 'off', VersionId: 'SSM_Current', SecretString: 'new' });
    await client().EnableSecret({ SecretName: 'off' });
    expect((await client().GetSecretValue({ SecretName: 'off', VersionId: 'SSM_Current' })).SecretString).toBe('new');
  });

  it('refuses a PendingDelete secret with FailedOperation, leaving the value', async () => {
    await client().CreateSecret({ SecretName: 'doomed', SecretString: 'old' });
    await scheduleDeletion(client(), 'doomed');
    for (const framing of TENCENT_FRAMINGS) {
      await expectTencentError(client(framing).UpdateSecret({ SecretName: 'doomed', VersionId: 'SSM_Current', SecretString: 'new' }), 'FailedOperation');
    }
    expect(storedSecret(server(), 'doomed')?.versions[0].value).toEqual({ type: 'string', data: 'old' });
  });

  it('refuses a cloud-product secret with OperationDenied.AutoRotatedResource', async () => {
    await createProductSecret(server(), 'mysql');
    await expectTencentError(client().UpdateSecret({ SecretName: 'mysql', VersionId: 'SSM_Current', SecretString: 'x' }), 'OperationDenied.AutoRotatedResource');
  });

  it('answers ResourceNotFound for a secret that does not exist', async () => {
    await expectTencentError(client().UpdateSecret({ SecretName: 'missing', VersionId: 'SSM_Current', SecretString: 's' }), 'ResourceNotFound');
  });

  describe('parameters', () => {
    beforeEach(async () => {
      await client().CreateSecret({ SecretName: 'p', SecretString: 'old' });
    });

    it('refuses both SecretString and SecretBinary, and neither, with InvalidParameterValue', async () => {
      await expectTencentError(client().UpdateSecret({ SecretName: 'p', VersionId: 'SSM_Current', SecretString: 's', SecretBinary: BINARY }), 'InvalidParameterValue');
      await expectTencentError(client().UpdateSecret({ SecretName: 'p', VersionId: 'SSM_Current' }), 'InvalidParameterValue');
      await expectTencentError(client().UpdateSecret({ SecretName: 'p', VersionId: 'SSM_Current', SecretBinary: '!!' }), 'InvalidParameterValue');
      expect((await client().GetSecretValue({ SecretName: 'p', VersionId: 'SSM_Current' })).SecretString).toBe('old');
    });

    it('takes a value of 32 KiB and refuses one byte more', async () => {
      await client().UpdateSecret({ SecretName: 'p', VersionId: 'SSM_Current', SecretString: 'x'.repeat(32 * 1024) });
      await expectTencentError(client().UpdateSecret({ SecretName: 'p', VersionId: 'SSM_Current', SecretString: 'y'.repeat(32 * 1024 + 1) }), 'InvalidParameterValue');
      expect((await client().GetSecretValue({ SecretName: 'p', VersionId: 'SSM_Current' })).SecretString).toBe('x'.repeat(32 * 1024));
    });

    it('requires VersionId (MissingParameter) and refuses "" (InvalidParameterValue)', async () => {
      const error = await expectTencentError(client().UpdateSecret({ SecretName: 'p', SecretString: 's' } as never), 'MissingParameter');
      expect(error.message).toBe('The request is missing a required parameter `VersionId`.');
      await expectTencentError(client().UpdateSecret({ SecretName: 'p', VersionId: '', SecretString: 's' }), 'InvalidParameterValue');
    });
  });

  (kind === 'lowdb' ? it : it.skip)('persists the new value', async () => {
    await client().CreateSecret({ SecretName: 'durable', SecretString: 'old' });
    await client().UpdateSecret({ SecretName: 'durable', VersionId: 'SSM_Current', SecretString: 'new' });
    const reopened = await startServer(kind, { dataDir: server().dataDir });
    try {
      const read = await tencentClient(reopened.url).GetSecretValue({ SecretName: 'durable', VersionId: 'SSM_Current' });
      expect(read.SecretString).toBe('new');
    } finally {
      await reopened.stop();
    }
  });

  it('answers HTTP 200, application/json and exactly SecretName, VersionId, RequestId', async () => {
    await client().CreateSecret({ SecretName: 'wire', SecretString: 's' });
    const response = await rawTencent(server().url, 'UpdateSecret', { SecretName: 'wire', VersionId: 'SSM_Current', SecretString: 't' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.json).toEqual({ Response: { SecretName: 'wire', VersionId: 'SSM_Current', RequestId: expect.stringMatching(UUID) } });
    const missing = await expectRawTencentError(server().url, 'UpdateSecret', { SecretName: 'wire', VersionId: 'v9', SecretString: 't' }, 'ResourceNotFound', {
      'x-tc-language': 'zh-CN',
    });
    expect(missing.Message).toBe('凭据版本不存在。');
  });
});
