import { CoreError } from './errors.js';
import type { CloudPolicy } from './policy.js';
import type { SecretRecord, SecretValue, SecretVersion } from './model.js';

/** The version with this id, if any. */
export function findVersion(record: SecretRecord, id: string): SecretVersion | undefined {
  return record.versions.find((version) => version.id === id);
}

/** The version carrying this label, if any. */
export function versionWithLabel(record: SecretRecord, label: string): SecretVersion | undefined {
  return record.versions.find((version) => version.labels.includes(label));
}

/** The size of a value in bytes; binary values are counted decoded. */
export function valueBytes(value: SecretValue): number {
  return value.type === 'binary' ? Buffer.from(value.data, 'base64').length : Buffer.byteLength(value.data, 'utf8');
}

/** True when two values are the same type and bytes. */
export function sameValue(a: SecretValue | undefined, b: SecretValue | undefined): boolean {
  return a?.type === b?.type && a?.data === b?.data;
}

function detachLabel(record: SecretRecord, label: string): SecretVersion | undefined {
  const holder = versionWithLabel(record, label);
  if (holder) holder.labels = holder.labels.filter((l) => l !== label);
  return holder;
}

/**
 * Puts `label` on `target`, taking it off whichever version had it. Moving the current
 * label demotes the old current version to the previous label, which leaves its old holder.
 */
export function attachLabel(record: SecretRecord, policy: CloudPolicy, label: string, target: SecretVersion): void {
  if (target.labels.includes(label)) return;
  const oldHolder = detachLabel(record, label);
  if (label === policy.currentLabel && oldHolder && policy.previousLabel) {
    detachLabel(record, policy.previousLabel);
    oldHolder.labels.push(policy.previousLabel);
  }
  target.labels.push(label);
}

/** Takes `label` off `holder`; the holder must carry it. */
export function removeLabel(holder: SecretVersion, label: string): void {
  if (!holder.labels.includes(label)) {
    throw new CoreError('InvalidParameter', 'label-not-on-version', { label, versionId: holder.id });
  }
  holder.labels = holder.labels.filter((l) => l !== label);
}

/** Options for {@link addVersion}. */
export interface NewVersion {
  id: string;
  value?: SecretValue;
  /** Labels for the new version; defaults to the policy's current label. */
  labels?: string[];
  now: number;
}

/**
 * Appends a version and applies its labels. A secret that has no current version gets
 * the current label on the new one whatever labels were asked for, so a secret with
 * versions always has a live one. Then enforces the policy's version cap.
 */
export function addVersion(record: SecretRecord, policy: CloudPolicy, init: NewVersion): SecretVersion {
  if (findVersion(record, init.id)) throw new CoreError('AlreadyExists', 'version-exists', { versionId: init.id });
  if (init.value && valueBytes(init.value) > policy.maxValueBytes) {
    throw new CoreError('InvalidParameter', 'value-too-large', { limit: String(policy.maxValueBytes) });
  }
  const labels = init.labels ?? (policy.currentLabel ? [policy.currentLabel] : []);
  if (labels.length > policy.maxLabelsPerVersion) {
    throw new CoreError('LimitExceeded', 'too-many-labels', { limit: String(policy.maxLabelsPerVersion) });
  }
  const version: SecretVersion = { id: init.id, labels: [], createdAt: init.now };
  if (init.value) version.value = init.value;
  record.versions.push(version);
  for (const label of new Set(labels)) attachLabel(record, policy, label, version);
  if (policy.currentLabel && !versionWithLabel(record, policy.currentLabel)) {
    attachLabel(record, policy, policy.currentLabel, version);
  }
  enforceVersionCap(record, policy, init.now);
  return version;
}

function enforceVersionCap(record: SecretRecord, policy: CloudPolicy, now: number): void {
  let excess = record.versions.length - policy.maxVersions;
  if (excess <= 0) return;
  if (policy.purgeUnlabelledVersions) {
    const purgeable = new Set(
      record.versions
        .filter((v) => v.labels.length === 0 && now - v.createdAt >= policy.minAgeBeforePurgeMs)
        .slice(0, excess)
        .map((v) => v.id),
    );
    record.versions = record.versions.filter((v) => !purgeable.has(v.id));
    excess -= purgeable.size;
  }
  if (excess > 0) throw new CoreError('LimitExceeded', 'too-many-versions', { limit: String(policy.maxVersions) });
}

/** Removes a version outright (vendors that let clients delete versions). */
export function deleteVersion(record: SecretRecord, id: string): void {
  if (!findVersion(record, id)) throw new CoreError('NotFound', 'version-not-found', { versionId: id });
  record.versions = record.versions.filter((v) => v.id !== id);
}
