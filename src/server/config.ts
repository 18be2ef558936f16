import type { AuthMode } from '../auth/mode.js';
import type { Cloud } from '../core/model.js';
import { accountProblem, regionProblem } from '../core/namespaceRules.js';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from './log.js';

/** Everything polysecret can be told at start. */
export interface PolysecretConfig {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Persist here (a journal and snapshots, README "Persistence"); undefined keeps state in memory. */
  dataDir?: string;
  /** The AWS account of requests whose access key id is not a 12-digit account id. */
  awsAccount: string;
  /** The AWS region of requests with no SigV4 credential scope. */
  awsRegion: string;
  /** The Alibaba account of requests whose AccessKeyId is not a 16-digit account id. */
  alibabaAccount: string;
  /** The Alibaba region of requests that name none (no RegionId, no kms.<region> host). */
  alibabaRegion: string;
  /** The Tencent account (UIN) of SecretIds the credentials file does not list. */
  tencentAccount: string;
  /** The Tencent region of requests that name none. */
  tencentRegion: string;
  /** `strict` verifies every signature as the clouds do; `permissive` accepts any. */
  auth: AuthMode;
  /** A JSON file listing each cloud's keys and their accounts. */
  credentialsFile?: string;
  /** A JSON or YAML (`.yaml`/`.yml`) seed document loaded before the server reports ready (README "Seeding"). */
  seedFile?: string;
  logLevel: LogLevel;
  /** `pretty` (the default) or `json`, one object per line. */
  logFormat?: LogFormat;
  /** Once listening, the base URL is written here, and removed on a clean stop (the container's health check reads it). */
  urlFile?: string;
  /** Also serve https on the port, with a self-signed certificate unless `tlsCert`/`tlsKey` name one (README "TLS"). */
  tls?: boolean;
  /** A PEM certificate (chain) file to serve https with; needs `tlsKey`. */
  tlsCert?: string;
  /** The PEM private key file of `tlsCert`. */
  tlsKey?: string;
  /** Where `tls` keeps its generated certificate; unset, `<dataDir>/tls`, or a temp dir without a data dir. */
  tlsDir?: string;
  /** A directory of executables run once the server is ready (README "Init hooks"). */
  initDir?: string;
  /** The admin API's bearer token (also `"admin": {"token": …}` in the credentials file); strict mode needs one. */
  adminToken?: string;
  /** Host names besides loopback, IP literals and the listen host that the admin API answers to. */
  allowedHosts?: string[];
  /** A file holding the 256-bit key that encrypts values and tags in the data dir (README "Persistence"). */
  encryptionKeyFile?: string;
  /** Where each rotation function runs, by function ARN (README "Rotation"). */
  rotationLambdas?: Record<string, string>;
}

