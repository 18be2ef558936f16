import { createHash, createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';

const CAPTURES_DIR = new URL('../fixtures/tencent-sdk-captures/', import.meta.url);

/** A request the real Node SDK sent, as recorded (data only: replayed and verified, never copied as expected output). */
export interface TencentCapture {
  seq: number;
  label: string;
  scheme: string;
  action: string;
  method: string;
  url: string;
  rawHeaders: Array<[string, string]>;
  bodyRaw: string;
}

/** Every numbered capture, in order. */
export const TENCENT_CAPTURES: TencentCapture[] = readdirSync(CAPTURES_DIR)
  .filter((file) => /^\d+-.*\.json$/.test(file))
  .sort()
  .map((file) => JSON.parse(readFileSync(new URL(file, CAPTURES_DIR), 'utf8')) as TencentCapture);

/** A request to send as is: headers keep their case, Host included (fetch would replace it). */
export interface RawRequest {
  method: string;
  /** Path and query, e.g. `/?Action=…`. */
  url: string;
  headers: Array<[string, string]>;
  body: string;
}

/** A capture as a request to send: Content-Length and Connection dropped (recomputed by node:http). */
export function captureRequest(capture: TencentCapture): RawRequest {
  return {
    method: capture.method,
    url: capture.url,
    headers: capture.rawHeaders.filter(([name]) => !['content-length', 'connection'].includes(name.toLowerCase())),
    body: capture.bodyRaw ?? '',
  };
}

/** True for captures signed with the v1 methods (parameters in the form body or query). */
export function isV1(capture: TencentCapture): boolean {
  return capture.scheme.startsWith('v1:') || !capture.rawHeaders.some(([name]) => name.toLowerCase() === 'x-tc-action');
}

/** The value of a header (case-insensitive), if present. */
export function headerOf(raw: RawRequest, name: string): string | undefined {
  return raw.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/** A copy with a header set (replacing any of the same name), or removed when `value` is undefined. */
export function withHeader(raw: RawRequest, name: string, value: string | undefined): RawRequest {
  const headers = raw.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
  if (value !== undefined) headers.push([name, value]);
  return { ...raw, headers };
}

/** The v1 parameters of a request: its form body (POST) or query (GET), decoded. */
export function v1Params(raw: RawRequest): URLSearchParams {
  return new URLSearchParams(raw.method === 'GET' ? raw.url.slice(raw.url.indexOf('?') + 1) : raw.body);
}

/** A copy whose v1 parameters are `params` (encoded the way URLSearchParams does). */
export function withV1Params(raw: RawRequest, params: URLSearchParams): RawRequest {
  return raw.method === 'GET' ? { ...raw, url: `/?${params}` } : { ...raw, body: params.toString() };
}

/** The capture's signing time in epoch ms (X-TC-Timestamp or Timestamp). */
export function captureTime(capture: TencentCapture): number {
  const raw = captureRequest(capture);
  const seconds = headerOf(raw, 'X-TC-Timestamp') ?? v1Params(raw).get('Timestamp');
  return Number(seconds) * 1000;
}

/** Sends a raw request to the server at `base` and parses its JSON answer. */
export function sendRaw(base: string, raw: RawRequest): Promise<{ status: number; headers: Record<string, unknown>; json: any }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: raw.method, path: raw.url, headers: Object.fromEntries(raw.headers) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(text) });
        } catch (error) {
          reject(new Error(`not JSON (${res.statusCode}): ${text}`, { cause: error }));
        }
      });
    });
    req.on('error', reject);
    req.end(raw.body);
  });
}

// An independent test oracle for re-signing requests in the shapes other clients produce
// (Tencent Cloud API 3.0 "Signature v3" and "Signature"); written from the documentation, not from the dialect's code.
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** How to sign a TC3 request. */
export interface Tc3Options {
  secretId: string;
  secretKey: string;
  timestamp: number;
  /** Default: the UTC date of `timestamp`. */
  date?: string;
  service: string;
  /** The signed headers' values as the signer saw them (name → value), in order. */
  signed: Array<[string, string]>;
  /** Hash the literal UNSIGNED-PAYLOAD instead of the body. */
  unsignedPayload?: boolean;
}

/** The Authorization value for `raw` signed with TC3. */
export function tc3Authorization(raw: RawRequest, options: Tc3Options): string {
  const date = options.date ?? new Date(options.timestamp * 1000).toISOString().slice(0, 10);
  const query = raw.method === 'GET' ? raw.url.slice(raw.url.indexOf('?') + 1) : '';
  const headers = options.signed.map(([name, value]) => `${name.toLowerCase()}:${value}\n`).join('');
  const signedHeaders = options.signed.map(([name]) => name.toLowerCase()).join(';');
  const payload = options.unsignedPayload ? 'UNSIGNED-PAYLOAD' : raw.body;
  const canonical = `${raw.method}\n/\n${query}\n${headers}\n${signedHeaders}\n${sha256(payload)}`;
  const scope = `${date}/${options.service}/tc3_request`;
  const toSign = `TC3-HMAC-SHA256\n${options.timestamp}\n${scope}\n${sha256(canonical)}`;
  const key = hmac(hmac(hmac(`TC3${options.secretKey}`, date), options.service), 'tc3_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return `TC3-HMAC-SHA256 Credential=${options.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** The v1 Signature of `params` (all but Signature, sorted by name, values raw) for `method` and `host`. */
export function v1Sign(secretKey: string, hash: 'sha1' | 'sha256', method: string, host: string, params: Array<[string, string]>): string {
  const pairs = params
    .filter(([name]) => name !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return createHmac(hash, secretKey).update(`${method}${host}/?${pairs}`).digest('base64');
}
