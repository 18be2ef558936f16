import type { AwsContext } from '../context.js';
import { replicateTo, type ReplicaRegionInput } from '../replication.js';
import { replicationStatus } from '../render.js';
import { requireWritableSecret } from '../secrets.js';

interface ReplicateSecretToRegionsInput {
  SecretId: string;
  AddReplicaRegions: ReplicaRegionInput[];
  ForceOverwriteReplicaSecret?: boolean;
}

/** ReplicateSecretToRegions: adds read-only replicas in other regions. */
export async function ReplicateSecretToRegions(input: ReplicateSecretToRegionsInput, context: AwsContext): Promise<object> {
  const primary = requireWritableSecret(context, input.SecretId);
  const updated = await replicateTo(context, primary, input.AddReplicaRegions, input.ForceOverwriteReplicaSecret ?? false);
  return { ARN: updated.resourceId, ReplicationStatus: replicationStatus(updated) ?? [] };
}
