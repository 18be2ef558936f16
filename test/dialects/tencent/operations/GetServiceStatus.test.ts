import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, tencentError } from '../../../helpers/tencent.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(STORES)('Tencent GetServiceStatus (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => tencentClient(server().url);

  it.each(TENCENT_FRAMINGS)('reports an opened service in good standing ($name)', async (framing) => {
    await client().CreateSecret({ SecretName: 'one', SecretString: 'v' });
    const status = await tencentClient(server().url, framing).GetServiceStatus();
    expect(status).toEqual({
      ServiceEnabled: true,
      InvalidType: 1,
      AccessKeyEscrowEnabled: false,
      ExpireTime: '',
      QPSLimit: 100,
      SecretLimit: 1000,
      PayModel: 'Postpaid_SSM',
      RenewFlag: 0,
      ResourceId: '',
      TotalCount: 1,
      ResourceRegion: 0,
      RequestId: expect.stringMatching(UUID),
    });
  });

  it('answers HTTP 200 application/json with the members in the SDK order', async () => {
    const response = await rawTencent(server().url, 'GetServiceStatus', {});
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/json']);
    expect(Object.keys(response.json.Response)).toEqual([
      'ServiceEnabled',
      'InvalidType',
      'AccessKeyEscrowEnabled',
      'ExpireTime',
      'QPSLimit',
      'SecretLimit',
      'PayModel',
      'RenewFlag',
      'ResourceId',
      'TotalCount',
      'ResourceRegion',
      'RequestId',
    ]);
  });

  it("counts the caller region's secrets in every status, and no other region's", async () => {
    for (const name of ['a', 'b', 'c']) await client().CreateSecret({ SecretName: name, SecretString: 'v' });
    await client().DisableSecret({ SecretName: 'b' });
    await client().DisableSecret({ SecretName: 'c' });
    await client().DeleteSecret({ SecretName: 'c', RecoveryWindowInDays: 3 });
    const shanghai = tencentClient(server().url, TENCENT_FRAMINGS[1], { region: 'ap-shanghai' });
    await shanghai.CreateSecret({ SecretName: 'far', SecretString: 'v' });
    expect((await client().GetServiceStatus()).TotalCount).toBe(3);
    expect((await shanghai.GetServiceStatus()).TotalCount).toBe(1);
    await client().DisableSecret({ SecretName: 'a' });
    await client().DeleteSecret({ SecretName: 'a' });
    expect((await client().GetServiceStatus()).TotalCount).toBe(2);
  });

  it('refuses parameters it does not take with UnknownParameter', async () => {
    const error = await tencentError(client().GetServiceStatus({ Detail: true } as never));
    expect([error.code, error.requestId]).toEqual(['UnknownParameter', expect.stringMatching(UUID)]);
  });
});
