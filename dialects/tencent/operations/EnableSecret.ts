import type { TencentContext } from '../context.js';
import { setEnabled } from '../secrets.js';

interface EnableSecretInput {
  SecretName: string;
}

/** EnableSecret: Disabled → Enabled; enabling an Enabled secret succeeds [inf]; PendingDelete is refused. */
export async function EnableSecret(input: EnableSecretInput, context: TencentContext): Promise<object> {
  const record = await setEnabled(context, input.SecretName, true);
  return { SecretName: record.name };
}
