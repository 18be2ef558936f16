import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import { createParams, createRdsAndGeneric, credentialsOf, RDS, START } from '../../../helpers/alibabaManaged.js';
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
} from '../../../helpers/alibabaOperations.js';
import { STORES } from '../../../helpers/server.js';

/** RotationInterval as sent, and as KMS reports it (seconds) [doc]. */
const INTERVALS: Array<[string, string]> = [
  ['7d', '604800s'],
  ['168h', '604800s'],
  ['360m', '21600s'],
  ['21600s', '21600s'],
  ['8760h', '31536000s'],
  ['365d', '31536000s'],
];

const BAD_INTERVALS = ['5h', '21599s', '8761h', '366d', '1w', '7', '-7d', '7.5d', ' 7d', '7D'];

describe.each(STORES)('UpdateSecretRotationPolicy (%s store)', (kind) => {
  const { clock, url } = useKmsServer(kind, START);

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = (action: string, params: Record<string, string> = {}) => alibabaClient(url(), sdk)(action, params);
    const read = (name = 'app/db') => call('GetSecretValue', { SecretName: name });
    const update = (params: Record<string, string>) => call('UpdateSecretRotationPolicy', { SecretName: 'app/db', ...params });

    it.each(INTERVALS)('enables automatic rotation every %s, reported as %s, due one interval from now', async (interval, seconds) => {
      await call('CreateSecret', createParams(RDS));
      clock.advance(HOUR_MS);
      expect(await update({ EnableAutomaticRotation: 'true', RotationInterval: interval })).toEqual({ SecretName: 'app/db', RequestId: expect.any(String) });
      const after = await read();
      expect([after.AutomaticRotation, after.RotationInterval, after.NextRotationDate]).toEqual([
        'Enabled',
        seconds,
        kmsTimeOf(clock.now() + Number.parseInt(seconds, 10) * 1_000),
      ]);
    });

    it('rotates on the new schedule once enabled', async () => {
      await call('CreateSecret', createParams(RDS));
      await update({ EnableAutomaticRotation: 'true', RotationInterval: '6h' });
      clock.advance(6 * HOUR_MS - 1_000);
      expect((await read()).VersionId).toBe('v1');
      clock.advance(1_000);
      const rotated = await read();
      expect(rotated.VersionId).not.toBe('v1');
      expect(credentialsOf(rotated).AccountName).toBe('app');
      expect(rotated.LastRotationDate).toBe(kmsTimeOf(clock.now()));
    });

    it('replaces the interval and schedule of a secret that already rotates', async () => {
      await call('CreateSecret', createParams(RDS, { EnableAutomaticRotation: 'true', RotationInterval: '30d' }));
      clock.advance(DAY_MS);
      await update({ EnableAutomaticRotation: 'true', RotationInterval: '2d' });
      const after = await read();
      expect([after.RotationInterval, after.NextRotationDate]).toEqual(['172800s', kmsTimeOf(clock.now() + 2 * DAY_MS)]);
    });

    it('disables automatic rotation: the interval and schedule go, and the due time passes without rotation', async () => {
      await call('CreateSecret', createParams(RDS, { EnableAutomaticRotation: 'true', RotationInterval: '6h' }));
      // A RotationInterval sent with false is ignored [doc].
      expect(await update({ EnableAutomaticRotation: 'false', RotationInterval: 'whenever' })).toEqual({ SecretName: 'app/db', RequestId: expect.any(String) });
      clock.advance(7 * HOUR_MS);
      const after = await call('GetSecretValue', { SecretName: 'app/db', FetchExtendedConfig: 'true' });
      expect(after).toEqual({
        SecretName: 'app/db',
        SecretType: 'Rds',
        SecretData: JSON.stringify(RDS.initial),
        SecretDataType: 'text',
        VersionId: 'v1',
        VersionStages: { VersionStage: ['ACSCurrent'] },
        CreateTime: kmsTimeOf(clock.now() - 7 * HOUR_MS),
        AutomaticRotation: 'Disabled',
        ExtendedConfig: RDS.extendedConfig,
        RequestId: expect.any(String),
      });
    });

    it('reads EnableAutomaticRotation in any letter case and accepts the secret ARN', async () => {
      await call('CreateSecret', createParams(RDS));
      await call('UpdateSecretRotationPolicy', { SecretName: arnOf('app/db'), EnableAutomaticRotation: 'TRUE', RotationInterval: '1d' });
      expect((await read()).AutomaticRotation).toBe('Enabled');
      await update({ EnableAutomaticRotation: 'False' });
      expect((await read()).AutomaticRotation).toBe('Disabled');
    });

    it('refuses enabling without a RotationInterval, and changes nothing', async () => {
      await call('CreateSecret', createParams(RDS));
      await expectKmsError(sdk, update({ EnableAutomaticRotation: 'true' }), 'InvalidParameter', 400, 'RotationInterval');
      expect((await read()).AutomaticRotation).toBe('Disabled');
    });

    it.each(BAD_INTERVALS)('refuses RotationInterval %p with InvalidParameter', async (interval) => {
      await call('CreateSecret', createParams(RDS));
      await expectKmsError(sdk, update({ EnableAutomaticRotation: 'true', RotationInterval: interval }), 'InvalidParameter', 400, 'RotationInterval');
      expect((await read()).AutomaticRotation).toBe('Disabled');
    });

    it('refuses an EnableAutomaticRotation that is not a boolean', async () => {
      await call('CreateSecret', createParams(RDS));
      await expectKmsError(sdk, update({ EnableAutomaticRotation: 'yes', RotationInterval: '7d' }), 'InvalidParameter', 400, 'EnableAutomaticRotation');
    });

    it('refuses a Generic secret with InvalidParameter', async () => {
      await createRdsAndGeneric(call);
      await expectKmsError(
        sdk,
        call('UpdateSecretRotationPolicy', { SecretName: 'plain', EnableAutomaticRotation: 'true', RotationInterval: '7d' }),
        'InvalidParameter',
        400,
        'UpdateSecretRotationPolicy',
      );
      const plain = await read('plain');
      expect(Object.keys(plain).filter((key) => key.includes('Rotation'))).toEqual([]);
    });

    it('answers Forbidden.ResourceNotFound (404) for a missing secret', async () => {
      await expectKmsError(sdk, update({ EnableAutomaticRotation: 'false' }), 'Forbidden.ResourceNotFound', 404);
    });

    it('answers Rejected.ResourceInDeleteWindow (409) for a secret pending deletion', async () => {
      await call('CreateSecret', createParams(RDS));
      await call('DeleteSecret', { SecretName: 'app/db' });
      await expectKmsError(sdk, update({ EnableAutomaticRotation: 'true', RotationInterval: '7d' }), 'Rejected.ResourceInDeleteWindow', 409);
    });

    it.each([
      ['SecretName', { EnableAutomaticRotation: 'true', RotationInterval: '7d' }, 'MissingSecretName'],
      ['EnableAutomaticRotation', { SecretName: 'app/db', RotationInterval: '7d' }, 'MissingEnableAutomaticRotation'],
    ])('answers Missing%s (400) when it is absent', async (_, params, code) => {
      await call('CreateSecret', createParams(RDS));
      await expectKmsError(sdk, call('UpdateSecretRotationPolicy', params), code, 400);
    });
  });

  describe('on the wire', () => {
    it('answers SecretName and RequestId in JSON, and under <KMS> in XML', async () => {
      await rpc(url(), 'CreateSecret', createParams(RDS));
      const json = await rpc(url(), 'UpdateSecretRotationPolicy', { SecretName: 'app/db', EnableAutomaticRotation: 'true', RotationInterval: '7d' });
      expect([json.status, json.headers.get('content-type')]).toEqual([200, 'application/json;charset=utf-8']);
      expect(json.json).toEqual({ SecretName: 'app/db', RequestId: json.headers.get('x-acs-request-id') });
      const xml = await rpc(url(), 'UpdateSecretRotationPolicy', { SecretName: 'app/db', EnableAutomaticRotation: 'false', Format: 'XML' });
      expect(await expectRawXml(xml)).toEqual({ SecretName: 'app/db', RequestId: xml.headers.get('x-acs-request-id') });
    });

    it('answers a bad interval with the POP error body, 400, in JSON and under <Error> in XML', async () => {
      await rpc(url(), 'CreateSecret', createParams(RDS));
      const params = { SecretName: 'app/db', EnableAutomaticRotation: 'true', RotationInterval: '1h' };
      const json = await rpc(url(), 'UpdateSecretRotationPolicy', params);
      expectRawError(json, 'InvalidParameter', 400);
      const xml = await rpc(url(), 'UpdateSecretRotationPolicy', { ...params, Format: 'XML' });
      expect((await expectRawXmlError(xml, 'InvalidParameter', 400)).Message).toBe(json.json.Message);
    });
  });
});
