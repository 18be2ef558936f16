/**
 * AWS Signature Version 4 as Secrets Manager's frontend computes it (AWS "Create a signed AWS API request"):
 * the canonical request from the client's own SignedHeaders, the string to sign and the signature.
 * Pure functions: every decision about what to refuse lives in auth.ts.
 */
import { createHmac } from 'node:crypto';
import { sha256Hex } from '../../src/auth/crypto.js';
import type { DialectRequest } from '../../src/dialect/contract.js';

/** The only algorithm Secrets Manager's SDKs sign with. */
export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** The last element of every credential scope. */
export const TERMINATOR = 'aws4_request';
/** A client may declare it did not hash the body [doc: SigV4, "Create a canonical request"]. */
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** RFC 3986 percent-encoding, as SigV4 requires: everything but unreserved characters. */
function escape(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Non-S3 services normalise the path's segments and percent-encode the path as received once
 * more (so `%20` becomes `%2520`); for Secrets Manager it is always `/`.
 */
function canonicalUri(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${segments.map(escape).join('/')}${trailing}`;
}

/** Query pairs decoded, re-encoded strictly, sorted by key then value. */
function canonicalQuery(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const [key, value] = equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
      return [escape(decode(key)), escape(decode(value))];
    })
    .sort(([k1, v1], [k2, v2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

/**
 * The payload line: `UNSIGNED-PAYLOAD` when the client declared it, else the hash of the bytes
 * received. A hash sent in X-Amz-Content-SHA256 is not trusted: the body's own hash is used, so a
 * body altered after signing fails even when the header still carries the original hash.
 */
export function payloadHash(request: DialectRequest): string {
  if (request.headers['x-amz-content-sha256'] === UNSIGNED_PAYLOAD) return UNSIGNED_PAYLOAD;
  return sha256Hex(request.body);
}

/**
 * The canonical request over `signedHeaders` (lower-case, sorted). Each value is trimmed with
 * inner whitespace runs collapsed; Host is taken as received, port included, which is what the
 * SDKs sign; a signed header the request lacks counts as empty.
 */
export function canonicalRequest(request: DialectRequest, signedHeaders: readonly string[]): string {
  const headers = signedHeaders.map((name) => `${name}:${(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  return [
    request.method,
    canonicalUri(request.path),
    canonicalQuery(request.rawQuery),
    headers,
    signedHeaders.join(';'),
    payloadHash(request),
  ].join('\n');
}

/** `AWS4-HMAC-SHA256\n<amzdate>\n<scope>\n<hex sha256 of the canonical request>`. */
export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** The signing key: HMAC chain AWS4+secret → date → region → service → aws4_request. */
export function signingKey(secret: string, scope: { date: string; region: string; service: string }): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, scope.date), scope.region), scope.service), TERMINATOR);
}

/** The hex signature of the string to sign, with `key` from {@link signingKey}. */
export function signWith(key: Buffer, toSign: string): string {
  return createHmac('sha256', key).update(toSign).digest('hex');
}

/** The hex signature of the string to sign with `secret`'s key for `scope`. */
export function sign(secret: string, scope: { date: string; region: string; service: string }, toSign: string): string {
  return signWith(signingKey(secret, scope), toSign);
}


/** `yyyymmddTHHMMSSZ` for an epoch-milliseconds instant (seconds truncated). */
export function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const RFC1123 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Epoch milliseconds of a request timestamp, or undefined when it is not a real instant.
 * X-Amz-Date is ISO 8601 basic format; a `Date` header may also be RFC 1123 [doc: SigV4, "Elements of an AWS API request signature"].
 */
export function parseTimestamp(value: string, allowRfc1123: boolean): number | undefined {
  const basic = BASIC.exec(value);
  if (basic) {
    const [year, month, day, hour, minute, second] = basic.slice(1).map(Number);
    const ms = Date.UTC(year, month - 1, day, hour, minute, second);
    // Date.UTC rolls 20240231 over into March: only a round trip proves the fields were valid.
    return formatAmzDate(ms) === value ? ms : undefined;
  }
  if (allowRfc1123 && RFC1123.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) || new Date(ms).toUTCString() !== value ? undefined : ms;
  }
  return undefined;
}

