import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateSecretCommand, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { readConfig, SETTINGS, usage } from '../../src/server/config.js';
import { storedRecords } from '../../src/store/lowdbStore.js';
import { awsClient, rawAws, startServer, STORES } from '../helpers/server.js';

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
        dialects: ['aws', 'tencent', 'alibaba'],
        persistence: kind,
        auth: 'permissive',
        init: { status: 'none', scripts: [] },
      });
      const head = await fetch(`${server.url}/_emulator/health?probe=1`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
      expect(await head.text()).toBe('');
      // Health is served without express; the first other admin call loads the rest of the admin API.
      expect((await fetch(`${server.url}/_emulator/requests`)).status).toBe(200);
      expect((await fetch(`${server.url}/_emulator/nothing-here`, { method: 'POST', body: '{}' })).status).toBe(400);
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
        expect(await readdir(join(server.dataDir, 'secrets'))).toEqual([]);
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
  });
});
