import type { TencentContext } from '../context.js';
import { formatDateTime, parseDateTime } from '../dateTime.js';
import { ERRORS } from '../errors.js';
import { frequencyDaysOf, requireRotatedSecret, rotationSchedule } from '../rotation.js';
import { requireWritableSecret, statusOf } from '../secrets.js';

interface UpdateRotationStatusInput {
  SecretName: string;
  EnableRotation: boolean;
  Frequency?: number;
  RotationBeginTime?: string;
}

/**
 * UpdateRotationStatus: turns a product secret's scheduled rotation on or off, with its period
 * (30–365 days) and begin time. Enabling without RotationBeginTime starts the schedule now [sdk];
 * without Frequency the secret keeps its period [inf]. The next rotation is the first
 * RotationBeginTime + n × Frequency at or after now.
 */
export async function UpdateRotationStatus(input: UpdateRotationStatusInput, context: TencentContext): Promise<object> {
  await requireRotatedSecret(context, input.SecretName);
  const record = requireWritableSecret(context, input.SecretName);
  if (statusOf(record) === 'Creating') throw ERRORS.uninitialized();
  if (input.RotationBeginTime !== undefined && parseDateTime(input.RotationBeginTime) === undefined) {
    throw ERRORS.invalidValue('RotationBeginTime', 'it must be a real date and time formatted YYYY-MM-DD hh:mm:ss.', '须为 YYYY-MM-DD hh:mm:ss 格式的有效时间。');
  }
  await context.secrets.update(record, (draft, now) => {
    const beginTime = input.RotationBeginTime ?? (input.EnableRotation ? formatDateTime(now) : undefined);
    const frequencyDays = input.Frequency ?? frequencyDaysOf(draft.rotation);
    draft.rotation = rotationSchedule({ enabled: input.EnableRotation, frequencyDays, beginTime }, draft.rotation, now);
    draft.changedAt = now;
  });
  return {};
}
