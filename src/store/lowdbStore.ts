import { chmodSync, existsSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { readFile, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { SecretRecord } from '../core/model.js';
import { documentPaths, readFilesSync } from './documentReader.js';
import { DurableTextFile, syncDirectory, writeDurably } from './durableFile.js';
import { JournalSegment, journalLines, removeSegments, replayJournal } from './journal.js';
import type { SecretStore } from '../core/store.js';
import { openDataKey, type RecordCodec } from './encryption.js';

/**
 * Every record a data directory holds: the documents (their texts, as read), with the journal
 * replayed over them. Changes nothing, so a test can look at a directory a running server is writing.
 */
export function readDataDir(documents: Iterable<[path: string, text: string]>, journal: string) {
  const records = new Map<string, SecretRecord>();
  for (const [path, text] of documents) {
    // lowdb's document is the record's JSON text; reading it directly skips an adapter per file.
    const record = parseDocument(path, text);
    records.set(record.key, record);
  }
  const replayed = new Map<string, SecretRecord | null>();
  const { segments, nextSequence } = replayJournal(journal, replayed);
  for (const [key, record] of replayed) {
    if (record) records.set(key, record);
    else records.delete(key);
  }
  return { records: [...records.values()], replayed, segments, nextSequence };
}

/** A document's record; a corrupt one stops the start with its file named, never silently. */
function parseDocument(path: string, text: string): SecretRecord {
  let record: Partial<SecretRecord>;
  try {
    record = JSON.parse(text) as Partial<SecretRecord>;
  } catch (error) {
    throw new Error(`polysecret: document ${path} is corrupt: ${(error as Error).message}`);
  }
  if (typeof record?.key !== 'string') throw new Error(`polysecret: document ${path} holds no secret record`);
  return record as SecretRecord;
}

/** The records stored in `dataDir`, read without touching anything (for tests and tools). */
export function storedRecords(dataDir: string): SecretRecord[] {
  return readDataDir(readFilesSync(documentPaths(join(dataDir, 'secrets'))), join(dataDir, 'journal')).records;
}

/**
 * Creates the data directory (if missing) and polysecret's own directories in it, readable by the
 * owner only whatever the umask; a data directory that already existed keeps its mode (it may be a
 * volume other tools set up), while every file in it is written owner-only.
 */
function makePrivateDirs(dataDir: string, ...own: string[]): void {
  if (!existsSync(dataDir)) {
    mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR });
    chmodSync(dataDir, PRIVATE_DIR);
  }
  for (const dir of own) {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
    chmodSync(dir, PRIVATE_DIR);
  }
}

const PRIVATE_DIR = 0o700;

/** The emulator clock's offset, beside the secrets and journal directories. */
const CLOCK_FILE = 'clock.json';

/** Tuning of {@link LowdbStore}; the defaults suit every size the benchmark covers. */
export interface LowdbStoreOptions {
  /** A segment this large is sealed and folded into the documents in the background. */
  segmentBytes?: number;
  /** How many documents compaction writes at once; low, so journal appends keep the I/O threads. */
  compactionConcurrency?: number;
  /** Told when a background compaction fails; its segments stay on disk and are retried with the next one. */
  onBackgroundError?: (error: unknown) => void;
  /** A file holding the key that opens the data directory's data key (encryption at rest, README "Persistence"). */
  encryptionKeyFile?: string;
}

/**
 * One lowdb JSON document per secret under `<dataDir>/secrets/`, kept current by a write-ahead
 * journal under `<dataDir>/journal/`. A change is acknowledged once its journal line is on disk:
 * changes queued while a batch is written share the next one (group commit, one fdatasync), so a
 * write never costs more than appending its own record. Full segments are sealed and compacted in
 * the background: the latest state of each secret they touched is written to its document (temp
 * file, fsync, rename, directory fsync), then the segment is deleted. Start-up reads the documents
 * and replays what is left of the journal.
 */
