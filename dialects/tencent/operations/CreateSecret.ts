import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { DEFAULT_VERSION_ID } from '../policy.js';
import { checkDescription, readValue, type ValueInput } from '../values.js';

interface CreateSecretInput extends ValueInput {
  SecretName: string;
  VersionId?: string;
  Description?: string;
  KmsKeyId?: string;
  SecretType?: number;
  AdditionalConfig?: string;
  Tags?: Array<{ TagKey: string; TagValue: string }>;
  KmsHsmClusterId?: string;
  EncryptType?: number;
}

/** Most secrets one region holds [docs]. */
const MAX_SECRETS = 1000;

/** CreateSecret: a user-defined secret and its first version (`SSM_Current` unless named). */
export async function CreateSecret(input: CreateSecretInput, context: TencentContext): Promise<object> {
  if ((input.SecretType ?? 0) !== 0) throw ERRORS.invalidValue('SecretType', 'CreateSecret creates user-defined secrets (0) only.');
  const value = readValue(input);
  checkDescription(input.Description);
  const tagKeys = input.Tags?.map((tag) => tag.TagKey) ?? [];
  if (new Set(tagKeys).size !== tagKeys.length) throw ERRORS.tagKeysDuplicated();
  if (context.engine.list(context.ns).length >= MAX_SECRETS) throw ERRORS.limitExceeded(`at most ${MAX_SECRETS} secrets per region`);
  const versionId = input.VersionId ?? DEFAULT_VERSION_ID;
  const record = await context.engine.create(context.ns, {
    name: input.SecretName,
    description: input.Description ?? '',
    kmsKeyId: input.KmsKeyId ?? '',
    tags: input.Tags?.map((tag) => ({ key: tag.TagKey, value: tag.TagValue })),
    attributes: {
      secretType: 0,
      additionalConfig: input.AdditionalConfig ?? '',
      encryptType: input.EncryptType ?? 0,
      resourceSuffix: context.engine.ids.alphanumeric(3).toLowerCase(),
    },
    firstVersion: { id: versionId, value },
  });
  // TagCode 0 and TagMsg "ok": tags were bound without trouble [SDK].
  return { SecretName: record.name, VersionId: versionId, TagCode: 0, TagMsg: 'ok' };
}
