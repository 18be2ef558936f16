import { findVersion } from '../../../src/core/versions.js';
import type { AwsContext } from '../context.js';
import { requireWritableSecret } from '../secrets.js';
import { addAwsVersion } from '../staging.js';
import { readValue, requireToken, tokenOutcome, type ValueInput } from '../values.js';

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
  const outcome = value && token ? tokenOutcome(record, token, value) : undefined;
  const { record: updated } = await context.engine.update(record, (draft, now) => {
    if (input.Description !== undefined) draft.description = input.Description;
    if (input.KmsKeyId !== undefined) draft.kmsKeyId = input.KmsKeyId || undefined;
    if (input.Type !== undefined) draft.attributes.type = input.Type;
    if (value && token && outcome === 'new') addAwsVersion(draft, { id: token, value, now });
    if (value && token && outcome === 'fill') findVersion(draft, token)!.value = value;
    draft.changedAt = now;
  });
  // Only a new value makes a version, and only then is VersionId returned [rec].
  return { ARN: updated.resourceId, Name: updated.name, VersionId: token };
}
