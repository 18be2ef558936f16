import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Output of a docker or compose command. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/** True when `docker info` answers with this process's environment (DOCKER_HOST included). */
export function dockerAnswers(): boolean {
  return spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 30_000 }).status === 0;
}

/** Runs `docker ARGS`; rejects with the command's output when it fails. */
export async function docker(args: string[], timeoutMs = 120_000): Promise<CommandOutput> {
  try {
    return await run('docker', args, { maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as Partial<CommandOutput>;
    throw new Error(`docker ${args.join(' ')} failed: ${(error as Error).message}\n${stdout}${stderr}`);
  }
}

/**
 * The compose command this machine has: the `docker compose` plugin (v2) if it answers, else the
 * standalone `docker-compose` (v1, Debian's 1.29). Returns the argv prefix, or undefined.
 */
export function composeCommand(): string[] | undefined {
  if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0) return ['docker', 'compose'];
  if (spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0) return ['docker-compose'];
  return undefined;
}

/** Runs a compose command with extra environment variables (for the compose file's substitutions). */
export async function compose(command: string[], args: string[], env: Record<string, string>, timeoutMs = 300_000): Promise<CommandOutput> {
  try {
    return await run(command[0], [...command.slice(1), ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as Partial<CommandOutput>;
    throw new Error(`${command.join(' ')} ${args.join(' ')} failed: ${(error as Error).message}\n${stdout}${stderr}`);
  }
}

/** `docker inspect -f FORMAT TARGET`, trimmed. */
export async function inspect(target: string, format: string): Promise<string> {
  return (await docker(['inspect', '-f', format, target])).stdout.trim();
}

/** One run of a container's health check, as `docker inspect` reports it. */
export interface HealthProbe {
  Start: string;
  End: string;
  ExitCode: number;
}

/**
 * Waits until `container`'s health status leaves `starting` (or the container stops) and returns it:
 * `healthy`, `unhealthy`, or the container's state when it is no longer running. The wait is bounded so
 * a hung container fails the test instead of hanging it.
 */
export async function settledHealth(container: string, limitMs = 120_000): Promise<string> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const [state, health] = (await inspect(container, '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}')).split(' ');
    if (state !== 'running') return state;
    if (health !== 'starting') return health;
    if (Date.now() > deadline) return `still starting after ${limitMs} ms`;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The host address Docker published `containerPort` on, as a URL: `docker port` is `127.0.0.1:49153`. */
export async function publishedUrl(container: string, containerPort: number): Promise<string> {
  const { stdout } = await docker(['port', container, `${containerPort}/tcp`]);
  const first = stdout.trim().split('\n')[0];
  return `http://127.0.0.1:${first.slice(first.lastIndexOf(':') + 1)}`;
}

/**
 * Docker's RFC 3339 timestamps carry nanoseconds, which Date.parse does not take: milliseconds since
 * the epoch, with the sub-millisecond part as a fraction.
 */
export function dockerTime(text: string): number {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(text);
  if (!match) throw new Error(`not a Docker timestamp: ${text}`);
  const [, seconds, fraction = '0', zone] = match;
  return Date.parse(`${seconds}${zone}`) + Number(`0.${fraction}`) * 1000;
}

/** The exit code of `docker ARGS`, for commands that are expected to fail. */
export async function dockerExitCode(args: string[], timeoutMs = 120_000): Promise<number> {
  try {
    await run('docker', args, { maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs });
    return 0;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'number') throw error;
    return code;
  }
}
