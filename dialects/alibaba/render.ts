import type { SecretRecord, SecretVersion } from '../../src/core/model.js';

/** KMS timestamps: UTC `YYYY-MM-DDTHH:MM:SSZ`, no fraction [doc]. */
export function kmsTime(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The `VersionStages.VersionStage` wrapper; the inner value is an array even with one label (tea SDKs insist). */
export function stagesOf(version: SecretVersion): { VersionStage: string[] } {
  return { VersionStage: [...version.labels] };
}

/** The secret type (`Generic` unless created otherwise). */
export function secretTypeOf(record: SecretRecord): string {
  return (record.attributes.secretType as string | undefined) ?? 'Generic';
}

/** `Tags.Tag` with KMS's member names. */
export function tagsOf(record: SecretRecord): { Tag: Array<{ TagKey: string; TagValue: string }> } {
  return { Tag: (record.tags ?? []).map((tag) => ({ TagKey: tag.key, TagValue: tag.value })) };
}

/** Rotation and ExtendedConfig members of a managed secret; nothing for a Generic one. */
export function managedMembers(record: SecretRecord, withExtendedConfig = true): Record<string, unknown> {
  if (secretTypeOf(record) === 'Generic') return {};
  const a = record.attributes;
  return {
    AutomaticRotation: a.automaticRotation,
    RotationInterval: a.rotationInterval,
    LastRotationDate: kmsTime(a.lastRotationAt as number | undefined),
    NextRotationDate: kmsTime(a.nextRotationAt as number | undefined),
    ExtendedConfig: withExtendedConfig ? a.extendedConfig : undefined,
  };
}
