import type { AwsContext } from '../context.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';
import { promoteReplica } from '../replication.js';
import { requireSecret } from '../secrets.js';

/** StopReplicationToReplica: called in a replica's region, makes the replica a standalone secret. */
export async function StopReplicationToReplica(input: { SecretId: string }, context: AwsContext): Promise<object> {
  const replica = requireSecret(context, input.SecretId);
  if (!replica.replicaOf) throw new AwsError('InvalidRequestException', MESSAGES.notAReplica);
  const promoted = await promoteReplica(context, replica);
  return { ARN: promoted.resourceId };
}
