import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import type { Params } from '../params.js';
import { jsonTags, requireTaggedSecret } from '../tags.js';

/** TagResource: adds tags (JSON `Tags`) to one secret, overwriting the value of a key it already has. */
export async function TagResource(params: Params, context: AlibabaContext): Promise<object> {
  const added = jsonTags(params, 'Tags') ?? [];
  // [inf] An empty tag list is refused like any other malformed Tags value.
  if (added.length === 0) throw ERRORS.invalid('Tags');
  const record = requireTaggedSecret(params, context);
  await context.secrets.tag(record, added);
  return {};
}
