import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import {
  arnOf,
  createSecret,
  expectKmsError,
  expectRawError,
  expectRawXml,
  expectRawXmlError,
  kmsTimeOf,
  rpc,
  TEST_NS,
  useKmsServer,
} from '../../../helpers/alibabaOperations.js';
import { STORES } from '../../../helpers/server.js';

const TAGS = [
  { TagKey: 'env', TagValue: 'prod' },
  { TagKey: 'team', TagValue: 'db' },
];
const POLICY = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['kms:GetSecretValue'], Resource: ['*'] }] });

describe.each(STORES)('CreateSecret (%s store)', (kind) => {
  const { clock, server, url, stored } = useKmsServer(kind, Date.UTC(2025, 3, 2, 9, 15, 30, 750));

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = () => alibabaClient(url(), sdk);

    it('creates a Generic secret whose first version is ACSCurrent', async () => {
      const created = await call()('CreateSecret', { SecretName: 'app/db', VersionId: 'v1', SecretData: 'pa55' });
      expect(created).toEqual({ Arn: arnOf('app/db'), SecretName: 'app/db', VersionId: 'v1', SecretType: 'Generic', RequestId: expect.any(String) });
      const value = await call()('GetSecretValue', { SecretName: 'app/db' });
      expect(value).toMatchObject({
        SecretData: 'pa55',
        SecretDataType: 'text',
        VersionId: 'v1',
        VersionStages: { VersionStage: ['ACSCurrent'] },
        CreateTime: kmsTimeOf(clock.now()),
      });
    });

    it('stores Description, EncryptionKeyId, Tags, DKMSInstanceId and Policy, and echoes DKMSInstanceId', async () => {
      const created = await call()('CreateSecret', {
        SecretName: 'full',
        VersionId: 'v1',
        SecretData: 'data',
        Description: 'the database password',
        EncryptionKeyId: 'key-0123',
        Tags: JSON.stringify(TAGS),
        DKMSInstanceId: 'kst-hzz1',
        Policy: POLICY,
      });
      expect(created).toEqual({
        Arn: arnOf('full'),
        SecretName: 'full',
        VersionId: 'v1',
        SecretType: 'Generic',
        DKMSInstanceId: 'kst-hzz1',
        RequestId: expect.any(String),
      });
      expect(stored('full')).toMatchObject({
        description: 'the database password',
        kmsKeyId: 'key-0123',
        tags: [
          { key: 'env', value: 'prod' },
          { key: 'team', value: 'db' },
        ],
        resourcePolicy: POLICY,
        alibaba: { secretType: 'Generic', dkmsInstanceId: 'kst-hzz1' },
      });
    });

    it('keeps binary data verbatim with SecretDataType binary', async () => {
      await call()('CreateSecret', { SecretName: 'bin', VersionId: 'v1', SecretData: 'AAEC/w==', SecretDataType: 'binary' });
      const value = await call()('GetSecretValue', { SecretName: 'bin' });
      expect(value).toMatchObject({ SecretData: 'AAEC/w==', SecretDataType: 'binary' });
    });

    it('refuses a name in use with Rejected.ResourceExist (409)', async () => {
      await createSecret(url(), 'taken');
      await expectKmsError(sdk, call()('CreateSecret', { SecretName: 'taken', VersionId: 'v2', SecretData: 'x' }), 'Rejected.ResourceExist', 409);
      expect(stored('taken')?.versions.map((v) => v.id)).toEqual(['v1']);
    });

    it('refuses the name of a secret pending deletion with Rejected.ResourceInDeleteWindow (409)', async () => {
      await createSecret(url(), 'doomed');
      await rpc(url(), 'DeleteSecret', { SecretName: 'doomed' });
      await expectKmsError(sdk, call()('CreateSecret', { SecretName: 'doomed', VersionId: 'v1', SecretData: 'x' }), 'Rejected.ResourceInDeleteWindow', 409);
    });

    it.each(['SecretName', 'VersionId', 'SecretData'])('answers Missing%s (400) without it', async (missing) => {
      const params: Record<string, string> = { SecretName: 'incomplete', VersionId: 'v1', SecretData: 'x' };
      delete params[missing];
      const error = await expectKmsError(sdk, call()('CreateSecret', params), `Missing${missing}`, 400);
      expect(error.message).toBe(`${missing} is mandatory for this action.`);
      expect(stored('incomplete')).toBeUndefined();
    });

    it('refuses a Generic name starting with acs/ (InvalidParameter, 400)', async () => {
      await expectKmsError(sdk, call()('CreateSecret', { SecretName: 'acs/mine', VersionId: 'v1', SecretData: 'x' }), 'InvalidParameter', 400, 'SecretName');
    });

    it('refuses Tags that are not JSON (InvalidParameter, 400)', async () => {
      await expectKmsError(
        sdk,
        call()('CreateSecret', { SecretName: 'tagged', VersionId: 'v1', SecretData: 'x', Tags: '[{TagKey:' }),
        'InvalidParameter',
        400,
        'Tags',
      );
      expect(stored('tagged')).toBeUndefined();
    });
  });

  describe('names', () => {
    it.each([
      ['every allowed character', 'Az09_/+=.@-'],
      ['192 characters', 'n'.repeat(192)],
      ['acs without the slash', 'acs-secret'],
      ['acs/ further in', 'team/acs/db'],
    ])('accepts %s', async (_, name) => {
      const response = await rpc(url(), 'CreateSecret', { SecretName: name, VersionId: 'v1', SecretData: 'x' });
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ SecretName: name, Arn: arnOf(name) });
    });

    it.each([
      ['193 characters', 'n'.repeat(193)],
      ['a space', 'my secret'],
      ['a character outside [A-Za-z0-9_/+=.@-]', 'db#1'],
      ['a default-secret style !', 'Rds!rm-1'],
      ['the acs/ prefix', 'acs/ecs/x'],
      ['an empty name', ''],
    ])('refuses %s with InvalidParameter', async (_, name) => {
      const response = await rpc(url(), 'CreateSecret', { SecretName: name, VersionId: 'v1', SecretData: 'x' });
      expectRawError(response, 'InvalidParameter', 400);
      expect(response.json.Message).toContain('SecretName');
      expect(server().polysecret.engine.list(TEST_NS)).toEqual([]);
    });

    it('puts the secret in the region the call names, which its ARN shows', async () => {
      const response = await rpc(url(), 'CreateSecret', { SecretName: 'regional', VersionId: 'v1', SecretData: 'x', RegionId: 'cn-shanghai' });
      expect(response.json.Arn).toBe(`acs:kms:cn-shanghai:${TEST_NS.account}:secret/regional`);
      expect(stored('regional')).toBeUndefined();
      expect(server().polysecret.engine.get({ ...TEST_NS, region: 'cn-shanghai' }, 'regional')).toBeDefined();
    });
  });

  describe('Tags', () => {
    const create = (tags: string) => rpc(url(), 'CreateSecret', { SecretName: 'tagged', VersionId: 'v1', SecretData: 'x', Tags: tags });

    it('reads a missing TagValue as empty and keeps the last value of a repeated key', async () => {
      const response = await create(JSON.stringify([{ TagKey: 'a' }, { TagKey: 'b', TagValue: '1' }, { TagKey: 'b', TagValue: '2' }]));
      expect(response.status).toBe(200);
      expect(stored('tagged')?.tags).toEqual([
        { key: 'a', value: '' },
        { key: 'b', value: '2' },
      ]);
    });

    it('accepts 20 tags and an empty list', async () => {
      const twenty = Array.from({ length: 20 }, (_, i) => ({ TagKey: `k${i}`, TagValue: `v${i}` }));
      expect((await create(JSON.stringify(twenty))).status).toBe(200);
      expect(stored('tagged')?.tags).toHaveLength(20);
      expect((await rpc(url(), 'CreateSecret', { SecretName: 'untagged', VersionId: 'v1', SecretData: 'x', Tags: '[]' })).status).toBe(200);
      expect(stored('untagged')?.tags).toEqual([]);
    });

    it.each([
      ['not JSON', 'env=prod'],
      ['not a list', JSON.stringify({ TagKey: 'env', TagValue: 'prod' })],
      ['21 tags', JSON.stringify(Array.from({ length: 21 }, (_, i) => ({ TagKey: `k${i}`, TagValue: 'v' })))],
      ['a tag without TagKey', JSON.stringify([{ TagValue: 'v' }])],
      ['an empty TagKey', JSON.stringify([{ TagKey: '', TagValue: 'v' }])],
      ['a 129-character key', JSON.stringify([{ TagKey: 'k'.repeat(129), TagValue: 'v' }])],
      ['a 129-character value', JSON.stringify([{ TagKey: 'k', TagValue: 'v'.repeat(129) }])],
      ['a key starting with aliyun', JSON.stringify([{ TagKey: 'aliyun-env', TagValue: 'v' }])],
      ['a key starting with acs:', JSON.stringify([{ TagKey: 'acs:env', TagValue: 'v' }])],
      ['a number as value', JSON.stringify([{ TagKey: 'k', TagValue: 1 }])],
    ])('refuses %s with InvalidParameter and creates nothing', async (_, tags) => {
      const response = await create(tags);
      expectRawError(response, 'InvalidParameter', 400);
      expect(response.json.Message).toContain('Tags');
      expect(stored('tagged')).toBeUndefined();
    });
  });

  describe('other parameters', () => {
    // Sent as a form body: a 32 KB policy in the query string would exceed the HTTP header limit.
    const create = (extra: Record<string, string>, name = 'other') =>
      rpc(url(), 'CreateSecret', { SecretName: name, VersionId: 'v1', SecretData: 'x', ...extra }, { form: true });

    it('stores no policy, key, description or instance when none is given', async () => {
      await create({});
      const record = stored('other')!;
      expect(record.resourcePolicy).toBeUndefined();
      expect(record.kmsKeyId).toBeUndefined();
      expect(record.description).toBeUndefined();
      expect(record.alibaba).toEqual({ secretType: 'Generic' });
      expect(record.rotation).toBeUndefined();
    });

    it.each([
      ['Policy', 'that is not JSON', 'not json'],
      ['Policy', 'that is a JSON list', '["a"]'],
      ['Policy', 'of 32769 bytes', JSON.stringify({ Version: '1', Statement: 'x'.repeat(32_739) })],
      ['SecretDataType', 'base64', 'base64'],
      ['SecretType', 'Oracle', 'Oracle'],
      ['VersionId', 'of 65 characters', 'v'.repeat(65)],
      ['Description', 'of 1025 characters', 'd'.repeat(1025)],
      ['EnableAutomaticRotation', 'true (Generic secrets do not rotate)', 'true'],
    ])('refuses %s %s with InvalidParameter naming it', async (name, _, value) => {
      const response = await create({ [name]: value }, 'refused');
      expectRawError(response, 'InvalidParameter', 400);
      expect(response.json.Message).toContain(name);
      expect(stored('refused')).toBeUndefined();
    });

    it('accepts a policy of exactly 32768 bytes', async () => {
      const head = '{"Version":"1","Statement":"';
      const policy = `${head}${'x'.repeat(32_768 - head.length - 2)}"}`;
      expect(Buffer.byteLength(policy)).toBe(32_768);
      expect((await create({ Policy: policy }, 'big-policy')).status).toBe(200);
      expect(stored('big-policy')?.resourcePolicy).toBe(policy);
    });
  });

  describe('the 30720-byte SecretData limit (form body: query strings this long exceed the HTTP header limit)', () => {
    const create = (name: string, data: string, extra: Record<string, string> = {}) =>
      rpc(url(), 'CreateSecret', { SecretName: name, VersionId: 'v1', SecretData: data, ...extra }, { form: true });

    it('accepts exactly 30720 bytes, counted in UTF-8', async () => {
      expect((await create('ascii', 'a'.repeat(30_720))).status).toBe(200);
      expect((await create('euro', '€'.repeat(10_240))).status).toBe(200);
      expect((await rpc(url(), 'GetSecretValue', { SecretName: 'euro' })).json.SecretData).toBe('€'.repeat(10_240));
    });

    it.each([
      ['30721 ASCII bytes', 'a'.repeat(30_721), {}],
      ['30721 UTF-8 bytes in fewer characters', `${'€'.repeat(10_240)}a`, {}],
      ['binary data of 30721 characters', 'A'.repeat(30_721), { SecretDataType: 'binary' }],
    ])('refuses %s with InvalidParameter', async (_, data, extra) => {
      const response = await create('too-big', data, extra);
      expectRawError(response, 'InvalidParameter', 400);
      expect(response.json.Message).toContain('SecretData');
      expect(stored('too-big')).toBeUndefined();
    });

    it('answers pop-core POST, which sends everything in the body, the same way', async () => {
      const call = alibabaClient(url(), 'pop-core-post');
      expect((await call('CreateSecret', { SecretName: 'pop', VersionId: 'v1', SecretData: 'a'.repeat(30_720) })).SecretName).toBe('pop');
      await expectKmsError(
        'pop-core-post',
        call('CreateSecret', { SecretName: 'pop2', VersionId: 'v1', SecretData: 'a'.repeat(30_721) }),
        'InvalidParameter',
        400,
      );
    });
  });

  describe('on the wire', () => {
    it('answers JSON with the exact content type and only the documented members', async () => {
      const response = await rpc(url(), 'CreateSecret', { SecretName: 'wire', VersionId: 'v1', SecretData: 'x' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
      expect(response.json).toEqual({ Arn: arnOf('wire'), SecretName: 'wire', VersionId: 'v1', SecretType: 'Generic', RequestId: expect.any(String) });
      expect(response.headers.get('x-acs-request-id')).toBe(response.json.RequestId);
    });

    it('answers XML under <KMS> with Format=XML', async () => {
      const response = await rpc(url(), 'CreateSecret', { SecretName: 'xml', VersionId: 'v1', SecretData: 'x', DKMSInstanceId: 'kst-1', Format: 'XML' });
      expect(await expectRawXml(response)).toEqual({
        Arn: arnOf('xml'),
        SecretName: 'xml',
        VersionId: 'v1',
        SecretType: 'Generic',
        DKMSInstanceId: 'kst-1',
        RequestId: expect.any(String),
      });
    });

    it('answers a duplicate name with 409 and the gateway error body, in JSON and XML', async () => {
      await createSecret(url(), 'dup');
      const json = await rpc(url(), 'CreateSecret', { SecretName: 'dup', VersionId: 'v9', SecretData: 'x' });
      expectRawError(json, 'Rejected.ResourceExist', 409);
      expect(Object.keys(json.json).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
      const xml = await rpc(url(), 'CreateSecret', { SecretName: 'dup', VersionId: 'v9', SecretData: 'x', Format: 'XML' });
      await expectRawXmlError(xml, 'Rejected.ResourceExist', 409);
    });
  });
});
