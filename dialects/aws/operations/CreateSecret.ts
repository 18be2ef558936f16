import { findVersion, sameValue } from '../../../src/core/versions.js';
import type { Tag } from '../../../src/core/model.js';
import type { AwsContext } from '../context.js';
import { assertValidName } from '../secrets.js';
import { readValue, requireToken, type ValueInput } from '../values.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';
import { replicateTo, type ReplicaRegionInput } from '../replication.js';
import { replicationStatus } from '../render.js';

interface CreateSecretInput extends ValueInput {
  Name: string;
  Description?: string;
  KmsKeyId?: string;
  Tags?: Array<{ Key?: string; Value?: string }>;
  AddReplicaRegions?: ReplicaRegionInput[];
  ForceOverwriteReplicaSecret?: boolean;
  Type?: string;
}

/** Tags as the core keeps them; a later tag with the same key wins. */
export function readTags(tags: Array<{ Key?: string; Value?: string }>): Tag[] {
  const byKey = new Map<string, string>();
  for (const tag of tags) byKey.set(tag.Key ?? '', tag.Value ?? '');
  return [...byKey].map(([key, value]) => ({ key, value }));
}

/** CreateSecret: a new secret, with a first AWSCURRENT version when a value is given. */
export async function CreateSecret(input: CreateSecretInput, context: AwsContext): Promise<object> {
  assertValidName(input.Name);
  const value = readValue(input);
  const token = value ? requireToken(input) : undefined;
  const existing = context.engine.get(context.ns, input.Name);
  if (existing && !existing.deletion && value && token) {
    // A retry with the token and value that created the secret gets the same answer [rec].
    const version = findVersion(existing, token);
    if (version && sameValue(version.value, value)) {
      return { ARN: existing.resourceId, Name: existing.name, VersionId: version.id, ReplicationStatus: replicationStatus(existing) };
    }
    if (version) throw new AwsError('ResourceExistsException', MESSAGES.tokenInUse(token, existing.resourceId));
  }
  if (input.AddReplicaRegions?.some((r) => r.Region === context.ns.region)) {
    throw new AwsError('InvalidParameterException', MESSAGES.invalidReplicaRegion);
  }
  let record = await context.engine.create(context.ns, {
    name: input.Name,
    description: input.Description,
    kmsKeyId: input.KmsKeyId,
    tags: input.Tags?.length ? readTags(input.Tags) : undefined,
    attributes: input.Type === undefined ? {} : { type: input.Type },
    firstVersion: value && token ? { id: token, value } : undefined,
  });
  if (input.AddReplicaRegions?.length) {
    record = await replicateTo(context, record, input.AddReplicaRegions, input.ForceOverwriteReplicaSecret ?? false);
  }
  return {
    ARN: record.resourceId,
    Name: record.name,
    VersionId: value ? token : undefined,
    ReplicationStatus: replicationStatus(record),
  };
}
