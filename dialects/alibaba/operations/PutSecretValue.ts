import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import type { Params } from '../params.js';
import { stagesOf } from '../render.js';
import { assertGeneric, requireLiveSecret } from '../secrets.js';
import { valueOf } from '../values.js';

const MAX_STAGE_LENGTH = 64;

/**
 * The VersionStages parameter: current docs send `["ACSCurrent","X"]`, the 2021 docs
 * `{"VersionStage":["ACSCurrent"]}` — both are accepted [doc]. Undefined when absent.
 */
function versionStagesOf(params: Params): string[] | undefined {
  const raw = params.json('VersionStages');
  if (raw === undefined) return undefined;
  const stages = Array.isArray(raw) ? raw : (raw as { VersionStage?: unknown } | null)?.VersionStage;
  // An empty list would leave the new version without stages, deprecated on arrival [inf: refused].
  if (!Array.isArray(stages) || stages.length === 0) throw ERRORS.invalid('VersionStages');
  for (const stage of stages) {
    if (typeof stage !== 'string' || stage.length === 0 || stage.length > MAX_STAGE_LENGTH) throw ERRORS.invalid('VersionStages');
  }
  return stages as string[];
}

/**
 * PutSecretValue (Generic secrets only): stores a new version, ACSCurrent unless VersionStages
 * says otherwise; moving ACSCurrent makes the old current version ACSPrevious. Repeating a
 * VersionId with the same data succeeds and changes nothing; with other data it is
 * Rejected.ResourceExist [inf]. The oldest unstaged version goes beyond 10 versions [doc].
 */
export async function PutSecretValue(params: Params, context: AlibabaContext): Promise<object> {
  const record = requireLiveSecret(context, params.required('SecretName'));
  assertGeneric(record, 'PutSecretValue');
  const versionId = params.required('VersionId');
  const value = valueOf(params);
  const stages = versionStagesOf(params);
  const { record: updated, version } = await context.secrets.putValue(record, { versionId, value, labels: stages });
  return { SecretName: updated.name, VersionId: version.id, VersionStages: stagesOf(version) };
}
