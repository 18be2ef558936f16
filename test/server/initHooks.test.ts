import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { readConfig } from '../../src/server/config.js';
import { InitHooks, type InitReport } from '../../src/server/initHooks.js';
import { createLogger } from '../../src/server/log.js';
import { awsClient, startServer, type TestServer } from '../helpers/server.js';

/** Writes a script into `dir`, executable unless said otherwise. */
async function script(dir: string, name: string, text: string, mode = 0o755): Promise<void> {
  await writeFile(join(dir, name), text);
  await chmod(join(dir, name), mode);
}

/** A server with the init dir `dir`, logging at info into `lines`. */
function startWithHooks(dir: string, lines: string[], options: { tls?: boolean } = {}): Promise<TestServer> {
  const logger = createLogger('info', 'pretty', { out: (line) => lines.push(line), err: (line) => lines.push(line) });
  return startServer('memory', { initDir: dir, logger, ...options });
}

async function initOf(server: TestServer): Promise<{ status: string; init: InitReport; httpStatus: number }> {
  const response = await fetch(`${server.url}/_emulator/health`);
  const body = (await response.json()) as { status: string; init: InitReport };
  return { status: body.status, init: body.init, httpStatus: response.status };
}

/**
 * Polls until `check` gives a value; a bounded number of tries, so a broken test fails rather than
 * leaving a loop behind after jest's timeout.
 */
async function eventually<T>(check: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the condition never held');
}

/** Health once the hooks are no longer running. */
function hooksSettled(server: TestServer): Promise<{ status: string; init: InitReport; httpStatus: number }> {
  return eventually(async () => {
    const health = await initOf(server);
    return health.init.status === 'running' ? undefined : health;
  });
}

