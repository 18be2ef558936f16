/**
 * The `polysecret` CLI as users run it: compiled, started as its own process. Each suite compiles into
 * a directory of its own under node_modules/.cache (so packages and the package root resolve), never
 * into dist/, which a concurrently running suite may be using.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repo root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Only PATH: POLYSECRET_* variables of the shell running the tests must not reach the CLI. */
export const CLEAN_ENV = { PATH: process.env.PATH };

/** What a finished run left behind. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node ARGS` in the repo with `env` (only PATH by default) and resolves with its exit code and output; killed after `timeout` ms. */
export function runNode(args: string[], env: NodeJS.ProcessEnv = CLEAN_ENV, timeout = 15_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, env, timeout }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

/** A port nothing listens on right now (it may be taken again before it is used; tests that need it hold it). */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The compiled output (`build`, with `app/cli.js` in it) and a scratch directory, for the enclosing describe. */
export function useCompiledCli(name: string): { build: () => string; cli: () => string; dir: () => string } {
  let build: string;
  let dir: string;
  beforeAll(async () => {
    await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
    build = await mkdtemp(join(ROOT, `node_modules/.cache/polysecret-${name}-`));
    dir = await mkdtemp(join(tmpdir(), `polysecret-${name}-`));
    // A compile takes seconds alone and far longer beside a full parallel test run: allow for that.
    const tsc = await runNode([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', build], CLEAN_ENV, 110_000);
    if (tsc.code !== 0) throw new Error(`build failed (exit ${tsc.code}):\n${tsc.stdout}${tsc.stderr}`);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([build, dir].filter(Boolean).map((path) => rm(path, { recursive: true, force: true })));
  });
  return { build: () => build, cli: () => join(build, 'app/cli.js'), dir: () => dir };
}
