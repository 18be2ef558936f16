import type { Logger } from './log.js';

/** What a graceful close needs of a server: an `http.Server` has it, and so does the http-and-https listener. */
export interface GracefulServer {
  /** Stops accepting connections; `done` runs once every connection is gone. */
  close(done: () => void): unknown;
  closeIdleConnections(): void;
  closeAllConnections(): void;
}

/** How long in-flight requests get to finish at shutdown before their connections are dropped. */
export const SHUTDOWN_GRACE_MS = 1500;

/** How often idle keep-alive connections are swept while waiting: a connection turns idle when its response ends. */
const SWEEP_MS = 20;

/**
 * Stops `server` gracefully: it stops accepting connections at once, idle keep-alive connections are
 * closed, requests in flight finish, and whatever is still open after `graceMs` is dropped.
 * Resolves once every connection is gone.
 */
export function closeGracefully(server: GracefulServer, graceMs: number = SHUTDOWN_GRACE_MS): Promise<void> {
  return new Promise((resolve) => {
    // server.close() alone leaves a keep-alive connection open until its idle timeout (seconds) even
    // after its last response has gone out, so sweep idle ones until the server reports closed.
    const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** What {@link handleShutdownSignals} needs from the running server and the process. */
export interface ShutdownHooks {
  /** Stops the server and flushes the store. */
  stop(): Promise<void>;
  /** Where the status lines go: shutting down at info, a failed stop at error. */
  logger: Pick<Logger, 'info' | 'error'>;
  /** Ends the process; `process.exit` in the CLI. */
  exit(code: number): void;
  /** Where signals come from; `process` in the CLI. */
  signals?: Pick<NodeJS.Process, 'on'>;
}

/** Exit codes for a second, impatient signal: 128 + the signal number, as shells report them. */
const FORCED_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * On the first SIGTERM or SIGINT, stops gracefully and exits 0 (1 if stopping failed);
 * a second signal while stopping exits at once.
 */
export function handleShutdownSignals(hooks: ShutdownHooks): void {
  const signals = hooks.signals ?? process;
  let stopping = false;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (stopping) {
      hooks.logger.info(`polysecret: second ${signal}, exiting now`);
      hooks.exit(FORCED_EXIT[signal]);
      return;
    }
    stopping = true;
    hooks.logger.info(`polysecret: ${signal}, finishing requests in flight and shutting down`);
    hooks.stop().then(
      () => hooks.exit(0),
      (error: unknown) => {
        hooks.logger.error(`polysecret: shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        hooks.exit(1);
      },
    );
  };
  signals.on('SIGINT', () => onSignal('SIGINT'));
  signals.on('SIGTERM', () => onSignal('SIGTERM'));
}
