import { cancelDeletion, cancellable, recoveryWindowDays, scheduleDeletion } from './deletion.js';
import type { NewSecret, SecretEngine } from './engine.js';
import { CoreError } from './errors.js';
import type { Cloud, Namespace, SecretRecord, SecretValue, SecretVersion, Tag } from './model.js';
import type { ListPage, ListQuery } from './namespaceSecrets.js';
import type { Page } from './paging.js';
import type { CloudPolicy } from './policy.js';
import { rotateDraft, settleDraft, settleDue } from './rotation.js';
import type { IdSource } from './runtime.js';
import { mergeTags, removeTags, sameTags } from './tags.js';
import {
  addVersion,
  checkValueSize,
  deleteVersion,
  findVersion,
  moveLabel,
  putOutcome,
  selectVersion,
  type LabelMove,
  type VersionChoice,
} from './versions.js';

/** A value written as a version: its id, value and (where the cloud has them) labels. */
export interface ValueWrite {
  versionId: string;
  value: SecretValue;
  /** The labels of a new version; the cloud's current label when undefined. */
  labels?: string[];
}

/** What a value write did: a new version, a retry that changed nothing, or the filling of a placeholder. */
export interface ValueWritten {
  record: SecretRecord;
  version: SecretVersion;
  outcome: 'new' | 'repeat' | 'fill';
}

/** What a deletion request did: purged at once, or scheduled for `purgeAt`. */
export interface DeletionScheduled {
  record: SecretRecord;
  purged: boolean;
  /** When the secret is (or was) gone, epoch ms. */
  purgeAt: number;
}

/** Runs a cloud's own rotation process on a placeholder version; resolves when it is over, whatever its outcome. */
export type RotationStarter = (record: SecretRecord, version: SecretVersion) => Promise<void>;

export type { ListQuery } from './namespaceSecrets.js';
export type { ListOrder } from './listOrder.js';

/**
 * The secret lifecycle every dialect runs: the verbs a vendor operation translates into. Each
 * verb applies its cloud's {@link CloudPolicy}, changes a secret all-or-nothing and resolves once
 * the change is durable; refusals are {@link CoreError}s a dialect maps to its vendor's error.
 * Records handed out are snapshots.
 */
export class SecretLifecycle {
  private readonly rotationStarters = new Map<Cloud, RotationStarter>();

  constructor(private readonly engine: SecretEngine) {}

  /**
   * Sets how a cloud runs the rotation of a placeholder version its rotation model made (AWS: the
   * rotation function's four steps). A scheduled rotation settled on use waits for it, so the read
   * that found the rotation due sees its outcome.
   */
  onRotationStart(cloud: Cloud, starter: RotationStarter): void {
    this.rotationStarters.set(cloud, starter);
  }

  /** The clock every timestamp comes from. */
  now(): number {
    return this.engine.now();
  }

  get ids(): IdSource {
    return this.engine.ids;
  }

  policyFor(cloud: Cloud): CloudPolicy {
    return this.engine.policyFor(cloud);
  }

  /** The secret with this name in the namespace, if it exists. */
  get(ns: Namespace, name: string): SecretRecord | undefined {
    return this.engine.get(ns, name);
  }

  /** The secret with this vendor-facing id, if it exists. */
  getByResourceId(resourceId: string): SecretRecord | undefined {
    return this.engine.getByResourceId(resourceId);
  }

  /** The secret with this internal key, if it exists. */
  getByKey(key: string): SecretRecord | undefined {
    return this.engine.getByKey(key);
  }

  /** Every live secret of the namespace, oldest first. */
  list(ns: Namespace): SecretRecord[] {
    return this.engine.list(ns);
  }

  /** How many secrets the namespace holds. */
  count(ns: Namespace): number {
    return this.engine.count(ns);
  }

  /** One page of the namespace's secrets that pass `where`, in the asked order, with the total. */
  listPage(ns: Namespace, query: ListQuery): Page<SecretRecord> {
    // Counting the total was asked for, so the page carries one.
    return this.engine.listPage(ns, query, true) as Page<SecretRecord>;
  }

