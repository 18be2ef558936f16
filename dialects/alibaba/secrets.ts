import type { SecretRecord } from '../../src/core/model.js';
import type { AlibabaContext } from './context.js';
import { ERRORS } from './errors.js';
import { secretTypeOf } from './secretTypes.js';

// Every SecretName input also accepts the secret's ARN, which selects its own account and region [doc].
const ARN = /^acs:kms:([^:]*):([^:]*):secret\/(.+)$/;

/** The secret a SecretName (name or ARN) names, if it exists. */
export function findSecret(context: AlibabaContext, secretName: string): SecretRecord | undefined {
  const arn = ARN.exec(secretName);
  if (!arn) return context.secrets.get(context.ns, secretName);
  const [, region, account, name] = arn;
  if (context.ownAccountOnly && account !== context.ns.account) throw ERRORS.noPermission();
  return context.secrets.get({ cloud: 'alibaba', account, region }, name);
}

/** Like {@link findSecret}, but a missing secret is Forbidden.ResourceNotFound. */
export function requireSecret(context: AlibabaContext, secretName: string): SecretRecord {
  const record = findSecret(context, secretName);
  if (!record) throw ERRORS.notFound();
  return record;
}

/** A secret that may be read or written: not pending deletion [inf: Rejected.ResourceInDeleteWindow]. */
export function requireLiveSecret(context: AlibabaContext, secretName: string): SecretRecord {
  const record = requireSecret(context, secretName);
  if (record.deletion) throw ERRORS.inDeleteWindow();
  return record;
}

/** Actions that KMS allows only on Generic secrets refuse the managed types. */
export function assertGeneric(record: SecretRecord, action: string): void {
  const type = secretTypeOf(record);
  if (type !== 'Generic') throw ERRORS.unsupportedForType(action, type);
}


/** Actions that KMS allows only on managed secrets (rotation) refuse Generic ones [inf]. */
export function assertManaged(record: SecretRecord, action: string): void {
  const type = secretTypeOf(record);
  if (type === 'Generic') throw ERRORS.unsupportedForType(action, type);
}
