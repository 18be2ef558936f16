import type { TencentContext } from '../context.js';
import { describeMembers } from '../render.js';
import { rotateIfDue } from '../rotation.js';
import { requireSecret } from '../secrets.js';

interface DescribeSecretInput {
  SecretName: string;
}

/** DescribeSecret: a secret's metadata, in any status (PendingDelete shows its DeleteTime). */
export async function DescribeSecret(input: DescribeSecretInput, context: TencentContext): Promise<object> {
  return describeMembers(await rotateIfDue(context, requireSecret(context, input.SecretName)));
}
