import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { tencentPolicy } from '../policy.js';
import { unixSeconds } from '../render.js';
import { requireSecret, statusOf } from '../secrets.js';

interface DeleteSecretInput {
  SecretName: string;
  RecoveryWindowInDays?: number;
  CleanSSHKey?: boolean;
  DeleteMode?: number;
}

/** SecretType of SSH key pair secrets. */
const SSH_KEY_PAIR = 2;

/**
 * DeleteSecret: a Disabled secret is deleted at once (window 0, the default) or scheduled for
 * deletion after 1–30 days. CleanSSHKey and DeleteMode are accepted; there is no CVM key pair or
 * database account to clean up here.
 */
export async function DeleteSecret(input: DeleteSecretInput, context: TencentContext): Promise<object> {
  const days = input.RecoveryWindowInDays ?? tencentPolicy.deletion.defaultWindowDays;
  const record = requireSecret(context, input.SecretName);
  // SSH key pair secrets may only be deleted at once [sdk].
  if (days > 0 && record.tencent?.secretType === SSH_KEY_PAIR) {
    throw ERRORS.invalidValue('RecoveryWindowInDays', 'SSH key pair secrets can only be deleted immediately (0).', 'SSH 密钥对凭据只能立即删除（0）。');
  }
  // Checked first: a secret pending deletion is neither Enabled nor deleted again (the policy refuses it).
  if (record.deletion) throw ERRORS.alreadyPendingDelete();
  // An enabled secret must be disabled before it can be deleted [doc].
  if (statusOf(record) === 'Enabled') throw ERRORS.deleteWhileEnabled();
  // A window of 0 deletes at once, DeleteTime then being the time it happened [inf].
  const { record: deleted, purgeAt } = await context.secrets.scheduleDeletion(record, { windowDays: days });
  // FlowID is the id of an asynchronous task; user-defined secrets have none [inf: 0].
  return { SecretName: deleted.name, DeleteTime: unixSeconds(purgeAt), FlowID: 0 };
}
