import type { AlibabaContext } from '../context.js';
import { rotationPolicy } from '../managed.js';
import type { Params } from '../params.js';
import { assertManaged, requireLiveSecret } from '../secrets.js';

/**
 * UpdateSecretRotationPolicy (managed types only): turns automatic rotation on, with a
 * RotationInterval that is then required [doc] and schedules the next rotation one interval
 * from now [inf], or off, which drops the interval and schedule.
 */
export async function UpdateSecretRotationPolicy(params: Params, context: AlibabaContext): Promise<object> {
  const enabled = params.bool('EnableAutomaticRotation', false);
  const record = requireLiveSecret(context, params.required('SecretName'));
  assertManaged(record, 'UpdateSecretRotationPolicy');
  const { record: updated } = await context.secrets.update(record, (draft, now) => {
    // The last rotation time outlives a change of policy.
    draft.rotation = { ...rotationPolicy(enabled, params.get('RotationInterval'), now), lastAt: draft.rotation?.lastAt };
    draft.changedAt = now;
  });
  return { SecretName: updated.name };
}
