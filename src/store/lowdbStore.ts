import { chmodSync, existsSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Namespace, SecretRecord } from '../core/model.js';
import { checkpoint, dropIncluded, includedFiles, type CheckpointPlan, type CheckpointResult } from './checkpoint.js';
import { JOURNAL_DIR, LEGACY_DOCUMENTS_DIR, readDataDir } from './dataDirReader.js';
import { DurableTextFile, syncDirectory } from './durableFile.js';
import { JournalSegment } from './journal.js';
import { encodeRecordLine, recordOf, removalLine, type ValueSpan } from './recordLine.js';
import { findSnapshots, type SnapshotFile } from './snapshot.js';
import type { SecretStore } from '../core/store.js';
import { openDataKey, type RecordCodec } from './encryption.js';
import { INLINE_VALUE_BYTES, StoredValue, ValueFiles, type LineLocation } from './valueFiles.js';

export { storedRecords } from './dataDirReader.js';

/** Documents of earlier versions hold their values inline: they never refer to a line. */
const notInDocuments = (): never => {
  throw new Error('polysecret: a document refers to a value outside it');
};

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

/** The emulator clock's offset, beside the journal directory. */
const CLOCK_FILE = 'clock.json';

/** Tuning of {@link LowdbStore}; the defaults suit every size the benchmark covers. */
export interface LowdbStoreOptions {
  /** The journal written since the last snapshot must reach at least this many bytes before a checkpoint. */
  checkpointMinBytes?: number;
  /**
   * ...and at least this share of the last snapshot's size: a checkpoint rewrites the whole store, so
   * this bounds the bytes it writes per byte journalled (1 / ratio) and the journal start-up replays
   * (ratio × snapshot).
   */
  checkpointRatio?: number;
  /** Told when a background checkpoint fails; the journal stays on disk and the next checkpoint takes it. */
  onBackgroundError?: (error: unknown) => void;
  /** A file holding the key that opens the data directory's data key (encryption at rest, README "Persistence"). */
  encryptionKeyFile?: string;
  /** Values read from disk are cached up to this many characters (32 Mi by default). */
  valueCacheChars?: number;
}

/** A record's line waiting for the next batch, with where its values will lie in it. */
interface PendingLine {
  record: SecretRecord;
  text: string;
  spans: ValueSpan[];
}

/**
 * The durable store of a data directory: a write-ahead journal under `<dataDir>/journal/`, folded
 * into a snapshot there by background checkpoints (the design, file formats and crash-safety
 * argument are in checkpoint.ts). A change is acknowledged once its journal line is on disk:
 * changes queued while a batch is written share the next one (group commit, one fdatasync), so a
 * write never costs more than appending its own record. Start-up reads the newest snapshot and
 * replays the journal after it; an earlier version's per-secret lowdb documents are read instead
 * when there is no snapshot yet, and folded into one by the first checkpoint.
 */
export class LowdbStore implements SecretStore {
  private readonly dataDir: string;
  private readonly journal: string;
  private readonly checkpointMinBytes: number;
  private readonly checkpointRatio: number;
  private segment: JournalSegment | undefined;
  private nextSequence = 1;
  /** Changes waiting for the next batch: a record's line, or null for a removal. */
  private pending = new Map<string, PendingLine | null>();
  private waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | null = null;
  /** The newest snapshot, the base of the next checkpoint. */
  private snapshot: SnapshotFile | undefined;
  private snapshotBytes = 0;
  /** An earlier version's documents, until the first checkpoint folds them into a snapshot. */
  private legacyDocuments: string | undefined;
  /** Journal bytes the newest snapshot does not include. */
  private journalBytes = 0;
  private checkpointing: Promise<void> | null = null;
  /** After a failed checkpoint, the journal size at which to try again: not at every batch, as a full disk would have it. */
  private retryCheckpointAtBytes = 0;
  private lastCheckpointError: unknown;
  private readonly onBackgroundError: ((error: unknown) => void) | undefined;
  private readonly encryptionKeyFile: string | undefined;
  /** Seals values and tags on their way to disk, when encryption at rest is on (set by loadAll). */
  private codec: RecordCodec | undefined;
  private readonly valueCacheChars: number;
  /** Reads the values left on disk (set by loadAll). */
  private values: ValueFiles | undefined;
  /** Where each record's newest durable line lies, shared by the values read from it. */
  private readonly lines = new Map<string, LineLocation>();
  /** The clock file's writes, one after another, so the last offset given is the one left on disk. */
  private clockWrites: Promise<void> = Promise.resolve();

  constructor(dataDir: string, options: LowdbStoreOptions = {}) {
    this.dataDir = dataDir;
    this.journal = join(dataDir, JOURNAL_DIR);
    this.checkpointMinBytes = options.checkpointMinBytes ?? 16 * 1024 * 1024;
    this.checkpointRatio = options.checkpointRatio ?? 0.5;
    this.onBackgroundError = options.onBackgroundError;
    this.encryptionKeyFile = options.encryptionKeyFile;
    this.valueCacheChars = options.valueCacheChars ?? 32 * 1024 * 1024;
  }

