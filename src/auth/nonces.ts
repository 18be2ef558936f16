/**
 * Remembers request nonces for a while so a replayed request can be refused. One per server,
 * so two servers in one process never share it. Memory stays bounded: entries expire after
 * `ttlMs`, and past `maxEntries` the oldest are dropped.
 */
export class NonceCache {
  /** Insertion order is expiry order, since every entry lives the same time. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 15 * 60 * 1000,
    private readonly maxEntries = 100_000,
  ) {}

  /** Records a nonce; false when it was already used within the window. */
  remember(nonce: string, now: number): boolean {
    for (const [key, expiresAt] of this.seen) {
      if (expiresAt > now && this.seen.size < this.maxEntries) break;
      this.seen.delete(key);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now + this.ttlMs);
    return true;
  }
}
