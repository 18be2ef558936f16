/**
 * The two request signatures of Alibaba Cloud's POP gateway, computed the way the server does
 * [doc: the RPC V1 and V3 signature methods]. Pure functions: auth.ts decides what to compare and what to answer.
 */
import { createHmac } from 'node:crypto';
import { sha256Hex } from '../../src/auth/crypto.js';

/**
 * RFC 3986 percent-encoding as both signatures use it: `A-Za-z0-9-_.~` kept, everything else
 * `%XX` in upper-case hex of the UTF-8 bytes (space `%20`, `*` `%2A`, `~` literal).
 */
export function percentEncode(value: string): string {
  // encodeURIComponent leaves !'()* alone; RFC 3986 reserves them.
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `name=value` pairs sorted by name (code-unit order, as the SDKs' `sort()`), both sides encoded, joined by `&`. */
function canonicalQuery(params: Iterable<readonly [string, string]>): string {
  return [...params]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');
}

/**
 * V1 (HMAC-SHA1, SignatureVersion 1.0) StringToSign: `METHOD&%2F&` + the encoded canonical query
 * of every parameter but `Signature`. Parameters arrive decoded; encoding them again here is what
 * makes SDKs that put `*()!'` raw in the URL verify [rec: test/fixtures/alibaba-sdk-captures/019-openapi-client-v2-PutSecretValue.json, 036, 053].
 */
export function v1StringToSign(method: string, params: ReadonlyMap<string, string>): string {
  const signed = [...params].filter(([name]) => name !== 'Signature');
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(signed))}`;
}

/** V1 signature: base64 HMAC-SHA1 keyed with the secret plus `&`. */
export function v1Signature(secret: string, stringToSign: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
}

/** The V3 signature algorithm polysecret verifies (SDKs can also pick SM3 or RSA; the note covers SHA-256 only). */
export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** The parts of an `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` header. */
export interface V3Authorization {
  algorithm: string;
  accessKeyId: string;
  /** Lower-cased, sorted. */
  signedHeaders: string[];
  signature: string;
}

/** Parses a V3 Authorization header; undefined when a part is missing or empty. */
export function parseV3Authorization(header: string): V3Authorization | undefined {
  const match = /^(\S+) (.*)$/.exec(header.trim());
  if (!match) return undefined;
  const parts = new Map<string, string>();
  // [inf] Spaces around the parts are trimmed: harmless, though no SDK sends them.
  for (const part of match[2].split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = parts.get('Credential');
  const signedHeaders = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature) return undefined;
  const names = signedHeaders.split(';').map((name) => name.trim().toLowerCase());
  if (names.some((name) => name === '')) return undefined;
  return { algorithm: match[1], accessKeyId, signedHeaders: [...new Set(names)].sort(), signature };
}

/** What a V3 canonical request is built from. */
export interface V3Request {
  method: string;
  path: string;
  /** Query-string parameters only, decoded (a form body is covered by the payload hash instead). */
  query: Iterable<readonly [string, string]>;
  /** Request headers, names lower-cased. */
  headers: Readonly<Record<string, string>>;
  signedHeaders: readonly string[];
  /** Hex SHA-256 of the body. */
  payloadHash: string;
}

/** V3 canonical request: method, path, canonical query, `name:trimmed value` lines, the signed header list, the payload hash. */
export function v3CanonicalRequest(request: V3Request): string {
  const headerLines = request.signedHeaders.map((name) => `${name}:${(request.headers[name] ?? '').trim()}\n`).join('');
  return [request.method, request.path, canonicalQuery(request.query), headerLines, request.signedHeaders.join(';'), request.payloadHash].join('\n');
}


/** V3 StringToSign: the algorithm, a newline, the hex SHA-256 of the canonical request. */
export function v3StringToSign(canonicalRequest: string): string {
  return `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

/** V3 signature: lower-case hex HMAC-SHA256 keyed with the bare secret. */
export function v3Signature(secret: string, stringToSign: string): string {
  return createHmac('sha256', secret).update(stringToSign, 'utf8').digest('hex');
}


