/**
 * Reading the line files of a data directory (journal segments and snapshots) in chunks, as bytes
 * with their offsets in the file: a file of any size is read without holding it whole, a line is
 * decoded only as far as its reader needs, and a value's place in the file is known without a
 * second pass.
 */
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** Start-up reads in large chunks (fewer system calls); a background checkpoint in smaller ones, so each stalls requests less. */
const CHUNK_BYTES = 4 * 1024 * 1024;
const BACKGROUND_CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

/** A complete line of a file, without its newline, and where it starts in the file. */
export interface FileLine {
  /** A view of the chunk it was read in: valid until the reader reads on. */
  bytes: Buffer;
  offset: number;
}

/** Cuts chunks of bytes into complete lines; an unfinished line waits for the next chunk. */
class LineCutter {
  private carry: Buffer = Buffer.alloc(0);
  /** The file offset of the first byte not yet handed out in a line. */
  private offset = 0;

  cut(chunk: Buffer): FileLine[] {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const lines: FileLine[] = [];
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end >= 0; end = bytes.indexOf(NEWLINE, start)) {
      lines.push({ bytes: bytes.subarray(start, end), offset: this.offset + start });
      start = end + 1;
    }
    this.offset += start;
    // Copied: the chunk's buffer may be reused for the next read.
    this.carry = Buffer.from(bytes.subarray(start));
    return lines;
  }
}

/**
 * Each complete line of the file at `path`, in order, read synchronously (start-up has nothing else
 * to do) into one buffer, reused from chunk to chunk so reading a file of any size allocates next to
 * nothing. A last line without its newline is left out: it was never acknowledged. Each line is a
 * view of that buffer: use it before asking for the next.
 */
export function* fileLinesSync(path: string): Generator<FileLine> {
  const fd = openSync(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    /** Bytes of an unfinished line at the buffer's start, and the file offset of its first byte. */
    let carried = 0;
    let offset = 0;
    for (;;) {
      // A line longer than the buffer: grow it, so the whole line fits.
      if (carried === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      const read = readSync(fd, buffer, carried, buffer.length - carried, null);
      if (read === 0) return;
      const filled = carried + read;
      let start = 0;
      for (let end = buffer.indexOf(NEWLINE, carried); end >= 0 && end < filled; end = buffer.indexOf(NEWLINE, start)) {
        yield { bytes: buffer.subarray(start, end), offset: offset + start };
        start = end + 1;
      }
      buffer.copyWithin(0, start, filled);
      carried = filled - start;
      offset += start;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The complete lines of an open file, a chunk at a time, read asynchronously so a background
 * checkpoint leaves the event loop to the requests between chunks. Each chunk has its own buffer, so
 * the lines handed out stay valid.
 */
export async function* fileLines(handle: FileHandle): AsyncGenerator<FileLine[]> {
  const cutter = new LineCutter();
  for (;;) {
    const chunk = Buffer.allocUnsafe(BACKGROUND_CHUNK_BYTES);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return;
    const lines = cutter.cut(chunk.subarray(0, bytesRead));
    if (lines.length > 0) yield lines;
  }
}

/** A numbered file of a journal directory (a segment or a snapshot). */
export interface NumberedFile {
  path: string;
  /** The journal segment it is, or the last one it includes. */
  sequence: number;
}

/** The files of `dir` whose names match `pattern` (its first group the sequence number), oldest first. */
export function findNumberedFiles(dir: string, pattern: RegExp): NumberedFile[] {
  return readdirSync(dir)
    .map((name) => pattern.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ path: join(dir, match[0]), sequence: Number(match[1]) }))
    .sort((a, b) => a.sequence - b.sequence);
}