/** One setting: its flag, its environment twin, its default and how to read it. */
interface Setting<K extends keyof PolysecretConfig> {
  key: K;
  flag: string;
  env: string;
  fallback: PolysecretConfig[K];
  parse: (raw: string) => PolysecretConfig[K];
  help: string;
  /** A switch: the flag alone means true (`--flag=false` turns it off). */
  boolean?: true;
  /** Given more than once, the values add up instead of the last one winning. */
  repeatable?: true;
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${raw}`);
  return port;
}

function parseLogLevel(raw: string): LogLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new Error(`invalid log level: ${raw} (one of ${LOG_LEVELS.join(', ')})`);
  return raw as LogLevel;
}

function parseLogFormat(raw: string): LogFormat {
  if (!(LOG_FORMATS as readonly string[]).includes(raw)) throw new Error(`invalid log format: ${raw} (one of ${LOG_FORMATS.join(', ')})`);
  return raw as LogFormat;
}

const text = (raw: string) => raw;

/** A parser that refuses what is not an account id of `cloud`. */
function accountOf(cloud: Cloud): (raw: string) => string {
  return (raw) => {
    const problem = accountProblem(cloud, raw);
    if (problem) throw new Error(`invalid ${cloud} account ${JSON.stringify(raw)}: ${problem}`);
    return raw;
  };
}

/** A parser that refuses what is not a region name of `cloud`. */
function regionOf(cloud: Cloud): (raw: string) => string {
  return (raw) => {
    const problem = regionProblem(cloud, raw);
    if (problem) throw new Error(`invalid ${cloud} region ${JSON.stringify(raw)}: ${problem}`);
    return raw;
  };
}

function parseSwitch(raw: string): boolean {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new Error(`invalid switch value: ${raw} (1, true, 0 or false)`);
}

function parseToken(raw: string): string {
  if (raw.length < 16) throw new Error('the admin token must have at least 16 characters');
  return raw;
}

function parseHostList(raw: string): string[] {
  const hosts = raw.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean);
  const bad = hosts.find((host) => host !== '*' && !/^\.?[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(host));
  if (bad !== undefined) throw new Error(`invalid host name in the list: ${bad} (names, .suffix or *)`);
  return hosts;
}

/** Why `target` is not a rotation function target (README "Rotation"), or undefined when it is one. */
export function rotationTargetProblem(arn: string, target: string): string | undefined {
  if (!/^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$/.test(arn)) return `${arn} is not a Lambda function ARN`;
  if (target === 'polysecret:generic' || /^https?:\/\/[^/\s]+\/?$/.test(target) || /^file:[^#]+(#[A-Za-z_$][\w$]*)?$/.test(target)) return undefined;
  return `${target} is not http(s)://host:port, file:PATH#EXPORT or polysecret:generic`;
}

/** `ARN=TARGET` pairs, comma-separated (the flag may also be given more than once). */
function parseRotationTargets(raw: string): Record<string, string> {
  const targets: Record<string, string> = {};
  for (const pair of raw.split(',').map((item) => item.trim()).filter(Boolean)) {
    const equals = pair.indexOf('=');
    const [arn, target] = equals > 0 ? [pair.slice(0, equals), pair.slice(equals + 1)] : [pair, ''];
    const problem = rotationTargetProblem(arn, target);
    if (problem) throw new Error(`${pair}: ${problem}`);
    targets[arn] = target;
  }
  return targets;
}

function parseAuthMode(raw: string): AuthMode {
  if (raw !== 'permissive' && raw !== 'strict') throw new Error(`invalid auth mode: ${raw} (permissive or strict)`);
  return raw;
}

