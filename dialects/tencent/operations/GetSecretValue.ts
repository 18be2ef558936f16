import { findVersion } from '../../../src/core/versions.js';
import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { valueMembers } from '../render.js';
import { requireReadableSecret } from '../secrets.js';

interface GetSecretValueInput {
  SecretName: string;
  VersionId: string;
  EncryptionPublicKey?: string;
  EncryptionAlgorithm?: string;
}

/** GetSecretValue: the value of one version, named by id (SSM has no "latest" default). */
export async function GetSecretValue(input: GetSecretValueInput, context: TencentContext): Promise<object> {
  const record = requireReadableSecret(context, input.SecretName);
  const version = findVersion(record, input.VersionId);
  if (!version?.value) throw ERRORS.versionNotFound();
  return { SecretName: record.name, VersionId: version.id, ...valueMembers(version.value) };
}
