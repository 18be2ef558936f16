/**
 * What the Alibaba KMS operation suites share: the test account and its ARNs, KMS times, raw calls,
 * the checks of SDK and wire errors, and setup that goes straight through the API or the engine.
 * The SDK harness itself (clients, error normalisation, raw HTTP) is in alibaba.ts.
 */
import { parseStringPromise } from 'xml2js';
import type { SecretEngine } from '../../src/core/engine.js';
import type { Namespace, RotationSchedule, SecretRecord } from '../../src/core/model.js';
import { ManualClock } from '../../src/core/runtime.js';
import { alibabaError, rawAlibaba, type AlibabaSdk, type AlibabaSdkError } from './alibaba.js';
import { useServer, type StoreKind } from './server.js';

// The test account

/** The namespace SDK calls land in on a test server (its default Alibaba account and region). */
export const TEST_NS: Namespace = { cloud: 'alibaba', account: '1234567890123456', region: 'cn-hangzhou' };

/** The ARN KMS gives a secret of the test namespace. */
export const arnOf = (name: string): string => `acs:kms:${TEST_NS.region}:${TEST_NS.account}:secret/${name}`;

/** The parameters every TagResources/UntagResources/ListTagResources call needs. */
export const SECRET_RESOURCES = { RegionId: TEST_NS.region, ResourceType: 'secret' } as const;

// Time

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** What KMS prints for an epoch-ms instant: `YYYY-MM-DDTHH:MM:SSZ`. */
export const kmsTimeOf = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// The server

/**
 * Registers a server for the enclosing describe, on a manual clock starting at `start`, with the
 * shortcuts every suite wants: its URL and a secret of the test namespace as the engine holds it.
 */
export function useKmsServer(kind: StoreKind, start: number) {
  const clock = new ManualClock(start);
  const server = useServer(kind, { clock });
  return {
    clock,
    server,
    url: () => server().url,
    stored: (name: string): SecretRecord | undefined => server().polysecret.engine.get(TEST_NS, name),
  };
}

// Raw calls

type RawResponse = Awaited<ReturnType<typeof rawAlibaba>>;

/** A raw V1-style call with Action and Version set; `params` may override either. */
export function rpc(
  url: string,
  action: string,
  params: Record<string, string> = {},
  options: Parameters<typeof rawAlibaba>[2] = {},
): Promise<RawResponse> {
  return rawAlibaba(url, { Action: action, Version: '2016-01-20', ...params }, options);
}

/** Parses an XML body without single-element arrays, so `<A><B>x</B></A>` reads `{A:{B:'x'}}`. */
export async function parseXml(text: string): Promise<any> {
  return parseStringPromise(text, { explicitArray: false });
}

// Checks

/** The SDKs that surface the HTTP status of a failed call (pop-core ignores it, rpc-client keeps it only in its message). */
const STATUS_SDKS: readonly AlibabaSdk[] = ['openapi-client-v3', 'openapi-client-v2', 'openapi-core-v3'];

/**
 * Runs a call that must fail and checks the KMS error as `sdk` surfaces it: the Code in the body
 * (e.data.Code); `e.code` (kms20160120's rpc-client appends "Error"); the HTTP status where the SDK
 * exposes one (the openapi clients) and none where it does not; and, if given, a part of the message.
 * Returns the normalised error for further checks.
 */
export async function expectKmsError(
  sdk: AlibabaSdk,
  promise: Promise<unknown>,
  code: string,
  status: number,
  message?: string,
): Promise<AlibabaSdkError> {
  const error = await alibabaError(promise);
  expect(error.code).toBe(code);
  expect(error.data.Code).toBe(code);
  expect(error.sdkCode).toBe(sdk === 'kms20160120' ? `${code}Error` : code);
  expect(error.status).toBe(STATUS_SDKS.includes(sdk) ? status : undefined);
  if (message !== undefined) expect(error.message).toContain(message);
  return error;
}

/** Checks a raw JSON error response: status, content type and the gateway body. */
export function expectRawError(response: { status: number; headers: Headers; json: any }, code: string, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
  expect(response.json).toMatchObject({ Code: code, RequestId: expect.any(String), HostId: expect.any(String) });
  expect(typeof response.json.Message).toBe('string');
}

/** Checks a raw XML error response: status, content type and the gateway body under `<Error>`, RequestId first; returns that body. */
export async function expectRawXmlError(response: RawResponse, code: string, status: number): Promise<Record<string, string>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('text/xml;charset=utf-8');
  expect(response.text).toContain('<Error><RequestId>');
  const { Error: body } = await parseXml(response.text);
  expect(body).toMatchObject({ Code: code, RequestId: expect.any(String), HostId: expect.any(String) });
  expect(typeof body.Message).toBe('string');
  return body;
}

/** Checks a raw XML success (200, XML content type) and returns what is under `<KMS>`. */
export async function expectRawXml(response: RawResponse): Promise<any> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/xml;charset=utf-8');
  return (await parseXml(response.text)).KMS;
}

