import type { SecretRecord, SecretVersion } from '../../../src/core/model.js';
import { findVersion, versionWithLabel } from '../../../src/core/versions.js';
import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { rotateIfDue } from '../managed.js';
import { ACS_CURRENT, ACS_PREVIOUS } from '../policy.js';
import type { Params } from '../params.js';
import { kmsTime, managedMembers, secretTypeOf, stagesOf } from '../render.js';
import { requireLiveSecret } from '../secrets.js';
import { valueMembers } from '../values.js';

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
export function selectVersion(versions: { id?: string; stage?: string }, record: SecretRecord): SecretVersion {
  const managed = secretTypeOf(record) !== 'Generic';
  const id = managed ? undefined : versions.id;
  if (managed && versions.stage !== undefined && versions.stage !== ACS_CURRENT && versions.stage !== ACS_PREVIOUS) throw ERRORS.notFound();
  const version = id !== undefined ? findVersion(record, id) : versionWithLabel(record, versions.stage ?? ACS_CURRENT);
  if (!version?.value) throw ERRORS.notFound();
  if (id !== undefined && versions.stage !== undefined && !version.labels.includes(versions.stage)) throw ERRORS.notFound();
  return version;
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
  const record = await rotateIfDue(context, requireLiveSecret(context, request.secretName));
  const version = selectVersion({ id: request.versionId, stage: request.versionStage }, record);
  return secretValueMembers(record, version, request.fetchExtendedConfig);
}

/** GetSecretValue: one version's data with its stages. */
export async function GetSecretValue(params: Params, context: AlibabaContext): Promise<object> {
  const request: SecretValueRequest = {
    secretName: params.required('SecretName'),
    versionId: params.get('VersionId'),
    versionStage: params.get('VersionStage'),
    fetchExtendedConfig: params.bool('FetchExtendedConfig', false),
  };
  if (params.bool('DryRun', false)) {
    // A dry run reports the error the call would meet, else DryRunOperationError, and reads nothing [doc].
    selectVersion({ id: request.versionId, stage: request.versionStage }, requireLiveSecret(context, request.secretName));
    throw ERRORS.dryRun();
  }
  return readSecretValue(context, request);
}
