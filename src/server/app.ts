import type { IncomingMessage, ServerResponse } from 'node:http';
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
import { SigningKeyCache } from '../auth/signingKeys.js';
import { LowdbStore } from '../store/lowdbStore.js';
import { MemoryStore } from '../store/memoryStore.js';
import type { SecretStore } from '../store/store.js';
import type { PolysecretConfig } from './config.js';
import { INTERNAL_ERROR, sendJson, type Dialect } from './http.js';
import { createLogger, type Logger } from './log.js';
import { RequestLog } from './requestLog.js';
import { closeGracefully } from './shutdown.js';
import { listen, type Listener } from './listener.js';
import { loadTlsIdentity, type TlsIdentity } from './tls.js';
import { InitHooks } from './initHooks.js';
import { compileAdminSchemas } from './adminSchemas.js';
import { seedFromFile } from './seed.js';
import { createDialectHandler } from './dispatch.js';

/** `GET /_emulator/health` (or HEAD), answered without loading the rest of the admin API. */
function isHealthCheck(req: IncomingMessage): boolean {
  const path = req.url?.split('?', 1)[0];
  return path === '/_emulator/health' && (req.method === 'GET' || req.method === 'HEAD');
}

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
  /** Loads state, listens, and resolves to the base URL (with the real port when 0 was asked), always `http://`. */
  start(): Promise<string>;
  /** With TLS on, the `https://` base URL of the same port once started; otherwise undefined. */
  readonly httpsUrl: string | undefined;
  /** With TLS on, the certificate file clients should trust; otherwise undefined. */
  readonly tlsCertFile: string | undefined;
  /** Stops accepting connections, lets requests in flight finish, then flushes pending writes. */
  stop(): Promise<void>;
}

/** Builds the server: one port, every dialect, admin routes under /_emulator/. */
export function createPolysecret(config: PolysecretConfig, overrides: PolysecretOverrides = {}): Polysecret {
  const logger = overrides.logger ?? createLogger(config.logLevel, config.logFormat);
  // Per server, so POST /_emulator/clock moves only this server's time.
  const clock = new OffsetClock(overrides.clock ?? systemClock);
  const requestLog = new RequestLog({ logger, clock, debug: (logger.level ?? 'debug') === 'debug' });
  const onCompactionError = (error: unknown) => logger.error(`journal compaction failed (kept, retried with the next one): ${String(error)}`);
  const store = overrides.store ?? (config.dataDir ? new LowdbStore(config.dataDir, { onBackgroundError: onCompactionError }) : new MemoryStore());
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
    signingKeys: new SigningKeyCache(),
    now: () => engine.now(),
  };
  const dialects: Dialect[] = [
    createAwsDialect({ engine, logger, auth, account: config.awsAccount, region: config.awsRegion }),
    // Before Alibaba: both use an Action parameter, and only SSM's requests carry its version or v1 SecretId/Nonce.
    createTencentDialect({ engine, logger, auth, account: config.tencentAccount, region: config.tencentRegion }),
    createAlibabaDialect({ engine, logger, auth, account: config.alibabaAccount, region: config.alibabaRegion }),
  ];
  let loaded = false;
  let listener: Listener | undefined;
  let tlsIdentity: TlsIdentity | undefined;
  let httpsUrl: string | undefined;
  const initHooks = new InitHooks({ dir: config.initDir, logger });

  const adminValidators = compileAdminSchemas();
  const answerDialect = createDialectHandler({ dialects, requestLog, logger });
  const health = () => ({
    status: loaded ? 'ready' : 'loading',
    dialects: dialects.map((d) => d.name),
    persistence: config.dataDir ? 'lowdb' : 'memory',
    auth: config.auth,
    init: initHooks.report(),
  });
  // express is loaded on the first admin call other than health: it is a fifth of start-up.
  let adminApp: Promise<(req: IncomingMessage, res: ServerResponse) => void> | undefined;
  const answerAdmin = (req: IncomingMessage, res: ServerResponse) => {
    adminApp ??= import('./adminApp.js').then(({ createAdminApp }) =>
      createAdminApp({ engine, logger, validators: adminValidators, clock, requestLog, fallback: answerDialect }),
    );
    adminApp.then(
      (handle) => handle(req, res),
      (error: unknown) => {
        logger.error(`admin API failed to load: ${String(error)}`);
        sendJson(res, 500, INTERNAL_ERROR);
      },
    );
  };

  return {
    engine,
    get httpsUrl() {
      return httpsUrl;
    },
    get tlsCertFile() {
      return tlsIdentity?.certFile;
    },
    async start() {
      try {
        return await load();
      } finally {
        // Whatever start logged is out before a caller that failed to start exits.
        logger.flush?.();
      }
    },

    async stop() {
      // A hook still running is killed: it never keeps the server from stopping.
      await initHooks.stop();
      if (listener) {
        // Requests in flight finish (within a grace period) before the store is flushed below.
        await closeGracefully(listener.server);
      }
      await tlsIdentity?.dispose();
      await store.close();
      logger.flush?.();
    },
  };

  async function load(): Promise<string> {
    // A bad certificate or key fails start before state is loaded or anything listens.
    tlsIdentity = await loadTlsIdentity(config, logger);
    await engine.load();
    // Seeded before health says ready; a bad seed file fails start before anything listens.
    if (config.seedFile) {
      const count = await seedFromFile(engine, adminValidators.seed, config.seedFile);
      logger.info(`seeded ${count} secrets from ${config.seedFile}`);
    }
    loaded = true;
    // RPC clients (Alibaba, Tencent GET) put whole secret values in the URL: allow a large request line.
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      // SDK traffic skips express: its router costs more than the whole answer of a read.
      if (isHealthCheck(req)) {
        const report = health();
        sendJson(res, report.status === 'ready' ? 200 : 503, report, req.method === 'HEAD');
      } else if (isAdminPath(req.url)) answerAdmin(req, res);
      else answerDialect(req, res);
    };
    const onTlsClientError = (error: Error) => logger.debug(`TLS handshake failed: ${error.message}`);
    listener = await listen({ host: config.host, port: config.port, maxHeaderSize: MAX_HEADER_BYTES, handler, tls: tlsIdentity, onTlsClientError });
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${listener.port}`;
    if (tlsIdentity) {
      httpsUrl = `https://${host}:${listener.port}`;
      logger.info(`https on the same port with the certificate ${tlsIdentity.certFile} (trust it with NODE_EXTRA_CA_CERTS, AWS_CA_BUNDLE or --ca-bundle)`);
    }
    // Not awaited: the hooks talk to the server, which is ready now; health reports how they went.
    void initHooks.run({ http: url, https: httpsUrl });
    return url;
  }
}
