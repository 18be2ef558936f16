import type { AwsContext } from '../context.js';
import { requireWritableSecret } from '../secrets.js';

interface UpdateSecretVersionStageInput {
  SecretId: string;
  VersionStage: string;
  RemoveFromVersionId?: string;
  MoveToVersionId?: string;
}

/**
 * UpdateSecretVersionStage: moves a label to a version or detaches it. Moving a label that sits on
 * another version requires naming that version in RemoveFromVersionId, and moving AWSCURRENT
 * leaves AWSPREVIOUS on the old current version [rec]: both are the AWS policy's label rules.
 */
export async function UpdateSecretVersionStage(input: UpdateSecretVersionStageInput, context: AwsContext): Promise<object> {
  const record = requireWritableSecret(context, input.SecretId);
  const updated = await context.secrets.moveLabel(record, input.VersionStage, { to: input.MoveToVersionId, from: input.RemoveFromVersionId });
  return { ARN: updated.resourceId, Name: updated.name };
}
