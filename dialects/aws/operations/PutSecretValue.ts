import { findVersion } from '../../../src/core/versions.js';
import type { AwsContext } from '../context.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';
import { requireWritableSecret } from '../secrets.js';
import { addAwsVersion } from '../staging.js';
import { readValue, requireToken, tokenOutcome, type ValueInput } from '../values.js';

interface PutSecretValueInput extends ValueInput {
  SecretId: string;
  VersionStages?: string[];
  RotationToken?: string;
}

/** PutSecretValue: a new version, AWSCURRENT unless other stages are named. */
export async function PutSecretValue(input: PutSecretValueInput, context: AwsContext): Promise<object> {
  const value = readValue(input);
  if (!value) throw new AwsError('InvalidRequestException', MESSAGES.noValue);
  // A missing token is refused before the secret is even looked up [rec].
  const token = requireToken(input);
  const record = requireWritableSecret(context, input.SecretId);
  const outcome = tokenOutcome(record, token, value);
  const { record: updated } = await context.engine.update(record, (draft, now) => {
    if (outcome === 'repeat') return;
    if (outcome === 'fill') findVersion(draft, token)!.value = value;
    else addAwsVersion(draft, { id: token, value, labels: input.VersionStages, now });
    draft.changedAt = now;
  });
  const version = findVersion(updated, token)!;
  return { ARN: updated.resourceId, Name: updated.name, VersionId: token, VersionStages: [...version.labels] };
}
