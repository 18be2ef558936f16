import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Requests the admin guard lets through without the token, since the routes judge it themselves: the
 * page (a login form without a session), its script and style (code only, no data), and login and logout.
 */
export function checksOwnToken(req: IncomingMessage): boolean {
  const path = (req.url ?? '').split('?', 1)[0];
  if (req.method === 'GET' || req.method === 'HEAD') return ['/_emulator/ui', '/_emulator/ui/inspector.js', '/_emulator/ui/login.js', '/_emulator/ui/style.css'].includes(path);
  return path === '/_emulator/ui/session' && (req.method === 'POST' || req.method === 'DELETE');
}

/** How long a browser session lasts after login: a working day, then the token is asked for again. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** At most this many live sessions; logging in again past it forgets the oldest (memory stays bounded). */
const MAX_SESSIONS = 64;

/** Options of {@link InspectorSessions}. */
export interface InspectorSessionsOptions {
  /** Wall-clock milliseconds: sessions expire in real time, not on the emulator clock a test moves. */
  now?: () => number;
  lifetimeMs?: number;
}

/** A minted session: the cookie to set, and its value (for tests that act as a browser). */
export interface MintedSession {
  value: string;
  setCookie: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The inspector's browser sessions of one server. A browser cannot put a Bearer header on a page
 * load or an EventSource, so logging in with the admin token mints a random HttpOnly cookie the
 * admin guard accepts instead (README "Web inspector"). Only SHA-256 digests of session values are
 * kept, so a lookup compares no secret byte by byte and a heap dump shows no usable cookie.
 */
export class InspectorSessions {
  /** Digest of a session value -> when it expires. Map order is insertion order: the oldest first. */
  private readonly live = new Map<string, number>();
  /** Per server, so two servers on one host (cookies ignore ports) never read each other's cookie. */
  readonly cookieName = `polysecret_session_${randomBytes(4).toString('hex')}`;
  private readonly now: () => number;
  private readonly lifetimeMs: number;

  constructor(options: InspectorSessionsOptions = {}) {
    this.now = options.now ?? Date.now;
    this.lifetimeMs = options.lifetimeMs ?? SESSION_LIFETIME_MS;
  }

  /** Starts a session; `secure` adds the Secure attribute (the request came over https). */
  mint(secure: boolean): MintedSession {
    this.forgetExpired();
    while (this.live.size >= MAX_SESSIONS) this.live.delete(this.live.keys().next().value as string);
    const value = randomBytes(32).toString('base64url');
    this.live.set(sha256(value), this.now() + this.lifetimeMs);
    return { value, setCookie: this.cookie(value, Math.floor(this.lifetimeMs / 1000), secure) };
  }

  /** True when the request carries a live session cookie of this server. */
  isValid(req: IncomingMessage): boolean {
    const value = this.valueIn(req);
    if (value === undefined) return false;
    const expiresAt = this.live.get(sha256(value));
    if (expiresAt === undefined) return false;
    if (expiresAt > this.now()) return true;
    this.live.delete(sha256(value));
    return false;
  }

  /**
   * True when the request may act on its session cookie: a live one, sent by the page itself. A
   * browser that sends fetch metadata must say `same-origin` (the page's own calls) or `none` (a typed
   * URL); another port of the same host is `same-site` and gets SameSite=Strict cookies, so it is refused.
   */
  authenticates(req: IncomingMessage): boolean {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    return this.isValid(req);
  }

  /** Ends the request's session (logout) and returns the header that clears the cookie. */
  revoke(req: IncomingMessage, secure: boolean): string {
    const value = this.valueIn(req);
    if (value !== undefined) this.live.delete(sha256(value));
    return this.cookie('', 0, secure);
  }

  private cookie(value: string, maxAgeSeconds: number, secure: boolean): string {
    // Path=/_emulator: sent to the admin routes only, never with the cloud calls on the same port.
    return `${this.cookieName}=${value}; Path=/_emulator; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  }

  private valueIn(req: IncomingMessage): string | undefined {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name === this.cookieName) return rest.join('=');
    }
    return undefined;
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [digest, expiresAt] of this.live) if (expiresAt <= now) this.live.delete(digest);
  }
}
