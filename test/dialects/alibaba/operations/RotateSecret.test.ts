import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import { createParams, createRdsAndGeneric, credentialsOf, MANAGED_CASES, RDS, REDIS, START } from '../../../helpers/alibabaManaged.js';
import {
  arnOf,
  createSecret,
  DAY_MS,
  expectKmsError,
  expectRawError,
  expectRawXml,
  expectRawXmlError,
  HOUR_MS,
  kmsTimeOf,
  rpc,
  useKmsServer,
} from '../../../helpers/alibabaOperations.js';
import { STORES } from '../../../helpers/server.js';
const PASSWORD = /^[A-Za-z0-9]{32}$/;

/** What a rotated value must look like, given the value it replaced. */
const ROTATED: Record<string, (before: Record<string, string>, now: number) => Record<string, unknown>> = {
  Rds: (before) => ({ AccountName: before.AccountName, AccountPassword: expect.stringMatching(PASSWORD) }),
  Redis: () => ({ AccountName: 'cacheuser_clone', AccountPassword: expect.stringMatching(PASSWORD) }),
  PolarDB: () => ({ AccountName: 'polaruser_clone', AccountPassword: expect.stringMatching(PASSWORD) }),
  RAMCredentials: (_, now) => ({
    AccessKeyId: expect.stringMatching(/^LTAI[A-Za-z0-9]{20}$/),
    AccessKeySecret: expect.stringMatching(/^[A-Za-z0-9]{30}$/),
    GenerateTimestamp: kmsTimeOf(now),
    ExpireTimestamp: kmsTimeOf(now + 7 * DAY_MS),
  }),
  'ECS Password': (before) => ({ UserName: before.UserName, Password: expect.stringMatching(PASSWORD) }),
  'ECS SSHKey': (before) => ({
    UserName: before.UserName,
    PublicKey: expect.stringMatching(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43}$/),
    PrivateKey: expect.stringMatching(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/),
  }),
};

