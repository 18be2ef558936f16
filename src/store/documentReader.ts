/**
 * Reading the per-secret documents of earlier versions' data directories (before snapshots, see
 * checkpoint.ts), where the cost is system calls (open, read, close per file) more than parsing.
 * (Reading on worker threads in parallel was tried: no faster here.)
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretRecord } from '../core/model.js';

/** Documents up to this size are read with one read call into a shared buffer. */
const READ_BUFFER_BYTES = 1024 * 1024;

/**
 * A file's text in three system calls (open, read, close) where readFileSync makes five, through a
 * buffer shared by the whole load.
 */
function readSmallFile(path: string, buffer: Buffer): string {
  const fd = openSync(path, 'r');
  try {
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    // A full buffer may mean a larger file: read that one the ordinary way.
    return length < buffer.length ? buffer.toString('utf8', 0, length) : readFileSync(path, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** Each file at `paths` with its text, in order, one at a time (so each can be dropped once parsed). */
export function* readFilesSync(paths: readonly string[]): Generator<[path: string, text: string]> {
  const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
  for (const path of paths) yield [path, readSmallFile(path, buffer)];
}

/** The paths of the `.json` documents among `files` of `dir`. */
export function documentPaths(dir: string, files: readonly string[] = readdirSync(dir)): string[] {
  return files.filter((file) => file.endsWith('.json')).map((file) => join(dir, file));
}

/** A document's record; a corrupt one stops the start with its file named, never silently. */
export function parseDocument(path: string, text: string): SecretRecord {
  let record: Partial<SecretRecord>;
  try {
    record = JSON.parse(text) as Partial<SecretRecord>;
  } catch (error) {
    throw new Error(`polysecret: document ${path} is corrupt: ${(error as Error).message}`);
  }
  if (typeof record?.key !== 'string') throw new Error(`polysecret: document ${path} holds no secret record`);
  return record as SecretRecord;
}
