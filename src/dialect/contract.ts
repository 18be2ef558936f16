import { isUtf8 } from 'node:buffer';
import type { Cloud } from '../core/model.js';

/** A request as the server hands it to a dialect: no express types past this point. */
export interface DialectRequest {
  method: string;
  path: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  query: URLSearchParams;
  /** The query string exactly as received, without the `?` (signatures are computed over it). */
  rawQuery: string;
  body: Buffer;
  /** True when the body exceeded the server's limit and was discarded. */
  bodyTooLarge: boolean;
}

/** What a dialect answers. */
export interface DialectResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/**
 * What a dialect tells the access log about a request it answered; filled in as handling goes,
 * so a request refused early simply leaves the later fields unset. Never holds values.
 */
export interface RequestOutcome {
  /** The account and region the request was served in, once known. */
  namespace?: { account: string; region: string };
  /** The vendor's error code when the answer is an error. */
  errorCode?: string;
  /** The id of the fault rule that fired on this request, if one did. */
  faultRule?: string;
  /** Set when a fault rule drops the connection: the server destroys the socket and sends nothing. */
  dropConnection?: boolean;
}

/** One vendor's API, recognised from the request itself. */
export interface Dialect {
  readonly name: Cloud;
  /** True when the request is addressed to this dialect. */
  matches(request: DialectRequest): boolean;
  /** The vendor operation a request asks for, for the access log. */
  operationOf(request: DialectRequest): string;
  /** The members that carry a secret value in this vendor's requests and answers (the debug log redacts them). */
  valueMembers(): readonly string[];
  /** Answers the request, noting namespace and error code in `outcome`; never throws for a client mistake. */
  handle(request: DialectRequest, outcome?: RequestOutcome): Promise<DialectResponse>;
}

/**
 * Wraps a pure function of a request so it runs once per request however many times a dialect
 * asks (recognition, auth, parsing and logging all read the same parameters). The value is kept on
 * the request itself, under a symbol of this wrapper's own, so it lives and dies with the request
 * and is never shared between servers (a WeakMap did the same at several times the cost per call,
 * plus the collector's work on its entries).
 */
export function perRequest<T>(compute: (request: DialectRequest) => T): (request: DialectRequest) => T {
  const slot = Symbol('perRequest');
  return (request) => {
    const memo = request as DialectRequest & { [slot]?: T };
    if (slot in memo) return memo[slot] as T;
    const value = compute(request);
    memo[slot] = value;
    return value;
  };
}

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** The fields of a form-encoded body (empty for any other body), parsed once per request for every dialect that asks. */
export const formFieldsOf: (request: DialectRequest) => URLSearchParams = perRequest((request) =>
  (request.headers['content-type'] ?? '').toLowerCase().startsWith(FORM_TYPE)
    ? new URLSearchParams(request.body.toString('utf8'))
    : new URLSearchParams(),
);

// A `%` that starts no escape is literal text to URLSearchParams; escaped so only real escapes are decoded.
const LONE_PERCENT = /%(?![0-9a-fA-F]{2})/g;
// Escapes of bytes below 0x80 always decode to ASCII: only one from 0x80 up can start a sequence that is not UTF-8.
const NON_ASCII_ESCAPE = /%[89a-fA-F][0-9a-fA-F]/;

/** True when the percent-escapes of URL-encoded text decode to valid UTF-8 (URLSearchParams would silently write U+FFFD). */
function urlEncodedIsUtf8(encoded: string): boolean {
  if (!NON_ASCII_ESCAPE.test(encoded)) return true;
  try {
    decodeURIComponent(encoded.replace(LONE_PERCENT, '%25'));
    return true;
  } catch {
    return false;
  }
}

/**
 * True when the body's bytes, the query's escapes or a form body's escapes are not valid UTF-8.
 * Each dialect refuses such a request with its own error rather than storing a value the client never sent.
 */
export const carriesInvalidUtf8: (request: DialectRequest) => boolean = perRequest(
  (request) =>
    !isUtf8(request.body) ||
    !urlEncodedIsUtf8(request.rawQuery) ||
    ((request.headers['content-type'] ?? '').toLowerCase().startsWith(FORM_TYPE) && !urlEncodedIsUtf8(request.body.toString('latin1'))),
);
