import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import {
  arnOf,
  createSecret,
  DAY_MS,
  expectKmsError,
  expectRawError,
  expectRawXml,
  expectRawXmlError,
  kmsTimeOf,
  rpc,
  SEEDED_CONFIG,
  seedManagedSecret,
  TEST_NS,
  useKmsServer,
} from '../../../helpers/alibabaOperations.js';
import { STORES } from '../../../helpers/server.js';

describe.each(STORES)('UpdateSecret (%s store)', (kind) => {
  const { clock, server, url } = useKmsServer(kind, Date.UTC(2025, 7, 20, 10, 0, 0));
  const describeSecret = async (name: string): Promise<any> => (await rpc(url(), 'DescribeSecret', { SecretName: name })).json;
  const extendedConfig = async (name: string): Promise<unknown> => JSON.parse((await describeSecret(name)).ExtendedConfig);

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = () => alibabaClient(url(), sdk);

    it('sets the Description and moves UpdateTime, answering SecretName', async () => {
      await createSecret(url(), 'app/db', { Description: 'old' });
      clock.advance(DAY_MS);
      const updated = await call()('UpdateSecret', { SecretName: 'app/db', Description: 'new words' });
      expect(updated).toEqual({ SecretName: 'app/db', RequestId: expect.any(String) });
      expect(await describeSecret('app/db')).toMatchObject({ Description: 'new words', UpdateTime: kmsTimeOf(clock.now()) });
    });

    it('replaces CustomData of a managed secret given as ExtendedConfig.CustomData=<json>, keeping the rest', async () => {
      await seedManagedSecret(server().polysecret.engine, 'rds/app');
      await call()('UpdateSecret', { SecretName: 'rds/app', 'ExtendedConfig.CustomData': JSON.stringify({ owner: 'ops', n: 2 }) });
      expect(await extendedConfig('rds/app')).toEqual({ ...SEEDED_CONFIG, CustomData: { owner: 'ops', n: 2 } });
    });

    it("takes Go's flattened ExtendedConfig.CustomData.<k>=<v> form", async () => {
      await seedManagedSecret(server().polysecret.engine, 'rds/app');
      await call()('UpdateSecret', { SecretName: 'rds/app', 'ExtendedConfig.CustomData.owner': 'ops', 'ExtendedConfig.CustomData.tier': 'gold' });
      expect(await extendedConfig('rds/app')).toEqual({ ...SEEDED_CONFIG, CustomData: { owner: 'ops', tier: 'gold' } });
    });

    it('refuses CustomData for a Generic secret with InvalidParameter (400), changing nothing', async () => {
      await createSecret(url(), 'generic', { Description: 'kept' });
      await expectKmsError(
        sdk,
        call()('UpdateSecret', { SecretName: 'generic', Description: 'lost', 'ExtendedConfig.CustomData': '{"a":"b"}' }),
        'InvalidParameter',
        400,
      );
      expect(await describeSecret('generic')).toMatchObject({ Description: 'kept' });
      expect(await describeSecret('generic')).not.toHaveProperty('ExtendedConfig');
    });

    it('answers Forbidden.ResourceNotFound (404) for an unknown secret', async () => {
      await expectKmsError(sdk, call()('UpdateSecret', { SecretName: 'missing', Description: 'x' }), 'Forbidden.ResourceNotFound', 404);
    });

    it('answers Rejected.ResourceInDeleteWindow (409) for a secret pending deletion', async () => {
      await createSecret(url(), 'doomed');
      await rpc(url(), 'DeleteSecret', { SecretName: 'doomed' });
      await expectKmsError(sdk, call()('UpdateSecret', { SecretName: 'doomed', Description: 'x' }), 'Rejected.ResourceInDeleteWindow', 409);
    });
  });

  it('finds the secret by ARN and answers its name', async () => {
    await createSecret(url(), 'by-arn');
    const response = await rpc(url(), 'UpdateSecret', { SecretName: arnOf('by-arn'), Description: 'd' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(Object.keys(response.json).sort()).toEqual(['RequestId', 'SecretName']);
    expect(response.json.SecretName).toBe('by-arn');
    expect((await describeSecret('by-arn')).Description).toBe('d');
  });

  it('clears the Description when given an empty one', async () => {
    await createSecret(url(), 'clear', { Description: 'something' });
    expect((await rpc(url(), 'UpdateSecret', { SecretName: 'clear', Description: '' })).status).toBe(200);
    expect(await describeSecret('clear')).not.toHaveProperty('Description');
  });

  it('changes nothing, UpdateTime included, when given neither Description nor CustomData', async () => {
    const createdAt = clock.now();
    await createSecret(url(), 'noop', { Description: 'same' });
    clock.advance(DAY_MS);
    expect((await rpc(url(), 'UpdateSecret', { SecretName: 'noop' })).status).toBe(200);
    expect(await describeSecret('noop')).toMatchObject({ Description: 'same', UpdateTime: kmsTimeOf(createdAt) });
  });

  it('updates Description and CustomData together, the flattened keys joining the JSON ones', async () => {
    await seedManagedSecret(server().polysecret.engine, 'rds/both');
    const response = await rpc(url(), 'UpdateSecret', {
      SecretName: 'rds/both',
      Description: 'managed',
      'ExtendedConfig.CustomData': '{"a":"1","b":"2"}',
      'ExtendedConfig.CustomData.b': 'flat',
    });
    expect(response.status).toBe(200);
    expect(await describeSecret('rds/both')).toMatchObject({ Description: 'managed' });
    expect(await extendedConfig('rds/both')).toEqual({ ...SEEDED_CONFIG, CustomData: { a: '1', b: 'flat' } });
  });

  it("stores CustomData in the record's ExtendedConfig JSON", async () => {
    await seedManagedSecret(server().polysecret.engine, 'rds/stored');
    await rpc(url(), 'UpdateSecret', { SecretName: 'rds/stored', 'ExtendedConfig.CustomData': '{"k":"v"}' });
    const record = server().polysecret.engine.get(TEST_NS, 'rds/stored')!;
    expect(JSON.parse(record.alibaba!.extendedConfig!)).toEqual({ ...SEEDED_CONFIG, CustomData: { k: 'v' } });
  });

  it.each([
    ['not JSON', '{"a":'],
    ['a JSON array', '["a"]'],
    ['a JSON string', '"text"'],
    ['null', 'null'],
  ])('refuses ExtendedConfig.CustomData that is %s with InvalidParameter (400)', async (_, value) => {
    await seedManagedSecret(server().polysecret.engine, 'rds/app');
    const response = await rpc(url(), 'UpdateSecret', { SecretName: 'rds/app', 'ExtendedConfig.CustomData': value });
    expectRawError(response, 'InvalidParameter', 400);
    expect(response.json.Message).toMatch(/^The specified parameter ExtendedConfig\.CustomData is not valid\./);
    expect(await extendedConfig('rds/app')).toEqual(SEEDED_CONFIG);
  });

  it('refuses CustomData that would make ExtendedConfig longer than 1024 characters', async () => {
    await seedManagedSecret(server().polysecret.engine, 'rds/app');
    const response = await rpc(url(), 'UpdateSecret', { SecretName: 'rds/app', 'ExtendedConfig.CustomData': JSON.stringify({ big: 'x'.repeat(1000) }) });
    expectRawError(response, 'InvalidParameter', 400);
    expect(await extendedConfig('rds/app')).toEqual(SEEDED_CONFIG);
  });

  it('refuses the flattened CustomData form for a Generic secret too', async () => {
    await createSecret(url(), 'generic');
    expectRawError(await rpc(url(), 'UpdateSecret', { SecretName: 'generic', 'ExtendedConfig.CustomData.k': 'v' }), 'InvalidParameter', 400);
  });

  it('refuses a Description over 1024 characters and a missing SecretName', async () => {
    await createSecret(url(), 'long');
    expectRawError(await rpc(url(), 'UpdateSecret', { SecretName: 'long', Description: 'x'.repeat(1025) }), 'InvalidParameter', 400);
    const missing = await rpc(url(), 'UpdateSecret', { Description: 'x' });
    expectRawError(missing, 'MissingSecretName', 400);
    expect(missing.json.Message).toBe('SecretName is mandatory for this action.');
  });

  it('answers XML under <KMS>, and errors under <Error>', async () => {
    await createSecret(url(), 'xml');
    const ok = await rpc(url(), 'UpdateSecret', { SecretName: 'xml', Description: 'd', Format: 'XML' });
    expect(await expectRawXml(ok)).toEqual({ SecretName: 'xml', RequestId: expect.any(String) });
    const failed = await rpc(url(), 'UpdateSecret', { SecretName: 'missing', Description: 'd', Format: 'XML' });
    await expectRawXmlError(failed, 'Forbidden.ResourceNotFound', 404);
  });
});
