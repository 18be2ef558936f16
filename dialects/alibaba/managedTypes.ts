/**
 * What KMS asks of, and generates for, each managed secret type: the ExtendedConfig fields,
 * the name rule, the first value and a rotated value. Facts are from the CreateSecret request
 * model of aliyun/alibabacloud-typescript-sdk (kms-20160120) unless marked otherwise.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { IdSource } from '../../src/core/runtime.js';
import { ERRORS } from './errors.js';
import { kmsTime } from './render.js';

/** A credentials value as GetSecretValue returns it: a flat JSON object of strings. */
export type Credentials = Record<string, string>;

/** A parsed ExtendedConfig. */
export type ExtendedConfig = Record<string, unknown>;

/** What generating credentials may use. */
export interface CredentialSource {
  now: number;
  ids: IdSource;
  /** The rotation interval in milliseconds, when automatic rotation is on. */
  rotationMs?: number;
}

/** One managed type's rules. */
export interface ManagedType {
  /** The SecretSubType values ExtendedConfig accepts. */
  subTypes: readonly string[];
  /** ExtendedConfig fields that must be non-empty strings, besides SecretSubType. */
  required: readonly string[];
  /** The name the secret gets from the SecretName asked for; throws when the type forbids it. */
  nameFor(name: string, config: ExtendedConfig): string;
  /** The first version's credentials, from SecretData as sent. */
  initial(secretData: string, config: ExtendedConfig, source: CredentialSource): Credentials;
  /** Fresh credentials replacing `current` (ACSCurrent), given `previous` (ACSPrevious). */
  rotated(current: Credentials, previous: Credentials | undefined, config: ExtendedConfig, source: CredentialSource): Credentials;
}

// Redis and PolarDB secrets take the literal $Auto as SecretData; KMS creates the accounts [doc].
const AUTO = '$Auto';
// [inf] With rotation off, a RAM key's ExpireTimestamp is a week after it was generated (undocumented).
const DEFAULT_KEY_LIFETIME_MS = 7 * 24 * 3_600_000;

// RAM secret timestamps are UTC `YYYY-MM-DDTHH:MM:SSZ` [sdk: aliyun-sdk-managed-credentials-providers-go TimezoneDatePattern].
function utc(ms: number): string {
  return kmsTime(ms) as string;
}

// [inf] The format of KMS-generated passwords is unpublished: 32 letters and digits.
function password(ids: IdSource): string {
  return ids.alphanumeric(32);
}

function parseSecretData(secretData: string, shape: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(secretData);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Reported below with the shape the type expects.
  }
  throw ERRORS.invalid('SecretData', `It must be ${shape}.`);
}

function strings(item: unknown, fields: readonly string[], shape: string): Credentials {
  const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
  const picked: Credentials = {};
  for (const field of fields) {
    const value = record[field];
    if (typeof value !== 'string' || value === '') throw ERRORS.invalid('SecretData', `It must be ${shape}.`);
    picked[field] = value;
  }
  return picked;
}

/** The first entry of a list member (`Accounts`, `AccessKeys`), checked for its fields. */
function firstOf(secretData: string, list: string, fields: readonly string[], shape: string): Credentials {
  const items = parseSecretData(secretData, shape)[list];
  if (!Array.isArray(items) || items.length === 0) throw ERRORS.invalid('SecretData', `It must be ${shape}.`);
  return strings(items[0], fields, shape);
}

function requireAuto(secretData: string): void {
  if (secretData !== AUTO) throw ERRORS.invalid('SecretData', `It must be ${AUTO} for this secret type.`);
}

// Generic, Rds and Redis names may not start with acs/ [doc]; [inf] PolarDB, undocumented, likewise.
function notReserved(name: string): string {
  if (name.startsWith('acs/')) throw ERRORS.invalid('SecretName', 'The prefix acs/ is reserved.');
  return name;
}

/**
 * A database account rotation. SingleUser resets the password of the one account; DoubleUsers
 * resets the account ACSPrevious points at and makes it current, so the two accounts alternate [doc].
 * [inf] Before the first rotation there is no ACSPrevious: the clone account (CloneAccountName,
 * else `<AccountName>_clone` as KMS names it [doc]) takes over.
 */
function rotatedAccount(current: Credentials, previous: Credentials | undefined, config: ExtendedConfig, source: CredentialSource): Credentials {
  let account = current.AccountName;
  if (config.SecretSubType === 'DoubleUsers') {
    const other = previous?.AccountName;
    const clone = typeof config.CloneAccountName === 'string' && config.CloneAccountName !== account ? config.CloneAccountName : `${account}_clone`;
    account = other && other !== account ? other : clone;
  }
  return { AccountName: account, AccountPassword: password(source.ids) };
}

/** A RAM AccessKey pair as GetSecretValue returns it [sdk: managed-credentials-providers-go AccessKeyInfo]. */
function accessKey(pair: Credentials, source: CredentialSource): Credentials {
  return {
    AccessKeyId: pair.AccessKeyId,
    AccessKeySecret: pair.AccessKeySecret,
    GenerateTimestamp: utc(source.now),
    ExpireTimestamp: utc(source.now + (source.rotationMs ?? DEFAULT_KEY_LIFETIME_MS)),
  };
}

/** An SSH key pair: OpenSSH public key line, PKCS#8 PEM private key [inf: Ed25519]. */
function sshKeyPair(): { PublicKey: string; PrivateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
  const blob = Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)]);
  return { PublicKey: `ssh-ed25519 ${blob.toString('base64')}`, PrivateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string };
}

