/**
 * Strict-mode test setup for Alibaba: a credentials file listing chosen keys, a strict server on a
 * manual clock, the gateway error check, and a raw V1/V3 signer for requests no SDK sends
 * (STS tokens, odd timestamps, XML).
 */
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/runtime.js';
import { sha256Hex } from '../../src/auth/crypto.js';
import { percentEncode, v1Signature, v1StringToSign, v3CanonicalRequest, v3Signature, v3StringToSign } from '../../dialects/alibaba/signature.js';
import { useServer } from './server.js';

/** An Alibaba entry of the credentials file. */
export interface ListedKey {
  accessKeyId: string;
  accessKeySecret: string;
  accountId: string;
  securityToken?: string;
}

/** Writes a temp credentials file listing these Alibaba keys for the enclosing describe (removed after it); returns its path. */
export function credentialsFile(keys: ListedKey[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'polysecret-alibaba-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'credentials.json');
  writeFileSync(path, JSON.stringify({ alibaba: keys }));
  return path;
}

/** A strict server for the enclosing describe, on a manual clock, knowing `keys`. */
export function useStrictServer(keys: ListedKey[], start = Date.now()) {
  const clock = new ManualClock(start);
  const server = useServer('memory', { auth: 'strict', credentialsFile: credentialsFile(keys), clock });
  return {
    clock,
    url: () => server().url,
    /** Moves the clock to an instant. */
    setTime: (ms: number) => clock.advance(ms - clock.now()),
  };
}

/**
 * A gateway error as the wire shows it: status, the content type of the asked format, and the POP
 * body (`json` is the JSON body, or what is under XML's root element).
 */
export function expectGatewayError(
  response: { status: number; contentType?: string | null; json: any },
  code: string,
  status: number,
  format: 'JSON' | 'XML' = 'JSON',
): void {
  expect({ status: response.status, code: response.json?.Code }).toEqual({ status, code });
  expect(response.contentType).toBe(format === 'XML' ? 'text/xml;charset=utf-8' : 'application/json;charset=utf-8');
  expect(Object.keys(response.json).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
}

/** KMS's timestamp form for an instant. */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

let counter = 0;
/** A nonce no other request of this process uses. */
export const freshNonce = (): string => `nonce-${process.pid}-${Date.now()}-${++counter}`;

/** What a raw signed call may set. */
export interface SignOptions {
  accessKeyId: string;
  secret: string;
  /** Epoch ms put in Timestamp / x-acs-date, or a literal string. */
  time: number | string;
  nonce?: string;
  token?: string;
}

/** A V1-signed GET: every parameter plus the common ones, signed as the SDKs sign. */
export function v1Url(params: Record<string, string>, options: SignOptions): string {
  const all = new Map<string, string>(Object.entries({
    Version: '2016-01-20',
    Format: 'JSON',
    AccessKeyId: options.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: options.nonce ?? freshNonce(),
    Timestamp: typeof options.time === 'number' ? isoSeconds(options.time) : options.time,
    ...(options.token === undefined ? {} : { SecurityToken: options.token }),
    ...params,
  }));
  all.set('Signature', v1Signature(options.secret, v1StringToSign('GET', all)));
  return `/?${[...all].map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')}`;
}

/** A V3-signed POST of `action` with `query` in the URL and an empty body; returns path and headers. */
export function v3Request(action: string, query: Record<string, string>, host: string, options: SignOptions): { path: string; headers: Record<string, string> } {
  const headers: Record<string, string> = {
    host,
    'x-acs-action': action,
    'x-acs-version': '2016-01-20',
    'x-acs-date': typeof options.time === 'number' ? isoSeconds(options.time) : options.time,
    'x-acs-signature-nonce': options.nonce ?? freshNonce(),
    'x-acs-content-sha256': sha256Hex(''),
    ...(options.token === undefined ? {} : { 'x-acs-security-token': options.token }),
  };
  const signedHeaders = Object.keys(headers).sort();
  const stringToSign = v3StringToSign(
    v3CanonicalRequest({ method: 'POST', path: '/', query: Object.entries(query), headers, signedHeaders, payloadHash: sha256Hex('') }),
  );
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${options.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${v3Signature(options.secret, stringToSign)}`;
  const search = Object.entries(query).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
  return { path: search ? `/?${search}` : '/', headers };
}

/** Sends a raw request (node:http, so Host is ours to set); parses JSON when the answer is JSON. */
export async function send(base: string, method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; contentType?: string; text: string; json: any }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ hostname, port, method, path, headers: { 'content-length': '0', ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const contentType = response.headers['content-type'];
        resolve({ status: response.statusCode ?? 0, contentType, text, json: contentType?.startsWith('application/json') ? JSON.parse(text) : undefined });
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
