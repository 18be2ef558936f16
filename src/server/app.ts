import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import { createAlibabaDialect } from '../../dialects/alibaba/index.js';
import { alibabaPolicy } from '../../dialects/alibaba/policy.js';
import { createAwsDialect } from '../../dialects/aws/index.js';
import { awsPolicy } from '../../dialects/aws/policy.js';
import { createTencentDialect } from '../../dialects/tencent/index.js';
import { tencentPolicy } from '../../dialects/tencent/policy.js';
import { SecretEngine } from '../core/engine.js';
import { OffsetClock, randomIds, systemClock, type Clock, type IdSource } from '../core/runtime.js';
import { loadCredentials } from '../auth/credentials.js';
import type { AuthContext } from '../auth/mode.js';
import { NonceCache } from '../auth/nonces.js';
import { LowdbStore } from '../store/lowdbStore.js';
import { MemoryStore } from '../store/memoryStore.js';
import type { SecretStore } from '../store/store.js';
import type { PolysecretConfig } from './config.js';
import { createDiagnosticsRouter } from './diagnostics.js';
import type { Dialect } from './http.js';
import { createLogger, type Logger } from './log.js';
import { RequestLog } from './requestLog.js';
import { closeGracefully } from './shutdown.js';
import { compileAdminSchemas, createAdminRouter } from './admin.js';
import { seedFromFile } from './seed.js';
import { createDialectHandler } from './dispatch.js';

/** Paths the admin API (express) serves; everything else is a cloud API call. */
function isAdminPath(url: string | undefined): boolean {
  return url !== undefined && (url.startsWith('/_emulator/') || url.startsWith('/moto-api/'));
}

/** Room for a URL-encoded 32 KiB value three times over, plus headers. */
const MAX_HEADER_BYTES = 256 * 1024;

/** Seams tests use to control time, ids, logging and storage. */
export interface PolysecretOverrides {
  clock?: Clock;
  ids?: IdSource;
  logger?: Logger;
  store?: SecretStore;
}

/** A running (or ready to run) polysecret server. */
export interface Polysecret {
  readonly engine: SecretEngine;
  /** Loads state, listens, and resolves to the base URL (with the real port when 0 was asked). */
  start(): Promise<string>;
  /** Stops accepting connections, lets requests in flight finish, then flushes pending writes. */
  stop(): Promise<void>;
}

/** Builds the server: one port, every dialect, admin routes under /_emulator/. */
export function createPolysecret(config: PolysecretConfig, overrides: PolysecretOverrides = {}): Polysecret {
  const logger = overrides.logger ?? createLogger(config.logLevel, config.logFormat);
  // Per server, so POST /_emulator/clock moves only this server's time.
  const clock = new OffsetClock(overrides.clock ?? systemClock);
  const requestLog = new RequestLog({ logger, clock, debug: (logger.level ?? 'debug') === 'debug' });
  const store = overrides.store ?? (config.dataDir ? new LowdbStore(config.dataDir) : new MemoryStore());
  const engine = new SecretEngine({
    store,
    clock,
    ids: overrides.ids ?? randomIds,
    policies: { aws: awsPolicy, alibaba: alibabaPolicy, tencent: tencentPolicy },
    onBackgroundError: (error) => logger.error(`background purge failed: ${String(error)}`),
  });
  const auth: AuthContext = {
    mode: config.auth,
    credentials: loadCredentials(config.credentialsFile),
    nonces: new NonceCache(),
    now: () => engine.now(),
  };
  const dialects: Dialect[] = [
    createAwsDialect({ engine, logger, auth, account: config.awsAccount, region: config.awsRegion }),
    // Before Alibaba: both use an Action parameter, and only SSM's requests carry its version or v1 SecretId/Nonce.
    createTencentDialect({ engine, logger, auth, account: config.tencentAccount, region: config.tencentRegion }),
    createAlibabaDialect({ engine, logger, auth, account: config.alibabaAccount, region: config.alibabaRegion }),
  ];
  let loaded = false;
  let server: Server | undefined;

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');

  const adminValidators = compileAdminSchemas();
  app.use(
    createAdminRouter({
      engine,
      logger,
      validators: adminValidators,
      health: () => ({
        status: loaded ? 'ready' : 'loading',
        dialects: dialects.map((d) => d.name),
        persistence: config.dataDir ? 'lowdb' : 'memory',
        auth: config.auth,
      }),
    }),
  );

  app.use(createDiagnosticsRouter({ clock, requestLog, logger }));

  const answerDialect = createDialectHandler({ dialects, requestLog, logger });
  // Unknown /_emulator/ paths fall through to the dialects, which answer that nothing matched.
  app.use((req: Request, res: Response) => answerDialect(req, res));

  app.use((error: unknown, _req: Request, res: Response, _next: unknown) => {
    logger.error(`unhandled: ${(error as Error)?.stack ?? String(error)}`);
    if (!res.headersSent) res.status(500).json({ error: 'InternalError', message: 'polysecret failed to handle the request.' });
  });

  return {
    engine,
    async start() {
      try {
        return await load();
      } finally {
        // Whatever start logged is out before a caller that failed to start exits.
        logger.flush?.();
      }
    },

    async stop() {
      if (server) {
        // Requests in flight finish (within a grace period) before the store is flushed below.
        await closeGracefully(server);
      }
      await store.close();
      logger.flush?.();
    },
  };

  async function load(): Promise<string> {
    await engine.load();
    // Seeded before health says ready; a bad seed file fails start before anything listens.
    if (config.seedFile) {
      const count = await seedFromFile(engine, adminValidators.seed, config.seedFile);
      logger.info(`seeded ${count} secrets from ${config.seedFile}`);
    }
    loaded = true;
    // RPC clients (Alibaba, Tencent GET) put whole secret values in the URL: allow a large request line.
    server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
      // SDK traffic skips express: its router costs more than the whole answer of a read.
      if (isAdminPath(req.url)) app(req, res);
      else answerDialect(req, res);
    }).listen(config.port, config.host);
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return `http://${host}:${port}`;
  }
}
