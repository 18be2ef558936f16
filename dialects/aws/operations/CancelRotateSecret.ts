import type { AwsContext } from '../context.js';
import { AWSCURRENT, AWSPENDING } from '../policy.js';
import { requireWritableSecret } from '../secrets.js';

/**
 * CancelRotateSecret: turns scheduled rotation off, keeping the function and rules for a later
 * RotateSecret [doc]. A rotation left unfinished keeps its AWSPENDING version, whose id is answered
 * so the caller can clear it [doc: "This version might not be complete"].
 */
export async function CancelRotateSecret(input: { SecretId: string }, context: AwsContext): Promise<object> {
  const record = requireWritableSecret(context, input.SecretId);
  const { record: updated } = await context.secrets.update(record, (draft, now) => {
    draft.rotation = { ...draft.rotation, enabled: false, nextAt: undefined };
    draft.changedAt = now;
  });
  const pending = updated.versions.find((version) => version.labels.includes(AWSPENDING) && !version.labels.includes(AWSCURRENT));
  return { ARN: updated.resourceId, Name: updated.name, VersionId: pending?.id };
}