/** The settings table the README documents. */
export const SETTINGS = [
  { key: 'host', flag: '--host', env: 'POLYSECRET_HOST', fallback: '127.0.0.1', parse: text, help: 'address to listen on' },
  { key: 'port', flag: '--port', env: 'POLYSECRET_PORT', fallback: 4566, parse: parsePort, help: 'port to listen on; 0 picks a free one' },
  { key: 'dataDir', flag: '--data-dir', env: 'POLYSECRET_DATA_DIR', fallback: undefined, parse: text, help: 'persist state here (a journal and snapshots, JSON lines); without it, state is in memory' },
  { key: 'awsAccount', flag: '--aws-account', env: 'POLYSECRET_AWS_ACCOUNT', fallback: '000000000000', parse: accountOf('aws'), help: 'AWS account for access keys that are not a 12-digit account id' },
  { key: 'awsRegion', flag: '--aws-region', env: 'POLYSECRET_AWS_REGION', fallback: 'us-east-1', parse: regionOf('aws'), help: 'AWS region for requests without a SigV4 scope' },
  { key: 'alibabaAccount', flag: '--alibaba-account', env: 'POLYSECRET_ALIBABA_ACCOUNT', fallback: '1234567890123456', parse: accountOf('alibaba'), help: 'Alibaba account for access keys that are not a 16-digit account id' },
  { key: 'alibabaRegion', flag: '--alibaba-region', env: 'POLYSECRET_ALIBABA_REGION', fallback: 'cn-hangzhou', parse: regionOf('alibaba'), help: 'Alibaba region for requests without RegionId or a kms.<region> host' },
  { key: 'tencentAccount', flag: '--tencent-account', env: 'POLYSECRET_TENCENT_ACCOUNT', fallback: '100000000001', parse: accountOf('tencent'), help: 'Tencent account (UIN) of SecretIds not in the credentials file' },
  { key: 'tencentRegion', flag: '--tencent-region', env: 'POLYSECRET_TENCENT_REGION', fallback: 'ap-guangzhou', parse: regionOf('tencent'), help: 'Tencent region for requests without X-TC-Region or Region' },
  { key: 'auth', flag: '--auth', env: 'POLYSECRET_AUTH', fallback: 'permissive', parse: parseAuthMode, help: 'permissive (any signature) or strict (verify signatures like the clouds)' },
  { key: 'credentialsFile', flag: '--credentials', env: 'POLYSECRET_CREDENTIALS', fallback: undefined, parse: text, help: 'JSON file of known keys and their accounts, per cloud' },
  { key: 'seedFile', flag: '--seed', env: 'POLYSECRET_SEED', fallback: undefined, parse: text, help: 'JSON or YAML (.yaml/.yml) seed file of secrets to load before reporting ready' },
  { key: 'logLevel', flag: '--log-level', env: 'POLYSECRET_LOG_LEVEL', fallback: 'info', parse: parseLogLevel, help: 'silent, error, info or debug' },
  { key: 'logFormat', flag: '--log-format', env: 'POLYSECRET_LOG_FORMAT', fallback: 'pretty', parse: parseLogFormat, help: 'pretty (one readable line per request) or json (one JSON object per line)' },
  { key: 'urlFile', flag: '--url-file', env: 'POLYSECRET_URL_FILE', fallback: undefined, parse: text, help: 'once listening, write the base URL to this file (removed on a clean stop)' },
  { key: 'tls', flag: '--tls', env: 'POLYSECRET_TLS', fallback: false, parse: parseSwitch, boolean: true, help: 'also serve https on the port, with a self-signed certificate made for localhost' },
  { key: 'tlsCert', flag: '--tls-cert', env: 'POLYSECRET_TLS_CERT', fallback: undefined, parse: text, help: 'PEM certificate file to serve https with (with --tls-key)' },
  { key: 'tlsKey', flag: '--tls-key', env: 'POLYSECRET_TLS_KEY', fallback: undefined, parse: text, help: 'PEM private key file of --tls-cert' },
  { key: 'tlsDir', flag: '--tls-dir', env: 'POLYSECRET_TLS_DIR', fallback: undefined, parse: text, help: 'where --tls keeps its certificate; unset: <data-dir>/tls, or a temp dir without one' },
  { key: 'adminToken', flag: '--admin-token', env: 'POLYSECRET_ADMIN_TOKEN', fallback: undefined, parse: parseToken, help: 'bearer token the admin API requires (16+ characters; strict mode needs one)' },
  { key: 'allowedHosts', flag: '--allowed-hosts', env: 'POLYSECRET_ALLOWED_HOSTS', fallback: undefined, parse: parseHostList, help: 'comma-separated Host names (or .suffix, or *) the admin API answers to besides loopback and IPs' },
  { key: 'encryptionKeyFile', flag: '--encryption-key-file', env: 'POLYSECRET_ENCRYPTION_KEY_FILE', fallback: undefined, parse: text, help: 'file with a 256-bit key (hex or base64) encrypting values and tags in the data dir' },
  { key: 'rotationLambdas', flag: '--rotation-lambda', env: 'POLYSECRET_ROTATION_LAMBDAS', fallback: undefined, parse: parseRotationTargets, repeatable: true, help: 'ARN=TARGET: run this AWS rotation function at an Invoke API URL, a file:module.mjs#handler, or polysecret:generic (repeatable; env: comma-separated)' },
  { key: 'initDir', flag: '--init-dir', env: 'POLYSECRET_INIT_DIR', fallback: undefined, parse: text, help: 'run the executables in this directory, in name order, once the server is ready' },
] as const satisfies ReadonlyArray<Setting<keyof PolysecretConfig>>;

