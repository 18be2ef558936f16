/**
 * Values left on disk: a record loaded from, or written to, a data directory keeps each large value
 * as a {@link StoredValue}, the place of its JSON string in the journal or snapshot line that holds
 * it, read with a positioned read when asked for, through a bounded cache of recent values. Records,
 * labels and indexes stay in memory; values, read far less often than metadata is listed, do not
 * need to (README "Persistence").
 *
 * Each record's newest line has a {@link LineLocation} shared by its values; a checkpoint that
 * copies the line into a new snapshot moves the location in place, so every value follows at once.
 * A file a checkpoint drops stays open one checkpoint longer, for a record object a request still
 * held from before the change that replaced it.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { SecretValue } from '../core/model.js';
import type { RecordCodec } from './encryption.js';
import type { ValueSpan } from './recordLine.js';

/** Values whose JSON string is at most this long stay in memory: a reference would cost as much. */
export const INLINE_VALUE_BYTES = 96;

/** Where a record's newest durable line lies; moved by checkpoints. */
export interface LineLocation {
  readonly key: string;
  path: string;
  offset: number;
  readonly files: ValueFiles;
}

/**
 * A value read from its line when asked for. `data` is a getter: code that copies a value's own
 * properties (a spread, structuredClone) would lose it, so values are passed by reference or read
 * through `data` (JSON.stringify uses toJSON).
 */
export class StoredValue {
  readonly #line: LineLocation;
  /** Where its JSON string starts in the line, and its length, in bytes. */
  readonly #start: number;
  readonly #length: number;
  readonly #sealed: boolean;

  constructor(
    readonly type: SecretValue['type'],
    line: LineLocation,
    start: number,
    length: number,
    sealed: boolean,
  ) {
    this.#line = line;
    this.#start = start;
    this.#length = length;
    this.#sealed = sealed;
  }

  /** Its data, from the cache or from disk. */
  get data(): string {
    return this.#line.files.read(this, this.#line, this.#start, this.#length, this.#sealed);
  }

  toJSON(): SecretValue {
    return { type: this.type, data: this.data };
  }
}

/** Reads values from the data directory's files, keeping recent ones in a cache of bounded size. */
export class ValueFiles {
  private readonly descriptors = new Map<string, number>();
  /** Files dropped by the last checkpoint, still open for values read from before it. */
  private retired = new Map<string, number>();
  /** Most recently used last; sizes in characters. */
  private readonly cache = new Map<StoredValue, string>();
  private cachedChars = 0;

  constructor(
    private readonly codec: RecordCodec | undefined,
    /** The cache's bound, in characters of value data. */
    private readonly cacheChars: number,
  ) {}

  /** The value at `span` of the line at `line`: kept in memory when small, else left on disk. */
  valueAt(line: LineLocation, span: ValueSpan, type: SecretValue['type'], sealed: boolean, lineBytes: Buffer | undefined): SecretValue {
    if (span.length > INLINE_VALUE_BYTES || !lineBytes) return new StoredValue(type, line, span.start, span.length, sealed);
    const literal = JSON.parse(lineBytes.toString('utf8', span.start, span.start + span.length)) as string;
    return { type, data: sealed ? this.open(line.key, literal) : literal };
  }

  /** A stored value's data: from the cache, or read from its file at `line` + `start`. */
  read(value: StoredValue, line: LineLocation, start: number, length: number, sealed: boolean): string {
    const cached = this.cache.get(value);
    if (cached !== undefined) {
      this.cache.delete(value);
      this.cache.set(value, cached);
      return cached;
    }
    const bytes = Buffer.allocUnsafe(length);
    const fd = this.descriptorOf(line.path);
    const position = line.offset + start;
    for (let done = 0; done < bytes.length; ) {
      const read = readSync(fd, bytes, done, bytes.length - done, position + done);
      if (read === 0) throw new Error(`polysecret: the value of ${line.key} is cut short in ${line.path}`);
      done += read;
    }
    const literal = JSON.parse(bytes.toString('utf8')) as string;
    const data = sealed ? this.open(line.key, literal) : literal;
    this.remember(value, data);
    return data;
  }

  /** Puts a value's data in the cache (a value just written is likely read soon). */
  remember(value: StoredValue, data: string): void {
    if (data.length > this.cacheChars || this.cache.has(value)) return;
    this.cache.set(value, data);
    this.cachedChars += data.length;
    for (const [oldest, text] of this.cache) {
      if (this.cachedChars <= this.cacheChars) break;
      this.cache.delete(oldest);
      this.cachedChars -= text.length;
    }
  }

  /**
   * Moves `from`'s cached data to `to`, the same value in a newer line. Kept under both, the data
   * would be cached twice, and a write of a record with many versions would push that many live
   * values out of the cache.
   */
  handOver(from: StoredValue, to: StoredValue): void {
    const data = this.cache.get(from);
    if (data === undefined) return;
    this.cache.delete(from);
    this.cache.set(to, data);
  }

  /** Files a checkpoint is about to drop: kept open one checkpoint longer; the ones before are closed. */
  retire(paths: readonly string[]): void {
    for (const fd of this.retired.values()) closeSync(fd);
    this.retired = new Map(paths.map((path) => [path, this.descriptorOf(path)]));
    for (const path of paths) this.descriptors.delete(path);
  }

  /** Closes every file; values not cached can no longer be read. */
  close(): void {
    for (const fd of [...this.descriptors.values(), ...this.retired.values()]) closeSync(fd);
    this.descriptors.clear();
    this.retired.clear();
    this.cache.clear();
    this.cachedChars = 0;
  }

  private descriptorOf(path: string): number {
    let fd = this.descriptors.get(path) ?? this.retired.get(path);
    if (fd === undefined) this.descriptors.set(path, (fd = openSync(path, 'r')));
    return fd;
  }

  private open(key: string, sealed: string): string {
    if (!this.codec) throw new Error('polysecret: a sealed value, and no encryption key to open it');
    return this.codec.openValue(key, sealed);
  }
}
