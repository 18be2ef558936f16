import type { AwsContext } from '../context.js';
import { requireWritableSecret } from '../secrets.js';

/** DeleteResourcePolicy: removes the policy; succeeds when there was none. */
export async function DeleteResourcePolicy(input: { SecretId: string }, context: AwsContext): Promise<object> {
  const record = requireWritableSecret(context, input.SecretId);
  const { record: updated } = await context.secrets.update(record, (draft, now) => {
    if (draft.resourcePolicy === undefined) return;
    delete draft.resourcePolicy;
    draft.changedAt = now;
  });
  return { ARN: updated.resourceId, Name: updated.name };
}
