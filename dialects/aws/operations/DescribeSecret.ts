import type { AwsContext } from '../context.js';
import { replicationStatus, secretMetadata, versionsToStages } from '../render.js';
import { requireSecret } from '../secrets.js';

/** DescribeSecret: metadata only, and it works on secrets scheduled for deletion. */
export async function DescribeSecret(input: { SecretId: string }, context: AwsContext): Promise<object> {
  const record = requireSecret(context, input.SecretId);
  return {
    ...secretMetadata(record),
    VersionIdsToStages: versionsToStages(record),
    ReplicationStatus: replicationStatus(record),
  };
}
