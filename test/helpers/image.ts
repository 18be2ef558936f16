import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repo root, where jest runs. */
export const REPO = process.cwd();

/**
 * Copies the repo as a fresh clone (or a Docker build context) would see it: tracked files plus
 * untracked ones git does not ignore, so uncommitted work is included and node_modules/dist are not.
 */
export async function copyCleanTree(target: string): Promise<void> {
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, maxBuffer: 64 * 1024 * 1024 });
  // Deleted-but-tracked files are still listed by --cached.
  const files = stdout.split('\0').filter((file) => file !== '' && existsSync(join(REPO, file)));
  for (const file of files) {
    await mkdir(dirname(join(target, file)), { recursive: true });
    await copyFile(join(REPO, file), join(target, file));
  }
}

/** Runs scripts/build-image.sh from `source` into `output`; rejects with its output when it fails. */
export async function buildImageTree(source: string, output: string): Promise<void> {
  await run('bash', [join(source, 'scripts/build-image.sh'), source, output], { maxBuffer: 64 * 1024 * 1024, timeout: 280_000 });
}

/** What the test needs from the Dockerfile: its instructions, with line continuations joined. */
export interface DockerfileFacts {
  from: string[];
  env: Record<string, string>;
  entrypoint: string[];
  healthcheck: string[];
  text: string;
}

/** Reads the exec-form ENTRYPOINT, the HEALTHCHECK's exec-form CMD and the ENV values. */
export async function readDockerfile(path: string): Promise<DockerfileFacts> {
  const text = await readFile(path, 'utf8');
  const lines = text.replace(/\\\n\s*/g, ' ').split('\n').filter((line) => !line.trimStart().startsWith('#'));
  const facts: DockerfileFacts = { from: [], env: {}, entrypoint: [], healthcheck: [], text };
  for (const line of lines) {
    const [instruction, ...rest] = line.trim().split(/\s+/);
    const args = rest.join(' ');
    if (instruction === 'FROM') facts.from.push(args);
    if (instruction === 'ENTRYPOINT') facts.entrypoint = JSON.parse(args) as string[];
    if (instruction === 'HEALTHCHECK') facts.healthcheck = JSON.parse(args.slice(args.indexOf('CMD ') + 4)) as string[];
    if (instruction === 'ENV') {
      for (const pair of rest) facts.env[pair.slice(0, pair.indexOf('='))] = pair.slice(pair.indexOf('=') + 1);
    }
  }
  return facts;
}

/** A started runtime tree: its URL, its output so far, and a promise of its exit code. */
export interface StartedImage {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `command` in `cwd` and waits for the startup line's URL. */
export function startImage(command: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<StartedImage> {
  const child = spawn(command[0], command.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/[0-9.]+:\d+/.exec(output)?.[0];
      if (url) {
        child.stdout?.off('data', onData);
        child.stdout?.on('data', (more: Buffer) => (output += more.toString()));
        resolve({ child, url, output: () => output, exited });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
  });
}

/** Resolves once `started`'s output contains `text`. */
export async function waitForOutput(started: StartedImage, text: string): Promise<void> {
  while (!started.output().includes(text)) {
    if (started.child.exitCode !== null) throw new Error(`exited before printing "${text}":\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The polysecret service's healthcheck `test` in docker-compose.yml, written there as a JSON array. */
export async function readComposeHealthcheck(path: string): Promise<string[]> {
  const match = /^\s+test: (\[.*\])$/m.exec(await readFile(path, 'utf8'));
  if (!match) throw new Error(`no one-line healthcheck test in ${path}`);
  return JSON.parse(match[1]) as string[];
}
