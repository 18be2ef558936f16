import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { InspectorSessions } from '../../../src/server/inspector/session.js';
import { awsClient, useServer } from '../../helpers/server.js';
import { rawCall, readEvents } from '../../helpers/rawHttp.js';

const TOKEN = 'inspector-strict-admin-token';
const AWS_KEY = { accessKeyId: 'AKIAINSPECTSTRICT001', secretAccessKey: 'strict-secret' };
const VALUE = 'strict-value-never-shown-3d';

function credentials(adminToken?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'polysecret-inspector-strict-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'credentials.json');
  writeFileSync(path, JSON.stringify({ aws: [{ ...AWS_KEY, accountId: '111122223333' }], ...(adminToken ? { admin: { token: adminToken } } : {}) }));
  return path;
}

const DATA_ROUTES = [
  '/_emulator/secrets',
  '/_emulator/secrets/versions?cloud=aws&account=111122223333&region=us-east-1&name=kept',
  '/_emulator/secrets/value?cloud=aws&account=111122223333&region=us-east-1&name=kept&versionId=x',
  '/_emulator/requests/stream',
];

/** Logs in as the page does and returns the `name=value` to send back as the Cookie header. */
async function login(url: string, token: string): Promise<{ status: number; cookie?: string; setCookie?: string }> {
  const answer = await rawCall(url, 'POST', '/_emulator/ui/session', { 'content-type': 'application/json' }, JSON.stringify({ token }));
  const setCookie = (answer.headers['set-cookie'] as string[] | undefined)?.[0];
  return { status: answer.status, setCookie, cookie: setCookie?.split(';', 1)[0] };
}

