import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, tencentError } from '../../../helpers/tencent.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(STORES)('Tencent EnableSecret (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => tencentClient(server().url);
  const read = () => client().GetSecretValue({ SecretName: 'app-key', VersionId: 'SSM_Current' });

  async function disabledSecret(): Promise<void> {
    await client().CreateSecret({ SecretName: 'app-key', SecretString: 'v1' });
    await client().DisableSecret({ SecretName: 'app-key' });
  }

  it.each(TENCENT_FRAMINGS)('turns a Disabled secret Enabled, making its value readable ($name)', async (framing) => {
    await disabledSecret();
    const enabled = await tencentClient(server().url, framing).EnableSecret({ SecretName: 'app-key' });
    expect(enabled).toEqual({ SecretName: 'app-key', RequestId: expect.stringMatching(UUID) });
    expect((await client().DescribeSecret({ SecretName: 'app-key' })).Status).toBe('Enabled');
    expect((await read()).SecretString).toBe('v1');
  });

  it('answers HTTP 200 application/json with exactly SecretName and RequestId', async () => {
    await disabledSecret();
    const response = await rawTencent(server().url, 'EnableSecret', { SecretName: 'app-key' });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/json']);
    expect(response.json).toEqual({ Response: { SecretName: 'app-key', RequestId: expect.stringMatching(UUID) } });
  });

  it('succeeds on a secret that is already enabled, which stays enabled', async () => {
    await client().CreateSecret({ SecretName: 'app-key', SecretString: 'v1' });
    expect((await client().EnableSecret({ SecretName: 'app-key' })).SecretName).toBe('app-key');
    expect((await client().EnableSecret({ SecretName: 'app-key' })).SecretName).toBe('app-key');
    expect((await client().DescribeSecret({ SecretName: 'app-key' })).Status).toBe('Enabled');
  });

  it('refuses a secret pending deletion with FailedOperation: it must be restored first', async () => {
    await disabledSecret();
    await client().DeleteSecret({ SecretName: 'app-key', RecoveryWindowInDays: 7 });
    const error = await tencentError(client().EnableSecret({ SecretName: 'app-key' }));
    expect([error.code, error.message, error.requestId]).toEqual([
      'FailedOperation',
      'The secret is pending deletion; call RestoreSecret first.',
      expect.stringMatching(UUID),
    ]);
    expect((await client().DescribeSecret({ SecretName: 'app-key' })).Status).toBe('PendingDelete');
    const chinese = await rawTencent(server().url, 'EnableSecret', { SecretName: 'app-key' }, { 'x-tc-language': 'zh-CN' });
    expect([chinese.status, chinese.json.Response.Error]).toEqual([200, { Code: 'FailedOperation', Message: '凭据处于待删除状态，请先调用RestoreSecret恢复凭据。' }]);
  });

  it('answers ResourceNotFound for a missing secret', async () => {
    const error = await tencentError(client().EnableSecret({ SecretName: 'missing' }));
    expect([error.code, error.requestId]).toEqual(['ResourceNotFound', expect.stringMatching(UUID)]);
  });

  it.each([
    ['no SecretName', 'MissingParameter', {}],
    ['an empty SecretName', 'InvalidParameterValue', { SecretName: '' }],
    ['an unknown parameter', 'UnknownParameter', { SecretName: 'x', Enabled: true }],
  ])('refuses %s with %s', async (_, code, params) => {
    const error = await tencentError(client().EnableSecret(params as never));
    expect([error.code, error.requestId]).toEqual([code, expect.stringMatching(UUID)]);
  });

  it('refuses a SecretName that is not a string with InvalidParameter', async () => {
    const response = await rawTencent(server().url, 'EnableSecret', { SecretName: 42 });
    expect(response.json.Response.Error).toEqual({ Code: 'InvalidParameter', Message: 'Parameter `SecretName` type error.' });
  });
});
