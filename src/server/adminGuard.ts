import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { safeEqual } from '../auth/crypto.js';

/** Who may use the admin API, and from where (README "Security model"). */
export interface AdminGuardOptions {
  /** Required as `Authorization: Bearer <token>` on every admin route but health, in any mode. */
  token?: string;
  /** Strict mode: with no token configured the admin API is closed rather than open. */
  strict: boolean;
  /** The address the server listens on; its name is an allowed Host. */
  listenHost: string;
  /** More allowed Host names: exact, `.suffix` for a domain and its subdomains, or `*` for any. */
  allowedHosts: readonly string[];
  /** A browser session the web inspector minted at login, accepted instead of the Bearer token. */
  session?: (req: IncomingMessage) => boolean;
  /** Routes that judge the token themselves (the inspector's page and login): Host and Origin rules still apply. */
  checksOwnToken?: (req: IncomingMessage) => boolean;
}

/** Why an admin request is refused: the HTTP status and a JSON body saying what to do. */
export interface AdminRefusal {
  status: 401 | 403 | 415;
  body: { error: string; message: string };
  headers?: Record<string, string>;
}

/** Content types a state-changing admin call may carry; a seed may also be YAML. */
const JSON_TYPES = ['application/json'];
const SEED_TYPES = [...JSON_TYPES, 'application/yaml', 'application/x-yaml', 'text/yaml'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host name of a Host header (no port, no IPv6 brackets), lower-cased. */
function hostnameOf(host: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracketed) return bracketed[1].toLowerCase();
  return host.replace(/:\d+$/, '').toLowerCase();
}

/** Names that always mean this machine. */
function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost');
}

function hasBody(req: IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

/**
 * Builds the admin API's gate. A request passes when its Host is one polysecret answers to (against DNS
 * rebinding: loopback names, IP literals, the listen host, `--allowed-hosts`), it comes from no other
 * origin (against cross-site requests from a browser), it carries the admin token when one is set (or
 * strict mode is on), and a body that changes state is JSON (or YAML for a seed), which a browser cannot
 * send across origins without asking first.
 */
export function createAdminGuard(options: AdminGuardOptions): (req: IncomingMessage) => AdminRefusal | undefined {
  const listenName = hostnameOf(options.listenHost);
  const hostAllowed = (name: string) =>
    isLoopbackName(name) ||
    isIP(name) !== 0 ||
    name === listenName ||
    options.allowedHosts.some((allowed) => allowed === '*' || allowed === name || (allowed.startsWith('.') && (name.endsWith(allowed) || name === allowed.slice(1))));

  return (req) => {
    const host = req.headers.host ?? '';
    if (!hostAllowed(hostnameOf(host))) {
      return refuse(403, 'ForbiddenHost', `the admin API does not answer to Host ${JSON.stringify(host)}; allow it with --allowed-hosts (POLYSECRET_ALLOWED_HOSTS)`);
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, host)) {
      return refuse(403, 'ForbiddenOrigin', `the admin API refuses requests from another origin (${origin})`);
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      return refuse(403, 'ForbiddenOrigin', 'the admin API refuses cross-site requests');
    }
    if ((options.token !== undefined || options.strict) && !options.checksOwnToken?.(req)) {
      if (options.token === undefined) {
        return unauthorized('strict mode closes the admin API until an admin token is set: --admin-token (POLYSECRET_ADMIN_TOKEN) or "admin": {"token": …} in the credentials file');
      }
      if (!bearerMatches(req, options.token) && !options.session?.(req)) {
        return unauthorized('the admin API needs the admin token as Authorization: Bearer <token>');
      }
    }
    if (!SAFE_METHODS.has(req.method ?? 'GET') && hasBody(req)) {
      const types = (req.url ?? '').split('?', 1)[0] === '/_emulator/seed' ? SEED_TYPES : JSON_TYPES;
      const type = (req.headers['content-type'] ?? '').split(';', 1)[0].trim().toLowerCase();
      if (!types.includes(type)) {
        return refuse(415, 'UnsupportedMediaType', `the admin API reads ${types.join(' or ')} bodies, not ${JSON.stringify(type || 'none')}`);
      }
    }
    return undefined;
  };
}

/** True when the request carries `token` as `Authorization: Bearer <token>`. */
export function bearerMatches(req: IncomingMessage, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  return given !== undefined && safeEqual(token, given);
}

/** True when the Origin header names the host the request was sent to (scheme aside: http and https share the port). */
function sameOrigin(origin: string, host: string): boolean {
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

function refuse(status: 403 | 415, error: string, message: string): AdminRefusal {
  return { status, body: { error, message } };
}

function unauthorized(message: string): AdminRefusal {
  return { status: 401, body: { error: 'Unauthorized', message }, headers: { 'www-authenticate': 'Bearer realm="polysecret admin"' } };
}
