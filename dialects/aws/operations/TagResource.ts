import type { AwsContext } from '../context.js';
import { requireWritableSecret } from '../secrets.js';
import { readTags } from './CreateSecret.js';

interface TagResourceInput {
  SecretId: string;
  Tags: Array<{ Key?: string; Value?: string }>;
}

/** TagResource: adds tags, overwriting the value of a key already present; keeps insertion order. */
export async function TagResource(input: TagResourceInput, context: AwsContext): Promise<object> {
  const record = requireWritableSecret(context, input.SecretId);
  await context.engine.update(record, (draft, now) => {
    const tags = draft.tags ?? [];
    for (const tag of readTags(input.Tags)) {
      const existing = tags.find((t) => t.key === tag.key);
      if (existing) existing.value = tag.value;
      else tags.push(tag);
    }
    draft.tags = tags;
    draft.changedAt = now;
  });
  return {};
}
