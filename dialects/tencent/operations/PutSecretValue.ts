import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { isUserDefined, requireWritableSecret } from '../secrets.js';
import { readValue, type ValueInput } from '../values.js';

interface PutSecretValueInput extends ValueInput {
  SecretName: string;
  VersionId: string;
}

/**
 * PutSecretValue: a new version under a new id, on an Enabled or Disabled user-defined secret.
 * An id in use is ResourceInUse.VersionIdExists; an 11th version is LimitExceeded (SSM's policy).
 */
export async function PutSecretValue(input: PutSecretValueInput, context: TencentContext): Promise<object> {
  const record = requireWritableSecret(context, input.SecretName);
  // Product secrets are written by their rotation only [sdk: error list].
  if (!isUserDefined(record)) throw ERRORS.autoRotatedResource();
  const value = readValue(input);
  await context.secrets.putValue(record, { versionId: input.VersionId, value, labels: [] });
  return { SecretName: record.name, VersionId: input.VersionId };
}
