import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { freePort } from './helpers/compiledCli.js';
import { compose, composeCommand, docker, dockerAnswers, dockerExitCode, dockerTime, inspect, publishedUrl, settledHealth, type HealthProbe } from './helpers/docker.js';
import { copyCleanTree, REPO } from './helpers/image.js';
import { awsClient } from './helpers/server.js';

const run = promisify(execFile);

/** The Dockerfile's base; scripts/docker-engine.sh pulls it, or builds a stand-in where nothing can be pulled. */
const BASE_IMAGE = 'node:22-bookworm-slim';
/** A cold build installs every dependency from the registry: minutes on a slow network. */
const BUILD_TIMEOUT_MS = 900_000;
const CONTAINER_TEST_TIMEOUT_MS = 300_000;

const required = process.env.POLYSECRET_REQUIRE_DOCKER === '1';
const available = dockerAnswers();
if (!available && !required) {
  console.log(
    'test/docker.test.ts skipped: `docker info` fails here (no Docker engine, or DOCKER_HOST not set). ' +
      'CI builds and runs the image through scripts/ci-docker.sh; POLYSECRET_REQUIRE_DOCKER=1 turns this skip into a failure.',
  );
}

/** Seconds, for the timings the suite prints (never asserts). */
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

(available || required ? describe : describe.skip)('the container image, built and run by Docker', () => {
  // Everything this suite creates carries this prefix, and is removed in afterAll even when a test fails.
  const prefix = `polysecret-test-${process.pid}-${randomBytes(3).toString('hex')}`;
  const image = `${prefix}:latest`;
  const editedImage = `${prefix}:edited`;
  const containers: string[] = [];
  const volumes: string[] = [];

  /** `docker run -d --name PREFIX-NAME ARGS`; the container is registered for removal first. */
  async function startContainer(name: string, args: string[]): Promise<string> {
    const container = `${prefix}-${name}`;
    containers.push(container);
    await docker(['run', '-d', '--name', container, ...args]);
    return container;
  }

  beforeAll(async () => {
    if (!available) throw new Error('POLYSECRET_REQUIRE_DOCKER=1, but `docker info` fails: start an engine first (scripts/docker-engine.sh start)');
    const baseStarted = performance.now();
    const base = await run('bash', [join(REPO, 'scripts/docker-engine.sh'), 'base', BASE_IMAGE], { timeout: BUILD_TIMEOUT_MS });
    console.log(`${base.stderr.trim()}\n(base image ready in ${seconds(baseStarted)})`);
    const buildStarted = performance.now();
    await docker(['build', '-t', image, REPO], BUILD_TIMEOUT_MS);
    console.log(`built ${image} in ${seconds(buildStarted)}; image size ${await inspect(image, '{{.Size}}')} bytes`);
  }, 2 * BUILD_TIMEOUT_MS);

  afterAll(async () => {
    if (!available) return;
    // -v: the anonymous /data volumes of containers started without a named one go too.
    if (containers.length > 0) await dockerExitCode(['rm', '-f', '-v', ...containers]);
    for (const volume of volumes) await dockerExitCode(['volume', 'rm', '-f', volume]);
    // Removing the tags removes the runtime stage's layers too; the build stage's (dependencies
    // installed) stay behind untagged as the build cache the next run reuses.
    await dockerExitCode(['rmi', image, editedImage]);
    expect((await docker(['ps', '-aq', '--filter', `name=${prefix}`])).stdout.trim()).toBe('');
    expect((await docker(['images', '-q', prefix])).stdout.trim()).toBe('');
  }, CONTAINER_TEST_TIMEOUT_MS);

  it('rebuilds after a source-only change with the dependency layer from cache', async () => {
    const context = await mkdtemp(join(tmpdir(), 'polysecret-docker-context-'));
    try {
      await copyCleanTree(context);
      // Unique per run: the engine's build cache outlives a run, and an edit it has seen would be cached too.
      await appendFile(join(context, 'app/cli.ts'), `\n// A source-only change made by test/docker.test.ts (${randomUUID()}).\n`);
      const started = performance.now();
      const { stdout, stderr } = await docker(['build', '-t', editedImage, context], BUILD_TIMEOUT_MS);
      console.log(`rebuilt after a source change in ${seconds(started)}`);
      const output = `${stdout}${stderr}`.split('\n');
      // The line after a step's own says whether it came from cache: ` ---> Using cache` (classic
      // builder) or `#N CACHED` (BuildKit).
      const cached = (step: string) => {
        const at = output.findIndex((line) => line.includes(`RUN scripts/build-image.sh ${step} /src /app`));
        if (at < 0) throw new Error(`no ${step} step in the build output:\n${output.join('\n')}`);
        return /Using cache|CACHED/.test(output[at + 1] ?? '');
      };
      expect(cached('deps')).toBe(true);
      expect(cached('assemble')).toBe(false);
    } finally {
      await rm(context, { recursive: true, force: true });
    }
  }, BUILD_TIMEOUT_MS);

  it('becomes healthy and runs as the node user (uid 1000), with node as PID 1', async () => {
    const container = await startContainer('plain', [image]);
    expect(await settledHealth(container)).toBe('healthy');
    expect((await docker(['exec', container, 'id', '-u'])).stdout.trim()).toBe('1000');
    const status = (await docker(['exec', container, 'cat', '/proc/1/status'])).stdout;
    expect(/^Uid:\s+(\d+)/m.exec(status)?.[1]).toBe('1000');
    expect((await docker(['exec', container, 'cat', '/proc/1/cmdline'])).stdout.split('\0')).toEqual(['node', 'dist/app/cli.js', '']);
  }, CONTAINER_TEST_TIMEOUT_MS);

  it('gets healthy with the port given as `--port 5000`: the health check reads the URL file', async () => {
    const container = await startContainer('port-flag', [image, '--port', '5000']);
    expect(await settledHealth(container)).toBe('healthy');
    expect((await docker(['exec', container, 'cat', '/tmp/polysecret.url'])).stdout.trim()).toBe('http://0.0.0.0:5000');
    // Without the URL file the check would probe POLYSECRET_PORT (4566), where nothing listens.
    expect(await dockerExitCode(['exec', '-e', 'POLYSECRET_URL_FILE=', container, 'node', 'dist/src/healthcheck.js'])).toBe(1);
    expect(await dockerExitCode(['exec', container, 'node', 'dist/src/healthcheck.js'])).toBe(0);
  }, CONTAINER_TEST_TIMEOUT_MS);

  it('exits 0 on `docker stop` (SIGTERM), and a second container on the same volume serves what the first stored', async () => {
    const volume = `${prefix}-data`;
    volumes.push(volume);
    const value = `kept-${randomBytes(6).toString('hex')}`;

    const writer = await startContainer('writer', ['-v', `${volume}:/data`, '-p', '127.0.0.1::4566', image]);
    expect(await settledHealth(writer)).toBe('healthy');
    await awsClient(await publishedUrl(writer, 4566)).send(new CreateSecretCommand({ Name: 'docker/kept', SecretString: value }));
    const stopStarted = performance.now();
    await docker(['stop', writer]);
    console.log(`docker stop (SIGTERM) ended the container in ${seconds(stopStarted)}; Docker would SIGKILL it after 10 s (exit 137)`);
    expect(await inspect(writer, '{{.State.ExitCode}}')).toBe('0');
    // A clean stop removes the URL file, which stays readable in the stopped container's filesystem.
    expect(await dockerExitCode(['cp', `${writer}:/tmp/polysecret.url`, join(tmpdir(), `${prefix}.url`)])).not.toBe(0);

    const reader = await startContainer('reader', ['-v', `${volume}:/data`, '-p', '127.0.0.1::4566', image]);
    expect(await settledHealth(reader)).toBe('healthy');
    const secret = await awsClient(await publishedUrl(reader, 4566)).send(new GetSecretValueCommand({ SecretId: 'docker/kept' }));
    expect(secret.SecretString).toBe(value);

    const logs = await Promise.all([writer, reader].map((container) => docker(['logs', container])));
    expect(logs[0].stdout).toContain('SIGTERM');
    for (const { stdout, stderr } of logs) expect(`${stdout}${stderr}`).not.toContain(value);
  }, CONTAINER_TEST_TIMEOUT_MS);

  it('starts the compose file\'s app only once polysecret is healthy, and `down -v` removes all it made', async () => {
    const command = composeCommand();
    if (!command) throw new Error('Docker answers but neither `docker compose` nor `docker-compose` does');
    const project = `${prefix}-compose`;
    const hostPort = await freePort();
    const env = { POLYSECRET_IMAGE: image, POLYSECRET_HOST_PORT: String(hostPort) };
    const base = ['-p', project, '-f', join(REPO, 'docker-compose.yml')];
    const ofProject = ['--filter', `label=com.docker.compose.project=${project}`];
    const serviceContainer = async (service: string) =>
      (await docker(['ps', '-aq', ...ofProject, '--filter', `label=com.docker.compose.service=${service}`])).stdout.trim();
    console.log(`compose: ${command.join(' ')}, project ${project}, host port ${hostPort}`);
    try {
      await compose(command, [...base, 'up', '-d'], env);
      const polysecret = await serviceContainer('polysecret');
      const app = await serviceContainer('app');
      const health = JSON.parse(await inspect(polysecret, '{{json .State.Health}}')) as { Log: HealthProbe[] };
      const firstHealthy = health.Log.find((probe) => probe.ExitCode === 0);
      expect(firstHealthy).toBeDefined();
      expect(dockerTime(await inspect(app, '{{.State.StartedAt}}'))).toBeGreaterThan(dockerTime(firstHealthy!.End));
      expect((await docker(['wait', app])).stdout.trim()).toBe('0');
      expect((await docker(['logs', app])).stdout).toContain('polysecret is ready');
      // The host port came from POLYSECRET_HOST_PORT.
      expect((await fetch(`http://127.0.0.1:${hostPort}/_emulator/health`)).status).toBe(200);
    } finally {
      await compose(command, [...base, 'down', '-v'], env);
    }
    expect((await docker(['ps', '-aq', ...ofProject])).stdout.trim()).toBe('');
    expect((await docker(['volume', 'ls', '-q', ...ofProject])).stdout.trim()).toBe('');
    expect((await docker(['network', 'ls', '-q', ...ofProject])).stdout.trim()).toBe('');
  }, CONTAINER_TEST_TIMEOUT_MS);
});
