/**
 * The two Tencent Cloud API signatures, computed the way the gateway checks them: TC3-HMAC-SHA256
 * [doc: "Signature v3"] and the older HmacSHA1/HmacSHA256 "v1" methods [doc: "Signature"]. Pure functions: which
 * variants of a request to try is auth.ts's business.
 */
import { createHmac, type BinaryLike } from 'node:crypto';
import { sha256Hex } from '../../src/auth/crypto.js';

/** The algorithm name that opens a TC3 `Authorization` header. */
export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

/** What a TC3 `Authorization` header says. */
export interface Tc3Authorization {
  secretId: string;
  /** `YYYY-MM-DD` of the credential scope. */
  date: string;
  /** The scope's service, as the client wrote it (not necessarily `ssm`). */
  service: string;
  /** The SignedHeaders text exactly as sent (it is part of the canonical request). */
  signedHeaders: string;
  /** SignedHeaders' names, lower-cased, in the order given. */
  headerNames: string[];
  signature: string;
}

/**
 * Parses `TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request, SignedHeaders=a;b, Signature=<hex>`;
 * undefined for anything else.
 */
export function parseTc3Authorization(value: string | undefined): Tc3Authorization | undefined {
  if (value === undefined || !value.startsWith(`${TC3_ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of value.slice(TC3_ALGORITHM.length + 1).split(',')) {
    const equals = part.indexOf('=');
    if (equals < 0) return undefined;
    fields.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (fields.size !== 3 || !credential || !signedHeaders || !signature) return undefined;
  // Split from both ends: the id ends at the first `/` and the terminator follows the last, because
  // the service between may be anything the client derived from its endpoint, `localhost:4566`
  // included [sdk: Node, `endpoint.split(".")[0]`].
  const first = credential.indexOf('/');
  const last = credential.lastIndexOf('/');
  if (first <= 0 || last <= first || credential.slice(last + 1) !== 'tc3_request') return undefined;
  const scope = credential.slice(first + 1, last);
  const dateEnd = scope.indexOf('/');
  const date = scope.slice(0, dateEnd);
  const service = scope.slice(dateEnd + 1);
  if (dateEnd < 0 || !/^\d{4}-\d{2}-\d{2}$/.test(date) || service === '') return undefined;
  const headerNames = signedHeaders.split(';').map((name) => name.toLowerCase());
  if (headerNames.some((name) => name === '')) return undefined;
  return { secretId: credential.slice(0, first), date, service, signedHeaders, headerNames, signature };
}


const hmac = (key: BinaryLike, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** The parts of a TC3 canonical request and scope that vary from request to request. */
export interface Tc3Parts {
  method: string;
  /** GET: the query string exactly as received; POST: empty. */
  canonicalQuery: string;
  /** `name:value\n` for each signed header, in SignedHeaders' order. */
  canonicalHeaders: string;
  signedHeaders: string;
  payloadHash: string;
  /** X-TC-Timestamp as sent. */
  timestamp: string;
  date: string;
  service: string;
}

/** The TC3 signing key: HMAC chain TC3+secret → date → service → tc3_request. */
export function tc3SigningKey(secretKey: string, date: string, service: string): Buffer {
  return hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
}

/** The lower-case hex TC3 signature of a request with `secretKey` (or its key from {@link tc3SigningKey}). */
export function tc3Signature(secretKey: string, parts: Tc3Parts, signingKey = tc3SigningKey(secretKey, parts.date, parts.service)): string {
  // canonicalHeaders ends in `\n`, so two newlines separate the last header from SignedHeaders.
  const canonicalRequest = [parts.method, '/', parts.canonicalQuery, parts.canonicalHeaders, parts.signedHeaders, parts.payloadHash].join('\n');
  const scope = `${parts.date}/${parts.service}/tc3_request`;
  const stringToSign = [TC3_ALGORITHM, parts.timestamp, scope, sha256Hex(canonicalRequest)].join('\n');
  return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
}

/** The v1 `SignatureMethod` values and their hashes; absent means HmacSHA1 [doc]. */
export const V1_METHODS: ReadonlyMap<string, 'sha1' | 'sha256'> = new Map([
  ['HmacSHA1', 'sha1'],
  ['HmacSHA256', 'sha256'],
]);

/** `METHOD + host + "/?" + k=v&…`: pairs sorted by name, values decoded, never re-encoded. */
export function v1StringToSign(method: string, host: string, params: ReadonlyArray<readonly [string, string]>): string {
  const sorted = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${method}${host}/?${sorted.map(([name, value]) => `${name}=${value}`).join('&')}`;
}

/** The base64 v1 signature of a string to sign. */
export function v1Signature(secretKey: string, hash: 'sha1' | 'sha256', stringToSign: string): string {
  return createHmac(hash, secretKey).update(stringToSign, 'utf8').digest('base64');
}


