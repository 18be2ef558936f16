/**
 * The write-ahead journal of the lowdb store: numbered segment files of JSON lines, one line per
 * change (`{"key":…,"record":…}` or `{"key":…,"removed":true}`), appended in batches with one
 * fdatasync per batch. A checkpoint folds sealed segments into a snapshot (checkpoint.ts).
 */
import { statSync } from 'node:fs';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { fileLinesSync, findNumberedFiles, type FileLine, type NumberedFile } from './jsonLines.js';
import { isRemovalLine, keyOfLine } from './recordLine.js';
import { PRIVATE_FILE, syncDirectory } from './durableFile.js';

const SEGMENT = /^journal-(\d{8,})\.jsonl$/;

const segmentName = (sequence: number) => `journal-${String(sequence).padStart(8, '0')}.jsonl`;

/** The journal segments in `dir`, oldest first. */
export const findSegments = (dir: string): NumberedFile[] => findNumberedFiles(dir, SEGMENT);

/** What replay hands over per line of the journal: a record line, or a removal. */
export interface JournalReader {
  record(line: FileLine, path: string, lineNumber: number): void;
  removal(key: string): void;
}

/**
 * Replays the segments of `dir` after segment `afterSequence` (those a snapshot does not include),
 * oldest first, line by line. A final line without its newline is a batch whose fdatasync never
 * returned, so never acknowledged: it is skipped. Returns the replayed segments' size in bytes and
 * the last segment's sequence number (`afterSequence` when none).
 */
export function replayJournal(dir: string, afterSequence: number, reader: JournalReader): { bytes: number; lastSequence: number } {
  const found = findSegments(dir).filter((segment) => segment.sequence > afterSequence);
  let bytes = 0;
  for (const { path } of found) {
    bytes += statSync(path).size;
    let lineNumber = 0;
    for (const line of fileLinesSync(path)) {
      lineNumber++;
      if (line.bytes.length === 0) continue;
      const key = keyOfLine(line.bytes);
      if (key === undefined) throw new Error(`polysecret: journal ${path} is corrupt at line ${lineNumber}`);
      if (isRemovalLine(line.bytes)) reader.removal(key);
      else reader.record(line, path, lineNumber);
    }
  }
  return { bytes, lastSequence: found.at(-1)?.sequence ?? afterSequence };
}

/** The segment being appended to. */
export class JournalSegment {
  /** Bytes appended so far. */
  size = 0;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  /** Creates segment `sequence` in `dir`, durably (its directory entry is synced). */
  static async create(dir: string, sequence: number): Promise<JournalSegment> {
    const path = join(dir, segmentName(sequence));
    const handle = await open(path, 'a', PRIVATE_FILE);
    await syncDirectory(dir);
    return new JournalSegment(path, handle);
  }

  /** Appends the lines and resolves once they are on disk. */
  async append(bytes: Buffer): Promise<void> {
    // appendFile repeats short writes, so a batch never lands half-written before the next one.
    await this.handle.appendFile(bytes);
    await this.handle.datasync();
    this.size += bytes.length;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** Deletes files of the journal directory and makes that durable, so a deleted segment can never come back to be replayed over a newer snapshot. */
export async function removeFiles(dir: string, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  for (const path of paths) {
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await syncDirectory(dir);
}