export class LowdbStore implements SecretStore {
  private readonly dataDir: string;
  private readonly docs: string;
  private readonly journal: string;
  private readonly segmentBytes: number;
  private readonly compactionConcurrency: number;
  private segment: JournalSegment | undefined;
  private nextSequence = 1;
  /** Changes waiting for the next batch: serialized record, or null for a removal. */
  private pending = new Map<string, string | null>();
  private waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | null = null;
  /** Latest state of every key written to the current segment, for its compaction. */
  private dirty = new Map<string, string | null>();
  private compacting: Promise<void> | null = null;
  /** Sealed segments a failed compaction left behind, for the next one. */
  private unfinished: string[] = [];
  private lastCompactionError: unknown;
  private readonly onBackgroundError: ((error: unknown) => void) | undefined;
  private readonly encryptionKeyFile: string | undefined;
  /** Seals values and tags on their way to disk, when encryption at rest is on (set by loadAll). */
  private codec: RecordCodec | undefined;
  /** The clock file's writes, one after another, so the last offset given is the one left on disk. */
  private clockWrites: Promise<void> = Promise.resolve();

  constructor(dataDir: string, options: LowdbStoreOptions = {}) {
    this.dataDir = dataDir;
    this.docs = join(dataDir, 'secrets');
    this.journal = join(dataDir, 'journal');
    this.segmentBytes = options.segmentBytes ?? 16 * 1024 * 1024;
    this.compactionConcurrency = options.compactionConcurrency ?? 4;
    this.onBackgroundError = options.onBackgroundError;
    this.encryptionKeyFile = options.encryptionKeyFile;
  }

  /** Reads the data directory (see {@link readDataDir}), then compacts any journal left from the last run in the background. */
  async loadAll(): Promise<SecretRecord[]> {
    makePrivateDirs(this.dataDir, this.docs, this.journal);
    this.codec = await openDataKey(this.dataDir, this.encryptionKeyFile);
    const files = readdirSync(this.docs);
    for (const file of files) {
      // A temp file is a document write that never got renamed: its journal lines still hold the change.
      if (file.endsWith('.tmp')) unlinkSync(join(this.docs, file));
    }
    const documents = readFilesSync(documentPaths(this.docs, files));
    const { records, replayed, segments, nextSequence } = readDataDir(documents, this.journal);
    this.nextSequence = nextSequence;
    if (segments.length > 0) {
      const leftovers = new Map([...replayed].map(([key, record]) => [key, record && JSON.stringify(record)]));
      this.startCompaction(segments, leftovers);
    }
    const codec = this.codec;
    return codec ? records.map((record) => codec.open(record)) : records;
  }

  save(records: readonly SecretRecord[]): Promise<void> {
    return this.enqueue(records.map((record) => [record.key, JSON.stringify(this.codec ? this.codec.seal(record) : record)]));
  }

  remove(keys: readonly string[]): Promise<void> {
    return this.enqueue(keys.map((key) => [key, null]));
  }

  async clear(): Promise<void> {
    await this.close();
    await rm(this.docs, { recursive: true, force: true });
    await rm(this.journal, { recursive: true, force: true });
    makePrivateDirs(this.dataDir, this.docs, this.journal);
    this.dirty = new Map();
    this.unfinished = [];
    this.nextSequence = 1;
  }

  /** Reads `<dataDir>/clock.json`; 0 when the clock was never moved. */
  async loadClockOffset(): Promise<number> {
    let text: string;
    try {
      text = await readFile(join(this.dataDir, CLOCK_FILE), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    const offsetMs = (JSON.parse(text) as { offsetMs?: unknown }).offsetMs;
    if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs) || offsetMs < 0) throw new Error(`${join(this.dataDir, CLOCK_FILE)}: offsetMs is not a number of milliseconds >= 0`);
    return offsetMs;
  }

