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

/** One vendor's API, recognised from the request itself. */
export interface Dialect {
  readonly name: string;
  /** True when the request is addressed to this dialect. */
  matches(request: DialectRequest): boolean;
  /** The vendor operation a request asks for, for the access log. */
  operationOf(request: DialectRequest): string;
  /** Answers the request; never throws for a client mistake. */
  handle(request: DialectRequest): Promise<DialectResponse>;
}
