import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import {
  arnOf,
  createSecret,
  expectKmsError,
  expectRawError,
  expectRawXml,
  expectRawXmlError,
  putSecretValue,
  rpc,
  seedManagedSecret,
  stagesById,
  useKmsServer,
} from '../../../helpers/alibabaOperations.js';
import { STORES } from '../../../helpers/server.js';

describe.each(STORES)('UpdateSecretVersionStage (%s store)', (kind) => {
  const { clock, server, url, stored } = useKmsServer(kind, Date.UTC(2025, 8, 9, 10, 11, 12, 0));

  /** A secret with v1 (no stage), v2 (ACSPrevious) and v3 (ACSCurrent). */
  async function threeVersions(name: string): Promise<void> {
    await createSecret(url(), name, { SecretData: 'one' });
    for (const id of ['v2', 'v3']) await putSecretValue(url(), name, id, id);
  }

  const update = (params: Record<string, string>) => rpc(url(), 'UpdateSecretVersionStage', params);

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = () => alibabaClient(url(), sdk);
    const sdkUpdate = (params: Record<string, string>) => call()('UpdateSecretVersionStage', params);

    it('moves ACSCurrent back, shifting ACSPrevious to the version it leaves', async () => {
      await threeVersions('app/db');
      const response = await sdkUpdate({ SecretName: 'app/db', VersionStage: 'ACSCurrent', MoveToVersion: 'v2', RemoveFromVersion: 'v3' });
      expect(response).toEqual({ SecretName: 'app/db', RequestId: expect.any(String) });
      expect(stagesById(stored('app/db'))).toEqual({ v1: [], v2: ['ACSCurrent'], v3: ['ACSPrevious'] });
      expect(await call()('GetSecretValue', { SecretName: 'app/db' })).toMatchObject({ VersionId: 'v2', SecretData: 'v2' });
    });

    it('attaches a custom stage to a version', async () => {
      await threeVersions('custom');
      await sdkUpdate({ SecretName: 'custom', VersionStage: 'Blue', MoveToVersion: 'v1' });
      expect(stagesById(stored('custom'))).toEqual({ v1: ['Blue'], v2: ['ACSPrevious'], v3: ['ACSCurrent'] });
    });

    it('removes a custom stage', async () => {
      await threeVersions('removal');
      await update({ SecretName: 'removal', VersionStage: 'Blue', MoveToVersion: 'v2' });
      await sdkUpdate({ SecretName: 'removal', VersionStage: 'Blue', RemoveFromVersion: 'v2' });
      expect(stagesById(stored('removal'))).toEqual({ v1: [], v2: ['ACSPrevious'], v3: ['ACSCurrent'] });
    });

    it.each(['ACSCurrent', 'ACSPrevious'])('refuses to just remove %s (InvalidParameter, 400)', async (stage) => {
      await threeVersions('reserved');
      const holder = stage === 'ACSCurrent' ? 'v3' : 'v2';
      await expectKmsError(sdk, sdkUpdate({ SecretName: 'reserved', VersionStage: stage, RemoveFromVersion: holder }), 'InvalidParameter', 400);
      expect(stagesById(stored('reserved'))).toEqual({ v1: [], v2: ['ACSPrevious'], v3: ['ACSCurrent'] });
    });

    it('refuses a call with neither MoveToVersion nor RemoveFromVersion (InvalidParameter, 400)', async () => {
      await threeVersions('neither');
      await expectKmsError(sdk, sdkUpdate({ SecretName: 'neither', VersionStage: 'Blue' }), 'InvalidParameter', 400);
    });

    it('answers Forbidden.ResourceNotFound (404) for an unknown version', async () => {
      await threeVersions('unknown-version');
      await expectKmsError(
        sdk,
        sdkUpdate({ SecretName: 'unknown-version', VersionStage: 'ACSCurrent', MoveToVersion: 'v9' }),
        'Forbidden.ResourceNotFound',
        404,
      );
    });

    it('answers Forbidden.ResourceNotFound (404) for an unknown secret', async () => {
      await expectKmsError(sdk, sdkUpdate({ SecretName: 'missing', VersionStage: 'ACSCurrent', MoveToVersion: 'v1' }), 'Forbidden.ResourceNotFound', 404);
    });

    it('answers Rejected.ResourceInDeleteWindow (409) for a secret pending deletion', async () => {
      await threeVersions('doomed');
      await rpc(url(), 'DeleteSecret', { SecretName: 'doomed' });
      await expectKmsError(sdk, sdkUpdate({ SecretName: 'doomed', VersionStage: 'ACSCurrent', MoveToVersion: 'v1' }), 'Rejected.ResourceInDeleteWindow', 409);
      expect(stagesById(stored('doomed'))).toEqual({ v1: [], v2: ['ACSPrevious'], v3: ['ACSCurrent'] });
    });

    it('refuses a managed secret (InvalidParameter, 400)', async () => {
      await seedManagedSecret(server().polysecret.engine, 'rds');
      await expectKmsError(
        sdk,
        sdkUpdate({ SecretName: 'rds', VersionStage: 'Blue', MoveToVersion: 'managed-v1' }),
        'InvalidParameter',
        400,
        'UpdateSecretVersionStage',
      );
    });

    it.each(['SecretName', 'VersionStage'])('answers Missing%s (400) without it', async (missing) => {
      await threeVersions('incomplete');
      const params: Record<string, string> = { SecretName: 'incomplete', VersionStage: 'Blue', MoveToVersion: 'v1' };
      delete params[missing];
      await expectKmsError(sdk, sdkUpdate(params), `Missing${missing}`, 400);
    });
  });

  describe('moves', () => {
    it('moves ACSCurrent to an unstaged version: the old current becomes ACSPrevious, the old previous keeps nothing', async () => {
      await threeVersions('to-unstaged');
      expect((await update({ SecretName: 'to-unstaged', VersionStage: 'ACSCurrent', MoveToVersion: 'v1' })).status).toBe(200);
      expect(stagesById(stored('to-unstaged'))).toEqual({ v1: ['ACSCurrent'], v2: [], v3: ['ACSPrevious'] });
    });

    it('moves ACSCurrent without RemoveFromVersion the same way', async () => {
      await threeVersions('implicit');
      await update({ SecretName: 'implicit', VersionStage: 'ACSCurrent', MoveToVersion: 'v2' });
      expect(stagesById(stored('implicit'))).toEqual({ v1: [], v2: ['ACSCurrent'], v3: ['ACSPrevious'] });
    });

    it('moves ACSPrevious alone, leaving ACSCurrent where it is', async () => {
      await threeVersions('previous');
      await update({ SecretName: 'previous', VersionStage: 'ACSPrevious', MoveToVersion: 'v1', RemoveFromVersion: 'v2' });
      expect(stagesById(stored('previous'))).toEqual({ v1: ['ACSPrevious'], v2: [], v3: ['ACSCurrent'] });
    });

    it('changes nothing when the version already holds the stage', async () => {
      await threeVersions('same');
      await update({ SecretName: 'same', VersionStage: 'ACSCurrent', MoveToVersion: 'v3' });
      expect(stagesById(stored('same'))).toEqual({ v1: [], v2: ['ACSPrevious'], v3: ['ACSCurrent'] });
    });

    it('moves a custom stage from the version RemoveFromVersion names, or from its holder when none is named', async () => {
      await threeVersions('blue');
      await update({ SecretName: 'blue', VersionStage: 'Blue', MoveToVersion: 'v1' });
      await update({ SecretName: 'blue', VersionStage: 'Blue', MoveToVersion: 'v2', RemoveFromVersion: 'v1' });
      expect(stagesById(stored('blue'))).toEqual({ v1: [], v2: ['ACSPrevious', 'Blue'], v3: ['ACSCurrent'] });
      await update({ SecretName: 'blue', VersionStage: 'Blue', MoveToVersion: 'v3' });
      expect(stagesById(stored('blue'))).toEqual({ v1: [], v2: ['ACSPrevious'], v3: ['ACSCurrent', 'Blue'] });
    });

    it('refuses RemoveFromVersion naming a version without the stage (InvalidParameter)', async () => {
      await threeVersions('wrong-holder');
      const response = await update({ SecretName: 'wrong-holder', VersionStage: 'ACSCurrent', MoveToVersion: 'v1', RemoveFromVersion: 'v2' });
      expectRawError(response, 'InvalidParameter', 400);
      expect(response.json.Message).toContain('RemoveFromVersion');
      expect(stagesById(stored('wrong-holder'))).toEqual({ v1: [], v2: ['ACSPrevious'], v3: ['ACSCurrent'] });
    });

    it('refuses removing a custom stage nobody holds (InvalidParameter)', async () => {
      await threeVersions('unheld');
      expectRawError(await update({ SecretName: 'unheld', VersionStage: 'Blue', RemoveFromVersion: 'v1' }), 'InvalidParameter', 400);
    });

    it('answers Forbidden.ResourceNotFound for an unknown RemoveFromVersion', async () => {
      await threeVersions('unknown-remove');
      expectRawError(await update({ SecretName: 'unknown-remove', VersionStage: 'Blue', RemoveFromVersion: 'v9' }), 'Forbidden.ResourceNotFound', 404);
    });

    it('refuses a 21st stage on one version with Rejected.LimitExceeded', async () => {
      await createSecret(url(), 'crowded');
      const stages = ['ACSCurrent', ...Array.from({ length: 19 }, (_, i) => `S${i}`)];
      const put = await rpc(url(), 'PutSecretValue', { SecretName: 'crowded', VersionId: 'v2', SecretData: 'x', VersionStages: JSON.stringify(stages) });
      expect(put.status).toBe(200);
      expectRawError(await update({ SecretName: 'crowded', VersionStage: 'Extra', MoveToVersion: 'v2' }), 'Rejected.LimitExceeded', 400);
      expect(stored('crowded')?.versions[1].labels).toHaveLength(20);
    });

    it('refuses a 65-character stage (InvalidParameter)', async () => {
      await threeVersions('long');
      expectRawError(await update({ SecretName: 'long', VersionStage: 's'.repeat(65), MoveToVersion: 'v1' }), 'InvalidParameter', 400);
    });

    it('stamps the secret update time with the clock', async () => {
      await threeVersions('timed');
      clock.advance(30_000);
      await update({ SecretName: 'timed', VersionStage: 'Blue', MoveToVersion: 'v1' });
      expect(stored('timed')?.changedAt).toBe(clock.now());
    });

    it('finds the secret by its ARN', async () => {
      await threeVersions('by-arn');
      const response = await update({ SecretName: arnOf('by-arn'), VersionStage: 'Blue', MoveToVersion: 'v1' });
      expect(response.json).toEqual({ SecretName: 'by-arn', RequestId: expect.any(String) });
      expect(stagesById(stored('by-arn')).v1).toEqual(['Blue']);
    });
  });

  describe('on the wire', () => {
    it('answers JSON with exactly SecretName and RequestId', async () => {
      await threeVersions('wire');
      const response = await update({ SecretName: 'wire', VersionStage: 'Blue', MoveToVersion: 'v1' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
      expect(Object.keys(response.json).sort()).toEqual(['RequestId', 'SecretName']);
    });

    it('answers XML under <KMS>, and errors under <Error>', async () => {
      await threeVersions('xml');
      const ok = await update({ SecretName: 'xml', VersionStage: 'Blue', MoveToVersion: 'v1', Format: 'XML' });
      expect(await expectRawXml(ok)).toEqual({ SecretName: 'xml', RequestId: expect.any(String) });
      const failed = await update({ SecretName: 'xml', VersionStage: 'ACSCurrent', RemoveFromVersion: 'v3', Format: 'XML' });
      await expectRawXmlError(failed, 'InvalidParameter', 400);
    });
  });
});