  /**
   * One page like {@link listPage}, without the total: a filtered list is walked only until the page
   * is full and one more secret is known to follow, for cursors that only say whether more follow.
   */
  listSlice(ns: Namespace, query: ListQuery): ListPage {
    return this.engine.listPage(ns, query, false);
  }

  /** Creates a secret (see {@link SecretEngine.create}). */
  create(ns: Namespace, init: NewSecret): Promise<SecretRecord> {
    return this.engine.create(ns, init);
  }

  /** Changes a secret's own metadata all-or-nothing (see {@link SecretEngine.update}). */
  update<T = void>(record: SecretRecord, change: (draft: SecretRecord, now: number) => T): Promise<{ record: SecretRecord; result: T }> {
    return this.engine.update(record, change);
  }

  /** A change that may wait for the secret's next write (a read time); see {@link SecretEngine.note}. */
  note(record: SecretRecord, change: (draft: SecretRecord, now: number) => void): void {
    this.engine.note(record, change);
  }

  /** Removes a secret at once, for good. */
  purge(record: SecretRecord): Promise<void> {
    return this.engine.purge(record);
  }

  /** The version a read means (by id, by label, the current one by default). */
  selectVersion(record: SecretRecord, choice: VersionChoice = {}): SecretVersion {
    return selectVersion(record, this.policyOf(record), choice);
  }

  /**
   * Writes a value as a version: a new one (labelled as asked, the current label by default), a
   * retry of the same write that changes nothing, or the filling of a placeholder. `alsoChange`
   * changes the secret's own metadata in the same write (a vendor's update-with-value).
   */
  async putValue(record: SecretRecord, write: ValueWrite, alsoChange?: (draft: SecretRecord) => void): Promise<ValueWritten> {
    const policy = this.policyOf(record);
    if (!alsoChange && putOutcome(record, policy, write.versionId, write.value) === 'repeat') {
      return { record, version: findVersion(record, write.versionId)!, outcome: 'repeat' };
    }
    const { record: updated, result } = await this.engine.update(record, (draft, now) => {
      const outcome = putOutcome(draft, policy, write.versionId, write.value);
      if (outcome === 'repeat' && !alsoChange) return outcome;
      alsoChange?.(draft);
      if (outcome === 'fill') {
        checkValueSize(write.value, policy);
        findVersion(draft, write.versionId)!.value = write.value;
      } else if (outcome === 'new') addVersion(draft, policy, { id: write.versionId, value: write.value, labels: write.labels, now });
      draft.changedAt = now;
      return outcome;
    });
    return { record: updated, version: findVersion(updated, write.versionId)!, outcome: result };
  }

  /** Overwrites an existing version's value in place, where the cloud's versions are not immutable. */
  async rewriteValue(record: SecretRecord, versionId: string, value: SecretValue): Promise<SecretRecord> {
    const policy = this.policyOf(record);
    if (!policy.versions.valuesRewritable) throw new CoreError('version-immutable', { versionId });
    const { record: updated } = await this.engine.update(record, (draft, now) => {
      const version = findVersion(draft, versionId);
      if (!version) throw new CoreError('version-not-found', { versionId });
      checkValueSize(value, policy);
      version.value = { ...value };
      draft.changedAt = now;
    });
    return updated;
  }

  /** Removes one version outright. */
  async deleteVersion(record: SecretRecord, versionId: string): Promise<SecretRecord> {
    const { record: updated } = await this.engine.update(record, (draft, now) => {
      deleteVersion(draft, versionId);
      draft.changedAt = now;
    });
    return updated;
  }

  /** Moves a label onto a version and/or off another, under the cloud's label rules and cap. */
  async moveLabel(record: SecretRecord, label: string, move: LabelMove): Promise<SecretRecord> {
    const policy = this.policyOf(record);
    const { record: updated } = await this.engine.update(record, (draft, now) => {
      moveLabel(draft, policy, label, move);
      draft.changedAt = now;
    });
    return updated;
  }

