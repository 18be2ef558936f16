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
  useKmsServer,
} from '../../../helpers/alibabaOperations.js';
import { STORES } from '../../../helpers/server.js';

const TAGS = JSON.stringify([
  { TagKey: 'env', TagValue: 'prod' },
  { TagKey: 'team', TagValue: 'db' },
]);

describe.each(STORES)('DescribeSecret (%s store)', (kind) => {
  const { clock, server, url } = useKmsServer(kind, Date.UTC(2025, 2, 10, 8, 30, 15, 500));

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = () => alibabaClient(url(), sdk);

    it('returns every member a Generic secret has, and no Tags unless asked', async () => {
      const createdAt = clock.now();
      await createSecret(url(), 'app/db', { Description: 'the db', EncryptionKeyId: 'key-1', DKMSInstanceId: 'kst-1', Tags: TAGS });
      clock.advance(5000);
      const described = await call()('DescribeSecret', { SecretName: 'app/db' });
      expect(described).toEqual({
        Arn: arnOf('app/db'),
        SecretName: 'app/db',
        SecretType: 'Generic',
        Description: 'the db',
        CreateTime: kmsTimeOf(createdAt),
        UpdateTime: kmsTimeOf(createdAt),
        EncryptionKeyId: 'key-1',
        DKMSInstanceId: 'kst-1',
        RequestId: expect.any(String),
      });
    });

    it('adds Tags.Tag with FetchTags=true, an array even for one tag', async () => {
      await createSecret(url(), 'one-tag', { Tags: JSON.stringify([{ TagKey: 'env', TagValue: 'dev' }]) });
      const described = await call()('DescribeSecret', { SecretName: 'one-tag', FetchTags: 'true' });
      expect(described.Tags).toEqual({ Tag: [{ TagKey: 'env', TagValue: 'dev' }] });
    });

    it('shows PlannedDeleteTime for a secret pending deletion', async () => {
      await createSecret(url(), 'doomed');
      await rpc(url(), 'DeleteSecret', { SecretName: 'doomed', RecoveryWindowInDays: '7' });
      const described = await call()('DescribeSecret', { SecretName: 'doomed' });
      expect(described.PlannedDeleteTime).toBe(kmsTimeOf(clock.now() + 7 * DAY_MS));
      expect(described.SecretName).toBe('doomed');
    });

    it('answers Forbidden.ResourceNotFound (404) for an unknown secret', async () => {
      await expectKmsError(sdk, call()('DescribeSecret', { SecretName: 'missing' }), 'Forbidden.ResourceNotFound', 404);
    });
  });

  it('omits unset members: a bare secret has no Description, EncryptionKeyId, DKMSInstanceId or PlannedDeleteTime', async () => {
    await createSecret(url(), 'bare');
    const response = await rpc(url(), 'DescribeSecret', { SecretName: 'bare' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(Object.keys(response.json).sort()).toEqual(['Arn', 'CreateTime', 'RequestId', 'SecretName', 'SecretType', 'UpdateTime']);
  });

  it('answers an empty Tags.Tag array with FetchTags=true for an untagged secret; FetchTags=false leaves Tags out', async () => {
    await createSecret(url(), 'untagged');
    expect((await rpc(url(), 'DescribeSecret', { SecretName: 'untagged', FetchTags: 'true' })).json.Tags).toEqual({ Tag: [] });
    expect((await rpc(url(), 'DescribeSecret', { SecretName: 'untagged', FetchTags: 'false' })).json).not.toHaveProperty('Tags');
  });

  it('finds a secret by its ARN', async () => {
    await createSecret(url(), 'by-arn');
    const response = await rpc(url(), 'DescribeSecret', { SecretName: arnOf('by-arn') });
    expect(response.json).toMatchObject({ SecretName: 'by-arn', Arn: arnOf('by-arn') });
  });

  it('reports UpdateTime after an update, CreateTime unchanged', async () => {
    const createdAt = clock.now();
    await createSecret(url(), 'changing');
    clock.advance(DAY_MS);
    await rpc(url(), 'UpdateSecret', { SecretName: 'changing', Description: 'new' });
    const described = (await rpc(url(), 'DescribeSecret', { SecretName: 'changing' })).json;
    expect(described).toMatchObject({ CreateTime: kmsTimeOf(createdAt), UpdateTime: kmsTimeOf(createdAt + DAY_MS), Description: 'new' });
  });

  it('renders the rotation members and ExtendedConfig of a managed secret', async () => {
    const now = clock.now();
    await seedManagedSecret(server().polysecret.engine, 'rds/app', {
      rotation: { enabled: true, intervalMs: 7 * DAY_MS, lastAt: now - DAY_MS, nextAt: now + 6 * DAY_MS },
      dkmsInstanceId: 'kst-9',
    });
    const described = (await rpc(url(), 'DescribeSecret', { SecretName: 'rds/app' })).json;
    expect(described).toEqual({
      Arn: arnOf('rds/app'),
      SecretName: 'rds/app',
      SecretType: 'Rds',
      CreateTime: kmsTimeOf(now),
      UpdateTime: kmsTimeOf(now),
      DKMSInstanceId: 'kst-9',
      AutomaticRotation: 'Enabled',
      RotationInterval: '604800s',
      LastRotationDate: kmsTimeOf(now - DAY_MS),
      NextRotationDate: kmsTimeOf(now + 6 * DAY_MS),
      ExtendedConfig: JSON.stringify(SEEDED_CONFIG),
      RequestId: expect.any(String),
    });
  });

  it('rotates a managed secret whose automatic rotation is due before describing it', async () => {
    const now = clock.now();
    await seedManagedSecret(server().polysecret.engine, 'rds/due', {
      rotation: { enabled: true, intervalMs: 7 * DAY_MS, lastAt: now - 8 * DAY_MS, nextAt: now - DAY_MS },
    });
    const described = (await rpc(url(), 'DescribeSecret', { SecretName: 'rds/due' })).json;
    expect(described).toMatchObject({ LastRotationDate: kmsTimeOf(now), UpdateTime: kmsTimeOf(now) });
    expect(Date.parse(described.NextRotationDate)).toBeGreaterThan(now);
  });

  it('answers XML under <KMS> with tags as repeated <Tag> elements', async () => {
    await createSecret(url(), 'xml', { Tags: TAGS });
    const response = await rpc(url(), 'DescribeSecret', { SecretName: 'xml', FetchTags: 'true', Format: 'XML' });
    const kms = await expectRawXml(response);
    expect(kms).toMatchObject({ SecretName: 'xml', SecretType: 'Generic', Arn: arnOf('xml') });
    expect(kms.Tags.Tag).toEqual([
      { TagKey: 'env', TagValue: 'prod' },
      { TagKey: 'team', TagValue: 'db' },
    ]);
  });

  it('answers errors with their HTTP status, in JSON and in XML under <Error>', async () => {
    expectRawError(await rpc(url(), 'DescribeSecret', { SecretName: 'missing' }), 'Forbidden.ResourceNotFound', 404);
    expectRawError(await rpc(url(), 'DescribeSecret', {}), 'MissingSecretName', 400);
    await createSecret(url(), 'flags');
    expectRawError(await rpc(url(), 'DescribeSecret', { SecretName: 'flags', FetchTags: 'yes' }), 'InvalidParameter', 400);
    const xml = await rpc(url(), 'DescribeSecret', { SecretName: 'missing', Format: 'XML' });
    await expectRawXmlError(xml, 'Forbidden.ResourceNotFound', 404);
  });

  it('no longer finds a secret once its deletion window has passed', async () => {
    await createSecret(url(), 'expiring');
    await rpc(url(), 'DeleteSecret', { SecretName: 'expiring', RecoveryWindowInDays: '1' });
    clock.advance(DAY_MS);
    expectRawError(await rpc(url(), 'DescribeSecret', { SecretName: 'expiring' }), 'Forbidden.ResourceNotFound', 404);
  });
});