/** Checks a raw success whose body holds nothing but the RequestId, in JSON or under `<KMS>` in XML. */
export function expectRequestIdOnly(response: RawResponse, format: 'JSON' | 'XML'): void {
  expect(response.status).toBe(200);
  if (format === 'JSON') {
    expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(response.json).toEqual({ RequestId: response.headers.get('x-acs-request-id') });
  } else {
    expect(response.headers.get('content-type')).toBe('text/xml;charset=utf-8');
    expect(response.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><KMS><RequestId>[0-9a-f-]{36}<\/RequestId><\/KMS>$/);
  }
}

// Setup

/** Creates a Generic secret (data "secret-data") through the raw API; extra CreateSecret params (Description, Tags, …) may be given. */
export async function createSecret(url: string, name: string, extra: Record<string, string> = {}): Promise<any> {
  const response = await rpc(url, 'CreateSecret', { SecretName: name, VersionId: 'v1', SecretData: 'secret-data', ...extra });
  if (response.status !== 200) throw new Error(`CreateSecret ${name} failed: ${response.text}`);
  return response.json;
}

/** Adds a version to a secret through the raw API (setup: it must succeed); extra params (VersionStages, …) may be given. */
export async function putSecretValue(url: string, name: string, versionId: string, data: string, extra: Record<string, string> = {}): Promise<void> {
  const response = await rpc(url, 'PutSecretValue', { SecretName: name, VersionId: versionId, SecretData: data, ...extra });
  if (response.status !== 200) throw new Error(`PutSecretValue ${name} ${versionId} failed: ${response.text}`);
}

/** The ExtendedConfig seedManagedSecret gives a secret. */
export const SEEDED_CONFIG = { SecretSubType: 'SingleUser', DBInstanceId: 'rm-test', CustomData: { team: 'a' } };

/**
 * Puts a managed (non-Generic) secret straight into the engine, with the state the dialect
 * renders, so tests do not depend on how CreateSecret provisions managed types.
 */
export async function seedManagedSecret(
  engine: SecretEngine,
  name: string,
  state: { rotation?: RotationSchedule; dkmsInstanceId?: string } = {},
): Promise<SecretRecord> {
  return engine.create(TEST_NS, {
    name,
    alibaba: { secretType: 'Rds', extendedConfig: JSON.stringify(SEEDED_CONFIG), dkmsInstanceId: state.dkmsInstanceId },
    rotation: state.rotation ?? { enabled: false },
    firstVersion: { id: 'managed-v1', value: { type: 'string', data: '{"AccountName":"u","AccountPassword":"p"}' } },
  });
}

/** Schedules a secret's deletion directly in the engine (setup only, for suites where DeleteSecret is not under test). */
export async function scheduleDeletion(engine: SecretEngine, name: string): Promise<void> {
  const record = engine.get(TEST_NS, name);
  if (!record) throw new Error(`no secret ${name}`);
  await engine.update(record, (draft, now) => {
    draft.deletion = { requestedAt: now, purgeAt: now + 7 * DAY_MS };
  });
}

/** Version id → sorted stages of every version of a stored secret, in creation order. */
export function stagesById(record: SecretRecord | undefined): Record<string, string[]> {
  return Object.fromEntries((record?.versions ?? []).map((v) => [v.id, [...v.labels].sort()]));
}

// Tags

/** A `{TagKey, TagValue}` list as the Tags JSON parameter. */
export function tagsJson(tags: Record<string, string>): string {
  return JSON.stringify(Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })));
}

/** `count` tags `<prefix>0: v0`, `<prefix>1: v1`, … */
export function numberedTags(count: number, prefix: string): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `v${i}`]));
}

/** `ResourceId.N` parameters as the SDKs flatten a list. */
export function resourceIds(...names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name, i) => [`ResourceId.${i + 1}`, name]));
}

/** `Tag.N.Key`/`Tag.N.Value` parameters as the SDKs flatten a list of structs; a pair without a value sends the key alone. */
export function flatTags(tags: Record<string, string> | Array<[string, string?]>): Record<string, string> {
  const entries: Array<[string, string?]> = Array.isArray(tags) ? tags : Object.entries(tags);
  return Object.fromEntries(
    entries.flatMap(([key, value], i) => (value === undefined ? [[`Tag.${i + 1}.Key`, key]] : [[`Tag.${i + 1}.Key`, key], [`Tag.${i + 1}.Value`, value]])),
  );
}

/** A secret's tags in order, as DescribeSecret with FetchTags=true reports them. */
export async function describedTags(url: string, name: string): Promise<Array<{ TagKey: string; TagValue: string }>> {
  const response = await rpc(url, 'DescribeSecret', { SecretName: name, FetchTags: 'true' });
  if (response.status !== 200) throw new Error(`DescribeSecret ${name}: ${response.text}`);
  return response.json.Tags.Tag;
}

/** A secret's UpdateTime, as DescribeSecret reports it. */
export async function updateTimeOf(url: string, name: string): Promise<string> {
  return (await rpc(url, 'DescribeSecret', { SecretName: name })).json.UpdateTime;
}
