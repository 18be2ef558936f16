import { ManualClock } from '../../../../src/core/runtime.js';
import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { expectRawTencentError, expectTencentError, storedSecret, UUID } from '../../../helpers/tencentOperations.js';
import { createReadyProductSecret, FLOW_MS, PRODUCT_START, productSecretRequest } from '../../../helpers/tencentProducts.js';

describe.each(STORES)('Tencent DescribeAsyncRequestInfo (%s store)', (kind) => {
  const clock = new ManualClock(PRODUCT_START);
  const server = useServer(kind, { clock });
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0], region?: string) => tencentClient(server().url, framing, { region });
  beforeEach(() => clock.advance(PRODUCT_START - clock.now()));

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('reports a creation flow running (0) for its first second, then succeeded (1)', async () => {
      const { FlowID } = await client().CreateProductSecret(productSecretRequest('orders-db'));
      const running = await client(framing).DescribeAsyncRequestInfo({ FlowID: FlowID! });
      expect(running).toEqual({ TaskStatus: 0, Description: 'task is processing', RequestId: expect.stringMatching(UUID) });
      clock.advance(FLOW_MS - 1);
      expect((await client(framing).DescribeAsyncRequestInfo({ FlowID: FlowID! })).TaskStatus).toBe(0);
      clock.advance(1);
      const done = await client(framing).DescribeAsyncRequestInfo({ FlowID: FlowID! });
      expect(done).toEqual({ TaskStatus: 1, Description: 'task succeeded', RequestId: expect.stringMatching(UUID) });
    });

    it('reports a rotation flow the same way', async () => {
      await createReadyProductSecret(client(), clock, 'orders-db');
      const { FlowID } = await client().RotateProductSecret({ SecretName: 'orders-db' });
      expect((await client(framing).DescribeAsyncRequestInfo({ FlowID: FlowID! })).TaskStatus).toBe(0);
      clock.advance(FLOW_MS);
      expect((await client(framing).DescribeAsyncRequestInfo({ FlowID: FlowID! })).TaskStatus).toBe(1);
    });
  });

  it('stores the end of the creation: the secret is Enabled on record once a poll saw the flow finish', async () => {
    const { FlowID } = await client().CreateProductSecret(productSecretRequest('orders-db'));
    clock.advance(FLOW_MS);
    expect(storedSecret(server(), 'orders-db')!.tencent?.status).toBe('Creating');
    await client().DescribeAsyncRequestInfo({ FlowID: FlowID! });
    expect(storedSecret(server(), 'orders-db')!.tencent?.status).toBe('Enabled');
    const [listed] = (await client().ListSecrets({ SecretType: 1, State: 1 })).SecretMetadatas!;
    expect(listed.SecretName).toBe('orders-db');
  });

  it('gives every flow its own id and keeps each one answerable', async () => {
    const first = (await client().CreateProductSecret(productSecretRequest('one'))).FlowID!;
    const second = (await client().CreateProductSecret(productSecretRequest('two'))).FlowID!;
    clock.advance(FLOW_MS);
    const rotation = (await client().RotateProductSecret({ SecretName: 'one' })).FlowID!;
    expect(new Set([first, second, rotation]).size).toBe(3);
    const statuses = await Promise.all([first, second, rotation].map(async (FlowID) => (await client().DescribeAsyncRequestInfo({ FlowID })).TaskStatus));
    expect(statuses).toEqual([1, 1, 0]);
  });

  it('answers exactly TaskStatus, Description and RequestId, HTTP 200 application/json', async () => {
    const { FlowID } = await client().CreateProductSecret(productSecretRequest('raw'));
    const response = await rawTencent(server().url, 'DescribeAsyncRequestInfo', { FlowID });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.json).toEqual({ Response: { TaskStatus: 0, Description: 'task is processing', RequestId: expect.stringMatching(UUID) } });
  });

  describe('refusals', () => {
    it('answers ResourceNotFound for a FlowID no task has, in Chinese when asked', async () => {
      await expectTencentError(client().DescribeAsyncRequestInfo({ FlowID: 123 }), 'ResourceNotFound');
      const error = await expectRawTencentError(server().url, 'DescribeAsyncRequestInfo', { FlowID: 123 }, 'ResourceNotFound', { 'x-tc-language': 'zh-CN' });
      expect(error.Message).toBe('异步任务不存在。');
    });

    it('does not find a flow from another region', async () => {
      const { FlowID } = await client().CreateProductSecret(productSecretRequest('orders-db'));
      await expectTencentError(client(TENCENT_FRAMINGS[0], 'ap-shanghai').DescribeAsyncRequestInfo({ FlowID: FlowID! }), 'ResourceNotFound');
    });

    it('forgets the flows of a deleted secret', async () => {
      const { FlowID } = await client().CreateProductSecret(productSecretRequest('orders-db'));
      await client().DisableSecret({ SecretName: 'orders-db' });
      await client().DeleteSecret({ SecretName: 'orders-db' });
      await expectTencentError(client().DescribeAsyncRequestInfo({ FlowID: FlowID! }), 'ResourceNotFound');
    });

    it('refuses a missing FlowID (MissingParameter), a string one (InvalidParameter) and a negative one (InvalidParameterValue)', async () => {
      await expectRawTencentError(server().url, 'DescribeAsyncRequestInfo', {}, 'MissingParameter');
      await expectRawTencentError(server().url, 'DescribeAsyncRequestInfo', { FlowID: 'abc' }, 'InvalidParameter');
      await expectRawTencentError(server().url, 'DescribeAsyncRequestInfo', { FlowID: -1 }, 'InvalidParameterValue');
    });
  });
});
