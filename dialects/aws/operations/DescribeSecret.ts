import type { AwsContext } from '../context.js';
import { replicationStatus, secretMetadata, versionsToStages } from '../render.js';
import { requireSecret } from '../secrets.js';

/** DescribeSecret: metadata only, and it works on secrets scheduled for deletion. */
export async function DescribeSecret(input: { SecretId: string }, context: AwsContext): Promise<object> {
  // A scheduled rotation that has come due runs first, as on AWS it would have by now.
  const record = await context.secrets.settled(requireSecret(context, input.SecretId));
  return {
    ...secretMetadata(record),
    VersionIdsToStages: versionsToStages(record),
    ReplicationStatus: replicationStatus(record),
  };
}
