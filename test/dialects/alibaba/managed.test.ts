import { ALIBABA_SDKS, alibabaClient } from '../../helpers/alibaba.js';
import { createParams, createRdsAndGeneric, credentialsOf, ECS, MANAGED_CASES, POLARDB, RAM, RDS, REDIS, START } from '../../helpers/alibabaManaged.js';
import {
  arnOf,
  DAY_MS,
  expectKmsError,
  expectRawError,
  expectRawXml,
  expectRawXmlError,
  HOUR_MS,
  kmsTimeOf,
  rpc,
  useKmsServer,
} from '../../helpers/alibabaOperations.js';
import { STORES } from '../../helpers/server.js';

function without(params: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([key]) => key !== name));
}

/** CreateSecret parameters that KMS refuses, with the parameter its InvalidParameter names. */
const INVALID_CREATIONS: Array<[string, Record<string, string>, string]> = [
  ['no ExtendedConfig', without(createParams(RDS), 'ExtendedConfig'), 'ExtendedConfig'],
  ['ExtendedConfig that is not JSON', createParams(RDS, { ExtendedConfig: '{SecretSubType:SingleUser' }), 'ExtendedConfig'],
  ['ExtendedConfig that is a JSON array', createParams(RDS, { ExtendedConfig: '[]' }), 'ExtendedConfig'],
  ['an unknown SecretSubType', createParams(RDS, { ExtendedConfig: '{"SecretSubType":"TripleUsers","DBInstanceId":"rm-1"}' }), 'ExtendedConfig'],
  ['an Rds secret without DBInstanceId', createParams(RDS, { ExtendedConfig: '{"SecretSubType":"SingleUser"}' }), 'ExtendedConfig'],
  ['a Redis secret without InstanceId', createParams(REDIS, { ExtendedConfig: '{"SecretSubType":"DoubleUsers","AccountName":"u","CloneAccountName":"u_clone","AccountPrivilege":"RoleReadOnly","RegionId":"cn-hangzhou"}' }), 'ExtendedConfig'],
  ['a PolarDB secret with an unknown DBType', createParams(POLARDB, { ExtendedConfig: '{"SecretSubType":"DoubleUsers","RegionId":"cn-hangzhou","DBClusterId":"pc-1","DBType":"Oracle","AccountName":"u"}' }), 'ExtendedConfig'],
  ['a RAM secret without UserName', createParams(RAM, { ExtendedConfig: '{"SecretSubType":"RamUserAccessKey"}' }), 'ExtendedConfig'],
  ['an ECS secret without RegionId', createParams(ECS, { ExtendedConfig: '{"SecretSubType":"Password","InstanceId":"i-1"}' }), 'ExtendedConfig'],
  ['CustomData that is not an object', createParams(RDS, { ExtendedConfig: '{"SecretSubType":"SingleUser","DBInstanceId":"rm-1","CustomData":"x"}' }), 'ExtendedConfig'],
  ['an Rds name under acs/', createParams(RDS, { SecretName: 'acs/db' }), 'SecretName'],
  ['a RAM secret not named $Auto', createParams(RAM, { SecretName: 'ram/ci-bot' }), 'SecretName'],
  ['an ECS name outside acs/ecs/', createParams(ECS, { SecretName: 'web-1/root' }), 'SecretName'],
  ['Rds data without Accounts', createParams(RDS, { SecretData: '{"AccountName":"app","AccountPassword":"p"}' }), 'SecretData'],
  ['Rds data that is not JSON', createParams(RDS, { SecretData: 'app:password' }), 'SecretData'],
  ['Redis data other than $Auto', createParams(REDIS, { SecretData: '{"AccountName":"u","AccountPassword":"p"}' }), 'SecretData'],
  ['RAM data without an AccessKeySecret', createParams(RAM, { SecretData: '{"AccessKeys":[{"AccessKeyId":"LTAI1"}]}' }), 'SecretData'],
  ['ECS Password data without Password', createParams(ECS, { SecretData: '{"UserName":"root"}' }), 'SecretData'],
  ['binary data', createParams(RDS, { SecretDataType: 'binary' }), 'SecretDataType'],
  ['rotation enabled without RotationInterval', createParams(RDS, { EnableAutomaticRotation: 'true' }), 'RotationInterval'],
  ['a RotationInterval under 6 hours', createParams(RDS, { EnableAutomaticRotation: 'true', RotationInterval: '5h' }), 'RotationInterval'],
  ['a RotationInterval over 8760 hours', createParams(RDS, { EnableAutomaticRotation: 'true', RotationInterval: '8761h' }), 'RotationInterval'],
  ['a RotationInterval in weeks', createParams(RDS, { EnableAutomaticRotation: 'true', RotationInterval: '1w' }), 'RotationInterval'],
  ['EnableAutomaticRotation that is not a boolean', createParams(RDS, { EnableAutomaticRotation: 'yes', RotationInterval: '7d' }), 'EnableAutomaticRotation'],
];

