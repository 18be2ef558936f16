import type { SecretRecord, SecretVersion } from '../../src/core/model.js';
import type { AlibabaContext } from './context.js';
import { ERRORS } from './errors.js';
import { kmsTime, managedMembers, stagesOf } from './render.js';
import { ACS_CURRENT, ACS_PREVIOUS, isManaged, secretTypeOf } from './secretTypes.js';
import { requireLiveSecret } from './secrets.js';
import { valueMembers } from './values.js';

/** Which version of which secret to read, as GetSecretValue and each BatchGetSecretValue item name it. */
export interface SecretValueRequest {
  secretName: string;
  versionId?: string;
  versionStage?: string;
  fetchExtendedConfig: boolean;
}

/**
 * Picks the version by VersionId, by VersionStage (ACSCurrent by default), or both, which must
 * agree [inf: Forbidden.ResourceNotFound otherwise]. Managed secrets are read by stage only,
 * ACSCurrent or ACSPrevious, and their VersionId is ignored [doc].
 */
export function selectVersion(context: AlibabaContext, versions: { id?: string; stage?: string }, record: SecretRecord): SecretVersion {
  const managed = isManaged(record);
  if (managed && versions.stage !== undefined && versions.stage !== ACS_CURRENT && versions.stage !== ACS_PREVIOUS) throw ERRORS.notFound();
  return context.secrets.selectVersion(record, { versionId: managed ? undefined : versions.id, label: versions.stage });
}

/** The members GetSecretValue answers for one version (BatchGetSecretValue repeats them per secret). */
export function secretValueMembers(record: SecretRecord, version: SecretVersion, fetchExtendedConfig: boolean): Record<string, unknown> {
  return {
    SecretName: record.name,
    SecretType: secretTypeOf(record),
    ...valueMembers(version.value),
    VersionId: version.id,
    VersionStages: stagesOf(version),
    CreateTime: kmsTime(version.createdAt),
    ...managedMembers(record, fetchExtendedConfig),
  };
}

/** Reads one version of a live secret, rotating a managed secret first when its rotation is due. */
export async function readSecretValue(context: AlibabaContext, request: SecretValueRequest): Promise<Record<string, unknown>> {
  const record = await context.secrets.settled(requireLiveSecret(context, request.secretName));
  const version = selectVersion(context, { id: request.versionId, stage: request.versionStage }, record);
  return secretValueMembers(record, version, request.fetchExtendedConfig);
}
