import { recoveryWindowDays } from '../../../src/core/deletion.js';
import type { AwsContext } from '../context.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';
import { awsPolicy, secretArn } from '../policy.js';
import { epochSeconds } from '../render.js';
import { assertNotReplica, assertValidName, findSecret } from '../secrets.js';

interface DeleteSecretInput {
  SecretId: string;
  RecoveryWindowInDays?: number;
  ForceDeleteWithoutRecovery?: boolean;
}

/** DeleteSecret: schedules deletion after a 7–30 day window (30 by default), or purges at once when forced. */
export async function DeleteSecret(input: DeleteSecretInput, context: AwsContext): Promise<object> {
  const force = input.ForceDeleteWithoutRecovery === true;
  const window = input.RecoveryWindowInDays;
  if (force && window !== undefined) throw new AwsError('InvalidParameterException', MESSAGES.forceWithWindow);
  // The window is checked before the secret is looked up [rec].
  recoveryWindowDays(awsPolicy, window);
  const record = findSecret(context, input.SecretId);
  if (!record) {
    if (!force) throw new AwsError('ResourceNotFoundException', MESSAGES.secretNotFound);
    // Force-deleting a secret that does not exist succeeds, echoing the id [rec].
    assertValidName(input.SecretId.startsWith('arn:') ? 'arn' : input.SecretId);
    const arn = input.SecretId.startsWith('arn:')
      ? input.SecretId
      : secretArn(context.ns.region, context.ns.account, input.SecretId, context.secrets.ids.alphanumeric(6));
    return { ARN: arn, Name: input.SecretId, DeletionDate: epochSeconds(context.secrets.now()) };
  }
  assertNotReplica(record);
  if (record.replicas?.length) {
    // The regions in the primary's ReplicationStatus order, which AWS keeps in its answer [obs: rebuy-de/aws-nuke#1127].
    const regions = record.replicas.map((replica) => replica.region);
    throw new AwsError('InvalidParameterException', MESSAGES.deleteWithReplicas(record.resourceId, regions));
  }
  const { record: deleted, purgeAt } = await context.secrets.scheduleDeletion(record, { windowDays: window, force });
  return { ARN: deleted.resourceId, Name: deleted.name, DeletionDate: epochSeconds(purgeAt) };
}
