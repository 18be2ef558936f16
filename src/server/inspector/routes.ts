import express, { type Request, type Response, type Router } from 'express';
import { safeEqual } from '../../auth/crypto.js';
import type { SecretEngine } from '../../core/engine.js';
import type { Namespace } from '../../core/model.js';
import { bearerMatches } from '../adminGuard.js';
import { rawBody } from '../body.js';
import type { RequestLog } from '../requestLog.js';
import { streamRequests } from './events.js';
import { CONTENT_SECURITY_POLICY, INSPECTOR_PAGE, loginPage } from './page.js';
import { INSPECTOR_SCRIPT, LOGIN_SCRIPT } from './script.js';
import { cloudNamed, listSecrets, secretDetails, versionValue } from './secretsView.js';
import type { InspectorSessions } from './session.js';
import { INSPECTOR_STYLE } from './style.js';

/** A login body is a token of a few dozen characters. */
const MAX_LOGIN_BODY = 4 * 1024;

/** What the inspector's routes need from the server around them. */
export interface InspectorOptions {
  engine: SecretEngine;
  requestLog: RequestLog;
  /** This server's browser sessions (shared with the admin guard, which accepts them). */
  sessions: InspectorSessions;
  /** The admin token, when one is set. */
  adminToken?: string;
  /** Strict mode: without a token the admin API, and so the inspector, stays closed. */
  strict: boolean;
}

/** Headers of every inspector page and asset: no caching, no sniffing, no framing, no referrer. */
function sendAsset(res: Response, status: number, type: string, body: string): void {
  res.status(status).set({
    'content-type': `${type}; charset=utf-8`,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  });
  res.send(body);
}

/** The namespace and name a detail or value request names, or undefined when one is missing. */
function addressOf(req: Request): { ns: Namespace; name: string } | undefined {
  const { account, region, name } = req.query;
  const cloud = cloudNamed(req.query.cloud);
  if (!cloud || typeof account !== 'string' || typeof region !== 'string' || typeof name !== 'string' || !account || !region || !name) return undefined;
  return { ns: { cloud, account, region }, name };
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function badQuery(res: Response, message: string): void {
  res.status(400).json({ error: 'InvalidQuery', message, problems: [] });
}

function notFound(res: Response, message: string): void {
  res.status(404).json({ error: 'NotFound', message });
}

/**
 * The web inspector (README "Web inspector"): `GET /_emulator/ui` and its assets, login and logout,
 * the JSON routes the page reads (secrets, one secret's versions, one version's value) and the live
 * request stream. Every data route is behind the admin guard, like the rest of the admin API.
 */
export function createInspectorRouter({ engine, requestLog, sessions, adminToken, strict }: InspectorOptions): Router {
  const router = express.Router();
  const needsToken = adminToken !== undefined || strict;
  const secure = (req: Request) => (req.socket as { encrypted?: boolean }).encrypted === true;
  const authorized = (req: Request) => !needsToken || (adminToken !== undefined && (bearerMatches(req, adminToken) || sessions.authenticates(req)));

  router.get('/_emulator/ui', (req, res) => {
    if (authorized(req)) sendAsset(res, 200, 'text/html', INSPECTOR_PAGE);
    else sendAsset(res, 401, 'text/html', loginPage(adminToken === undefined ? 'closed' : 'token'));
  });
  router.get('/_emulator/ui/inspector.js', (_req, res) => sendAsset(res, 200, 'text/javascript', INSPECTOR_SCRIPT));
  router.get('/_emulator/ui/login.js', (_req, res) => sendAsset(res, 200, 'text/javascript', LOGIN_SCRIPT));
  router.get('/_emulator/ui/style.css', (_req, res) => sendAsset(res, 200, 'text/css', INSPECTOR_STYLE));

  router.post('/_emulator/ui/session', rawBody(MAX_LOGIN_BODY), (req, res) => {
    if (!needsToken) {
      res.status(200).json({ status: 'open', message: 'the admin API needs no token on this server' });
      return;
    }
    let token: unknown;
    try {
      token = (JSON.parse((req.body as Buffer).toString('utf8')) as { token?: unknown }).token;
    } catch {
      token = undefined;
    }
    if (adminToken === undefined || typeof token !== 'string' || !safeEqual(adminToken, token)) {
      res.status(401).json({ error: 'Unauthorized', message: adminToken === undefined ? 'strict mode without an admin token: the admin API is closed' : 'that is not the admin token' });
      return;
    }
    const session = sessions.mint(secure(req));
    res.status(200).set('set-cookie', session.setCookie).json({ status: 'logged-in' });
  });
  router.delete('/_emulator/ui/session', (req, res) => {
    res.status(200).set('set-cookie', sessions.revoke(req, secure(req))).json({ status: 'logged-out' });
  });

  router.get('/_emulator/secrets', (req, res) => {
    if (req.query.cloud !== undefined && req.query.cloud !== '' && !cloudNamed(req.query.cloud)) return badQuery(res, 'cloud is one of aws, alibaba, tencent');
    const filter = { cloud: text(req.query.cloud), account: text(req.query.account), region: text(req.query.region), search: text(req.query.search) };
    res.status(200).set('cache-control', 'no-store').json(listSecrets(engine, filter));
  });
  router.get('/_emulator/secrets/versions', (req, res) => {
    const address = addressOf(req);
    if (!address) return badQuery(res, 'name the secret with cloud, account, region and name');
    const secret = secretDetails(engine, address.ns, address.name);
    if (!secret) return notFound(res, `no secret ${address.name} in ${address.ns.cloud}/${address.ns.account}/${address.ns.region}`);
    res.status(200).set('cache-control', 'no-store').json({ secret });
  });
  router.get('/_emulator/secrets/value', (req, res) => {
    const address = addressOf(req);
    const versionId = text(req.query.versionId);
    if (!address || !versionId) return badQuery(res, 'name the version with cloud, account, region, name and versionId');
    const value = versionValue(engine, address.ns, address.name, versionId);
    if (!value) return notFound(res, `no value for version ${versionId} of ${address.name} in ${address.ns.cloud}/${address.ns.account}/${address.ns.region}`);
    res.status(200).set('cache-control', 'no-store').json({ versionId, ...value });
  });

  router.get('/_emulator/requests/stream', (req, res) => streamRequests(requestLog, req, res));
  return router;
}
