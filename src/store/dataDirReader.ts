/**
 * Reading a data directory's records: the newest snapshot (or, in a directory of an earlier version
 * that has none yet, the per-secret documents) with the journal written after it replayed over it.
 * See checkpoint.ts for why that is every acknowledged change.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretRecord } from '../core/model.js';
import { documentPaths, parseDocument, readFilesSync } from './documentReader.js';
import { replayJournal } from './journal.js';
import { decodeRecordLine, storedFormOf, type DecodedLine } from './recordLine.js';
import { findSnapshots, snapshotRecordLines, type SnapshotFile } from './snapshot.js';

/** The `<dataDir>` subdirectory of journal segments and snapshots. */
export const JOURNAL_DIR = 'journal';
/** The `<dataDir>` subdirectory where earlier versions kept one document per secret. */
export const LEGACY_DOCUMENTS_DIR = 'secrets';

/** Where a record line lies: its bytes (valid only during the call they are given to), its file and its offset there. */
export interface LinePlace {
  bytes: Buffer;
  path: string;
  offset: number;
}

/**
 * Makes a record from a decoded line; `place` is undefined for an earlier version's document, whose
 * values are inline.
 */
export type RecordMaker<T> = (decoded: DecodedLine, place: LinePlace | undefined) => T;

/** What a data directory holds, as start-up needs it. */
export interface DataDirState<T> {
  /** Every record, by key, as `make` made it. */
  records: Map<string, T>;
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
export function readDataDir<T>(dataDir: string, make: RecordMaker<T>): DataDirState<T> {
  const journalDir = join(dataDir, JOURNAL_DIR);
  const [snapshot] = existsSync(journalDir) ? findSnapshots(journalDir) : [];
  const documentsDir = join(dataDir, LEGACY_DOCUMENTS_DIR);
  // Documents beside a snapshot are a finished migration's leftovers, never newer than it.
  const legacyDocuments = !snapshot && existsSync(documentsDir) ? documentsDir : undefined;
  const records = new Map<string, T>();
  if (snapshot) {
    let number = 0;
    for (const line of snapshotRecordLines(snapshot)) {
      number++;
      const decoded = decodeOrFail(line.bytes, () => `snapshot ${snapshot.path} is corrupt at record ${number}`);
      records.set(decoded.key, make(decoded, { bytes: line.bytes, path: snapshot.path, offset: line.offset }));
    }
  }
  // lowdb's document is the record's JSON text; reading it directly skips an adapter per file.
  for (const [path, text] of legacyDocuments ? readFilesSync(documentPaths(legacyDocuments)) : []) {
    const stored = parseDocument(path, text);
    records.set(stored.key, make({ key: stored.key, stored, spans: [] }, undefined));
  }
  const tail = existsSync(journalDir)
    ? replayJournal(journalDir, snapshot?.sequence ?? 0, {
        record: (line, path, number) => {
          const decoded = decodeOrFail(line.bytes, () => `journal ${path} is corrupt at line ${number}`);
          records.set(decoded.key, make(decoded, { bytes: line.bytes, path, offset: line.offset }));
        },
        removal: (key) => records.delete(key),
      })
    : { bytes: 0, lastSequence: 0 };
  return {
    records,
    snapshot,
    snapshotBytes: snapshot ? statSync(snapshot.path).size : 0,
    legacyDocuments,
    tailBytes: tail.bytes,
    lastSequence: Math.max(tail.lastSequence, snapshot?.sequence ?? 0),
  };
}

function decodeOrFail(bytes: Buffer, where: () => string): DecodedLine {
  try {
    return decodeRecordLine(bytes);
  } catch (error) {
    throw new Error(`polysecret: ${where()}: ${(error as Error).message}`);
  }
}

/**
 * The records stored in `dataDir`, read without touching anything (for tests and tools), in their
 * stored form: values inline, and values and tags still sealed when encryption at rest is on.
 */
export function storedRecords(dataDir: string): SecretRecord[] {
  const { records } = readDataDir(dataDir, (decoded, place) => (place ? storedFormOf(decoded, place.bytes) : decoded.stored) as SecretRecord);
  return [...records.values()];
}
