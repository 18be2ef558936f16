import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import type { Params } from '../params.js';
import { MAX_TAGS, requireResourceSecrets } from '../tags.js';

/** Reads the distinct `TagKey.N` keys: at most 20, none with a reserved prefix. */
function tagKeysOf(params: Params): string[] {
  const keys = [...new Set(params.list('TagKey'))];
  if (keys.length > MAX_TAGS) throw ERRORS.invalid('TagKey', `At most ${MAX_TAGS} tag keys may be given.`);
  // Tag keys may not start with aliyun or acs: [doc].
  if (keys.some((key) => /^(aliyun|acs:)/i.test(key))) throw ERRORS.invalid('TagKey');
  return keys;
}

/** UntagResources: removes the `TagKey.N` tags (or, with `All=true` and no keys, every tag) from each secret named. */
export async function UntagResources(params: Params, context: AlibabaContext): Promise<object> {
  const keys = tagKeysOf(params);
  // All takes effect only when no tag key is given [doc].
  const all = params.bool('All', false) && keys.length === 0;
  // [inf] Neither keys nor All=true names nothing to remove: answered as the missing TagKey.
  if (keys.length === 0 && !all) throw ERRORS.missing('TagKey');
  const secrets = requireResourceSecrets(params, context);
  for (const record of secrets) await context.secrets.untag(record, all ? 'all' : keys);
  return {};
}
