import { findVersion } from '../../../src/core/versions.js';
import type { SecretRecord } from '../../../src/core/model.js';
import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { DEFAULT_VERSION_ID } from '../policy.js';
import { requireReadableSecret, requireSecret } from '../secrets.js';
import { findBySshKeyId, type SshKeyPair } from '../sshKeys.js';

interface GetSSHKeyPairValueInput {
  SecretName?: string;
  SSHKeyId?: string;
}

/** The description CVM shows for key pairs SSM created [doc: CLI example]. */
const SSH_KEY_DESCRIPTION = 'created by ssm';

/** The secret named by SecretName, else the one holding SSHKeyId; both must agree when both are given [inf]. */
function locate(input: GetSSHKeyPairValueInput, context: TencentContext): SecretRecord {
  // Either member identifies the key pair; with neither, SecretName is reported missing [inf].
  if (input.SecretName === undefined && input.SSHKeyId === undefined) throw ERRORS.missingParameter('SecretName');
  const record = input.SecretName !== undefined ? requireSecret(context, input.SecretName) : findBySshKeyId(context, input.SSHKeyId!);
  if (!record) throw ERRORS.sshKeyNotFound();
  if (record.tencent?.secretType !== 2) throw ERRORS.notSshKeySecret();
  if (input.SSHKeyId !== undefined && record.tencent.sshKeyId !== input.SSHKeyId) throw ERRORS.sshKeyNotFound();
  return record;
}

/** GetSSHKeyPairValue: the key pair of an Enabled SSH key pair secret, by SecretName or SSHKeyId. */
export async function GetSSHKeyPairValue(input: GetSSHKeyPairValueInput, context: TencentContext): Promise<object> {
  const record = requireReadableSecret(context, locate(input, context).name);
  const value = findVersion(record, DEFAULT_VERSION_ID)?.value;
  if (value?.type !== 'string') throw ERRORS.internal();
  const keyPair = JSON.parse(value.data) as SshKeyPair;
  return {
    SSHKeyID: String(record.tencent?.sshKeyId),
    PublicKey: keyPair.PublicKey,
    PrivateKey: keyPair.PrivateKey,
    ProjectID: record.tencent?.projectId ?? 0,
    SSHKeyDescription: SSH_KEY_DESCRIPTION,
    SSHKeyName: record.tencent?.resourceName ?? '',
  };
}
