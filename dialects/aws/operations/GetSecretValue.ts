import type { AwsContext } from '../context.js';
import { recordAccess, selectVersion } from '../access.js';
import { assertNotDeleted, requireSecret } from '../secrets.js';
import { secretValueOf } from '../render.js';

interface GetSecretValueInput {
  SecretId: string;
  VersionId?: string;
  VersionStage?: string;
}

/** GetSecretValue: one version's value, by id and/or stage (AWSCURRENT by default). */
export async function GetSecretValue(input: GetSecretValueInput, context: AwsContext): Promise<object> {
  // A scheduled rotation that has come due runs first, as on AWS it would have by now.
  const record = await context.secrets.settled(requireSecret(context, input.SecretId));
  assertNotDeleted(record);
  const version = selectVersion(context, record, input.VersionId, input.VersionStage);
  recordAccess(context, record, version);
  return secretValueOf(record, version);
}