  /**
   * Reads the data directory (see {@link readDataDir}) after dropping what an interrupted checkpoint
   * left; starts a checkpoint in the background if an earlier version's documents are still to be
   * migrated or the journal is already long.
   */
  async loadAll(): Promise<SecretRecord[]> {
    makePrivateDirs(this.dataDir, this.journal);
    this.codec = await openDataKey(this.dataDir, this.encryptionKeyFile);
    await this.dropLeftovers();
    const codec = this.codec;
    const files = (this.values = new ValueFiles(codec, this.valueCacheChars));
    this.lines.clear();
    const namespaces = new Map<string, Namespace>();
    const state = readDataDir(this.dataDir, (decoded, place) => {
      // One namespace object for all its records: records are never changed in place, only copied (engine drafts).
      const { cloud, account, region } = decoded.stored.namespace;
      const id = `${cloud}\u0000${account}\u0000${region}`;
      decoded.stored.namespace = namespaces.get(id) ?? namespaces.set(id, decoded.stored.namespace).get(id)!;
      // An earlier version's document holds its values inline.
      if (!place) return { record: recordOf(decoded, notInDocuments, codec), line: undefined };
      const line: LineLocation = { key: decoded.key, path: place.path, offset: place.offset, files };
      return { record: recordOf(decoded, (span, type, sealed) => files.valueAt(line, span, type, sealed, place.bytes), codec), line };
    });
    for (const [key, { line }] of state.records) if (line) this.lines.set(key, line);
    this.snapshot = state.snapshot;
    this.snapshotBytes = state.snapshotBytes;
    this.legacyDocuments = state.legacyDocuments;
    this.journalBytes = state.tailBytes;
    this.nextSequence = state.lastSequence + 1;
    if (this.legacyDocuments || this.checkpointDue()) void this.startCheckpoint();
    return [...state.records.values()].map(({ record }) => record);
  }

  /**
   * Queues the records' lines. Once they are durable, each record's large values are swapped for
   * ones read from its line (valueFiles.ts): the record objects given are changed in that way only.
   */
  save(records: readonly SecretRecord[]): Promise<void> {
    return this.enqueue(records.map((record) => [record.key, { record, ...encodeRecordLine(record, this.codec) }]));
  }

  remove(keys: readonly string[]): Promise<void> {
    return this.enqueue(keys.map((key) => [key, null]));
  }

