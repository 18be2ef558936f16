/**
 * The programmatic API: start polysecret inside a test runner or any Node process.
 *
 * @example
 * ```ts
 * import { startPolysecret } from 'polysecret';
 * const polysecret = await startPolysecret({ logLevel: 'silent' });
 * // point an SDK at polysecret.url …
 * await polysecret.reset();
 * await polysecret.stop();
 * ```
 */
import { createServer, type Polysecret, type PolysecretOverrides } from '../src/server/app.js';
import { CLOUDS } from './clouds.js';
import { SETTINGS, type PolysecretConfig } from '../src/server/config.js';

export type { Polysecret, PolysecretOverrides } from '../src/server/app.js';

/** Builds polysecret with every cloud, ready to {@link Polysecret.start}; {@link startPolysecret} is the short way. */
export function createPolysecret(config: PolysecretConfig, overrides: PolysecretOverrides = {}): Polysecret {
  return createServer(config, CLOUDS, overrides);
}
export { readConfig, SETTINGS, type PolysecretConfig } from '../src/server/config.js';

/**
 * What `startPolysecret` accepts: any setting of the configuration table, by its config key.
 * Unset ones take the table's default, except `port`, which defaults to 0 (a free port).
 */
export type PolysecretOptions = Partial<PolysecretConfig>;

/** A running polysecret started by {@link startPolysecret}. */
export interface PolysecretHandle {
  /** Base URL to point SDKs at, e.g. `http://127.0.0.1:53127`. */
  readonly url: string;
  /** With TLS on (`tls`, or `tlsCert` and `tlsKey`), the `https://` URL of the same port; otherwise undefined. */
  readonly httpsUrl: string | undefined;
  /** With TLS on, the certificate file to trust (e.g. as `NODE_EXTRA_CA_CERTS`); otherwise undefined. */
  readonly tlsCertFile: string | undefined;
  /** The port actually bound (the free one picked when asked for 0). */
  readonly port: number;
  /** Wipes every secret of every cloud (and the data dir's files, if any). */
  reset(): Promise<void>;
  /** Closes the port and flushes the store. Safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Settings whose option may be a number. Every other option must be a string, as its flag's
 * value is: a number there is almost always a mistake (an account id as a number loses its
 * leading zeros, `dataDir: 42` is no path).
 */
const NUMERIC_OPTIONS: ReadonlySet<string> = new Set(['port']);

/** The option's value as the text its flag would carry, or an error saying which type it needs. */
function optionText(key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (NUMERIC_OPTIONS.has(key) && typeof value === 'number') return String(value);
  const wanted = NUMERIC_OPTIONS.has(key) ? 'a number or a string' : 'a string';
  throw new Error(`polysecret: invalid ${key}: expected ${wanted}, got ${value === null ? 'null' : typeof value}`);
}

/** Builds a full config from the options, checking each value with the same parser the CLI uses. */
function configFrom(options: PolysecretOptions): PolysecretConfig {
  if (options === null || typeof options !== 'object') throw new Error('polysecret: options must be an object');
  const keys = new Set<string>(SETTINGS.map((s) => s.key));
  for (const key of Object.keys(options)) {
    if (!keys.has(key)) throw new Error(`polysecret: unknown option: ${key} (known: ${[...keys].join(', ')})`);
  }
  const config: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    const value: unknown = options[setting.key];
    // The CLI's default port is 4566; in-process callers want many instances, so a free port.
    const fallback = setting.key === 'port' ? 0 : setting.fallback;
    if (value === undefined) config[setting.key] = fallback;
    else {
      try {
        config[setting.key] = setting.parse(optionText(setting.key, value));
      } catch (error) {
        const message = (error as Error).message;
        throw new Error(message.startsWith('polysecret: ') ? message : `polysecret: ${setting.key}: ${message}`);
      }
    }
  }
  return config as unknown as PolysecretConfig;
}

/**
 * Starts a polysecret server in this process and resolves once it is listening and ready.
 * Each call is an independent server with its own state, so many can run side by side.
 *
 * @throws when an option is unknown or invalid, or the port cannot be bound.
 */
export async function startPolysecret(options: PolysecretOptions = {}): Promise<PolysecretHandle> {
  const config = configFrom(options);
  const polysecret = createPolysecret(config);
  let url: string;
  try {
    url = await polysecret.start();
  } catch (error) {
    // Release the store (and any half-open listener) before reporting why start failed.
    await polysecret.stop().catch(() => undefined);
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    url,
    httpsUrl: polysecret.httpsUrl,
    tlsCertFile: polysecret.tlsCertFile,
    port: Number(new URL(url).port),
    reset: () => polysecret.engine.reset(),
    stop: () => (stopping ??= polysecret.stop()),
  };
}
