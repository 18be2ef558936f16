/**
 * Checkpoints: folding the journal into a new snapshot in the background, so start-up reads one
 * snapshot and the journal written after it instead of one document per secret (as Redis rewrites
 * its AOF, etcd snapshots its log, and SQLite checkpoints its WAL).
 *
 * Why: reading 100,000 per-secret documents costs 100,000 opens and reads at start-up (1.7 s, the
 * README's Performance section); one sequential file costs a fraction of that. Durable writes are
 * untouched: a write still only appends its line to the journal and waits for one fdatasync shared
 * with its batch, so write cost stays flat whatever the store's size. A checkpoint rewrites the whole
 * store, so it runs only once the journal since the last snapshot has grown past both
 * `checkpointMinBytes` (16 MiB) and a share of the snapshot's size (`checkpointRatio`, 0.5; options
 * of LowdbStore): the bytes it writes stay at most 1 / ratio times the bytes journalled, and start-up
 * never replays more journal than that share of the snapshot (as Redis's auto-aof-rewrite-percentage).
 *
 * Files (all in `<dataDir>/journal/`): journal segments `journal-NNNNNNNN.jsonl` (journal.ts) and
 * snapshots `snapshot-NNNNNNNN.jsonl` (snapshot.ts); snapshot N holds every record as of the end of
 * segment N. Data directories of earlier versions hold per-secret documents in `<dataDir>/secrets/`
 * instead of a snapshot: the first checkpoint folds them in and removes them.
 *
 * A checkpoint to N, from the newest snapshot M (or the documents, when there is none yet):
 * 1. The cut. The store seals segment N between two batches, in the same synchronous step that
 *    registers the checkpoint (so no batch or second checkpoint slips in); later batches go to
 *    segment N+1, so writes never wait for the checkpoint. Segments M+1..N are now immutable (one
 *    abandoned after a failed append among them: it is folded in like the others).
 * 2. The fold, from files only: read segments M+1..N for each key's last line, then stream snapshot
 *    M (or the documents) into `snapshot-N.jsonl.tmp`, leaving out the keys those segments changed,
 *    then append their last lines (removals dropped), then the trailer. fsync the file.
 * 3. Publish: rename it to `snapshot-N.jsonl`, fsync the directory.
 * 4. Clean up (the store's, once values read from the old files follow their lines into snapshot N,
 *    valueFiles.ts): delete snapshot M and segments <= N, fsync the directory; then remove the documents.
 *
 * What a crash (kill -9 or power loss) at each point leaves, and what start-up then does:
 * - during 1 or 2, or 3 before the rename is durable: a `.tmp` (ignored and deleted at start-up),
 *   snapshot M (or the documents) and every segment after it, all still on disk since nothing is
 *   deleted before step 3 is durable: start-up replays segments > M over M, as before the checkpoint.
 * - after 3: snapshot N is complete (synced before its rename) and durable; start-up picks the
 *   newest snapshot and replays only segments > N. A segment <= N or snapshot M left by an
 *   interrupted step 4 is never replayed (it would put back older states) and is deleted at start.
 *   Documents beside a snapshot are leftovers of a migration, equal to or older than it: ignored
 *   and removed.
 * A journal line is acknowledged only once its segment's fdatasync returned, and its segment is
 * deleted only once a durable snapshot includes it: every acknowledged change is in snapshot + tail.
 * A batch cut short by a crash leaves a last line without its newline, never acknowledged, skipped.
 * A snapshot that fails its own checks (header, format version, trailer, record count) can only
 * have been damaged after it was published: the start stops naming it rather than lose its records.
 *
 * Encryption at rest: snapshot lines are journal lines copied as they are, so values and tags stay
 * sealed exactly as in the journal (names, versions and dates readable), and a checkpoint never
 * needs the key. Values written before encryption was turned on stay plain until their next write.
 * Lines (and documents) of earlier versions, values inside the record, are rewritten in the current
 * layout as they are copied (recordLine.ts), sealed or not as they were.
 */
import { readdirSync } from 'node:fs';
import { open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_FILE, syncDirectory } from './durableFile.js';
import { documentPaths, parseDocument } from './documentReader.js';
import { findSegments, removeFiles } from './journal.js';
import { fileLines } from './jsonLines.js';
import { inCurrentLayout, isRemovalLine, keyOfLine, reencodeStored } from './recordLine.js';
import { findSnapshots, snapshotHeader, snapshotName, snapshotTrailer, type SnapshotFile } from './snapshot.js';

/** What a checkpoint starts from and where it ends. */
export interface CheckpointPlan {
  /** `<dataDir>/journal`: segments and snapshots. */
  journalDir: string;
  /** The newest snapshot, folded into the new one; undefined before the first checkpoint. */
  base: SnapshotFile | undefined;
  /** `<dataDir>/secrets` when it holds an earlier version's documents and there is no snapshot yet. */
  legacyDocuments: string | undefined;
  /** The last sealed segment: the new snapshot includes every segment up to it. */
  sequence: number;
}

/** A record line the checkpoint copied: from where, to which offset of the new snapshot. */
export interface LineMove {
  key: string;
  fromPath: string;
  fromOffset: number;
  toOffset: number;
}

/** The snapshot a checkpoint published. */
export interface CheckpointResult extends SnapshotFile {
  bytes: number;
  /** Every record line copied from a segment or the base snapshot, so values read from those files can follow. */
  moves: LineMove[];
}

/**
 * Runs the checkpoint of `plan` (steps 2 and 3 of the module note; the cut is the caller's), and
 * returns the published snapshot. The caller then takes the moves into account and calls
 * {@link dropIncluded} (step 4): nothing it may still read from is deleted before.
 */
