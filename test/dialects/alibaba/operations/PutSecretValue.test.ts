import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import {
  arnOf,
  createSecret,
  expectKmsError,
  expectRawError,
  expectRawXml,
  expectRawXmlError,
  rpc,
  seedManagedSecret,
  stagesById,
  useKmsServer,
} from '../../../helpers/alibabaOperations.js';
import { STORES } from '../../../helpers/server.js';

describe.each(STORES)('PutSecretValue (%s store)', (kind) => {
  const { clock, server, url, stored } = useKmsServer(kind, Date.UTC(2025, 7, 1, 6, 45, 0, 0));

  const put = (name: string, versionId: string, data: string, extra: Record<string, string> = {}) =>
    rpc(url(), 'PutSecretValue', { SecretName: name, VersionId: versionId, SecretData: data, ...extra });

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = () => alibabaClient(url(), sdk);

    it('stores a new ACSCurrent version and makes the old one ACSPrevious', async () => {
      await createSecret(url(), 'app/db', { SecretData: 'one' });
      const response = await call()('PutSecretValue', { SecretName: 'app/db', VersionId: 'v2', SecretData: 'two' });
      expect(response).toEqual({ SecretName: 'app/db', VersionId: 'v2', VersionStages: { VersionStage: ['ACSCurrent'] }, RequestId: expect.any(String) });
      expect(stagesById(stored('app/db'))).toEqual({ v1: ['ACSPrevious'], v2: ['ACSCurrent'] });
      expect(await call()('GetSecretValue', { SecretName: 'app/db' })).toMatchObject({ SecretData: 'two', VersionId: 'v2' });
    });

    it('takes the stages of VersionStages in the current list form', async () => {
      await createSecret(url(), 'list-form');
      const response = await call()('PutSecretValue', { SecretName: 'list-form', VersionId: 'v2', SecretData: 'x', VersionStages: '["ACSCurrent","Blue"]' });
      expect(response.VersionStages).toEqual({ VersionStage: ['ACSCurrent', 'Blue'] });
      expect(stagesById(stored('list-form'))).toEqual({ v1: ['ACSPrevious'], v2: ['ACSCurrent', 'Blue'] });
    });

    it('takes the stages of VersionStages in the 2021 {"VersionStage":[…]} form', async () => {
      await createSecret(url(), 'object-form');
      const response = await call()('PutSecretValue', {
        SecretName: 'object-form',
        VersionId: 'v2',
        SecretData: 'x',
        VersionStages: '{"VersionStage":["ACSCurrent"]}',
      });
      expect(response.VersionStages).toEqual({ VersionStage: ['ACSCurrent'] });
      expect(stagesById(stored('object-form'))).toEqual({ v1: ['ACSPrevious'], v2: ['ACSCurrent'] });
    });

    it('leaves ACSCurrent in place when VersionStages names only custom stages', async () => {
      await createSecret(url(), 'custom', { SecretData: 'one' });
      const response = await call()('PutSecretValue', { SecretName: 'custom', VersionId: 'v2', SecretData: 'two', VersionStages: '["Blue"]' });
      expect(response.VersionStages).toEqual({ VersionStage: ['Blue'] });
      expect(stagesById(stored('custom'))).toEqual({ v1: ['ACSCurrent'], v2: ['Blue'] });
      expect((await call()('GetSecretValue', { SecretName: 'custom' })).SecretData).toBe('one');
    });

    it('succeeds without change when the VersionId exists with the same data, returning its stored stages', async () => {
      await createSecret(url(), 'repeat', { SecretData: 'one' });
      await put('repeat', 'v2', 'two');
      const before = stored('repeat');
      clock.advance(1_000);
      const response = await call()('PutSecretValue', { SecretName: 'repeat', VersionId: 'v1', SecretData: 'one', VersionStages: '["ACSCurrent"]' });
      expect(response).toEqual({ SecretName: 'repeat', VersionId: 'v1', VersionStages: { VersionStage: ['ACSPrevious'] }, RequestId: expect.any(String) });
      expect(stored('repeat')).toEqual(before);
    });

    it('answers Rejected.ResourceExist (409) when the VersionId exists with other data', async () => {
      await createSecret(url(), 'clash', { SecretData: 'one' });
      await expectKmsError(sdk, call()('PutSecretValue', { SecretName: 'clash', VersionId: 'v1', SecretData: 'other' }), 'Rejected.ResourceExist', 409);
      expect(stored('clash')?.versions.map((v) => v.value?.data)).toEqual(['one']);
    });

    it('answers Forbidden.ResourceNotFound (404) for an unknown secret', async () => {
      await expectKmsError(sdk, call()('PutSecretValue', { SecretName: 'missing', VersionId: 'v1', SecretData: 'x' }), 'Forbidden.ResourceNotFound', 404);
    });

    it('answers Rejected.ResourceInDeleteWindow (409) for a secret pending deletion', async () => {
      await createSecret(url(), 'doomed');
      await rpc(url(), 'DeleteSecret', { SecretName: 'doomed' });
      await expectKmsError(sdk, call()('PutSecretValue', { SecretName: 'doomed', VersionId: 'v2', SecretData: 'x' }), 'Rejected.ResourceInDeleteWindow', 409);
      expect(stored('doomed')?.versions).toHaveLength(1);
    });

    it('refuses a managed secret with InvalidParameter (400)', async () => {
      await seedManagedSecret(server().polysecret.engine, 'rds');
      await expectKmsError(sdk, call()('PutSecretValue', { SecretName: 'rds', VersionId: 'v2', SecretData: 'x' }), 'InvalidParameter', 400, 'PutSecretValue');
      expect(stored('rds')?.versions.map((v) => v.id)).toEqual(['managed-v1']);
    });

    it.each(['SecretName', 'VersionId', 'SecretData'])('answers Missing%s (400) without it', async (missing) => {
      await createSecret(url(), 'incomplete');
      const params: Record<string, string> = { SecretName: 'incomplete', VersionId: 'v2', SecretData: 'x' };
      delete params[missing];
      await expectKmsError(sdk, call()('PutSecretValue', params), `Missing${missing}`, 400);
      expect(stored('incomplete')?.versions).toHaveLength(1);
    });
  });

  describe('stages', () => {
    it('takes ACSPrevious off the version before, which keeps no stage', async () => {
      await createSecret(url(), 'rolling');
      await put('rolling', 'v2', 'two');
      await put('rolling', 'v3', 'three');
      expect(stagesById(stored('rolling'))).toEqual({ v1: [], v2: ['ACSPrevious'], v3: ['ACSCurrent'] });
    });

    it('moves a custom stage from the version that had it', async () => {
      await createSecret(url(), 'blue');
      await put('blue', 'v2', 'two', { VersionStages: '["Blue"]' });
      await put('blue', 'v3', 'three', { VersionStages: '["Blue"]' });
      expect(stagesById(stored('blue'))).toEqual({ v1: ['ACSCurrent'], v2: [], v3: ['Blue'] });
    });

    it('gives a repeated stage once', async () => {
      await createSecret(url(), 'twice');
      const response = await put('twice', 'v2', 'two', { VersionStages: '["ACSCurrent","ACSCurrent"]' });
      expect(response.json.VersionStages).toEqual({ VersionStage: ['ACSCurrent'] });
    });

    it.each([
      ['that is not JSON', 'ACSCurrent'],
      ['that is an empty list', '[]'],
      ['that holds a number', '[1]'],
      ['that holds an empty stage', '[""]'],
      ['with a 65-character stage', JSON.stringify(['s'.repeat(65)])],
      ['with VersionStage not a list', '{"VersionStage":"ACSCurrent"}'],
      ['that is an object without VersionStage', '{}'],
      ['that is null', 'null'],
    ])('refuses VersionStages %s with InvalidParameter', async (_, stages) => {
      await createSecret(url(), 'bad-stages');
      const response = await put('bad-stages', 'v2', 'x', { VersionStages: stages });
      expectRawError(response, 'InvalidParameter', 400);
      expect(response.json.Message).toContain('VersionStages');
      expect(stored('bad-stages')?.versions).toHaveLength(1);
    });
  });

  describe('repeated VersionIds', () => {
    it('counts another SecretDataType as other data', async () => {
      await createSecret(url(), 'typed', { SecretData: 'AAEC' });
      expectRawError(await put('typed', 'v1', 'AAEC', { SecretDataType: 'binary' }), 'Rejected.ResourceExist', 409);
    });

    it('returns the stages a repeated version holds now, not the ones asked for', async () => {
      await createSecret(url(), 'again', { SecretData: 'one' });
      await put('again', 'v2', 'two', { VersionStages: '["Blue"]' });
      const response = await put('again', 'v2', 'two', { VersionStages: '["ACSCurrent"]' });
      expect(response.json.VersionStages).toEqual({ VersionStage: ['Blue'] });
      expect(stagesById(stored('again'))).toEqual({ v1: ['ACSCurrent'], v2: ['Blue'] });
    });
  });

  describe('version limit', () => {
    it('keeps at most 10 versions, purging the oldest without stages', async () => {
      await createSecret(url(), 'many');
      for (let i = 2; i <= 12; i++) await put('many', `v${i}`, `data${i}`);
      expect(stored('many')?.versions.map((v) => v.id)).toEqual(['v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10', 'v11', 'v12']);
      expectRawError(await rpc(url(), 'GetSecretValue', { SecretName: 'many', VersionId: 'v1' }), 'Forbidden.ResourceNotFound', 404);
    });

    it('purges around versions that keep a stage', async () => {
      await createSecret(url(), 'keeper');
      await put('keeper', 'v2', 'two', { VersionStages: '["Pinned"]' });
      for (let i = 3; i <= 11; i++) await put('keeper', `v${i}`, `data${i}`);
      expect(stored('keeper')?.versions.map((v) => v.id)).toEqual(['v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10', 'v11']);
    });

    it('answers Rejected.LimitExceeded when all 10 versions keep a stage', async () => {
      await createSecret(url(), 'full');
      for (let i = 2; i <= 10; i++) await put('full', `v${i}`, `data${i}`, { VersionStages: `["Stage${i}"]` });
      const response = await put('full', 'v11', 'eleven', { VersionStages: '["Stage11"]' });
      expectRawError(response, 'Rejected.LimitExceeded', 400);
      expect(stored('full')?.versions).toHaveLength(10);
    });
  });

  describe('values', () => {
    it('stores binary data verbatim', async () => {
      await createSecret(url(), 'bin');
      await put('bin', 'v2', '/wABAg==', { SecretDataType: 'binary' });
      expect((await rpc(url(), 'GetSecretValue', { SecretName: 'bin' })).json).toMatchObject({ SecretData: '/wABAg==', SecretDataType: 'binary' });
    });

    it('refuses an unknown SecretDataType', async () => {
      await createSecret(url(), 'typed');
      expectRawError(await put('typed', 'v2', 'x', { SecretDataType: 'json' }), 'InvalidParameter', 400);
    });

    it('accepts 30720 bytes and refuses 30721 (form body: query strings this long exceed the HTTP header limit)', async () => {
      await createSecret(url(), 'big');
      const form = (versionId: string, data: string) =>
        rpc(url(), 'PutSecretValue', { SecretName: 'big', VersionId: versionId, SecretData: data }, { form: true });
      expect((await form('v2', 'a'.repeat(30_720))).status).toBe(200);
      const refused = await form('v3', 'a'.repeat(30_721));
      expectRawError(refused, 'InvalidParameter', 400);
      expect(refused.json.Message).toContain('SecretData');
      expect(stored('big')?.versions.map((v) => v.id)).toEqual(['v1', 'v2']);
    });

    it('stamps the version and the secret update time with the clock', async () => {
      await createSecret(url(), 'timed');
      clock.advance(90_000);
      await put('timed', 'v2', 'two');
      const record = stored('timed')!;
      expect(record.versions[1].createdAt).toBe(clock.now());
      expect(record.changedAt).toBe(clock.now());
    });

    it('finds the secret by its ARN', async () => {
      await createSecret(url(), 'by-arn');
      const response = await put(arnOf('by-arn'), 'v2', 'two');
      expect(response.json).toMatchObject({ SecretName: 'by-arn', VersionId: 'v2' });
    });
  });

  describe('on the wire', () => {
    it('answers JSON with exactly SecretName, VersionId, VersionStages and RequestId', async () => {
      await createSecret(url(), 'wire');
      const response = await put('wire', 'v2', 'two');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
      expect(Object.keys(response.json).sort()).toEqual(['RequestId', 'SecretName', 'VersionId', 'VersionStages']);
    });

    it('answers XML under <KMS> with repeated <VersionStage> elements', async () => {
      await createSecret(url(), 'xml');
      const response = await put('xml', 'v2', 'two', { VersionStages: '["ACSCurrent","Blue"]', Format: 'XML' });
      expect(await expectRawXml(response)).toEqual({
        SecretName: 'xml',
        VersionId: 'v2',
        VersionStages: { VersionStage: ['ACSCurrent', 'Blue'] },
        RequestId: expect.any(String),
      });
    });

    it('answers a version clash with 409 under <Error> in XML', async () => {
      await createSecret(url(), 'xml-clash');
      const response = await put('xml-clash', 'v1', 'other', { Format: 'XML' });
      await expectRawXmlError(response, 'Rejected.ResourceExist', 409);
    });
  });
});
