import type { AwsContext } from '../context.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';
import { secretArn } from '../policy.js';
import { epochSeconds } from '../render.js';
import { assertNotReplica, assertValidName, findSecret } from '../secrets.js';

interface DeleteSecretInput {
  SecretId: string;
  RecoveryWindowInDays?: number;
  ForceDeleteWithoutRecovery?: boolean;
}

const DAY_MS = 86_400_000;
const DEFAULT_WINDOW_DAYS = 30;

/** DeleteSecret: schedules deletion after a 7–30 day window, or purges at once when forced. */
export async function DeleteSecret(input: DeleteSecretInput, context: AwsContext): Promise<object> {
  const force = input.ForceDeleteWithoutRecovery === true;
  const window = input.RecoveryWindowInDays;
  if (force && window !== undefined) throw new AwsError('InvalidParameterException', MESSAGES.forceWithWindow);
  if (window !== undefined && (window < 7 || window > 30)) throw new AwsError('InvalidParameterException', MESSAGES.recoveryWindowRange);
  const record = findSecret(context, input.SecretId);
  const now = context.engine.now();
  if (!record) {
    if (!force) throw new AwsError('ResourceNotFoundException', MESSAGES.secretNotFound);
    // Force-deleting a secret that does not exist succeeds, echoing the id [rec].
    assertValidName(input.SecretId.startsWith('arn:') ? 'arn' : input.SecretId);
    const arn = input.SecretId.startsWith('arn:')
      ? input.SecretId
      : secretArn(context.ns.region, context.ns.account, input.SecretId, context.engine.ids.alphanumeric(6));
    return { ARN: arn, Name: input.SecretId, DeletionDate: epochSeconds(now) };
  }
  assertNotReplica(record);
  if (record.replicas?.length) {
    const regions = record.replicas.map((replica) => replica.region);
    throw new AwsError('InvalidRequestException', MESSAGES.deleteWithReplicas(record.resourceId, regions));
  }
  if (force) {
    await context.engine.purge(record);
    return { ARN: record.resourceId, Name: record.name, DeletionDate: epochSeconds(now) };
  }
  if (record.deletion) throw new AwsError('InvalidRequestException', MESSAGES.alreadyMarkedDeleted);
  const { record: updated } = await context.engine.update(record, (draft, at) => {
    draft.deletion = { requestedAt: at, purgeAt: at + (window ?? DEFAULT_WINDOW_DAYS) * DAY_MS };
  });
  return { ARN: updated.resourceId, Name: updated.name, DeletionDate: epochSeconds(updated.deletion!.purgeAt) };
}
