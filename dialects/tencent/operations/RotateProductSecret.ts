import { findVersion } from '../../../src/core/versions.js';
import type { SecretRecord } from '../../../src/core/model.js';
import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { newFlowId, runningFlow, startFlow } from '../flows.js';
import { requireRotatedSecret, rotatedVersionId } from '../rotation.js';
import { requireReadableSecret } from '../secrets.js';

interface RotateProductSecretInput {
  SecretName: string;
}

/** A rotation still running, or one already made this second (version ids have one-second resolution), blocks another [inf]. */
function checkNotRotating(record: SecretRecord, now: number): void {
  if (runningFlow(record, 'rotate', now) || findVersion(record, rotatedVersionId(now))) throw ERRORS.rotationInProgress();
}

/**
 * RotateProductSecret: rotates an Enabled product secret now — a new `SSM_Rotate_<time>` version
 * with fresh credentials becomes the live one (`SSM_Current`) at once — and returns the FlowID of
 * the rotation task, which reports running for its first second [inf: the real task's length varies].
 */
export async function RotateProductSecret(input: RotateProductSecretInput, context: TencentContext): Promise<object> {
  await requireRotatedSecret(context, input.SecretName);
  // Only Enabled secrets rotate [sdk]: PendingDelete, Creating and Disabled are refused as reads are.
  const record = requireReadableSecret(context, input.SecretName);
  checkNotRotating(record, context.secrets.now());
  const flowId = newFlowId(context);
  await context.secrets.rotate(record, {
    alsoChange: (draft, now) => {
      checkNotRotating(draft, now);
      startFlow(draft.tencent!, flowId, 'rotate', now);
    },
  });
  return { FlowID: flowId };
}
