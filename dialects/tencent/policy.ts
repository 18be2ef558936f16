import type { CloudPolicy } from '../../src/core/policy.js';
import { creationFinishes } from './flows.js';
import { legacyState } from './legacy.js';
import { nextAfter, rotatedVersion, rotatesOnSchedule } from './rotation.js';

/** The version id CreateSecret uses when none is given [sdk]. */
export const DEFAULT_VERSION_ID = 'SSM_Current';

/**
 * SSM's rules: no stage labels (versions are addressed by id only), at most 10 versions and a
 * write beyond that refused with LimitExceeded, names of 1-128 characters from `[A-Za-z0-9_-]`
 * starting with a letter or digit, values of up to 32 KiB; deletion at once by default or after
 * 1–30 days; a restored secret comes back Disabled [doc]; product secrets rotate on a schedule
 * aligned to their RotationBeginTime.
 */
export const tencentPolicy: CloudPolicy = {
  cloud: 'tencent',
  namePattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/,
  labels: { maxPerVersion: 0, clearedFromOldCurrent: [], moveOnly: [], moveNamesOldHolder: false },
  // UpdateSecret overwrites a version's value in place, keeping its id and CreateTime [inf].
  versions: { max: 10, atCap: 'refuse', minAgeBeforePurgeMs: 0, repeatIsIdempotent: false, valuesRewritable: true },
  values: { maxBytes: 32 * 1024, binaryCountedAs: 'decoded' },
  // Deleting again while PendingDelete, or restoring a secret that is not, is FailedOperation [inf].
  deletion: { defaultWindowDays: 0, minWindowDays: 0, maxWindowDays: 30, whenScheduled: 'refuse', cancelUnscheduled: 'refuse', restoresDisabled: true },
  tags: { maxPerSecret: Number.POSITIVE_INFINITY, unchangedTagsTouch: true },
  rotation: {
    rotates: rotatesOnSchedule,
    nextAfter,
    manualRestartsSchedule: false,
    newVersion: rotatedVersion,
    // SSM versions carry no labels; the live one is the newest.
    labels: [],
    // A product secret keeps its 10 newest versions, the oldest making room [inf: DescribeRotationHistory shows "at most 10"].
    makesRoom: true,
  },
  transitions: [creationFinishes],
  // The CAM resource name of a secret; unique per account, region and name.
  resourceIdFor: (ns, name) => `qcs::ssm:${ns.region}:uin/${ns.account}:secret/creatorUin/${ns.account}/${name}`,
  // CreateSecret stores empty strings for these, and the renderer reports them so.
  // The three random characters that end the secret's ResourceID are chosen once, at creation.
  plainSecret: (ids) => ({ description: '', kmsKeyId: '', tencent: { secretType: 0, additionalConfig: '', encryptType: 0, resourceSuffix: ids.alphanumeric(3).toLowerCase() } }),
  seedVersionId: (index) => (index === 0 ? DEFAULT_VERSION_ID : `v${index + 1}`),
  fromLegacyAttributes: legacyState,
};
