/** Versions and their labels, as pure changes of a draft record (the engine makes them durable). */
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

/** The size of a value in bytes as the cloud counts it: binary values decoded, or as their base64 text. */
export function valueBytes(value: SecretValue, policy?: CloudPolicy): number {
  const decoded = value.type === 'binary' && policy?.values.binaryCountedAs !== 'base64';
  return decoded ? Buffer.from(value.data, 'base64').length : Buffer.byteLength(value.data, 'utf8');
}

/** True when two values are the same type and bytes. */
export function sameValue(a: SecretValue | undefined, b: SecretValue | undefined): boolean {
  return a?.type === b?.type && a?.data === b?.data;
}

/** Refuses a value larger than the cloud allows (`value-too-large`). */
export function checkValueSize(value: SecretValue, policy: CloudPolicy): void {
  if (valueBytes(value, policy) > policy.values.maxBytes) throw new CoreError('value-too-large', { limit: String(policy.values.maxBytes) });
}

function detachLabel(record: SecretRecord, label: string): SecretVersion | undefined {
  const holder = versionWithLabel(record, label);
  if (holder) holder.labels = holder.labels.filter((l) => l !== label);
  return holder;
}

/**
 * Puts `label` on `target`, taking it off whichever version had it. Moving the current label
 * demotes the old current version to the previous label, which leaves its old holder. Labels are
 * counted after the move (a rollback swaps the previous label for the current one), and a target
 * over the per-version cap is refused (`too-many-labels`); only ever called on a draft, which a
 * refusal discards.
 */
export function attachLabel(record: SecretRecord, policy: CloudPolicy, label: string, target: SecretVersion): void {
  if (target.labels.includes(label)) return;
  const oldHolder = detachLabel(record, label);
  if (label === policy.labels.current && oldHolder && policy.labels.previous) {
    detachLabel(record, policy.labels.previous);
    oldHolder.labels.push(policy.labels.previous);
  }
  target.labels.push(label);
  if (target.labels.length > policy.labels.maxPerVersion) throw new CoreError('too-many-labels', { limit: String(policy.labels.maxPerVersion) });
}

/** Takes `label` off `holder`; the holder must carry it (`label-not-on-version`). */
export function removeLabel(holder: SecretVersion, label: string): void {
  if (!holder.labels.includes(label)) throw new CoreError('label-not-on-version', { label, versionId: holder.id });
  holder.labels = holder.labels.filter((l) => l !== label);
}

/** Options for {@link addVersion}. */
export interface NewVersion {
  id: string;
  value?: SecretValue;
  /** Labels for the new version; defaults to the policy's current label. */
  labels?: string[];
  now: number;
  /** At the cap, drop the oldest versions whatever their labels (a vendor's own rotation is never refused). */
  makeRoom?: boolean;
}

/**
 * Appends a version and applies its labels. A secret that has no current version gets the
 * current label on the new one whatever labels were asked for, so a secret with versions always
 * has a live one; the old current version loses the labels the policy clears on promotion. Then
 * enforces the version cap.
 */
export function addVersion(record: SecretRecord, policy: CloudPolicy, init: NewVersion): SecretVersion {
  if (findVersion(record, init.id)) throw new CoreError('version-exists', { versionId: init.id, resourceId: record.resourceId });
  if (init.value) checkValueSize(init.value, policy);
  const { current } = policy.labels;
  const labels = init.labels ?? (current ? [current] : []);
  if (labels.length > policy.labels.maxPerVersion) throw new CoreError('too-many-labels', { limit: String(policy.labels.maxPerVersion) });
  if (init.makeRoom && record.versions.length >= policy.versions.max) record.versions = record.versions.slice(record.versions.length - policy.versions.max + 1);
  const oldCurrent = current ? versionWithLabel(record, current) : undefined;
  const version: SecretVersion = { id: init.id, labels: [], createdAt: init.now };
  if (init.value) version.value = init.value;
  record.versions.push(version);
  for (const label of new Set(labels)) attachLabel(record, policy, label, version);
  if (current && !versionWithLabel(record, current)) attachLabel(record, policy, current, version);
  if (oldCurrent && version.labels.includes(current!)) {
    oldCurrent.labels = oldCurrent.labels.filter((label) => !policy.labels.clearedFromOldCurrent.includes(label));
  }
  enforceVersionCap(record, policy, init.now);
  return version;
}