describe.each(STORES)('managed secrets (%s store)', (kind) => {
  const { clock, url } = useKmsServer(kind, START);

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = (action: string, params: Record<string, string> = {}) => alibabaClient(url(), sdk)(action, params);

    it.each(MANAGED_CASES.map((c) => [c.label, c] as const))('creates a %s secret with rotation on and reads its credentials', async (_, managed) => {
      const now = clock.now();
      const created = await call('CreateSecret', createParams(managed, { EnableAutomaticRotation: 'true', RotationInterval: '7d' }));
      expect(created).toEqual({
        Arn: arnOf(managed.storedName),
        SecretName: managed.storedName,
        VersionId: 'v1',
        SecretType: managed.type,
        AutomaticRotation: 'Enabled',
        RotationInterval: '604800s',
        NextRotationDate: kmsTimeOf(now + 7 * DAY_MS),
        ExtendedConfig: managed.extendedConfig,
        RequestId: expect.any(String),
      });
      const read = await call('GetSecretValue', { SecretName: managed.storedName, FetchExtendedConfig: 'true' });
      expect(read).toEqual({
        SecretName: managed.storedName,
        SecretType: managed.type,
        SecretData: expect.any(String),
        SecretDataType: 'text',
        VersionId: 'v1',
        VersionStages: { VersionStage: ['ACSCurrent'] },
        CreateTime: kmsTimeOf(now),
        AutomaticRotation: 'Enabled',
        RotationInterval: '604800s',
        NextRotationDate: kmsTimeOf(now + 7 * DAY_MS),
        ExtendedConfig: managed.extendedConfig,
        RequestId: expect.any(String),
      });
      const credentials = credentialsOf(read);
      expect(Object.keys(credentials).sort()).toEqual(managed.keys);
      expect(credentials).toMatchObject(managed.initial);
    });

    it('generates the first password of Redis and PolarDB secrets, which take $Auto', async () => {
      for (const managed of [REDIS, POLARDB]) {
        await call('CreateSecret', createParams(managed));
        const { AccountPassword } = credentialsOf(await call('GetSecretValue', { SecretName: managed.name }));
        expect(AccountPassword).toMatch(/^[A-Za-z0-9]{32}$/);
      }
    });

    it('stamps a RAM key with its generation time and an expiry one rotation interval later', async () => {
      await call('CreateSecret', createParams(RAM, { EnableAutomaticRotation: 'true', RotationInterval: '30d' }));
      const credentials = credentialsOf(await call('GetSecretValue', { SecretName: RAM.storedName }));
      expect(credentials.GenerateTimestamp).toBe(kmsTimeOf(clock.now()));
      expect(credentials.ExpireTimestamp).toBe(kmsTimeOf(clock.now() + 30 * DAY_MS));
    });

    it('leaves the interval and schedule out while rotation is off, and ExtendedConfig out unless asked for', async () => {
      const created = await call('CreateSecret', createParams(RDS, { RotationInterval: '7d' }));
      expect(created).toEqual({
        Arn: arnOf('app/db'),
        SecretName: 'app/db',
        VersionId: 'v1',
        SecretType: 'Rds',
        AutomaticRotation: 'Disabled',
        ExtendedConfig: RDS.extendedConfig,
        RequestId: expect.any(String),
      });
      const read = await call('GetSecretValue', { SecretName: 'app/db' });
      expect(read.AutomaticRotation).toBe('Disabled');
      expect(Object.keys(read).filter((key) => /Rotation(Interval|Date)|ExtendedConfig/.test(key))).toEqual([]);
    });

    it.each(INVALID_CREATIONS)('refuses %s with InvalidParameter', async (_, params, parameter) => {
      await expectKmsError(sdk, call('CreateSecret', params), 'InvalidParameter', 400, `parameter ${parameter} is not valid`);
      await expectKmsError(sdk, call('GetSecretValue', { SecretName: params.SecretName }), 'Forbidden.ResourceNotFound', 404);
    });

    it('refuses PutSecretValue on a managed secret, as KMS does, and keeps its value', async () => {
      await createRdsAndGeneric(call);
      await expectKmsError(sdk, call('PutSecretValue', { SecretName: 'app/db', VersionId: 'v2', SecretData: 'x' }), 'InvalidParameter', 400, 'PutSecretValue');
      const read = await call('GetSecretValue', { SecretName: 'app/db' });
      expect([read.VersionId, credentialsOf(read)]).toEqual(['v1', RDS.initial]);
    });

    it('rotates automatically once the interval has passed on the emulator clock', async () => {
      await call('CreateSecret', createParams(RDS, { ExtendedConfig: '{"SecretSubType":"DoubleUsers","DBInstanceId":"rm-1"}', EnableAutomaticRotation: 'true', RotationInterval: '6h' }));
      clock.advance(6 * HOUR_MS - 1_000);
      const before = await call('GetSecretValue', { SecretName: 'app/db' });
      expect([before.VersionId, credentialsOf(before)]).toEqual(['v1', RDS.initial]);
      expect(before.LastRotationDate).toBeUndefined();

      clock.advance(1_000);
      const rotated = await call('GetSecretValue', { SecretName: 'app/db' });
      expect(rotated.VersionId).not.toBe('v1');
      expect(rotated.VersionStages).toEqual({ VersionStage: ['ACSCurrent'] });
      expect(rotated.CreateTime).toBe(kmsTimeOf(clock.now()));
      expect(rotated.LastRotationDate).toBe(kmsTimeOf(clock.now()));
      expect(rotated.NextRotationDate).toBe(kmsTimeOf(clock.now() + 6 * HOUR_MS));
      // Double-account mode: the clone account takes over with a fresh password.
      expect(credentialsOf(rotated)).toEqual({ AccountName: 'app_clone', AccountPassword: expect.stringMatching(/^[A-Za-z0-9]{32}$/) });
      const previous = await call('GetSecretValue', { SecretName: 'app/db', VersionStage: 'ACSPrevious' });
      expect([previous.VersionId, previous.VersionStages, credentialsOf(previous)]).toEqual(['v1', { VersionStage: ['ACSPrevious'] }, RDS.initial]);

      const again = await call('GetSecretValue', { SecretName: 'app/db' });
      expect(again.VersionId).toBe(rotated.VersionId);
    });

    it('rotates once, not once per missed interval, after a long pause, then alternates the accounts', async () => {
      await call('CreateSecret', createParams(REDIS, { EnableAutomaticRotation: 'true', RotationInterval: '6h' }));
      clock.advance(3 * 6 * HOUR_MS + HOUR_MS);
      const first = await call('GetSecretValue', { SecretName: 'app/cache' });
      expect(credentialsOf(first).AccountName).toBe('cacheuser_clone');
      expect((await call('GetSecretValue', { SecretName: 'app/cache', VersionStage: 'ACSPrevious' })).VersionId).toBe('v1');
      expect(first.NextRotationDate).toBe(kmsTimeOf(clock.now() + 6 * HOUR_MS));

      clock.advance(6 * HOUR_MS);
      const second = await call('GetSecretValue', { SecretName: 'app/cache' });
      expect(credentialsOf(second).AccountName).toBe('cacheuser');
      expect((await call('GetSecretValue', { SecretName: 'app/cache', VersionStage: 'ACSPrevious' })).VersionId).toBe(first.VersionId);
    });

    it('does not rotate a secret whose rotation is off, however much time passes', async () => {
      await call('CreateSecret', createParams(RDS));
      clock.advance(400 * DAY_MS);
      const read = await call('GetSecretValue', { SecretName: 'app/db' });
      expect([read.VersionId, credentialsOf(read)]).toEqual(['v1', RDS.initial]);
    });
  });

  describe('on the wire', () => {
    it('answers a managed GetSecretValue in XML with its ExtendedConfig and rotation members', async () => {
      const now = clock.now();
      await rpc(url(), 'CreateSecret', createParams(RDS, { EnableAutomaticRotation: 'true', RotationInterval: '168h' }));
      const response = await rpc(url(), 'GetSecretValue', { SecretName: 'app/db', FetchExtendedConfig: 'true', Format: 'XML' });
      expect(response.text.startsWith('<?xml')).toBe(true);
      expect(await expectRawXml(response)).toEqual({
        SecretName: 'app/db',
        SecretType: 'Rds',
        SecretData: JSON.stringify(RDS.initial),
        SecretDataType: 'text',
        VersionId: 'v1',
        VersionStages: { VersionStage: 'ACSCurrent' },
        CreateTime: kmsTimeOf(now),
        AutomaticRotation: 'Enabled',
        RotationInterval: '604800s',
        NextRotationDate: kmsTimeOf(now + 7 * DAY_MS),
        ExtendedConfig: RDS.extendedConfig,
        RequestId: response.headers.get('x-acs-request-id'),
      });
    });

    it('answers a refused creation with the POP error body, 400, in JSON and XML', async () => {
      const json = await rpc(url(), 'CreateSecret', createParams(RDS, { ExtendedConfig: '{"SecretSubType":"SingleUser"}' }));
      expectRawError(json, 'InvalidParameter', 400);
      expect(json.json.Message).toContain('DBInstanceId');
      const xml = await rpc(url(), 'CreateSecret', { Format: 'XML', ...createParams(RDS, { ExtendedConfig: '[]' }) });
      expect((await expectRawXmlError(xml, 'InvalidParameter', 400)).RequestId).toBe(xml.headers.get('x-acs-request-id'));
    });
  });
});
