import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { CloudModule } from '../dialect/cloudModule.js';
import type { Dialect } from '../dialect/contract.js';
import { SecretEngine } from '../core/engine.js';
import { SecretLifecycle } from '../core/lifecycle.js';
import type { Cloud } from '../core/model.js';
import type { CloudPolicy } from '../core/policy.js';
import { OffsetClock, randomIds, systemClock, type Clock, type IdSource } from '../core/runtime.js';
import { loadCredentials } from '../auth/credentials.js';
import type { AuthContext } from '../auth/mode.js';
import { loadNonces, NonceCache, saveNonces } from '../auth/nonces.js';
import { SigningKeyCache } from '../auth/signingKeys.js';
import { LowdbStore } from '../store/lowdbStore.js';
import { MemoryStore } from '../store/memoryStore.js';
import type { SecretStore } from '../core/store.js';
import type { PolysecretConfig } from './config.js';
import { INTERNAL_ERROR, sendJson } from './http.js';
import { createLogger, type Logger } from './log.js';
import { RequestLog } from './requestLog.js';
import { closeGracefully } from './shutdown.js';
import { listen, type Listener } from './listener.js';
import { loadTlsIdentity, type TlsIdentity } from './tls.js';
import { InitHooks } from './initHooks.js';
import { compileAdminSchemas } from './adminSchemas.js';
import { seedFromFile } from './seed.js';
import type { DefaultNamespaces } from './seedDocument.js';
import { createDialectHandler } from './dispatch.js';
import { createHealthReporter } from './health.js';
import { createAdminGuard } from './adminGuard.js';
import { checksOwnToken, InspectorSessions } from './inspector/session.js';
import { publishUrl, type PublishedUrl } from './urlFile.js';
import { FaultRules } from './faults/rules.js';
import { summarize } from '../dialect/faults.js';

/** Said at start when strict mode knows no key: every signed request would fail, and the reason is not obvious. */
/** Where the Alibaba nonces seen in the last 15 minutes are kept between runs, in the data dir. */
const NONCES_FILE = 'nonces.json';

/** Said at start when strict mode has no admin token: the admin API stays closed, health aside. */
const STRICT_WITHOUT_ADMIN_TOKEN =
  'warning: --auth strict without an admin token: every admin route but health answers 401; ' +
  'set --admin-token or POLYSECRET_ADMIN_TOKEN, or "admin": {"token": …} in the credentials file';

const STRICT_WITHOUT_CREDENTIALS =
  'warning: --auth strict without --credentials: no key is known, so every signed request will be refused as an unknown key; ' +
  'pass --credentials FILE listing your keys (see examples/credentials.json)';

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
/** A request (headers and body) must arrive within this; Node's default lets a slow body hold on for 300 s. */
const REQUEST_TIMEOUT_MS = 60_000;

