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
  useKmsServer,
} from '../../../helpers/alibabaOperations.js';
import { STORES } from '../../../helpers/server.js';

describe.each(STORES)('RestoreSecret (%s store)', (kind) => {
  const { clock, url } = useKmsServer(kind, Date.UTC(2025, 3, 1, 9, 0, 0));
  const describeSecret = (name: string) => rpc(url(), 'DescribeSecret', { SecretName: name });

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = () => alibabaClient(url(), sdk);

    it('cancels a scheduled deletion within the window: the value is readable again', async () => {
      await createSecret(url(), 'app/db');
      await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', RecoveryWindowInDays: '7' });
      clock.advance(3 * DAY_MS);
      const restored = await call()('RestoreSecret', { SecretName: 'app/db' });
      expect(restored).toEqual({ SecretName: 'app/db', RequestId: expect.any(String) });
      expect((await call()('GetSecretValue', { SecretName: 'app/db' })).SecretData).toBe('secret-data');
      expect((await describeSecret('app/db')).json).not.toHaveProperty('PlannedDeleteTime');
    });

    it('answers Forbidden.ResourceNotFound (404) for a force-deleted secret', async () => {
      await createSecret(url(), 'app/db');
      await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', ForceDeleteWithoutRecovery: 'true' });
      await expectKmsError(sdk, call()('RestoreSecret', { SecretName: 'app/db' }), 'Forbidden.ResourceNotFound', 404);
    });

    it('answers Forbidden.ResourceNotFound (404) once the window has passed', async () => {
      await createSecret(url(), 'app/db');
      await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', RecoveryWindowInDays: '1' });
      clock.advance(DAY_MS);
      await expectKmsError(sdk, call()('RestoreSecret', { SecretName: 'app/db' }), 'Forbidden.ResourceNotFound', 404);
    });
  });

  it('keeps a restored secret past its former deletion time', async () => {
    await createSecret(url(), 'app/db');
    await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', RecoveryWindowInDays: '1' });
    await rpc(url(), 'RestoreSecret', { SecretName: 'app/db' });
    clock.advance(2 * DAY_MS);
    expect((await describeSecret('app/db')).status).toBe(200);
    expect((await rpc(url(), 'GetSecretValue', { SecretName: 'app/db' })).status).toBe(200);
  });

  it('moves UpdateTime to the restore', async () => {
    await createSecret(url(), 'app/db');
    await rpc(url(), 'DeleteSecret', { SecretName: 'app/db' });
    clock.advance(DAY_MS);
    await rpc(url(), 'RestoreSecret', { SecretName: 'app/db' });
    expect((await describeSecret('app/db')).json.UpdateTime).toBe(kmsTimeOf(clock.now()));
  });

  it('refuses a secret that is not pending deletion with 409 Rejected.ResourceInUse, changing nothing', async () => {
    const createdAt = clock.now();
    await createSecret(url(), 'live');
    clock.advance(DAY_MS);
    const response = await rpc(url(), 'RestoreSecret', { SecretName: 'live' });
    expectRawError(response, 'Rejected.ResourceInUse', 409);
    expect(response.json.Message).toBe('restore normal secret');
    expect((await describeSecret('live')).json.UpdateTime).toBe(kmsTimeOf(createdAt));
  });

  it('restores by ARN, answering the plain name', async () => {
    await createSecret(url(), 'by-arn');
    await rpc(url(), 'DeleteSecret', { SecretName: 'by-arn' });
    const response = await rpc(url(), 'RestoreSecret', { SecretName: arnOf('by-arn') });
    expect(response.json.SecretName).toBe('by-arn');
    expect((await describeSecret('by-arn')).json).not.toHaveProperty('PlannedDeleteTime');
  });

  it('lets the restored secret be deleted again', async () => {
    await createSecret(url(), 'app/db');
    await rpc(url(), 'DeleteSecret', { SecretName: 'app/db' });
    await rpc(url(), 'RestoreSecret', { SecretName: 'app/db' });
    const again = await rpc(url(), 'DeleteSecret', { SecretName: 'app/db', RecoveryWindowInDays: '5' });
    expect(again.json.PlannedDeleteTime).toBe(kmsTimeOf(clock.now() + 5 * DAY_MS));
  });

  it('answers Forbidden.ResourceNotFound for a name that never existed, and MissingSecretName without one', async () => {
    expectRawError(await rpc(url(), 'RestoreSecret', { SecretName: 'never' }), 'Forbidden.ResourceNotFound', 404);
    expectRawError(await rpc(url(), 'RestoreSecret', {}), 'MissingSecretName', 400);
  });

  it('answers XML under <KMS>, and errors under <Error>', async () => {
    await createSecret(url(), 'xml');
    await rpc(url(), 'DeleteSecret', { SecretName: 'xml' });
    const ok = await rpc(url(), 'RestoreSecret', { SecretName: 'xml', Format: 'XML' });
    expect(await expectRawXml(ok)).toEqual({ SecretName: 'xml', RequestId: expect.any(String) });
    const failed = await rpc(url(), 'RestoreSecret', { SecretName: 'missing', Format: 'XML' });
    await expectRawXmlError(failed, 'Forbidden.ResourceNotFound', 404);
  });
});
