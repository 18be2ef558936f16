import type { AwsContext } from '../context.js';
import { parsePolicy } from '../resourcePolicy.js';
import { requireSecret } from '../secrets.js';

/** ValidateResourcePolicy: a syntax check; SecretId is optional, but must name a secret when given. */
export async function ValidateResourcePolicy(input: { SecretId?: string; ResourcePolicy: string }, context: AwsContext): Promise<object> {
  if (input.SecretId !== undefined) requireSecret(context, input.SecretId);
  parsePolicy(input.ResourcePolicy);
  return { PolicyValidationPassed: true, ValidationErrors: [] };
}