const RDS_SHAPE = '{"Accounts":[{"AccountName":"…","AccountPassword":"…"}]}';
const RAM_SHAPE = '{"AccessKeys":[{"AccessKeyId":"…","AccessKeySecret":"…"}]}';
const ECS_SHAPES: Record<string, readonly string[]> = { Password: ['UserName', 'Password'], SSHKey: ['UserName', 'PublicKey', 'PrivateKey'] };

const autoAccount: ManagedType['initial'] = (secretData, config, source) => {
  requireAuto(secretData);
  return { AccountName: config.AccountName as string, AccountPassword: password(source.ids) };
};

/** Every managed type by its SecretType. */
export const MANAGED_TYPES: Readonly<Record<string, ManagedType>> = {
  Rds: {
    subTypes: ['SingleUser', 'DoubleUsers'],
    required: ['DBInstanceId'],
    nameFor: notReserved,
    // KMS answers an RDS secret as one account, {"AccountName","AccountPassword"} [sdk: aliyun-secretsmanager-jdbc]; [inf] the first one sent.
    initial: (secretData) => firstOf(secretData, 'Accounts', ['AccountName', 'AccountPassword'], RDS_SHAPE),
    rotated: rotatedAccount,
  },
  Redis: {
    subTypes: ['DoubleUsers'],
    required: ['AccountName', 'CloneAccountName', 'AccountPrivilege', 'InstanceId', 'RegionId'],
    nameFor: notReserved,
    initial: autoAccount,
    rotated: rotatedAccount,
  },
  PolarDB: {
    subTypes: ['DoubleUsers'],
    required: ['RegionId', 'DBClusterId', 'DBType', 'AccountName'],
    nameFor: notReserved,
    initial: autoAccount,
    rotated: rotatedAccount,
  },
  RAMCredentials: {
    subTypes: ['RamUserAccessKey'],
    required: ['UserName'],
    // SecretName must be the literal $Auto; KMS names the secret acs/ram/user/<user> [doc].
    nameFor: (name, config) => {
      if (name !== AUTO) throw ERRORS.invalid('SecretName', `It must be ${AUTO} for RAMCredentials secrets.`);
      return `acs/ram/user/${config.UserName as string}`;
    },
    // [inf] The first AccessKey pair sent becomes the current one.
    initial: (secretData, _config, source) =>
      accessKey(firstOf(secretData, 'AccessKeys', ['AccessKeyId', 'AccessKeySecret'], RAM_SHAPE), source),
    // Alibaba AccessKey ids are LTAI + 20 characters, secrets 30 [inf: observed key format].
    rotated: (_current, _previous, _config, source) =>
      accessKey({ AccessKeyId: `LTAI${source.ids.alphanumeric(20)}`, AccessKeySecret: source.ids.alphanumeric(30) }, source),
  },
  ECS: {
    subTypes: ['Password', 'SSHKey'],
    required: ['RegionId', 'InstanceId'],
    // ECS secret names must start with acs/ecs/ [doc].
    nameFor: (name) => {
      if (!name.startsWith('acs/ecs/')) throw ERRORS.invalid('SecretName', 'ECS secret names must start with acs/ecs/.');
      return name;
    },
    // Password: {"UserName","Password"}; SSHKey: {"UserName","PublicKey","PrivateKey"} [doc].
    initial: (secretData, config) => {
      const fields = ECS_SHAPES[config.SecretSubType as string];
      const shape = `{${fields.map((field) => `"${field}":"…"`).join(',')}}`;
      return strings(parseSecretData(secretData, shape), fields, shape);
    },
    rotated: (current, _previous, config, source): Credentials => {
      if (config.SecretSubType === 'SSHKey') return { UserName: current.UserName, ...sshKeyPair() };
      return { UserName: current.UserName, Password: password(source.ids) };
    },
  },
};

/**
 * Checks an ExtendedConfig for a managed type: a JSON object with a known SecretSubType, the
 * type's required ids, and CustomData, when given, an object of at most 10 pairs [doc].
 */
export function checkExtendedConfig(type: ManagedType, typeName: string, config: unknown): ExtendedConfig {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw ERRORS.invalid('ExtendedConfig', 'It must be a JSON object.');
  const fields = config as ExtendedConfig;
  if (!type.subTypes.includes(fields.SecretSubType as string)) {
    throw ERRORS.invalid('ExtendedConfig', `SecretSubType must be one of ${type.subTypes.join(', ')} for ${typeName} secrets.`);
  }
  for (const field of type.required) {
    if (typeof fields[field] !== 'string' || fields[field] === '') {
      throw ERRORS.invalid('ExtendedConfig', `${field} is required for ${typeName} secrets.`);
    }
  }
  // PolarDB DBType is MySQL or PostgreSQL [doc].
  if (typeName === 'PolarDB' && !['MySQL', 'PostgreSQL'].includes(fields.DBType as string)) {
    throw ERRORS.invalid('ExtendedConfig', 'DBType must be MySQL or PostgreSQL.');
  }
  const custom = fields.CustomData;
  if (custom !== undefined && (typeof custom !== 'object' || custom === null || Array.isArray(custom) || Object.keys(custom).length > 10)) {
    throw ERRORS.invalid('ExtendedConfig', 'CustomData must be a JSON object of at most 10 pairs.');
  }
  return fields;
}