/**
 * A command line or environment polysecret cannot start with: an unknown option, a stray argument,
 * a missing or invalid value. The CLI exits 2 with the message and the usage.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Short spellings of flags. */
const SHORT_FLAGS: Readonly<Record<string, string>> = { '-p': '--port' };
/** Flags that print something and exit instead of starting a server. */
const HELP_FLAGS = ['-h', '--help'];
const VERSION_FLAG = '--version';

/** What a command line asks for: the usage, the version, or a server with this configuration. */
export type CommandLine = { action: 'help' } | { action: 'version' } | { action: 'serve'; config: PolysecretConfig };

/**
 * Reads the CLI's arguments: `-h`/`--help` or `--version` anywhere wins (so a user can always get
 * help); otherwise every argument must be a known flag with its value.
 *
 * @throws {ConfigError} for unknown options, stray arguments, missing or invalid values.
 */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): CommandLine {
  if (argv.some((arg) => HELP_FLAGS.includes(arg))) return { action: 'help' };
  if (argv.includes(VERSION_FLAG)) return { action: 'version' };
  return { action: 'serve', config: readConfig(argv, env) };
}

/** The value each flag was given (`--flag value`, `--flag=value`, `-p value`); the last one wins. */
function flagValues(argv: readonly string[]): Map<string, string> {
  const known = new Set<string>(SETTINGS.map((s) => s.flag));
  // A switch alone means true; `--tls=false` turns it off.
  const switches = new Set<string>(SETTINGS.filter((s) => 'boolean' in s).map((s) => s.flag));
  // A repeatable flag's values add up (joined as its environment twin lists them).
  const repeatable = new Set<string>(SETTINGS.filter((s) => 'repeatable' in s).map((s) => s.flag));
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const equals = arg.indexOf('=');
    const name = equals > 0 && arg.startsWith('--') ? arg.slice(0, equals) : arg;
    const flag = SHORT_FLAGS[name] ?? name;
    if (!known.has(flag)) {
      throw new ConfigError(arg.startsWith('-') ? `unknown option: ${name}` : `unexpected argument: ${arg} (polysecret takes only options)`);
    }
    const value = name !== arg ? arg.slice(equals + 1) : switches.has(flag) ? 'true' : argv[++i];
    if (value === undefined) throw new ConfigError(`${name} needs a value`);
    values.set(flag, repeatable.has(flag) && values.has(flag) ? `${values.get(flag)},${value}` : value);
  }
  return values;
}

/**
 * Reads the configuration: a flag wins over its environment twin, which wins over the default.
 *
 * @throws {ConfigError} for unknown options, stray arguments, missing or invalid values.
 */
export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv): PolysecretConfig {
  const flags = flagValues(argv);
  const config: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    const raw = flags.get(setting.flag) ?? env[setting.env];
    try {
      config[setting.key] = raw === undefined || raw === '' ? setting.fallback : setting.parse(raw);
    } catch (error) {
      throw new ConfigError(`${flags.has(setting.flag) ? setting.flag : setting.env}: ${(error as Error).message}`);
    }
  }
  return config as unknown as PolysecretConfig;
}

/** The `--help` text. */
export function usage(): string {
  const flagWidth = Math.max(...SETTINGS.map((s) => s.flag.length));
  const envWidth = Math.max(...SETTINGS.map((s) => s.env.length));
  const row = (flag: string, env: string, meaning: string) => `  ${flag.padEnd(flagWidth)}  ${env.padEnd(envWidth)}  ${meaning}`;
  const rows = SETTINGS.map((s) => row(s.flag, s.env, `${s.help} (default: ${s.fallback ?? 'none'})`));
  const shortForms = Object.entries(SHORT_FLAGS).map(([short, flag]) => `${short} is ${flag}`);
  const extras = [...shortForms, '-h/--help prints this', '--version prints the version'].join('; ');
  return [`Usage: polysecret [options]    (${extras})`, '', row('flag', 'environment', 'meaning'), ...rows].join('\n');
}
