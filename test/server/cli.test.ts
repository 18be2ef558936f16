import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { alibabaClient } from '../helpers/alibaba.js';
import { CLEAN_ENV, freePort, ROOT, runNode, useCompiledCli } from '../helpers/compiledCli.js';
import { startImage, waitForOutput } from '../helpers/image.js';
import { awsClient } from '../helpers/server.js';
import { tencentClient } from '../helpers/tencent.js';

const EXAMPLE_YAML = join(ROOT, 'examples/seed.yaml');
const ENV = CLEAN_ENV;

/** Holds a port for the enclosing describe, so a CLI told to use it fails to start. */
function holdPort(): () => number {
  let holder: Server;
  let port: number;
  beforeAll(async () => {
    holder = createServer().listen(0, '127.0.0.1');
    await once(holder, 'listening');
    port = (holder.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));
  return () => port;
}

/** Polls health until the server at `url` is ready (for a CLI that prints no startup line). */
async function waitForHealth(url: string, child: { exitCode: number | null }): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering health`);
    const answered = await fetch(`${url}/_emulator/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const compiled = useCompiledCli('cli');
let dir: string;
let cli: string;
beforeAll(() => {
  cli = compiled.cli();
  dir = compiled.dir();
});

describe('the polysecret CLI with a seed file', () => {
  describe('refuses a bad seed file: exits 1 with one line naming the file, and never listens', () => {
    // The test holds the port the CLI is given: a CLI that listened before reading its seed would
    // fail with EADDRINUSE instead of the seed line, and would print its startup line.
    const port = holdPort();

    it.each([
      ['a JSON syntax error', 'syntax.json', '{\n  "aws": {,\n}\n', 'invalid JSON at line 2 column 11: unexpected character ","'],
      ['a YAML syntax error', 'syntax.yaml', 'aws:\n  000000000000:\n    us-east-1: [\n', 'invalid YAML at line 4 column 1: bad indentation'],
      [
        'a schema error in YAML',
        'schema.yml',
        'aws:\n  000000000000:\n    us-east-1:\n      - name: x\n        versions: [{ value: hidden-canary, colour: red }]\n',
        '/aws/000000000000/us-east-1/0/versions/0: must NOT have additional properties',
      ],
      [
        'a schema error in JSON',
        'schema.json',
        '{"tencent": {"100000000001": {"ap-guangzhou": [{"name": "t", "versions": [{"value": "hidden-canary", "binary": "AAEC"}]}]}}}',
        '/tencent/100000000001/ap-guangzhou/0/versions/0: needs exactly one of value (text) or binary (base64)',
      ],
    ])('%s', async (_what, name, text, reason) => {
      const file = join(dir, name);
      await writeFile(file, text);
      const run = await runNode([cli, '--seed', file, '--port', String(port()), '--log-level', 'info']);
      // A log line: its time, then the reason.
      expect(run).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^\S+Z polysecret: seed file /) });
      expect(run.stderr.slice(run.stderr.indexOf(' ') + 1)).toBe(`polysecret: seed file ${file}: ${reason}\n`);
    });
  });

  it('starts with a valid YAML seed: health says ready at once and the seeded secrets are there', async () => {
    const started = await startImage([process.execPath, cli, '--seed', EXAMPLE_YAML, '--port', '0', '--log-level', 'info'], ROOT, ENV);
    try {
      const health = await fetch(`${started.url}/_emulator/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ready', persistence: 'memory' });
      // Log lines are batched per event-loop turn, so this one may reach the pipe after the startup line.
      await waitForOutput(started, `seeded 4 secrets from ${EXAMPLE_YAML}`);

      const aws = await awsClient(started.url).send(new GetSecretValueCommand({ SecretId: 'app/db-password' }));
      expect(aws).toMatchObject({ SecretString: 's3cr3t-password', VersionStages: ['AWSCURRENT'] });
      expect(await alibabaClient(started.url, 'kms20160120')('GetSecretValue', { SecretName: 'app-api-key' })).toMatchObject({ SecretData: 'alibaba-api-key' });
      expect(await tencentClient(started.url).GetSecretValue({ SecretName: 'app-token', VersionId: 'v1' })).toMatchObject({ SecretString: 'tencent-token' });
    } finally {
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
    }
    expect(started.output()).not.toContain('s3cr3t-password');
  });
});

describe('the polysecret command line', () => {
  const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  it.each([['-h'], ['--help'], ['--port', '0', '-h'], ['--nope', '--help']])('prints the usage for %s and exits 0 without starting', async (...args) => {
    const run = await runNode([cli, ...args]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: polysecret \[options\]/);
    expect(run.stdout).toContain('--port');
    expect(run.stdout).toContain('-p is --port');
  });

  it('prints the package.json version for --version', async () => {
    expect(await runNode([cli, '--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it.each([
    [['--nope'], 'unknown option: --nope'],
    [['--port=0', '--colour=red'], 'unknown option: --colour'],
    [['-x'], 'unknown option: -x'],
    [['serve'], 'unexpected argument: serve (polysecret takes only options)'],
    [['--port', '0', 'extra'], 'unexpected argument: extra (polysecret takes only options)'],
    [['--port'], '--port needs a value'],
    [['-p'], '-p needs a value'],
    [['-p', 'abc'], '--port: invalid port: abc'],
    [['--aws-account', 'abc'], '--aws-account: invalid aws account "abc": not an account id (AWS account ids are 12 digits, e.g. 000000000000)'],
    [['--aws-region', 'not a region'], '--aws-region: invalid aws region "not a region": not a region name'],
    [['--alibaba-account', '42'], '--alibaba-account: invalid alibaba account "42"'],
    [['--tencent-region', 'mars-1'], '--tencent-region: invalid tencent region "mars-1"'],
  ])('refuses %j with exit 2, the reason and the usage on stderr', async (args, reason) => {
    const run = await runNode([cli, ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toContain(`polysecret: ${reason}`);
    expect(run.stderr).toContain('\n\nUsage: polysecret [options]');
  });

  it('listens on the port -p names', async () => {
    const port = await freePort();
    const started = await startImage([process.execPath, cli, '-p', String(port)], ROOT, ENV);
    try {
      expect(started.url).toBe(`http://127.0.0.1:${port}`);
    } finally {
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
    }
  });
});

