import { ManualClock } from '../../../../src/core/runtime.js';
import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { createProductSecret, expectRawTencentError, expectTencentError, scheduleDeletion, storedSecret, UUID } from '../../../helpers/tencentOperations.js';

const BINARY = Buffer.from('bytes +/= \u0000 end').toString('base64');

describe.each(STORES)('Tencent PutSecretValue (%s store)', (kind) => {
  const clock = new ManualClock(Date.UTC(2024, 2, 3, 4, 5, 6, 700));
  const server = useServer(kind, { clock });
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('adds a string version under the new id, keeping the old one', async () => {
      await client().CreateSecret({ SecretName: 'app', VersionId: 'v1', SecretString: 'one' });
      const put = await client(framing).PutSecretValue({ SecretName: 'app', VersionId: 'v2', SecretString: 'two & +more' });
      expect(put).toEqual({ SecretName: 'app', VersionId: 'v2', RequestId: expect.stringMatching(UUID) });
      expect(await client().GetSecretValue({ SecretName: 'app', VersionId: 'v2' })).toMatchObject({ SecretString: 'two & +more', SecretBinary: '' });
      expect((await client().GetSecretValue({ SecretName: 'app', VersionId: 'v1' })).SecretString).toBe('one');
    });

    it('adds a binary version that reads back as the same base64', async () => {
      await client().CreateSecret({ SecretName: 'bin', SecretString: 'text' });
      await client(framing).PutSecretValue({ SecretName: 'bin', VersionId: 'b.1', SecretBinary: BINARY });
      expect(await client().GetSecretValue({ SecretName: 'bin', VersionId: 'b.1' })).toMatchObject({ SecretBinary: BINARY, SecretString: '' });
    });

    it('refuses an id in use with ResourceInUse.VersionIdExists, keeping its value', async () => {
      await client().CreateSecret({ SecretName: 'dup', SecretString: 'first' });
      await expectTencentError(client(framing).PutSecretValue({ SecretName: 'dup', VersionId: 'SSM_Current', SecretString: 'second' }), 'ResourceInUse.VersionIdExists');
      expect((await client().GetSecretValue({ SecretName: 'dup', VersionId: 'SSM_Current' })).SecretString).toBe('first');
    });
  });

  it('stamps the version with the time it was put', async () => {
    await client().CreateSecret({ SecretName: 'timed', VersionId: 'v1', SecretString: 's' });
    clock.advance(90_000);
    await client().PutSecretValue({ SecretName: 'timed', VersionId: 'v2', SecretString: 's' });
    const created = Math.floor((clock.now() - 90_000) / 1000);
    expect((await client().ListSecretVersionIds({ SecretName: 'timed' })).Versions).toEqual([
      { VersionId: 'v1', CreateTime: created },
      { VersionId: 'v2', CreateTime: created + 90 },
    ]);
  });

  it('allows 10 versions and refuses the 11th with LimitExceeded', async () => {
    await client().CreateSecret({ SecretName: 'capped', VersionId: 'v1', SecretString: '1' });
    for (let i = 2; i <= 10; i++) await client().PutSecretValue({ SecretName: 'capped', VersionId: `v${i}`, SecretString: String(i) });
    for (const framing of TENCENT_FRAMINGS) {
      await expectTencentError(client(framing).PutSecretValue({ SecretName: 'capped', VersionId: 'v11', SecretString: '11' }), 'LimitExceeded');
    }
    expect(storedSecret(server(), 'capped')?.versions).toHaveLength(10);
    await expectTencentError(client().GetSecretValue({ SecretName: 'capped', VersionId: 'v11' }), 'ResourceNotFound');
    // Deleting a version makes room again; nothing is purged to make room.
    await client().DeleteSecretVersion({ SecretName: 'capped', VersionId: 'v1' });
    await client().PutSecretValue({ SecretName: 'capped', VersionId: 'v11', SecretString: '11' });
    expect((await client().GetSecretValue({ SecretName: 'capped', VersionId: 'v2' })).SecretString).toBe('2');
  });

  it('writes to a Disabled secret', async () => {
    await client().CreateSecret({ SecretName: 'off', SecretString: 's' });
    await client().DisableSecret({ SecretName: 'off' });
    await client().PutSecretValue({ SecretName: 'off', VersionId: 'v2', SecretString: 'new' });
    await client().EnableSecret({ SecretName: 'off' });
    expect((await client().GetSecretValue({ SecretName: 'off', VersionId: 'v2' })).SecretString).toBe('new');
  });

  it('refuses a PendingDelete secret with FailedOperation', async () => {
    await client().CreateSecret({ SecretName: 'doomed', SecretString: 's' });
    await scheduleDeletion(client(), 'doomed');
    for (const framing of TENCENT_FRAMINGS) {
      await expectTencentError(client(framing).PutSecretValue({ SecretName: 'doomed', VersionId: 'v2', SecretString: 'x' }), 'FailedOperation');
    }
    expect(storedSecret(server(), 'doomed')?.versions.map((v) => v.id)).toEqual(['SSM_Current']);
  });

  it('refuses a cloud-product secret with OperationDenied.AutoRotatedResource', async () => {
    await createProductSecret(server(), 'mysql');
    await expectTencentError(client().PutSecretValue({ SecretName: 'mysql', VersionId: 'manual', SecretString: 'x' }), 'OperationDenied.AutoRotatedResource');
    const chinese = await expectRawTencentError(server().url, 'PutSecretValue', { SecretName: 'mysql', VersionId: 'manual', SecretString: 'x' }, 'OperationDenied.AutoRotatedResource', {
      'x-tc-language': 'zh-CN',
    });
    expect(chinese.Message).toBe('该凭据由系统自动轮转，不能手动写入。');
  });

  it('answers ResourceNotFound for a secret that does not exist', async () => {
    for (const framing of TENCENT_FRAMINGS) {
      await expectTencentError(client(framing).PutSecretValue({ SecretName: 'missing', VersionId: 'v', SecretString: 's' }), 'ResourceNotFound');
    }
  });

  describe('parameters', () => {
    beforeEach(async () => {
      await client().CreateSecret({ SecretName: 'p', SecretString: 's' });
    });

    it('refuses both SecretString and SecretBinary, and neither, with InvalidParameterValue', async () => {
      await expectTencentError(client().PutSecretValue({ SecretName: 'p', VersionId: 'v2', SecretString: 's', SecretBinary: BINARY }), 'InvalidParameterValue');
      await expectTencentError(client().PutSecretValue({ SecretName: 'p', VersionId: 'v2' }), 'InvalidParameterValue');
      await expectTencentError(client().PutSecretValue({ SecretName: 'p', VersionId: 'v2', SecretBinary: 'not base64' }), 'InvalidParameterValue');
      expect(storedSecret(server(), 'p')?.versions).toHaveLength(1);
    });

    it('refuses a value over 32 KiB', async () => {
      await client().PutSecretValue({ SecretName: 'p', VersionId: 'max', SecretString: 'x'.repeat(32 * 1024) });
      await expectTencentError(client().PutSecretValue({ SecretName: 'p', VersionId: 'over', SecretString: 'x'.repeat(32 * 1024 + 1) }), 'InvalidParameterValue');
    });

    it.each([
      ['', 'empty'],
      ['v'.repeat(65), '65 characters'],
      ['.v', 'leading dot'],
      ['v 2', 'a space'],
    ])('refuses VersionId %j (%s) with InvalidParameterValue', async (versionId) => {
      await expectTencentError(client().PutSecretValue({ SecretName: 'p', VersionId: versionId, SecretString: 's' }), 'InvalidParameterValue');
    });

    it('requires SecretName and VersionId', async () => {
      const noVersion = await expectTencentError(client().PutSecretValue({ SecretName: 'p', SecretString: 's' } as never), 'MissingParameter');
      expect(noVersion.message).toBe('The request is missing a required parameter `VersionId`.');
      await expectTencentError(client().PutSecretValue({ VersionId: 'v', SecretString: 's' } as never), 'MissingParameter');
    });
  });

  it('answers HTTP 200, application/json and exactly SecretName, VersionId, RequestId', async () => {
    await client().CreateSecret({ SecretName: 'wire', SecretString: 's' });
    const response = await rawTencent(server().url, 'PutSecretValue', { SecretName: 'wire', VersionId: 'v2', SecretString: 't' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.json).toEqual({ Response: { SecretName: 'wire', VersionId: 'v2', RequestId: expect.stringMatching(UUID) } });
    const exists = await expectRawTencentError(server().url, 'PutSecretValue', { SecretName: 'wire', VersionId: 'v2', SecretString: 't' }, 'ResourceInUse.VersionIdExists', {
      'x-tc-language': 'zh-CN',
    });
    expect(exists.Message).toBe('凭据版本号已存在。');
  });
});
