/**
 * A record's line in the journal and in snapshots, laid out so a reader can take the record without
 * its values: values stay on disk and are read one at a time when asked for (valueFiles.ts).
 *
 * ```
 * {"key":K,"sizes":[N1,N2],"values":[V1,V2],"record":R}
 * ```
 * - `values`: the data of each version that has a value, in version order, each a JSON string (its
 *   ciphertext when encryption at rest is on);
 * - `sizes`: their lengths in bytes, so each value, and the record after them, are found without
 *   reading the values;
 * - `R`: the record, each value replaced by `{"type":…}` (`{"type":…,"sealed":true}` when sealed),
 *   and its tags by `sealedTags` when sealed.
 *
 * The line is one JSON document, so any JSON tool reads it whole. Lines of earlier versions,
 * `{"key":K,"record":R}` with values inside R, are still read (see {@link decodeRecordLine}).
 */
import type { SecretRecord, SecretValue, SecretVersion } from '../core/model.js';
import type { RecordCodec } from './encryption.js';

/** Where a value's JSON string lies in its line, in bytes from the line's start. */
export interface ValueSpan {
  start: number;
  length: number;
}

/** A line to append, with where its values lie in it. */
export interface EncodedLine {
  text: string;
  /** One per version holding a value, in version order. */
  spans: ValueSpan[];
}

/** A value as a record line holds it: a marker for one in `values`, or (earlier lines) its data or ciphertext inline. */
export type StoredValueForm = { type: SecretValue['type']; sealed?: true | string; data?: string };

/** A record as a line holds it. */
export type StoredRecord = Omit<SecretRecord, 'versions'> & {
  versions: Array<Omit<SecretVersion, 'value'> & { value?: StoredValueForm }>;
  sealedTags?: string;
};

/** A line read back: the record without its values, and where they lie. */
export interface DecodedLine {
  key: string;
  stored: StoredRecord;
  spans: ValueSpan[];
}

/** The line of `record`, sealing its values and tags with `codec` when given. */
export function encodeRecordLine(record: SecretRecord, codec: RecordCodec | undefined): EncodedLine {
  const literals: string[] = [];
  const versions = record.versions.map(({ value, ...version }) => {
    if (!value) return version;
    literals.push(JSON.stringify(codec ? codec.sealValue(record.key, value.data) : value.data));
    return { ...version, value: codec ? { type: value.type, sealed: true as const } : { type: value.type } };
  });
  return encodeStored(record.key, withSealedTags(record, versions, codec), literals);
}

/** Re-encodes a line of an earlier version (values inside its record) in the current layout, sealed as it was. */
export function reencodeStored(stored: StoredRecord): EncodedLine {
  const literals: string[] = [];
  const versions = stored.versions.map(({ value, ...version }) => {
    if (!value) return version;
    const sealed = typeof value.sealed === 'string';
    literals.push(JSON.stringify(sealed ? value.sealed : (value.data ?? '')));
    return { ...version, value: sealed ? { type: value.type, sealed: true as const } : { type: value.type } };
  });
  const { sealedTags, ...rest } = stored;
  return encodeStored(stored.key, { ...rest, versions, ...(sealedTags === undefined ? {} : { sealedTags }) }, literals);
}

/** The record without its tags when they are sealed, and its sealed tags, written last (see recordOf). */
function withSealedTags(record: SecretRecord, versions: StoredRecord['versions'], codec: RecordCodec | undefined): StoredRecord {
  if (record.tags === undefined || !codec) return { ...record, versions };
  const { tags, ...rest } = record;
  return { ...rest, versions, sealedTags: codec.sealTags(record.key, tags) };
}

function encodeStored(key: string, stored: StoredRecord, literals: readonly string[]): EncodedLine {
  const sizes = literals.map((literal) => Buffer.byteLength(literal));
  const head = `{"key":${JSON.stringify(key)},"sizes":[${sizes.join(',')}],"values":[`;
  const spans: ValueSpan[] = [];
  let at = Buffer.byteLength(head);
  for (const length of sizes) {
    spans.push({ start: at, length });
    at += length + 1;
  }
  return { text: `${head}${literals.join(',')}],"record":${JSON.stringify(stored)}}`, spans };
}

const SIZES = Buffer.from(',"sizes":[');
const VALUES = Buffer.from('],"values":[');
const RECORD = Buffer.from('],"record":');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const CLOSING_BRACKET = 0x5d;
const KEY_OPENING = '{"key":"';

/**
 * Reads a record line, decoding the key and the record but not the values (their spans say where
 * they are). A line of an earlier version is parsed whole; its values come back inline.
 * Throws on a line that is neither.
 */