describe('the polysecret CLI log', () => {
  const port = holdPort();

  it('writes every line as one JSON object with --log-format json: startup, seed, SIGTERM', async () => {
    const started = await startImage([process.execPath, cli, '--log-format', 'json', '--port', '0', '--seed', EXAMPLE_YAML], ROOT, ENV);
    await waitForOutput(started, 'seeded 4 secrets');
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    const lines = started.output().trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      ['info', `seeded 4 secrets from ${EXAMPLE_YAML}`],
      ['info', `polysecret listening on ${started.url} (in memory)`],
      ['info', 'polysecret: SIGTERM, finishing requests in flight and shutting down'],
    ]);
    for (const line of lines) expect(new Date(line.time as string).getTime()).not.toBeNaN();
  });

  it('keeps the readable startup line in pretty format', async () => {
    const started = await startImage([process.execPath, cli, '--port', '0'], ROOT, ENV);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(started.output()).toMatch(new RegExp(`^\\S+Z polysecret listening on ${started.url} \\(in memory\\)\\n`));
  });

  it('writes nothing with --log-level silent, from start to SIGTERM', async () => {
    const free = await freePort();
    const child = spawn(process.execPath, [cli, '--log-level', 'silent', '--port', String(free), '--seed', EXAMPLE_YAML], { cwd: ROOT, env: ENV });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, 'exit');
    await waitForHealth(`http://127.0.0.1:${free}`, child);
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
    expect(output).toBe('');
  });

  it('reports a failed start as one JSON error line with --log-format json, and exits 1', async () => {
    const run = await runNode([cli, '--log-format', 'json', '--port', String(port())]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', msg: expect.stringMatching(/^polysecret: listen EADDRINUSE/) });
  });

  it('exits 1 without a word when start fails with --log-level silent', async () => {
    expect(await runNode([cli, '--log-level', 'silent', '--port', String(port())])).toEqual({ code: 1, stdout: '', stderr: '' });
  });
});
