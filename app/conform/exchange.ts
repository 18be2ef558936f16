import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import { ClientRequest, type IncomingMessage } from 'node:http';

/** One HTTP request an SDK sent and the answer it got, as text (signatures and key ids masked). */
export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  /** Absent when no answer came (a refused connection, a timeout). */
  response?: { status: number; headers: Record<string, string>; body: string };
}

/** Bodies longer than this are cut: a report shows what a step did, not a bulk transfer. */
const BODY_LIMIT = 64 * 1024;
/** Headers whose values prove who signed: never written to a report. */
const MASKED_HEADERS = new Set(['authorization', 'x-amz-security-token', 'x-tc-token', 'x-acs-security-token', 'x-acs-accesskey-id']);
/** Alibaba RPC's signing parameters, which travel in the query string or the form body. */
const MASKED_PARAMS = /([?&](?:Signature|AccessKeyId|SecurityToken|SignatureNonce)=)[^&]*/g;
const MASK = '(masked)';

/** The exchanges of the SDK call running in this async context; requests made outside any are ignored. */
const recorders = new AsyncLocalStorage<Exchange[]>();
/** Each recorded request's entry, until its answer arrives. */
const pending = new WeakMap<ClientRequest, Exchange>();

const maskParams = (text: string) => text.replace(MASKED_PARAMS, `$1${MASK}`);

function headerText(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), MASKED_HEADERS.has(name.toLowerCase()) ? MASK : Array.isArray(value) ? value.join(', ') : String(value)]),
  );
}

/** Appends chunks that pass through `write` to `sink`, up to the body limit. */
function collect(chunk: unknown, sink: { body: string }): void {
  if (chunk === undefined || chunk === null || typeof chunk === 'function' || sink.body.length >= BODY_LIMIT) return;
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
  sink.body = (sink.body + text).slice(0, BODY_LIMIT);
}

/** The exchange a request made in a recording context belongs to, created at its first body write or end. */
function exchangeOf(request: ClientRequest): Exchange | undefined {
  const known = pending.get(request);
  if (known) return known;
  const exchanges = recorders.getStore();
  if (!exchanges) return undefined;
  const exchange: Exchange = { request: { method: request.method, url: '', headers: {}, body: '' } };
  exchanges.push(exchange);
  pending.set(request, exchange);
  return exchange;
}

// Node 20 announces a request only once it is sent (http.client.request.start fires at its finish),
// too late to see the body, so the body is collected on its way through write and end; outside a
// recording context both are the originals plus one lookup.
const { write, end } = ClientRequest.prototype;
ClientRequest.prototype.write = function recordedWrite(this: ClientRequest, chunk: unknown, ...rest: unknown[]) {
  const exchange = exchangeOf(this);
  if (exchange) collect(chunk, exchange.request);
  return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
} as typeof write;
ClientRequest.prototype.end = function recordedEnd(this: ClientRequest, chunk?: unknown, ...rest: unknown[]) {
  const exchange = exchangeOf(this);
  if (exchange) {
    collect(chunk, exchange.request);
    exchange.request.url = maskParams(`${this.protocol}//${String(this.getHeader('host') ?? this.host)}${this.path}`);
    exchange.request.headers = headerText(this.getHeaders());
    exchange.request.body = maskParams(exchange.request.body);
  }
  return (end as (...args: unknown[]) => ClientRequest).call(this, chunk, ...rest);
} as typeof end;

// Published when the answer's head has arrived and before any of its body is read.
diagnostics.subscribe('http.client.response.finish', (message) => {
  const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
  const exchange = pending.get(request);
  if (!exchange) return;
  pending.delete(request);
  const answer = { status: response.statusCode ?? 0, headers: headerText(response.headers), body: '' };
  exchange.response = answer;
  const push = response.push;
  // Every body byte reaches the reader through push, whoever reads it and however late.
  response.push = (chunk: unknown, encoding?: BufferEncoding) => {
    collect(chunk, answer);
    return push.call(response, chunk, encoding);
  };
});

/**
 * Runs `call` and records every HTTP exchange it makes through node:http(s), which is how the AWS,
 * Alibaba and Tencent SDKs all reach the network in Node. Only requests made inside `call`'s async
 * context are recorded, so concurrent runs in one process each see their own.
 */
export async function recordExchanges<T>(call: () => Promise<T>): Promise<{ value: T; exchanges: Exchange[] }> {
  const exchanges: Exchange[] = [];
  const value = await recorders.run(exchanges, call);
  return { value, exchanges };
}
