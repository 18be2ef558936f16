/**
 * Reading a data directory's records: the newest snapshot (or, in a directory of an earlier version
 * that has none yet, the per-secret documents) with the journal written after it replayed over it.
 * See checkpoint.ts for why that is every acknowledged change.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretRecord } from '../core/model.js';
import { documentPaths, parseDocument, readFilesSync } from './documentReader.js';
import { replayJournal, type JournalChanges } from './journal.js';
import { findSnapshots, readSnapshot, type SnapshotFile } from './snapshot.js';

/** The `<dataDir>` subdirectory of journal segments and snapshots. */
export const JOURNAL_DIR = 'journal';
/** The `<dataDir>` subdirectory where earlier versions kept one document per secret. */
export const LEGACY_DOCUMENTS_DIR = 'secrets';

/** What a data directory holds, as start-up needs it. */
export interface DataDirState {
  /** Every record, in its stored form (sealed when encryption at rest is on). */
  records: SecretRecord[];
  /** The snapshot the records were read from, if any. */
  snapshot: SnapshotFile | undefined;
  snapshotBytes: number;
  /** The documents directory, when the records were read from an earlier version's documents. */
  legacyDocuments: string | undefined;
  /** Bytes of journal replayed after the snapshot (or documents). */
  tailBytes: number;
  /** The newest segment or snapshot sequence number seen; new segments are numbered after it. */
  lastSequence: number;
}

/** Reads every record of `dataDir` without changing anything, so a test may read a directory a server is writing. */
export function readDataDir(dataDir: string): DataDirState {
  const journalDir = join(dataDir, JOURNAL_DIR);
  const [snapshot] = existsSync(journalDir) ? findSnapshots(journalDir) : [];
  const documentsDir = join(dataDir, LEGACY_DOCUMENTS_DIR);
  // Documents beside a snapshot are a finished migration's leftovers, never newer than it.
  const legacyDocuments = !snapshot && existsSync(documentsDir) ? documentsDir : undefined;
  const records = new Map<string, SecretRecord>();
  for (const record of snapshot ? readSnapshot(snapshot) : []) records.set(record.key, record);
  // lowdb's document is the record's JSON text; reading it directly skips an adapter per file.
  for (const [path, text] of legacyDocuments ? readFilesSync(documentPaths(legacyDocuments)) : []) {
    const record = parseDocument(path, text);
    records.set(record.key, record);
  }
  const replayed: JournalChanges = new Map();
  const tail = existsSync(journalDir) ? replayJournal(journalDir, replayed, snapshot?.sequence ?? 0) : { bytes: 0, lastSequence: 0 };
  for (const [key, record] of replayed) {
    if (record) records.set(key, record);
    else records.delete(key);
  }
  return {
    records: [...records.values()],
    snapshot,
    snapshotBytes: snapshot ? statSync(snapshot.path).size : 0,
    legacyDocuments,
    tailBytes: tail.bytes,
    lastSequence: Math.max(tail.lastSequence, snapshot?.sequence ?? 0),
  };
}

/** The records stored in `dataDir`, read without touching anything (for tests and tools). */
export function storedRecords(dataDir: string): SecretRecord[] {
  return readDataDir(dataDir).records;
}
