/**
 * The recorded Alibaba SDK requests (test/fixtures/alibaba-sdk-captures, signed with
 * ALIBABA_KEY) as data: loaded, turned into dialect requests, and replayed byte for byte, Host
 * header included, so their signatures still hold against a test server on another port.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { parseStringPromise } from 'xml2js';
import type { DialectRequest } from '../../src/dialect/contract.js';

const CAPTURES_DIR = new URL('../fixtures/alibaba-sdk-captures/', import.meta.url);

/** A request a real SDK sent, with what the capturing verifier saw (we compare with it, never copy answers). */
export interface Capture {
  seq: number;
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  rawBody: string;
  detected: {
    action: string;
    auth: { scheme: string; verified: boolean; accessKeyId?: string; stringToSign?: string; canonicalRequest?: string };
  };
  response: { status: number; body: Record<string, unknown> };
}

/** Every capture, in recorded order. */
export const CAPTURES: readonly Capture[] = readdirSync(CAPTURES_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(new URL(file, CAPTURES_DIR), 'utf8')) as Capture);

/** True for V3 (Authorization header) captures. */
export const isV3 = (capture: Capture): boolean => capture.headers.authorization !== undefined;

/** The instant a capture was signed: its `Timestamp` parameter (V1) or `x-acs-date` header (V3). */
export function signedAt(capture: Capture): number {
  const raw = capture.headers['x-acs-date'] ?? new URLSearchParams(capture.url.split('?')[1] ?? '').get('Timestamp') ?? new URLSearchParams(capture.rawBody).get('Timestamp');
  if (!raw) throw new Error(`capture ${capture.seq} has no timestamp`);
  return Date.parse(raw);
}

/** A capture as the server hands it to the dialect. */
export function toDialectRequest(capture: Capture): DialectRequest {
  const url = new URL(capture.url, 'http://127.0.0.1');
  const queryStart = capture.url.indexOf('?');
  return {
    method: capture.method,
    path: url.pathname,
    headers: capture.headers,
    query: url.searchParams,
    rawQuery: queryStart < 0 ? '' : capture.url.slice(queryStart + 1),
    body: Buffer.from(capture.rawBody, 'utf8'),
    bodyTooLarge: false,
  };
}

/** What a test may change before sending a capture. */
export interface Replay {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** The response to a replayed capture; `json` is the body, or for XML what is under its root element. */
export interface ReplayResponse {
  status: number;
  contentType: string | undefined;
  text: string;
  json: any;
}

// Hop-by-hop framing the client recomputes; the rest goes out exactly as recorded.
const FRAMING = ['connection', 'content-length', 'transfer-encoding'];

/** Sends a capture (after `alter`, if given) to the server at `base`, keeping its Host, path and query bytes. */
export async function replay(base: string, capture: Capture, alter?: (request: Replay) => void): Promise<ReplayResponse> {
  const headers = Object.fromEntries(Object.entries(capture.headers).filter(([name]) => !FRAMING.includes(name)));
  const request: Replay = { method: capture.method, url: capture.url, headers, body: Buffer.from(capture.rawBody, 'utf8') };
  alter?.(request);
  const { hostname, port } = new URL(base);
  const { status, contentType, text } = await new Promise<{ status: number; contentType?: string; text: string }>((resolve, reject) => {
    const outgoing = httpRequest(
      { hostname, port, method: request.method, path: request.url, headers: { ...request.headers, 'content-length': String(request.body.length) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'], text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
  const json = contentType?.startsWith('text/xml') ? Object.values(await parseStringPromise(text, { explicitArray: false }))[0] : JSON.parse(text);
  return { status, contentType, text, json };
}
