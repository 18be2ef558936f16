import Kms, { GetSecretValueRequest } from '@alicloud/kms20160120';
import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import * as $Util from '@alicloud/tea-util';
import { CreateSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ALIBABA_KEY } from '../../helpers/alibaba.js';
import { addFault, clearFaults, hitsOf } from '../../helpers/faults.js';
import { useServer } from '../../helpers/server.js';
import { tencentClient, tencentError } from '../../helpers/tencent.js';

/** The AWS SDK v3 with its default retry strategy (standard, 3 attempts), unlike the suites' single-attempt helper. */
function retryingAws(url: string, maxAttempts?: number): SecretsManagerClient {
  return new SecretsManagerClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts });
}

/** The class a CommonJS package exports, however deep ESM interop nests it. */
function classOf(module: unknown): any {
  let candidate = module as { default?: unknown };
  while (typeof candidate !== 'function' && candidate?.default) candidate = candidate.default as { default?: unknown };
  return candidate;
}

/** The KMS SDK's GetSecretValue with retries asked for: autoretry on, 3 attempts. */
function kmsGet(url: string, name: string): Promise<unknown> {
  const client = new (classOf(Kms))({ ...ALIBABA_KEY, endpoint: new URL(url).host, protocol: 'http', regionId: 'cn-hangzhou' });
  return client.getSecretValueEx(new GetSecretValueRequest({ secretName: name }), new $Util.RuntimeOptions({ autoretry: true, maxAttempts: 3 }));
}

/** openapi-client's generic callApi (V3 signature, as the current generated SDKs) with autoretry on and 3 attempts. */
function openApiGet(url: string, name: string): Promise<unknown> {
  const client = new (classOf(OpenApi))(new $OpenApi.Config({ ...ALIBABA_KEY, endpoint: new URL(url).host, protocol: 'http' }));
  const api = new $OpenApi.Params({ action: 'GetSecretValue', version: '2016-01-20', protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'json', bodyType: 'json' });
  return client.callApi(api, new $OpenApi.OpenApiRequest({ query: { SecretName: name } }), new $Util.RuntimeOptions({ autoretry: true, maxAttempts: 3 }));
}

