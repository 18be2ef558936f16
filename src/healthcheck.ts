#!/usr/bin/env node
// The container's HEALTHCHECK: exits 0 when the local polysecret reports ready, 1 otherwise.
// node runs it, so the image needs no curl; see src/server/healthProbe.ts for where it looks.
import { healthUrl, isHealthy } from './server/healthProbe.js';

healthUrl(process.env).then(
  async (url) => process.exit((await isHealthy(url)) ? 0 : 1),
  (error: unknown) => {
    process.stderr.write(`polysecret healthcheck: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
