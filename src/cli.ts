#!/usr/bin/env node
import { readConfig, usage } from './server/config.js';
import { createPolysecret } from './server/app.js';
import { handleShutdownSignals } from './server/shutdown.js';

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  const config = readConfig(process.argv.slice(2), process.env);
  const polysecret = createPolysecret(config);
  const url = await polysecret.start();
  const urls = polysecret.httpsUrl ? `${url} and ${polysecret.httpsUrl}` : url;
  process.stdout.write(`polysecret listening on ${urls} (${config.dataDir ? `data in ${config.dataDir}` : 'in memory'})\n`);
  handleShutdownSignals({
    stop: () => polysecret.stop(),
    log: (line) => process.stdout.write(`${line}\n`),
    exit: (code) => process.exit(code),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`polysecret: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
