/**
 * Encryption at rest for a data directory: AES-256-GCM (node:crypto) with one random data key per
 * store, kept in `keys.json` wrapped by the key the user holds in a key file. Values and tags are
 * sealed in every document and journal line; names, versions and labels stay readable.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tag } from '../core/model.js';
import { syncDirectory, writeDurably } from './durableFile.js';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds the wrapped data key to its purpose, so no sealed value can pass for it. */
const DATA_KEY_CONTEXT = 'polysecret data key';
/** The file in the data directory holding the wrapped data key. */
export const KEYS_FILE = 'keys.json';

/**
 * Seals and opens what encryption at rest protects: values and tags. Each ciphertext is bound to
 * its record's key (as AES-GCM associated data), so none can be moved to another record.
 */
export interface RecordCodec {
  sealValue(recordKey: string, data: string): string;
  openValue(recordKey: string, sealed: string): string;
  sealTags(recordKey: string, tags: readonly Tag[]): string;
  openTags(recordKey: string, sealed: string): Tag[];
}

function encrypt(key: Buffer, plain: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key, iv).setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

function decrypt(key: Buffer, sealed: string, context: string): string {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv(CIPHER, key, bytes.subarray(0, IV_BYTES)).setAAD(Buffer.from(context));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** A codec sealing values and tags with `dataKey`. */
export function sealingCodec(dataKey: Buffer): RecordCodec {
  return {
    sealValue: (recordKey, data) => encrypt(dataKey, data, recordKey),
    openValue: (recordKey, sealed) => decrypt(dataKey, sealed, recordKey),
    sealTags: (recordKey, tags) => encrypt(dataKey, JSON.stringify(tags), recordKey),
    openTags: (recordKey, sealed) => JSON.parse(decrypt(dataKey, sealed, recordKey)) as Tag[],
  };
}

/** The 256-bit key in a key file: 64 hex characters, or 32 bytes in base64 (`openssl rand -base64 32`). */
export function readKeyFile(path: string): Buffer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw new Error(`cannot read the encryption key file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : /^[A-Za-z0-9+/]{43}=$/.test(text) ? Buffer.from(text, 'base64') : undefined;
  if (key?.length !== 32) throw new Error(`the encryption key file ${path} must hold a 256-bit key: 64 hex characters, or 32 bytes in base64`);
  return key;
}

/**
 * The codec for a data directory: its data key unwrapped with the key file's key, or a new data key
 * made and stored wrapped on first use. Without a key file there is none, unless the directory is
 * already encrypted, which fails the start: it never silently writes plain text beside sealed data.
 */
export async function openDataKey(dataDir: string, keyFile: string | undefined): Promise<RecordCodec | undefined> {
  const keysPath = join(dataDir, KEYS_FILE);
  const encrypted = existsSync(keysPath);
  if (keyFile === undefined) {
    if (encrypted) throw new Error(`the data directory ${dataDir} is encrypted (${KEYS_FILE}): pass its key with --encryption-key-file`);
    return undefined;
  }
  const userKey = readKeyFile(keyFile);
  if (!encrypted) {
    const dataKey = randomBytes(32);
    await writeDurably(keysPath, `${JSON.stringify({ format: 'polysecret-keys/1', cipher: CIPHER, dataKey: encrypt(userKey, dataKey.toString('base64'), DATA_KEY_CONTEXT) })}\n`);
    await syncDirectory(dataDir);
    return sealingCodec(dataKey);
  }
  try {
    const { dataKey } = JSON.parse(readFileSync(keysPath, 'utf8')) as { dataKey: string };
    return sealingCodec(Buffer.from(decrypt(userKey, dataKey, DATA_KEY_CONTEXT), 'base64'));
  } catch {
    throw new Error(`the encryption key in ${keyFile} does not open the data directory ${dataDir} (${KEYS_FILE}): wrong key, or a damaged ${KEYS_FILE}`);
  }
}
