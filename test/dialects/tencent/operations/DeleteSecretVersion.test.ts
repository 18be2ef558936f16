import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { createProductSecret, expectRawTencentError, expectTencentError, scheduleDeletion, storedSecret, UUID } from '../../../helpers/tencentOperations.js';

describe.each(STORES)('Tencent DeleteSecretVersion (%s store)', (kind) => {
  const server = useServer(kind);
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);
  const versionIds = async (name: string) => (await client().ListSecretVersionIds({ SecretName: name })).Versions!.map((v) => v.VersionId);

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('removes the version at once, leaving the others', async () => {
      await client().CreateSecret({ SecretName: 'app', VersionId: 'v1', SecretString: 'one' });
      await client().PutSecretValue({ SecretName: 'app', VersionId: 'v2', SecretString: 'two' });
      const deleted = await client(framing).DeleteSecretVersion({ SecretName: 'app', VersionId: 'v1' });
      expect(deleted).toEqual({ SecretName: 'app', VersionId: 'v1', RequestId: expect.stringMatching(UUID) });
      expect(await versionIds('app')).toEqual(['v2']);
      await expectTencentError(client().GetSecretValue({ SecretName: 'app', VersionId: 'v1' }), 'ResourceNotFound');
      expect((await client().GetSecretValue({ SecretName: 'app', VersionId: 'v2' })).SecretString).toBe('two');
    });

    it('answers ResourceNotFound for a version or a secret that does not exist', async () => {
      await client().CreateSecret({ SecretName: 'one', VersionId: 'v1', SecretString: 's' });
      await expectTencentError(client(framing).DeleteSecretVersion({ SecretName: 'one', VersionId: 'v2' }), 'ResourceNotFound');
      await expectTencentError(client(framing).DeleteSecretVersion({ SecretName: 'missing', VersionId: 'v1' }), 'ResourceNotFound');
      expect(await versionIds('one')).toEqual(['v1']);
    });
  });

  it('supports Terraform\'s flow: create with version "default", delete it, keep a secret with no versions', async () => {
    await client().CreateSecret({ SecretName: 'tf', VersionId: 'default', SecretString: 'default' });
    await client().DeleteSecretVersion({ SecretName: 'tf', VersionId: 'default' });
    expect(await versionIds('tf')).toEqual([]);
    expect((await client().DescribeSecret({ SecretName: 'tf' })).Status).toBe('Enabled');
    await client().PutSecretValue({ SecretName: 'tf', VersionId: 'v1', SecretString: 'real' });
    expect((await client().GetSecretValue({ SecretName: 'tf', VersionId: 'v1' })).SecretString).toBe('real');
  });

  it('frees the id for a new version with another value', async () => {
    await client().CreateSecret({ SecretName: 'reuse', SecretString: 'old' });
    await client().DeleteSecretVersion({ SecretName: 'reuse', VersionId: 'SSM_Current' });
    await client().PutSecretValue({ SecretName: 'reuse', VersionId: 'SSM_Current', SecretString: 'new' });
    expect((await client().GetSecretValue({ SecretName: 'reuse', VersionId: 'SSM_Current' })).SecretString).toBe('new');
  });

  it('works whatever the status: Disabled and PendingDelete', async () => {
    await client().CreateSecret({ SecretName: 'off', VersionId: 'v1', SecretString: 's' });
    await client().DisableSecret({ SecretName: 'off' });
    await client().DeleteSecretVersion({ SecretName: 'off', VersionId: 'v1' });
    expect(storedSecret(server(), 'off')?.versions).toEqual([]);
    await client().CreateSecret({ SecretName: 'doomed', VersionId: 'v1', SecretString: 's' });
    await scheduleDeletion(client(), 'doomed');
    await client().DeleteSecretVersion({ SecretName: 'doomed', VersionId: 'v1' });
    expect(storedSecret(server(), 'doomed')?.versions).toEqual([]);
  });

  it('refuses a cloud-product secret with FailedOperation', async () => {
    await createProductSecret(server(), 'mysql');
    await expectTencentError(client().DeleteSecretVersion({ SecretName: 'mysql', VersionId: 'SSM_Current' }), 'FailedOperation');
    expect(storedSecret(server(), 'mysql')?.versions).toHaveLength(1);
  });

  it('requires SecretName and VersionId and refuses an empty VersionId', async () => {
    const missing = await expectTencentError(client().DeleteSecretVersion({ SecretName: 'a' } as never), 'MissingParameter');
    expect(missing.message).toBe('The request is missing a required parameter `VersionId`.');
    await expectTencentError(client().DeleteSecretVersion({ VersionId: 'v' } as never), 'MissingParameter');
    await expectTencentError(client().DeleteSecretVersion({ SecretName: 'a', VersionId: '' }), 'InvalidParameterValue');
  });

  it('answers HTTP 200, application/json and exactly SecretName, VersionId, RequestId', async () => {
    await client().CreateSecret({ SecretName: 'wire', VersionId: 'v1', SecretString: 's' });
    const response = await rawTencent(server().url, 'DeleteSecretVersion', { SecretName: 'wire', VersionId: 'v1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.json).toEqual({ Response: { SecretName: 'wire', VersionId: 'v1', RequestId: expect.stringMatching(UUID) } });
    const again = await expectRawTencentError(server().url, 'DeleteSecretVersion', { SecretName: 'wire', VersionId: 'v1' }, 'ResourceNotFound', { 'x-tc-language': 'zh-CN' });
    expect(again.Message).toBe('凭据版本不存在。');
  });
});
