import type { SecretRecord } from '../core/model.js';
import type { SecretStore } from '../core/store.js';

/**
 * Keeps serialized records in process memory. Records go through JSON exactly as on disk,
 * so both stores see the same data, and a second engine on the same store sees a "restart".
 */
export class MemoryStore implements SecretStore {
  private readonly documents = new Map<string, string>();
  private clockOffsetMs = 0;

  async loadAll(): Promise<SecretRecord[]> {
    return [...this.documents.values()].map((text) => JSON.parse(text) as SecretRecord);
  }

  async save(records: readonly SecretRecord[]): Promise<void> {
    for (const record of records) this.documents.set(record.key, JSON.stringify(record));
  }

  async remove(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.documents.delete(key);
  }

  async clear(): Promise<void> {
    this.documents.clear();
  }

  async loadClockOffset(): Promise<number> {
    return this.clockOffsetMs;
  }

  async saveClockOffset(offsetMs: number): Promise<void> {
    this.clockOffsetMs = offsetMs;
  }

  async close(): Promise<void> {}
}
