import { findVersion } from '../../../src/core/versions.js';
import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { isUserDefined, requireWritableSecret } from '../secrets.js';
import { readValue, type ValueInput } from '../values.js';

interface UpdateSecretInput extends ValueInput {
  SecretName: string;
  VersionId: string;
}

/**
 * UpdateSecret: overwrites the value of an existing version in place, keeping its id and
 * CreateTime [inf]; Enabled or Disabled user-defined secrets only.
 */
export async function UpdateSecret(input: UpdateSecretInput, context: TencentContext): Promise<object> {
  const record = requireWritableSecret(context, input.SecretName);
  if (!isUserDefined(record)) throw ERRORS.autoRotatedResource();
  const value = readValue(input);
  if (!findVersion(record, input.VersionId)) throw ERRORS.versionNotFound();
  await context.secrets.rewriteValue(record, input.VersionId, value);
  return { SecretName: record.name, VersionId: input.VersionId };
}
