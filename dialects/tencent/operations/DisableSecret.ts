import type { TencentContext } from '../context.js';
import { setEnabled } from '../secrets.js';

interface DisableSecretInput {
  SecretName: string;
}

/** DisableSecret: Enabled → Disabled; disabling a Disabled secret succeeds [inf]; PendingDelete is refused. */
export async function DisableSecret(input: DisableSecretInput, context: TencentContext): Promise<object> {
  const record = await setEnabled(context, input.SecretName, false);
  return { SecretName: record.name };
}
