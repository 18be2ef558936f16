import type { AlibabaContext } from '../context.js';
import { rotateNow } from '../managed.js';
import type { Params } from '../params.js';
import { assertManaged, requireLiveSecret } from '../secrets.js';

/**
 * RotateSecret (managed types only): writes fresh credentials as version VersionId, which
 * becomes ACSCurrent while the old current version becomes ACSPrevious. VersionId is an
 * idempotency token: one the secret already has succeeds without rotating [doc].
 * [inf] KMS's quota of 50 rotations per hour per account is not enforced.
 */
export async function RotateSecret(params: Params, context: AlibabaContext): Promise<object> {
  const record = requireLiveSecret(context, params.required('SecretName'));
  assertManaged(record, 'RotateSecret');
  const versionId = params.required('VersionId');
  const rotated = await rotateNow(context, record, versionId);
  return { Arn: rotated.resourceId, SecretName: rotated.name, VersionId: versionId };
}
