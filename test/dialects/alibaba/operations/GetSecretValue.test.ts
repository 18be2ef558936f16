import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import {
  arnOf,
  createSecret,
  expectKmsError,
  expectRawError,
  expectRawXml,
  expectRawXmlError,
  kmsTimeOf,
  putSecretValue,
  rpc,
  seedManagedSecret,
  TEST_NS,
  useKmsServer,
} from '../../../helpers/alibabaOperations.js';
import { STORES } from '../../../helpers/server.js';

describe.each(STORES)('GetSecretValue (%s store)', (kind) => {
  const { clock, server, url } = useKmsServer(kind, Date.UTC(2025, 5, 20, 14, 0, 5, 999));

  /** A secret with v1 (ACSPrevious, created first) and v2 (ACSCurrent, one minute later). */
  async function twoVersions(name: string): Promise<{ v1At: number; v2At: number }> {
    const v1At = clock.now();
    await createSecret(url(), name, { SecretData: 'one' });
    clock.advance(60_000);
    const v2At = clock.now();
    await putSecretValue(url(), name, 'v2', 'two');
    return { v1At, v2At };
  }

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = () => alibabaClient(url(), sdk);

    it('returns the ACSCurrent version by default, with the version creation time', async () => {
      const { v2At } = await twoVersions('app/db');
      clock.advance(5_000);
      expect(await call()('GetSecretValue', { SecretName: 'app/db' })).toEqual({
        SecretName: 'app/db',
        SecretType: 'Generic',
        SecretData: 'two',
        SecretDataType: 'text',
        VersionId: 'v2',
        VersionStages: { VersionStage: ['ACSCurrent'] },
        CreateTime: kmsTimeOf(v2At),
        RequestId: expect.any(String),
      });
    });

    it('selects by VersionId', async () => {
      const { v1At } = await twoVersions('by-id');
      expect(await call()('GetSecretValue', { SecretName: 'by-id', VersionId: 'v1' })).toMatchObject({
        SecretData: 'one',
        VersionId: 'v1',
        VersionStages: { VersionStage: ['ACSPrevious'] },
        CreateTime: kmsTimeOf(v1At),
      });
    });

    it('selects by VersionStage', async () => {
      await twoVersions('by-stage');
      expect(await call()('GetSecretValue', { SecretName: 'by-stage', VersionStage: 'ACSPrevious' })).toMatchObject({
        SecretData: 'one',
        VersionId: 'v1',
      });
    });

    it('accepts VersionId and VersionStage that agree', async () => {
      await twoVersions('agree');
      const value = await call()('GetSecretValue', { SecretName: 'agree', VersionId: 'v2', VersionStage: 'ACSCurrent' });
      expect(value).toMatchObject({ SecretData: 'two', VersionId: 'v2' });
    });

    it('answers Forbidden.ResourceNotFound (404) when VersionId and VersionStage disagree', async () => {
      await twoVersions('disagree');
      const error = await expectKmsError(
        sdk,
        call()('GetSecretValue', { SecretName: 'disagree', VersionId: 'v1', VersionStage: 'ACSCurrent' }),
        'Forbidden.ResourceNotFound',
        404,
      );
      expect(error.message).toBe('Resource not found.');
    });

    it.each([
      ['secret', { SecretName: 'missing' }],
      ['VersionId', { SecretName: 'present', VersionId: 'v9' }],
      ['VersionStage', { SecretName: 'present', VersionStage: 'Blue' }],
    ])('answers Forbidden.ResourceNotFound (404) for an unknown %s', async (_, params) => {
      await createSecret(url(), 'present');
      await expectKmsError(sdk, call()('GetSecretValue', params), 'Forbidden.ResourceNotFound', 404);
    });

    it('finds the secret by its ARN', async () => {
      await createSecret(url(), 'by-arn', { SecretData: 'found' });
      expect(await call()('GetSecretValue', { SecretName: arnOf('by-arn') })).toMatchObject({ SecretName: 'by-arn', SecretData: 'found' });
    });

    it('answers Rejected.ResourceInDeleteWindow (409) for a secret pending deletion', async () => {
      await createSecret(url(), 'doomed');
      await rpc(url(), 'DeleteSecret', { SecretName: 'doomed' });
      await expectKmsError(sdk, call()('GetSecretValue', { SecretName: 'doomed' }), 'Rejected.ResourceInDeleteWindow', 409);
    });

    it('answers DryRun=true with DryRunOperationError (400) when the call would succeed', async () => {
      await createSecret(url(), 'dry');
      await expectKmsError(sdk, call()('GetSecretValue', { SecretName: 'dry', DryRun: 'true' }), 'DryRunOperationError', 400);
    });

    it('answers DryRun=true with the error the call would meet', async () => {
      await expectKmsError(sdk, call()('GetSecretValue', { SecretName: 'nowhere', DryRun: 'true' }), 'Forbidden.ResourceNotFound', 404);
    });

    it('answers MissingSecretName (400) without SecretName', async () => {
      await expectKmsError(sdk, call()('GetSecretValue', { VersionStage: 'ACSCurrent' }), 'MissingSecretName', 400);
    });
  });

  describe('selection details', () => {
    it('reads DryRun=false as an ordinary call', async () => {
      await createSecret(url(), 'wet', { SecretData: 'w' });
      const response = await rpc(url(), 'GetSecretValue', { SecretName: 'wet', DryRun: 'false' });
      expect(response.json.SecretData).toBe('w');
    });

    it('refuses a DryRun that is not a boolean', async () => {
      await createSecret(url(), 'dry');
      expectRawError(await rpc(url(), 'GetSecretValue', { SecretName: 'dry', DryRun: 'yes' }), 'InvalidParameter', 400);
    });

    it('finds a custom stage and lists every stage of the version', async () => {
      await createSecret(url(), 'custom', { SecretData: 'one' });
      await rpc(url(), 'PutSecretValue', { SecretName: 'custom', VersionId: 'v2', SecretData: 'two', VersionStages: '["ACSCurrent","Blue"]' });
      const response = await rpc(url(), 'GetSecretValue', { SecretName: 'custom', VersionStage: 'Blue' });
      expect(response.json).toMatchObject({ VersionId: 'v2', VersionStages: { VersionStage: ['ACSCurrent', 'Blue'] } });
    });

    it('reads a version that has lost every stage by its VersionId', async () => {
      await twoVersions('deprecated');
      await rpc(url(), 'PutSecretValue', { SecretName: 'deprecated', VersionId: 'v3', SecretData: 'three' });
      const response = await rpc(url(), 'GetSecretValue', { SecretName: 'deprecated', VersionId: 'v1' });
      expect(response.json).toMatchObject({ SecretData: 'one', VersionStages: { VersionStage: [] } });
    });

    it('returns binary data verbatim with SecretDataType binary', async () => {
      await createSecret(url(), 'bin', { SecretData: 'AAEC/w==', SecretDataType: 'binary' });
      expect((await rpc(url(), 'GetSecretValue', { SecretName: 'bin' })).json).toMatchObject({ SecretData: 'AAEC/w==', SecretDataType: 'binary' });
    });

    it('ignores FetchExtendedConfig for a Generic secret', async () => {
      await createSecret(url(), 'generic');
      const response = await rpc(url(), 'GetSecretValue', { SecretName: 'generic', FetchExtendedConfig: 'true' });
      expect(Object.keys(response.json).sort()).toEqual(
        ['CreateTime', 'RequestId', 'SecretData', 'SecretDataType', 'SecretName', 'SecretType', 'VersionId', 'VersionStages'].sort(),
      );
    });

    it('reads an ARN of another region, which the call itself does not name', async () => {
      await rpc(url(), 'CreateSecret', { SecretName: 'elsewhere', VersionId: 'v1', SecretData: 'sh', RegionId: 'cn-shanghai' });
      expectRawError(await rpc(url(), 'GetSecretValue', { SecretName: 'elsewhere' }), 'Forbidden.ResourceNotFound', 404);
      const arn = `acs:kms:cn-shanghai:${TEST_NS.account}:secret/elsewhere`;
      expect((await rpc(url(), 'GetSecretValue', { SecretName: arn })).json).toMatchObject({ SecretName: 'elsewhere', SecretData: 'sh' });
    });

    it('reads a managed secret by stage only: VersionId is ignored, and only ACSCurrent and ACSPrevious exist', async () => {
      await seedManagedSecret(server().polysecret.engine, 'rds-secret');
      const byId = await rpc(url(), 'GetSecretValue', { SecretName: 'rds-secret', VersionId: 'no-such-version' });
      expect(byId.json).toMatchObject({ SecretType: 'Rds', VersionId: 'managed-v1', VersionStages: { VersionStage: ['ACSCurrent'] } });
      expectRawError(await rpc(url(), 'GetSecretValue', { SecretName: 'rds-secret', VersionStage: 'Blue' }), 'Forbidden.ResourceNotFound', 404);
    });

    it('adds ExtendedConfig for a managed secret only with FetchExtendedConfig=true', async () => {
      await seedManagedSecret(server().polysecret.engine, 'rds-config');
      const plain = await rpc(url(), 'GetSecretValue', { SecretName: 'rds-config' });
      expect(plain.json).not.toHaveProperty('ExtendedConfig');
      const fetched = await rpc(url(), 'GetSecretValue', { SecretName: 'rds-config', FetchExtendedConfig: 'true' });
      expect(JSON.parse(fetched.json.ExtendedConfig)).toMatchObject({ SecretSubType: 'SingleUser', DBInstanceId: 'rm-test' });
    });
  });

  describe('on the wire', () => {
    it('answers JSON with the exact content type', async () => {
      await createSecret(url(), 'wire');
      const response = await rpc(url(), 'GetSecretValue', { SecretName: 'wire' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
      expect(response.json.VersionStages).toEqual({ VersionStage: ['ACSCurrent'] });
    });

    it('answers XML under <KMS>, stages as repeated <VersionStage> elements', async () => {
      await createSecret(url(), 'xml', { SecretData: 'x1' });
      await rpc(url(), 'PutSecretValue', { SecretName: 'xml', VersionId: 'v2', SecretData: 'x2', VersionStages: '["ACSCurrent","Blue"]' });
      const response = await rpc(url(), 'GetSecretValue', { SecretName: 'xml', Format: 'XML', FetchExtendedConfig: 'true' });
      expect(response.text).toContain('<VersionStages><VersionStage>ACSCurrent</VersionStage><VersionStage>Blue</VersionStage></VersionStages>');
      expect(await expectRawXml(response)).toEqual({
        SecretName: 'xml',
        SecretType: 'Generic',
        SecretData: 'x2',
        SecretDataType: 'text',
        VersionId: 'v2',
        VersionStages: { VersionStage: ['ACSCurrent', 'Blue'] },
        CreateTime: kmsTimeOf(clock.now()),
        RequestId: expect.any(String),
      });
    });

    it('keeps a value with characters XML 1.0 cannot carry exactly (JSON) and answers well-formed XML with U+FFFD for them', async () => {
      const value = 'nul\u0000soh\u0001nonchar\uFFFE<end>';
      await createSecret(url(), 'control', { SecretData: value });
      expect((await rpc(url(), 'GetSecretValue', { SecretName: 'control' })).json.SecretData).toBe(value);
      const xml = await rpc(url(), 'GetSecretValue', { SecretName: 'control', Format: 'XML' });
      expect((await expectRawXml(xml)).SecretData).toBe('nul\uFFFDsoh\uFFFDnonchar\uFFFD<end>');
    });

    it('answers a missing secret with 404 in JSON, and under <Error> in XML', async () => {
      expectRawError(await rpc(url(), 'GetSecretValue', { SecretName: 'missing' }), 'Forbidden.ResourceNotFound', 404);
      const xml = await rpc(url(), 'GetSecretValue', { SecretName: 'missing', Format: 'xml' });
      expect((await expectRawXmlError(xml, 'Forbidden.ResourceNotFound', 404)).Message).toBe('Resource not found.');
    });
  });
});