  async clear(): Promise<void> {
    await this.close();
    this.lines.clear();
    this.values = new ValueFiles(this.codec, this.valueCacheChars);
    await rm(join(this.dataDir, LEGACY_DOCUMENTS_DIR), { recursive: true, force: true });
    await rm(this.journal, { recursive: true, force: true });
    makePrivateDirs(this.dataDir, this.journal);
    this.snapshot = undefined;
    this.snapshotBytes = 0;
    this.legacyDocuments = undefined;
    this.journalBytes = 0;
    this.retryCheckpointAtBytes = 0;
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

  /** Replaces `<dataDir>/clock.json` durably: a lowdb document with a durable adapter (temp file, fsync, rename), then a directory fsync. */
  saveClockOffset(offsetMs: number): Promise<void> {
    const write = this.clockWrites.then(async () => {
      makePrivateDirs(this.dataDir);
      await new Low<string>(new DurableTextFile(join(this.dataDir, CLOCK_FILE)), `${JSON.stringify({ offsetMs })}\n`).write();
      await syncDirectory(this.dataDir);
    });
    // A failed write is reported to its caller; the next one still runs.
    this.clockWrites = write.catch(() => undefined);
    return write;
  }

  /** Finishes pending writes and any checkpoint in progress, and closes the journal. */
  async close(): Promise<void> {
    await this.clockWrites;
    while (this.flushing || this.checkpointing) await (this.flushing ?? this.checkpointing);
    await this.segment?.close();
    this.segment = undefined;
    this.values?.close();
  }

  /**
   * Folds the whole journal into a new snapshot and waits for it (for tools that prepare a data
   * directory, so no checkpoint runs in the background of what they measure). Rejects if it failed.
   */
  async checkpointNow(): Promise<void> {
    while (this.flushing || this.checkpointing) await (this.flushing ?? this.checkpointing);
    // Nothing written since the newest snapshot: it already holds everything.
    if (!this.segment && this.nextSequence - 1 === this.snapshot?.sequence && !this.legacyDocuments) return;
    this.lastCheckpointError = undefined;
    await this.startCheckpoint();
    if (this.lastCheckpointError !== undefined) throw this.lastCheckpointError;
  }

  private enqueue(entries: Array<[string, PendingLine | null]>): Promise<void> {
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

  private async append(batch: Map<string, PendingLine | null>): Promise<void> {
    this.segment ??= await JournalSegment.create(this.journal, this.nextSequence++);
    const segment = this.segment;
    const before = segment.size;
    let text = '';
    const offsets: number[] = [];
    let offset = before;
    for (const [key, line] of batch) {
      const lineText = `${line ? line.text : removalLine(key)}\n`;
      offsets.push(offset);
      offset += Buffer.byteLength(lineText);
      text += lineText;
    }
    try {
      await segment.append(Buffer.from(text));
    } catch (error) {
      // The failed batch may have left a partial line: later batches start a new segment, so it stays
      // that segment's last line, which replay skips. The next checkpoint includes the segment.
      const abandoned = this.segment;
      this.segment = undefined;
      // Closing a handle whose write just failed may fail too; the write error is the one to report.
      await abandoned.close().catch(() => undefined);
      throw error;
    }
    this.journalBytes += segment.size - before;
    let at = 0;
    for (const [key, line] of batch) {
      const offset = offsets[at++];
      if (line) this.adopt(line, segment.path, offset);
      else this.lines.delete(key);
    }
    // Between batches, so the cut leaves every sealed segment complete.
    if (this.checkpointDue() && !this.checkpointing) void this.startCheckpoint();
  }

  private checkpointDue(): boolean {
    return this.journalBytes >= Math.max(this.checkpointBytes(), this.retryCheckpointAtBytes);
  }

  private checkpointBytes(): number {
    return Math.max(this.checkpointMinBytes, this.snapshotBytes * this.checkpointRatio);
  }

  /**
   * The cut, then the checkpoint in the background. Call only between batches and when no checkpoint
   * runs. Everything up to registering the checkpoint is synchronous, so no batch and no other
   * checkpoint can slip in: the current segment is sealed (the next batch starts a new one) and the
   * checkpoint includes every segment up to it, none still written to. On failure nothing is lost:
   * the segments stay on disk, the old snapshot stays the base, and the next checkpoint takes them.
   */
  private startCheckpoint(): Promise<void> {
    const sealed = this.segment;
    this.segment = undefined;
    const plan: CheckpointPlan = { journalDir: this.journal, base: this.snapshot, legacyDocuments: this.legacyDocuments, sequence: this.nextSequence - 1 };
    const included = this.journalBytes;
    this.checkpointing = (async () => {
      await sealed?.close();
      return checkpoint(plan);
    })()
      .then(async (published) => {
        // Published: from here the snapshot is the base, even if cleaning up fails (the next start drops what is left).
        this.snapshot = published;
        this.snapshotBytes = published.bytes;
        this.legacyDocuments = undefined;
        this.journalBytes -= included;
        this.retryCheckpointAtBytes = 0;
        this.follow(published);
        await dropIncluded(this.journal, published.sequence, plan.legacyDocuments);
      })
      .catch((error: unknown) => {
        this.retryCheckpointAtBytes = this.journalBytes + this.checkpointBytes();
        this.lastCheckpointError = error;
        this.onBackgroundError?.(error);
      })
      .finally(() => {
        this.checkpointing = null;
      });
    return this.checkpointing;
  }

  /** Drops what a checkpoint interrupted by a crash left: its temp file, or what its snapshot already includes. */
  private async dropLeftovers(): Promise<void> {
    for (const file of readdirSync(this.journal)) if (file.endsWith('.tmp')) unlinkSync(join(this.journal, file));
    const documents = join(this.dataDir, LEGACY_DOCUMENTS_DIR);
    // A document temp file is an earlier version's document write that never got renamed: its journal lines hold the change.
    if (existsSync(documents)) for (const file of readdirSync(documents)) if (file.endsWith('.tmp')) unlinkSync(join(documents, file));
    const [newest] = findSnapshots(this.journal);
    if (newest) await dropIncluded(this.journal, newest.sequence, existsSync(documents) ? documents : undefined);
  }

  /**
   * Points the record's location at its new durable line, and swaps its large values for ones read
   * from that line; what is known of their data stays cached (a value just written is likely read soon).
   */
  private adopt(pending: PendingLine, path: string, offset: number): void {
    const files = this.values!;
    const { record, spans } = pending;
    const line: LineLocation = { key: record.key, path, offset, files };
    this.lines.set(record.key, line);
    let next = 0;
    record.versions = record.versions.map((version) => {
      if (!version.value) return version;
      const span = spans[next++];
      if (span.length <= INLINE_VALUE_BYTES) return version;
      const stored = new StoredValue(version.value.type, line, span.start, span.length, this.codec !== undefined);
      if (version.value instanceof StoredValue) files.handOver(version.value, stored);
      else files.remember(stored, version.value.data);
      return { ...version, value: stored };
    });
  }

  /** Moves the location of each line a checkpoint copied, unless a newer line replaced it meanwhile, then retires the files it includes. */
  private follow(published: CheckpointResult): void {
    for (const move of published.moves) {
      const line = this.lines.get(move.key);
      if (line?.path === move.fromPath && line.offset === move.fromOffset) {
        line.path = published.path;
        line.offset = move.toOffset;
      }
    }
    this.values!.retire(includedFiles(this.journal, published.sequence));
  }
}
