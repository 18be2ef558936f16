import type { AwsContext } from '../context.js';
import { assertNotReplica, requireSecret } from '../secrets.js';

/** RestoreSecret: cancels a scheduled deletion; restoring a live secret is a no-op success (the AWS policy's deletion rules). */
export async function RestoreSecret(input: { SecretId: string }, context: AwsContext): Promise<object> {
  const record = requireSecret(context, input.SecretId);
  assertNotReplica(record);
  const updated = await context.secrets.cancelDeletion(record);
  return { ARN: updated.resourceId, Name: updated.name };
}
