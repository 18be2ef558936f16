import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { unixSeconds } from '../render.js';
import { requireSecret, statusOf } from '../secrets.js';

interface DeleteSecretInput {
  SecretName: string;
  RecoveryWindowInDays?: number;
  CleanSSHKey?: boolean;
  DeleteMode?: number;
}

const DAY_MS = 86_400_000;
/** SecretType of SSH key pair secrets. */
const SSH_KEY_PAIR = 2;

/**
 * DeleteSecret: a Disabled secret is deleted at once (window 0, the default) or scheduled for
 * deletion after 1–30 days. CleanSSHKey and DeleteMode are accepted; there is no CVM key pair or
 * database account to clean up here.
 */
export async function DeleteSecret(input: DeleteSecretInput, context: TencentContext): Promise<object> {
  const days = input.RecoveryWindowInDays ?? 0;
  const record = requireSecret(context, input.SecretName);
  // SSH key pair secrets may only be deleted at once [SDK docs].
  if (days > 0 && record.attributes.secretType === SSH_KEY_PAIR) {
    throw ERRORS.invalidValue('RecoveryWindowInDays', 'SSH key pair secrets can only be deleted immediately (0).', 'SSH 密钥对凭据只能立即删除（0）。');
  }
  const status = statusOf(record);
  if (status === 'PendingDelete') throw ERRORS.alreadyPendingDelete();
  // An enabled secret must be disabled before it can be deleted [docs].
  if (status === 'Enabled') throw ERRORS.deleteWhileEnabled();
  if (days === 0) {
    await context.engine.purge(record);
    // DeleteTime of an immediate deletion: the time it happened [guess].
    return { SecretName: record.name, DeleteTime: unixSeconds(context.engine.now()), FlowID: 0 };
  }
  const { record: updated } = await context.engine.update(record, (draft, now) => {
    draft.deletion = { requestedAt: now, purgeAt: now + days * DAY_MS };
    draft.changedAt = now;
  });
  // FlowID is the id of an asynchronous task; user-defined secrets have none [guess: 0].
  return { SecretName: updated.name, DeleteTime: unixSeconds(updated.deletion!.purgeAt), FlowID: 0 };
}
