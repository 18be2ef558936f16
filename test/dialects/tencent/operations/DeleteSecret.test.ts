import { ManualClock } from '../../../../src/core/runtime.js';
import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, tencentError } from '../../../helpers/tencent.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY_MS = 86_400_000;

describe.each(STORES)('Tencent DeleteSecret (%s store)', (kind) => {
  const clock = new ManualClock(Date.UTC(2025, 3, 10, 9, 30, 0, 750));
  const server = useServer(kind, { clock });
  const client = () => tencentClient(server().url);
  const nowSeconds = () => Math.floor(clock.now() / 1000);

  /** A secret DeleteSecret accepts: created, then disabled. */
  async function disabledSecret(name = 'old-db-password'): Promise<void> {
    await client().CreateSecret({ SecretName: name, SecretString: 's3cret' });
    await client().DisableSecret({ SecretName: name });
  }

  describe.each(TENCENT_FRAMINGS)('through the SDK ($name)', (framing) => {
    it('deletes a disabled secret at once by default; DescribeSecret then answers ResourceNotFound', async () => {
      await disabledSecret();
      const deleted = await tencentClient(server().url, framing).DeleteSecret({ SecretName: 'old-db-password' });
      expect(deleted).toEqual({ SecretName: 'old-db-password', DeleteTime: nowSeconds(), FlowID: 0, RequestId: expect.stringMatching(UUID) });
      const described = await tencentError(client().DescribeSecret({ SecretName: 'old-db-password' }));
      expect(described.code).toBe('ResourceNotFound');
    });

    it('schedules the deletion RecoveryWindowInDays ahead, leaving the secret PendingDelete', async () => {
      await disabledSecret();
      const deleted = await tencentClient(server().url, framing).DeleteSecret({ SecretName: 'old-db-password', RecoveryWindowInDays: 7 });
      const deleteTime = Math.floor((clock.now() + 7 * DAY_MS) / 1000);
      expect(deleted).toEqual({ SecretName: 'old-db-password', DeleteTime: deleteTime, FlowID: 0, RequestId: expect.stringMatching(UUID) });
      const described = await client().DescribeSecret({ SecretName: 'old-db-password' });
      expect([described.Status, described.DeleteTime]).toEqual(['PendingDelete', deleteTime]);
    });
  });

  describe('immediate deletion', () => {
    it('treats RecoveryWindowInDays 0 like the default and frees the name at once', async () => {
      await disabledSecret();
      await client().DeleteSecret({ SecretName: 'old-db-password', RecoveryWindowInDays: 0 });
      expect((await client().ListSecrets({ State: 0 })).TotalCount).toBe(0);
      const recreated = await client().CreateSecret({ SecretName: 'old-db-password', SecretString: 'new' });
      expect(recreated.SecretName).toBe('old-db-password');
    });

    it('answers HTTP 200 application/json with exactly SecretName, DeleteTime, FlowID and RequestId', async () => {
      await disabledSecret();
      const response = await rawTencent(server().url, 'DeleteSecret', { SecretName: 'old-db-password' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.json).toEqual({
        Response: { SecretName: 'old-db-password', DeleteTime: nowSeconds(), FlowID: 0, RequestId: expect.stringMatching(UUID) },
      });
    });

    it('accepts CleanSSHKey and DeleteMode', async () => {
      await disabledSecret();
      const response = await rawTencent(server().url, 'DeleteSecret', { SecretName: 'old-db-password', CleanSSHKey: true, DeleteMode: 1 });
      expect(response.json.Response.SecretName).toBe('old-db-password');
      expect(response.json.Response.Error).toBeUndefined();
      await disabledSecret('other');
      // DeleteMode is newer than the SDK's request type, which the SDK sends as given.
      const sdk = await client().DeleteSecret({ SecretName: 'other', CleanSSHKey: false, DeleteMode: 0 } as never);
      expect(sdk.SecretName).toBe('other');
    });
  });

  describe('scheduled deletion', () => {
    it('hides the value (ResourcePendingDeleted) and purges the secret once DeleteTime has passed', async () => {
      await disabledSecret();
      await client().DeleteSecret({ SecretName: 'old-db-password', RecoveryWindowInDays: 3 });
      const value = await tencentError(client().GetSecretValue({ SecretName: 'old-db-password', VersionId: 'SSM_Current' }));
      expect(value.code).toBe('ResourceUnavailable.ResourcePendingDeleted');
      clock.advance(3 * DAY_MS - 1);
      expect((await client().DescribeSecret({ SecretName: 'old-db-password' })).Status).toBe('PendingDelete');
      clock.advance(1);
      expect((await tencentError(client().DescribeSecret({ SecretName: 'old-db-password' }))).code).toBe('ResourceNotFound');
      expect((await client().CreateSecret({ SecretName: 'old-db-password', SecretString: 'again' })).SecretName).toBe('old-db-password');
    });

    it('accepts the longest window, 30 days', async () => {
      await disabledSecret();
      const deleted = await client().DeleteSecret({ SecretName: 'old-db-password', RecoveryWindowInDays: 30 });
      expect(deleted.DeleteTime).toBe(Math.floor((clock.now() + 30 * DAY_MS) / 1000));
    });

    it('keeps the name taken while the secret waits for deletion', async () => {
      await disabledSecret();
      await client().DeleteSecret({ SecretName: 'old-db-password', RecoveryWindowInDays: 1 });
      const error = await tencentError(client().CreateSecret({ SecretName: 'old-db-password', SecretString: 'x' }));
      expect(error.code).toBe('ResourceInUse.SecretExists');
    });

    it('deletes SSH key pair secrets only at once', async () => {
      const ns = { cloud: 'tencent' as const, account: '100000000001', region: 'ap-guangzhou' };
      const ssh = await server().polysecret.engine.create(ns, { name: 'ssh-key', tencent: { secretType: 2, productName: 'Cvm' } });
      await server().polysecret.engine.update(ssh, (draft) => {
        draft.enabled = false;
      });
      const error = await tencentError(client().DeleteSecret({ SecretName: 'ssh-key', RecoveryWindowInDays: 7 }));
      expect([error.code, error.requestId]).toEqual(['InvalidParameterValue', expect.stringMatching(UUID)]);
      const deleted = await client().DeleteSecret({ SecretName: 'ssh-key', RecoveryWindowInDays: 0, CleanSSHKey: true });
      expect(deleted.DeleteTime).toBe(nowSeconds());
    });
  });

  describe('state machine', () => {
    it('refuses an enabled secret with FailedOperation: it must be disabled first', async () => {
      await client().CreateSecret({ SecretName: 'live', SecretString: 'v' });
      const error = await tencentError(client().DeleteSecret({ SecretName: 'live' }));
      expect(error.code).toBe('FailedOperation');
      expect(error.message).toBe('The secret is enabled; call DisableSecret before DeleteSecret.');
      expect(error.requestId).toMatch(UUID);
      expect((await client().DescribeSecret({ SecretName: 'live' })).Status).toBe('Enabled');
    });

    it('says so in Chinese when asked (X-TC-Language: zh-CN)', async () => {
      await client().CreateSecret({ SecretName: 'live', SecretString: 'v' });
      const response = await rawTencent(server().url, 'DeleteSecret', { SecretName: 'live' }, { 'x-tc-language': 'zh-CN' });
      expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/json']);
      expect(response.json.Response.Error).toEqual({ Code: 'FailedOperation', Message: '凭据处于启用状态，删除前请先调用DisableSecret停用凭据。' });
    });

    it('refuses a secret already pending deletion, keeping its DeleteTime', async () => {
      await disabledSecret();
      const first = await client().DeleteSecret({ SecretName: 'old-db-password', RecoveryWindowInDays: 5 });
      clock.advance(DAY_MS);
      const error = await tencentError(client().DeleteSecret({ SecretName: 'old-db-password', RecoveryWindowInDays: 0 }));
      expect([error.code, error.message]).toEqual(['FailedOperation', 'The secret is already pending deletion.']);
      expect((await client().DescribeSecret({ SecretName: 'old-db-password' })).DeleteTime).toBe(first.DeleteTime);
      const chinese = await rawTencent(server().url, 'DeleteSecret', { SecretName: 'old-db-password' }, { 'x-tc-language': 'zh-CN' });
      expect(chinese.json.Response.Error).toEqual({ Code: 'FailedOperation', Message: '凭据已处于待删除状态。' });
    });
  });

  describe('errors', () => {
    it('answers ResourceNotFound for a secret that does not exist', async () => {
      const error = await tencentError(client().DeleteSecret({ SecretName: 'missing' }));
      expect([error.code, error.requestId]).toEqual(['ResourceNotFound', expect.stringMatching(UUID)]);
    });

    it('answers ResourceNotFound in another region', async () => {
      await disabledSecret();
      const error = await tencentError(tencentClient(server().url, TENCENT_FRAMINGS[0], { region: 'ap-beijing' }).DeleteSecret({ SecretName: 'old-db-password' }));
      expect(error.code).toBe('ResourceNotFound');
    });

    it.each([
      ['a window over 30 days', 'InvalidParameterValue', { SecretName: 'x', RecoveryWindowInDays: 31 }],
      ['a negative window', 'InvalidParameterValue', { SecretName: 'x', RecoveryWindowInDays: -1 }],
      ['a DeleteMode other than 0 or 1', 'InvalidParameterValue', { SecretName: 'x', DeleteMode: 2 }],
      ['an empty SecretName', 'InvalidParameterValue', { SecretName: '' }],
      ['no SecretName', 'MissingParameter', {}],
      ['an unknown parameter', 'UnknownParameter', { SecretName: 'x', ForceDelete: true }],
    ])('refuses %s with %s', async (_, code, params) => {
      const error = await tencentError(client().DeleteSecret(params as never));
      expect([error.code, error.requestId]).toEqual([code, expect.stringMatching(UUID)]);
    });

    it('refuses mistyped members with InvalidParameter', async () => {
      const window = await rawTencent(server().url, 'DeleteSecret', { SecretName: 'x', RecoveryWindowInDays: '7' });
      expect(window.json.Response.Error).toEqual({ Code: 'InvalidParameter', Message: 'Parameter `RecoveryWindowInDays` type error.' });
      const clean = await rawTencent(server().url, 'DeleteSecret', { SecretName: 'x', CleanSSHKey: 'yes' });
      expect(clean.json.Response.Error).toEqual({ Code: 'InvalidParameter', Message: 'Parameter `CleanSSHKey` type error.' });
    });
  });
});
