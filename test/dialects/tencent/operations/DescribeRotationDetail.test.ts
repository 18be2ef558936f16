import { ManualClock } from '../../../../src/core/runtime.js';
import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { expectRawTencentError, expectTencentError, scheduleDeletion, UUID } from '../../../helpers/tencentOperations.js';
import { createReadyProductSecret, FLOW_MS, PRODUCT_START, productSecretRequest } from '../../../helpers/tencentProducts.js';

describe.each(STORES)('Tencent DescribeRotationDetail (%s store)', (kind) => {
  const clock = new ManualClock(PRODUCT_START);
  const server = useServer(kind, { clock });
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);
  beforeEach(() => clock.advance(PRODUCT_START - clock.now()));

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('describes a product secret that does not rotate: the default 1-day period, no next rotation', async () => {
      await createReadyProductSecret(client(), clock, 'orders-db');
      const detail = await client(framing).DescribeRotationDetail({ SecretName: 'orders-db' });
      expect(detail).toEqual({
        EnableRotation: false,
        Frequency: 1,
        LatestRotateTime: '2025-01-15 12:00:00',
        NextRotateBeginTime: '',
        RequestId: expect.stringMatching(UUID),
      });
    });

    it('describes the rotation set at creation', async () => {
      await client().CreateProductSecret(productSecretRequest('orders-db', { EnableRotation: true, RotationBeginTime: '2025-03-01 02:00:00', RotationFrequency: 60 }));
      const detail = await client(framing).DescribeRotationDetail({ SecretName: 'orders-db' });
      expect(detail).toMatchObject({ EnableRotation: true, Frequency: 60, NextRotateBeginTime: '2025-03-01 02:00:00' });
    });
  });

  it('moves LatestRotateTime to the last rotation', async () => {
    await createReadyProductSecret(client(), clock, 'orders-db');
    clock.advance(3_600_000 - FLOW_MS);
    await client().RotateProductSecret({ SecretName: 'orders-db' });
    expect((await client().DescribeRotationDetail({ SecretName: 'orders-db' })).LatestRotateTime).toBe('2025-01-15 13:00:00');
  });

  it('describes product secrets in any status: being created, disabled, pending deletion', async () => {
    await client().CreateProductSecret(productSecretRequest('new'));
    expect((await client().DescribeRotationDetail({ SecretName: 'new' })).LatestRotateTime).toBe('2025-01-15 12:00:00');
    clock.advance(FLOW_MS);
    await scheduleDeletion(client(), 'new', 3);
    expect((await client().DescribeRotationDetail({ SecretName: 'new' })).EnableRotation).toBe(false);
  });

  it('answers exactly EnableRotation, Frequency, LatestRotateTime, NextRotateBeginTime and RequestId, HTTP 200 application/json', async () => {
    await createReadyProductSecret(client(), clock, 'raw');
    const response = await rawTencent(server().url, 'DescribeRotationDetail', { SecretName: 'raw' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(Object.keys(response.json.Response)).toEqual(['EnableRotation', 'Frequency', 'LatestRotateTime', 'NextRotateBeginTime', 'RequestId']);
  });

  describe('refusals', () => {
    it('refuses a user-defined secret (UnsupportedOperation), in Chinese when asked', async () => {
      await client().CreateSecret({ SecretName: 'mine', SecretString: 's' });
      await expectTencentError(client().DescribeRotationDetail({ SecretName: 'mine' }), 'UnsupportedOperation');
      const error = await expectRawTencentError(server().url, 'DescribeRotationDetail', { SecretName: 'mine' }, 'UnsupportedOperation', { 'x-tc-language': 'zh-CN' });
      expect(error.Message).toBe('该接口仅适用于云产品凭据。');
    });

    it('refuses an unknown secret (ResourceNotFound) and a request without SecretName (MissingParameter)', async () => {
      await expectTencentError(client().DescribeRotationDetail({ SecretName: 'nope' }), 'ResourceNotFound');
      await expectRawTencentError(server().url, 'DescribeRotationDetail', {}, 'MissingParameter');
    });
  });
});
