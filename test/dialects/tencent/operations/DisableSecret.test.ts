import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, tencentError } from '../../../helpers/tencent.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(STORES)('Tencent DisableSecret (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => tencentClient(server().url);
  const read = () => client().GetSecretValue({ SecretName: 'app-key', VersionId: 'SSM_Current' });
  const create = () => client().CreateSecret({ SecretName: 'app-key', SecretString: 'v1' });

  it.each(TENCENT_FRAMINGS)('turns an Enabled secret Disabled, hiding its value ($name)', async (framing) => {
    await create();
    const disabled = await tencentClient(server().url, framing).DisableSecret({ SecretName: 'app-key' });
    expect(disabled).toEqual({ SecretName: 'app-key', RequestId: expect.stringMatching(UUID) });
    expect((await client().DescribeSecret({ SecretName: 'app-key' })).Status).toBe('Disabled');
    expect((await tencentError(read())).code).toBe('ResourceUnavailable.ResourceDisabled');
  });

  it('answers HTTP 200 application/json with exactly SecretName and RequestId', async () => {
    await create();
    const response = await rawTencent(server().url, 'DisableSecret', { SecretName: 'app-key' });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/json']);
    expect(response.json).toEqual({ Response: { SecretName: 'app-key', RequestId: expect.stringMatching(UUID) } });
  });

  it('succeeds on a secret that is already disabled, which stays disabled', async () => {
    await create();
    await client().DisableSecret({ SecretName: 'app-key' });
    expect((await client().DisableSecret({ SecretName: 'app-key' })).SecretName).toBe('app-key');
    expect((await client().DescribeSecret({ SecretName: 'app-key' })).Status).toBe('Disabled');
  });

  it('keeps the versions: the value reads again after EnableSecret', async () => {
    await create();
    await client().PutSecretValue({ SecretName: 'app-key', VersionId: 'v2', SecretString: 'second' });
    await client().DisableSecret({ SecretName: 'app-key' });
    await client().EnableSecret({ SecretName: 'app-key' });
    expect((await client().GetSecretValue({ SecretName: 'app-key', VersionId: 'v2' })).SecretString).toBe('second');
  });

  it('refuses a secret pending deletion with FailedOperation', async () => {
    await create();
    await client().DisableSecret({ SecretName: 'app-key' });
    await client().DeleteSecret({ SecretName: 'app-key', RecoveryWindowInDays: 7 });
    const error = await tencentError(client().DisableSecret({ SecretName: 'app-key' }));
    expect([error.code, error.message, error.requestId]).toEqual([
      'FailedOperation',
      'The secret is pending deletion; call RestoreSecret first.',
      expect.stringMatching(UUID),
    ]);
    const chinese = await rawTencent(server().url, 'DisableSecret', { SecretName: 'app-key' }, { 'x-tc-language': 'zh-CN' });
    expect([chinese.status, chinese.json.Response.Error]).toEqual([200, { Code: 'FailedOperation', Message: '凭据处于待删除状态，请先调用RestoreSecret恢复凭据。' }]);
  });

  it('answers ResourceNotFound for a missing secret, and in another region', async () => {
    await create();
    const missing = await tencentError(client().DisableSecret({ SecretName: 'missing' }));
    expect([missing.code, missing.requestId]).toEqual(['ResourceNotFound', expect.stringMatching(UUID)]);
    const elsewhere = await tencentError(tencentClient(server().url, TENCENT_FRAMINGS[3], { region: 'ap-shanghai' }).DisableSecret({ SecretName: 'app-key' }));
    expect(elsewhere.code).toBe('ResourceNotFound');
  });

  it.each([
    ['no SecretName', 'MissingParameter', {}],
    ['an empty SecretName', 'InvalidParameterValue', { SecretName: '' }],
    ['an unknown parameter', 'UnknownParameter', { SecretName: 'x', Force: true }],
  ])('refuses %s with %s', async (_, code, params) => {
    const error = await tencentError(client().DisableSecret(params as never));
    expect([error.code, error.requestId]).toEqual([code, expect.stringMatching(UUID)]);
  });

  it('refuses a SecretName that is not a string with InvalidParameter', async () => {
    const response = await rawTencent(server().url, 'DisableSecret', { SecretName: ['app-key'] });
    expect(response.json.Response.Error).toEqual({ Code: 'InvalidParameter', Message: 'Parameter `SecretName` type error.' });
  });
});
