import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { prepareManagedSecret } from '../managed.js';
import type { Params } from '../params.js';
import { jsonTags } from '../tags.js';
import { valueOf } from '../values.js';
import { managedMembers } from '../render.js';

/** CreateSecret: a secret with its first version, which gets ACSCurrent. */
export async function CreateSecret(params: Params, context: AlibabaContext): Promise<object> {
  const name = params.required('SecretName');
  const secretType = params.get('SecretType') ?? 'Generic';
  // Generic names may not use the prefix KMS reserves for managed secrets [doc].
  if (secretType === 'Generic' && name.startsWith('acs/')) throw ERRORS.invalid('SecretName');
  const managed = prepareManagedSecret(params, secretType, name, context);
  const record = await context.engine.create(context.ns, {
    name: managed?.name ?? name,
    description: params.get('Description'),
    kmsKeyId: params.get('EncryptionKeyId'),
    tags: jsonTags(params, 'Tags'),
    attributes: { secretType, ...managed?.attributes, ...optional('dkmsInstanceId', params.get('DKMSInstanceId')) },
    firstVersion: { id: params.required('VersionId'), value: managed?.value ?? valueOf(params) },
  });
  if (params.get('Policy') !== undefined) {
    await context.engine.update(record, (draft) => {
      draft.resourcePolicy = params.get('Policy');
    });
  }
  return {
    Arn: record.resourceId,
    SecretName: record.name,
    VersionId: record.versions[0].id,
    SecretType: secretType,
    DKMSInstanceId: params.get('DKMSInstanceId'),
    ...managedMembers(record),
  };
}

function optional(key: string, value: string | undefined): Record<string, string> {
  return value === undefined ? {} : { [key]: value };
}
