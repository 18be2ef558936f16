import type { Namespace, SecretRecord } from './model.js';

/** Per-cloud rules the core enforces; one instance per cloud, so vendor rules are not scattered. */
export interface CloudPolicy {
  /** The label that marks the live version, and the one the live version gets when replaced. */
  readonly currentLabel?: string;
  readonly previousLabel?: string;
  /** Most versions a secret may hold; beyond it the oldest unlabelled ones are purged, or the write refused. */
  readonly maxVersions: number;
  /** When the cap is hit and no unlabelled version can be purged: refuse the write (`LimitExceeded`). */
  readonly purgeUnlabelledVersions: boolean;
  /** An unlabelled version younger than this is never purged by the cap. */
  readonly minAgeBeforePurgeMs: number;
  /** Most labels one version may carry. */
  readonly maxLabelsPerVersion: number;
  /** What a secret name may look like (characters and length). */
  readonly namePattern: RegExp;
  /** Largest value a version may hold, in bytes (binary values counted decoded). */
  readonly maxValueBytes: number;
  /** The vendor-facing identifier of a new secret (called once; the result is persisted). */
  resourceIdFor(namespace: Namespace, name: string, random: () => string): string;
}

/** Looks up the policy governing a record's cloud. */
export type PolicyLookup = (record: Pick<SecretRecord, 'namespace'>) => CloudPolicy;
