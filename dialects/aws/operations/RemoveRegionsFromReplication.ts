import type { AwsContext } from '../context.js';
import { removeReplicas } from '../replication.js';
import { replicationStatus } from '../render.js';
import { requireWritableSecret } from '../secrets.js';

/** RemoveRegionsFromReplication: deletes the replicas in the named regions. */
export async function RemoveRegionsFromReplication(
  input: { SecretId: string; RemoveReplicaRegions: string[] },
  context: AwsContext,
): Promise<object> {
  const primary = requireWritableSecret(context, input.SecretId);
  const updated = await removeReplicas(context, primary, input.RemoveReplicaRegions);
  return { ARN: updated.resourceId, ReplicationStatus: replicationStatus(updated) ?? [] };
}