/** Seams tests use to control time, ids, logging and storage. */
export interface PolysecretOverrides {
  clock?: Clock;
  ids?: IdSource;
  logger?: Logger;
  store?: SecretStore;
  /** How long a request may take to arrive (default 60 s); tests shorten it. */
  requestTimeoutMs?: number;
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

/**
 * Builds the server: one port, a dialect per cloud module, admin routes under /_emulator/. The
 * clouds come from the composition root; the server knows them only as {@link CloudModule}s.
 */
export function createServer(config: PolysecretConfig, clouds: readonly CloudModule[], overrides: PolysecretOverrides = {}): Polysecret {
  const logger = overrides.logger ?? createLogger(config.logLevel, config.logFormat);
  // Per server, so POST /_emulator/clock moves only this server's time.
  const realClock = overrides.clock ?? systemClock;
  const clock = new OffsetClock(realClock);
  const onCheckpointError = (error: unknown) => logger.error(`checkpoint failed (the journal is kept; the next checkpoint takes it): ${String(error)}`);
  const store = overrides.store ?? (config.dataDir ? new LowdbStore(config.dataDir, { onBackgroundError: onCheckpointError, encryptionKeyFile: config.encryptionKeyFile }) : new MemoryStore());
  const engine = new SecretEngine({
    store,
    clock,
    ids: overrides.ids ?? randomIds,
    policies: Object.fromEntries(clouds.map((module) => [module.cloud, module.policy])) as Record<Cloud, CloudPolicy>,
    onBackgroundError: (error) => logger.error(`background purge failed: ${String(error)}`),
  });
  const auth: AuthContext = {
    mode: config.auth,
    credentials: loadCredentials(config.credentialsFile),
    nonces: new NonceCache(),
    signingKeys: new SigningKeyCache(),
    // Signature time windows follow the real clock: clients sign with it, whatever the emulator's says.
    now: () => realClock.now(),
  };
  const secrets = new SecretLifecycle(engine);
  // Seeds may add to it after start.
  const rotationFunctions = new Map(Object.entries(config.rotationLambdas ?? {}));
  // Where each cloud's requests land when they name no account or region; a seed's multi-cloud secrets go there too.
  const defaultNamespaces = Object.fromEntries(
    clouds.map((module) => [module.cloud, { account: config[`${module.cloud}Account`], region: config[`${module.cloud}Region`] }]),
  ) as DefaultNamespaces;
  // This server's fault rules (README "Fault injection"): per server, asked by every dialect once a call is parsed.
  const faults = new FaultRules();
  // Tried most specific first: see CloudModule.precedence.
  const dialects: Dialect[] = [...clouds]
    .sort((a, b) => b.precedence - a.precedence)
    .map((module) => module.createDialect({ secrets, logger, auth, ...defaultNamespaces[module.cloud], rotationFunctions, faults }));
  // The log asks the dialects which members carry secret values only when it first redacts.
  const valueMembers = () => dialects.flatMap((dialect) => dialect.valueMembers());
  const requestLog = new RequestLog({ logger, clock, debug: (logger.level ?? 'debug') === 'debug', valueMembers });
  let loaded = false;
  let published: PublishedUrl | undefined;
  let listener: Listener | undefined;
  let tlsIdentity: TlsIdentity | undefined;
  let httpsUrl: string | undefined;
  const initHooks = new InitHooks({ dir: config.initDir, logger });

  const adminValidators = compileAdminSchemas();
  const faultErrors = Object.fromEntries(
    clouds.map((module) => [module.cloud, { throttling: summarize(module.faultErrors.throttling()), internal: summarize(module.faultErrors.internal()) }]),
  );
  const answerDialect = createDialectHandler({ dialects, requestLog, logger });
  const health = createHealthReporter({
    dialects: dialects.map((d) => d.name),
    persistence: config.dataDir ? 'lowdb' : 'memory',
    auth: config.auth,
    clock,
    isReady: () => loaded,
    storeProblem: () => engine.storeProblem,
    init: () => initHooks.report(),
  });
  // express is loaded on the first admin call other than health: it is a fifth of start-up.
  let adminApp: Promise<(req: IncomingMessage, res: ServerResponse) => void> | undefined;
  const adminToken = config.adminToken ?? auth.credentials.adminToken;
  // The web inspector's browser sessions: per server, accepted by its guard instead of the Bearer token.
  const sessions = new InspectorSessions();
  const guardAdmin = createAdminGuard({
    token: adminToken,
    strict: config.auth === 'strict',
    listenHost: config.host,
    allowedHosts: config.allowedHosts ?? [],
    session: (req) => sessions.authenticates(req),
    checksOwnToken,
  });
  const answerAdmin = (req: IncomingMessage, res: ServerResponse) => {
    requestLog.trackAdminCall(req, res);
    const refusal = guardAdmin(req);
    if (refusal) {
      for (const [name, value] of Object.entries(refusal.headers ?? {})) res.setHeader(name, value);
      sendJson(res, refusal.status, refusal.body);
      return;
    }
    adminApp ??= import('./adminApp.js').then(({ createAdminApp }) =>
      createAdminApp({
        engine,
        logger,
        validators: adminValidators,
        clock,
        requestLog,
        rotationFunctions,
        defaultNamespaces,
        saveClockOffset: (offsetMs) => store.saveClockOffset(offsetMs),
        faults,
        faultErrors,
        sessions,
        adminToken,
        strict: config.auth === 'strict',
      }),
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
      // Open inspector event streams end now rather than hold the close up for its whole grace period.
      requestLog.closeSubscriptions();
      if (listener) {
        // Requests in flight finish (within a grace period) before the store is flushed below.
        await closeGracefully(listener.server);
      }
      await tlsIdentity?.dispose();
      // Alibaba nonces stay refused for their whole window across a restart on the same data dir.
      if (config.dataDir) {
        await saveNonces(join(config.dataDir, NONCES_FILE), auth.nonces.entries(realClock.now())).catch((error: unknown) =>
          logger.error(`could not save the nonce window: ${String(error)}`),
        );
      }
      // Read times kept in memory are saved now; failing to is no reason to lose the rest.
      await engine.flush().catch((error: unknown) => logger.error(`could not save read times at stop: ${String(error)}`));
      await store.close();
      await published?.remove();
      logger.flush?.();
    },
  };

  async function load(): Promise<string> {
    if (config.encryptionKeyFile && !config.dataDir) throw new Error('--encryption-key-file needs --data-dir: without one nothing is written to disk');
    if (config.auth === 'strict' && !config.credentialsFile) logger.error(STRICT_WITHOUT_CREDENTIALS);
    if (config.auth === 'strict' && adminToken === undefined) logger.error(STRICT_WITHOUT_ADMIN_TOKEN);
    if (config.dataDir) auth.nonces.restore(await loadNonces(join(config.dataDir, NONCES_FILE)), realClock.now());
    // Before the secrets: the engine judges recovery windows and purges by this clock as it loads.
    clock.advance(await store.loadClockOffset());
    // A bad certificate or key fails start before state is loaded or anything listens.
    tlsIdentity = await loadTlsIdentity(config, logger);
    await engine.load();
    // Seeded before health says ready; a bad seed file fails start before anything listens.
    if (config.seedFile) {
      const count = await seedFromFile({ engine, validate: adminValidators.seed, defaults: defaultNamespaces, rotationFunctions, faults: { validate: adminValidators.faults, rules: faults } }, config.seedFile);
      logger.info(`seeded ${count} secrets from ${config.seedFile}`);
    }
    loaded = true;
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      // SDK traffic skips express: its router costs more than the whole answer of a read.
      // Health checks are neither logged nor listed: a container's healthcheck would flood both.
      if (!isAdminPath(req.url)) answerDialect(req, res);
      else if (isHealthCheck(req)) {
        const report = health();
        sendJson(res, report.status === 'loading' ? 503 : 200, report, req.method === 'HEAD');
      } else answerAdmin(req, res);
    };
    const onTlsClientError = (error: Error) => logger.debug(`TLS handshake failed: ${error.message}`);
    const requestTimeout = overrides.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    // Node checks the timeout on an interval (30 s by default), so check often enough to honour it.
    const connectionsCheckingInterval = Math.min(1000, requestTimeout / 4);
    // RPC clients (Alibaba, Tencent GET) put whole secret values in the URL: allow a large request line.
    const serverOptions = { maxHeaderSize: MAX_HEADER_BYTES, requestTimeout, connectionsCheckingInterval };
    listener = await listen({ host: config.host, port: config.port, serverOptions, handler, tls: tlsIdentity, onTlsClientError });
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${listener.port}`;
    if (tlsIdentity) {
      httpsUrl = `https://${host}:${listener.port}`;
      logger.info(`https on the same port with the certificate ${tlsIdentity.certFile} (trust it with NODE_EXTRA_CA_CERTS, AWS_CA_BUNDLE or --ca-bundle)`);
    }
    // Before start resolves (and so before the startup line): whoever reads that line finds the file too.
    published = await publishUrl(config.urlFile, url);
    // Not awaited: the hooks talk to the server, which is ready now; health reports how they went.
    void initHooks.run({ http: url, https: httpsUrl });
    return url;
  }
}
