import type { CloudPolicy } from '../../src/core/policy.js';

/** KMS's fixed stage labels. */
export const ACS_CURRENT = 'ACSCurrent';
export const ACS_PREVIOUS = 'ACSPrevious';

/** A secret's ARN: `acs:kms:<region>:<account>:secret/<name>` [doc]. */
export function secretArn(region: string, account: string, name: string): string {
  return `acs:kms:${region}:${account}:secret/${name}`;
}

/**
 * KMS's rules for secrets: ACSCurrent/ACSPrevious, at most 10 versions with the oldest
 * unlabelled one purged on overflow [doc], names of up to 192 characters from
 * `[A-Za-z0-9_/+=.@-]`, values of up to 30720 bytes.
 */
export const alibabaPolicy: CloudPolicy = {
  currentLabel: ACS_CURRENT,
  previousLabel: ACS_PREVIOUS,
  maxVersions: 10,
  purgeUnlabelledVersions: true,
  minAgeBeforePurgeMs: 0,
  maxLabelsPerVersion: 20,
  namePattern: /^[A-Za-z0-9_/+=.@-]{1,192}$/,
  maxValueBytes: 30_720,
  resourceIdFor: (ns, name) => secretArn(ns.region, ns.account, name),
};
