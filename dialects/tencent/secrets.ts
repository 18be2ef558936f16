import type { SecretRecord } from '../../src/core/model.js';
import type { TencentContext } from './context.js';
import { ERRORS } from './errors.js';

/** The secret with this name in the caller's region, or SSM's ResourceNotFound. */
export function requireSecret(context: TencentContext, name: string): SecretRecord {
  const record = context.engine.get(context.ns, name);
  if (!record) throw ERRORS.secretNotFound();
  return record;
}

/** SSM's status of a secret: PendingDelete, a product secret's own status, or Enabled/Disabled. */
export function statusOf(record: SecretRecord): string {
  if (record.deletion) return 'PendingDelete';
  const productStatus = record.attributes.status as string | undefined;
  if (productStatus !== undefined && productStatus !== 'Enabled' && productStatus !== 'Disabled') return productStatus;
  return record.enabled ? 'Enabled' : 'Disabled';
}

/** A secret whose value may be read: Enabled only [tencent.md §2.1]. */
export function requireReadableSecret(context: TencentContext, name: string): SecretRecord {
  const record = requireSecret(context, name);
  if (record.deletion) throw ERRORS.pendingDeleted();
  if (!record.enabled) throw ERRORS.disabled();
  return record;
}

/** A secret that may be changed: Enabled or Disabled, not pending deletion [tencent.md §2.1, FailedOperation guess]. */
export function requireWritableSecret(context: TencentContext, name: string): SecretRecord {
  const record = requireSecret(context, name);
  if (record.deletion) throw ERRORS.failedOperation('The secret is pending deletion; restore it first.');
  return record;
}
