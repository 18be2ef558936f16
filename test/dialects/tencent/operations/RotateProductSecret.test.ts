import { ManualClock } from '../../../../src/core/runtime.js';
import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { createProductSecret, expectRawTencentError, expectTencentError, TENCENT_NS, UUID } from '../../../helpers/tencentOperations.js';
import { createReadyProductSecret, currentCredentials, FLOW_MS, PRODUCT_START, productSecretRequest, rotatedId } from '../../../helpers/tencentProducts.js';

describe.each(STORES)('Tencent RotateProductSecret (%s store)', (kind) => {
  const clock = new ManualClock(PRODUCT_START);
  const server = useServer(kind, { clock });
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);
  beforeEach(() => clock.advance(PRODUCT_START - clock.now()));

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('puts fresh credentials in a new SSM_Rotate_<time> version that SSM_Current then reads', async () => {
      await createReadyProductSecret(client(), clock, 'orders-db');
      const before = await currentCredentials(client(), 'orders-db');
      const rotated = await client(framing).RotateProductSecret({ SecretName: 'orders-db' });
      expect(rotated).toEqual({ FlowID: expect.any(Number), RequestId: expect.stringMatching(UUID) });
      const after = await currentCredentials(client(), 'orders-db');
      expect(after.UserName).toMatch(/^app_[a-z0-9]{8}$/);
      expect(after).not.toEqual(before);
      expect(after.Password).not.toBe(before.Password);
      const history = await client().DescribeRotationHistory({ SecretName: 'orders-db' });
      expect(history.VersionIDs).toEqual([rotatedId(PRODUCT_START), rotatedId(PRODUCT_START + FLOW_MS)]);
      const old = await client().GetSecretValue({ SecretName: 'orders-db', VersionId: rotatedId(PRODUCT_START) });
      expect(JSON.parse(old.SecretString!)).toEqual(before);
    });
  });

  it('answers exactly FlowID and RequestId, HTTP 200 application/json', async () => {
    await createReadyProductSecret(client(), clock, 'raw');
    const response = await rawTencent(server().url, 'RotateProductSecret', { SecretName: 'raw' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.json).toEqual({ Response: { FlowID: expect.any(Number), RequestId: expect.stringMatching(UUID) } });
  });

  it('makes SSM_Current of any product secret the newest version, even one seeded with a literal SSM_Current', async () => {
    await createProductSecret(server(), 'seeded');
    expect(await currentCredentials(client(), 'seeded')).toEqual({ UserName: 'u', Password: 'p' });
    await client().RotateProductSecret({ SecretName: 'seeded' });
    const rotated = await client().GetSecretValue({ SecretName: 'seeded', VersionId: 'SSM_Current' });
    // The answer names the version asked for.
    expect(rotated.VersionId).toBe('SSM_Current');
    expect(JSON.parse(rotated.SecretString!)).toEqual({ UserName: expect.stringMatching(/^ssm_/), Password: expect.any(String) });
  });

  it('keeps the 10 newest versions, dropping the oldest', async () => {
    await createReadyProductSecret(client(), clock, 'busy');
    for (let i = 0; i < 10; i += 1) {
      await client().RotateProductSecret({ SecretName: 'busy' });
      clock.advance(FLOW_MS);
    }
    const history = await client().DescribeRotationHistory({ SecretName: 'busy' });
    expect(history.TotalCount).toBe(10);
    expect(history.VersionIDs![0]).toBe(rotatedId(PRODUCT_START + FLOW_MS));
    expect(history.VersionIDs!.at(-1)).toBe(rotatedId(PRODUCT_START + 10 * FLOW_MS));
    await expectTencentError(client().GetSecretValue({ SecretName: 'busy', VersionId: rotatedId(PRODUCT_START) }), 'ResourceNotFound');
  });

  describe('refusals', () => {
    it('refuses a second rotation while the first runs (FailedOperation.RotationForbidden), in Chinese when asked', async () => {
      await createReadyProductSecret(client(), clock, 'orders-db');
      await client().RotateProductSecret({ SecretName: 'orders-db' });
      clock.advance(FLOW_MS - 1);
      await expectTencentError(client().RotateProductSecret({ SecretName: 'orders-db' }), 'FailedOperation.RotationForbidden');
      const error = await expectRawTencentError(server().url, 'RotateProductSecret', { SecretName: 'orders-db' }, 'FailedOperation.RotationForbidden', {
        'x-tc-language': 'zh-CN',
      });
      expect(error.Message).toBe('凭据正在轮转中，请稍后再试。');
      clock.advance(1);
      await client().RotateProductSecret({ SecretName: 'orders-db' });
      expect((await client().DescribeRotationHistory({ SecretName: 'orders-db' })).TotalCount).toBe(3);
    });

    it('refuses secrets SSM does not rotate (UnsupportedOperation)', async () => {
      await client().CreateSecret({ SecretName: 'mine', SecretString: 's' });
      await expectTencentError(client().RotateProductSecret({ SecretName: 'mine' }), 'UnsupportedOperation');
      await server().polysecret.engine.create(TENCENT_NS, { name: 'ssh', tencent: { secretType: 2, productName: 'Cvm' } });
      const error = await expectRawTencentError(server().url, 'RotateProductSecret', { SecretName: 'ssh' }, 'UnsupportedOperation', { 'x-tc-language': 'zh-CN' });
      expect(error.Message).toBe('该接口仅适用于云产品凭据。');
    });

    it('refuses a secret still being created (ResourceUnavailable.ResourceUninitialized)', async () => {
      await client().CreateProductSecret(productSecretRequest('new'));
      await expectTencentError(client().RotateProductSecret({ SecretName: 'new' }), 'ResourceUnavailable.ResourceUninitialized');
    });

    it('refuses a Disabled secret (ResourceDisabled) and a PendingDelete one (ResourcePendingDeleted)', async () => {
      await createReadyProductSecret(client(), clock, 'off');
      await client().DisableSecret({ SecretName: 'off' });
      await expectTencentError(client().RotateProductSecret({ SecretName: 'off' }), 'ResourceUnavailable.ResourceDisabled');
      await client().DeleteSecret({ SecretName: 'off', RecoveryWindowInDays: 3 });
      await expectTencentError(client().RotateProductSecret({ SecretName: 'off' }), 'ResourceUnavailable.ResourcePendingDeleted');
    });

    it('refuses an unknown secret (ResourceNotFound) and a request without SecretName (MissingParameter)', async () => {
      await expectTencentError(client().RotateProductSecret({ SecretName: 'nope' }), 'ResourceNotFound');
      await expectRawTencentError(server().url, 'RotateProductSecret', {}, 'MissingParameter');
      await expectRawTencentError(server().url, 'RotateProductSecret', { SecretName: 'x', VersionId: 'v' }, 'UnknownParameter');
    });
  });
});
