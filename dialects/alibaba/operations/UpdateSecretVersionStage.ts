import type { SecretRecord } from '../../../src/core/model.js';
import { attachLabel, findVersion, removeLabel, versionWithLabel } from '../../../src/core/versions.js';
import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import type { Params } from '../params.js';
import { ACS_CURRENT, ACS_PREVIOUS } from '../policy.js';
import { assertGeneric, requireLiveSecret } from '../secrets.js';

/** The versions a request names must exist [inf: Forbidden.ResourceNotFound]. */
function requireVersions(record: SecretRecord, ids: Array<string | undefined>): void {
  for (const id of ids) if (id !== undefined && !findVersion(record, id)) throw ERRORS.notFound();
}

/**
 * UpdateSecretVersionStage (Generic secrets only): moves a stage to MoveToVersion and/or takes it
 * off RemoveFromVersion, which must then hold it; a move alone takes the stage off whichever
 * version held it [inf]. ACSCurrent and ACSPrevious can only be moved, never just removed [doc];
 * moving ACSCurrent makes its old holder ACSPrevious, as PutSecretValue does [inf].
 */
export async function UpdateSecretVersionStage(params: Params, context: AlibabaContext): Promise<object> {
  const record = requireLiveSecret(context, params.required('SecretName'));
  assertGeneric(record, 'UpdateSecretVersionStage');
  const stage = params.required('VersionStage');
  const moveTo = params.get('MoveToVersion');
  const removeFrom = params.get('RemoveFromVersion');
  // One of the two is required [doc]; the reserved stages need a target [doc]; both are InvalidParameter [inf].
  if (moveTo === undefined && removeFrom === undefined) throw ERRORS.invalid('MoveToVersion', 'Specify MoveToVersion or RemoveFromVersion.');
  if (moveTo === undefined && (stage === ACS_CURRENT || stage === ACS_PREVIOUS)) throw ERRORS.invalid('MoveToVersion', `${stage} can only be moved.`);
  requireVersions(record, [moveTo, removeFrom]);
  if (removeFrom !== undefined && versionWithLabel(record, stage)?.id !== removeFrom) throw ERRORS.invalid('RemoveFromVersion');
  const policy = context.engine.policyFor(record.namespace.cloud);
  const { record: updated } = await context.engine.update(record, (draft, now) => {
    if (moveTo !== undefined) {
      const target = findVersion(draft, moveTo)!;
      attachLabel(draft, policy, stage, target);
      if (target.labels.length > policy.maxLabelsPerVersion) throw ERRORS.limitExceeded();
    } else removeLabel(findVersion(draft, removeFrom!)!, stage);
    draft.changedAt = now;
  });
  return { SecretName: updated.name };
}
