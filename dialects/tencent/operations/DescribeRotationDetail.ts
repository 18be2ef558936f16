import type { TencentContext } from '../context.js';
import { formatDateTime } from '../dateTime.js';
import { currentVersion, frequencyDaysOf, nextRotationAt, requireRotatedSecret } from '../rotation.js';

interface DescribeRotationDetailInput {
  SecretName: string;
}

/**
 * DescribeRotationDetail: a product secret's rotation policy. LatestRotateTime is when the live
 * version was made (creation counts as the first rotation); NextRotateBeginTime is "" while
 * rotation is off [inf]. Both are `YYYY-MM-DD hh:mm:ss` [sdk].
 */
export async function DescribeRotationDetail(input: DescribeRotationDetailInput, context: TencentContext): Promise<object> {
  const record = await requireRotatedSecret(context, input.SecretName);
  const latest = currentVersion(record);
  const next = nextRotationAt(record);
  return {
    EnableRotation: record.rotation?.enabled === true,
    Frequency: frequencyDaysOf(record.rotation),
    LatestRotateTime: latest ? formatDateTime(latest.createdAt) : '',
    NextRotateBeginTime: next === undefined ? '' : formatDateTime(next),
  };
}
