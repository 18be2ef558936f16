import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import type { Params } from '../params.js';
import { requireTaggedSecret } from '../tags.js';

/** Reads `TagKeys`, a JSON array of 1–128-character keys. */
function tagKeysOf(params: Params): string[] {
  const keys = params.json('TagKeys');
  const valid = (key: unknown) => typeof key === 'string' && key.length >= 1 && key.length <= 128;
  // [inf] An empty key list is refused like any other malformed TagKeys value.
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every(valid)) throw ERRORS.invalid('TagKeys');
  return keys as string[];
}

/** UntagResource: removes tags from one secret by key; keys it does not carry are ignored. */
export async function UntagResource(params: Params, context: AlibabaContext): Promise<object> {
  const keys = tagKeysOf(params);
  const record = requireTaggedSecret(params, context);
  await context.secrets.untag(record, keys);
  return {};
}
