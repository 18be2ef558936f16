import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import type { Params } from '../params.js';
import { mergeTags } from '../../../src/core/tags.js';
import { alibabaPolicy } from '../policy.js';
import { requireResourceSecrets, structTags } from '../tags.js';

/** TagResources: adds the `Tag.N` tags to every secret `ResourceId.N` names; all or none. */
export async function TagResources(params: Params, context: AlibabaContext): Promise<object> {
  const added = structTags(params, 'Tag').map(({ key, value }) => ({ key, value: value ?? '' }));
  if (added.length === 0) throw ERRORS.missing('Tag');
  const secrets = requireResourceSecrets(params, context);
  // Every secret is checked against the tag cap before any changes, so a refusal leaves all untouched.
  for (const record of secrets) mergeTags(record.tags, added, alibabaPolicy);
  for (const record of secrets) await context.secrets.tag(record, added);
  return {};
}
