import type { TencentContext } from '../context.js';
import { requireSecret } from '../secrets.js';

interface RestoreSecretInput {
  SecretName: string;
}

/**
 * RestoreSecret: cancels a scheduled deletion; the secret comes back Disabled [doc]. Only a
 * PendingDelete secret can be restored [inf: FailedOperation otherwise]; both are SSM's policy.
 */
export async function RestoreSecret(input: RestoreSecretInput, context: TencentContext): Promise<object> {
  const record = await context.secrets.cancelDeletion(requireSecret(context, input.SecretName));
  return { SecretName: record.name };
}
