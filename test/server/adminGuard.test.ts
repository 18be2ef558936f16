import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSecretCommand, GetSecretValueCommand, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { awsClient, useServer } from '../helpers/server.js';

const TOKEN = 'admin-token-for-the-guard-tests';
const AWS_KEY = { accessKeyId: 'AKIAGUARDTEST000001', secretAccessKey: 'guard-test-secret' };

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: any;
}

/** An admin call with full control of its headers (Host included), as a browser or curl would send it. */
function admin(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers: body === undefined ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A credentials file with one AWS key and, when given, the admin token; removed after the suite. */
function credentials(adminToken?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'polysecret-guard-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'credentials.json');
  writeFileSync(path, JSON.stringify({ aws: [{ ...AWS_KEY, accountId: '111122223333' }], ...(adminToken ? { admin: { token: adminToken } } : {}) }));
  return path;
}

const ADMIN_ROUTES: Array<[string, string, string | undefined]> = [
  ['GET', '/_emulator/state?values=true', undefined],
  ['GET', '/_emulator/requests', undefined],
  ['GET', '/_emulator/clock', undefined],
  ['POST', '/_emulator/reset', undefined],
  ['POST', '/moto-api/reset', undefined],
  ['POST', '/_emulator/clock', '{"advanceSeconds":60}'],
  ['POST', '/_emulator/seed', '{"aws":{"111122223333":{"us-east-1":[{"name":"planted","versions":[{"value":"evil"}]}]}}}'],
];

describe('strict mode: the admin API needs the admin token', () => {
  const server = useServer('memory', { auth: 'strict', credentialsFile: credentials(TOKEN) });
  const signed = () => awsClient(server().url, AWS_KEY);

  it.each(ADMIN_ROUTES)('%s %s answers 401 without the token, or with a wrong one, and changes nothing', async (method, path, body) => {
    await signed().send(new CreateSecretCommand({ Name: 'kept', SecretString: 'kept-value' }));
    const json: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    for (const authorization of [undefined, 'Bearer wrong-token-of-some-length', `Basic ${TOKEN}`, TOKEN]) {
      const answer = await admin(server().url, method, path, { ...json, ...(authorization ? { authorization } : {}) }, body);
      expect(answer.status).toBe(401);
      expect(answer.json.error).toBe('Unauthorized');
      expect(answer.headers['www-authenticate']).toBe('Bearer realm="polysecret admin"');
      expect(JSON.stringify(answer.json)).not.toContain('kept-value');
    }
    const listed = await signed().send(new ListSecretsCommand({}));
    expect(listed.SecretList?.map((s) => s.Name)).toEqual(['kept']);
  });

  it('answers the same calls with the token, and health without it', async () => {
    const bearer = { authorization: `Bearer ${TOKEN}` };
    expect((await admin(server().url, 'GET', '/_emulator/health')).status).toBe(200);
    await signed().send(new CreateSecretCommand({ Name: 'seen', SecretString: 'seen-value' }));
    const state = await admin(server().url, 'GET', '/_emulator/state?values=true', bearer);
    expect(state.status).toBe(200);
    expect(JSON.stringify(state.json)).toContain('seen-value');
    expect((await admin(server().url, 'POST', '/_emulator/reset', bearer)).status).toBe(200);
    expect((await signed().send(new ListSecretsCommand({}))).SecretList).toEqual([]);
  });
});

describe('strict mode with the token on the command line', () => {
  const server = useServer('memory', { auth: 'strict', credentialsFile: credentials(), adminToken: TOKEN });

  it('takes --admin-token as the token', async () => {
    expect((await admin(server().url, 'GET', '/_emulator/requests')).status).toBe(401);
    expect((await admin(server().url, 'GET', '/_emulator/requests', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });
});

describe('strict mode without any admin token', () => {
  const server = useServer('memory', { auth: 'strict', credentialsFile: credentials() });

  it('keeps the admin API closed (401 saying how to open it) and health open', async () => {
    const answer = await admin(server().url, 'GET', '/_emulator/state', { authorization: 'Bearer anything-at-all-here' });
    expect(answer.status).toBe(401);
    expect(answer.json.message).toMatch(/--admin-token/);
    expect((await admin(server().url, 'GET', '/_emulator/health')).status).toBe(200);
  });
});

describe('every mode: the admin API refuses what a web page could send', () => {
  const server = useServer('memory', { allowedHosts: ['polysecret', '.compose.internal'] });
  const client = () => awsClient(server().url);
  const port = () => new URL(server().url).port;

  async function expectUntouched(): Promise<void> {
    expect((await client().send(new GetSecretValueCommand({ SecretId: 'precious' }))).SecretString).toBe('still-here');
  }

  it('refuses a reset with a text/plain or form body (415), as a cross-site form post would send', async () => {
    await client().send(new CreateSecretCommand({ Name: 'precious', SecretString: 'still-here' }));
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await admin(server().url, 'POST', '/_emulator/reset', { 'content-type': type }, '{}');
      expect([answer.status, answer.json.error]).toEqual([415, 'UnsupportedMediaType']);
    }
    await expectUntouched();
    // YAML is a seed's alone.
    expect((await admin(server().url, 'POST', '/_emulator/reset', { 'content-type': 'application/yaml' }, 'a: 1')).status).toBe(415);
    expect((await admin(server().url, 'POST', '/_emulator/seed', { 'content-type': 'application/yaml' }, 'aws: {}\n')).status).toBe(200);
  });

  it('refuses requests from another origin or marked cross-site (403), and accepts its own origin', async () => {
    await client().send(new CreateSecretCommand({ Name: 'precious', SecretString: 'still-here' }));
    for (const headers of <Array<Record<string, string>>>[{ origin: 'http://evil.example' }, { origin: 'null' }, { origin: `http://localhost:${Number(port()) + 1}` }, { 'sec-fetch-site': 'cross-site' }]) {
      const answer = await admin(server().url, 'POST', '/_emulator/reset', headers);
      expect([answer.status, answer.json.error]).toEqual([403, 'ForbiddenOrigin']);
    }
    await expectUntouched();
    expect((await admin(server().url, 'GET', '/_emulator/clock', { origin: `http://127.0.0.1:${port()}` })).status).toBe(200);
  });

  it('refuses a Host that is not loopback, an IP, the listen host or an allowed name (403), against DNS rebinding', async () => {
    await client().send(new CreateSecretCommand({ Name: 'precious', SecretString: 'still-here' }));
    for (const host of ['evil.example', `rebind.attacker.test:${port()}`, 'polysecret.evil.example']) {
      const answer = await admin(server().url, 'POST', '/_emulator/reset', { host });
      expect([answer.status, answer.json.error]).toEqual([403, 'ForbiddenHost']);
    }
    await expectUntouched();
    for (const host of [`localhost:${port()}`, 'app.localhost', `127.0.0.1:${port()}`, `[::1]:${port()}`, '10.0.0.7', 'polysecret:4566', 'db.compose.internal', 'compose.internal']) {
      expect([host, (await admin(server().url, 'GET', '/_emulator/clock', { host })).status]).toEqual([host, 200]);
    }
  });

  it('leaves health and the cloud APIs alone whatever the Host', async () => {
    expect((await admin(server().url, 'GET', '/_emulator/health', { host: 'evil.example', origin: 'http://evil.example' })).status).toBe(200);
  });
});
