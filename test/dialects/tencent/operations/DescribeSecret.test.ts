import { randomUUID } from 'node:crypto';
import { ManualClock, type IdSource } from '../../../../src/core/runtime.js';
import { startServer, STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { DAY_MS, expectRawTencentError, expectTencentError, UUID } from '../../../helpers/tencentOperations.js';

/** Random request ids, and "XyZ…" wherever the server asks for random characters. */
const FIXED_SUFFIX_IDS: IdSource = { uuid: () => randomUUID(), alphanumeric: (length) => 'XyZ0123456789'.slice(0, length) };

/** Every member of a real DescribeSecret answer for a user-defined secret [tccli example], RequestId included. */
const REAL_MEMBERS = [
  'AdditionalConfig',
  'AssociatedInstanceIDs',
  'CreateTime',
  'CreateUin',
  'CreateUinString',
  'DeleteTime',
  'Description',
  'EncryptSwitching',
  'EncryptType',
  'KmsKeyId',
  'ProductName',
  'ProjectID',
  'RequestId',
  'ResourceID',
  'ResourceName',
  'RotationFrequency',
  'RotationStatus',
  'SecretName',
  'SecretType',
  'Status',
  'TargetUin',
  'TargetUinString',
];

describe.each(STORES)('Tencent DescribeSecret (%s store)', (kind) => {
  const created = Date.UTC(2024, 3, 5, 6, 7, 8, 912);
  const clock = new ManualClock(created);
  const server = useServer(kind, { clock, ids: FIXED_SUFFIX_IDS });
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);
  const now = () => Math.floor(clock.now() / 1000);

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('answers every member with SSM\'s values and types for a user-defined secret', async () => {
      await client().CreateSecret({ SecretName: 'app', SecretString: 's', Description: 'd', KmsKeyId: 'key-1', AdditionalConfig: '{"k":"v"}' });
      const described = await client(framing).DescribeSecret({ SecretName: 'app' });
      expect(described).toEqual({
        SecretName: 'app',
        Description: 'd',
        KmsKeyId: 'key-1',
        CreateUin: 100000000001,
        CreateUinString: '100000000001',
        Status: 'Enabled',
        DeleteTime: 0,
        CreateTime: now(),
        SecretType: 0,
        ProductName: 'default',
        ResourceID: `1250000000_100000000001_customize_${BigInt(clock.now()) * 1_000_000n}_xyz`,
        RotationStatus: false,
        RotationFrequency: 0,
        ResourceName: '',
        ProjectID: 0,
        AssociatedInstanceIDs: [],
        TargetUin: 0,
        TargetUinString: '0',
        AdditionalConfig: '{"k":"v"}',
        EncryptType: 0,
        EncryptSwitching: false,
        RequestId: expect.stringMatching(UUID),
      });
    });

    it('answers ResourceNotFound for a secret that does not exist', async () => {
      await expectTencentError(client(framing).DescribeSecret({ SecretName: 'missing' }), 'ResourceNotFound');
    });
  });

  it('has exactly the members of a real answer, with JSON types Terraform dereferences safely', async () => {
    await client().CreateSecret({ SecretName: 'wire', SecretString: 's' });
    const response = await rawTencent(server().url, 'DescribeSecret', { SecretName: 'wire' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const members = response.json.Response;
    expect(Object.keys(members).sort()).toEqual(REAL_MEMBERS);
    const types = Object.fromEntries(Object.entries(members).map(([key, value]) => [key, Array.isArray(value) ? 'array' : typeof value]));
    expect(types).toEqual({
      AdditionalConfig: 'string',
      AssociatedInstanceIDs: 'array',
      CreateTime: 'number',
      CreateUin: 'number',
      CreateUinString: 'string',
      DeleteTime: 'number',
      Description: 'string',
      EncryptSwitching: 'boolean',
      EncryptType: 'number',
      KmsKeyId: 'string',
      ProductName: 'string',
      ProjectID: 'number',
      RequestId: 'string',
      ResourceID: 'string',
      ResourceName: 'string',
      RotationFrequency: 'number',
      RotationStatus: 'boolean',
      SecretName: 'string',
      SecretType: 'number',
      Status: 'string',
      TargetUin: 'number',
      TargetUinString: 'string',
    });
    expect(Number.isInteger(members.CreateTime)).toBe(true);
  });

  it('keeps ResourceID stable through changes and distinct between secrets', async () => {
    await client().CreateSecret({ SecretName: 'stable', SecretString: 's' });
    const first = (await client().DescribeSecret({ SecretName: 'stable' })).ResourceID;
    expect(first).toMatch(/^\d{10}_100000000001_customize_\d+_[a-z0-9]{3}$/);
    clock.advance(5000);
    await client().PutSecretValue({ SecretName: 'stable', VersionId: 'v2', SecretString: 't' });
    await client().UpdateDescription({ SecretName: 'stable', Description: 'changed' });
    await client().DisableSecret({ SecretName: 'stable' });
    expect((await client().DescribeSecret({ SecretName: 'stable' })).ResourceID).toBe(first);
    clock.advance(1);
    await client().CreateSecret({ SecretName: 'other', SecretString: 's' });
    expect((await client().DescribeSecret({ SecretName: 'other' })).ResourceID).not.toBe(first);
  });

  (kind === 'lowdb' ? it : it.skip)('keeps ResourceID, CreateTime and Status across a restart', async () => {
    await client().CreateSecret({ SecretName: 'durable', SecretString: 's' });
    await client().DisableSecret({ SecretName: 'durable' });
    const before = await client().DescribeSecret({ SecretName: 'durable' });
    const reopened = await startServer(kind, { dataDir: server().dataDir });
    try {
      const after = await tencentClient(reopened.url).DescribeSecret({ SecretName: 'durable' });
      expect({ ...after, RequestId: undefined }).toEqual({ ...before, RequestId: undefined });
    } finally {
      await reopened.stop();
    }
  });

  it('reports Disabled, then PendingDelete with DeleteTime, then Disabled with DeleteTime 0 after RestoreSecret', async () => {
    await client().CreateSecret({ SecretName: 'life', SecretString: 's' });
    await client().DisableSecret({ SecretName: 'life' });
    expect(await client().DescribeSecret({ SecretName: 'life' })).toMatchObject({ Status: 'Disabled', DeleteTime: 0 });
    await client().DeleteSecret({ SecretName: 'life', RecoveryWindowInDays: 7 });
    expect(await client().DescribeSecret({ SecretName: 'life' })).toMatchObject({ Status: 'PendingDelete', DeleteTime: now() + 7 * 86400 });
    await client().RestoreSecret({ SecretName: 'life' });
    expect(await client().DescribeSecret({ SecretName: 'life' })).toMatchObject({ Status: 'Disabled', DeleteTime: 0 });
  });

  it('answers ResourceNotFound after an immediate delete and after the recovery window (Terraform waits for that code)', async () => {
    await client().CreateSecret({ SecretName: 'now', SecretString: 's' });
    await client().DisableSecret({ SecretName: 'now' });
    await client().DeleteSecret({ SecretName: 'now' });
    await expectTencentError(client().DescribeSecret({ SecretName: 'now' }), 'ResourceNotFound');
    await client().CreateSecret({ SecretName: 'later', SecretString: 's' });
    await client().DisableSecret({ SecretName: 'later' });
    await client().DeleteSecret({ SecretName: 'later', RecoveryWindowInDays: 1 });
    clock.advance(DAY_MS);
    await expectTencentError(client().DescribeSecret({ SecretName: 'later' }), 'ResourceNotFound');
  });

  it('requires SecretName and rejects unknown parameters', async () => {
    const missing = await expectTencentError(client().DescribeSecret({} as never), 'MissingParameter');
    expect(missing.message).toBe('The request is missing a required parameter `SecretName`.');
    const unknown = await expectRawTencentError(server().url, 'DescribeSecret', { SecretName: 'a', SecretId: 'a' }, 'UnknownParameter');
    expect(unknown.Message).toBe('The parameter `SecretId` is not recognized.');
    const chinese = await expectRawTencentError(server().url, 'DescribeSecret', { SecretName: 'nope' }, 'ResourceNotFound', { 'x-tc-language': 'zh-CN' });
    expect(chinese.Message).toBe('凭据不存在。');
  });

  describe('with another configured account', () => {
    const otherServer = useServer(kind, { tencentAccount: '200000000002' });

    it('reports that UIN as CreateUin, CreateUinString and in ResourceID', async () => {
      const other = tencentClient(otherServer().url);
      await other.CreateSecret({ SecretName: 'mine', SecretString: 's' });
      const described = await other.DescribeSecret({ SecretName: 'mine' });
      expect(described).toMatchObject({ CreateUin: 200000000002, CreateUinString: '200000000002', TargetUin: 0, TargetUinString: '0' });
      expect(described.ResourceID).toMatch(/^\d{10}_200000000002_customize_\d+_[a-z0-9]{3}$/);
    });
  });
});
