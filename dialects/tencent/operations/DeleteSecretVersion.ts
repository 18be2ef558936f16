import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { isUserDefined, requireSecret } from '../secrets.js';

interface DeleteSecretVersionInput {
  SecretName: string;
  VersionId: string;
}

/** DeleteSecretVersion: removes one version at once, whatever the secret's status [doc]; user-defined secrets only. */
export async function DeleteSecretVersion(input: DeleteSecretVersionInput, context: TencentContext): Promise<object> {
  const record = requireSecret(context, input.SecretName);
  // Product secrets' versions belong to their rotation [doc]; FailedOperation is the only fitting listed code [inf].
  if (!isUserDefined(record)) throw ERRORS.failedOperation('Versions of this secret type cannot be deleted.', '该类型凭据的版本不能删除。');
  await context.secrets.deleteVersion(record, input.VersionId);
  return { SecretName: record.name, VersionId: input.VersionId };
}
