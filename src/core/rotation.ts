/** Rotation as the core runs it: when one is due, and what carrying one out changes on the record. */
import type { SecretRecord, SecretValue, SecretVersion } from './model.js';
import type { CloudPolicy } from './policy.js';
import type { IdSource } from './runtime.js';
import { addVersion, findVersion } from './versions.js';

/** True when the secret's schedule says it should have rotated by `now` and the cloud rotates it as it is. */
export function rotationDue(record: SecretRecord, policy: CloudPolicy, now: number): boolean {
  const schedule = record.rotation;
  // A secret pending deletion never rotates, on either cloud that schedules rotations.
  if (!policy.rotation || !schedule?.enabled || schedule.nextAt === undefined || record.deletion) return false;
  return schedule.nextAt <= now && policy.rotation.rotates(record);
}

/** True when anything time brings is due for the secret: a vendor transition or a scheduled rotation. */
export function settleDue(record: SecretRecord, policy: CloudPolicy, now: number): boolean {
  return (policy.transitions ?? []).some((t) => t.due(record, now)) || rotationDue(record, policy, now);
}

/** A rotation a client asked for, into the version it names (else the one the cloud's model names). */
export interface ManualRotation {
  versionId?: string;
}

/**
 * Rotates a draft into a new version made by the cloud's model. A scheduled rotation (no
 * `manual`) that finds its version already made at this instant keeps it; it, and a manual
 * rotation where the cloud restarts the schedule, move the schedule to its next slot.
 */
export function rotateDraft(draft: SecretRecord, policy: CloudPolicy, now: number, ids: IdSource, manual?: ManualRotation): SecretVersion {
  const model = policy.rotation!;
  const made: { value?: SecretValue; id?: string } = model.newVersion?.(draft, now, ids) ?? {};
  const id = manual?.versionId ?? made.id ?? ids.uuid();
  const scheduled = manual === undefined;
  const existing = scheduled ? findVersion(draft, id) : undefined;
  const labels = model.labels && [...model.labels];
  const version = existing ?? addVersion(draft, policy, { id, value: made.value, labels, now, makeRoom: model.makesRoom });
  const schedule = (draft.rotation ??= { enabled: false });
  // A placeholder counts as rotated only once the cloud's process has filled it.
  if (version.value) schedule.lastAt = now;
  if (schedule.enabled && (scheduled || model.manualRestartsSchedule)) schedule.nextAt = model.nextAfter(schedule, now, draft);
  draft.changedAt = now;
  return version;
}

/** Brings a draft up to `now`: due vendor transitions first, then a due scheduled rotation, whose version it returns. */
export function settleDraft(draft: SecretRecord, policy: CloudPolicy, now: number, ids: IdSource): SecretVersion | undefined {
  for (const transition of policy.transitions ?? []) if (transition.due(draft, now)) transition.apply(draft, now);
  return rotationDue(draft, policy, now) ? rotateDraft(draft, policy, now, ids) : undefined;
}
