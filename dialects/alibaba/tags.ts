import type { SecretRecord, Tag } from '../../src/core/model.js';
import { alibabaPolicy } from './policy.js';
import type { AlibabaContext } from './context.js';
import { ERRORS } from './errors.js';
import type { Params } from './params.js';
import { requireLiveSecret } from './secrets.js';

/** Most tags one request may name: a secret's cap [doc]. */
export const MAX_TAGS = alibabaPolicy.tags.maxPerSecret;
/** Most `ResourceId.N` one TagResources/UntagResources/ListTagResources call may name [doc]. */
export const MAX_RESOURCE_IDS = 50;

function validTag(key: unknown, value: unknown): key is string {
  return (
    typeof key === 'string' &&
    typeof value === 'string' &&
    key.length >= 1 &&
    key.length <= 128 &&
    value.length <= 128 &&
    // Keys starting with aliyun or acs: are reserved for the platform [doc].
    !/^(aliyun|acs:)/i.test(key)
  );
}

/** Reads tags given as a JSON string `[{"TagKey":…,"TagValue":…}]`; undefined when absent. */
export function jsonTags(params: Params, name: string): Tag[] | undefined {
  const raw = params.json(name);
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length > MAX_TAGS) throw ERRORS.invalid(name);
  return raw.map((item: { TagKey?: unknown; TagValue?: unknown }) => {
    if (typeof item !== 'object' || item === null || !validTag(item.TagKey, item.TagValue ?? '')) throw ERRORS.invalid(name);
    return { key: item.TagKey as string, value: (item.TagValue ?? '') as string };
  });
}

/** Reads repeated `Name.N.Key`/`Name.N.Value` tags (at most 20); an absent Value stays undefined. */
export function structTags(params: Params, name: string): Array<{ key: string; value?: string }> {
  const items = params.structs(name, ['Key', 'Value']);
  if (items.length > MAX_TAGS) throw ERRORS.invalid(name, `At most ${MAX_TAGS} tags may be given.`);
  return items.map(({ Key, Value }) => {
    if (!validTag(Key, Value ?? '')) throw ERRORS.invalid(name);
    return { key: Key, value: Value };
  });
}

/** The distinct `ResourceId.N` values (secret names or ARNs), at most 50. */
export function resourceIds(params: Params): string[] {
  const ids = [...new Set(params.list('ResourceId'))];
  if (ids.length > MAX_RESOURCE_IDS) throw ERRORS.invalid('ResourceId', `At most ${MAX_RESOURCE_IDS} resources may be given.`);
  return ids;
}

/** The secrets `ResourceId.N` names for a tag change: at least one, each existing and not pending deletion [inf: as UpdateSecret]. */
export function requireResourceSecrets(params: Params, context: AlibabaContext): SecretRecord[] {
  const ids = resourceIds(params);
  if (ids.length === 0) throw ERRORS.missing('ResourceId');
  const secrets = new Map<string, SecretRecord>();
  for (const id of ids) {
    const record = requireLiveSecret(context, id);
    secrets.set(record.key, record);
  }
  return [...secrets.values()];
}

const RESOURCE_PARAMS = ['SecretName', 'KeyId', 'CertificateId'] as const;

/** The secret TagResource/UntagResource names: exactly one of SecretName, KeyId, CertificateId may be given [doc]. */
export function requireTaggedSecret(params: Params, context: AlibabaContext): SecretRecord {
  const given = RESOURCE_PARAMS.filter((name) => params.get(name) !== undefined);
  // [inf] Naming none is answered as the missing SecretName, the only resource polysecret holds.
  if (given.length === 0) throw ERRORS.missing('SecretName');
  if (given.length > 1) throw ERRORS.invalid(given[1], 'Only one of KeyId, SecretName and CertificateId may be given.');
  // polysecret holds secrets only, so a key or certificate is one KMS cannot find.
  if (given[0] !== 'SecretName') throw ERRORS.notFound();
  // [inf] Tags of a secret pending deletion are frozen, as its other metadata is (Rejected.ResourceInDeleteWindow).
  return requireLiveSecret(context, params.required('SecretName'));
}
