import type { AwsContext } from '../context.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';
import { grantsPublicAccess, parsePolicy } from '../resourcePolicy.js';
import { requireWritableSecret } from '../secrets.js';

interface PutResourcePolicyInput {
  SecretId: string;
  ResourcePolicy: string;
  BlockPublicPolicy?: boolean;
}

/** PutResourcePolicy: stores the policy verbatim once it parses (and, with BlockPublicPolicy, is not public). */
export async function PutResourcePolicy(input: PutResourcePolicyInput, context: AwsContext): Promise<object> {
  const record = requireWritableSecret(context, input.SecretId);
  const document = parsePolicy(input.ResourcePolicy);
  if (input.BlockPublicPolicy && grantsPublicAccess(document)) throw new AwsError('PublicPolicyException', MESSAGES.publicPolicy);
  const { record: updated } = await context.secrets.update(record, (draft, now) => {
    draft.resourcePolicy = input.ResourcePolicy;
    draft.changedAt = now;
  });
  return { ARN: updated.resourceId, Name: updated.name };
}
