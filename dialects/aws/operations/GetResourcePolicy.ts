import type { AwsContext } from '../context.js';
import { requireSecret } from '../secrets.js';

/** GetResourcePolicy: the stored policy, or just ARN and Name when there is none [rec]. */
export async function GetResourcePolicy(input: { SecretId: string }, context: AwsContext): Promise<object> {
  const record = requireSecret(context, input.SecretId);
  return { ARN: record.resourceId, Name: record.name, ResourcePolicy: record.resourcePolicy };
}