export function decodeRecordLine(line: Buffer): DecodedLine {
  const keyEnd = keyEndOf(line);
  if (keyEnd === undefined) throw new Error('not a record line');
  const key = keyAt(line, keyEnd);
  if (!matchesAt(line, SIZES, keyEnd + 1)) {
    const earlier = JSON.parse(line.toString('utf8')) as { record?: StoredRecord };
    if (typeof earlier.record !== 'object' || earlier.record === null || !Array.isArray(earlier.record.versions)) throw new Error('a record line without its record');
    return { key, stored: earlier.record, spans: [] };
  }
  const sizes: number[] = [];
  let at = keyEnd + 1 + SIZES.length;
  let size = '';
  for (; line[at] !== CLOSING_BRACKET; at++) {
    if (at >= line.length) throw new Error('a record line cut short in its sizes');
    if (line[at] === COMMA) {
      sizes.push(Number(size));
      size = '';
    } else size += String.fromCharCode(line[at]);
  }
  if (size !== '') sizes.push(Number(size));
  if (!matchesAt(line, VALUES, at)) throw new Error('a record line without its values');
  const spans: ValueSpan[] = [];
  at += VALUES.length;
  for (const length of sizes) {
    if (!Number.isSafeInteger(length) || length < 2) throw new Error('a record line with a bad value size');
    spans.push({ start: at, length });
    at += length + 1;
  }
  // With no values, the record follows the opening bracket directly.
  if (sizes.length === 0) at += 1;
  if (!matchesAt(line, RECORD, at - 1) || line[line.length - 1] !== 0x7d) throw new Error('a record line whose values do not match their sizes');
  const stored = JSON.parse(line.toString('utf8', at - 1 + RECORD.length, line.length - 1)) as StoredRecord;
  if (typeof stored !== 'object' || stored === null || !Array.isArray(stored.versions)) throw new Error('a record line without its record');
  if (stored.key !== key) throw new Error('a record line whose record has another key');
  // The record's own key string, so the record and what refers to it by key share one copy.
  return { key: stored.key, stored, spans };
}

/** The index of the quote closing the key of a line starting `{"key":"`; undefined if it does not. */
export function keyEndOf(line: Buffer): number | undefined {
  if (line.toString('latin1', 0, KEY_OPENING.length) !== KEY_OPENING) return undefined;
  // The first quote not escaped closes the key (neither byte occurs inside a multi-byte UTF-8 character).
  for (let quote = line.indexOf(QUOTE, KEY_OPENING.length); quote >= 0; quote = line.indexOf(QUOTE, quote + 1)) {
    let backslashes = 0;
    while (line[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return undefined;
}

/** The key of a journal or snapshot line, decoding only the key; undefined if the line has none. */
export function keyOfLine(line: Buffer): string | undefined {
  const end = keyEndOf(line);
  return end === undefined ? undefined : keyAt(line, end);
}

/** The key whose JSON string ends at `keyEnd` (it starts at the opening quote, the last character of `{"key":"`). */
const keyAt = (line: Buffer, keyEnd: number): string => JSON.parse(line.toString('utf8', KEY_OPENING.length - 1, keyEnd + 1)) as string;

/** The journal line recording the removal of `key`. */
export const removalLine = (key: string): string => JSON.stringify({ key, removed: true });

const REMOVED = Buffer.from(',"removed":true}');

/** Whether a journal line records a removal (as {@link removalLine} writes it) rather than a record. */
export function isRemovalLine(line: Buffer): boolean {
  const keyEnd = keyEndOf(line);
  return keyEnd !== undefined && keyEnd + 1 + REMOVED.length === line.length && matchesAt(line, REMOVED, keyEnd + 1);
}

function matchesAt(line: Buffer, expected: Buffer, at: number): boolean {
  return at >= 0 && at + expected.length <= line.length && line.compare(expected, 0, expected.length, at, at + expected.length) === 0;
}

/** How a decoded line's values become record values: read now from the line, or left on disk. */
export type ValueOpener = (span: ValueSpan, type: SecretValue['type'], sealed: boolean) => SecretValue;

/**
 * The record of a decoded line, made in place from its parsed objects (so records keep the shapes
 * JSON.parse gave them, shared by all, instead of one shape each): values made by `valueAt`
 * (markers) or taken inline (earlier lines), tags opened with `codec` when sealed.
 */
export function recordOf(decoded: DecodedLine, valueAt: ValueOpener, codec: RecordCodec | undefined): SecretRecord {
  const { stored, key } = decoded;
  let next = 0;
  for (const version of stored.versions) {
    const value = version.value;
    if (!value || typeof value.data === 'string') continue;
    if (typeof value.sealed === 'string') {
      version.value = { type: value.type, data: opener(codec).openValue(key, value.sealed) };
      continue;
    }
    const span = decoded.spans[next++];
    if (!span) throw new Error('a record line with fewer values than its versions');
    (version as SecretVersion).value = valueAt(span, value.type, value.sealed === true);
  }
  if (stored.sealedTags !== undefined) {
    const tags = opener(codec).openTags(key, stored.sealedTags);
    // sealedTags is the line's last property: deleting it keeps the shared shape.
    delete stored.sealedTags;
    stored.tags = tags;
  }
  return stored as SecretRecord;
}

function opener(codec: RecordCodec | undefined): RecordCodec {
  if (!codec) throw new Error('a sealed record, and no encryption key to open it');
  return codec;
}

/** A decoded line's record in its stored form, values inline (still sealed when they were): for tools and tests. */
export function storedFormOf(decoded: DecodedLine, line: Buffer): StoredRecord {
  let next = 0;
  const versions = decoded.stored.versions.map((version) => {
    const value = version.value;
    if (!value || typeof value.data === 'string' || typeof value.sealed === 'string') return version;
    const span = decoded.spans[next++];
    const literal = JSON.parse(line.toString('utf8', span.start, span.start + span.length)) as string;
    return { ...version, value: value.sealed === true ? { type: value.type, sealed: literal } : { type: value.type, data: literal } };
  });
  return { ...decoded.stored, versions };
}

/** The line as the current layout has it: itself, or an earlier version's line re-encoded. */
export function inCurrentLayout(line: Buffer): Buffer {
  const keyEnd = keyEndOf(line);
  if (keyEnd !== undefined && matchesAt(line, SIZES, keyEnd + 1)) return line;
  return Buffer.from(reencodeStored(decodeRecordLine(line).stored).text);
}
