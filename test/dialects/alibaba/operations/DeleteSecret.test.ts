import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import {
  arnOf,
  createSecret,
  DAY_MS,
  expectKmsError,
  expectRawError,
  expectRawXml,
  expectRawXmlError,
  kmsTimeOf,
  rpc,
  seedManagedSecret,
  useKmsServer,
} from '../../../helpers/alibabaOperations.js';
import { STORES } from '../../../helpers/server.js';

describe.each(STORES)('DeleteSecret (%s store)', (kind) => {
  const { clock, server, url } = useKmsServer(kind, Date.UTC(2025, 0, 15, 12, 0, 0));
  const describeSecret = (name: string) => rpc(url(), 'DescribeSecret', { SecretName: name });
  const listedNames = async (): Promise<string[]> =>
    (await rpc(url(), 'ListSecrets')).json.SecretList.Secret.map((entry: { SecretName: string }) => entry.SecretName);

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = () => alibabaClient(url(), sdk);

    it('schedules the deletion 30 days out by default, answering SecretName and PlannedDeleteTime', async () => {
      await createSecret(url(), 'app/db');
      const deleted = await call()('DeleteSecret', { SecretName: 'app/db' });
      expect(deleted).toEqual({ SecretName: 'app/db', PlannedDeleteTime: kmsTimeOf(clock.now() + 30 * DAY_MS), RequestId: expect.any(String) });
      expect((await describeSecret('app/db')).json.PlannedDeleteTime).toBe(kmsTimeOf(clock.now() + 30 * DAY_MS));
    });

    it('takes RecoveryWindowInDays', async () => {
      await createSecret(url(), 'app/db');
      const deleted = await call()('DeleteSecret', { SecretName: 'app/db', RecoveryWindowInDays: '7' });
      expect(deleted.PlannedDeleteTime).toBe(kmsTimeOf(clock.now() + 7 * DAY_MS));
    });

    it('removes the secret at once with ForceDeleteWithoutRecovery=true, PlannedDeleteTime being now', async () => {
      await createSecret(url(), 'app/db');
      const deleted = await call()('DeleteSecret', { SecretName: 'app/db', ForceDeleteWithoutRecovery: 'true' });
      expect(deleted).toEqual({ SecretName: 'app/db', PlannedDeleteTime: kmsTimeOf(clock.now()), RequestId: expect.any(String) });
      expectRawError(await describeSecret('app/db'), 'Forbidden.ResourceNotFound', 404);
    });

    it('hides the scheduled secret from GetSecretValue with Rejected.ResourceInDeleteWindow (409)', async () => {
      await createSecret(url(), 'app/db');
      await call()('DeleteSecret', { SecretName: 'app/db' });
      await expectKmsError(sdk, call()('GetSecretValue', { SecretName: 'app/db' }), 'Rejected.ResourceInDeleteWindow', 409);
    });

    it('answers Forbidden.ResourceNotFound (404) for an unknown secret, forced or not', async () => {
      await expectKmsError(sdk, call()('DeleteSecret', { SecretName: 'missing' }), 'Forbidden.ResourceNotFound', 404);
      await expectKmsError(sdk, call()('DeleteSecret', { SecretName: 'missing', ForceDeleteWithoutRecovery: 'true' }), 'Forbidden.ResourceNotFound', 404);
    });

    it('refuses RecoveryWindowInDays=31 with InvalidParameter (400)', async () => {
      await createSecret(url(), 'app/db');
      await expectKmsError(sdk, call()('DeleteSecret', { SecretName: 'app/db', RecoveryWindowInDays: '31' }), 'InvalidParameter', 400);
    });
  });

  it.each(['1', '15', '30'])('accepts a %s-day window', async (days) => {
    await createSecret(url(), 'app/db');
    const response = await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', RecoveryWindowInDays: days });
    expect(response.status).toBe(200);
    expect(response.json.PlannedDeleteTime).toBe(kmsTimeOf(clock.now() + Number(days) * DAY_MS));
  });

  it.each(['0', '31', '-1', '7.5', 'seven'])('refuses RecoveryWindowInDays=%s with InvalidParameter and leaves the secret alone', async (days) => {
    await createSecret(url(), 'app/db');
    const response = await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', RecoveryWindowInDays: days });
    expectRawError(response, 'InvalidParameter', 400);
    expect(response.json.Message).toMatch(/^The specified parameter RecoveryWindowInDays is not valid\./);
    expect((await describeSecret('app/db')).json).not.toHaveProperty('PlannedDeleteTime');
  });

  it('refuses a ForceDeleteWithoutRecovery that is not a boolean', async () => {
    await createSecret(url(), 'app/db');
    expectRawError(await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', ForceDeleteWithoutRecovery: 'yes' }), 'InvalidParameter', 400);
    expect((await describeSecret('app/db')).status).toBe(200);
  });

  it('schedules with ForceDeleteWithoutRecovery=false', async () => {
    await createSecret(url(), 'app/db');
    const response = await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', ForceDeleteWithoutRecovery: 'false', RecoveryWindowInDays: '3' });
    expect(response.json.PlannedDeleteTime).toBe(kmsTimeOf(clock.now() + 3 * DAY_MS));
  });

  it('ignores the window when forcing (still checking it)', async () => {
    await createSecret(url(), 'app/db');
    const forced = await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', ForceDeleteWithoutRecovery: 'true', RecoveryWindowInDays: '7' });
    expect(forced.json.PlannedDeleteTime).toBe(kmsTimeOf(clock.now()));
    expectRawError(await describeSecret('app/db'), 'Forbidden.ResourceNotFound', 404);
  });

  it('keeps a scheduled secret visible to DescribeSecret and ListSecrets, but not to PutSecretValue', async () => {
    await createSecret(url(), 'app/db');
    await rpc(url(), 'DeleteSecret', { SecretName: 'app/db' });
    expect((await describeSecret('app/db')).status).toBe(200);
    expect(await listedNames()).toEqual(['app/db']);
    const put = await rpc(url(), 'PutSecretValue', { SecretName: 'app/db', VersionId: 'v2', SecretData: 'new' });
    expectRawError(put, 'Rejected.ResourceInDeleteWindow', 409);
  });

  it('re-schedules a secret already pending deletion from now with the new window', async () => {
    await createSecret(url(), 'app/db');
    await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', RecoveryWindowInDays: '7' });
    clock.advance(DAY_MS);
    const again = await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', RecoveryWindowInDays: '10' });
    expect(again.status).toBe(200);
    expect(again.json.PlannedDeleteTime).toBe(kmsTimeOf(clock.now() + 10 * DAY_MS));
    expect((await describeSecret('app/db')).json.PlannedDeleteTime).toBe(kmsTimeOf(clock.now() + 10 * DAY_MS));
  });

  it('force-deletes a secret pending deletion', async () => {
    await createSecret(url(), 'app/db');
    await rpc(url(), 'DeleteSecret', { SecretName: 'app/db' });
    const forced = await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', ForceDeleteWithoutRecovery: 'true' });
    expect(forced.json).toEqual({ SecretName: 'app/db', PlannedDeleteTime: kmsTimeOf(clock.now()), RequestId: expect.any(String) });
    expect(await listedNames()).toEqual([]);
  });

  it('frees the name at once when forced: CreateSecret takes it again', async () => {
    await createSecret(url(), 'app/db');
    await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', ForceDeleteWithoutRecovery: 'true' });
    const created = await rpc(url(), 'CreateSecret', { SecretName: 'app/db', VersionId: 'fresh', SecretData: 'new' });
    expect(created.status).toBe(200);
    expect((await rpc(url(), 'GetSecretValue', { SecretName: 'app/db' })).json).toMatchObject({ VersionId: 'fresh', SecretData: 'new' });
  });

  it('refuses CreateSecret of the name while the deletion is scheduled', async () => {
    await createSecret(url(), 'app/db');
    await rpc(url(), 'DeleteSecret', { SecretName: 'app/db' });
    const created = await rpc(url(), 'CreateSecret', { SecretName: 'app/db', VersionId: 'fresh', SecretData: 'new' });
    expectRawError(created, 'Rejected.ResourceInDeleteWindow', 409);
  });

  it('purges the secret at the end of the window, not before', async () => {
    await createSecret(url(), 'app/db');
    await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', RecoveryWindowInDays: '2' });
    clock.advance(2 * DAY_MS - 1000);
    expect((await describeSecret('app/db')).status).toBe(200);
    clock.advance(1000);
    expectRawError(await describeSecret('app/db'), 'Forbidden.ResourceNotFound', 404);
    expect(await listedNames()).toEqual([]);
    expect((await rpc(url(), 'CreateSecret', { SecretName: 'app/db', VersionId: 'v1', SecretData: 'again' })).status).toBe(200);
  });

  it('deletes by ARN, answering the plain name', async () => {
    await createSecret(url(), 'by-arn');
    const response = await rpc(url(), 'DeleteSecret', { SecretName: arnOf('by-arn') });
    expect(response.json.SecretName).toBe('by-arn');
  });

  it('deletes a managed secret too', async () => {
    await seedManagedSecret(server().polysecret.engine, 'rds/app');
    const response = await rpc(url(), 'DeleteSecret', { SecretName: 'rds/app', RecoveryWindowInDays: '7' });
    expect(response.json).toMatchObject({ SecretName: 'rds/app', PlannedDeleteTime: kmsTimeOf(clock.now() + 7 * DAY_MS) });
  });

  it('answers MissingSecretName without a SecretName', async () => {
    expectRawError(await rpc(url(), 'DeleteSecret', {}), 'MissingSecretName', 400);
  });

  it('answers XML under <KMS>, and errors under <Error>', async () => {
    await createSecret(url(), 'xml');
    const ok = await rpc(url(), 'DeleteSecret', { SecretName: 'xml', Format: 'XML' });
    expect(await expectRawXml(ok)).toEqual({
      SecretName: 'xml',
      PlannedDeleteTime: kmsTimeOf(clock.now() + 30 * DAY_MS),
      RequestId: expect.any(String),
    });
    const failed = await rpc(url(), 'DeleteSecret', { SecretName: 'missing', Format: 'XML' });
    await expectRawXmlError(failed, 'Forbidden.ResourceNotFound', 404);
  });
});
