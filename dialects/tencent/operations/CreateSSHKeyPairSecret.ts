import type { TencentContext } from '../context.js';
import { commonSecretFields, type CommonCreateInput } from '../creation.js';
import { ERRORS } from '../errors.js';
import { DEFAULT_VERSION_ID } from '../policy.js';
import { newSshKeyId, newSshKeyPair } from '../sshKeys.js';

interface CreateSSHKeyPairSecretInput extends CommonCreateInput {
  ProjectId: number;
  SSHKeyName?: string;
}

/** SecretType of SSH key pair secrets, bound to the Cvm product [sdk]. */
const SSH_KEY_PAIR = 2;

/**
 * CreateSSHKeyPairSecret: a new RSA key pair (as CVM would create it) held by an SSH key pair
 * secret (SecretType 2), Enabled at once. The key pair gets an `skey-xxxxxxxx` id and, unless
 * named, the name `skey_xxxxxxxx` [inf: the real default name is undocumented]; names are
 * unique in a region like CVM key pair names [inf]. The keys are the secret's one version,
 * `SSM_Current`, as JSON `{"PublicKey","PrivateKey"}` [inf], read back with GetSSHKeyPairValue.
 */
export async function CreateSSHKeyPairSecret(input: CreateSSHKeyPairSecretInput, context: TencentContext): Promise<object> {
  const common = commonSecretFields(context, input);
  const sshKeyId = newSshKeyId(context);
  const sshKeyName = input.SSHKeyName ?? sshKeyId.replace('-', '_');
  const taken = context.secrets.list(context.ns).some((record) => record.tencent?.secretType === SSH_KEY_PAIR && record.tencent.resourceName === sshKeyName);
  if (taken) throw ERRORS.invalidValue('SSHKeyName', 'an SSH key pair with this name already exists.', '同名 SSH 密钥对已存在。');
  const keyPair = await newSshKeyPair(sshKeyId);
  const record = await context.secrets.create(context.ns, {
    ...common,
    tencent: { ...common.tencent, secretType: SSH_KEY_PAIR, productName: 'Cvm', sshKeyId, resourceName: sshKeyName, projectId: input.ProjectId },
    firstVersion: { id: DEFAULT_VERSION_ID, value: { type: 'string', data: JSON.stringify(keyPair) }, labels: [] },
  });
  // TagCode 0 and TagMsg "ok": tags were bound without trouble [sdk].
  return { SecretName: record.name, SSHKeyID: sshKeyId, SSHKeyName: sshKeyName, TagCode: 0, TagMsg: 'ok' };
}
