import { ManualClock } from '../../../../src/core/runtime.js';
import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { expectRawTencentError, expectTencentError, storedSecret, UUID } from '../../../helpers/tencentOperations.js';
import { beijing, FLOW_MS, PRODUCT_START, productSecretRequest, rotatedId } from '../../../helpers/tencentProducts.js';

describe.each(STORES)('Tencent CreateProductSecret (%s store)', (kind) => {
  const clock = new ManualClock(PRODUCT_START);
  const server = useServer(kind, { clock });
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);
  beforeEach(() => clock.advance(PRODUCT_START - clock.now()));

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('creates a Creating cloud-product secret, Enabled with generated credentials once its flow is done', async () => {
      const created = await client(framing).CreateProductSecret(productSecretRequest('orders-db'));
      expect(created).toEqual({ SecretName: 'orders-db', TagCode: 0, TagMsg: 'success', FlowID: expect.any(Number), RequestId: expect.stringMatching(UUID) });
      expect(created.FlowID).toBeGreaterThan(0);
      const creating = await client(framing).DescribeSecret({ SecretName: 'orders-db' });
      expect(creating).toMatchObject({ Status: 'Creating', SecretType: 1, ProductName: 'Mysql', ResourceID: 'cdb-1a2b3c4d', RotationStatus: false });
      clock.advance(FLOW_MS);
      expect((await client(framing).DescribeSecret({ SecretName: 'orders-db' })).Status).toBe('Enabled');
      const read = await client(framing).GetSecretValue({ SecretName: 'orders-db', VersionId: 'SSM_Current' });
      expect(read).toMatchObject({ SecretName: 'orders-db', VersionId: 'SSM_Current', SecretBinary: '' });
      const credentials = JSON.parse(read.SecretString!);
      expect(Object.keys(credentials)).toEqual(['UserName', 'Password']);
      expect(credentials.UserName).toMatch(/^app_[a-z0-9]{8}$/);
      expect(credentials.Password).toMatch(/^[A-Za-z0-9]{24}$/);
    });

    it('stores the rotation settings it is given', async () => {
      await client(framing).CreateProductSecret(
        productSecretRequest('rotating', { EnableRotation: true, RotationBeginTime: '2025-01-20 08:30:00', RotationFrequency: 35, Description: 'orders' }),
      );
      const [listed] = (await client(framing).ListSecrets({ SecretType: 1 })).SecretMetadatas!;
      expect(listed).toMatchObject({
        SecretName: 'rotating',
        Description: 'orders',
        Status: 'Creating',
        RotationStatus: 1,
        RotationFrequency: 35,
        RotationBeginTime: '2025-01-20 08:30:00',
        NextRotationTime: Date.UTC(2025, 0, 20, 0, 30, 0) / 1000,
        ResourceID: 'cdb-1a2b3c4d',
      });
    });
  });

  it('answers exactly SecretName, TagCode, TagMsg, FlowID and RequestId, HTTP 200 application/json', async () => {
    const response = await rawTencent(server().url, 'CreateProductSecret', productSecretRequest('raw'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(Object.keys(response.json.Response)).toEqual(['SecretName', 'TagCode', 'TagMsg', 'FlowID', 'RequestId']);
  });

  it('names the first version SSM_Rotate_<creation time> and keeps it out of the user-defined listing', async () => {
    await client().CreateProductSecret(productSecretRequest('named'));
    clock.advance(FLOW_MS);
    const history = await client().DescribeRotationHistory({ SecretName: 'named' });
    expect(history.VersionIDs).toEqual([rotatedId(PRODUCT_START)]);
    expect(rotatedId(PRODUCT_START)).toBe('SSM_Rotate_20250115120000');
    const historic = await client().GetSecretValue({ SecretName: 'named', VersionId: 'SSM_Rotate_20250115120000' });
    expect(JSON.parse(historic.SecretString!).UserName).toMatch(/^app_/);
    expect((await client().ListSecrets({})).TotalCount).toBe(0);
  });

  it('keeps Tags, KmsKeyId and the product details on the record', async () => {
    await client().CreateProductSecret(
      productSecretRequest('tagged', { Tags: [{ TagKey: 'team', TagValue: 'db' }], KmsKeyId: 'key-1', AccountRemark: 'orders app', AccountType: 'L3', EncryptType: 1 }),
    );
    const stored = storedSecret(server(), 'tagged')!;
    expect(stored.tags).toEqual([{ key: 'team', value: 'db' }]);
    expect(stored.kmsKeyId).toBe('key-1');
    expect(stored.tencent).toMatchObject({
      secretType: 1,
      productName: 'Mysql',
      instanceId: 'cdb-1a2b3c4d',
      userNamePrefix: 'app',
      domains: ['%', '10.0.0.%'],
      accountRemark: 'orders app',
      accountType: 'L3',
      encryptType: 1,
      status: 'Creating',
    });
    expect(stored.rotation).toMatchObject({ enabled: false, intervalMs: 86_400_000 });
  });

  it('makes a Redis credential SecretType 4', async () => {
    await client().CreateProductSecret(productSecretRequest('cache', { ProductName: 'Redis', InstanceID: 'crs-9z8y7x' }));
    const described = await client().DescribeSecret({ SecretName: 'cache' });
    expect([described.SecretType, described.ProductName, described.ResourceID]).toEqual([4, 'Redis', 'crs-9z8y7x']);
  });

  it('refuses GetSecretValue while the creation runs (ResourceUnavailable.ResourceUninitialized), in Chinese when asked', async () => {
    await client().CreateProductSecret(productSecretRequest('early'));
    clock.advance(FLOW_MS - 1);
    await expectTencentError(client().GetSecretValue({ SecretName: 'early', VersionId: 'SSM_Current' }), 'ResourceUnavailable.ResourceUninitialized');
    const error = await expectRawTencentError(server().url, 'GetSecretValue', { SecretName: 'early', VersionId: 'SSM_Current' }, 'ResourceUnavailable.ResourceUninitialized', {
      'x-tc-language': 'zh-CN',
    });
    expect(error.Message).toBe('凭据正在创建中，尚未初始化完成。');
    clock.advance(1);
    expect((await client().GetSecretValue({ SecretName: 'early', VersionId: 'SSM_Current' })).SecretString).toMatch(/^\{"UserName":"app_/);
  });

  describe('refusals', () => {
    it('needs RotationBeginTime when EnableRotation is true (MissingParameter)', async () => {
      await expectTencentError(client().CreateProductSecret(productSecretRequest('x', { EnableRotation: true })), 'MissingParameter');
      expect(storedSecret(server(), 'x')).toBeUndefined();
    });

    it.each([
      ['a RotationBeginTime in another format', { RotationBeginTime: '2025/01/20 08:30:00' }],
      ['a RotationBeginTime that is no real date', { RotationBeginTime: '2025-02-30 08:30:00' }],
      ['a product SSM does not support', { ProductName: 'Postgres' }],
      ['a UserNamePrefix starting with a digit', { UserNamePrefix: '1app' }],
      ['a UserNamePrefix over 8 characters', { UserNamePrefix: 'abcdefghi' }],
      ['no Domains', { Domains: [] }],
      ['a Domains entry that is no IP pattern', { Domains: ['db.example.com'] }],
      ['an unknown PrivilegeName', { PrivilegesList: [{ PrivilegeName: 'AllPrivileges', Privileges: ['SELECT'] }] }],
      ['a RotationFrequency over 365 days', { RotationFrequency: 366 }],
      ['an AccountType other than L3', { AccountType: 'L1' }],
    ])('refuses %s with InvalidParameterValue', async (_case, extra) => {
      await expectTencentError(client().CreateProductSecret(productSecretRequest('bad', extra) as never), 'InvalidParameterValue');
      expect(storedSecret(server(), 'bad')).toBeUndefined();
    });

    it.each([
      ['DatabasePrivileges without Database', { PrivilegeName: 'DatabasePrivileges', Privileges: ['SELECT'] }, 'PrivilegesList.0.Database'],
      ['TablePrivileges without TableName', { PrivilegeName: 'TablePrivileges', Privileges: ['SELECT'], Database: 'd' }, 'PrivilegesList.0.TableName'],
      ['ColumnPrivileges without ColumnName', { PrivilegeName: 'ColumnPrivileges', Privileges: ['SELECT'], Database: 'd', TableName: 't' }, 'PrivilegesList.0.ColumnName'],
    ])('refuses %s with MissingParameter naming the member', async (_case, privilege, member) => {
      const error = await expectRawTencentError(server().url, 'CreateProductSecret', productSecretRequest('bad', { PrivilegesList: [privilege] }), 'MissingParameter');
      expect(error.Message).toBe(`The request is missing a required parameter \`${member}\`.`);
    });

    it.each(['UserNamePrefix', 'ProductName', 'InstanceID', 'Domains', 'PrivilegesList'])('refuses a request without %s (MissingParameter)', async (member) => {
      const request: Record<string, unknown> = productSecretRequest('bad');
      delete request[member];
      const error = await expectRawTencentError(server().url, 'CreateProductSecret', request, 'MissingParameter');
      expect(error.Message).toBe(`The request is missing a required parameter \`${member}\`.`);
    });

    it('refuses a Domains that is not a list (InvalidParameter) and an unknown member (UnknownParameter)', async () => {
      await expectRawTencentError(server().url, 'CreateProductSecret', productSecretRequest('bad', { Domains: '%' }), 'InvalidParameter');
      await expectRawTencentError(server().url, 'CreateProductSecret', productSecretRequest('bad', { SecretString: 's' }), 'UnknownParameter');
    });

    it('refuses a name in use by any kind of secret (ResourceInUse.SecretExists)', async () => {
      await client().CreateSecret({ SecretName: 'taken', SecretString: 's' });
      await expectTencentError(client().CreateProductSecret(productSecretRequest('taken')), 'ResourceInUse.SecretExists');
      await client().CreateProductSecret(productSecretRequest('product'));
      await expectTencentError(client().CreateProductSecret(productSecretRequest('product')), 'ResourceInUse.SecretExists');
    });

    it('refuses duplicate tag keys (InvalidParameterValue.TagKeysDuplicated)', async () => {
      const tags = [
        { TagKey: 'k', TagValue: '1' },
        { TagKey: 'k', TagValue: '2' },
      ];
      await expectTencentError(client().CreateProductSecret(productSecretRequest('dup', { Tags: tags })), 'InvalidParameterValue.TagKeysDuplicated');
    });
  });

  it('writes rotation times in Beijing time', async () => {
    expect(beijing(PRODUCT_START)).toBe('2025-01-15 12:00:00');
    await client().CreateProductSecret(productSecretRequest('clocked'));
    clock.advance(FLOW_MS);
    expect((await client().DescribeRotationDetail({ SecretName: 'clocked' })).LatestRotateTime).toBe('2025-01-15 12:00:00');
  });
});
