import type { SecretRecord } from '../../src/core/model.js';
import type { TencentContext } from './context.js';
import { ERRORS } from './errors.js';

/** The secret with this name in the caller's region, or SSM's ResourceNotFound. */
export function requireSecret(context: TencentContext, name: string): SecretRecord {
  const record = context.secrets.get(context.ns, name);
  if (!record) throw ERRORS.secretNotFound();
  return record;
}

/** SSM's status of a secret: PendingDelete, a product secret's own status, or Enabled/Disabled. */
export function statusOf(record: SecretRecord): string {
  if (record.deletion) return 'PendingDelete';
  const productStatus = record.tencent?.status;
  if (productStatus !== undefined && productStatus !== 'Enabled' && productStatus !== 'Disabled') return productStatus;
  return record.enabled ? 'Enabled' : 'Disabled';
}

/** A secret whose value may be read: Enabled only [doc]. */
export function requireReadableSecret(context: TencentContext, name: string): SecretRecord {
  const record = requireSecret(context, name);
  if (record.deletion) throw ERRORS.pendingDeleted();
  // A product secret whose creation flow still runs has no usable value yet [inf].
  if (statusOf(record) === 'Creating') throw ERRORS.uninitialized();
  if (!record.enabled) throw ERRORS.disabled();
  return record;
}

/** A secret that may be changed: Enabled or Disabled, not pending deletion [doc; the code FailedOperation is inf]. */
export function requireWritableSecret(context: TencentContext, name: string): SecretRecord {
  const record = requireSecret(context, name);
  if (record.deletion) throw ERRORS.failedOperation('The secret is pending deletion; restore it first.', '凭据处于待删除状态，请先恢复。');
  return record;
}

/**
 * Enables or disables a secret (EnableSecret / DisableSecret). Already in that state is a no-op
 * success [inf]; a secret pending deletion must be restored first [doc; the code FailedOperation is inf].
 */
export async function setEnabled(context: TencentContext, name: string, enabled: boolean): Promise<SecretRecord> {
  const record = requireSecret(context, name);
  if (record.deletion) throw ERRORS.stillPendingDelete();
  if (record.enabled === enabled) return record;
  const { record: updated } = await context.secrets.update(record, (draft, now) => {
    draft.enabled = enabled;
    draft.changedAt = now;
  });
  return updated;
}

/** True for a user-defined secret (SecretType 0), the only kind whose versions clients write [doc]. */
export function isUserDefined(record: SecretRecord): boolean {
  return (record.tencent?.secretType ?? 0) === 0;
}
