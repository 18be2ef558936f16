import type { AwsContext } from '../context.js';
import { assertNotReplica, requireSecret } from '../secrets.js';

/** RestoreSecret: cancels a scheduled deletion; restoring a live secret is a no-op success. */
export async function RestoreSecret(input: { SecretId: string }, context: AwsContext): Promise<object> {
  const record = requireSecret(context, input.SecretId);
  assertNotReplica(record);
  const { record: updated } = await context.engine.update(record, (draft, now) => {
    if (!draft.deletion) return;
    delete draft.deletion;
    draft.changedAt = now;
  });
  return { ARN: updated.resourceId, Name: updated.name };
}
