/** Scheduled deletion and its cancelling, as pure changes of a draft record. */
import { CoreError } from './errors.js';
import type { SecretRecord } from './model.js';
import type { CloudPolicy } from './policy.js';
import { DAY_MS } from './runtime.js';


/**
 * The recovery window a deletion request means: the cloud's default when none is given, and
 * within its bounds (`deletion-window-out-of-range`). 0 means at once.
 */
export function recoveryWindowDays(policy: CloudPolicy, asked: number | undefined): number {
  const days = asked ?? policy.deletion.defaultWindowDays;
  const { minWindowDays: min, maxWindowDays: max } = policy.deletion;
  if (!(days >= min && days <= max)) throw new CoreError('deletion-window-out-of-range', { min: String(min), max: String(max) });
  return days;
}

/** Schedules a draft's purge `days` from `now`; a secret already scheduled is refused or rescheduled, as the cloud does. */
export function scheduleDeletion(draft: SecretRecord, policy: CloudPolicy, days: number, now: number): void {
  if (draft.deletion && policy.deletion.whenScheduled === 'refuse') throw new CoreError('already-scheduled-for-deletion', { name: draft.name });
  draft.deletion = { requestedAt: now, purgeAt: now + days * DAY_MS };
}

/** True when the secret has a deletion to cancel; false (nothing to do) or `not-scheduled-for-deletion`, as the cloud says, when not. */
export function cancellable(record: SecretRecord, policy: CloudPolicy): boolean {
  if (record.deletion) return true;
  if (policy.deletion.cancelUnscheduled === 'refuse') throw new CoreError('not-scheduled-for-deletion', { name: record.name });
  return false;
}

/** Cancels a draft's scheduled deletion (see {@link cancellable}). */
export function cancelDeletion(draft: SecretRecord, policy: CloudPolicy, now: number): void {
  if (!cancellable(draft, policy)) return;
  delete draft.deletion;
  if (policy.deletion.restoresDisabled) draft.enabled = false;
  draft.changedAt = now;
}
