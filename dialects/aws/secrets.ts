import type { SecretRecord } from '../../src/core/model.js';
import type { AwsContext } from './context.js';
import { AwsError } from './envelope.js';
import { MESSAGES } from './messages.js';
import { awsPolicy } from './policy.js';

const ARN = /^arn:[^:]+:secretsmanager:([^:]+):([^:]+):secret:(.+)$/;
const SUFFIXED = /-[A-Za-z0-9]{6}$/;

/** Throws AWS's ValidationException for a name outside AWS's character set, on every operation. */
export function assertValidName(name: string): void {
  if (!awsPolicy.namePattern.test(name)) throw new AwsError('ValidationException', MESSAGES.invalidName);
}

/**
 * Finds the secret a `SecretId` names: a full ARN, a name in the caller's namespace, or a
 * partial ARN (the ARN without its random suffix). An ARN selects its own account and region.
 */
export function findSecret(context: AwsContext, secretId: string): SecretRecord | undefined {
  const arn = ARN.exec(secretId);
  if (!arn) {
    assertValidName(secretId);
    return context.secrets.get(context.ns, secretId);
  }
  const [, region, account, rest] = arn;
  if (context.caller && account !== context.ns.account) {
    throw new AwsError('AccessDeniedException', MESSAGES.crossAccountDenied(context.caller.principal, context.caller.operation, secretId));
  }
  const exact = context.secrets.getByResourceId(secretId);
  if (exact) return exact;
  // An ARN ending in "-" and six characters reads as a full ARN, so it is never a partial one, even when a
  // secret's name ends that way: "those characters cause Secrets Manager to assume that you're specifying a
  // complete ARN" [doc: the SecretId member of every operation] and such a name's partial ARN is not found
  // [rec: test_create_and_update_secret[Invalid/_+=.@-Name-a1b2c3-False]].
  if (SUFFIXED.test(rest)) return undefined;
  const partial = context.secrets.get({ cloud: 'aws', account, region }, rest);
  return partial && partial.resourceId.length === secretId.length + 7 ? partial : undefined;
}

/** Like {@link findSecret}, but a missing secret is AWS's ResourceNotFoundException. */
export function requireSecret(context: AwsContext, secretId: string): SecretRecord {
  const record = findSecret(context, secretId);
  if (!record) throw new AwsError('ResourceNotFoundException', MESSAGES.secretNotFound);
  return record;
}

/** Secrets scheduled for deletion refuse reads and writes with InvalidRequestException [rec]. */
export function assertNotDeleted(record: SecretRecord): void {
  if (record.deletion) throw new AwsError('InvalidRequestException', MESSAGES.markedForDeletion);
}

/**
 * Writes go to the primary; a replica refuses them with InvalidParameterException. Seen for
 * PutResourcePolicy [obs: lgallard/terraform-aws-secrets-manager#188] and DeleteSecret [obs:
 * gruntwork-io/cloud-nuke#435, rebuy-de/aws-nuke#1127]; that every other write answers the same
 * (one generic text, so one check) is [inf].
 */
export function assertNotReplica(record: SecretRecord): void {
  if (record.replicaOf) throw new AwsError('InvalidParameterException', MESSAGES.replicaWrite);
}

/** A secret that may be written: exists, is not scheduled for deletion, and is not a replica. */
export function requireWritableSecret(context: AwsContext, secretId: string): SecretRecord {
  const record = requireSecret(context, secretId);
  assertNotDeleted(record);
  assertNotReplica(record);
  return record;
}