describe('the inspector in strict mode', () => {
  const server = useServer('memory', { auth: 'strict', credentialsFile: credentials(TOKEN) });

  beforeEach(async () => {
    await awsClient(server().url, AWS_KEY).send(new CreateSecretCommand({ Name: 'kept', SecretString: VALUE }));
  });

  it('serves only the token form without a session: 401, no data', async () => {
    const page = await rawCall(server().url, 'GET', '/_emulator/ui');
    expect(page.status).toBe(401);
    expect(page.text).toContain('<form id="login">');
    expect(page.text).toContain('/_emulator/ui/login.js');
    expect(page.text).not.toContain('inspector.js');
    expect(page.text).not.toContain('kept');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    for (const asset of ['/_emulator/ui/login.js', '/_emulator/ui/style.css', '/_emulator/ui/inspector.js']) expect((await rawCall(server().url, 'GET', asset)).status).toBe(200);
  });

  it.each(DATA_ROUTES)('GET %s answers 401 without the token or a session, and with a forged cookie', async (path) => {
    const attempts: Array<Record<string, string>> = [{}, { cookie: 'polysecret_session_00000000=forged' }, { authorization: 'Bearer wrong-token-of-some-length' }];
    for (const headers of attempts) {
      const answer = await rawCall(server().url, 'GET', path, headers);
      expect([answer.status, answer.json?.error]).toEqual([401, 'Unauthorized']);
      expect(answer.text).not.toContain(VALUE);
    }
  });

  it('refuses a wrong token at login, and mints no cookie', async () => {
    for (const body of ['{"token":"wrong-token-of-some-length"}', '{}', '{"token":12}', 'not json']) {
      const answer = await rawCall(server().url, 'POST', '/_emulator/ui/session', { 'content-type': 'application/json' }, body);
      expect([answer.status, answer.json.error, answer.headers['set-cookie']]).toEqual([401, 'Unauthorized', undefined]);
    }
    const form = await rawCall(server().url, 'POST', '/_emulator/ui/session', { 'content-type': 'application/x-www-form-urlencoded' }, `token=${TOKEN}`);
    expect([form.status, form.headers['set-cookie']]).toEqual([415, undefined]);
  });

  it('logs in with the token: an HttpOnly SameSite=Strict cookie on /_emulator opens the page and every data route', async () => {
    const session = await login(server().url, TOKEN);
    expect(session.status).toBe(200);
    expect(session.setCookie).toMatch(/^polysecret_session_[0-9a-f]{8}=[A-Za-z0-9_-]{43}; Path=\/_emulator; Max-Age=43200; HttpOnly; SameSite=Strict$/);
    const cookie = { cookie: session.cookie! };
    const page = await rawCall(server().url, 'GET', '/_emulator/ui', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('/_emulator/ui/inspector.js');
    expect(page.text).not.toContain(VALUE);
    for (const path of DATA_ROUTES.slice(0, 2)) expect((await rawCall(server().url, 'GET', path, cookie)).status).toBe(200);
    const list = await rawCall(server().url, 'GET', '/_emulator/secrets', cookie);
    expect(list.json.secrets.map((s: any) => s.name)).toEqual(['kept']);
    const stream = await readEvents(server().url, '/_emulator/requests/stream', cookie, (events) => events.length > 0);
    expect(stream.status).toBe(200);
    expect(stream.raw).not.toContain(VALUE);
    // The session is accepted by the older admin routes too: the page moves the clock and resets with it.
    const clock = await rawCall(server().url, 'POST', '/_emulator/clock', { ...cookie, 'content-type': 'application/json' }, '{"advanceSeconds":60}');
    expect(clock.status).toBe(200);
    // The Bearer token still works everywhere, the page included.
    expect((await rawCall(server().url, 'GET', '/_emulator/ui', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('refuses the cookie from another origin or another site of the browser (CSRF), and after logout', async () => {
    const cookie = (await login(server().url, TOKEN)).cookie!;
    const crossOrigin = await rawCall(server().url, 'POST', '/_emulator/reset', { cookie, origin: 'http://localhost:3000' });
    expect([crossOrigin.status, crossOrigin.json.error]).toEqual([403, 'ForbiddenOrigin']);
    // Another port of localhost is "same-site" to a browser, which then sends SameSite=Strict cookies.
    const sameSite = await rawCall(server().url, 'GET', '/_emulator/secrets', { cookie, 'sec-fetch-site': 'same-site' });
    expect(sameSite.status).toBe(401);
    expect((await rawCall(server().url, 'GET', '/_emulator/secrets', { cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    const plain = await rawCall(server().url, 'POST', '/_emulator/clock', { cookie, 'content-type': 'text/plain' }, '{"advanceSeconds":1}');
    expect(plain.status).toBe(415);
    const logout = await rawCall(server().url, 'DELETE', '/_emulator/ui/session', { cookie });
    expect(logout.status).toBe(200);
    expect(logout.headers['set-cookie']?.[0]).toMatch(/=; Path=\/_emulator; Max-Age=0; HttpOnly; SameSite=Strict$/);
    expect((await rawCall(server().url, 'GET', '/_emulator/secrets', { cookie })).status).toBe(401);
  });
});

describe('strict mode without an admin token', () => {
  const server = useServer('memory', { auth: 'strict', credentialsFile: credentials() });

  it('says how to open the admin API, shows no form, and refuses any login', async () => {
    const page = await rawCall(server().url, 'GET', '/_emulator/ui');
    expect(page.status).toBe(401);
    expect(page.text).toContain('--admin-token');
    expect(page.text).not.toContain('<form');
    const answer = await login(server().url, 'anything-sixteen-chars');
    expect([answer.status, answer.setCookie]).toEqual([401, undefined]);
    expect((await rawCall(server().url, 'GET', '/_emulator/secrets')).status).toBe(401);
  });
});

describe('InspectorSessions', () => {
  const request = (cookie?: string, site?: string) => ({ headers: { ...(cookie ? { cookie } : {}), ...(site ? { 'sec-fetch-site': site } : {}) } }) as IncomingMessage;

  it('expires sessions on the wall clock, keeps servers apart and bounds how many it holds', () => {
    let now = 1_000_000;
    const sessions = new InspectorSessions({ now: () => now, lifetimeMs: 1000 });
    const other = new InspectorSessions();
    const minted = sessions.mint(true);
    expect(minted.setCookie).toContain('; Secure');
    const cookie = `${sessions.cookieName}=${minted.value}`;
    expect(sessions.authenticates(request(`a=b; ${cookie}; c=d`))).toBe(true);
    expect(sessions.authenticates(request(cookie, 'none'))).toBe(true);
    expect(sessions.authenticates(request(cookie, 'cross-site'))).toBe(false);
    expect(other.cookieName).not.toBe(sessions.cookieName);
    expect(other.authenticates(request(`${other.cookieName}=${minted.value}`))).toBe(false);
    now += 1000;
    expect(sessions.authenticates(request(cookie))).toBe(false);
    const many = Array.from({ length: 65 }, () => sessions.mint(false));
    expect(sessions.isValid(request(`${sessions.cookieName}=${many[0].value}`))).toBe(false);
    expect(sessions.isValid(request(`${sessions.cookieName}=${many[64].value}`))).toBe(true);
  });
});
