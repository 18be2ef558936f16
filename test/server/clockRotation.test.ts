/**
 * Scheduled rotations driven the way a user's test drives them: the server runs on the wall
 * clock (nothing injected) and time moves only through `POST /_emulator/clock`. The dialect suites
 * cover the rotation rules in detail with an injected clock; this checks the admin route reaches them.
 */
import { alibabaClient } from '../helpers/alibaba.js';
import { createParams, credentialsOf, RAM, RDS, type ManagedCase } from '../helpers/alibabaManaged.js';
import { DAY_MS, HOUR_MS, kmsTimeOf } from '../helpers/alibabaOperations.js';
import { STORES, useServer } from '../helpers/server.js';
import { tencentClient } from '../helpers/tencent.js';
import { beijing, productSecretRequest, rotatedId } from '../helpers/tencentProducts.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The emulator's time, epoch ms. */
async function emulatorNow(url: string): Promise<number> {
  const response = await fetch(`${url}/_emulator/clock`);
  return ((await response.json()) as { epochMs: number }).epochMs;
}

/** Moves the emulator's time forward through the admin route. */
async function advance(url: string, ms: number): Promise<void> {
  const response = await fetch(`${url}/_emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceSeconds: ms / 1000 }) });
  expect(response.status).toBe(200);
}

/** Runs `read` and returns what it answered with the emulator times just before and after it. */
async function timed<T>(url: string, read: () => Promise<T>): Promise<{ answer: T; before: number; after: number }> {
  const before = await emulatorNow(url);
  const answer = await read();
  return { answer, before, after: await emulatorNow(url) };
}

describe.each(STORES)('scheduled rotation after POST /_emulator/clock (%s store)', (kind) => {
  const server = useServer(kind);
  const url = () => server().url;

  describe.each([RDS, RAM])('Alibaba automatic rotation of a $label secret', (managed: ManagedCase) => {
    const call = () => alibabaClient(url(), 'kms20160120');
    const versionIds = async () =>
      ((await call()('ListSecretVersionIds', { SecretName: managed.storedName })).VersionIds.VersionId as Array<Record<string, any>>).map((v) => [
        v.VersionId,
        v.VersionStages.VersionStage,
      ]);

    it('writes nothing before RotationInterval has passed, then a new ACSCurrent version with v1 as ACSPrevious', async () => {
      await call()('CreateSecret', createParams(managed, { EnableAutomaticRotation: 'true', RotationInterval: '7d' }));

      await advance(url(), 7 * DAY_MS - HOUR_MS);
      const early = await call()('GetSecretValue', { SecretName: managed.storedName });
      expect([early.VersionId, early.VersionStages, early.LastRotationDate]).toEqual(['v1', { VersionStage: ['ACSCurrent'] }, undefined]);
      expect(credentialsOf(early)).toMatchObject(managed.initial);
      expect(await versionIds()).toEqual([['v1', ['ACSCurrent']]]);

      await advance(url(), 2 * HOUR_MS);
      const { answer: rotated, before, after } = await timed(url(), () => call()('GetSecretValue', { SecretName: managed.storedName }));
      // An automatic rotation's version id is a UUID, as KMS's own are.
      expect(rotated.VersionId).toMatch(UUID);
      expect(rotated.VersionStages).toEqual({ VersionStage: ['ACSCurrent'] });
      expect(rotated.LastRotationDate >= kmsTimeOf(before) && rotated.LastRotationDate <= kmsTimeOf(after)).toBe(true);
      expect(Date.parse(rotated.NextRotationDate) - Date.parse(rotated.LastRotationDate)).toBe(7 * DAY_MS);
      expect(Object.keys(credentialsOf(rotated)).sort()).toEqual(managed.keys);
      expect(credentialsOf(rotated)).not.toEqual(credentialsOf(early));

      const previous = await call()('GetSecretValue', { SecretName: managed.storedName, VersionStage: 'ACSPrevious' });
      expect([previous.VersionId, credentialsOf(previous)]).toEqual(['v1', credentialsOf(early)]);
      expect(await versionIds()).toEqual([
        ['v1', ['ACSPrevious']],
        [rotated.VersionId, ['ACSCurrent']],
      ]);
    });
  });

  describe('Tencent scheduled rotation of a product secret', () => {
    const client = () => tencentClient(url());
    const history = async () => (await client().DescribeRotationHistory({ SecretName: 'orders-db' })).VersionIDs;
    const current = async () => client().GetSecretValue({ SecretName: 'orders-db', VersionId: 'SSM_Current' });

    it('writes nothing before RotationFrequency days have passed, then a new SSM_Rotate_<time> version behind SSM_Current', async () => {
      // A begin time a second in the past, so the first scheduled rotation is one period away.
      const begin = Math.floor((await emulatorNow(url())) / 1000) * 1000 - 1000;
      const { before: createdFrom, after: createdBy } = await timed(url(), () =>
        client().CreateProductSecret(productSecretRequest('orders-db', { EnableRotation: true, RotationFrequency: 30, RotationBeginTime: beijing(begin) })),
      );
      // The creation flow runs for a second of emulator time before the secret is Enabled.
      await advance(url(), 2000);
      const [first] = (await history())!;
      expect([rotatedId(createdFrom), rotatedId(createdBy)]).toContain(first);
      const initial = await current();
      expect((await client().DescribeRotationDetail({ SecretName: 'orders-db' })).NextRotateBeginTime).toBe(beijing(begin + 30 * DAY_MS));

      await advance(url(), 30 * DAY_MS - HOUR_MS);
      expect((await current()).SecretString).toBe(initial.SecretString);
      expect(await history()).toEqual([first]);

      await advance(url(), 2 * HOUR_MS);
      const { answer: rotated, before, after } = await timed(url(), current);
      const newest = (await history())!;
      expect(newest).toHaveLength(2);
      expect(newest[0]).toBe(first);
      // The version is named after the Beijing time it was rotated in, on the emulator's clock.
      expect([rotatedId(before), rotatedId(after)]).toContain(newest[1]);
      const credentials = JSON.parse(rotated.SecretString!) as { UserName: string; Password: string };
      expect(credentials.Password).not.toBe(JSON.parse(initial.SecretString!).Password);
      expect(rotated.VersionId).toBe('SSM_Current');

      // SSM has no "previous" stage: the old version stays readable by its own id.
      const old = await client().GetSecretValue({ SecretName: 'orders-db', VersionId: first });
      expect(old.SecretString).toBe(initial.SecretString);
      expect(await client().GetSecretValue({ SecretName: 'orders-db', VersionId: newest[1] })).toMatchObject({ SecretString: rotated.SecretString });
      expect((await client().DescribeRotationDetail({ SecretName: 'orders-db' })).NextRotateBeginTime).toBe(beijing(begin + 60 * DAY_MS));
    });
  });
});