/** Whether a process is alive: a killed one may linger as a zombie when nothing reaps orphans (a container's PID 1). */
async function stillRunning(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return stat !== undefined && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

describe('init hooks (--init-dir)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polysecret-init-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads --init-dir and POLYSECRET_INIT_DIR', () => {
    expect(readConfig(['--init-dir', '/etc/polysecret/init/ready.d'], {}).initDir).toBe('/etc/polysecret/init/ready.d');
    expect(readConfig([], { POLYSECRET_INIT_DIR: '/hooks' }).initDir).toBe('/hooks');
    expect(readConfig([], {}).initDir).toBeUndefined();
  });

  it('runs a hook that creates a secret through POLYSECRET_ENDPOINT once the server is ready; the SDK then reads it', async () => {
    await script(
      dir,
      '10-create-secret.mjs',
      `#!${process.execPath}
const response = await fetch(process.env.POLYSECRET_ENDPOINT, {
  method: 'POST',
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.CreateSecret' },
  body: JSON.stringify({ Name: 'from/hook', SecretString: 'hook-made-canary', ClientRequestToken: crypto.randomUUID() }),
});
console.log('created with status', response.status, 'at', process.env.POLYSECRET_ENDPOINT, 'in', process.cwd());
`,
    );
    const lines: string[] = [];
    const server = await startWithHooks(dir, lines);
    try {
      const health = await hooksSettled(server);
      expect(health).toEqual({ status: 'ready', httpStatus: 200, init: { status: 'done', scripts: [{ name: '10-create-secret.mjs', status: 'ok', exitCode: 0 }] } });
      const secret = await awsClient(server.url).send(new GetSecretValueCommand({ SecretId: 'from/hook' }));
      expect(secret.SecretString).toBe('hook-made-canary');
      const log = lines.join('\n');
      expect(log).toContain(`init 10-create-secret.mjs: created with status 200 at ${server.url} in ${dir}`);
      expect(log).not.toContain('hook-made-canary');
    } finally {
      await server.stop();
    }
  });

  it('runs the hooks one at a time in lexical order of their names, in the init dir', async () => {
    // Lexical, not numeric: "10-" comes before "2-".
    await script(dir, '2-second.sh', '#!/bin/sh\necho second >> order.txt\n');
    await script(dir, '10-first.sh', '#!/bin/sh\nsleep 0.2\necho first >> order.txt\n');
    const server = await startWithHooks(dir, []);
    try {
      const { init } = await hooksSettled(server);
      expect(init.scripts.map((s) => s.name)).toEqual(['10-first.sh', '2-second.sh']);
      expect(await readFile(join(dir, 'order.txt'), 'utf8')).toBe('first\nsecond\n');
    } finally {
      await server.stop();
    }
  });

  it('logs each output line of a hook, stdout and stderr, prefixed with its name', async () => {
    await script(dir, 'talk.sh', '#!/bin/sh\necho "to stdout"\necho "to stderr" >&2\nprintf "no newline at the end"\n');
    const lines: string[] = [];
    const server = await startWithHooks(dir, lines);
    try {
      await hooksSettled(server);
      const log = lines.join('\n');
      expect(log).toContain('init: running talk.sh');
      expect(log).toContain('init talk.sh: to stdout');
      expect(log).toContain('init talk.sh: to stderr');
      expect(log).toContain('init talk.sh: no newline at the end');
      expect(log).toContain('init: talk.sh finished');
    } finally {
      await server.stop();
    }
  });

  it('reports a failing hook in health and the log, stays ready (200), and still runs the hooks after it', async () => {
    await script(dir, 'a-fails.sh', '#!/bin/sh\necho "about to fail" >&2\nexit 3\n');
    await script(dir, 'b-killed.sh', '#!/bin/sh\nkill -TERM $$\n');
    await script(dir, 'c-runs.sh', '#!/bin/sh\necho still ran\n');
    const lines: string[] = [];
    const server = await startWithHooks(dir, lines);
    try {
      const health = await hooksSettled(server);
      expect(health.httpStatus).toBe(200);
      expect(health.status).toBe('ready');
      expect(health.init).toEqual({
        status: 'failed',
        scripts: [
          { name: 'a-fails.sh', status: 'failed', exitCode: 3 },
          { name: 'b-killed.sh', status: 'failed', signal: 'SIGTERM' },
          { name: 'c-runs.sh', status: 'ok', exitCode: 0 },
        ],
      });
      const log = lines.join('\n');
      expect(log).toContain('init: a-fails.sh failed: exit code 3');
      expect(log).toContain('init: b-killed.sh failed: killed by SIGTERM');
      expect(log).toContain('init c-runs.sh: still ran');
    } finally {
      await server.stop();
    }
  });

  it('skips a file that is not executable with a log line, and a directory', async () => {
    await script(dir, 'notes.txt', 'not a script\n', 0o644);
    await script(dir, 'run.sh', '#!/bin/sh\necho ran\n');
    await mkdir(join(dir, 'subdir'));
    const lines: string[] = [];
    const server = await startWithHooks(dir, lines);
    try {
      const { init } = await hooksSettled(server);
      expect(init).toEqual({ status: 'done', scripts: [{ name: 'run.sh', status: 'ok', exitCode: 0 }] });
      expect(lines.join('\n')).toContain('init: skipping notes.txt: not executable');
    } finally {
      await server.stop();
    }
  });

  it('counts a hook that cannot be started (its interpreter is missing) as failed', async () => {
    await script(dir, 'broken', '#!/nonexistent/interpreter\necho never\n');
    const lines: string[] = [];
    const server = await startWithHooks(dir, lines);
    try {
      const { init } = await hooksSettled(server);
      expect(init.status).toBe('failed');
      expect(init.scripts).toEqual([expect.objectContaining({ name: 'broken', status: 'failed' })]);
      expect(lines.join('\n')).toMatch(/init: broken failed: /);
    } finally {
      await server.stop();
    }
  });

  it('has nothing to run when the init dir is missing or empty', async () => {
    const missing = await startWithHooks(join(dir, 'does-not-exist'), []);
    const empty = await startWithHooks(dir, []);
    try {
      // Health says `running` until the directory has been listed (it may be asked before that).
      expect((await hooksSettled(missing)).init).toEqual({ status: 'none', scripts: [] });
      expect((await hooksSettled(empty)).init).toEqual({ status: 'none', scripts: [] });
    } finally {
      await Promise.all([missing.stop(), empty.stop()]);
    }
  });

  it('with TLS on, gives hooks the https URL too, and POLYSECRET_ENDPOINT stays http', async () => {
    await script(dir, 'env.sh', '#!/bin/sh\necho "endpoint=$POLYSECRET_ENDPOINT https=$POLYSECRET_HTTPS_ENDPOINT"\n');
    const lines: string[] = [];
    const server = await startWithHooks(dir, lines, { tls: true });
    try {
      await hooksSettled(server);
      expect(lines.join('\n')).toContain(`init env.sh: endpoint=${server.url} https=${server.polysecret.httpsUrl}`);
    } finally {
      await server.stop();
    }
  });

  it('kills a hook still running when the server stops, with whatever it started, and stops', async () => {
    await script(dir, 'sleeps.sh', `#!/bin/sh\nsleep 60 &\necho $! > child.txt\nwait\n`);
    await script(dir, 'z-never.sh', '#!/bin/sh\necho should not run\n');
    const lines: string[] = [];
    const server = await startWithHooks(dir, lines);
    // The background sleep's pid is written just before the script waits for it.
    const child = await eventually(async () => (await readFile(join(dir, 'child.txt'), 'utf8').catch(() => '')).trim() || undefined);
    expect((await initOf(server)).init).toEqual({ status: 'running', scripts: [{ name: 'sleeps.sh', status: 'running' }] });
    await server.stop();
    const log = lines.join('\n');
    expect(log).toContain('init: sleeps.sh failed: stopped with the server');
    expect(log).not.toContain('should not run');
    // SIGKILL is sent before stop() resolves, but a loaded machine may take a moment to end the process.
    await eventually(async () => ((await stillRunning(Number(child))) ? undefined : true));
  });

  it('kills a hook that outlives its time limit and counts it as failed, then runs the next', async () => {
    // The limit is 5 minutes in the server; the class takes a shorter one so this test need not wait.
    await script(dir, 'a-hangs.sh', '#!/bin/sh\nsleep 60\n');
    await script(dir, 'b-next.sh', '#!/bin/sh\necho next\n');
    const lines: string[] = [];
    const logger = createLogger('info', 'pretty', { out: (line) => lines.push(line), err: (line) => lines.push(line) });
    const hooks = new InitHooks({ dir, logger, timeoutMs: 200 });
    await hooks.run({ http: 'http://127.0.0.1:1' });
    expect(hooks.report()).toEqual({
      status: 'failed',
      scripts: [
        { name: 'a-hangs.sh', status: 'failed', signal: 'SIGKILL' },
        { name: 'b-next.sh', status: 'ok', exitCode: 0 },
      ],
    });
    expect(lines.join('\n')).toContain('init: a-hangs.sh failed: timed out after 0.2 s');
  });
});
