import type { AwsContext } from '../context.js';
import { requireWritableSecret } from '../secrets.js';

/** UntagResource: removes tags by key; absent keys are ignored, and removing all leaves `Tags: []` [rec]. */
export async function UntagResource(input: { SecretId: string; TagKeys: string[] }, context: AwsContext): Promise<object> {
  const record = requireWritableSecret(context, input.SecretId);
  const removed = new Set(input.TagKeys);
  await context.engine.update(record, (draft, now) => {
    draft.tags = (draft.tags ?? []).filter((tag) => !removed.has(tag.key));
    draft.changedAt = now;
  });
  return {};
}
