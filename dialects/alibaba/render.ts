import type { SecretRecord, SecretVersion } from '../../src/core/model.js';
import { isManaged } from './secretTypes.js';

/** KMS timestamps: UTC `YYYY-MM-DDTHH:MM:SSZ`, no fraction [doc]. */
export function kmsTime(ms: number | undefined): string | undefined {
  // toISOString always ends in `.sssZ`.
  return ms === undefined ? undefined : `${new Date(ms).toISOString().slice(0, -5)}Z`;
}

/** The `VersionStages.VersionStage` wrapper; the inner value is an array even with one label (tea SDKs insist). */
export function stagesOf(version: SecretVersion): { VersionStage: string[] } {
  return { VersionStage: [...version.labels] };
}


/** `Tags.Tag` with KMS's member names. */
export function tagsOf(record: SecretRecord): { Tag: Array<{ TagKey: string; TagValue: string }> } {
  return { Tag: (record.tags ?? []).map((tag) => ({ TagKey: tag.key, TagValue: tag.value })) };
}

/** Rotation and ExtendedConfig members of a managed secret; nothing for a Generic one. */
export function managedMembers(record: SecretRecord, withExtendedConfig = true): Record<string, unknown> {
  if (!isManaged(record)) return {};
  const schedule = record.rotation;
  const interval = schedule?.enabled ? schedule.intervalMs : undefined;
  return {
    AutomaticRotation: schedule && (schedule.enabled ? 'Enabled' : 'Disabled'),
    // KMS reports the interval in seconds, e.g. 604800s [doc].
    RotationInterval: interval === undefined ? undefined : `${interval / 1_000}s`,
    LastRotationDate: kmsTime(schedule?.lastAt),
    NextRotationDate: kmsTime(schedule?.nextAt),
    ExtendedConfig: withExtendedConfig ? record.alibaba?.extendedConfig : undefined,
  };
}
