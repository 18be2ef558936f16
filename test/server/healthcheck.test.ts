import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPolysecret } from '../../app/index.js';
import { healthUrl, isHealthy } from '../../src/server/healthProbe.js';
import { CLEAN_ENV, freePort, ROOT, runNode, useCompiledCli } from '../helpers/compiledCli.js';
import { startImage } from '../helpers/image.js';

/** Runs a compiled script with only `env` (and PATH); resolves with its exit code. */
async function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return (await runNode([script, ...args], { ...CLEAN_ENV, ...env })).code;
}

describe('healthUrl', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polysecret-health-url-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the URL file, mapping a wildcard listen address to loopback', async () => {
    const file = join(dir, 'url');
    await writeFile(file, 'http://0.0.0.0:5000\n');
    expect((await healthUrl({ POLYSECRET_URL_FILE: file, POLYSECRET_PORT: '4566' })).href).toBe('http://127.0.0.1:5000/_emulator/health');
    await writeFile(file, 'http://[::]:5001\n');
    expect((await healthUrl({ POLYSECRET_URL_FILE: file })).href).toBe('http://[::1]:5001/_emulator/health');
    await writeFile(file, 'http://10.1.2.3:5002\n');
    expect((await healthUrl({ POLYSECRET_URL_FILE: file })).href).toBe('http://10.1.2.3:5002/_emulator/health');
  });

  it('falls back to POLYSECRET_PORT on loopback, then 4566, while there is no URL file', async () => {
    expect((await healthUrl({ POLYSECRET_URL_FILE: join(dir, 'absent'), POLYSECRET_PORT: '6000' })).href).toBe('http://127.0.0.1:6000/_emulator/health');
    expect((await healthUrl({ POLYSECRET_PORT: '6001' })).href).toBe('http://127.0.0.1:6001/_emulator/health');
    expect((await healthUrl({})).href).toBe('http://127.0.0.1:4566/_emulator/health');
  });
});

describe('startPolysecret with urlFile', () => {
  it('publishes the URL while serving and removes the file on stop, like the CLI', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polysecret-url-file-'));
    const urlFile = join(dir, 'polysecret.url');
    try {
      const polysecret = await startPolysecret({ urlFile, logLevel: 'silent' });
      expect((await readFile(urlFile, 'utf8')).trim()).toBe(polysecret.url);
      expect(await isHealthy(await healthUrl({ POLYSECRET_URL_FILE: urlFile }))).toBe(true);
      await polysecret.stop();
      await expect(readFile(urlFile, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects when the URL file cannot be written, and releases the port it had bound', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polysecret-url-file-'));
    try {
      const port = await freePort();
      await expect(startPolysecret({ port, urlFile: join(dir, 'missing-dir/polysecret.url'), logLevel: 'silent' })).rejects.toMatchObject({ code: 'ENOENT' });
      // The port is free again: a second start on it succeeds.
      const again = await startPolysecret({ port, logLevel: 'silent' });
      await again.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('isHealthy', () => {
  it('is true for 200 only, and false for another status, a closed port or no answer in time', async () => {
    let status = 200;
    const answering = createHttpServer((_req, res) => res.writeHead(status).end('{}')).listen(0, '127.0.0.1');
    // Accepts connections and never answers.
    const silent = createHttpServer(() => {}).listen(0, '127.0.0.1');
    await Promise.all([once(answering, 'listening'), once(silent, 'listening')]);
    const url = (server: typeof answering) => new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/_emulator/health`);
    try {
      expect(await isHealthy(url(answering))).toBe(true);
      status = 503;
      expect(await isHealthy(url(answering))).toBe(false);
      expect(await isHealthy(new URL(`http://127.0.0.1:${await freePort()}/_emulator/health`))).toBe(false);
      expect(await isHealthy(url(silent), 200)).toBe(false);
    } finally {
      silent.closeAllConnections();
      await Promise.all([answering, silent].map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });
});

describe('the compiled health check against a CLI started with --port', () => {
  const compiled = useCompiledCli('health');
  let build: string;
  let dir: string;
  beforeAll(() => {
    build = compiled.build();
    dir = compiled.dir();
  });

  it('finds the port in the URL file, passes while serving, and fails once a clean stop removed the file', async () => {
    const port = await freePort();
    const urlFile = join(dir, 'polysecret.url');
    // The environment names another port, as the image's POLYSECRET_PORT=4566 does when `--port` overrides it.
    const env = { POLYSECRET_URL_FILE: urlFile, POLYSECRET_PORT: String(await freePort()) };
    const healthcheck = join(build, 'src/healthcheck.js');

    const started = await startImage(
      [process.execPath, join(build, 'app/cli.js'), '--host', '0.0.0.0', '--port', String(port), '--log-level', 'info'],
      ROOT,
      { PATH: process.env.PATH, ...env },
    );
    try {
      expect((await readFile(urlFile, 'utf8')).trim()).toBe(`http://0.0.0.0:${port}`);
      expect(await runScript(healthcheck, [], env)).toBe(0);
      // Without the URL file it probes POLYSECRET_PORT, where nothing listens.
      expect(await runScript(healthcheck, [], { POLYSECRET_PORT: env.POLYSECRET_PORT })).toBe(1);
    } finally {
      started.child.kill('SIGTERM');
    }
    expect(await started.exited).toBe(0);
    await expect(readFile(urlFile, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await runScript(healthcheck, [], env)).toBe(1);
  }, 60_000);

  it('--url-file on the command line wins over POLYSECRET_URL_FILE', async () => {
    const flagFile = join(dir, 'from-flag.url');
    const envFile = join(dir, 'from-env.url');
    const started = await startImage(
      [process.execPath, join(build, 'app/cli.js'), '--port', '0', '--url-file', flagFile, '--log-level', 'info'],
      ROOT,
      { PATH: process.env.PATH, POLYSECRET_URL_FILE: envFile },
    );
    try {
      expect((await readFile(flagFile, 'utf8')).trim()).toBe(started.url);
      await expect(readFile(envFile, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
      expect(await runScript(join(build, 'src/healthcheck.js'), [], { POLYSECRET_URL_FILE: flagFile })).toBe(0);
    } finally {
      started.child.kill('SIGINT');
    }
    expect(await started.exited).toBe(0);
  }, 60_000);
});
