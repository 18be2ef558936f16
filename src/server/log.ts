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

function render(format: LogFormat, level: LogLevel, message: string, fields: LogFields | undefined): string {
  const time = new Date().toISOString();
  if (format === 'json') return JSON.stringify({ time, level, msg: message, ...fields });
  const extra = Object.entries(fields ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('');
  return `${time} ${message}${extra}`;
}

/** Writes errors to the sink's `err` (stderr) and the rest to `out` (stdout), filtered by level. */
export function createLogger(level: LogLevel, format: LogFormat = 'pretty', sink: LogSink = processSink()): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const at = (wanted: LogLevel, write: (line: string) => void) => (message: string, fields?: LogFields) => {
    if (rank >= LOG_LEVELS.indexOf(wanted)) write(render(format, wanted, message, fields));
  };
  return { level, error: at('error', sink.err), info: at('info', sink.out), debug: at('debug', sink.out), flush: () => sink.flush?.() };
}
