import type { Cloud, Namespace, RotationSchedule, SecretRecord, SecretValue } from './model.js';
import type { IdSource } from './runtime.js';

/** Stage labels: which exist, how many a version may carry, and how they may move. */
export interface LabelRules {
  /** The label that marks the live version; none for vendors without labels. */
  readonly current?: string;
  /** The label the old live version gets when it is replaced. */
  readonly previous?: string;
  /** Most labels one version may carry. */
  readonly maxPerVersion: number;
  /** Labels the old live version loses when a new value becomes current (a rotation in flight ends). */
  readonly clearedFromOldCurrent: readonly string[];
  /** Labels that may only be moved to another version, never just taken off. */
  readonly moveOnly: readonly string[];
  /** Moving a label off another version must name that version (`label-held-elsewhere` otherwise). */
  readonly moveNamesOldHolder: boolean;
}

/** Versions: how many, what happens at the cap, and whether they change once written. */
export interface VersionRules {
  /** Most versions a secret may hold. */
  readonly max: number;
  /** At the cap: purge the oldest unlabelled versions, or refuse the write (`too-many-versions`). */
  readonly atCap: 'purge-oldest-unlabelled' | 'refuse';
  /** An unlabelled version younger than this is never purged by the cap. */
  readonly minAgeBeforePurgeMs: number;
  /** A write repeating a version id with the same value succeeds and changes nothing (else `version-exists`). */
  readonly repeatIsIdempotent: boolean;
  /** A version's value may be rewritten in place. */
  readonly valuesRewritable: boolean;
}

/** Values: how large, counted how. */
export interface ValueRules {
  /** Largest value a version may hold, in bytes. */
  readonly maxBytes: number;
  /** Binary values counted as the bytes they decode to, or as the base64 text that was sent. */
  readonly binaryCountedAs: 'decoded' | 'base64';
}

/** Scheduled deletion and its undoing. */
export interface DeletionRules {
  /** The recovery window when none is asked for; 0 deletes at once. */
  readonly defaultWindowDays: number;
  readonly minWindowDays: number;
  readonly maxWindowDays: number;
  /** Deleting a secret already scheduled: refuse (`already-scheduled-for-deletion`) or schedule again from now. */
  readonly whenScheduled: 'refuse' | 'reschedule';
  /** Cancelling the deletion of a secret that is not scheduled: a no-op, or `not-scheduled-for-deletion`. */
  readonly cancelUnscheduled: 'succeed' | 'refuse';
  /** A restored secret comes back disabled. */
  readonly restoresDisabled: boolean;
}

/** Tags. */
export interface TagRules {
  /** Most tags one secret may carry (`too-many-tags` beyond). */
  readonly maxPerSecret: number;
  /** A tag change that changes nothing still counts as a change of the secret. */
  readonly unchangedTagsTouch: boolean;
}

/** What a rotation is for a cloud; the core decides when one is due and carries it out. */
export interface RotationModel {
  /** Whether this secret, as it now is, rotates when its schedule says so. */
  rotates(record: SecretRecord): boolean;
  /** When the rotation after one at `at` falls (the record carries any vendor rules, e.g. a cron expression); undefined: no next one. */
  nextAfter(schedule: RotationSchedule, at: number, record: SecretRecord): number | undefined;
  /** A rotation asked for by a client restarts the schedule from now (else the schedule keeps its slots). */
  readonly manualRestartsSchedule: boolean;
  /**
   * The value of the version a rotation writes, and its id where the cloud names it (else the
   * caller's, or a uuid). Absent where the rotation writes a placeholder, under the caller's id or
   * a uuid, that the cloud's own rotation process fills (see `SecretLifecycle.onRotationStart`);
   * the rotation then counts only once that is done. Absence, not a value-less result, says so,
   * so the semantics document can tell the two models apart without a sample secret.
   */
  readonly newVersion?: (record: SecretRecord, now: number, ids: IdSource) => { value: SecretValue; id?: string };
  /** The rotated version's labels; the current label when undefined. */
  readonly labels?: readonly string[];
  /** A rotation is never refused for the version cap: the oldest versions make room. */
  readonly makesRoom: boolean;
}

/** A vendor's change of state that comes due with time (e.g. a creation task finishing). */
export interface PendingTransition {
  /** What the change is, in a few words (listed in the semantics document). */
  readonly summary: string;
  due(record: SecretRecord, now: number): boolean;
  apply(draft: SecretRecord, now: number): void;
}

/**
 * One cloud's rules for the lifecycle the core runs. A cloud's differences are data here, not
 * code in its operations; one instance per cloud, given to the core by the composition root.
 */
export interface CloudPolicy {
  readonly cloud: Cloud;
  /** What a secret name may look like (characters and length). */
  readonly namePattern: RegExp;
  readonly labels: LabelRules;
  readonly versions: VersionRules;
  readonly values: ValueRules;
  readonly deletion: DeletionRules;
  readonly tags: TagRules;
  readonly rotation?: RotationModel;
  readonly transitions?: readonly PendingTransition[];
  /** The vendor-facing identifier of a new secret (called once; the result is persisted). */
  resourceIdFor(namespace: Namespace, name: string, random: () => string): string;
  /** What the vendor's plain CreateSecret gives a secret besides its name, so seeded secrets read back the same. */
  plainSecret(ids: IdSource): Pick<SecretRecord, 'description' | 'kmsKeyId' | 'aws' | 'alibaba' | 'tencent'>;
  /** The id of the `index`th version of a seeded secret that names none, in the vendor's usual style. */
  seedVersionId(index: number, ids: IdSource): string;
  /** The vendor state of a record saved before typed state existed (its `attributes`), for records read back from disk. */
  fromLegacyAttributes?(attributes: Record<string, unknown>): Pick<SecretRecord, 'rotation' | 'aws' | 'alibaba' | 'tencent'>;
}

/** Looks up the policy governing a record's cloud. */
export type PolicyLookup = (record: Pick<SecretRecord, 'namespace'>) => CloudPolicy;
