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
import type { Dialect, DialectRequest, RequestOutcome } from './http.js';
import { createLogger, type Logger } from './log.js';
import { RequestLog } from './requestLog.js';
import { closeGracefully } from './shutdown.js';
import { compileAdminSchemas, createAdminRouter } from './admin.js';
import { seedFromFile } from './seed.js';

/** Bodies above this are discarded and answered with the dialect's own "too large" error. */
const MAX_BODY_BYTES = 1024 * 1024;
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

function toDialectRequest(req: Request, body: Buffer, bodyTooLarge: boolean): DialectRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const url = new URL(req.originalUrl, 'http://localhost');
  const queryStart = req.originalUrl.indexOf('?');
  const rawQuery = queryStart < 0 ? '' : req.originalUrl.slice(queryStart + 1);
  return { method: req.method, path: url.pathname, headers, query: url.searchParams, rawQuery, body, bodyTooLarge };
}

async function readBody(req: Request): Promise<{ body: Buffer; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Keep draining so the connection stays usable, but stop buffering.
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return { body: Buffer.concat(chunks), tooLarge: size > MAX_BODY_BYTES };
}

const UNRECOGNISED = {
  error: 'UnrecognizedRequest',
  message:
    'polysecret could not tell which cloud this request is for. Expected one of: ' +
    'AWS Secrets Manager (header X-Amz-Target: secretsmanager.<Operation>); ' +
    'Alibaba Cloud KMS (parameter Action or header x-acs-action, with Version 2016-01-20); ' +
    'Tencent Cloud SSM (header X-TC-Action, or parameter Action with Version 2019-09-23).',
};

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

  app.use(async (req: Request, res: Response) => {
    const started = process.hrtime.bigint();
    const { body, tooLarge } = await readBody(req);
    const request = toDialectRequest(req, body, tooLarge);
    requestLog.received(request);
    const dialect = dialects.find((d) => d.matches(request));
    if (!dialect) {
      res.status(400).json(UNRECOGNISED);
      const outcome = { errorCode: UNRECOGNISED.error };
      requestLog.answered({ cloud: 'unrecognised', action: `${req.method} ${request.path}`, status: 400, outcome, started });
      return;
    }
    const outcome: RequestOutcome = {};
    const response = await dialect.handle(request, outcome);
    // Written raw: express would append "; charset=utf-8" to content types some SDKs compare literally.
    res.writeHead(response.status, response.headers).end(response.body);
    requestLog.sent(dialect.name, response);
    requestLog.answered({ cloud: dialect.name, action: dialect.operationOf(request), status: response.status, outcome, started });
  });

  app.use((error: unknown, _req: Request, res: Response, _next: unknown) => {
    logger.error(`unhandled: ${(error as Error)?.stack ?? String(error)}`);
    if (!res.headersSent) res.status(500).json({ error: 'InternalError', message: 'polysecret failed to handle the request.' });
  });

  return {
    engine,
    async start() {
      await engine.load();
      // Seeded before health says ready; a bad seed file fails start before anything listens.
      if (config.seedFile) {
        const count = await seedFromFile(engine, adminValidators.seed, config.seedFile);
        logger.info(`seeded ${count} secrets from ${config.seedFile}`);
      }
      loaded = true;
      // RPC clients (Alibaba, Tencent GET) put whole secret values in the URL: allow a large request line.
      server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app).listen(config.port, config.host);
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      return `http://${host}:${port}`;
    },
    async stop() {
      if (server) {
        // Requests in flight finish (within a grace period) before the store is flushed below.
        await closeGracefully(server);
      }
      await store.close();
    },
  };
}
