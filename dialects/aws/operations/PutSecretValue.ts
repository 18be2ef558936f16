import type { AwsContext } from '../context.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';
import { requireWritableSecret } from '../secrets.js';
import { readValue, requireToken, type ValueInput } from '../values.js';

interface PutSecretValueInput extends ValueInput {
  SecretId: string;
  VersionStages?: string[];
  RotationToken?: string;
}

/** PutSecretValue: a new version, AWSCURRENT unless other stages are named; a retry with the same token and value changes nothing [rec]. */
export async function PutSecretValue(input: PutSecretValueInput, context: AwsContext): Promise<object> {
  const value = readValue(input);
  if (!value) throw new AwsError('InvalidRequestException', MESSAGES.noValue);
  // A missing token is refused before the secret is even looked up [rec].
  const token = requireToken(input);
  const record = requireWritableSecret(context, input.SecretId);
  const { record: updated, version } = await context.secrets.putValue(record, { versionId: token, value, labels: input.VersionStages });
  return { ARN: updated.resourceId, Name: updated.name, VersionId: token, VersionStages: [...version.labels] };
}
