import type { SecretRecord, SecretValue, SecretVersion } from '../../src/core/model.js';
import { windowEnd } from './rotation/schedule.js';
import { DAY_MS } from '../../src/core/runtime.js';


/** AWS timestamps: epoch seconds as a JSON number with millisecond precision. */
export function epochSeconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round(ms) / 1000;
}

/** LastAccessedDate is kept to the day: 00:00 UTC of the access day [rec]. */
export function accessDay(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : (Math.floor(ms / DAY_MS) * DAY_MS) / 1000;
}

/** The SecretString or SecretBinary member of a value (binary stays base64 on the wire). */
export function valueMembers(value: SecretValue | undefined): { SecretString?: string; SecretBinary?: string } {
  if (!value) return {};
  return value.type === 'string' ? { SecretString: value.data } : { SecretBinary: value.data };
}

/** Version id → labels for every labelled version; undefined when there is none, so the member is omitted. */
export function versionsToStages(record: SecretRecord): Record<string, string[]> | undefined {
  const labelled = record.versions.filter((version) => version.labels.length > 0);
  if (labelled.length === 0) return undefined;
  return Object.fromEntries(labelled.map((version) => [version.id, [...version.labels]]));
}

/** Rotation members, none until rotation was configured [rec]; the next date only while rotation is on. */
function rotationMembers(record: SecretRecord): object {
  const schedule = record.rotation;
  if (!schedule) return {};
  return {
    RotationEnabled: schedule.enabled,
    RotationLambdaARN: record.aws?.rotationLambdaArn,
    RotationRules: record.aws?.rotationRules,
    LastRotatedDate: epochSeconds(schedule.lastAt),
    NextRotationDate: schedule.enabled && schedule.nextAt !== undefined ? epochSeconds(windowEnd(record, schedule.nextAt)) : undefined,
  };
}

/** Members shared by DescribeSecret and a ListSecrets entry, omitting whatever is unset [rec]. */
export function secretMetadata(record: SecretRecord): Record<string, unknown> {
  return {
    ARN: record.resourceId,
    Name: record.name,
    Type: record.aws?.type,
    // An empty description is not shown [rec].
    Description: record.description || undefined,
    KmsKeyId: record.kmsKeyId,
    ...rotationMembers(record),
    LastChangedDate: epochSeconds(record.changedAt),
    LastAccessedDate: accessDay(record.accessedAt),
    DeletedDate: epochSeconds(record.deletion?.requestedAt),
    Tags: record.tags?.map((tag) => ({ Key: tag.key, Value: tag.value })),
    OwningService: record.aws?.owningService,
    CreatedDate: epochSeconds(record.createdAt),
    PrimaryRegion: primaryRegionOf(record),
  };
}

/** The primary's region, shown only for secrets that take part in replication. */
export function primaryRegionOf(record: SecretRecord): string | undefined {
  if (record.replicaOf) return record.aws?.primaryRegion;
  return record.replicas?.length ? record.namespace.region : undefined;
}

/** ReplicationStatus entries of a primary, or undefined for an unreplicated secret. */
export function replicationStatus(record: SecretRecord): object[] | undefined {
  if (!record.replicas?.length) return undefined;
  return record.replicas.map((replica) => ({
    Region: replica.region,
    KmsKeyId: replica.kmsKeyId,
    Status: replica.status,
    StatusMessage: replica.statusMessage,
  }));
}

/** The members GetSecretValue and BatchGetSecretValue return for one version. */
export function secretValueOf(record: SecretRecord, version: SecretVersion): object {
  return {
    ARN: record.resourceId,
    Name: record.name,
    VersionId: version.id,
    ...valueMembers(version.value),
    // A version with no labels (deprecated) is shown without the member, as ListSecretVersionIds does [rec].
    VersionStages: version.labels.length ? [...version.labels] : undefined,
    CreatedDate: epochSeconds(version.createdAt),
  };
}
