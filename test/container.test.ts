import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { SETTINGS } from '../src/server/config.js';
import { awsClient } from './helpers/server.js';
import { buildImageTree, copyCleanTree, readComposeHealthcheck, readDockerfile, REPO, startImage, waitForOutput, type DockerfileFacts } from './helpers/image.js';

const run = promisify(execFile);

/** npm ci twice (dev, then production only) on a cold tree: minutes on a slow network. */
const BUILD_TIMEOUT_MS = 300_000;

describe('container image (scripts/build-image.sh, run as the Dockerfile runs it)', () => {
  let work: string;
  let source: string;
  let output: string;
  let dockerfile: DockerfileFacts;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'polysecret-image-'));
    source = join(work, 'source');
    output = join(work, 'app');
    await copyCleanTree(source);
    await buildImageTree(source, output);
    dockerfile = await readDockerfile(join(REPO, 'Dockerfile'));
    // The image's environment, except a free port on loopback, and a data dir and URL file of our own.
    env = {
      PATH: process.env.PATH,
      ...dockerfile.env,
      POLYSECRET_HOST: '127.0.0.1',
      POLYSECRET_PORT: '0',
      POLYSECRET_DATA_DIR: join(work, 'data'),
      POLYSECRET_URL_FILE: join(work, 'polysecret.url'),
    };
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('builds in a stage of its own and ships a runtime tree as the node user, on 0.0.0.0:4566 with /data as a volume', () => {
    expect(dockerfile.from).toEqual(['node:22-bookworm-slim AS build', 'node:22-bookworm-slim']);
    // Dependencies are installed from the manifest and lockfile alone, before the sources are copied in,
    // so that layer stays cached while only sources change.
    const lines = dockerfile.text.split('\n');
    const deps = lines.indexOf('RUN scripts/build-image.sh deps /src /app');
    expect(deps).toBeGreaterThan(lines.indexOf('COPY package.json package-lock.json ./'));
    expect(lines.indexOf('COPY . .')).toBeGreaterThan(deps);
    expect(lines.indexOf('RUN scripts/build-image.sh assemble /src /app')).toBeGreaterThan(lines.indexOf('COPY . .'));
    expect(dockerfile.text).toMatch(/^COPY --from=build \/app \/app$/m);
    expect(dockerfile.text).toMatch(/^USER node$/m);
    expect(dockerfile.text).toMatch(/^EXPOSE 4566$/m);
    expect(dockerfile.text).toMatch(/^VOLUME \/data$/m);
    expect(dockerfile.env).toMatchObject({
      POLYSECRET_HOST: '0.0.0.0',
      POLYSECRET_PORT: '4566',
      POLYSECRET_DATA_DIR: '/data',
      POLYSECRET_URL_FILE: '/tmp/polysecret.url',
      NODE_ENV: 'production',
    });
    expect(dockerfile.entrypoint).toEqual(['node', 'dist/app/cli.js']);
    expect(dockerfile.healthcheck).toEqual(['node', 'dist/src/healthcheck.js']);
  });

  it('has a compose file whose example app waits for a healthy polysecret with its data in a named volume', async () => {
    const compose = await readFile(join(REPO, 'docker-compose.yml'), 'utf8');
    expect(await readComposeHealthcheck(join(REPO, 'docker-compose.yml'))).toEqual(['CMD', ...dockerfile.healthcheck]);
    expect(compose).toMatch(/^\s+image: node:22-bookworm-slim$/m);
    expect(compose).toMatch(/depends_on:\n\s+polysecret:\n\s+condition: service_healthy/);
    expect(compose).toMatch(/^\s+- polysecret-data:\/data$/m);
    expect(compose).toMatch(/^volumes:\n\s+polysecret-data:/m);
  });

  it('leaves the fresh clone where `npx polysecret --help` works: build-image.sh compiled it, and every option is listed', async () => {
    // build-image.sh compiled the clean copy with the build a user's `npm install` runs through the
    // prepare script; the script refuses to go on without dist/.
    expect(JSON.parse(await readFile(join(source, 'package.json'), 'utf8')).scripts.prepare).toBe('npm run build');
    const { stdout } = await run('npx', ['--no-install', 'polysecret', '--help'], { cwd: source });
    const rows = stdout.split('\n').filter((line) => line.trimStart().startsWith('--'));
    expect(rows.map((row) => row.trim().split(/\s+/).slice(0, 2))).toEqual(SETTINGS.map((setting) => [setting.flag, setting.env]));
    SETTINGS.forEach((setting, i) => expect(rows[i]).toContain(`${setting.help} (default: ${setting.fallback ?? 'none'})`));
  });

  it('contains production dependencies, compiled output and schemas only', async () => {
    expect((await readdir(output)).sort()).toEqual(['dist', 'node_modules', 'package-lock.json', 'package.json', 'schemas']);
    expect((await readdir(join(output, 'dist'))).sort()).toEqual(['app', 'dialects', 'src']);
    const modules = await readdir(join(output, 'node_modules'));
    expect(modules).toEqual(expect.arrayContaining(['express', 'ajv', 'lowdb', 'yaml']));
    // The SDKs `polysecret conform` drives are optional dependencies the image leaves out.
    for (const dev of ['typescript', 'jest', 'ts-jest', '@aws-sdk', '@alicloud', 'tencentcloud-sdk-nodejs-ssm', '@types']) expect(modules).not.toContain(dev);
    const compiled = await readdir(join(output, 'dist', 'src'), { recursive: true });
    expect(compiled.filter((file) => /(?<!\.d)\.ts$|\.map$/.test(file))).toEqual([]);
  });

  it('starts, passes its HEALTHCHECK, finishes a request in flight on SIGTERM, flushes the store and exits 0', async () => {
    const first = await startImage(dockerfile.entrypoint, output, env);
    const health = await fetch(`${first.url}/_emulator/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ready', persistence: 'lowdb' });
    // The port was picked at start (POLYSECRET_PORT=0), so the health checks find it in the URL file only.
    expect((await readFile(env.POLYSECRET_URL_FILE!, 'utf8')).trim()).toBe(first.url);
    await expect(run(dockerfile.healthcheck[0], dockerfile.healthcheck.slice(1), { cwd: output, env })).resolves.toBeDefined();
    const [, ...composeCheck] = await readComposeHealthcheck(join(REPO, 'docker-compose.yml'));
    await expect(run(composeCheck[0], composeCheck.slice(1), { cwd: output, env })).resolves.toBeDefined();

    await awsClient(first.url).send(new CreateSecretCommand({ Name: 'kept', SecretString: 'survives-restart' }));
    // Half a request is on the wire when the signal arrives; the rest is sent after shutdown began.
    const body = JSON.stringify({ Name: 'late', SecretString: 'sent-during-shutdown', ClientRequestToken: randomUUID() });
    const half = Math.floor(body.length / 2);
    const inFlight = request(`${first.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.CreateSecret', 'content-length': String(body.length) },
    });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      inFlight.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      inFlight.on('error', reject);
    });
    inFlight.write(body.slice(0, half));
    await new Promise<void>((resolve) => inFlight.once('socket', (socket) => (socket.connecting ? socket.once('connect', resolve) : resolve())));
    // Health answers on a later connection, so the server has read the half request by then.
    expect((await fetch(`${first.url}/_emulator/health`)).status).toBe(200);

    first.child.kill('SIGTERM');
    await waitForOutput(first, 'SIGTERM');
    await expect(fetch(`${first.url}/_emulator/health`)).rejects.toThrow();
    inFlight.end(body.slice(half));
    const finished = await answer;
    expect(finished).toMatchObject({ status: 200 });
    expect(JSON.parse(finished.text)).toMatchObject({ Name: 'late' });
    expect(await first.exited).toBe(0);
    // A clean stop withdraws the URL file, and the health check then fails.
    await expect(readFile(env.POLYSECRET_URL_FILE!, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(run(dockerfile.healthcheck[0], dockerfile.healthcheck.slice(1), { cwd: output, env })).rejects.toMatchObject({ code: 1 });

    // Both secrets were flushed: a second start from the same data dir serves them.
    const second = await startImage(dockerfile.entrypoint, output, env);
    try {
      const client = awsClient(second.url);
      expect((await client.send(new GetSecretValueCommand({ SecretId: 'kept' }))).SecretString).toBe('survives-restart');
      expect((await client.send(new GetSecretValueCommand({ SecretId: 'late' }))).SecretString).toBe('sent-during-shutdown');
    } finally {
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    }
    expect(`${first.output()}${second.output()}`).not.toContain('survives-restart');
  }, 60_000);
});
