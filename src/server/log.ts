import { LOG_FORMATS, LOG_LEVELS, type LogFields, type LogFormat, type Logger, type LogLevel } from '../dialect/logger.js';

export { LOG_FORMATS, LOG_LEVELS, type LogFields, type LogFormat, type Logger, type LogLevel };

/** Where lines go; tests pass their own to read what was logged. */
export interface LogSink {
  out(line: string): void;
  err(line: string): void;
  flush?(): void;
}

/** How long stdout lines may wait to be written together, and how many bytes they may pile up to. */
const OUT_FLUSH_MS = 50;
const OUT_FLUSH_BYTES = 64 * 1024;

/**
 * stdout and stderr, with stdout lines gathered and written together at most {@link OUT_FLUSH_MS}
 * later: under load, a write per request line cost a third of answering a read. Errors go out at
 * once, after what is queued; the server flushes when it stops.
 */
function processSink(): LogSink {
  let queued = '';
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const text = queued;
    queued = '';
    if (text) process.stdout.write(text);
  };
  return {
    flush,
    out: (line) => {
      queued += `${line}\n`;
      if (queued.length >= OUT_FLUSH_BYTES) flush();
      // unref: a pending log line never keeps the process alive on its own.
      else timer ??= setTimeout(flush, OUT_FLUSH_MS).unref();
    },
    err: (line) => {
      flush();
      process.stderr.write(`${line}\n`);
    },
  };
}

/**
 * `toISOString` of an epoch millisecond, formatted once per millisecond: under load dozens of lines
 * share one, and formatting a date costs more than the rest of a line. One per caller, never shared.
 */
export function isoTimeFormatter(): (epochMs: number) => string {
  let lastMs = NaN;
  let lastText = '';
  return (epochMs) => {
    if (epochMs !== lastMs) {
      lastMs = epochMs;
      lastText = new Date(epochMs).toISOString();
    }
    return lastText;
  };
}

function render(format: LogFormat, time: string, level: LogLevel, message: string, fields: LogFields | undefined): string {
  if (format === 'json') return JSON.stringify({ time, level, msg: message, ...fields });
  let line = `${time} ${message}`;
  if (!fields) return line;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value !== undefined) line += ` ${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
  }
  return line;
}

/** Writes errors to the sink's `err` (stderr) and the rest to `out` (stdout), filtered by level. */
export function createLogger(level: LogLevel, format: LogFormat = 'pretty', sink: LogSink = processSink()): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const isoTime = isoTimeFormatter();
  const at = (wanted: LogLevel, write: (line: string) => void) => (message: string, fields?: LogFields) => {
    if (rank >= LOG_LEVELS.indexOf(wanted)) write(render(format, isoTime(Date.now()), wanted, message, fields));
  };
  return { level, error: at('error', sink.err), info: at('info', sink.out), debug: at('debug', sink.out), flush: () => sink.flush?.() };
}
