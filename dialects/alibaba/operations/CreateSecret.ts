import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { prepareManagedSecret } from '../managed.js';
import type { Params } from '../params.js';
import { managedMembers } from '../render.js';
import { mergeTags } from '../../../src/core/tags.js';
import { alibabaPolicy } from '../policy.js';
import { jsonTags } from '../tags.js';
import { valueOf } from '../values.js';

/** A policy is at most 32768 bytes [doc]. */
const MAX_POLICY_BYTES = 32_768;

/** The Policy parameter, checked like SetSecretPolicy does: a JSON object of at most 32768 bytes [inf]. */
function policyOf(params: Params): string | undefined {
  const policy = params.get('Policy');
  if (policy === undefined) return undefined;
  if (Buffer.byteLength(policy, 'utf8') > MAX_POLICY_BYTES) throw ERRORS.invalid('Policy', `It must be at most ${MAX_POLICY_BYTES} bytes.`);
  const document = params.json('Policy');
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw ERRORS.invalid('Policy', 'It must be a JSON object.');
  return policy;
}

/**
 * CreateSecret: a secret with its first version, which gets ACSCurrent. A name in use is
 * Rejected.ResourceExist, or Rejected.ResourceInDeleteWindow while its holder awaits deletion [doc].
 */
export async function CreateSecret(params: Params, context: AlibabaContext): Promise<object> {
  const name = params.required('SecretName');
  const secretType = params.get('SecretType') ?? 'Generic';
  // Generic names may not use the prefix KMS reserves for managed secrets [doc].
  if (secretType === 'Generic' && name.startsWith('acs/')) throw ERRORS.invalid('SecretName');
  const tags = jsonTags(params, 'Tags');
  const policy = policyOf(params);
  const dkmsInstanceId = params.get('DKMSInstanceId');
  const managed = prepareManagedSecret(params, secretType, name, context);
  const record = await context.secrets.create(context.ns, {
    name: managed?.name ?? name,
    description: params.get('Description'),
    kmsKeyId: params.get('EncryptionKeyId'),
    // [inf] A key given twice keeps its last value.
    tags: tags && mergeTags(undefined, tags, alibabaPolicy),
    resourcePolicy: policy,
    alibaba: { secretType, extendedConfig: managed?.extendedConfig, dkmsInstanceId },
    rotation: managed?.rotation,
    firstVersion: { id: params.required('VersionId'), value: managed?.value ?? valueOf(params) },
  });
  return {
    Arn: record.resourceId,
    SecretName: record.name,
    VersionId: record.versions[0].id,
    SecretType: secretType,
    DKMSInstanceId: dkmsInstanceId,
    ...managedMembers(record),
  };
}
