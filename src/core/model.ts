import type { AlibabaState, AwsState, TencentState } from './vendorState.js';

/** The clouds polysecret speaks; each owns its namespaces. */
export type Cloud = 'aws' | 'alibaba' | 'tencent';

/** State is partitioned by cloud, account and region; a secret lives in exactly one namespace. */
export interface Namespace {
  cloud: Cloud;
  account: string;
  region: string;
}

/** A version's payload: text, or bytes kept as base64. */
export type SecretValue = { type: 'string'; data: string } | { type: 'binary'; data: string };

/** An immutable version of a secret. Only its labels and access time ever change. */
export interface SecretVersion {
  id: string;
  /** Absent for a placeholder version (e.g. one created ahead of its value by a rotation). */
  value?: SecretValue;
  /** Stage labels on this version; a label is on at most one version of a secret. */
  labels: string[];
  createdAt: number;
  lastAccessedAt?: number;
}

export interface Tag {
  key: string;
  value: string;
}

/** Where a secret is replicated to, as seen from its primary. */
export interface ReplicaStatus {
  region: string;
  kmsKeyId?: string;
  status: 'InSync' | 'Failed' | 'InProgress';
  statusMessage?: string;
}

/** One secret with all its versions. Times are epoch milliseconds from the injected clock. */
export interface SecretRecord {
  /** Internal identity, stable for the life of the record; never shown to clients. */
  key: string;
  namespace: Namespace;
  name: string;
  /** The vendor-facing global identifier (an ARN for AWS), chosen by the cloud's policy at creation. */
  resourceId: string;
  description?: string;
  kmsKeyId?: string;
  /** Undefined until tags were first set; an empty list afterwards is meaningful to some vendors. */
  tags?: Tag[];
  enabled: boolean;
  createdAt: number;
  changedAt: number;
  accessedAt?: number;
  /** Present while the secret is scheduled for deletion. */
  deletion?: { requestedAt: number; purgeAt: number };
  resourcePolicy?: string;
  versions: SecretVersion[];
  /** Scheduled rotation, kept the same way for every cloud; the core carries it out when due. */
  rotation?: RotationSchedule;
  /** State only AWS has; set on AWS secrets only. */
  aws?: AwsState;
  /** State only Alibaba Cloud KMS has; set on Alibaba secrets only. */
  alibaba?: AlibabaState;
  /** State only Tencent Cloud SSM has; set on Tencent secrets only. */
  tencent?: TencentState;
  /** On a primary: the regions it is replicated to. */
  replicas?: ReplicaStatus[];
  /** On a replica: the key of its primary record, whose versions it mirrors. */
  replicaOf?: string;
}

/**
 * When a secret rotates by itself. Times are epoch milliseconds of the emulator clock, like every
 * time on the record; `nextAt` is when the core rotates it next (lazily, on the first use after it).
 */
export interface RotationSchedule {
  enabled: boolean;
  /** The period between rotations. */
  intervalMs?: number;
  /** The time slots are counted from, for vendors whose schedule is aligned to a begin time. */
  anchorAt?: number;
  nextAt?: number;
  lastAt?: number;
}