  /**
   * Deletes a secret: at once when forced or when the window is 0 days, otherwise after a
   * recovery window (the cloud's default when `windowDays` is undefined, within its bounds).
   */
  async scheduleDeletion(record: SecretRecord, request: { windowDays?: number; force?: boolean } = {}): Promise<DeletionScheduled> {
    const policy = this.policyOf(record);
    const days = recoveryWindowDays(policy, request.windowDays);
    if (request.force || days === 0) {
      if (!request.force && record.deletion && policy.deletion.whenScheduled === 'refuse') {
        throw new CoreError('already-scheduled-for-deletion', { name: record.name });
      }
      const purgeAt = this.now();
      await this.engine.purge(record);
      return { record, purged: true, purgeAt };
    }
    const { record: updated } = await this.engine.update(record, (draft, now) => scheduleDeletion(draft, policy, days, now));
    return { record: updated, purged: false, purgeAt: updated.deletion!.purgeAt };
  }

  /** Cancels a scheduled deletion (a restored secret comes back disabled where the cloud says so). */
  async cancelDeletion(record: SecretRecord): Promise<SecretRecord> {
    const policy = this.policyOf(record);
    // Checked before any write, so a no-op success writes nothing.
    if (!cancellable(record, policy)) return record;
    const { record: updated } = await this.engine.update(record, (draft, now) => cancelDeletion(draft, policy, now));
    return updated;
  }

  /** Adds or overwrites tags (first-seen order kept), within the cloud's tag cap. */
  tag(record: SecretRecord, tags: readonly Tag[]): Promise<SecretRecord> {
    return this.changeTags(record, (existing) => mergeTags(existing, tags, this.policyOf(record)));
  }

  /** Removes tags by key, or all of them. */
  untag(record: SecretRecord, keys: readonly string[] | 'all'): Promise<SecretRecord> {
    return this.changeTags(record, (existing) => removeTags(existing, keys));
  }

  /**
   * The secret brought up to the clock: a vendor transition that has come due is made (a creation
   * task finishing) and a scheduled rotation whose time has passed is carried out, durably, before
   * the caller reads it. A secret with nothing due comes back as it is, without a write.
   */
  async settled(record: SecretRecord): Promise<SecretRecord> {
    const policy = this.policyOf(record);
    if (!settleDue(record, policy, this.now())) return record;
    // Checked again on the latest state inside the write, so concurrent readers settle it once.
    const { record: updated, result: rotated } = await this.engine.update(record, (draft, now) => settleDraft(draft, policy, now, this.ids));
    const starter = this.rotationStarters.get(record.namespace.cloud);
    if (!rotated || rotated.value || !starter) return updated;
    await starter(updated, rotated);
    return this.engine.getByKey(updated.key) ?? updated;
  }

  /**
   * Every secret of the namespace brought up to the clock, as {@link settled} brings one; only those
   * with something due are written, so a namespace with nothing due costs one check per secret.
   */
  async settleAll(ns: Namespace): Promise<void> {
    const now = this.now();
    const due = this.engine.list(ns).filter((record) => settleDue(record, this.policyOf(record), now));
    await Promise.all(due.map((record) => this.settled(record)));
  }

  /**
   * Rotates a secret now, by its cloud's rotation model, into version `versionId` (or one the model
   * names); `alsoChange` records the vendor's side of it (a task) in the same write, and may refuse.
   */
  async rotate(
    record: SecretRecord,
    request: { versionId?: string; alsoChange?: (draft: SecretRecord, now: number) => void } = {},
  ): Promise<{ record: SecretRecord; version: SecretVersion }> {
    const policy = this.policyOf(record);
    const { record: updated, result } = await this.engine.update(record, (draft, now) => {
      request.alsoChange?.(draft, now);
      return rotateDraft(draft, policy, now, this.ids, { versionId: request.versionId });
    });
    return { record: updated, version: findVersion(updated, result.id)! };
  }

  private async changeTags(record: SecretRecord, change: (existing: Tag[] | undefined) => Tag[]): Promise<SecretRecord> {
    const policy = this.policyOf(record);
    const { record: updated } = await this.engine.update(record, (draft, now) => {
      const after = change(draft.tags);
      if (!policy.tags.unchangedTagsTouch && sameTags(after, draft.tags)) return;
      draft.tags = after;
      draft.changedAt = now;
    });
    return updated;
  }

  private policyOf(record: SecretRecord): CloudPolicy {
    return this.engine.policyFor(record.namespace.cloud);
  }
}