function enforceVersionCap(record: SecretRecord, policy: CloudPolicy, now: number): void {
  let excess = record.versions.length - policy.versions.max;
  if (excess <= 0) return;
  if (policy.versions.atCap === 'purge-oldest-unlabelled') {
    const purgeable = new Set(
      record.versions
        .filter((v) => v.labels.length === 0 && now - v.createdAt >= policy.versions.minAgeBeforePurgeMs)
        .slice(0, excess)
        .map((v) => v.id),
    );
    record.versions = record.versions.filter((v) => !purgeable.has(v.id));
    excess -= purgeable.size;
  }
  if (excess > 0) throw new CoreError('too-many-versions', { limit: String(policy.versions.max) });
}

/** Removes a version outright (vendors that let clients delete versions). */
export function deleteVersion(record: SecretRecord, id: string): void {
  if (!findVersion(record, id)) throw new CoreError('version-not-found', { versionId: id });
  record.versions = record.versions.filter((v) => v.id !== id);
}

/** Which version a read means: by id, by label (the current one by default), or both. */
export interface VersionChoice {
  versionId?: string;
  label?: string;
}

/**
 * The version a read means. By id (`version-not-found` if it is missing or has no value yet),
 * and then it must carry the label if one is named too (`version-label-mismatch`); else by label,
 * the current one by default (`label-not-found`).
 */
export function selectVersion(record: SecretRecord, policy: CloudPolicy, choice: VersionChoice): SecretVersion {
  if (choice.versionId !== undefined) {
    const version = findVersion(record, choice.versionId);
    if (!version?.value) throw new CoreError('version-not-found', { versionId: choice.versionId });
    if (choice.label !== undefined && !version.labels.includes(choice.label)) {
      throw new CoreError('version-label-mismatch', { versionId: choice.versionId, label: choice.label });
    }
    return version;
  }
  const label = choice.label ?? policy.labels.current;
  const version = label === undefined ? undefined : versionWithLabel(record, label);
  if (!version?.value) throw new CoreError('label-not-found', { label: label ?? '' });
  return version;
}

/**
 * What writing `value` as version `versionId` means: a new version; a retry of the write that
 * made it (same value: nothing changes); the filling of a placeholder made ahead of its value;
 * or, for another value or where the cloud has no idempotent retry, `version-exists`.
 */
export function putOutcome(record: SecretRecord, policy: CloudPolicy, versionId: string, value: SecretValue): 'new' | 'repeat' | 'fill' {
  const existing = findVersion(record, versionId);
  if (!existing) return 'new';
  if (policy.versions.repeatIsIdempotent) {
    if (!existing.value) return 'fill';
    if (sameValue(existing.value, value)) return 'repeat';
  }
  throw new CoreError('version-exists', { versionId, resourceId: record.resourceId });
}

/** Where a label goes: onto `to`, off `from`, or both. */
export interface LabelMove {
  to?: string;
  from?: string;
}

/**
 * Checks a label move against the record and the policy without changing anything: named
 * versions must exist, `from` must hold the label, a label on another version may need naming
 * its holder, and move-only labels need a target.
 */
export function checkLabelMove(record: SecretRecord, policy: CloudPolicy, label: string, move: LabelMove): void {
  if (move.to === undefined && policy.labels.moveOnly.includes(label)) throw new CoreError('label-cannot-be-removed', { label });
  for (const id of [move.to, move.from]) {
    if (id !== undefined && !findVersion(record, id)) throw new CoreError('version-not-found', { versionId: id });
  }
  const holder = versionWithLabel(record, label);
  if (move.from !== undefined && holder?.id !== move.from) throw new CoreError('label-not-on-version', { label, versionId: move.from });
  if (policy.labels.moveNamesOldHolder && move.to !== undefined && holder && holder.id !== move.to && move.from === undefined) {
    throw new CoreError('label-held-elsewhere', { label, versionId: holder.id });
  }
}

/** Moves a label on a draft (see {@link checkLabelMove}); the per-version label cap holds. */
export function moveLabel(record: SecretRecord, policy: CloudPolicy, label: string, move: LabelMove): void {
  checkLabelMove(record, policy, label, move);
  if (move.to !== undefined) attachLabel(record, policy, label, findVersion(record, move.to)!);
  else if (move.from !== undefined) removeLabel(findVersion(record, move.from)!, label);
}
