import type { SecretRecord } from '../../../src/core/model.js';
import type { AwsContext } from '../context.js';
import { requireWritableSecret } from '../secrets.js';
import { readValue, requireToken, type ValueInput } from '../values.js';

interface UpdateSecretInput extends ValueInput {
  SecretId: string;
  Description?: string;
  KmsKeyId?: string;
  Type?: string;
}

/** UpdateSecret: changes metadata and, with a value, adds an AWSCURRENT version; tags are left alone. */
export async function UpdateSecret(input: UpdateSecretInput, context: AwsContext): Promise<object> {
  const value = readValue(input);
  // A new value without a token is refused before the secret is even looked up [rec].
  const token = value ? requireToken(input) : undefined;
  const record = requireWritableSecret(context, input.SecretId);
  const changeMetadata = (draft: SecretRecord) => {
    if (input.Description !== undefined) draft.description = input.Description;
    if (input.KmsKeyId !== undefined) draft.kmsKeyId = input.KmsKeyId || undefined;
    if (input.Type !== undefined) draft.aws = { ...draft.aws, type: input.Type };
  };
  const updated =
    value && token
      ? (await context.secrets.putValue(record, { versionId: token, value }, changeMetadata)).record
      : (
          await context.secrets.update(record, (draft, now) => {
            changeMetadata(draft);
            draft.changedAt = now;
          })
        ).record;
  // Only a new value makes a version, and only then is VersionId returned [rec].
  return { ARN: updated.resourceId, Name: updated.name, VersionId: token };
}
