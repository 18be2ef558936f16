import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import type { Params } from '../params.js';
import { assertGeneric, requireLiveSecret } from '../secrets.js';

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
  // One of the two is required [doc]; the reserved stages need a target (the policy's move-only labels) [doc]; both are InvalidParameter [inf].
  if (moveTo === undefined && removeFrom === undefined) throw ERRORS.invalid('MoveToVersion', 'Specify MoveToVersion or RemoveFromVersion.');
  const updated = await context.secrets.moveLabel(record, stage, { to: moveTo, from: removeFrom });
  return { SecretName: updated.name };
}
