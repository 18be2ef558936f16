import type { Credentials } from './credentials.js';
import type { NonceCache } from './nonces.js';
import type { SigningKeyCache } from './signingKeys.js';

/** `permissive` accepts any signature (keys only pick the account); `strict` verifies every request like the real gateway. */
export type AuthMode = 'permissive' | 'strict';

/** What a dialect needs to authenticate requests. */
export interface AuthContext {
  mode: AuthMode;
  credentials: Credentials;
  /** Nonces seen recently, for replay protection (Alibaba SignatureNonce). */
  nonces: NonceCache;
  /** Epoch milliseconds of the emulator's clock, for timestamp checks. */
  now(): number;
  /** Derived SigV4/TC3 signing keys; without it every request derives its own. */
  signingKeys?: SigningKeyCache;
}
