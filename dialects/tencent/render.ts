import type { SecretRecord, SecretValue } from '../../src/core/model.js';
import { statusOf } from './secrets.js';
import { DAY_MS } from '../../src/core/runtime.js';

/** SSM timestamps: unix seconds as integers. */
export function unixSeconds(ms: number | undefined): number {
  return ms === undefined ? 0 : Math.floor(ms / 1000);
}

/** Both value members, the unused one as "" — clients such as Terraform dereference both [doc: example]. */
export function valueMembers(value: SecretValue | undefined): { SecretBinary: string; SecretString: string } {
  return {
    SecretBinary: value?.type === 'binary' ? value.data : '',
    SecretString: value?.type === 'string' ? value.data : '',
  };
}

/**
 * The APPID in ResourceIDs. polysecret has no APPID setting; any 10-digit number looks real
 * [inf: real ones are the account's APPID, e.g. 1258641191].
 */
const EMULATED_APP_ID = '1250000000';

/** A UIN as SSM's integer member; 0 when the configured account is not a safe integer. */
function uinNumber(account: string): number {
  const uin = Number(account);
  return Number.isSafeInteger(uin) ? uin : 0;
}

/**
 * `<appid>_<uin>_customize_<creation time in ns>_<3 chars>`, the form of a user secret's ResourceID
 * [doc: CLI example]; stable because both variable parts are stored with the secret.
 */
export function resourceIdOf(record: SecretRecord): string {
  // A product secret's ResourceID is its instance's id [sdk: docs; Terraform reads it back as instance_id];
  // an SSH key pair secret's, its key pair's id [inf].
  const boundResource = record.tencent?.instanceId ?? record.tencent?.sshKeyId;
  if (typeof boundResource === 'string') return boundResource;
  const nanos = (BigInt(record.createdAt) * 1_000_000n).toString();
  return `${EMULATED_APP_ID}_${record.namespace.account}_customize_${nanos}_${record.tencent?.resourceSuffix ?? 'aaa'}`;
}

/** The members DescribeSecret (and, adapted, ListSecrets) report for a secret. */
export interface DescribeMembers {
  SecretName: string;
  Description: string;
  KmsKeyId: string;
  CreateUin: number;
  Status: string;
  DeleteTime: number;
  CreateTime: number;
  SecretType: number;
  ProductName: string;
  ResourceID: string;
  RotationStatus: boolean;
  RotationFrequency: number;
  ResourceName: string;
  ProjectID: number;
  AssociatedInstanceIDs: string[];
  TargetUin: number;
  AdditionalConfig: string;
  EncryptType: number;
  EncryptSwitching: boolean;
  CreateUinString: string;
  TargetUinString: string;
}

/**
 * DescribeSecret's members for a user-defined secret, every one present with SSM's type (Terraform
 * dereferences them). AccountInfoList and NextRotationTime are left out, as in the real answer
 * for a user secret [doc: CLI example]. ListSecrets reuses this and adjusts RotationStatus to 0/1.
 */
export function describeMembers(record: SecretRecord): DescribeMembers {
  const state = record.tencent;
  return {
    SecretName: record.name,
    Description: record.description ?? '',
    KmsKeyId: record.kmsKeyId ?? '',
    CreateUin: uinNumber(record.namespace.account),
    Status: statusOf(record),
    // DeleteTime is 0 unless the secret waits for deletion [doc].
    DeleteTime: record.deletion ? unixSeconds(record.deletion.purgeAt) : 0,
    CreateTime: unixSeconds(record.createdAt),
    SecretType: state?.secretType ?? 0,
    ProductName: state?.productName ?? 'default',
    ResourceID: resourceIdOf(record),
    RotationStatus: record.rotation?.enabled === true,
    // In days; 0 for a secret without a rotation schedule.
    RotationFrequency: record.rotation?.intervalMs === undefined ? 0 : record.rotation.intervalMs / DAY_MS,
    ResourceName: state?.resourceName ?? '',
    ProjectID: state?.projectId ?? 0,
    AssociatedInstanceIDs: [],
    TargetUin: 0,
    AdditionalConfig: state?.additionalConfig ?? '',
    EncryptType: state?.encryptType ?? 0,
    EncryptSwitching: false,
    CreateUinString: record.namespace.account,
    TargetUinString: '0',
  };
}
