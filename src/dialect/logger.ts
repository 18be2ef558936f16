/** The logging port: what dialects and the server write to; the server's log module implements it. */

/** Log verbosity, quietest first. */
export const LOG_LEVELS = ['silent', 'error', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How lines look: `pretty` for people at a terminal, `json` (one object a line) for CI and log shippers. */
export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Structured data carried with a line; rendered as `key=value` (pretty) or merged into the object (json). */
export type LogFields = Record<string, unknown>;

/** A minimal leveled logger. Callers never pass secret values to it. */
export interface Logger {
  /** The level it writes at, when known; lets callers skip building lines nobody will see. */
  readonly level?: LogLevel;
  error(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  /** Writes out lines still queued (the server calls it when it stops, before the process may exit). */
  flush?(): void;
}

