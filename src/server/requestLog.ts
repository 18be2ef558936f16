import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../core/runtime.js';
import type { DialectRequest, DialectResponse, RequestOutcome } from '../dialect/contract.js';
import { isoTimeFormatter, type Logger } from './log.js';
import { redactHeaders, Redactor } from './redact.js';

/** How many requests `GET /_emulator/requests` remembers by default. */
export const DEFAULT_REQUEST_CAPACITY = 500;

/** One answered request, as logged and kept in the ring buffer: never a value, key or signature. */
export interface RequestEntry {
  /** Emulator time (ISO 8601) the request was answered; follows `POST /_emulator/clock`. */
  time: string;
  /** `aws`, `alibaba`, `tencent`, `admin` (a call to /_emulator/ or /moto-api/), or `unrecognised`. */
  cloud: string;
  /** The vendor operation (or `METHOD /path`, without the query, for an admin or unrecognised request). */
  action: string;
  /** `account/region`, when the request got far enough to have them. */
  namespace?: string;
  /** The HTTP status answered; 0 when a fault rule dropped the connection without an answer. */
  status: number;
  /** The vendor's error code, when the answer is an error. */
  errorCode?: string;
  /** The id of the fault rule that fired on the request (README "Fault injection"), if one did. */
  fault?: string;
  /** Time spent answering, in milliseconds, rounded to 0.1. */
  durationMs: number;
}

/** A listener of {@link RequestLog.subscribe}: the inspector's live request stream. */
export interface RequestSubscriber {
  /** Called with a copy of each entry as it is answered, and its sequence number. */
  onEntry(entry: RequestEntry, seq: number): void;
  /** Called once when the log closes its subscriptions (server stop). */
  onClose(): void;
}

/** What the server reports once a request is answered. */
export interface AnsweredRequest {
  cloud: string;
  action: string;
  status: number;
  outcome: RequestOutcome;
  /** `process.hrtime.bigint()` when the request arrived. */
  started: bigint;
}

/** Options of {@link RequestLog}. */
export interface RequestLogOptions {
  logger: Logger;
  /** The emulator's clock, for the entries' time. */
  clock: Clock;
  /** Ring buffer size. */
  capacity?: number;
  /** Whether to build debug lines; redacting costs a parse of every body, so skip it when nobody reads them. */
  debug: boolean;
  /** The members that carry secret values, in any cloud's requests and answers; asked once, for the first debug line. */
  valueMembers: () => Iterable<string>;
}

/**
 * The access log of one server: one info line per request, redacted debug lines of each
 * request and response, and a ring buffer of recent entries. One per server, so servers
 * sharing a process never see each other's requests.
 */
export class RequestLog {
  /** The last `capacity` entries; once full, `next` is where the oldest sits and the next one goes. */
  private readonly ring: RequestEntry[] = [];
  private next = 0;
  private readonly capacity: number;
  private redactor: Redactor | undefined;
  /** How many entries were ever answered: the sequence number of the newest, so a stream can resume after it. */
  private answeredCount = 0;
  /** Live listeners (the inspector's event streams); per log, so servers in one process never share them. */
  private readonly subscribers = new Set<RequestSubscriber>();
  private readonly isoTime = isoTimeFormatter();

  constructor(private readonly options: RequestLogOptions) {
    this.capacity = options.capacity ?? DEFAULT_REQUEST_CAPACITY;
  }

  /** Logs a request at debug level, with signatures, keys, tokens and secret values redacted. */
  received(request: DialectRequest): void {
    if (!this.options.debug) return;
    const redactor = this.redacting();
    this.options.logger.debug(`request ${request.method} ${request.path}`, {
      query: request.rawQuery ? redactor.params(request.rawQuery) : undefined,
      headers: redactHeaders(request.headers),
      body: request.bodyTooLarge ? '<discarded: too large>' : redactor.body(request.body, request.headers['content-type'], false),
    });
  }

  /** Logs a response at debug level, with secret values redacted. */
  sent(cloud: string, response: DialectResponse): void {
    if (!this.options.debug) return;
    this.options.logger.debug(`response ${cloud} ${response.status}`, {
      headers: redactHeaders(response.headers),
      body: this.redacting().body(response.body, response.headers['content-type'], true),
    });
  }

  private redacting(): Redactor {
    return (this.redactor ??= new Redactor(this.options.valueMembers()));
  }

  /** Writes the request's info line and remembers it. */
  answered(request: AnsweredRequest): RequestEntry {
    const ns = request.outcome.namespace;
    const entry: RequestEntry = {
      time: this.isoTime(this.options.clock.now()),
      cloud: request.cloud,
      action: request.action,
      namespace: ns && `${ns.account}/${ns.region}`,
      status: request.status,
      errorCode: request.outcome.errorCode,
      fault: request.outcome.faultRule,
      durationMs: Math.round(Number(process.hrtime.bigint() - request.started) / 1e5) / 10,
    };
    if (this.ring.length < this.capacity) this.ring.push(entry);
    else this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    this.answeredCount += 1;
    for (const subscriber of this.subscribers) subscriber.onEntry({ ...entry }, this.answeredCount);
    // The line's own timestamp is wall time; the entry's emulator time would only confuse it.
    const { cloud, action, namespace, status, errorCode, fault, durationMs } = entry;
    this.options.logger.info('request', { cloud, action, namespace, status, errorCode, fault, durationMs });
    return entry;
  }

  /**
   * Logs and remembers an admin call once its answer is sent, as cloud `admin` and action
   * `METHOD /path`. The query is left out (it can ask for values: `?values=true`), and so are bodies.
   */
  trackAdminCall(req: IncomingMessage, res: ServerResponse): void {
    const started = process.hrtime.bigint();
    const path = (req.url ?? '/').split('?', 1)[0];
    res.once('finish', () => this.answered({ cloud: 'admin', action: `${req.method} ${path}`, status: res.statusCode, outcome: {}, started }));
  }

  /**
   * Tells `subscriber` of every entry answered from now on, each with its sequence number (1 for the
   * first request this server answered). Returns the unsubscribe function.
   */
  subscribe(subscriber: RequestSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Ends every subscription (the server is stopping), so open streams do not hold the shutdown up. */
  closeSubscriptions(): void {
    for (const subscriber of [...this.subscribers]) subscriber.onClose();
    this.subscribers.clear();
  }

  /** The remembered entries with their sequence numbers, oldest first, those after `afterSeq` only. */
  recentSince(afterSeq = 0): Array<{ seq: number; entry: RequestEntry }> {
    const entries = this.recent();
    const firstSeq = this.answeredCount - entries.length + 1;
    return entries.map((entry, i) => ({ seq: firstSeq + i, entry })).filter(({ seq }) => seq > afterSeq);
  }

  /** The remembered entries, oldest first (copies: callers cannot alter the buffer). */
  recent(): RequestEntry[] {
    const oldestFirst = this.ring.length < this.capacity ? this.ring : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    return oldestFirst.map((entry) => ({ ...entry }));
  }
}
