import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { requireSecret } from '../secrets.js';

interface RestoreSecretInput {
  SecretName: string;
}

/** RestoreSecret: cancels a scheduled deletion; the secret comes back Disabled [docs]. */
export async function RestoreSecret(input: RestoreSecretInput, context: TencentContext): Promise<object> {
  const record = requireSecret(context, input.SecretName);
  // Only a PendingDelete secret can be restored [guess: FailedOperation otherwise].
  if (!record.deletion) throw ERRORS.notPendingDelete();
  await context.engine.update(record, (draft, now) => {
    delete draft.deletion;
    draft.enabled = false;
    draft.changedAt = now;
  });
  return { SecretName: record.name };
}
