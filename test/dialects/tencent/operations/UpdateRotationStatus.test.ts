import { ManualClock } from '../../../../src/core/runtime.js';
import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { DAY_MS, expectRawTencentError, expectTencentError, storedSecret, UUID } from '../../../helpers/tencentOperations.js';
import {
  beijing,
  createReadyProductSecret,
  currentCredentials,
  FLOW_MS,
  PRODUCT_START,
  productSecretRequest,
  rotatedId,
} from '../../../helpers/tencentProducts.js';

/** 2025-01-16 00:00:00 in Beijing. */
const BEGIN = Date.UTC(2025, 0, 15, 16, 0, 0);

describe.each(STORES)('Tencent UpdateRotationStatus (%s store)', (kind) => {
  const clock = new ManualClock(PRODUCT_START);
  const server = useServer(kind, { clock });
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);
  const history = async (name: string) => (await client().DescribeRotationHistory({ SecretName: name })).VersionIDs;
  beforeEach(() => clock.advance(PRODUCT_START - clock.now()));

  /** An Enabled product secret rotating every 30 days from 2025-01-16 00:00:00. */
  async function rotatingSecret(name = 'orders-db', framing: TencentFraming = TENCENT_FRAMINGS[0]): Promise<void> {
    await createReadyProductSecret(client(), clock, name);
    const updated = await client(framing).UpdateRotationStatus({ SecretName: name, EnableRotation: true, Frequency: 30, RotationBeginTime: beijing(BEGIN) });
    expect(updated).toEqual({ RequestId: expect.stringMatching(UUID) });
  }

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('turns rotation on with its period and begin time, as every view of the secret shows', async () => {
      await rotatingSecret('orders-db', framing);
      const detail = await client(framing).DescribeRotationDetail({ SecretName: 'orders-db' });
      expect(detail).toMatchObject({ EnableRotation: true, Frequency: 30, LatestRotateTime: '2025-01-15 12:00:00', NextRotateBeginTime: '2025-01-16 00:00:00' });
      const described = await client(framing).DescribeSecret({ SecretName: 'orders-db' });
      // NextRotationTime is newer than this SDK release's typings.
      const nextRotationTime = (described as { NextRotationTime?: string }).NextRotationTime;
      expect([described.RotationStatus, described.RotationFrequency, nextRotationTime]).toEqual([true, 30, '2025-01-16 00:00:00']);
      const [listed] = (await client(framing).ListSecrets({ SecretType: 1 })).SecretMetadatas!;
      expect(listed).toMatchObject({ RotationStatus: 1, RotationFrequency: 30, RotationBeginTime: '2025-01-16 00:00:00', NextRotationTime: BEGIN / 1000 });
    });

    it('turns rotation off, keeping the period', async () => {
      await rotatingSecret('orders-db');
      await client(framing).UpdateRotationStatus({ SecretName: 'orders-db', EnableRotation: false });
      const detail = await client(framing).DescribeRotationDetail({ SecretName: 'orders-db' });
      expect(detail).toMatchObject({ EnableRotation: false, Frequency: 30, NextRotateBeginTime: '' });
      expect((await client(framing).ListSecrets({ SecretType: 1 })).SecretMetadatas![0]).toMatchObject({ RotationStatus: 0, NextRotationTime: 0 });
    });
  });

  describe('scheduled rotation, on the emulator clock', () => {
    it('rotates when the secret is read after its next rotation time, then schedules the following one', async () => {
      await rotatingSecret();
      const before = await currentCredentials(client(), 'orders-db');
      clock.advance(BEGIN - 1 - clock.now());
      expect(await currentCredentials(client(), 'orders-db')).toEqual(before);
      clock.advance(1);
      const after = await currentCredentials(client(), 'orders-db');
      expect(after.Password).not.toBe(before.Password);
      expect(await history('orders-db')).toEqual([rotatedId(PRODUCT_START), rotatedId(BEGIN)]);
      expect((await client().DescribeRotationDetail({ SecretName: 'orders-db' })).NextRotateBeginTime).toBe('2025-02-15 00:00:00');
    });

    it('rotates on DescribeSecret too', async () => {
      await rotatingSecret();
      clock.advance(BEGIN - clock.now());
      await client().DescribeSecret({ SecretName: 'orders-db' });
      expect(storedSecret(server(), 'orders-db')!.versions.map((version) => version.id)).toEqual([rotatedId(PRODUCT_START), rotatedId(BEGIN)]);
    });

    it('rotates once after idling through several periods, then waits for the next slot', async () => {
      await rotatingSecret();
      clock.advance(BEGIN + 95 * DAY_MS - clock.now());
      await client().GetSecretValue({ SecretName: 'orders-db', VersionId: 'SSM_Current' });
      expect(await history('orders-db')).toEqual([rotatedId(PRODUCT_START), rotatedId(BEGIN + 95 * DAY_MS)]);
      expect((await client().DescribeRotationDetail({ SecretName: 'orders-db' })).NextRotateBeginTime).toBe(beijing(BEGIN + 120 * DAY_MS));
    });

    it('starts the schedule now when enabling without RotationBeginTime', async () => {
      await createReadyProductSecret(client(), clock, 'orders-db');
      const enabledAt = clock.now();
      await client().UpdateRotationStatus({ SecretName: 'orders-db', EnableRotation: true, Frequency: 30 });
      const detail = await client().DescribeRotationDetail({ SecretName: 'orders-db' });
      expect(detail).toMatchObject({ LatestRotateTime: beijing(enabledAt), NextRotateBeginTime: beijing(enabledAt + 30 * DAY_MS) });
      expect(await history('orders-db')).toEqual([rotatedId(PRODUCT_START), rotatedId(enabledAt)]);
      expect((await client().ListSecrets({ SecretType: 1 })).SecretMetadatas![0].RotationBeginTime).toBe(beijing(enabledAt));
    });

    it('keeps a begin time in the past aligned: the next rotation is the first slot from now on', async () => {
      await createReadyProductSecret(client(), clock, 'orders-db');
      await client().UpdateRotationStatus({ SecretName: 'orders-db', EnableRotation: true, Frequency: 35, RotationBeginTime: '2006-01-02 15:04:05' });
      const begin = Date.UTC(2006, 0, 2, 7, 4, 5);
      const period = 35 * DAY_MS;
      const expected = begin + Math.ceil((clock.now() - begin) / period) * period;
      expect((await client().DescribeRotationDetail({ SecretName: 'orders-db' })).NextRotateBeginTime).toBe(beijing(expected));
      expect(await history('orders-db')).toEqual([rotatedId(PRODUCT_START)]);
    });

    it('does not rotate once turned off', async () => {
      await rotatingSecret();
      await client().UpdateRotationStatus({ SecretName: 'orders-db', EnableRotation: false });
      clock.advance(BEGIN + 40 * DAY_MS - clock.now());
      await client().GetSecretValue({ SecretName: 'orders-db', VersionId: 'SSM_Current' });
      expect(await history('orders-db')).toEqual([rotatedId(PRODUCT_START)]);
    });

    it('waits while the secret is Disabled and rotates on the first read after it is enabled again', async () => {
      await rotatingSecret();
      await client().DisableSecret({ SecretName: 'orders-db' });
      clock.advance(BEGIN + DAY_MS - clock.now());
      await client().DescribeSecret({ SecretName: 'orders-db' });
      expect(storedSecret(server(), 'orders-db')!.versions).toHaveLength(1);
      await client().EnableSecret({ SecretName: 'orders-db' });
      await client().GetSecretValue({ SecretName: 'orders-db', VersionId: 'SSM_Current' });
      expect(await history('orders-db')).toEqual([rotatedId(PRODUCT_START), rotatedId(BEGIN + DAY_MS)]);
    });
  });

  it('keeps the period set at creation when Frequency is not given', async () => {
    await createReadyProductSecret(client(), clock, 'orders-db', { RotationFrequency: 90 });
    await client().UpdateRotationStatus({ SecretName: 'orders-db', EnableRotation: true, RotationBeginTime: beijing(BEGIN) });
    expect((await client().DescribeRotationDetail({ SecretName: 'orders-db' })).Frequency).toBe(90);
  });

  it('answers exactly RequestId, HTTP 200 application/json', async () => {
    await createReadyProductSecret(client(), clock, 'raw');
    const response = await rawTencent(server().url, 'UpdateRotationStatus', { SecretName: 'raw', EnableRotation: false });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.json).toEqual({ Response: { RequestId: expect.stringMatching(UUID) } });
  });

  describe('refusals', () => {
    it.each([
      ['a Frequency under 30 days', { Frequency: 29 }],
      ['a Frequency over 365 days', { Frequency: 366 }],
      ['a RotationBeginTime that is no real date', { RotationBeginTime: '2025-13-01 00:00:00' }],
      ['a RotationBeginTime in another format', { RotationBeginTime: '2025-01-16T00:00:00Z' }],
    ])('refuses %s (InvalidParameterValue)', async (_case, extra) => {
      await createReadyProductSecret(client(), clock, 'orders-db');
      await expectTencentError(client().UpdateRotationStatus({ SecretName: 'orders-db', EnableRotation: true, ...extra }), 'InvalidParameterValue');
      expect((await client().DescribeRotationDetail({ SecretName: 'orders-db' })).EnableRotation).toBe(false);
    });

    it('refuses a request without EnableRotation (MissingParameter) or with a non-boolean one (InvalidParameter)', async () => {
      await createReadyProductSecret(client(), clock, 'orders-db');
      await expectRawTencentError(server().url, 'UpdateRotationStatus', { SecretName: 'orders-db' }, 'MissingParameter');
      await expectRawTencentError(server().url, 'UpdateRotationStatus', { SecretName: 'orders-db', EnableRotation: 'yes' }, 'InvalidParameter');
    });

    it('refuses a user-defined secret (UnsupportedOperation) and an unknown one (ResourceNotFound)', async () => {
      await client().CreateSecret({ SecretName: 'mine', SecretString: 's' });
      await expectTencentError(client().UpdateRotationStatus({ SecretName: 'mine', EnableRotation: true }), 'UnsupportedOperation');
      await expectTencentError(client().UpdateRotationStatus({ SecretName: 'nope', EnableRotation: true }), 'ResourceNotFound');
    });

    it('refuses a secret being created (ResourceUninitialized) or pending deletion (FailedOperation)', async () => {
      await client().CreateProductSecret(productSecretRequest('new'));
      await expectTencentError(client().UpdateRotationStatus({ SecretName: 'new', EnableRotation: true }), 'ResourceUnavailable.ResourceUninitialized');
      clock.advance(FLOW_MS);
      await client().DisableSecret({ SecretName: 'new' });
      await client().DeleteSecret({ SecretName: 'new', RecoveryWindowInDays: 7 });
      await expectTencentError(client().UpdateRotationStatus({ SecretName: 'new', EnableRotation: true }), 'FailedOperation');
    });
  });
});
