/** The managed secret types as the managed suites (managed.test.ts, RotateSecret, UpdateSecretRotationPolicy) create them. */
import type { AlibabaCall } from './alibaba.js';

/** A fixed start for the injected clock of the managed suites: 2024-01-01T00:00:00Z. */
export const START = Date.UTC(2024, 0, 1);

/** How one managed type is created, and what its credentials look like. */
export interface ManagedCase {
  label: string;
  type: string;
  /** The SecretName sent. */
  name: string;
  /** The name KMS gives the secret. */
  storedName: string;
  secretData: string;
  extendedConfig: string;
  /** The members of SecretData as GetSecretValue returns it, sorted. */
  keys: string[];
  /** Members of the first value known in advance. */
  initial: Record<string, string>;
}

export const MANAGED_CASES: ManagedCase[] = [
  {
    label: 'Rds',
    type: 'Rds',
    name: 'app/db',
    storedName: 'app/db',
    secretData: '{"Accounts":[{"AccountName":"app","AccountPassword":"Initial-Pass1"}]}',
    extendedConfig: '{"SecretSubType":"SingleUser", "DBInstanceId":"rm-bp1b3dd3a506e0001", "CustomData":{}}',
    keys: ['AccountName', 'AccountPassword'],
    initial: { AccountName: 'app', AccountPassword: 'Initial-Pass1' },
  },
  {
    label: 'Redis',
    type: 'Redis',
    name: 'app/cache',
    storedName: 'app/cache',
    secretData: '$Auto',
    extendedConfig:
      '{"SecretSubType":"DoubleUsers","AccountName":"cacheuser","CloneAccountName":"cacheuser_clone","AccountPrivilege":"RoleReadOnly","InstanceId":"r-bp1zxszhcgatnx0001","RegionId":"cn-hangzhou"}',
    keys: ['AccountName', 'AccountPassword'],
    initial: { AccountName: 'cacheuser' },
  },
  {
    label: 'PolarDB',
    type: 'PolarDB',
    name: 'app/polar',
    storedName: 'app/polar',
    secretData: '$Auto',
    extendedConfig: '{"SecretSubType":"DoubleUsers","RegionId":"cn-hangzhou","DBClusterId":"pc-bp1xxxxxxxx0001","DBType":"MySQL","AccountName":"polaruser"}',
    keys: ['AccountName', 'AccountPassword'],
    initial: { AccountName: 'polaruser' },
  },
  {
    label: 'RAMCredentials',
    type: 'RAMCredentials',
    name: '$Auto',
    storedName: 'acs/ram/user/ci-bot',
    secretData: '{"AccessKeys":[{"AccessKeyId":"LTAI5tInitialKeyId000001","AccessKeySecret":"InitialSecretInitialSecret0001"}]}',
    extendedConfig: '{"SecretSubType":"RamUserAccessKey","UserName":"ci-bot"}',
    keys: ['AccessKeyId', 'AccessKeySecret', 'ExpireTimestamp', 'GenerateTimestamp'],
    initial: { AccessKeyId: 'LTAI5tInitialKeyId000001', AccessKeySecret: 'InitialSecretInitialSecret0001' },
  },
  {
    label: 'ECS Password',
    type: 'ECS',
    name: 'acs/ecs/web-1/root',
    storedName: 'acs/ecs/web-1/root',
    secretData: '{"UserName":"root","Password":"Initial-Pass1"}',
    extendedConfig: '{"SecretSubType":"Password","RegionId":"cn-hangzhou","InstanceId":"i-bp1000000000000001"}',
    keys: ['Password', 'UserName'],
    initial: { UserName: 'root', Password: 'Initial-Pass1' },
  },
  {
    label: 'ECS SSHKey',
    type: 'ECS',
    name: 'acs/ecs/web-1/admin',
    storedName: 'acs/ecs/web-1/admin',
    secretData: '{"UserName":"admin","PublicKey":"ssh-ed25519 AAAAinitial","PrivateKey":"initial-private-key"}',
    extendedConfig: '{"SecretSubType":"SSHKey","RegionId":"cn-hangzhou","InstanceId":"i-bp1000000000000001"}',
    keys: ['PrivateKey', 'PublicKey', 'UserName'],
    initial: { UserName: 'admin', PublicKey: 'ssh-ed25519 AAAAinitial', PrivateKey: 'initial-private-key' },
  },
];

/** The CreateSecret parameters of a case, plus any extra ones. */
export function createParams(managed: ManagedCase, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SecretName: managed.name,
    VersionId: 'v1',
    SecretType: managed.type,
    SecretData: managed.secretData,
    ExtendedConfig: managed.extendedConfig,
    ...extra,
  };
}

/** The Rds case, the one most tests use. */
export const RDS = MANAGED_CASES[0];
export const REDIS = MANAGED_CASES[1];
export const POLARDB = MANAGED_CASES[2];
export const RAM = MANAGED_CASES[3];
/** The ECS Password case. */
export const ECS = MANAGED_CASES[4];

/** Creates the Rds secret `app/db` and a Generic secret `plain`. */
export async function createRdsAndGeneric(call: AlibabaCall, extra: Record<string, string> = {}): Promise<void> {
  await call('CreateSecret', createParams(RDS, extra));
  await call('CreateSecret', { SecretName: 'plain', VersionId: 'v1', SecretData: 'generic-value' });
}

/** The parsed SecretData of a GetSecretValue answer. */
export function credentialsOf(body: Record<string, any>): Record<string, string> {
  return JSON.parse(body.SecretData as string) as Record<string, string>;
}
