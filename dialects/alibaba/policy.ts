import type { CloudPolicy } from '../../src/core/policy.js';
import type { RotationSchedule } from '../../src/core/model.js';
import { legacyState, rotatedValue } from './managed.js';
import { ACS_CURRENT, ACS_PREVIOUS, isManaged } from './secretTypes.js';

/** A secret's ARN: `acs:kms:<region>:<account>:secret/<name>` [doc]. */
export function secretArn(region: string, account: string, name: string): string {
  return `acs:kms:${region}:${account}:secret/${name}`;
}

/**
 * KMS's rules for secrets: ACSCurrent/ACSPrevious, at most 10 versions with the oldest unlabelled
 * one purged on overflow [doc], names of up to 192 characters from `[A-Za-z0-9_/+=.@-]`, values of
 * up to 30720 bytes counted as sent, 20 tags, 1–30 day recovery windows, managed secrets rotated
 * every RotationInterval.
 */
export const alibabaPolicy: CloudPolicy = {
  cloud: 'alibaba',
  namePattern: /^[A-Za-z0-9_/+=.@-]{1,192}$/,
  // ACSCurrent and ACSPrevious can only be moved, never just removed [doc].
  labels: { current: ACS_CURRENT, previous: ACS_PREVIOUS, maxPerVersion: 20, clearedFromOldCurrent: [], moveOnly: [ACS_CURRENT, ACS_PREVIOUS], moveNamesOldHolder: false },
  // Repeating a VersionId with the same data succeeds and changes nothing; other data is Rejected.ResourceExist [inf].
  versions: { max: 10, atCap: 'purge-oldest-unlabelled', minAgeBeforePurgeMs: 0, repeatIsIdempotent: true, valuesRewritable: false },
  // [inf] The limit counts SecretData as sent, binary (base64) data included.
  values: { maxBytes: 30_720, binaryCountedAs: 'base64' },
  // [inf] KMS documents no bounds for RecoveryWindowInDays; 1 to 30 are accepted. Deleting again re-schedules from now,
  // and RestoreSecret on a secret not pending deletion is 409 Rejected.ResourceInUse [doc].
  deletion: { defaultWindowDays: 30, minWindowDays: 1, maxWindowDays: 30, whenScheduled: 'reschedule', cancelUnscheduled: 'refuse', restoresDisabled: false },
  // At most 20 tags [doc]; a secret counts as changed (UpdateTime) only when its tags really differ [inf].
  tags: { maxPerSecret: 20, unchangedTagsTouch: false },
  rotation: {
    rotates: isManaged,
    nextAfter: (schedule: RotationSchedule, at: number) => at + (schedule.intervalMs ?? 0),
    // [inf] Any rotation, manual or automatic, restarts the schedule; missed periods rotate once.
    manualRestartsSchedule: true,
    newVersion: (record, now, ids) => ({ value: rotatedValue(record, now, ids) }),
    makesRoom: false,
  },
  resourceIdFor: (ns, name) => secretArn(ns.region, ns.account, name),
  plainSecret: () => ({ alibaba: { secretType: 'Generic' } }),
  seedVersionId: (index) => `v${index + 1}`,
  fromLegacyAttributes: legacyState,
};
