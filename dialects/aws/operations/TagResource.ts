import type { AwsContext } from '../context.js';
import { requireWritableSecret } from '../secrets.js';
import { tagsOf } from '../values.js';

interface TagResourceInput {
  SecretId: string;
  Tags: Array<{ Key?: string; Value?: string }>;
}

/** TagResource: adds tags, overwriting the value of a key already present; keeps insertion order. */
export async function TagResource(input: TagResourceInput, context: AwsContext): Promise<object> {
  await context.secrets.tag(requireWritableSecret(context, input.SecretId), tagsOf(input.Tags));
  return {};
}
