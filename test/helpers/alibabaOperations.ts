import { parseStringPromise } from 'xml2js';
import type { SecretEngine } from '../../src/core/engine.js';
import type { Namespace, SecretRecord } from '../../src/core/model.js';
import { rawAlibaba, type AlibabaSdk, type AlibabaSdkError } from './alibaba.js';

/** The namespace SDK calls land in on a test server (its default Alibaba account and region). */
export const TEST_NS: Namespace = { cloud: 'alibaba', account: '1234567890123456', region: 'cn-hangzhou' };

/** The ARN KMS gives a secret of the test namespace. */
export const arnOf = (name: string): string => `acs:kms:${TEST_NS.region}:${TEST_NS.account}:secret/${name}`;

/** What KMS prints for an epoch-ms instant: `YYYY-MM-DDTHH:MM:SSZ`. */
export const kmsTimeOf = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const DAY_MS = 86_400_000;

/** A raw V1-style call with Action and Version set; `params` may override either. */
export function rpc(
  url: string,
  action: string,
  params: Record<string, string> = {},
  options: Parameters<typeof rawAlibaba>[2] = {},
): ReturnType<typeof rawAlibaba> {
  return rawAlibaba(url, { Action: action, Version: '2016-01-20', ...params }, options);
}

/** Parses an XML body without single-element arrays, so `<A><B>x</B></A>` reads `{A:{B:'x'}}`. */
export async function parseXml(text: string): Promise<any> {
  return parseStringPromise(text, { explicitArray: false });
}

/**
 * Checks an SDK error against a KMS code and status as each SDK exposes them: the body Code is always
 * in e.data.Code; kms20160120 appends "Error" to e.code; only the openapi clients expose the status.
 */
export function expectKmsError(error: AlibabaSdkError, sdk: AlibabaSdk, code: string, status: number): void {
  expect(error.code).toBe(code);
  expect(error.data.Code).toBe(code);
  expect(error.sdkCode).toBe(sdk === 'kms20160120' ? `${code}Error` : code);
  if (sdk.startsWith('openapi')) expect(error.status).toBe(status);
}

/** Checks a raw JSON error response: status, content type and the gateway body. */
export function expectRawError(response: { status: number; headers: Headers; json: any }, code: string, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
  expect(response.json).toMatchObject({ Code: code, RequestId: expect.any(String), HostId: expect.any(String) });
  expect(typeof response.json.Message).toBe('string');
}

/** Creates a Generic secret through the raw API; extra CreateSecret params (Description, Tags, …) may be given. */
export async function createSecret(url: string, name: string, extra: Record<string, string> = {}): Promise<any> {
  const response = await rpc(url, 'CreateSecret', { SecretName: name, VersionId: 'v1', SecretData: 'secret-data', ...extra });
  if (response.status !== 200) throw new Error(`CreateSecret ${name} failed: ${response.text}`);
  return response.json;
}

/**
 * Puts a managed (non-Generic) secret straight into the engine, with the attributes the dialect
 * renders, so tests do not depend on how CreateSecret provisions managed types.
 */
export async function seedManagedSecret(
  engine: SecretEngine,
  name: string,
  attributes: SecretRecord['attributes'] = {},
): Promise<SecretRecord> {
  return engine.create(TEST_NS, {
    name,
    attributes: {
      secretType: 'Rds',
      extendedConfig: JSON.stringify({ SecretSubType: 'SingleUser', DBInstanceId: 'rm-test', CustomData: { team: 'a' } }),
      automaticRotation: 'Disabled',
      ...attributes,
    },
    firstVersion: { id: 'managed-v1', value: { type: 'string', data: '{"AccountName":"u","AccountPassword":"p"}' } },
  });
}
