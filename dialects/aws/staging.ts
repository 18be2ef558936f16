import type { SecretRecord, SecretValue, SecretVersion } from '../../src/core/model.js';
import { addVersion, versionWithLabel } from '../../src/core/versions.js';
import { AWSCURRENT, AWSPENDING, awsPolicy } from './policy.js';

/**
 * Adds a version the way PutSecretValue and UpdateSecret do. When the new version becomes
 * AWSCURRENT, the old current version keeps AWSPREVIOUS but loses AWSPENDING: a new current
 * value ends any rotation in flight [rec: test_update_secret_version_stages_current_pending].
 */
export function addAwsVersion(draft: SecretRecord, init: { id: string; value: SecretValue; labels?: string[]; now: number }): SecretVersion {
  const oldCurrent = versionWithLabel(draft, AWSCURRENT);
  const version = addVersion(draft, awsPolicy, init);
  if (oldCurrent && oldCurrent !== version && version.labels.includes(AWSCURRENT)) {
    oldCurrent.labels = oldCurrent.labels.filter((label) => label !== AWSPENDING);
  }
  return version;
}
