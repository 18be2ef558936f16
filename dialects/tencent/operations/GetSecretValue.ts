import { findVersion } from '../../../src/core/versions.js';
import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { DEFAULT_VERSION_ID } from '../policy.js';
import { valueMembers } from '../render.js';
import { currentVersion, isRotatedSecret } from '../rotation.js';
import { requireReadableSecret, requireSecret } from '../secrets.js';

interface GetSecretValueInput {
  SecretName: string;
  VersionId: string;
  EncryptionPublicKey?: string;
  EncryptionAlgorithm?: string;
}

/**
 * GetSecretValue: the value of one version, named by id (SSM has no "latest" default). For product
 * secrets `SSM_Current` names the live (newest rotated) version [doc]; a due rotation happens first.
 */
export async function GetSecretValue(input: GetSecretValueInput, context: TencentContext): Promise<object> {
  await context.secrets.settled(requireSecret(context, input.SecretName));
  const record = requireReadableSecret(context, input.SecretName);
  const aliased = isRotatedSecret(record) && input.VersionId === DEFAULT_VERSION_ID;
  // The answer echoes the VersionId asked for, SSM_Current included [inf].
  const version = aliased ? currentVersion(record) : findVersion(record, input.VersionId);
  if (!version?.value) throw ERRORS.versionNotFound();
  return { SecretName: record.name, VersionId: input.VersionId, ...valueMembers(version.value) };
}
