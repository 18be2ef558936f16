#!/usr/bin/env node
import { ConfigError, parseCommandLine, usage, type PolysecretConfig } from '../src/server/config.js';
import { createServer } from '../src/server/app.js';
import { CLOUDS } from './clouds.js';
import { createLogger, type Logger } from '../src/server/log.js';
import { handleShutdownSignals } from '../src/server/shutdown.js';
import { POLYSECRET_VERSION } from '../src/version.js';

/** Exit code of a command line polysecret cannot run with (as getopt-style tools use). */
const USAGE_EXIT = 2;

/** Reads the command line; a bad one is reported on stderr with the usage, and exits 2. */
function commandLine() {
  try {
    return parseCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`polysecret: ${error.message}\n\n${usage()}\n`);
    process.exit(USAGE_EXIT);
  }
}

/** Flushes queued log lines, then ends the process. */
function exitAfter(logger: Logger, code: number): never {
  logger.flush?.();
  process.exit(code);
}

async function serve(config: PolysecretConfig): Promise<void> {
  // Every line, the startup line and start failures included, goes through the logger, so
  // --log-format json gives only JSON lines and --log-level silent gives none.
  const logger = createLogger(config.logLevel, config.logFormat);
  const polysecret = createServer(config, CLOUDS, { logger });
  let url: string;
  try {
    url = await polysecret.start();
  } catch (error) {
    logger.error(`polysecret: ${error instanceof Error ? error.message : String(error)}`);
    exitAfter(logger, 1);
  }
  // Before the startup line: whoever reads the URL from it may signal at once.
  handleShutdownSignals({ stop: () => polysecret.stop(), logger, exit: (code) => exitAfter(logger, code) });
  // CI scripts grep the URL from this line: keep its words.
  const urls = polysecret.httpsUrl ? `${url} and ${polysecret.httpsUrl}` : url;
  logger.info(`polysecret listening on ${urls} (${config.dataDir ? `data in ${config.dataDir}` : 'in memory'})`);
  // Written at once: whoever waits for the URL should not wait for the next batch of lines.
  logger.flush?.();
}

/** The subcommand: imported only when asked for, so serving never loads the conformance code. */
async function conformSubcommand(argv: readonly string[]): Promise<never> {
  const { conformCommand } = await import('./conform/cli.js');
  const code = await conformCommand(argv, { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), env: process.env });
  // Exit once stdout has drained: a piped report must arrive whole.
  process.stdout.write('', () => process.exit(code));
  return new Promise<never>(() => {});
}

async function main(): Promise<void> {
  if (process.argv[2] === 'conform') await conformSubcommand(process.argv.slice(3));
  const command = commandLine();
  if (command.action === 'help') process.stdout.write(`${usage()}\n\nAnd: polysecret conform [SCENARIO...] [options]: cross-cloud conformance (polysecret conform --help)\n`);
  else if (command.action === 'version') process.stdout.write(`${POLYSECRET_VERSION}\n`);
  else await serve(command.config);
}

main().catch((error: unknown) => {
  // Only a bug gets here (start failures are logged above): say so plainly.
  process.stderr.write(`polysecret: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