describe.each(STORES)('RotateSecret (%s store)', (kind) => {
  const { clock, url } = useKmsServer(kind, START);

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = (action: string, params: Record<string, string> = {}) => alibabaClient(url(), sdk)(action, params);
    const current = (name: string) => call('GetSecretValue', { SecretName: name, FetchExtendedConfig: 'true' });
    const previous = (name: string) => call('GetSecretValue', { SecretName: name, VersionStage: 'ACSPrevious' });

    it.each(MANAGED_CASES.map((c) => [c.label, c] as const))('rotates a %s secret into a new current version with fresh credentials', async (label, managed) => {
      await call('CreateSecret', createParams(managed));
      const before = credentialsOf(await current(managed.storedName));
      clock.advance(HOUR_MS);
      const answer = await call('RotateSecret', { SecretName: managed.storedName, VersionId: 'v2' });
      expect(answer).toEqual({ Arn: arnOf(managed.storedName), SecretName: managed.storedName, VersionId: 'v2', RequestId: expect.any(String) });

      const after = await current(managed.storedName);
      expect(after).toMatchObject({
        VersionId: 'v2',
        VersionStages: { VersionStage: ['ACSCurrent'] },
        CreateTime: kmsTimeOf(clock.now()),
        AutomaticRotation: 'Disabled',
        LastRotationDate: kmsTimeOf(clock.now()),
        ExtendedConfig: managed.extendedConfig,
      });
      expect(after.NextRotationDate).toBeUndefined();
      const credentials = credentialsOf(after);
      expect(credentials).toEqual(ROTATED[label](before, clock.now()));
      expect(credentials).not.toEqual(before);

      const old = await previous(managed.storedName);
      expect([old.VersionId, old.VersionStages, credentialsOf(old)]).toEqual(['v1', { VersionStage: ['ACSPrevious'] }, before]);
    });

    it('alternates the two accounts of a double-account secret and keeps one in a single-account one', async () => {
      await call('CreateSecret', createParams(REDIS));
      await call('CreateSecret', createParams(RDS));
      const names: string[] = [];
      const single: string[] = [];
      for (const version of ['v2', 'v3', 'v4']) {
        await call('RotateSecret', { SecretName: 'app/cache', VersionId: version });
        await call('RotateSecret', { SecretName: 'app/db', VersionId: version });
        names.push(credentialsOf(await current('app/cache')).AccountName);
        single.push(credentialsOf(await current('app/db')).AccountName);
      }
      expect(names).toEqual(['cacheuser_clone', 'cacheuser', 'cacheuser_clone']);
      expect(single).toEqual(['app', 'app', 'app']);
      expect((await previous('app/cache')).VersionId).toBe('v3');
    });

    it('treats a VersionId the secret already has as done: success, nothing rotated', async () => {
      await call('CreateSecret', createParams(RDS));
      expect(await call('RotateSecret', { SecretName: 'app/db', VersionId: 'v1' })).toEqual({
        Arn: arnOf('app/db'),
        SecretName: 'app/db',
        VersionId: 'v1',
        RequestId: expect.any(String),
      });
      const untouched = await current('app/db');
      expect([untouched.VersionId, credentialsOf(untouched), untouched.LastRotationDate]).toEqual(['v1', RDS.initial, undefined]);

      await call('RotateSecret', { SecretName: 'app/db', VersionId: 'v2' });
      const rotated = credentialsOf(await current('app/db'));
      clock.advance(1_000);
      expect((await call('RotateSecret', { SecretName: 'app/db', VersionId: 'v2' })).VersionId).toBe('v2');
      const retried = await current('app/db');
      expect([retried.VersionId, credentialsOf(retried)]).toEqual(['v2', rotated]);
      expect((await previous('app/db')).VersionId).toBe('v1');
    });

    it('restarts the automatic schedule from the manual rotation', async () => {
      await call('CreateSecret', createParams(RDS, { EnableAutomaticRotation: 'true', RotationInterval: '1d' }));
      clock.advance(10 * HOUR_MS);
      await call('RotateSecret', { SecretName: 'app/db', VersionId: 'v2' });
      const read = await current('app/db');
      expect([read.LastRotationDate, read.NextRotationDate, read.RotationInterval]).toEqual([
        kmsTimeOf(clock.now()),
        kmsTimeOf(clock.now() + DAY_MS),
        '86400s',
      ]);
      clock.advance(DAY_MS - 1_000);
      expect((await current('app/db')).VersionId).toBe('v2');
    });

    it('accepts the secret ARN as SecretName', async () => {
      await call('CreateSecret', createParams(RDS));
      const answer = await call('RotateSecret', { SecretName: arnOf('app/db'), VersionId: 'v2' });
      expect([answer.SecretName, answer.VersionId]).toEqual(['app/db', 'v2']);
      expect((await current('app/db')).VersionId).toBe('v2');
    });

    it('refuses a Generic secret with InvalidParameter and leaves it alone', async () => {
      await createRdsAndGeneric(call);
      await expectKmsError(sdk, call('RotateSecret', { SecretName: 'plain', VersionId: 'v2' }), 'InvalidParameter', 400, 'RotateSecret');
      const read = await call('GetSecretValue', { SecretName: 'plain' });
      expect([read.VersionId, read.SecretData]).toEqual(['v1', 'generic-value']);
    });

    it('answers Forbidden.ResourceNotFound (404) for a missing secret', async () => {
      await expectKmsError(sdk, call('RotateSecret', { SecretName: 'missing', VersionId: 'v2' }), 'Forbidden.ResourceNotFound', 404, 'Resource not found.');
    });

    it('answers Rejected.ResourceInDeleteWindow (409) for a secret pending deletion', async () => {
      await call('CreateSecret', createParams(RDS));
      await call('DeleteSecret', { SecretName: 'app/db' });
      await expectKmsError(sdk, call('RotateSecret', { SecretName: 'app/db', VersionId: 'v2' }), 'Rejected.ResourceInDeleteWindow', 409);
    });

    it.each([
      ['SecretName', { VersionId: 'v2' }, 'MissingSecretName'],
      ['VersionId', { SecretName: 'app/db' }, 'MissingVersionId'],
    ])('answers Missing%s (400) when it is absent', async (_, params, code) => {
      await call('CreateSecret', createParams(RDS));
      await expectKmsError(sdk, call('RotateSecret', params), code, 400);
    });

    it('refuses a VersionId over 64 characters', async () => {
      await call('CreateSecret', createParams(RDS));
      await expectKmsError(sdk, call('RotateSecret', { SecretName: 'app/db', VersionId: 'v'.repeat(65) }), 'InvalidParameter', 400, 'VersionId');
      expect((await current('app/db')).VersionId).toBe('v1');
    });
  });

  describe('on the wire', () => {
    it('answers in JSON by default, and in XML under <KMS>, by GET and form POST', async () => {
      await rpc(url(), 'CreateSecret', createParams(RDS));
      const json = await rpc(url(), 'RotateSecret', { SecretName: 'app/db', VersionId: 'v2' });
      expect([json.status, json.headers.get('content-type')]).toEqual([200, 'application/json;charset=utf-8']);
      expect(json.json).toEqual({ Arn: arnOf('app/db'), SecretName: 'app/db', VersionId: 'v2', RequestId: json.headers.get('x-acs-request-id') });

      const xml = await rpc(url(), 'RotateSecret', { SecretName: 'app/db', VersionId: 'v3', Format: 'XML' }, { form: true });
      expect(await expectRawXml(xml)).toEqual({ Arn: arnOf('app/db'), SecretName: 'app/db', VersionId: 'v3', RequestId: xml.headers.get('x-acs-request-id') });
    });

    it('answers a Generic secret with the POP error body, 400, in JSON and under <Error> in XML', async () => {
      await createSecret(url(), 'plain');
      const json = await rpc(url(), 'RotateSecret', { SecretName: 'plain', VersionId: 'v2' });
      expectRawError(json, 'InvalidParameter', 400);
      expect(json.json).toMatchObject({ HostId: 'kms.cn-hangzhou.aliyuncs.com', RequestId: json.headers.get('x-acs-request-id') });
      const xml = await rpc(url(), 'RotateSecret', { SecretName: 'plain', VersionId: 'v2', Format: 'XML' });
      expect((await expectRawXmlError(xml, 'InvalidParameter', 400)).Message).toBe(json.json.Message);
    });
  });
});