export async function checkpoint(plan: CheckpointPlan): Promise<CheckpointResult> {
  const after = plan.base?.sequence ?? 0;
  const changes = await lastLines(findSegments(plan.journalDir).filter((s) => s.sequence > after && s.sequence <= plan.sequence).map((s) => s.path));
  const path = join(plan.journalDir, snapshotName(plan.sequence));
  const temp = `${path}.tmp`;
  const handle = await open(temp, 'w', PRIVATE_FILE);
  const moves: LineMove[] = [];
  let bytes: number;
  try {
    const out = new BufferedWriter(handle);
    await out.write(snapshotHeader(plan.sequence));
    const kept = (key: string) => !changes.has(key);
    if (plan.base) await copyRecordLines(plan.base.path, kept, out, moves);
    else if (plan.legacyDocuments) await copyDocuments(plan.legacyDocuments, kept, out);
    for (const [key, line] of changes) {
      if (line) moves.push({ key, fromPath: line.path, fromOffset: line.offset, toOffset: await out.writeRecord(line.bytes) });
    }
    await out.write(snapshotTrailer(out.records));
    await out.flush();
    await handle.sync();
    bytes = out.bytes;
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  await syncDirectory(plan.journalDir);
  return { path, sequence: plan.sequence, bytes, moves };
}

/**
 * Deletes what snapshot `sequence` includes (older snapshots, segments <= sequence) and makes that
 * durable, then the documents a migration folded in. Also run at start-up, for what a crash between
 * publishing and cleaning up left.
 */
export async function dropIncluded(journalDir: string, sequence: number, legacyDocuments?: string): Promise<void> {
  await removeFiles(journalDir, includedFiles(journalDir, sequence));
  if (legacyDocuments) await rm(legacyDocuments, { recursive: true, force: true });
}

/** The files snapshot `sequence` includes: older snapshots and segments up to it. */
export function includedFiles(journalDir: string, sequence: number): string[] {
  const olderSnapshots = findSnapshots(journalDir).filter((snapshot) => snapshot.sequence < sequence);
  const includedSegments = findSegments(journalDir).filter((segment) => segment.sequence <= sequence);
  return [...olderSnapshots, ...includedSegments].map((file) => file.path);
}

/** A record line kept for the new snapshot: its bytes (in the current layout) and where it was read. */
interface SourceLine {
  bytes: Buffer;
  path: string;
  offset: number;
}

/** Each key's last line in these segments, oldest first (null for a removal). */
async function lastLines(segments: readonly string[]): Promise<Map<string, SourceLine | null>> {
  const changes = new Map<string, SourceLine | null>();
  for (const path of segments) {
    const handle = await open(path, 'r');
    try {
      for await (const lines of fileLines(handle)) {
        for (const line of lines) {
          if (line.bytes.length === 0) continue;
          const key = keyOfLine(line.bytes);
          if (key === undefined) throw new Error(`polysecret: journal ${path} holds a line that is no change: ${line.bytes.toString('utf8', 0, 80)}`);
          // Deleted first, so the map's order stays that of the last changes; copied, so the chunk it was read in can go.
          changes.delete(key);
          changes.set(key, isRemovalLine(line.bytes) ? null : { bytes: Buffer.from(inCurrentLayout(line.bytes)), path, offset: line.offset });
        }
      }
    } finally {
      await handle.close();
    }
  }
  return changes;
}

/** Copies the record lines of a snapshot whose key is `kept`, without parsing their records. */
async function copyRecordLines(path: string, kept: (key: string) => boolean, out: BufferedWriter, moves: LineMove[]): Promise<void> {
  const handle = await open(path, 'r');
  try {
    for await (const lines of fileLines(handle)) {
      for (const line of lines) {
        // The header and trailer have no key.
        const key = keyOfLine(line.bytes);
        if (key !== undefined && kept(key)) moves.push({ key, fromPath: path, fromOffset: line.offset, toOffset: await out.writeRecord(inCurrentLayout(line.bytes)) });
      }
    }
  } finally {
    await handle.close();
  }
}

/** Copies an earlier version's per-secret documents as record lines (the migration). */
async function copyDocuments(dir: string, kept: (key: string) => boolean, out: BufferedWriter): Promise<void> {
  for (const path of documentPaths(dir, readdirSync(dir))) {
    const record = parseDocument(path, await readFile(path, 'utf8'));
    if (kept(record.key)) await out.writeRecord(reencodeStored(record).text);
  }
}

/** Collects lines and writes them in large chunks, counting records and bytes. */
class BufferedWriter {
  records = 0;
  bytes = 0;
  private parts: Buffer[] = [];
  private pending = 0;
  private readonly newline = Buffer.from('\n');

  constructor(private readonly handle: FileHandle) {}

  /** Writes a record line and answers the offset it starts at. */
  async writeRecord(line: string | Buffer): Promise<number> {
    const offset = this.bytes + this.pending;
    this.records++;
    await this.write(line);
    await this.write(this.newline);
    return offset;
  }
  async write(text: string | Buffer): Promise<void> {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    this.parts.push(bytes);
    this.pending += bytes.length;
    if (this.pending >= 1024 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = Buffer.concat(this.parts);
    this.parts = [];
    this.pending = 0;
    // A write may be short: repeat until the whole chunk is in the file.
    for (let done = 0; done < chunk.length; ) {
      const { bytesWritten } = await this.handle.write(chunk, done, chunk.length - done, this.bytes + done);
      done += bytesWritten;
    }
    this.bytes += chunk.length;
  }
}
