/** How many derived keys a server keeps; far more than the keys × days × regions a test run signs with. */
const MAX_KEYS = 1024;

/**
 * Signing keys derived from a secret and a credential scope (SigV4's and TC3's HMAC chains), kept
 * per server: every request a client signs on one day with one key shares the key, as the SDKs'
 * own caches know, and deriving it took a sixth of a strict-mode request.
 */
export class SigningKeyCache {
  private readonly keys = new Map<string, Buffer>();

  /** The key for `secret` and `scope` (any text naming the scope exactly), derived on first use. */
  get(secret: string, scope: string, derive: () => Buffer): Buffer {
    const id = `${scope}\u0000${secret}`;
    let key = this.keys.get(id);
    if (!key) {
      if (this.keys.size >= MAX_KEYS) this.keys.clear();
      key = derive();
      this.keys.set(id, key);
    }
    return key;
  }
}
