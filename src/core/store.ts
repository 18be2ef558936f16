import type { SecretRecord } from '../core/model.js';

/**
 * Durable home of secret records, and of the emulator clock's offset (a moved clock must survive a
 * restart, or recovery windows measured against it would reopen). The engine keeps the working set in memory and indexes;
 * the store only has to bring records back on start and keep each change it is given.
 */
export interface SecretStore {
  /** Every stored record, in no particular order. */
  loadAll(): Promise<SecretRecord[]>;
  /** Resolves once the records' given state is durable; later saves of one record win. */
  save(records: readonly SecretRecord[]): Promise<void>;
  /** Resolves once the records with these keys are durably gone. */
  remove(keys: readonly string[]): Promise<void>;
  /** Removes everything. */
  clear(): Promise<void>;
  /** The emulator clock's offset last given to {@link saveClockOffset}; 0 when none was. */
  loadClockOffset(): Promise<number>;
  /** Resolves once `offsetMs` (how far the emulator clock runs ahead of the wall clock) is durable. */
  saveClockOffset(offsetMs: number): Promise<void>;
  /** Finishes pending writes. */
  close(): Promise<void>;
}
