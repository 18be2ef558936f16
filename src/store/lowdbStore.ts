import { mkdir, open, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { SecretRecord } from '../core/model.js';
import type { SecretStore } from './store.js';

/** How many files one flush writes at once; bounds open descriptors on large batches. */
const WRITE_CONCURRENCY = 32;

/**
 * A lowdb text adapter that replaces its file atomically *and durably*: lowdb's own TextFile
 * renames a temp file but never fsyncs, so an acknowledged write could vanish on power loss.
 * It holds JSON text that was serialized when the change was queued.
 */
class DurableTextFile implements Adapter<string> {
  constructor(private readonly path: string) {}

  async read(): Promise<string | null> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async write(text: string): Promise<void> {
    await writeDurably(this.path, text);
  }
}

async function writeDurably(path: string, text: string): Promise<void> {
  const temp = `${path}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * One lowdb JSON document per secret under `<dataDir>/secrets/`, so a write costs the size
 * of the secret it touches, never of the whole store. Writes are group-committed: every
 * change queued while a flush runs is written by the next flush, which ends with one
 * directory fsync shared by all of them.
 */
export class LowdbStore implements SecretStore {
  private readonly dir: string;
  /** Serialized state per record key; `null` marks a removal. */
  private pending = new Map<string, string | null>();
  private waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | null = null;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'secrets');
  }

  async loadAll(): Promise<SecretRecord[]> {
    await mkdir(this.dir, { recursive: true });
    const records: SecretRecord[] = [];
    for (const file of await readdir(this.dir)) {
      const path = join(this.dir, file);
      // A temp file is a write that never got renamed, so never acknowledged: drop it.
      if (file.endsWith('.tmp')) await unlink(path);
      else if (file.endsWith('.json')) {
        const db = new Low<string>(new DurableTextFile(path), '');
        await db.read();
        if (db.data) records.push(JSON.parse(db.data) as SecretRecord);
      }
    }
    return records;
  }

  save(records: readonly SecretRecord[]): Promise<void> {
    return this.enqueue(records.map((record) => [record.key, JSON.stringify(record)]));
  }

  remove(keys: readonly string[]): Promise<void> {
    return this.enqueue(keys.map((key) => [key, null]));
  }

  async clear(): Promise<void> {
    await this.close();
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.dir, { recursive: true });
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private enqueue(entries: Array<[string, string | null]>): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    for (const [key, text] of entries) this.pending.set(key, text);
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    // Let the current tick's writes join this batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.size > 0) {
      const batch = this.pending;
      const waiters = this.waiters;
      this.pending = new Map();
      this.waiters = [];
      try {
        await this.writeBatch(batch);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.flushing = null;
  }

  private async writeBatch(batch: Map<string, string | null>): Promise<void> {
    const entries = [...batch];
    for (let start = 0; start < entries.length; start += WRITE_CONCURRENCY) {
      await Promise.all(entries.slice(start, start + WRITE_CONCURRENCY).map(([key, text]) => this.apply(key, text)));
    }
    await syncDirectory(this.dir);
  }

  private async apply(key: string, text: string | null): Promise<void> {
    const path = join(this.dir, `${key}.json`);
    if (text !== null) {
      const db = new Low<string>(new DurableTextFile(path), text);
      await db.write();
      return;
    }
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}
