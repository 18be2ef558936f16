import { findVersion } from '../../../src/core/versions.js';
import type { SecretRecord } from '../../../src/core/model.js';
import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { newFlowId, runningFlow, startFlow } from '../flows.js';
import { addRotatedVersion, requireRotatedSecret, rotatedVersionId } from '../rotation.js';
import { requireReadableSecret } from '../secrets.js';

interface RotateProductSecretInput {
  SecretName: string;
}

/** A rotation still running, or one already made this second (version ids have one-second resolution), blocks another [guess]. */
function checkNotRotating(record: SecretRecord, now: number): void {
  if (runningFlow(record, 'rotate', now) || findVersion(record, rotatedVersionId(now))) throw ERRORS.rotationInProgress();
}

/**
 * RotateProductSecret: rotates an Enabled product secret now — a new `SSM_Rotate_<time>` version
 * with fresh credentials becomes the live one (`SSM_Current`) at once — and returns the FlowID of
 * the rotation task, which reports running for its first second [guess: the real task's length varies].
 */
export async function RotateProductSecret(input: RotateProductSecretInput, context: TencentContext): Promise<object> {
  await requireRotatedSecret(context, input.SecretName);
  // Only Enabled secrets rotate [SDK docs]: PendingDelete, Creating and Disabled are refused as reads are.
  const record = requireReadableSecret(context, input.SecretName);
  checkNotRotating(record, context.engine.now());
  const flowId = newFlowId(context);
  await context.engine.update(record, (draft, now) => {
    checkNotRotating(draft, now);
    addRotatedVersion(draft, context, now);
    startFlow(draft.attributes, flowId, 'rotate', now);
    draft.changedAt = now;
  });
  return { FlowID: flowId };
}
