import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';

/** One key pair the emulator knows, with the account it belongs to. */
export interface CloudKey {
  /** AWS access key id, Alibaba AccessKeyId, Tencent SecretId. */
  accessKeyId: string;
  /** The signing secret. */
  secret: string;
  /** AWS account id, Alibaba account id, Tencent UIN. */
  account: string;
  /** Temporary credentials: the session/security token requests must carry. */
  sessionToken?: string;
  /** Tencent APPID (shown in resource ids). */
  appId?: string;
}

/** The keys of each cloud. */
export interface Credentials {
  aws: KeyRing;
  alibaba: KeyRing;
  tencent: KeyRing;
  /** The admin API's bearer token, when the file sets one (`"admin": {"token": …}`). */
  adminToken?: string;
}

/** Looks keys up by id; one ring per cloud, built once at start. */
export class KeyRing {
  private readonly byId: Map<string, CloudKey>;

  constructor(keys: readonly CloudKey[] = []) {
    this.byId = new Map(keys.map((key) => [key.accessKeyId, key]));
  }

  /** The key with this id, if listed. */
  find(accessKeyId: string | undefined): CloudKey | undefined {
    return accessKeyId === undefined ? undefined : this.byId.get(accessKeyId);
  }
}

const FILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    aws: {
      type: 'array',
      items: {
        type: 'object',
        required: ['accessKeyId', 'secretAccessKey', 'accountId'],
        additionalProperties: false,
        properties: {
          accessKeyId: { type: 'string', minLength: 1 },
          secretAccessKey: { type: 'string', minLength: 1 },
          accountId: { type: 'string', pattern: '^\\d{12}$' },
          sessionToken: { type: 'string', minLength: 1 },
        },
      },
    },
    alibaba: {
      type: 'array',
      items: {
        type: 'object',
        required: ['accessKeyId', 'accessKeySecret', 'accountId'],
        additionalProperties: false,
        properties: {
          accessKeyId: { type: 'string', minLength: 1 },
          accessKeySecret: { type: 'string', minLength: 1 },
          accountId: { type: 'string', minLength: 1 },
          securityToken: { type: 'string', minLength: 1 },
        },
      },
    },
    tencent: {
      type: 'array',
      items: {
        type: 'object',
        required: ['secretId', 'secretKey', 'uin'],
        additionalProperties: false,
        properties: {
          secretId: { type: 'string', minLength: 1 },
          secretKey: { type: 'string', minLength: 1 },
          appId: { type: 'string', pattern: '^\\d+$' },
          uin: { type: 'string', pattern: '^\\d+$' },
          token: { type: 'string', minLength: 1 },
        },
      },
    },
    admin: {
      type: 'object',
      required: ['token'],
      additionalProperties: false,
      // Long enough that guessing it is hopeless.
      properties: { token: { type: 'string', minLength: 16 } },
    },
  },
} as const;

interface CredentialsFile {
  aws?: Array<{ accessKeyId: string; secretAccessKey: string; accountId: string; sessionToken?: string }>;
  alibaba?: Array<{ accessKeyId: string; accessKeySecret: string; accountId: string; securityToken?: string }>;
  tencent?: Array<{ secretId: string; secretKey: string; appId?: string; uin: string; token?: string }>;
  admin?: { token: string };
}

/** Turns the credentials file's per-vendor field names into key rings. */
export function credentialsFrom(file: CredentialsFile): Credentials {
  return {
    aws: new KeyRing(
      (file.aws ?? []).map((k) => ({ accessKeyId: k.accessKeyId, secret: k.secretAccessKey, account: k.accountId, sessionToken: k.sessionToken })),
    ),
    alibaba: new KeyRing(
      (file.alibaba ?? []).map((k) => ({ accessKeyId: k.accessKeyId, secret: k.accessKeySecret, account: k.accountId, sessionToken: k.securityToken })),
    ),
    tencent: new KeyRing(
      (file.tencent ?? []).map((k) => ({ accessKeyId: k.secretId, secret: k.secretKey, account: k.uin, appId: k.appId, sessionToken: k.token })),
    ),
    adminToken: file.admin?.token,
  };
}

/** Reads and checks a credentials file; no file means no listed keys. */
export function loadCredentials(path: string | undefined): Credentials {
  if (path === undefined) return credentialsFrom({});
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`credentials file ${path}: ${(error as Error).message}`);
  }
  const validate = new Ajv({ allErrors: true }).compile<CredentialsFile>(FILE_SCHEMA);
  if (!validate(parsed)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new Error(`credentials file ${path}: ${problems}`);
  }
  return credentialsFrom(parsed);
}
