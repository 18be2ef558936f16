import { CoreError } from '../../../src/core/errors.js';
import { findVersion, valueBytes } from '../../../src/core/versions.js';
import type { TencentContext } from '../context.js';
import { ERRORS, fromCoreError } from '../errors.js';
import { isUserDefined, requireWritableSecret } from '../secrets.js';
import { readValue, type ValueInput } from '../values.js';

interface UpdateSecretInput extends ValueInput {
  SecretName: string;
  VersionId: string;
}

/**
 * UpdateSecret: overwrites the value of an existing version in place, keeping its id and
 * CreateTime [guess, tencent.md §3]; Enabled or Disabled user-defined secrets only.
 */
export async function UpdateSecret(input: UpdateSecretInput, context: TencentContext): Promise<object> {
  const record = requireWritableSecret(context, input.SecretName);
  if (!isUserDefined(record)) throw ERRORS.autoRotatedResource();
  const value = readValue(input);
  if (!findVersion(record, input.VersionId)) throw ERRORS.versionNotFound();
  const limit = context.engine.policyFor('tencent').maxValueBytes;
  if (valueBytes(value) > limit) throw fromCoreError(new CoreError('InvalidParameter', 'value-too-large', { limit: String(limit) }));
  await context.engine.update(record, (draft, now) => {
    const version = findVersion(draft, input.VersionId);
    if (!version) throw ERRORS.versionNotFound();
    // The core treats versions as immutable, but SSM's UpdateSecret rewrites one: the draft's
    // version gets a fresh value object (never mutating the shared one); createdAt stays.
    version.value = { ...value };
    draft.changedAt = now;
  });
  return { SecretName: record.name, VersionId: input.VersionId };
}
