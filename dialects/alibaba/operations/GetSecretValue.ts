import type { SecretVersion } from '../../../src/core/model.js';
import { findVersion, versionWithLabel } from '../../../src/core/versions.js';
import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { rotateIfDue } from '../managed.js';
import { ACS_CURRENT } from '../policy.js';
import type { Params } from '../params.js';
import { kmsTime, managedMembers, secretTypeOf, stagesOf } from '../render.js';
import { requireLiveSecret } from '../secrets.js';
import { valueMembers } from '../values.js';

/** Picks the version by VersionId, by VersionStage (ACSCurrent by default), or both, which must agree. */
export function selectVersion(versions: { id?: string; stage?: string }, record: Parameters<typeof findVersion>[0]): SecretVersion {
  const version =
    versions.id !== undefined ? findVersion(record, versions.id) : versionWithLabel(record, versions.stage ?? ACS_CURRENT);
  if (!version?.value) throw ERRORS.notFound();
  if (versions.id !== undefined && versions.stage !== undefined && !version.labels.includes(versions.stage)) throw ERRORS.notFound();
  return version;
}

/** GetSecretValue: one version's data with its stages. */
export async function GetSecretValue(params: Params, context: AlibabaContext): Promise<object> {
  const record = await rotateIfDue(context, requireLiveSecret(context, params.required('SecretName')));
  // A DryRun request only checks the call, and KMS answers it with DryRunOperationError [doc].
  if (params.bool('DryRun', false)) throw ERRORS.dryRun();
  const version = selectVersion({ id: params.get('VersionId'), stage: params.get('VersionStage') }, record);
  return {
    SecretName: record.name,
    SecretType: secretTypeOf(record),
    ...valueMembers(version.value),
    VersionId: version.id,
    VersionStages: stagesOf(version),
    CreateTime: kmsTime(version.createdAt),
    ...managedMembers(record, params.bool('FetchExtendedConfig', false)),
  };
}
