import type { AlibabaContext } from '../context.js';
import type { Params } from '../params.js';
import { alibabaPolicy } from '../policy.js';
import { kmsTime } from '../render.js';
import { requireSecret } from '../secrets.js';

/**
 * DeleteSecret: schedules the purge RecoveryWindowInDays (30 by default) from now, or with
 * ForceDeleteWithoutRecovery removes the secret at once, freeing its name. Deleting a secret
 * already pending deletion re-schedules it from now (the KMS policy's deletion rules).
 */
export async function DeleteSecret(params: Params, context: AlibabaContext): Promise<object> {
  const force = params.bool('ForceDeleteWithoutRecovery', false);
  const { defaultWindowDays, minWindowDays, maxWindowDays } = alibabaPolicy.deletion;
  // [inf] The window is still checked when forcing, then has no effect.
  const windowDays = params.int('RecoveryWindowInDays', defaultWindowDays, minWindowDays, maxWindowDays);
  const record = requireSecret(context, params.required('SecretName'));
  // A forced deletion reports the call time as PlannedDeleteTime (seen in our captures).
  const { record: deleted, purgeAt } = await context.secrets.scheduleDeletion(record, { windowDays, force });
  return { SecretName: deleted.name, PlannedDeleteTime: kmsTime(purgeAt) };
}
