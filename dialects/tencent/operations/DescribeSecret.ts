import type { TencentContext } from '../context.js';
import { formatDateTime } from '../dateTime.js';
import { describeMembers } from '../render.js';
import { isRotatedSecret, nextRotationAt } from '../rotation.js';
import { requireSecret } from '../secrets.js';

interface DescribeSecretInput {
  SecretName: string;
}

/** DescribeSecret: a secret's metadata, in any status (PendingDelete shows its DeleteTime). */
export async function DescribeSecret(input: DescribeSecretInput, context: TencentContext): Promise<object> {
  const record = await context.secrets.settled(requireSecret(context, input.SecretName));
  if (!isRotatedSecret(record)) return describeMembers(record);
  // Rotated (product) secrets also report when they rotate next, as a "YYYY-MM-DD hh:mm:ss" string [sdk].
  const next = nextRotationAt(record);
  return { ...describeMembers(record), NextRotationTime: next === undefined ? '' : formatDateTime(next) };
}
