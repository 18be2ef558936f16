import { ManualClock } from '../../../../src/core/runtime.js';
import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, tencentError } from '../../../helpers/tencent.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY_MS = 86_400_000;

describe.each(STORES)('Tencent RestoreSecret (%s store)', (kind) => {
  const clock = new ManualClock(Date.UTC(2025, 4, 20, 16, 0, 0, 0));
  const server = useServer(kind, { clock });
  const client = () => tencentClient(server().url);

  /** A secret scheduled for deletion `days` ahead. */
  async function pendingSecret(name = 'retired', days = 10): Promise<void> {
    await client().CreateSecret({ SecretName: name, SecretString: 'kept' });
    await client().DisableSecret({ SecretName: name });
    await client().DeleteSecret({ SecretName: name, RecoveryWindowInDays: days });
  }

  it.each(TENCENT_FRAMINGS)('brings a PendingDelete secret back Disabled with DeleteTime 0 ($name)', async (framing) => {
    await pendingSecret();
    const restored = await tencentClient(server().url, framing).RestoreSecret({ SecretName: 'retired' });
    expect(restored).toEqual({ SecretName: 'retired', RequestId: expect.stringMatching(UUID) });
    const described = await client().DescribeSecret({ SecretName: 'retired' });
    expect([described.Status, described.DeleteTime]).toEqual(['Disabled', 0]);
  });

  it('answers HTTP 200 application/json with exactly SecretName and RequestId', async () => {
    await pendingSecret();
    const response = await rawTencent(server().url, 'RestoreSecret', { SecretName: 'retired' });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/json']);
    expect(response.json).toEqual({ Response: { SecretName: 'retired', RequestId: expect.stringMatching(UUID) } });
  });

  it('cancels the purge and keeps the value, readable again once enabled', async () => {
    await pendingSecret('retired', 2);
    await client().RestoreSecret({ SecretName: 'retired' });
    clock.advance(3 * DAY_MS);
    const disabled = await tencentError(client().GetSecretValue({ SecretName: 'retired', VersionId: 'SSM_Current' }));
    expect(disabled.code).toBe('ResourceUnavailable.ResourceDisabled');
    await client().EnableSecret({ SecretName: 'retired' });
    expect((await client().GetSecretValue({ SecretName: 'retired', VersionId: 'SSM_Current' })).SecretString).toBe('kept');
  });

  it('can be deleted again after a restore, with a fresh window', async () => {
    await pendingSecret('retired', 10);
    await client().RestoreSecret({ SecretName: 'retired' });
    clock.advance(DAY_MS);
    const deleted = await client().DeleteSecret({ SecretName: 'retired', RecoveryWindowInDays: 1 });
    expect(deleted.DeleteTime).toBe(Math.floor((clock.now() + DAY_MS) / 1000));
  });

  it.each([
    ['an enabled secret', false],
    ['a disabled secret', true],
  ])('refuses %s with FailedOperation', async (_, disable) => {
    await client().CreateSecret({ SecretName: 'active', SecretString: 'v' });
    if (disable) await client().DisableSecret({ SecretName: 'active' });
    const error = await tencentError(client().RestoreSecret({ SecretName: 'active' }));
    expect([error.code, error.message, error.requestId]).toEqual(['FailedOperation', 'The secret is not pending deletion.', expect.stringMatching(UUID)]);
    expect((await client().DescribeSecret({ SecretName: 'active' })).Status).toBe(disable ? 'Disabled' : 'Enabled');
  });

  it('says so in Chinese when asked (X-TC-Language: zh-CN)', async () => {
    await client().CreateSecret({ SecretName: 'active', SecretString: 'v' });
    const response = await rawTencent(server().url, 'RestoreSecret', { SecretName: 'active' }, { 'x-tc-language': 'zh-CN' });
    expect([response.status, response.json.Response.Error]).toEqual([200, { Code: 'FailedOperation', Message: '凭据不处于待删除状态。' }]);
  });

  it('answers ResourceNotFound for a missing secret, and for one already purged', async () => {
    expect((await tencentError(client().RestoreSecret({ SecretName: 'missing' }))).code).toBe('ResourceNotFound');
    await pendingSecret('retired', 1);
    clock.advance(DAY_MS);
    const purged = await tencentError(client().RestoreSecret({ SecretName: 'retired' }));
    expect([purged.code, purged.requestId]).toEqual(['ResourceNotFound', expect.stringMatching(UUID)]);
  });

  it.each([
    ['no SecretName', 'MissingParameter', {}],
    ['an empty SecretName', 'InvalidParameterValue', { SecretName: '' }],
    ['an unknown parameter', 'UnknownParameter', { SecretName: 'x', RecoveryWindowInDays: 1 }],
  ])('refuses %s with %s', async (_, code, params) => {
    const error = await tencentError(client().RestoreSecret(params as never));
    expect([error.code, error.requestId]).toEqual([code, expect.stringMatching(UUID)]);
  });
});
