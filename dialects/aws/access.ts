import type { SecretRecord, SecretVersion } from '../../src/core/model.js';
import { findVersion, versionWithLabel } from '../../src/core/versions.js';
import type { AwsContext } from './context.js';
import { AwsError } from './envelope.js';
import { MESSAGES } from './messages.js';
import { AWSCURRENT } from './policy.js';
import { accessDay } from './render.js';

/** Picks the version GetSecretValue means: by id, by stage (default AWSCURRENT), or both, which must agree [rec]. */
export function selectVersion(record: SecretRecord, versionId?: string, versionStage?: string): SecretVersion {
  if (versionId !== undefined) {
    const version = findVersion(record, versionId);
    if (!version?.value) throw new AwsError('ResourceNotFoundException', MESSAGES.versionNotFound(versionId));
    if (versionStage !== undefined && !version.labels.includes(versionStage)) {
      throw new AwsError('InvalidRequestException', MESSAGES.versionStageMismatch);
    }
    return version;
  }
  const stage = versionStage ?? AWSCURRENT;
  const version = versionWithLabel(record, stage);
  if (!version?.value) throw new AwsError('ResourceNotFoundException', MESSAGES.labelNotFound(stage));
  return version;
}

/**
 * Records a read on the secret and the version. AWS keeps LastAccessedDate to the day, so only
 * the first read of a day changes anything; kept in memory and saved with the next write, so a
 * read never waits on (or fails for) the disk.
 */
export function recordAccess(context: AwsContext, record: SecretRecord, version: SecretVersion): void {
  const today = accessDay(context.engine.now());
  if (accessDay(record.accessedAt) === today && accessDay(version.lastAccessedAt) === today) return;
  context.engine.note(record, (draft, now) => {
    draft.accessedAt = now;
    const read = findVersion(draft, version.id);
    if (read) read.lastAccessedAt = now;
  });
}