  /** Replaces `<dataDir>/clock.json` durably (temp file, fsync, rename, directory fsync). */
  saveClockOffset(offsetMs: number): Promise<void> {
    const write = this.clockWrites.then(async () => {
      makePrivateDirs(this.dataDir);
      await writeDurably(join(this.dataDir, CLOCK_FILE), `${JSON.stringify({ offsetMs })}\n`);
      await syncDirectory(this.dataDir);
    });
    // A failed write is reported to its caller; the next one still runs.
    this.clockWrites = write.catch(() => undefined);
    return write;
  }

  /** Finishes pending writes and any compaction in progress, and closes the journal. */
  async close(): Promise<void> {
    await this.clockWrites;
    while (this.flushing || this.compacting) await (this.flushing ?? this.compacting);
    await this.segment?.close();
    this.segment = undefined;
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
        await this.append(batch);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.flushing = null;
  }

  /** Folds the whole journal into the documents and waits for it (for tools that prepare a data directory). */
  async compactAll(): Promise<void> {
    while (this.flushing || this.compacting) await (this.flushing ?? this.compacting);
    if (this.segment) await this.startCompaction([await this.seal()], this.takeDirty());
    else if (this.unfinished.length > 0) await this.startCompaction([], this.takeDirty());
    if (this.unfinished.length > 0) throw this.lastCompactionError;
  }

  /** Closes the current segment; the next batch starts a new one. */
  private async seal(): Promise<string> {
    const sealed = this.segment!;
    this.segment = undefined;
    await sealed.close();
    return sealed.path;
  }

  private takeDirty(): Map<string, string | null> {
    const changes = this.dirty;
    this.dirty = new Map();
    return changes;
  }

  private async append(batch: Map<string, string | null>): Promise<void> {
    this.segment ??= await JournalSegment.create(this.journal, this.nextSequence++);
    try {
      await this.segment.append(journalLines(batch));
    } catch (error) {
      // The failed batch may have left a partial line: later batches start a new segment, so it stays
      // that segment's last line, which replay skips. The segment waits for the next compaction.
      const abandoned = this.segment;
      this.segment = undefined;
      this.unfinished.push(abandoned.path);
      // Closing a handle whose write just failed may fail too; the write error is the one to report.
      await abandoned.close().catch(() => undefined);
      throw error;
    }
    for (const [key, text] of batch) this.dirty.set(key, text);
    // Sealed between batches, so the segment holds exactly the changes in `dirty`.
    if (this.segment.size >= this.segmentBytes && !this.compacting) void this.startCompaction([await this.seal()], this.takeDirty());
  }

  /**
   * Compacts `segments` (with any a failed compaction left) in the background. On failure nothing is
   * lost: the segments stay on disk, their changes go back under the current segment's newer ones,
   * and the next compaction takes them all.
   */
  private startCompaction(segments: string[], changes: Map<string, string | null>): Promise<void> {
    const all = [...this.unfinished, ...segments];
    this.unfinished = [];
    this.compacting = this.compact(all, changes)
      .catch((error: unknown) => {
        for (const [key, text] of changes) if (!this.dirty.has(key)) this.dirty.set(key, text);
        this.unfinished = [...all, ...this.unfinished];
        this.lastCompactionError = error;
        this.onBackgroundError?.(error);
      })
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  /** Writes each changed secret's latest state to its document, then drops the segments that held the changes. */
  private async compact(segments: string[], changes: Map<string, string | null>): Promise<void> {
    const entries = [...changes];
    let next = 0;
    const worker = async () => {
      while (next < entries.length) {
        const [key, text] = entries[next++];
        await this.writeDocument(key, text);
      }
    };
    await Promise.all(Array.from({ length: this.compactionConcurrency }, worker));
    await syncDirectory(this.docs);
    await removeSegments(this.journal, segments);
  }

  private async writeDocument(key: string, text: string | null): Promise<void> {
    const path = join(this.docs, `${key}.json`);
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
