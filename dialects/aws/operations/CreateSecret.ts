import { mergeTags } from '../../../src/core/tags.js';
import { findVersion, putOutcome } from '../../../src/core/versions.js';
import type { AwsContext } from '../context.js';
import { assertValidName } from '../secrets.js';
import { readValue, requireToken, tagsOf, type ValueInput } from '../values.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';
import { replicateTo, type ReplicaRegionInput } from '../replication.js';
import { replicationStatus } from '../render.js';
import { awsPolicy } from '../policy.js';

interface CreateSecretInput extends ValueInput {
  Name: string;
  Description?: string;
  KmsKeyId?: string;
  Tags?: Array<{ Key?: string; Value?: string }>;
  AddReplicaRegions?: ReplicaRegionInput[];
  ForceOverwriteReplicaSecret?: boolean;
  Type?: string;
}

/** CreateSecret: a new secret, with a first AWSCURRENT version when a value is given. */
export async function CreateSecret(input: CreateSecretInput, context: AwsContext): Promise<object> {
  assertValidName(input.Name);
  const value = readValue(input);
  const token = value ? requireToken(input) : undefined;
  const existing = context.secrets.get(context.ns, input.Name);
  if (existing && !existing.deletion && value && token) {
    // A retry with the token and value that created the secret gets the same answer; another value is refused [rec].
    if (putOutcome(existing, awsPolicy, token, value) === 'repeat') {
      return { ARN: existing.resourceId, Name: existing.name, VersionId: findVersion(existing, token)!.id, ReplicationStatus: replicationStatus(existing) };
    }
  }
  if (input.AddReplicaRegions?.some((r) => r.Region === context.ns.region)) {
    throw new AwsError('InvalidParameterException', MESSAGES.invalidReplicaRegion);
  }
  let record = await context.secrets.create(context.ns, {
    name: input.Name,
    description: input.Description,
    kmsKeyId: input.KmsKeyId,
    tags: input.Tags?.length ? mergeTags(undefined, tagsOf(input.Tags), awsPolicy) : undefined,
    aws: input.Type === undefined ? undefined : { type: input.Type },
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
