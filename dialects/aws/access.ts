import type { SecretRecord, SecretVersion } from '../../src/core/model.js';
import { findVersion } from '../../src/core/versions.js';
import type { AwsContext } from './context.js';
import { accessDay } from './render.js';

/** The version GetSecretValue means: by id, by stage (default AWSCURRENT), or both, which must agree [rec]. */
export function selectVersion(context: AwsContext, record: SecretRecord, versionId?: string, versionStage?: string): SecretVersion {
  return context.secrets.selectVersion(record, { versionId, label: versionStage });
}

/**
 * Records a read on the secret and the version. AWS keeps LastAccessedDate to the day, so only
 * the first read of a day changes anything; kept in memory and saved with the next write, so a
 * read never waits on (or fails for) the disk.
 */
export function recordAccess(context: AwsContext, record: SecretRecord, version: SecretVersion): void {
  const today = accessDay(context.secrets.now());
  if (accessDay(record.accessedAt) === today && accessDay(version.lastAccessedAt) === today) return;
  context.secrets.note(record, (draft, now) => {
    draft.accessedAt = now;
    const read = findVersion(draft, version.id);
    if (read) read.lastAccessedAt = now;
  });
}
