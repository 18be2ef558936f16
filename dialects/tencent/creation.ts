import type { NewSecret } from '../../src/core/engine.js';
import type { TencentState } from '../../src/core/vendorState.js';
import type { TencentContext } from './context.js';
import { ERRORS } from './errors.js';
import { tencentPolicy } from './policy.js';
import { checkDescription } from './values.js';

/** The members CreateProductSecret and CreateSSHKeyPairSecret share with CreateSecret. */
export interface CommonCreateInput {
  SecretName: string;
  Description?: string;
  KmsKeyId?: string;
  Tags?: Array<{ TagKey: string; TagValue: string }>;
  KmsHsmClusterId?: string;
  EncryptType?: number;
}

/** Most secrets one region holds, whatever their type [doc]. */
const MAX_SECRETS = 1000;

/**
 * Checks what every create action checks (description size, duplicate tag keys, a free name,
 * the region's quota) and returns the new secret's common fields and Tencent state.
 */
export function commonSecretFields(context: TencentContext, input: CommonCreateInput): NewSecret & { tencent: TencentState } {
  checkDescription(input.Description);
  const tagKeys = input.Tags?.map((tag) => tag.TagKey) ?? [];
  if (new Set(tagKeys).size !== tagKeys.length) throw ERRORS.tagKeysDuplicated();
  // Checked up front so no key pair or flow is made for a name in use; the engine checks again.
  if (context.secrets.get(context.ns, input.SecretName)) throw ERRORS.secretExists();
  if (context.secrets.count(context.ns) >= MAX_SECRETS) throw ERRORS.limitExceeded(`at most ${MAX_SECRETS} secrets per region`, `每个地域最多 ${MAX_SECRETS} 个凭据`);
  return {
    name: input.SecretName,
    description: input.Description ?? '',
    kmsKeyId: input.KmsKeyId ?? '',
    tags: input.Tags?.map((tag) => ({ key: tag.TagKey, value: tag.TagValue })),
    tencent: { ...tencentPolicy.plainSecret(context.secrets.ids).tencent!, encryptType: input.EncryptType ?? 0 },
  };
}
