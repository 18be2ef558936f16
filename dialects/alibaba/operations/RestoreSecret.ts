import type { AlibabaContext } from '../context.js';
import type { Params } from '../params.js';
import { ERRORS } from '../errors.js';
import { requireSecret } from '../secrets.js';

/**
 * RestoreSecret: cancels a scheduled deletion within its window. A secret past its window or
 * force-deleted no longer exists (Forbidden.ResourceNotFound).
 */
export async function RestoreSecret(params: Params, context: AlibabaContext): Promise<object> {
  const record = requireSecret(context, params.required('SecretName'));
  if (!record.deletion) throw ERRORS.restoreNotDeleted();
  const { record: updated } = await context.engine.update(record, (draft, now) => {
    delete draft.deletion;
    draft.changedAt = now;
  });
  return { SecretName: updated.name };
}
