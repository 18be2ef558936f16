import { ManualClock } from '../../../../src/core/runtime.js';
import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { DAY_MS, expectRawTencentError, expectTencentError, scheduleDeletion, UUID } from '../../../helpers/tencentOperations.js';

const BINARY = Buffer.from([0x00, 0xfb, 0xff, 0xbf, 0x3e, 0x3f]).toString('base64');

describe.each(STORES)('Tencent GetSecretValue (%s store)', (kind) => {
  const clock = new ManualClock(Date.UTC(2024, 5, 1, 12, 0, 0));
  const server = useServer(kind, { clock });
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('reads a string version with SecretBinary ""', async () => {
      await client().CreateSecret({ SecretName: 'app', VersionId: 'v1', SecretString: '{"user":"a b&c=d"}' });
      const read = await client(framing).GetSecretValue({ SecretName: 'app', VersionId: 'v1' });
      expect(read).toEqual({ SecretName: 'app', VersionId: 'v1', SecretString: '{"user":"a b&c=d"}', SecretBinary: '', RequestId: expect.stringMatching(UUID) });
    });

    it('reads a binary version as its base64 text with SecretString ""', async () => {
      await client().CreateSecret({ SecretName: 'bin', SecretBinary: BINARY });
      const read = await client(framing).GetSecretValue({ SecretName: 'bin', VersionId: 'SSM_Current' });
      expect(read).toMatchObject({ SecretName: 'bin', VersionId: 'SSM_Current', SecretBinary: BINARY, SecretString: '' });
    });

    it('reads the version named, not the newest', async () => {
      await client().CreateSecret({ SecretName: 'multi', VersionId: 'v1', SecretString: 'one' });
      await client().PutSecretValue({ SecretName: 'multi', VersionId: 'v2', SecretString: 'two' });
      expect((await client(framing).GetSecretValue({ SecretName: 'multi', VersionId: 'v1' })).SecretString).toBe('one');
      expect((await client(framing).GetSecretValue({ SecretName: 'multi', VersionId: 'v2' })).SecretString).toBe('two');
    });

    it('refuses a Disabled secret with ResourceUnavailable.ResourceDisabled', async () => {
      await client().CreateSecret({ SecretName: 'off', SecretString: 's' });
      await client().DisableSecret({ SecretName: 'off' });
      await expectTencentError(client(framing).GetSecretValue({ SecretName: 'off', VersionId: 'SSM_Current' }), 'ResourceUnavailable.ResourceDisabled');
    });
  });

  it('accepts and ignores EncryptionPublicKey and EncryptionAlgorithm', async () => {
    await client().CreateSecret({ SecretName: 'enc', SecretString: 'plain' });
    const read = await rawTencent(server().url, 'GetSecretValue', {
      SecretName: 'enc',
      VersionId: 'SSM_Current',
      EncryptionPublicKey: 'MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE',
      EncryptionAlgorithm: 'SM2',
    });
    expect(read.json.Response.SecretString).toBe('plain');
  });

  it('reads a secret again once it is enabled after being disabled', async () => {
    await client().CreateSecret({ SecretName: 'toggle', SecretString: 's' });
    await client().DisableSecret({ SecretName: 'toggle' });
    await client().EnableSecret({ SecretName: 'toggle' });
    expect((await client().GetSecretValue({ SecretName: 'toggle', VersionId: 'SSM_Current' })).SecretString).toBe('s');
  });

  it('refuses a PendingDelete secret with ResourceUnavailable.ResourcePendingDeleted, then ResourceNotFound once purged', async () => {
    await client().CreateSecret({ SecretName: 'doomed', SecretString: 's' });
    await scheduleDeletion(client(), 'doomed', 3);
    for (const framing of TENCENT_FRAMINGS) {
      await expectTencentError(client(framing).GetSecretValue({ SecretName: 'doomed', VersionId: 'SSM_Current' }), 'ResourceUnavailable.ResourcePendingDeleted');
    }
    clock.advance(3 * DAY_MS - 1000);
    await expectTencentError(client().GetSecretValue({ SecretName: 'doomed', VersionId: 'SSM_Current' }), 'ResourceUnavailable.ResourcePendingDeleted');
    clock.advance(1000);
    await expectTencentError(client().GetSecretValue({ SecretName: 'doomed', VersionId: 'SSM_Current' }), 'ResourceNotFound');
  });

  it('answers the status errors in Chinese when asked', async () => {
    await client().CreateSecret({ SecretName: 'zh', SecretString: 's' });
    await client().DisableSecret({ SecretName: 'zh' });
    const disabled = await expectRawTencentError(server().url, 'GetSecretValue', { SecretName: 'zh', VersionId: 'SSM_Current' }, 'ResourceUnavailable.ResourceDisabled', {
      'x-tc-language': 'zh-CN',
    });
    expect(disabled.Message).toBe('凭据已被禁用。');
    await client().DeleteSecret({ SecretName: 'zh', RecoveryWindowInDays: 1 });
    const pending = await expectRawTencentError(server().url, 'GetSecretValue', { SecretName: 'zh', VersionId: 'SSM_Current' }, 'ResourceUnavailable.ResourcePendingDeleted', {
      'x-tc-language': 'zh-CN',
    });
    expect(pending.Message).toBe('凭据处于待删除状态。');
  });

  describe('VersionId', () => {
    it('is required: no "latest" default (MissingParameter)', async () => {
      await client().CreateSecret({ SecretName: 'req', SecretString: 's' });
      for (const framing of TENCENT_FRAMINGS) {
        const error = await expectTencentError(client(framing).GetSecretValue({ SecretName: 'req' } as never), 'MissingParameter');
        expect(error.message).toBe('The request is missing a required parameter `VersionId`.');
      }
    });

    it('refuses "" (what Dapr sends when no version is asked for) with InvalidParameterValue', async () => {
      await client().CreateSecret({ SecretName: 'dapr', SecretString: 's' });
      for (const framing of TENCENT_FRAMINGS) {
        await expectTencentError(client(framing).GetSecretValue({ SecretName: 'dapr', VersionId: '' }), 'InvalidParameterValue');
      }
      const raw = await expectRawTencentError(server().url, 'GetSecretValue', { SecretName: 'dapr', VersionId: '' }, 'InvalidParameterValue');
      expect(raw.Message).toContain('`VersionId`');
    });

    it('answers ResourceNotFound for a version the secret does not have', async () => {
      await client().CreateSecret({ SecretName: 'versions', VersionId: 'v1', SecretString: 's' });
      for (const framing of TENCENT_FRAMINGS) {
        await expectTencentError(client(framing).GetSecretValue({ SecretName: 'versions', VersionId: 'v2' }), 'ResourceNotFound');
      }
      // SSM_Current is only a default id, not an alias of the newest version.
      await expectTencentError(client().GetSecretValue({ SecretName: 'versions', VersionId: 'SSM_Current' }), 'ResourceNotFound');
      // Version ids are matched exactly.
      await expectTencentError(client().GetSecretValue({ SecretName: 'versions', VersionId: 'V1' }), 'ResourceNotFound');
    });

    it('answers ResourceNotFound for a version that was deleted', async () => {
      await client().CreateSecret({ SecretName: 'gone', VersionId: 'default', SecretString: 's' });
      await client().DeleteSecretVersion({ SecretName: 'gone', VersionId: 'default' });
      await expectTencentError(client().GetSecretValue({ SecretName: 'gone', VersionId: 'default' }), 'ResourceNotFound');
    });
  });

  it('answers ResourceNotFound for a secret that does not exist, or lives in another region', async () => {
    await expectTencentError(client().GetSecretValue({ SecretName: 'missing', VersionId: 'SSM_Current' }), 'ResourceNotFound');
    await tencentClient(server().url, TENCENT_FRAMINGS[0], { region: 'ap-shanghai' }).CreateSecret({ SecretName: 'shanghai', SecretString: 's' });
    await expectTencentError(client().GetSecretValue({ SecretName: 'shanghai', VersionId: 'SSM_Current' }), 'ResourceNotFound');
  });

  describe('on the wire', () => {
    it('answers HTTP 200, application/json and exactly SecretName, VersionId, SecretBinary, SecretString, RequestId', async () => {
      await client().CreateSecret({ SecretName: 'wire', SecretBinary: BINARY });
      const response = await rawTencent(server().url, 'GetSecretValue', { SecretName: 'wire', VersionId: 'SSM_Current' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.json).toEqual({
        Response: { SecretName: 'wire', VersionId: 'SSM_Current', SecretBinary: BINARY, SecretString: '', RequestId: expect.stringMatching(UUID) },
      });
    });

    it('answers a missing secret with HTTP 200 and the Error envelope, in Chinese when asked', async () => {
      const english = await expectRawTencentError(server().url, 'GetSecretValue', { SecretName: 'nope', VersionId: 'v' }, 'ResourceNotFound');
      expect(english.Message).toBe('The secret does not exist.');
      const chinese = await expectRawTencentError(server().url, 'GetSecretValue', { SecretName: 'nope', VersionId: 'v' }, 'ResourceNotFound', { 'x-tc-language': 'zh-CN' });
      expect(chinese.Message).toBe('凭据不存在。');
    });

    it('reports unknown and mistyped parameters', async () => {
      await expectRawTencentError(server().url, 'GetSecretValue', { SecretName: 'a', VersionId: 'v', VersionStage: 'x' }, 'UnknownParameter');
      await expectRawTencentError(server().url, 'GetSecretValue', { SecretName: ['a'], VersionId: 'v' }, 'InvalidParameter');
    });
  });
});
