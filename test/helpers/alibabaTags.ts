import type { SecretEngine } from '../../src/core/engine.js';
import { alibabaClient, alibabaError, rawAlibaba, type AlibabaSdk, type AlibabaSdkError } from './alibaba.js';

/** The namespace the test server's Alibaba dialect uses by default. */
export const ALIBABA_NS = { cloud: 'alibaba', account: '1234567890123456', region: 'cn-hangzhou' } as const;

/** The parameters every TagResources/UntagResources/ListTagResources call needs. */
export const SECRET_RESOURCES = { RegionId: 'cn-hangzhou', ResourceType: 'secret' } as const;

/** The SDKs that surface the HTTP status of a failed call (pop-core ignores it, rpc-client keeps it only in its message). */
const STATUS_SDKS: readonly AlibabaSdk[] = ['openapi-client-v3', 'openapi-client-v2', 'openapi-core-v3'];

/** A `{TagKey, TagValue}` list as the Tags JSON parameter. */
export function tagsJson(tags: Record<string, string>): string {
  return JSON.stringify(Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })));
}

/** Creates a Generic secret through the current openapi-client, optionally with tags. */
export async function createSecret(url: string, name: string, tags?: Record<string, string>): Promise<void> {
  const params: Record<string, string> = { SecretName: name, VersionId: 'v1', SecretData: 'data' };
  if (tags) params.Tags = tagsJson(tags);
  await alibabaClient(url, 'openapi-client-v3')('CreateSecret', params);
}

/** A secret's tags in order, as DescribeSecret with FetchTags=true reports them. */
export async function describedTags(url: string, name: string): Promise<Array<{ TagKey: string; TagValue: string }>> {
  const response = await rawAlibaba(url, { Action: 'DescribeSecret', Version: '2016-01-20', SecretName: name, FetchTags: 'true' });
  if (response.status !== 200) throw new Error(`DescribeSecret ${name}: ${response.text}`);
  return response.json.Tags.Tag;
}

/** A secret's UpdateTime, as DescribeSecret reports it. */
export async function updateTimeOf(url: string, name: string): Promise<string> {
  const response = await rawAlibaba(url, { Action: 'DescribeSecret', Version: '2016-01-20', SecretName: name });
  return response.json.UpdateTime;
}

/** Schedules a secret's deletion directly in the engine (setup only; DeleteSecret is not under test). */
export async function scheduleDeletion(engine: SecretEngine, name: string): Promise<void> {
  const record = engine.get(ALIBABA_NS, name);
  if (!record) throw new Error(`no secret ${name}`);
  await engine.update(record, (draft, now) => {
    draft.deletion = { requestedAt: now, purgeAt: now + 7 * 86_400_000 };
  });
}

/**
 * Runs a call that must fail and checks it as `sdk` surfaces it: the KMS Code in the body,
 * `e.code` (kms20160120 appends "Error"), and the HTTP status where the SDK exposes one.
 */
export async function expectKmsError(sdk: AlibabaSdk, promise: Promise<unknown>, code: string, status: number): Promise<AlibabaSdkError> {
  const error = await alibabaError(promise);
  expect(error.code).toBe(code);
  expect(error.data.Code).toBe(code);
  expect(error.sdkCode).toBe(sdk === 'kms20160120' ? `${code}Error` : code);
  if (STATUS_SDKS.includes(sdk)) expect(error.status).toBe(status);
  return error;
}
