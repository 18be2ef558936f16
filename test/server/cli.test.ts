import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { alibabaClient } from '../helpers/alibaba.js';
import { startImage, waitForOutput } from '../helpers/image.js';
import { awsClient } from '../helpers/server.js';
import { tencentClient } from '../helpers/tencent.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE_YAML = join(ROOT, 'examples/seed.yaml');
/** Only PATH: POLYSECRET_* variables of the shell running the tests must not reach the CLI. */
const ENV = { PATH: process.env.PATH };

/** What a finished CLI run left behind. */
interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runNode(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, env: ENV, timeout: 15_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

describe('the polysecret CLI with a seed file', () => {
  // Compiled into a directory of its own under node_modules (so packages and the package root
  // resolve), never into dist/, which a concurrently running suite may be using.
  let build: string;
  let dir: string;
  let cli: string;
  beforeAll(async () => {
    await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
    build = await mkdtemp(join(ROOT, 'node_modules/.cache/polysecret-cli-'));
    dir = await mkdtemp(join(tmpdir(), 'polysecret-cli-seed-'));
    const tsc = await runNode([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', build]);
    if (tsc.code !== 0) throw new Error(`build failed:\n${tsc.stdout}${tsc.stderr}`);
    cli = join(build, 'src/cli.js');
  }, 120_000);
  afterAll(async () => {
    await Promise.all([build, dir].filter(Boolean).map((path) => rm(path, { recursive: true, force: true })));
  });

  describe('refuses a bad seed file: exits 1 with one line naming the file, and never listens', () => {
    // The test holds the port the CLI is given: a CLI that listened before reading its seed would
    // fail with EADDRINUSE instead of the seed line, and would print its startup line.
    let holder: Server;
    let port: number;
    beforeAll(async () => {
      holder = createServer().listen(0, '127.0.0.1');
      await once(holder, 'listening');
      port = (holder.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

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
      const run = await runNode([cli, '--seed', file, '--port', String(port), '--log-level', 'info']);
      expect(run).toEqual({ code: 1, stdout: '', stderr: `polysecret: seed file ${file}: ${reason}\n` });
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
