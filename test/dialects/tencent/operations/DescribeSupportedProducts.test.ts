import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, tencentError } from '../../../helpers/tencent.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(STORES)('Tencent DescribeSupportedProducts (%s store)', (kind) => {
  const server = useServer(kind);

  it.each(TENCENT_FRAMINGS)('lists the products of SecretType 1 to 4 with their count ($name)', async (framing) => {
    const response = await tencentClient(server().url, framing).DescribeSupportedProducts();
    expect(response).toEqual({
      Products: ['Mysql', 'Tdsql-mysql', 'Tdsql_C_Mysql', 'Cvm', 'Cam', 'Redis'],
      TotalCount: 6,
      RequestId: expect.stringMatching(UUID),
    });
  });

  it('answers HTTP 200 application/json with exactly Products, TotalCount and RequestId', async () => {
    const response = await rawTencent(server().url, 'DescribeSupportedProducts', {});
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/json']);
    expect(Object.keys(response.json.Response)).toEqual(['Products', 'TotalCount', 'RequestId']);
    expect(response.json.Response.TotalCount).toBe(response.json.Response.Products.length);
  });

  it('refuses parameters it does not take with UnknownParameter', async () => {
    const error = await tencentError(tencentClient(server().url).DescribeSupportedProducts({ SecretType: 1 } as never));
    expect([error.code, error.requestId]).toEqual(['UnknownParameter', expect.stringMatching(UUID)]);
    const raw = await rawTencent(server().url, 'DescribeSupportedProducts', { SecretType: 1 });
    expect([raw.status, raw.json.Response.Error]).toEqual([200, { Code: 'UnknownParameter', Message: 'The parameter `SecretType` is not recognized.' }]);
  });
});
