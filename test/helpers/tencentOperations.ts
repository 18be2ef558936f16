import type { Namespace, SecretRecord } from '../../src/core/model.js';
import type { TestServer } from './server.js';
import { rawTencent, tencentError, type SsmClientType, type TencentSdkError } from './tencent.js';

/** The namespace SDK calls land in on a test server (its default Tencent account and region). */
export const TENCENT_NS: Namespace = { cloud: 'tencent', account: '100000000001', region: 'ap-guangzhou' };

/** A request id as SSM prints it: a lowercase uuid. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const DAY_MS = 86_400_000;

/** Awaits an SDK call that must fail with `code`, checks its request id, and returns the exception. */
export async function expectTencentError(promise: Promise<unknown>, code: string): Promise<TencentSdkError> {
  const error = await tencentError(promise);
  expect(error.code).toBe(code);
  expect(error.requestId).toMatch(UUID);
  return error;
}

/** A raw TC3 JSON call that must fail: HTTP 200, `application/json`, `{Response:{Error:{Code,Message},RequestId}}`; returns the Error. */
export async function expectRawTencentError(
  url: string,
  action: string,
  body: unknown,
  code: string,
  headers: Record<string, string> = {},
): Promise<{ Code: string; Message: string }> {
  const response = await rawTencent(url, action, body, headers);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(Object.keys(response.json)).toEqual(['Response']);
  expect(Object.keys(response.json.Response).sort()).toEqual(['Error', 'RequestId']);
  expect(response.json.Response.RequestId).toMatch(UUID);
  expect(Object.keys(response.json.Response.Error).sort()).toEqual(['Code', 'Message']);
  expect(response.json.Response.Error.Code).toBe(code);
  return response.json.Response.Error;
}

/** DisableSecret through the SDK. */
export async function disableSecret(client: SsmClientType, name: string): Promise<void> {
  await client.DisableSecret({ SecretName: name });
}

/** Disables a secret and schedules its deletion in `days` days (PendingDelete). */
export async function scheduleDeletion(client: SsmClientType, name: string, days = 7): Promise<void> {
  await client.DisableSecret({ SecretName: name });
  await client.DeleteSecret({ SecretName: name, RecoveryWindowInDays: days });
}

/**
 * Puts a cloud-product secret (SecretType 1) straight into the engine with one version, so tests of
 * the "user-defined only" rules do not depend on how CreateProductSecret provisions one.
 */
export async function createProductSecret(server: TestServer, name: string): Promise<SecretRecord> {
  return server.polysecret.engine.create(TENCENT_NS, {
    name,
    tencent: { secretType: 1, productName: 'Mysql', resourceSuffix: 'abc' },
    firstVersion: { id: 'SSM_Current', value: { type: 'string', data: '{"UserName":"u","Password":"p"}' }, labels: [] },
  });
}

/** The stored record of a secret in the test namespace. */
export function storedSecret(server: TestServer, name: string): SecretRecord | undefined {
  return server.polysecret.engine.get(TENCENT_NS, name);
}
