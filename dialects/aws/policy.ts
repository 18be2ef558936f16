import type { CloudPolicy } from '../../src/core/policy.js';

/** AWS's fixed stage labels. */
export const AWSCURRENT = 'AWSCURRENT';
export const AWSPREVIOUS = 'AWSPREVIOUS';
export const AWSPENDING = 'AWSPENDING';

/** The ARN of a secret, with AWS's 6-character random suffix. */
export function secretArn(region: string, account: string, name: string, suffix: string): string {
  return `arn:aws:secretsmanager:${region}:${account}:secret:${name}-${suffix}`;
}

/**
 * AWS Secrets Manager's rules: AWSCURRENT/AWSPREVIOUS, at most 100 versions, where
 * unlabelled versions are purged only once they are a day old (so rapid writes hit
 * LimitExceededException, as on AWS), up to 20 labels on a version, 64 KiB values.
 */
export const awsPolicy: CloudPolicy = {
  currentLabel: AWSCURRENT,
  previousLabel: AWSPREVIOUS,
  maxVersions: 100,
  purgeUnlabelledVersions: true,
  minAgeBeforePurgeMs: 24 * 60 * 60 * 1000,
  maxLabelsPerVersion: 20,
  // ASCII letters, digits and /_+=.@- (CreateSecret's documented set); the schemas bound the length.
  namePattern: /^[A-Za-z0-9/_+=.@-]+$/,
  maxValueBytes: 65_536,
  resourceIdFor: (ns, name, random) => secretArn(ns.region, ns.account, name, random()),
};
