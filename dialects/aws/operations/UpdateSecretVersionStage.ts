import { attachLabel, findVersion, removeLabel, versionWithLabel } from '../../../src/core/versions.js';
import type { AwsContext } from '../context.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';
import { awsPolicy } from '../policy.js';
import { requireWritableSecret } from '../secrets.js';

interface UpdateSecretVersionStageInput {
  SecretId: string;
  VersionStage: string;
  RemoveFromVersionId?: string;
  MoveToVersionId?: string;
}

/**
 * UpdateSecretVersionStage: moves a label to a version or detaches it. Moving a label that
 * sits on another version requires naming that version in RemoveFromVersionId [rec];
 * moving AWSCURRENT leaves AWSPREVIOUS on the old current version [rec].
 */
export async function UpdateSecretVersionStage(input: UpdateSecretVersionStageInput, context: AwsContext): Promise<object> {
  const record = requireWritableSecret(context, input.SecretId);
  const { VersionStage: label, MoveToVersionId: moveTo, RemoveFromVersionId: removeFrom } = input;
  for (const id of [moveTo, removeFrom]) {
    if (id !== undefined && !findVersion(record, id)) throw new AwsError('ResourceNotFoundException', MESSAGES.versionNotFound(id));
  }
  const holder = versionWithLabel(record, label);
  if (removeFrom !== undefined && holder?.id !== removeFrom) {
    throw new AwsError('InvalidParameterException', MESSAGES.labelNotOnVersion(label, removeFrom));
  }
  if (moveTo !== undefined && holder && holder.id !== moveTo && removeFrom === undefined) {
    throw new AwsError('InvalidParameterException', MESSAGES.removeFromVersionRequired(label, holder.id));
  }
  const { record: updated } = await context.engine.update(record, (draft, now) => {
    if (moveTo !== undefined) {
      const target = findVersion(draft, moveTo)!;
      attachLabel(draft, awsPolicy, label, target);
      // A version carries at most 20 labels [model]; throwing here leaves the secret untouched.
      if (target.labels.length > awsPolicy.maxLabelsPerVersion) throw new AwsError('LimitExceededException', MESSAGES.tooManyLabels);
    } else if (removeFrom !== undefined) removeLabel(findVersion(draft, removeFrom)!, label);
    draft.changedAt = now;
  });
  return { ARN: updated.resourceId, Name: updated.name };
}
