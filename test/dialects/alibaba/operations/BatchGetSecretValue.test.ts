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
  useKmsServer,
} from '../../../helpers/alibabaOperations.js';
import { STORES } from '../../../helpers/server.js';

const NOT_FOUND = { Code: 'Forbidden.ResourceNotFound', HttpStatus: 404, Message: 'Resource not found.' };

describe.each(STORES)('BatchGetSecretValue (%s store)', (kind) => {
  const { clock, server, url } = useKmsServer(kind, Date.UTC(2025, 11, 24, 18, 0, 0, 1));

  const batch = (items: unknown, extra: Record<string, string> = {}) =>
    rpc(url(), 'BatchGetSecretValue', { SecretsList: typeof items === 'string' ? items : JSON.stringify(items), ...extra });

  /** `name` with v1 (ACSPrevious, data "<name>-1") and v2 (ACSCurrent, data "<name>-2"). */
  async function twoVersions(name: string): Promise<void> {
    await createSecret(url(), name, { SecretData: `${name}-1` });
    await putSecretValue(url(), name, 'v2', `${name}-2`);
  }

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = () => alibabaClient(url(), sdk);

    it('returns the values it can read and an error entry for the rest, as a success', async () => {
      await twoVersions('a');
      await twoVersions('b');
      const response = await call()('BatchGetSecretValue', {
        SecretsList: JSON.stringify([{ SecretName: 'a' }, { SecretName: 'missing' }, { SecretName: 'b', VersionStage: 'ACSPrevious' }]),
      });
      expect(response).toEqual({
        SecretValues: [
          {
            SecretName: 'a',
            SecretType: 'Generic',
            SecretData: 'a-2',
            SecretDataType: 'text',
            VersionId: 'v2',
            VersionStages: { VersionStage: ['ACSCurrent'] },
            CreateTime: kmsTimeOf(clock.now()),
            RequestId: expect.any(String),
          },
          {
            SecretName: 'b',
            SecretType: 'Generic',
            SecretData: 'b-1',
            SecretDataType: 'text',
            VersionId: 'v1',
            VersionStages: { VersionStage: ['ACSPrevious'] },
            CreateTime: kmsTimeOf(clock.now()),
            RequestId: expect.any(String),
          },
        ],
        Errors: [{ SecretName: 'missing', ...NOT_FOUND }],
        RequestId: expect.any(String),
      });
      expect(new Set([response.RequestId, ...response.SecretValues.map((v: { RequestId: string }) => v.RequestId)]).size).toBe(3);
    });

    it('answers with an empty SecretValues when nothing can be read', async () => {
      const response = await call()('BatchGetSecretValue', { SecretsList: JSON.stringify([{ SecretName: 'x' }, { SecretName: 'y' }]) });
      expect(response.SecretValues).toEqual([]);
      expect(response.Errors).toEqual([
        { SecretName: 'x', ...NOT_FOUND },
        { SecretName: 'y', ...NOT_FOUND },
      ]);
    });

    it('refuses a SecretsList that is not a JSON list (InvalidParameter, 400)', async () => {
      await expectKmsError(sdk, call()('BatchGetSecretValue', { SecretsList: '{"SecretName":"a"}' }), 'InvalidParameter', 400, 'SecretsList');
    });

    it('answers MissingSecretsList (400) without SecretsList', async () => {
      await expectKmsError(sdk, call()('BatchGetSecretValue', {}), 'MissingSecretsList', 400);
    });
  });

  describe('items', () => {
    it('selects by VersionId, by VersionStage, or both agreeing; disagreeing is an error entry', async () => {
      await twoVersions('s');
      const response = await batch([
        { SecretName: 's', VersionId: 'v1' },
        { SecretName: 's', VersionStage: 'ACSCurrent' },
        { SecretName: 's', VersionId: 'v2', VersionStage: 'ACSCurrent' },
        { SecretName: 's', VersionId: 'v1', VersionStage: 'ACSCurrent' },
        { SecretName: 's', VersionId: 'v9' },
      ]);
      expect(response.status).toBe(200);
      expect(response.json.SecretValues.map((v: { SecretData: string }) => v.SecretData)).toEqual(['s-1', 's-2', 's-2']);
      expect(response.json.Errors).toEqual([
        { SecretName: 's', ...NOT_FOUND },
        { SecretName: 's', ...NOT_FOUND },
      ]);
    });

    it('reports a secret pending deletion as Rejected.ResourceInDeleteWindow (409)', async () => {
      await createSecret(url(), 'doomed');
      await rpc(url(), 'DeleteSecret', { SecretName: 'doomed' });
      const response = await batch([{ SecretName: 'doomed' }]);
      expect(response.status).toBe(200);
      expect(response.json.Errors).toEqual([{ SecretName: 'doomed', Code: 'Rejected.ResourceInDeleteWindow', HttpStatus: 409, Message: expect.any(String) }]);
    });

    it('finds a secret by ARN and reports it under the name it was asked by', async () => {
      await createSecret(url(), 'by-arn', { SecretData: 'found' });
      const response = await batch([{ SecretName: arnOf('by-arn') }, { SecretName: arnOf('gone') }]);
      expect(response.json.SecretValues).toEqual([expect.objectContaining({ SecretName: 'by-arn', SecretData: 'found' })]);
      expect(response.json.Errors).toEqual([{ SecretName: arnOf('gone'), ...NOT_FOUND }]);
    });

    it('adds ExtendedConfig of a managed secret when FetchExtendedConfig is true, as a JSON boolean or a string', async () => {
      await seedManagedSecret(server().polysecret.engine, 'rds');
      const response = await batch([
        { SecretName: 'rds' },
        { SecretName: 'rds', FetchExtendedConfig: true },
        { SecretName: 'rds', FetchExtendedConfig: 'true' },
        { SecretName: 'rds', FetchExtendedConfig: false },
      ]);
      const configs = response.json.SecretValues.map((v: { ExtendedConfig?: string }) => v.ExtendedConfig !== undefined);
      expect(configs).toEqual([false, true, true, false]);
      expect(response.json.SecretValues[1]).toMatchObject({ SecretType: 'Rds', AutomaticRotation: 'Disabled' });
    });

    it('returns binary data verbatim', async () => {
      await createSecret(url(), 'bin', { SecretData: 'AAEC', SecretDataType: 'binary' });
      expect((await batch([{ SecretName: 'bin' }])).json.SecretValues[0]).toMatchObject({ SecretData: 'AAEC', SecretDataType: 'binary' });
    });

    it('reads 20 secrets in one call', async () => {
      const names = Array.from({ length: 20 }, (_, i) => `s${i}`);
      for (const name of names) await createSecret(url(), name, { SecretData: name });
      const response = await batch(names.map((SecretName) => ({ SecretName })));
      expect(response.json.SecretValues.map((v: { SecretData: string }) => v.SecretData)).toEqual(names);
      expect(response.json.Errors).toEqual([]);
    });

    it.each([
      ['that is not JSON', '[{SecretName:a}]'],
      ['that is an empty list', []],
      ['of 21 items', Array.from({ length: 21 }, (_, i) => ({ SecretName: `s${i}` }))],
      ['with an item that is not an object', ['a']],
      ['with an item that is a list', [['a']]],
      ['with an item that is null', [null]],
      ['with an item without SecretName', [{ VersionId: 'v1' }]],
      ['with an empty SecretName', [{ SecretName: '' }]],
      ['with a SecretName that is a number', [{ SecretName: 7 }]],
      ['with a VersionId that is a number', [{ SecretName: 'a', VersionId: 1 }]],
      ['with a VersionStage that is a list', [{ SecretName: 'a', VersionStage: ['ACSCurrent'] }]],
      ['with a FetchExtendedConfig that is not a boolean', [{ SecretName: 'a', FetchExtendedConfig: 'maybe' }]],
    ])('refuses a SecretsList %s with InvalidParameter', async (_, items) => {
      const response = await batch(items);
      expectRawError(response, 'InvalidParameter', 400);
      expect(response.json.Message).toContain('SecretsList');
    });
  });

  describe('on the wire', () => {
    it('answers JSON with bare SecretValues and Errors arrays, even when empty', async () => {
      await createSecret(url(), 'wire');
      const response = await batch([{ SecretName: 'wire' }]);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
      expect(Object.keys(response.json).sort()).toEqual(['Errors', 'RequestId', 'SecretValues']);
      expect(Array.isArray(response.json.SecretValues)).toBe(true);
      expect(response.json.Errors).toEqual([]);
    });

    it('answers XML under <KMS>, each value and error a repeated element', async () => {
      await createSecret(url(), 'x1', { SecretData: 'one' });
      await createSecret(url(), 'x2', { SecretData: 'two' });
      const response = await batch([{ SecretName: 'x1' }, { SecretName: 'x2' }, { SecretName: 'nope' }], { Format: 'XML' });
      const kms = await expectRawXml(response);
      expect(kms.SecretValues.map((v: { SecretData: string }) => v.SecretData)).toEqual(['one', 'two']);
      expect(kms.Errors).toEqual({ SecretName: 'nope', Code: 'Forbidden.ResourceNotFound', HttpStatus: '404', Message: 'Resource not found.' });
    });

    it('answers an invalid SecretsList with 400 under <Error> in XML', async () => {
      const response = await batch('nope', { Format: 'XML' });
      await expectRawXmlError(response, 'InvalidParameter', 400);
    });
  });
});