async function failure(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('what each SDK does with injected faults', () => {
  const server = useServer('memory');
  const url = () => server().url;

  beforeEach(async () => {
    await clearFaults(url());
  });

  describe('AWS SDK v3 (standard retry mode)', () => {
    it('retries a ThrottlingException and succeeds when the rule covers only the first two calls', async () => {
      await retryingAws(url()).send(new CreateSecretCommand({ Name: 'app/db', SecretString: 's3cr3t' }));
      await addFault(url(), { id: 'throttle-2', match: { cloud: 'aws', action: 'GetSecretValue' }, effect: { kind: 'throttle' }, times: 2 });
      const secret = await retryingAws(url()).send(new GetSecretValueCommand({ SecretId: 'app/db' }));
      expect(secret.SecretString).toBe('s3cr3t');
      expect(secret.$metadata.attempts).toBe(3);
      expect(await hitsOf(url(), 'throttle-2')).toBe(2);
    });

    it('retries an InternalServiceError (a 500) too, and gives up after its 3 attempts with the vendor code', async () => {
      await addFault(url(), { id: 'internal', match: { cloud: 'aws' }, effect: { kind: 'internal' } });
      const error = await failure(retryingAws(url()).send(new GetSecretValueCommand({ SecretId: 'app/db' })));
      expect([error.name, error.$metadata.httpStatusCode, error.$metadata.attempts]).toEqual(['InternalServiceError', 500, 3]);
      expect(await hitsOf(url(), 'internal')).toBe(3);
    });

    it('sees a dropped connection as a network error (and retries it); the server keeps serving', async () => {
      await addFault(url(), { id: 'drop', match: { cloud: 'aws' }, effect: { kind: 'drop' } });
      const error = await failure(retryingAws(url(), 2).send(new GetSecretValueCommand({ SecretId: 'app/db' })));
      expect(error.$metadata?.httpStatusCode).toBeUndefined();
      // The node handler reports the reset as "socket hang up", which the SDK wraps as a TimeoutError and retries.
      expect(error.message).toMatch(/socket hang up/);
      expect(error.$metadata.attempts).toBe(2);
      expect(await hitsOf(url(), 'drop')).toBe(2);
      await clearFaults(url());
      await retryingAws(url()).send(new CreateSecretCommand({ Name: 'after-drop', SecretString: 'ok' }));
    });
  });

  describe('Alibaba SDKs (Tea runtime: autoretry retries only its own RetryError, never an HTTP error)', () => {
    it('kms20160120 surfaces Rejected.Throttling at once, even with autoretry on and maxAttempts 3', async () => {
      await addFault(url(), { id: 'throttle', match: { cloud: 'alibaba' }, effect: { kind: 'throttle' } });
      const error = await failure(kmsGet(url(), 'app-db'));
      // rpc-client appends "Error" to the code; the body keeps KMS's own.
      expect([error.code, error.data.Code, error.message]).toEqual(['Rejected.ThrottlingError', 'Rejected.Throttling', expect.stringMatching(/code: 429, QPS Limit Exceeded requestid: /)]);
      expect(await hitsOf(url(), 'throttle')).toBe(1);
    });

    it('openapi-client surfaces InternalFailure at once, with autoretry on', async () => {
      await addFault(url(), { id: 'internal', match: { cloud: 'alibaba' }, effect: { kind: 'internal' } });
      const error = await failure(openApiGet(url(), 'app-db'));
      expect([error.code, error.data.statusCode]).toEqual(['InternalFailure', 500]);
      expect(await hitsOf(url(), 'internal')).toBe(1);
    });

    it('surfaces a dropped connection as a network error without retrying; the server keeps serving', async () => {
      await addFault(url(), { id: 'drop', match: { cloud: 'alibaba' }, effect: { kind: 'drop' } });
      for (const call of [kmsGet, openApiGet]) {
        const error = await failure(call(url(), 'app-db'));
        expect(String(error.code ?? error.message)).toMatch(/ECONNRESET|socket hang up/i);
      }
      expect(await hitsOf(url(), 'drop')).toBe(2);
      await clearFaults(url());
      expect(await failure(kmsGet(url(), 'app-db'))).toMatchObject({ data: { Code: 'Forbidden.ResourceNotFound' } });
    });
  });

  describe('Tencent SDK (no retries)', () => {
    it('surfaces RequestLimitExceeded and InternalError with the vendor code after one call', async () => {
      await addFault(url(), { id: 'throttle', match: { cloud: 'tencent', secretName: 'limited' }, effect: { kind: 'throttle' } });
      await addFault(url(), { id: 'internal', match: { cloud: 'tencent', secretName: 'broken' }, effect: { kind: 'internal' } });
      const limited = await tencentError(tencentClient(url()).GetSecretValue({ SecretName: 'limited', VersionId: 'v1' }));
      expect([limited.code, limited.requestId]).toEqual(['RequestLimitExceeded', expect.any(String)]);
      const broken = await tencentError(tencentClient(url()).GetSecretValue({ SecretName: 'broken', VersionId: 'v1' }));
      expect(broken.code).toBe('InternalError');
      expect([await hitsOf(url(), 'throttle'), await hitsOf(url(), 'internal')]).toEqual([1, 1]);
    });

    it('raises a non-200 status as an HTTP error without a code', async () => {
      await addFault(url(), { match: { cloud: 'tencent' }, effect: { kind: 'error', code: 'ServiceUnavailable', status: 503 } });
      const error = (await tencentError(tencentClient(url()).GetSecretValue({ SecretName: 'x', VersionId: 'v1' }))) as { code?: string; httpCode?: number };
      expect([error.code, error.httpCode]).toEqual([undefined, 503]);
    });

    it('surfaces a dropped connection as a network error; the server keeps serving', async () => {
      await addFault(url(), { id: 'drop', match: { cloud: 'tencent' }, effect: { kind: 'drop' } });
      const error = await tencentError(tencentClient(url()).GetSecretValue({ SecretName: 'x', VersionId: 'v1' }));
      expect([error.code, error.requestId]).toEqual([undefined, '']);
      expect(error.message).toMatch(/socket hang up|ECONNRESET|other side closed|fetch failed/i);
      expect(await hitsOf(url(), 'drop')).toBe(1);
      await clearFaults(url());
      expect((await tencentError(tencentClient(url()).GetSecretValue({ SecretName: 'x', VersionId: 'v1' }))).code).toBe('ResourceNotFound');
    });
  });
});
