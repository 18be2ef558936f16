/**
 * The snapshot file of a data directory: every record as of the end of one journal segment, so
 * start-up reads one file instead of one document per secret (see checkpoint.ts for when it is
 * written and why a crash at any point loses nothing).
 *
 * Format `polysecret-snapshot/1`, JSON Lines, in `<dataDir>/journal/snapshot-NNNNNNNN.jsonl`, where
 * NNNNNNNN is the sequence number of the last journal segment it includes:
 *
 * ```
 * {"format":"polysecret-snapshot/1","journalSequence":N}
 * {"key":"…","sizes":[…],…}          one line per record, exactly a journal line (recordLine.ts;
 * …                                   values and tags sealed when encryption at rest is on)
 * {"end":true,"records":COUNT}
 * ```
 *
 * JSON Lines rather than one lowdb document: lowdb reads and writes a document whole, in memory,
 * while a checkpoint streams a snapshot of any size in chunks, and record lines are copied from the
 * journal and the previous snapshot without being parsed. The header names the format, so a later
 * version can refuse (or convert) a snapshot it does not know; the trailer proves the file complete.
 */
import { fileLinesSync, findNumberedFiles, type FileLine, type NumberedFile } from './jsonLines.js';
import { keyEndOf } from './recordLine.js';

/** The format this version writes and reads. */
export const SNAPSHOT_FORMAT = 'polysecret-snapshot/1';

const SNAPSHOT = /^snapshot-(\d{8,})\.jsonl$/;

/** A snapshot file found in a journal directory; replay starts after segment `sequence`. */
export type SnapshotFile = NumberedFile;

/** The file name of the snapshot that includes the journal up to segment `sequence`. */
export const snapshotName = (sequence: number): string => `snapshot-${String(sequence).padStart(8, '0')}.jsonl`;

/** The header line of a snapshot including the journal up to segment `sequence`. */
export const snapshotHeader = (sequence: number): string => `${JSON.stringify({ format: SNAPSHOT_FORMAT, journalSequence: sequence })}\n`;

/** The trailer line of a snapshot of `count` records. */
export const snapshotTrailer = (count: number): string => `${JSON.stringify({ end: true, records: count })}\n`;

/**
 * The snapshots in `dir`, newest first. Only renamed (so complete and synced) files count: a
 * `.tmp` is a checkpoint that never finished.
 */
export function findSnapshots(dir: string): SnapshotFile[] {
  return findNumberedFiles(dir, SNAPSHOT).reverse();
}

/**
 * Each record line of a snapshot, in order, after checking its header; its trailer is checked once
 * the last line is read. A snapshot is renamed into place only once synced, so one that fails these
 * checks was damaged after the fact: the start stops naming it, as for a corrupt document, rather
 * than start without its records. Lines are views of a reused buffer: use each before the next.
 */
export function* snapshotRecordLines(snapshot: SnapshotFile): Generator<FileLine> {
  const fail = (why: string) => new Error(`polysecret: snapshot ${snapshot.path} ${why}`);
  const lines = fileLinesSync(snapshot.path);
  const first = lines.next();
  const header = first.done ? undefined : (parseLine(first.value.bytes) as { format?: unknown; journalSequence?: unknown } | undefined);
  if (typeof header !== 'object' || header === null) throw fail('has no header');
  if (header.format !== SNAPSHOT_FORMAT) throw fail(`is in format ${JSON.stringify(header.format)}; this version reads ${SNAPSHOT_FORMAT}`);
  if (header.journalSequence !== snapshot.sequence) throw fail(`says it includes the journal to ${String(header.journalSequence)}, its name ${snapshot.sequence}`);
  let count = 0;
  let trailer: { end?: unknown; records?: unknown } | undefined;
  for (const line of lines) {
    if (trailer !== undefined) throw fail('has lines after its trailer');
    if (keyEndOf(line.bytes) !== undefined) {
      count++;
      yield line;
    } else trailer = (parseLine(line.bytes) as typeof trailer) ?? {};
  }
  if (typeof trailer !== 'object' || trailer === null || trailer.end !== true) throw fail('is incomplete (no trailer)');
  if (trailer.records !== count) throw fail(`holds ${count} records, its trailer says ${String(trailer.records)}`);
}

function parseLine(line: Buffer): unknown {
  try {
    return JSON.parse(line.toString('utf8'));
  } catch {
    return undefined;
  }
}
