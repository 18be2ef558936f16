import type { CloudPolicy } from '../../src/core/policy.js';

/** The version id CreateSecret uses when none is given [SDK docs]. */
export const DEFAULT_VERSION_ID = 'SSM_Current';

/**
 * SSM's rules: no stage labels (versions are addressed by id only), at most 10 versions and a
 * write beyond that refused with LimitExceeded, names of 1-128 characters from `[A-Za-z0-9_-]`
 * starting with a letter or digit, values of up to 32 KiB.
 */
export const tencentPolicy: CloudPolicy = {
  maxVersions: 10,
  purgeUnlabelledVersions: false,
  minAgeBeforePurgeMs: 0,
  maxLabelsPerVersion: 0,
  namePattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/,
  maxValueBytes: 32 * 1024,
  // The CAM resource name of a secret; unique per account, region and name.
  resourceIdFor: (ns, name) => `qcs::ssm:${ns.region}:uin/${ns.account}:secret/creatorUin/${ns.account}/${name}`,
};
