import type { ReplicaStatus, SecretRecord } from '../../src/core/model.js';
import type { AwsContext } from './context.js';
import { AwsError } from './envelope.js';
import { MESSAGES } from './messages.js';

/** One entry of AddReplicaRegions. */
export interface ReplicaRegionInput {
  Region?: string;
  KmsKeyId?: string;
}

/** A replica's ARN is its primary's with the region swapped [doc]. */
function replicaArn(primary: SecretRecord, region: string): string {
  return primary.resourceId.replace(`:${primary.namespace.region}:`, `:${region}:`);
}

/**
 * The AWS state a replica starts with: its primary's region and the service that manages the
 * primary, which a replica shows as its own OwningService, so ListSecrets' owning-service filter in
 * the replica's region finds it. AWS copies "metadata such as tags and resource policies" to replicas
 * [doc: user guide, "Replicate AWS Secrets Manager secrets across Regions"]; that OwningService is among
 * it is [inf]. A managing service never changes, so the copy made here stays true.
 */
function replicaState(primary: SecretRecord): NonNullable<SecretRecord['aws']> {
  const owningService = primary.aws?.owningService;
  return { primaryRegion: primary.namespace.region, ...(owningService === undefined ? {} : { owningService }) };
}

/**
 * Creates read-only replicas of `primary` in other regions of its account. A name already
 * taken in a target region makes that replica `Failed` unless ForceOverwriteReplicaSecret
 * is set, which replaces the other secret. The engine keeps replicas' versions in step.
 */
export async function replicateTo(
  context: AwsContext,
  primary: SecretRecord,
  regions: ReplicaRegionInput[],
  forceOverwrite: boolean,
): Promise<SecretRecord> {
  // Checked before anything is created, so a refused request leaves no replica behind.
  if (regions.some(({ Region: region }) => region === primary.namespace.region)) {
    throw new AwsError('InvalidParameterException', MESSAGES.invalidReplicaRegion);
  }
  const statuses: ReplicaStatus[] = [...(primary.replicas ?? [])];
  for (const { Region: region = '', KmsKeyId: kmsKeyId } of regions) {
    const known = statuses.findIndex((status) => status.region === region);
    if (known >= 0 && statuses[known].status !== 'Failed') continue;
    // A region that failed before is tried again, as a retry with ForceOverwriteReplicaSecret would be.
    if (known >= 0) statuses.splice(known, 1);
    const ns = { ...primary.namespace, region };
    const clash = context.secrets.get(ns, primary.name);
    if (clash && !forceOverwrite) {
      statuses.push({
        region,
        kmsKeyId,
        status: 'Failed',
        statusMessage: `Replication failed: Secret name ${primary.name} already exists in region ${region}.`,
      });
      continue;
    }
    if (clash) await context.secrets.purge(clash);
    await context.secrets.create(ns, {
      name: primary.name,
      kmsKeyId,
      aws: replicaState(primary),
      resourceId: replicaArn(primary, region),
      replicaOf: primary.key,
    });
    statuses.push({ region, kmsKeyId, status: 'InSync' });
  }
  const { record } = await context.secrets.update(primary, (draft) => {
    draft.replicas = statuses;
  });
  return record;
}

/** Deletes the replicas in these regions and forgets them on the primary. */
export async function removeReplicas(context: AwsContext, primary: SecretRecord, regions: string[]): Promise<SecretRecord> {
  const removed = new Set(regions);
  for (const region of removed) {
    const replica = context.secrets.get({ ...primary.namespace, region }, primary.name);
    if (replica?.replicaOf === primary.key) await context.secrets.purge(replica);
  }
  const { record } = await context.secrets.update(primary, (draft) => {
    draft.replicas = (draft.replicas ?? []).filter((status) => !removed.has(status.region));
  });
  return record;
}

/** Turns a replica into a standalone secret and detaches it from its primary. */
export async function promoteReplica(context: AwsContext, replica: SecretRecord): Promise<SecretRecord> {
  const primary = replica.replicaOf ? context.secrets.getByKey(replica.replicaOf) : undefined;
  if (primary) {
    await context.secrets.update(primary, (draft) => {
      draft.replicas = (draft.replicas ?? []).filter((status) => status.region !== replica.namespace.region);
    });
  }
  const { record } = await context.secrets.update(replica, (draft, now) => {
    delete draft.replicaOf;
    if (draft.aws) delete draft.aws.primaryRegion;
    draft.changedAt = now;
  });
  return record;
}
