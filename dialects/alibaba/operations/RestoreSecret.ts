import type { AlibabaContext } from '../context.js';
import type { Params } from '../params.js';
import { requireSecret } from '../secrets.js';

/**
 * RestoreSecret: cancels a scheduled deletion within its window; on a secret not pending deletion
 * it is 409 Rejected.ResourceInUse [doc]. A secret past its window or force-deleted no longer
 * exists (Forbidden.ResourceNotFound).
 */
export async function RestoreSecret(params: Params, context: AlibabaContext): Promise<object> {
  const updated = await context.secrets.cancelDeletion(requireSecret(context, params.required('SecretName')));
  return { SecretName: updated.name };
}
