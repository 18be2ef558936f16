import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import {
  createSecret,
  DAY_MS,
  expectKmsError,
  expectRawError,
  expectRawXml,
  expectRawXmlError,
  kmsTimeOf,
  rpc,
  seedManagedSecret,
  TEST_NS,
  useKmsServer,
} from '../../../helpers/alibabaOperations.js';
import { STORES } from '../../../helpers/server.js';

const filters = (value: unknown): string => JSON.stringify(value);

describe.each(STORES)('ListSecrets (%s store)', (kind) => {
  const { clock, server, url } = useKmsServer(kind, Date.UTC(2025, 5, 1, 0, 0, 0));
  const list = async (params: Record<string, string> = {}): Promise<any> => {
    const response = await rpc(url(), 'ListSecrets', params);
    if (response.status !== 200) throw new Error(response.text);
    return response.json;
  };
  const names = (body: any): string[] => body.SecretList.Secret.map((entry: { SecretName: string }) => entry.SecretName);

  /** Three secrets a second apart: alpha (tagged env=prod), beta (env=dev, instance kst-1), gamma (described). */
  async function createThree(): Promise<void> {
    await createSecret(url(), 'alpha', { Tags: filters([{ TagKey: 'env', TagValue: 'prod' }]) });
    clock.advance(1000);
    await createSecret(url(), 'beta', { Tags: filters([{ TagKey: 'env', TagValue: 'dev' }, { TagKey: 'team', TagValue: 'db' }]), DKMSInstanceId: 'kst-1' });
    clock.advance(1000);
    await createSecret(url(), 'gamma', { Description: 'third one' });
  }

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = () => alibabaClient(url(), sdk);

    it('lists the secrets oldest first with the default page (1, 10) as JSON numbers, SecretList.Secret an array', async () => {
      const start = clock.now();
      await createThree();
      const listed = await call()('ListSecrets');
      expect(listed).toEqual({
        PageNumber: 1,
        PageSize: 10,
        TotalCount: 3,
        SecretList: {
          Secret: [
            { SecretName: 'alpha', SecretType: 'Generic', CreateTime: kmsTimeOf(start), UpdateTime: kmsTimeOf(start) },
            { SecretName: 'beta', SecretType: 'Generic', CreateTime: kmsTimeOf(start + 1000), UpdateTime: kmsTimeOf(start + 1000) },
            { SecretName: 'gamma', SecretType: 'Generic', CreateTime: kmsTimeOf(start + 2000), UpdateTime: kmsTimeOf(start + 2000) },
          ],
        },
        RequestId: expect.any(String),
      });
    });

    it('pages with PageNumber/PageSize while TotalCount stays the full count', async () => {
      await createThree();
      const first = await call()('ListSecrets', { PageNumber: '1', PageSize: '2' });
      expect([first.PageNumber, first.PageSize, first.TotalCount, names(first)]).toEqual([1, 2, 3, ['alpha', 'beta']]);
      const second = await call()('ListSecrets', { PageNumber: '2', PageSize: '2' });
      expect([second.PageNumber, second.TotalCount, names(second)]).toEqual([2, 3, ['gamma']]);
    });

    it('filters with Filters JSON and adds Tags with FetchTags=true', async () => {
      await createThree();
      const listed = await call()('ListSecrets', { Filters: filters([{ Key: 'TagKey', Values: ['team'] }]), FetchTags: 'true' });
      expect(listed.TotalCount).toBe(1);
      expect(listed.SecretList.Secret).toEqual([
        expect.objectContaining({ SecretName: 'beta', Tags: { Tag: [{ TagKey: 'env', TagValue: 'dev' }, { TagKey: 'team', TagValue: 'db' }] } }),
      ]);
    });

    it('refuses a PageSize above 100 with InvalidParameter (400)', async () => {
      await expectKmsError(sdk, call()('ListSecrets', { PageSize: '101' }), 'InvalidParameter', 400);
    });

    it('refuses Filters that are not JSON with InvalidParameter (400)', async () => {
      await expectKmsError(sdk, call()('ListSecrets', { Filters: '[{"Key":' }), 'InvalidParameter', 400);
    });
  });

  it('answers an empty SecretList.Secret array and TotalCount 0 when there is nothing', async () => {
    expect(await list()).toEqual({ PageNumber: 1, PageSize: 10, TotalCount: 0, SecretList: { Secret: [] }, RequestId: expect.any(String) });
  });

  it('answers an empty page past the end, still counting every secret', async () => {
    await createThree();
    const body = await list({ PageNumber: '3', PageSize: '2' });
    expect([body.PageNumber, body.PageSize, body.TotalCount, names(body)]).toEqual([3, 2, 3, []]);
  });

  it('accepts the PageSize bounds 1 and 100', async () => {
    await createThree();
    expect(names(await list({ PageSize: '1' }))).toEqual(['alpha']);
    expect(names(await list({ PageSize: '100' }))).toEqual(['alpha', 'beta', 'gamma']);
  });

  it.each([
    ['PageSize', '0'],
    ['PageSize', '101'],
    ['PageSize', 'ten'],
    ['PageNumber', '0'],
    ['PageNumber', '-1'],
    ['PageNumber', '1.5'],
    ['FetchTags', 'yes'],
  ])('refuses %s=%s with InvalidParameter (400)', async (name, value) => {
    expectRawError(await rpc(url(), 'ListSecrets', { [name]: value }), 'InvalidParameter', 400);
  });

  it('gives every entry Tags (empty Tag array when untagged) with FetchTags=true, none without', async () => {
    await createThree();
    const tagged = await list({ FetchTags: 'true' });
    expect(tagged.SecretList.Secret.map((entry: any) => entry.Tags)).toEqual([
      { Tag: [{ TagKey: 'env', TagValue: 'prod' }] },
      { Tag: [{ TagKey: 'env', TagValue: 'dev' }, { TagKey: 'team', TagValue: 'db' }] },
      { Tag: [] },
    ]);
    expect((await list()).SecretList.Secret.every((entry: object) => !('Tags' in entry))).toBe(true);
  });

  describe('Filters', () => {
    beforeEach(createThree);

    it.each([
      ['SecretName, OR within a key', [{ Key: 'SecretName', Values: ['alpha', 'gamma', 'nope'] }], ['alpha', 'gamma']],
      ['SecretName, exact (no prefix match)', [{ Key: 'SecretName', Values: ['alph'] }], []],
      ['Description', [{ Key: 'Description', Values: ['third one'] }], ['gamma']],
      ['Description, exact', [{ Key: 'Description', Values: ['third'] }], []],
      ['TagKey', [{ Key: 'TagKey', Values: ['env'] }], ['alpha', 'beta']],
      ['TagValue', [{ Key: 'TagValue', Values: ['prod', 'db'] }], ['alpha', 'beta']],
      ['DKMSInstanceId', [{ Key: 'DKMSInstanceId', Values: ['kst-1'] }], ['beta']],
      ['SecretType', [{ Key: 'SecretType', Values: ['Generic'] }], ['alpha', 'beta', 'gamma']],
      ['SecretType Rds', [{ Key: 'SecretType', Values: ['Rds'] }], []],
      ['Creator (the owning account)', [{ Key: 'Creator', Values: [TEST_NS.account] }], ['alpha', 'beta', 'gamma']],
      ['Creator, another account', [{ Key: 'Creator', Values: ['9999999999999999'] }], []],
      [
        'AND across keys',
        [
          { Key: 'TagKey', Values: ['env'] },
          { Key: 'TagValue', Values: ['prod'] },
        ],
        ['alpha'],
      ],
      [
        'AND across keys, no secret has both',
        [
          { Key: 'SecretName', Values: ['gamma'] },
          { Key: 'TagKey', Values: ['env'] },
        ],
        [],
      ],
      ['an empty list (no filter)', [], ['alpha', 'beta', 'gamma']],
    ])('by %s', async (_, given, expected) => {
      const body = await list({ Filters: filters(given) });
      expect(names(body)).toEqual(expected);
      expect(body.TotalCount).toBe(expected.length);
    });

    it('counts the filtered secrets in TotalCount while paging them', async () => {
      const body = await list({ Filters: filters([{ Key: 'TagKey', Values: ['env'] }]), PageSize: '1', PageNumber: '2' });
      expect([body.TotalCount, names(body)]).toEqual([2, ['beta']]);
    });

    it('accepts 10 values for a key', async () => {
      const values = ['alpha', ...Array.from({ length: 9 }, (_, i) => `other-${i}`)];
      expect(names(await list({ Filters: filters([{ Key: 'SecretName', Values: values }]) }))).toEqual(['alpha']);
    });

    it.each([
      ['not JSON', '[{"Key":"SecretName"'],
      ['not an array', filters({ Key: 'SecretName', Values: ['alpha'] })],
      ['an unknown key', filters([{ Key: 'Name', Values: ['alpha'] }])],
      ['a key in the wrong case', filters([{ Key: 'secretname', Values: ['alpha'] }])],
      ['an inherited property name as key', filters([{ Key: 'constructor', Values: ['alpha'] }])],
      ['no Values', filters([{ Key: 'SecretName' }])],
      ['empty Values', filters([{ Key: 'SecretName', Values: [] }])],
      ['11 values', filters([{ Key: 'SecretName', Values: Array.from({ length: 11 }, (_, i) => `n${i}`) }])],
      ['a non-string value', filters([{ Key: 'SecretName', Values: [1] }])],
      ['a value longer than 256 characters', filters([{ Key: 'Description', Values: ['x'.repeat(257)] }])],
      ['a non-object entry', filters(['SecretName'])],
    ])('refuses Filters with %s as InvalidParameter (400)', async (_, value) => {
      const response = await rpc(url(), 'ListSecrets', { Filters: value });
      expectRawError(response, 'InvalidParameter', 400);
      expect(response.json.Message).toMatch(/^The specified parameter Filters is not valid\./);
    });
  });

  it('lists a secret pending deletion with its PlannedDeleteTime; a force-deleted one not at all', async () => {
    await createThree();
    await rpc(url(), 'DeleteSecret', { SecretName: 'alpha', RecoveryWindowInDays: '7' });
    await rpc(url(), 'DeleteSecret', { SecretName: 'gamma', ForceDeleteWithoutRecovery: 'true' });
    const body = await list();
    expect(names(body)).toEqual(['alpha', 'beta']);
    expect(body.TotalCount).toBe(2);
    expect(body.SecretList.Secret[0].PlannedDeleteTime).toBe(kmsTimeOf(clock.now() + 7 * DAY_MS));
    expect(body.SecretList.Secret[1]).not.toHaveProperty('PlannedDeleteTime');
  });

  it('drops a secret whose deletion window has passed', async () => {
    await createThree();
    await rpc(url(), 'DeleteSecret', { SecretName: 'beta', RecoveryWindowInDays: '1' });
    clock.advance(DAY_MS);
    const body = await list();
    expect([body.TotalCount, names(body)]).toEqual([2, ['alpha', 'gamma']]);
  });

  it('lists managed secrets with their type, filterable by SecretType', async () => {
    await createThree();
    await seedManagedSecret(server().polysecret.engine, 'rds/app');
    const body = await list({ Filters: filters([{ Key: 'SecretType', Values: ['Rds'] }]) });
    expect(body.SecretList.Secret).toEqual([expect.objectContaining({ SecretName: 'rds/app', SecretType: 'Rds' })]);
  });

  it('lists only the region asked for', async () => {
    await createSecret(url(), 'here');
    await createSecret(url(), 'there', { RegionId: 'cn-shanghai' });
    expect(names(await list())).toEqual(['here']);
    expect(names(await list({ RegionId: 'cn-shanghai' }))).toEqual(['there']);
  });

  it('answers XML with each secret as a repeated <Secret> element and numbers as text', async () => {
    await createThree();
    const response = await rpc(url(), 'ListSecrets', { Format: 'XML', PageSize: '2' });
    const kms = await expectRawXml(response);
    expect(response.text).toContain('<SecretList><Secret><SecretName>alpha</SecretName>');
    expect(kms).toMatchObject({ PageNumber: '1', PageSize: '2', TotalCount: '3' });
    expect(kms.SecretList.Secret.map((entry: any) => entry.SecretName)).toEqual(['alpha', 'beta']);
  });

  it('answers an XML error under <Error>', async () => {
    const response = await rpc(url(), 'ListSecrets', { Format: 'XML', PageSize: '0' });
    await expectRawXmlError(response, 'InvalidParameter', 400);
  });
});
