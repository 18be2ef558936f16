import type { AlibabaContext } from '../context.js';
import type { Params } from '../params.js';
import { kmsTime } from '../render.js';
import { requireSecret } from '../secrets.js';

const DAY_MS = 86_400_000;
const DEFAULT_WINDOW_DAYS = 30;
// [inf] KMS documents no bounds for RecoveryWindowInDays; 1 to 30 days are accepted.
const MIN_WINDOW_DAYS = 1;
const MAX_WINDOW_DAYS = 30;

/**
 * DeleteSecret: schedules the purge RecoveryWindowInDays (30 by default) from now, or with
 * ForceDeleteWithoutRecovery removes the secret at once, freeing its name.
 */
export async function DeleteSecret(params: Params, context: AlibabaContext): Promise<object> {
  const force = params.bool('ForceDeleteWithoutRecovery', false);
  // [inf] The window is still checked when forcing, then has no effect.
  const windowDays = params.int('RecoveryWindowInDays', DEFAULT_WINDOW_DAYS, MIN_WINDOW_DAYS, MAX_WINDOW_DAYS);
  const record = requireSecret(context, params.required('SecretName'));
  if (force) {
    await context.engine.purge(record);
    // A forced deletion reports the call time as PlannedDeleteTime (seen in our captures).
    return { SecretName: record.name, PlannedDeleteTime: kmsTime(context.engine.now()) };
  }
  // [inf] Deleting a secret already pending deletion re-schedules it from now with the new window.
  const { record: updated } = await context.engine.update(record, (draft, now) => {
    draft.deletion = { requestedAt: now, purgeAt: now + windowDays * DAY_MS };
  });
  return { SecretName: updated.name, PlannedDeleteTime: kmsTime(updated.deletion!.purgeAt) };
}
