import { ManualClock } from '../../../../src/core/runtime.js';
import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { expectRawTencentError, expectTencentError, UUID } from '../../../helpers/tencentOperations.js';
import { beijing, createReadyProductSecret, currentCredentials, FLOW_MS, PRODUCT_START, rotatedId } from '../../../helpers/tencentProducts.js';

describe.each(STORES)('Tencent DescribeRotationHistory (%s store)', (kind) => {
  const clock = new ManualClock(PRODUCT_START);
  const server = useServer(kind, { clock });
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);
  beforeEach(() => clock.advance(PRODUCT_START - clock.now()));

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('lists the versions oldest first, with TotalCount', async () => {
      await createReadyProductSecret(client(), clock, 'orders-db');
      await client().RotateProductSecret({ SecretName: 'orders-db' });
      const history = await client(framing).DescribeRotationHistory({ SecretName: 'orders-db' });
      expect(history).toMatchObject({
        VersionIDs: [rotatedId(PRODUCT_START), rotatedId(PRODUCT_START + FLOW_MS)],
        TotalCount: 2,
        RequestId: expect.stringMatching(UUID),
      });
      // The SDK hands back members its model does not know yet as they came.
      expect((history as { AccountInfoList?: Array<{ Version: string }> }).AccountInfoList!.map((account) => account.Version)).toEqual(history.VersionIDs);
    });
  });

  it('answers VersionIDs, TotalCount and an AccountInfoList giving the account, hosts and time of each version, and nothing else', async () => {
    await createReadyProductSecret(client(), clock, 'orders-db');
    const { UserName } = await currentCredentials(client(), 'orders-db');
    const response = await rawTencent(server().url, 'DescribeRotationHistory', { SecretName: 'orders-db' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.json.Response).toEqual({
      VersionIDs: ['SSM_Rotate_20250115120000'],
      TotalCount: 1,
      AccountInfoList: [{ AccountName: UserName, Host: ['%', '10.0.0.%'], Version: 'SSM_Rotate_20250115120000', RotatedTime: beijing(PRODUCT_START) }],
      RequestId: expect.stringMatching(UUID),
    });
  });

  it('shows at most 10 versions', async () => {
    await createReadyProductSecret(client(), clock, 'busy');
    for (let i = 0; i < 12; i += 1) {
      await client().RotateProductSecret({ SecretName: 'busy' });
      clock.advance(FLOW_MS);
    }
    const history = await client().DescribeRotationHistory({ SecretName: 'busy' });
    expect([history.TotalCount, history.VersionIDs!.length]).toEqual([10, 10]);
    expect(history.VersionIDs!.at(-1)).toBe(rotatedId(PRODUCT_START + 12 * FLOW_MS));
  });

  describe('refusals', () => {
    it('refuses a user-defined secret (UnsupportedOperation) and an unknown one (ResourceNotFound)', async () => {
      await client().CreateSecret({ SecretName: 'mine', SecretString: 's' });
      await expectTencentError(client().DescribeRotationHistory({ SecretName: 'mine' }), 'UnsupportedOperation');
      await expectTencentError(client().DescribeRotationHistory({ SecretName: 'nope' }), 'ResourceNotFound');
    });

    it('refuses a request without SecretName (MissingParameter) or with a numeric one (InvalidParameter)', async () => {
      await expectRawTencentError(server().url, 'DescribeRotationHistory', {}, 'MissingParameter');
      await expectRawTencentError(server().url, 'DescribeRotationHistory', { SecretName: 7 }, 'InvalidParameter');
    });
  });
});
