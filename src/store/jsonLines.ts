/**
 * Reading the line files of a data directory (journal segments and snapshots) in chunks, so a file of
 * any size is read without holding it whole in one string, and finding a line's key without parsing
 * its record.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

/** Start-up reads in large chunks (fewer system calls); a background checkpoint in smaller ones, so each stalls requests less. */
const CHUNK_BYTES = 4 * 1024 * 1024;
const BACKGROUND_CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Splits chunks of bytes into complete lines. A newline byte never occurs inside a multi-byte UTF-8
 * character, so cutting at the last newline of a chunk never splits a character.
 */
class LineSplitter {
  private carry: Buffer = Buffer.alloc(0);

  /** The complete lines so far (without their newlines); an unfinished one waits for the next chunk. */
  push(chunk: Buffer): string[] {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = bytes.lastIndexOf(NEWLINE);
    if (end < 0) {
      this.carry = Buffer.from(bytes);
      return [];
    }
    // Copied: the chunk's buffer is reused for the next read.
    this.carry = Buffer.from(bytes.subarray(end + 1));
    return bytes.toString('utf8', 0, end).split('\n');
  }

  /** Bytes after the last newline: a line whose write never finished. */
  get unfinished(): number {
    return this.carry.length;
  }
}

/**
 * Each complete line of the file at `path`, in order, read synchronously (start-up has nothing else
 * to do). A last line without its newline is left out: it was never acknowledged.
 */
export function* linesOfFileSync(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const splitter = new LineSplitter();
    for (;;) {
      const length = readSync(fd, buffer, 0, buffer.length, null);
      if (length === 0) return;
      yield* splitter.push(buffer.subarray(0, length));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The complete lines of an open file, a chunk at a time, read asynchronously so a background
 * checkpoint leaves the event loop to the requests between chunks.
 */
export async function* linesOfFile(handle: FileHandle): AsyncGenerator<string[]> {
  const buffer = Buffer.allocUnsafe(BACKGROUND_CHUNK_BYTES);
  const splitter = new LineSplitter();
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) return;
    const lines = splitter.push(buffer.subarray(0, bytesRead));
    if (lines.length > 0) yield lines;
  }
}

/**
 * The complete lines of an open file as bytes (each a view of the chunk it was read in), a chunk at a
 * time: a checkpoint copies most lines unchanged, so they need never be decoded and encoded again.
 */
export async function* lineBytesOfFile(handle: FileHandle): AsyncGenerator<Buffer[]> {
  let carry = Buffer.alloc(0);
  for (;;) {
    // A new buffer per chunk: the lines handed out are views of it.
    const chunk = Buffer.allocUnsafe(BACKGROUND_CHUNK_BYTES);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return;
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
    const lines: Buffer[] = [];
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end >= 0; end = bytes.indexOf(NEWLINE, start)) {
      lines.push(bytes.subarray(start, end));
      start = end + 1;
    }
    carry = Buffer.from(bytes.subarray(start));
    if (lines.length > 0) yield lines;
  }
}

const KEY_OPENING = '{"key":"';
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * {@link keyOfLine} of a line given as bytes, decoding only the key: its closing quote is the first
 * one not escaped (neither byte occurs inside a multi-byte UTF-8 character).
 */
export function keyOfLineBytes(line: Buffer): string | undefined {
  if (line.toString('latin1', 0, KEY_OPENING.length) !== KEY_OPENING) return undefined;
  for (let quote = line.indexOf(QUOTE, KEY_OPENING.length); quote >= 0; quote = line.indexOf(QUOTE, quote + 1)) {
    let backslashes = 0;
    while (line[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return JSON.parse(line.toString('utf8', KEY_OPENING.length - 1, quote + 1)) as string;
  }
  return undefined;
}

/** A record line's prefix: `{"key":` and the key as a JSON string. */
const KEY_PREFIX = /^\{"key":("(?:[^"\\]|\\.)*")/;

/**
 * The key of a journal or snapshot line (`{"key":…,"record":…}` or `{"key":…,"removed":true}`),
 * read from its prefix so a checkpoint copies records without parsing them; undefined if the line
 * is not a record line.
 */
export function keyOfLine(line: string): string | undefined {
  const match = KEY_PREFIX.exec(line);
  return match ? (JSON.parse(match[1]) as string) : undefined;
}

/** Whether a journal line with this key records a removal rather than a record. */
export function isRemovalLine(line: string, key: string): boolean {
  // journalLines writes removals as exactly this text.
  return line === `${JSON.stringify({ key, removed: true })}`;
}
