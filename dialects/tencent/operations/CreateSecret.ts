import type { TencentContext } from '../context.js';
import { commonSecretFields, type CommonCreateInput } from '../creation.js';
import { ERRORS } from '../errors.js';
import { DEFAULT_VERSION_ID } from '../policy.js';
import { readValue, type ValueInput } from '../values.js';

interface CreateSecretInput extends CommonCreateInput, ValueInput {
  VersionId?: string;
  SecretType?: number;
  AdditionalConfig?: string;
}

/** CreateSecret: a user-defined secret and its first version (`SSM_Current` unless named). */
export async function CreateSecret(input: CreateSecretInput, context: TencentContext): Promise<object> {
  if ((input.SecretType ?? 0) !== 0) {
    throw ERRORS.invalidValue('SecretType', 'CreateSecret creates user-defined secrets (0) only.', 'CreateSecret 只能创建用户自定义凭据（0）。');
  }
  const value = readValue(input);
  const common = commonSecretFields(context, input);
  const versionId = input.VersionId ?? DEFAULT_VERSION_ID;
  const record = await context.secrets.create(context.ns, {
    ...common,
    tencent: { ...common.tencent, additionalConfig: input.AdditionalConfig ?? '' },
    firstVersion: { id: versionId, value },
  });
  // TagCode 0 and TagMsg "ok": tags were bound without trouble [sdk].
  return { SecretName: record.name, VersionId: versionId, TagCode: 0, TagMsg: 'ok' };
}
