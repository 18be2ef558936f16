import type { AlibabaContext } from '../context.js';
import type { Params } from '../params.js';
import { requireSecret } from '../secrets.js';

/**
 * [inf] What a secret without a stored policy answers: KMS's default policy shape (the account's RAM
 * principals may do everything), since real secrets always have one.
 */
function defaultPolicy(account: string): string {
  return JSON.stringify({
    Version: '1',
    Statement: [
      { Sid: 'kms default secret policy', Effect: 'Allow', Principal: { RAM: [`acs:ram::${account}:*`] }, Action: ['kms:*'], Resource: ['*'] },
    ],
  });
}

/** GetSecretPolicy: the secret's `default` policy, verbatim as set; [inf] readable while pending deletion, like DescribeSecret. */
export async function GetSecretPolicy(params: Params, context: AlibabaContext): Promise<object> {
  const record = requireSecret(context, params.required('SecretName'));
  return { Policy: record.resourcePolicy ?? defaultPolicy(record.namespace.account) };
}
