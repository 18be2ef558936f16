import type { AwsContext } from '../context.js';
import { requireWritableSecret } from '../secrets.js';

/** UntagResource: removes tags by key; absent keys are ignored, and removing all leaves `Tags: []` [rec]. */
export async function UntagResource(input: { SecretId: string; TagKeys: string[] }, context: AwsContext): Promise<object> {
  await context.secrets.untag(requireWritableSecret(context, input.SecretId), input.TagKeys);
  return {};
}
