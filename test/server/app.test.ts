import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateSecretCommand, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { ManualClock } from '../../src/core/runtime.js';
import { readConfig, SETTINGS, usage, type PolysecretConfig } from '../../src/server/config.js';
import { createLogger, type LogFormat } from '../../src/server/log.js';
import { storedRecords } from '../../src/store/lowdbStore.js';
import { awsClient, rawAws, startServer, STORES } from '../helpers/server.js';

const START = Date.UTC(2025, 0, 1);
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe.each(STORES)('server (%s store)', (kind) => {
  it('listens on the real port when asked for port 0 and reports ready', async () => {
    const server = await startServer(kind);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.url.endsWith(':0')).toBe(false);
      const health = await fetch(`${server.url}/_emulator/health`);
      expect(health.status).toBe(200);
      expect(health.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await health.json()).toEqual({
        status: 'ready',
        version: PACKAGE_VERSION,
        dialects: ['aws', 'tencent', 'alibaba'],
        persistence: kind,
        auth: 'permissive',
        uptimeSeconds: expect.any(Number),
        clockOffsetMs: 0,
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        init: { status: 'none', scripts: [] },
      });
      const head = await fetch(`${server.url}/_emulator/health?probe=1`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
      expect(await head.text()).toBe('');
      // Health is served without express; the first other admin call loads the rest of the admin API.
      expect((await fetch(`${server.url}/_emulator/requests`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('reports the emulator clock in health once moved: its offset and its time', async () => {
    const server = await startServer(kind, { clock: new ManualClock(START) });
    try {
      const moved = await fetch(`${server.url}/_emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advanceSeconds": 3600}' });
      expect(moved.status).toBe(200);
      const health = (await (await fetch(`${server.url}/_emulator/health`)).json()) as Record<string, unknown>;
      expect(health).toMatchObject({ status: 'ready', clockOffsetMs: 3_600_000, time: new Date(START + 3_600_000).toISOString() });
      expect(health.uptimeSeconds).toBeGreaterThanOrEqual(0);
    } finally {
      await server.stop();
    }
  });

  it.each([
    ['GET', '/_emulator/nope'],
    ['POST', '/_emulator/nothing-here'],
    ['GET', '/_emulator/reset'],
    ['DELETE', '/_emulator/state'],
    ['POST', '/moto-api/data.json'],
    ['GET', '/_emulator/'],
  ])('answers %s %s, which no admin route serves, with a 404 JSON NotFound', async (method, path) => {
    const server = await startServer(kind);
    try {
      const json = { 'content-type': 'application/json' };
      const response = await fetch(`${server.url}${path}?values=true`, method === 'POST' ? { method, headers: json, body: '{}' } : { method });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await response.json()).toEqual({ error: 'NotFound', message: `no admin route ${method} ${path} (see the README's "Admin endpoints")` });
    } finally {
      await server.stop();
    }
  });

  it.each(['/_emulator/reset', '/moto-api/reset'])('%s wipes every secret, in memory and on disk', async (path) => {
    const server = await startServer(kind);
    try {
      const client = awsClient(server.url);
      await client.send(new CreateSecretCommand({ Name: 'a', SecretString: 'v' }));
      const reset = await fetch(`${server.url}${path}`, { method: 'POST' });
      expect(reset.status).toBe(200);
      expect((await client.send(new ListSecretsCommand({}))).SecretList).toEqual([]);
      if (server.dataDir) {
        expect(await readdir(join(server.dataDir, 'journal'))).toEqual([]);
        expect(storedRecords(server.dataDir)).toEqual([]);
      }
    } finally {
      await server.stop();
    }
  });

  it('sends cloud answers with a Content-Length, as the clouds do, not chunked', async () => {
    const server = await startServer(kind);
    try {
      const answer = await rawAws(server.url, 'GetRandomPassword', { PasswordLength: 40 });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('transfer-encoding')).toBeNull();
      expect(Number(answer.headers.get('content-length'))).toBe(Buffer.byteLength(answer.text));
    } finally {
      await server.stop();
    }
  });

  it('answers a request for no known cloud with a 400 that says what was expected', async () => {
    const server = await startServer(kind);
    try {
      const response = await fetch(server.url, { method: 'POST', body: '{}' });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe('UnrecognizedRequest');
      expect(body.message).toContain('X-Amz-Target: secretsmanager.<Operation>');
      expect(body.message).toContain('2016-01-20');
      expect(body.message).toContain('X-TC-Action');
    } finally {
      await server.stop();
    }
  });
});

describe('two servers in one process', () => {
  it('keep separate state', async () => {
    const [one, two] = await Promise.all([startServer('memory'), startServer('memory')]);
    try {
      await rawAws(one.url, 'CreateSecret', { Name: 'only-in-one' });
      expect((await rawAws(one.url, 'ListSecrets', {})).json.SecretList).toHaveLength(1);
      expect((await rawAws(two.url, 'ListSecrets', {})).json.SecretList).toEqual([]);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });
});

describe('strict mode without a credentials file', () => {
  const EXAMPLE_CREDENTIALS = new URL('../../examples/credentials.json', import.meta.url).pathname;

  async function startLines(overrides: Partial<PolysecretConfig>, format: LogFormat = 'pretty'): Promise<string[]> {
    const lines: string[] = [];
    const logger = createLogger('error', format, { out: (line) => lines.push(line), err: (line) => lines.push(line) });
    const server = await startServer('memory', { ...overrides, logger });
    await server.stop();
    return lines;
  }

  it('warns at start what every signed request will get and what to pass', async () => {
    const lines = await startLines({ auth: 'strict', adminToken: 'an-admin-token-of-16+' }, 'json');
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      {
        time: expect.any(String),
        level: 'error',
        msg:
          'warning: --auth strict without --credentials: no key is known, so every signed request will be refused as an unknown key; ' +
          'pass --credentials FILE listing your keys (see examples/credentials.json)',
      },
    ]);
  });

  it('warns at start that the admin API stays closed without an admin token', async () => {
    const keysOnly = join(mkdtempSync(join(tmpdir(), 'polysecret-keys-only-')), 'credentials.json');
    writeFileSync(keysOnly, JSON.stringify({ aws: [] }));
    const lines = await startLines({ auth: 'strict', credentialsFile: keysOnly }, 'json');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual([
      'warning: --auth strict without an admin token: every admin route but health answers 401; ' +
        'set --admin-token or POLYSECRET_ADMIN_TOKEN, or "admin": {"token": …} in the credentials file',
    ]);
  });

  it('says nothing with a credentials file (with its admin token), or in permissive mode', async () => {
    expect(await startLines({ auth: 'strict', credentialsFile: EXAMPLE_CREDENTIALS })).toEqual([]);
    expect(await startLines({ auth: 'permissive' })).toEqual([]);
  });
});

describe('usage', () => {
  it('lists every option with its environment twin and default, in aligned columns', () => {
    const lines = usage().split('\n');
    for (const setting of SETTINGS) {
      const line = lines.find((l) => l.trimStart().startsWith(`${setting.flag} `));
      expect(line).toContain(setting.env);
      expect(line).toContain(`(default: ${setting.fallback ?? 'none'})`);
    }
    const envColumn = new Set(lines.slice(2).map((l) => l.indexOf('POLYSECRET_') >= 0 ? l.indexOf('POLYSECRET_') : l.indexOf('environment')));
    expect(envColumn.size).toBe(1);
  });
});

describe('readConfig', () => {
  it('uses defaults, then environment twins, then flags', () => {
    expect(readConfig([], {})).toEqual({
      host: '127.0.0.1',
      port: 4566,
      dataDir: undefined,
      awsAccount: '000000000000',
      awsRegion: 'us-east-1',
      alibabaAccount: '1234567890123456',
      alibabaRegion: 'cn-hangzhou',
      tencentAccount: '100000000001',
      tencentRegion: 'ap-guangzhou',
      auth: 'permissive',
      credentialsFile: undefined,
      seedFile: undefined,
      logLevel: 'info',
      logFormat: 'pretty',
      urlFile: undefined,
      tls: false,
    });
    const env = { POLYSECRET_PORT: '5000', POLYSECRET_HOST: '0.0.0.0', POLYSECRET_DATA_DIR: '/data' };
    expect(readConfig([], env)).toMatchObject({ port: 5000, host: '0.0.0.0', dataDir: '/data' });
    expect(readConfig(['--port', '0', '--host=::1'], env)).toMatchObject({ port: 0, host: '::1', dataDir: '/data' });
    expect(readConfig(['--log-format', 'json'], { POLYSECRET_LOG_FORMAT: 'pretty' })).toMatchObject({ logFormat: 'json' });
  });

  it('refuses bad values and unknown options', () => {
    expect(() => readConfig(['--port', 'abc'], {})).toThrow('invalid port');
    expect(() => readConfig(['--log-level', 'loud'], {})).toThrow('invalid log level');
    expect(() => readConfig([], { POLYSECRET_LOG_FORMAT: 'xml' })).toThrow('invalid log format: xml (one of pretty, json)');
    expect(() => readConfig(['--nope'], {})).toThrow('unknown option');
    expect(() => readConfig(['--port'], {})).toThrow('needs a value');
    expect(() => readConfig(['serve'], {})).toThrow('unexpected argument: serve');
    expect(() => readConfig(['--port', '1', '2'], {})).toThrow('unexpected argument: 2');
    expect(() => readConfig([], { POLYSECRET_AWS_REGION: 'mars-1' })).toThrow('POLYSECRET_AWS_REGION: invalid aws region "mars-1"');
  });

  it('takes -p for --port, and the last of repeated flags', () => {
    expect(readConfig(['-p', '5000'], {}).port).toBe(5000);
    expect(readConfig(['--port', '1', '-p', '2', '--port=3'], {}).port).toBe(3);
  });
});
