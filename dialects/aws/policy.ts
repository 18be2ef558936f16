import type { CloudPolicy } from '../../src/core/policy.js';
import { DAY_MS } from '../../src/core/runtime.js';
import { nextRotationStart } from './rotation/schedule.js';

/** AWS's fixed stage labels. */
export const AWSCURRENT = 'AWSCURRENT';
export const AWSPREVIOUS = 'AWSPREVIOUS';
export const AWSPENDING = 'AWSPENDING';

/** The ARN of a secret, with AWS's 6-character random suffix. */
export function secretArn(region: string, account: string, name: string, suffix: string): string {
  return `arn:aws:secretsmanager:${region}:${account}:secret:${name}-${suffix}`;
}

/**
 * AWS Secrets Manager's rules: AWSCURRENT/AWSPREVIOUS, at most 100 versions, where unlabelled
 * versions are purged only once they are a day old (so rapid writes hit LimitExceededException,
 * as on AWS), up to 20 labels on a version, 64 KiB values, 7–30 day recovery windows.
 */
export const awsPolicy: CloudPolicy = {
  cloud: 'aws',
  // ASCII letters, digits and /_+=.@- (CreateSecret's documented set); the schemas bound the length.
  namePattern: /^[A-Za-z0-9/_+=.@-]+$/,
  labels: {
    current: AWSCURRENT,
    previous: AWSPREVIOUS,
    maxPerVersion: 20,
    // A new current value ends any rotation in flight [rec: test_update_secret_version_stages_current_pending].
    clearedFromOldCurrent: [AWSPENDING],
    moveOnly: [],
    // Moving a label that sits on another version requires naming that version in RemoveFromVersionId [rec].
    moveNamesOldHolder: true,
  },
  versions: { max: 100, atCap: 'purge-oldest-unlabelled', minAgeBeforePurgeMs: DAY_MS, repeatIsIdempotent: true, valuesRewritable: false },
  values: { maxBytes: 65_536, binaryCountedAs: 'decoded' },
  deletion: { defaultWindowDays: 30, minWindowDays: 7, maxWindowDays: 30, whenScheduled: 'refuse', cancelUnscheduled: 'succeed', restoresDisabled: false },
  // The per-secret cap of 50 is not enforced: AWS's answer to the 51st tag is not verified.
  tags: { maxPerSecret: Number.POSITIVE_INFINITY, unchangedTagsTouch: true },
  resourceIdFor: (ns, name, random) => secretArn(ns.region, ns.account, name, random()),
  // A rotation makes an AWSPENDING placeholder under the request's token (hence no newVersion); the rotation function fills it.
  rotation: {
    rotates: (record) => record.aws?.rotationLambdaArn !== undefined && !record.replicaOf,
    nextAfter: (_schedule, at, record) => nextRotationStart(record, at),
    manualRestartsSchedule: true,
    labels: [AWSPENDING],
    makesRoom: false,
  },
  plainSecret: () => ({}),
  seedVersionId: (_index, ids) => ids.uuid(),
  fromLegacyAttributes: (attributes) => {
    const { type, owningService, primaryRegion } = attributes as Record<string, string | undefined>;
    const aws = Object.fromEntries(Object.entries({ type, owningService, primaryRegion }).filter(([, value]) => value !== undefined));
    return Object.keys(aws).length ? { aws } : {};
  },
};
