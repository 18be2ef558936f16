import type { AlibabaContext } from '../context.js';
import type { Params } from '../params.js';
import { requireSecret } from '../secrets.js';

/**
 * RestoreSecret: cancels a scheduled deletion within its window. A secret past its window or
 * force-deleted no longer exists (Forbidden.ResourceNotFound).
 */
export async function RestoreSecret(params: Params, context: AlibabaContext): Promise<object> {
  const record = requireSecret(context, params.required('SecretName'));
  // [inf] Restoring a secret that is not pending deletion succeeds and changes nothing.
  if (!record.deletion) return { SecretName: record.name };
  const { record: updated } = await context.engine.update(record, (draft, now) => {
    delete draft.deletion;
    draft.changedAt = now;
  });
  return { SecretName: updated.name };
}
