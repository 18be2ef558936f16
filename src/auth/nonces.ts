import { readFile, rename, writeFile } from 'node:fs/promises';

/** How long a nonce stays refused: the clouds' 15-minute window. */
const NONCE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Remembers request nonces for their whole window so a replayed request is refused, however many
 * other requests come in between. One per server, so two servers in one process never share it.
 * Entries expire by time only, so memory is bounded by the request rate over one window.
 */
export class NonceCache {
  /** Insertion order is expiry order, since every entry lives the same time. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly ttlMs = NONCE_WINDOW_MS) {}

  /** Records a nonce; false when it was already used within the window. */
  remember(nonce: string, now: number): boolean {
    this.expire(now);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now + this.ttlMs);
    return true;
  }

  /** The nonces still within their window, with when each expires, oldest first. */
  entries(now: number): Array<[string, number]> {
    this.expire(now);
    return [...this.seen];
  }

  /** Takes back entries a previous server saved (expired ones are dropped); call before serving. */
  restore(entries: ReadonlyArray<readonly [string, number]>, now: number): void {
    for (const [nonce, expiresAt] of entries) if (expiresAt > now && !this.seen.has(nonce)) this.seen.set(nonce, expiresAt);
  }

  private expire(now: number): void {
    for (const [key, expiresAt] of this.seen) {
      if (expiresAt > now) break;
      this.seen.delete(key);
    }
  }
}

/** Reads nonces saved by {@link saveNonces}; a missing or unreadable file means none (a fresh window). */
export async function loadNonces(path: string): Promise<Array<[string, number]>> {
  try {
    const entries: unknown = JSON.parse(await readFile(path, 'utf8'));
    return Array.isArray(entries) ? entries.filter((e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number') : [];
  } catch {
    return [];
  }
}

/** Writes the nonces still in their window (temp file and rename, owner-only), for the next start. */
export async function saveNonces(path: string, entries: ReadonlyArray<readonly [string, number]>): Promise<void> {
  const temp = `${path}.tmp`;
  await writeFile(temp, JSON.stringify(entries), { mode: 0o600 });
  await rename(temp, path);
}
