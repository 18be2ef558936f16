import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManualClock } from '../../src/core/runtime.js';

/** One `tencent` entry of a credentials file. */
export interface TencentListedKey {
  secretId: string;
  secretKey: string;
  uin: string;
  appId?: string;
  token?: string;
}

/**
 * Writes credentials files (one per name) into a temp dir at once, since useServer reads them in
 * its beforeAll; the dir goes in afterAll. Returns the paths by name.
 */
export function credentialsFiles<Name extends string>(files: Record<Name, TencentListedKey[]>): Record<Name, string> {
  const dir = mkdtempSync(join(tmpdir(), 'polysecret-tencent-auth-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const paths = {} as Record<Name, string>;
  for (const [name, keys] of Object.entries(files) as Array<[Name, TencentListedKey[]]>) {
    paths[name] = join(dir, `${name}.json`);
    writeFileSync(paths[name], JSON.stringify({ tencent: keys }));
  }
  return paths;
}

/** Moves a manual clock to `ms`. */
export function setClock(clock: ManualClock, ms: number): void {
  clock.advance(ms - clock.now());
}

/** The gateway's authentication errors with their exact messages (the API 3.0 "Common Error Codes" table, and real answers). */
export const AUTH_MESSAGES = {
  'AuthFailure.SignatureFailure': {
    'en-US': 'The provided credentials could not be validated. Please check your signature is correct.',
    'zh-CN': '请求签名验证失败，请检查您的签名计算是否正确。',
  },
  'AuthFailure.SecretIdNotFound': {
    'en-US': 'The SecretId is not found, please ensure that your SecretId is correct.',
    'zh-CN': 'SecretId不存在，请输入正确的密钥。',
  },
  'AuthFailure.SignatureExpire': {
    'en-US':
      'Signature expired. Timestamp and server time cannot differ by more than five minutes. Please ensure your current local time matches the standard time.',
    'zh-CN': '签名过期。Timestamp 和服务器时间相差不得超过五分钟，请检查本地时间是否和标准时间同步。',
  },
  'AuthFailure.InvalidAuthorization': {
    'en-US': "The `Authorization` in the request headers doesn't meet Tencent Cloud standards.",
    'zh-CN': '请求头部的 Authorization 不符合腾讯云标准。',
  },
  'AuthFailure.TokenFailure': { 'en-US': 'Token error.', 'zh-CN': 'token 错误。' },
} as const;
