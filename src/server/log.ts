/** Log verbosity, quietest first. */
export const LOG_LEVELS = ['silent', 'error', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A minimal leveled logger. Callers never pass secret values to it. */
export interface Logger {
  error(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** Writes to stderr (errors) and stdout (the rest), filtered by level. */
export function createLogger(level: LogLevel): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const at = (wanted: LogLevel, write: (line: string) => void) => (message: string) => {
    if (rank >= LOG_LEVELS.indexOf(wanted)) write(`${new Date().toISOString()} ${message}`);
  };
  return {
    error: at('error', (line) => process.stderr.write(`${line}\n`)),
    info: at('info', (line) => process.stdout.write(`${line}\n`)),
    debug: at('debug', (line) => process.stdout.write(`${line}\n`)),
  };
}
