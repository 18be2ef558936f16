import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from './log.js';

/** How one init script went: `running` until it exits; `failed` for a non-zero exit, a signal, a timeout or a failed spawn. */
export interface InitScriptReport {
  name: string;
  status: 'running' | 'ok' | 'failed';
  exitCode?: number;
  signal?: string;
}

/** The init hooks' part of `/_emulator/health`: `none` when there was nothing to run. */
export interface InitReport {
  status: 'none' | 'running' | 'done' | 'failed';
  scripts: InitScriptReport[];
}

/** What {@link InitHooks} needs. */
export interface InitHooksOptions {
  /** The directory of scripts; a missing one means there is nothing to run. */
  dir: string | undefined;
  logger: Logger;
  /** A script still running after this long is killed and counts as failed. */
  timeoutMs?: number;
  /** The environment scripts inherit (before `POLYSECRET_ENDPOINT` is added); `process.env` by default. */
  env?: NodeJS.ProcessEnv;
}

/** Five minutes: room for a script that seeds a lot through the API, not for one that never ends. */
export const INIT_SCRIPT_TIMEOUT_MS = 5 * 60 * 1000;
/** How long a killed script's process group gets to exit on SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 2000;
/** How long to wait for a script's output to end after it exited (a background child may hold the pipes). */
const OUTPUT_DRAIN_MS = 500;

/**
 * Runs the executables of an init directory once the server is ready (LocalStack's `ready.d`):
 * one at a time in lexical order of their names, each with `POLYSECRET_ENDPOINT` set and its
 * output logged line by line. A failing script is logged and reported; the ones after it still run.
 */
export class InitHooks {
  private readonly scripts: InitScriptReport[] = [];
  private state: InitReport['status'] = 'none';
  private running: { child: ChildProcess; finished: Promise<void> } | undefined;
  private stopping = false;

  constructor(private readonly options: InitHooksOptions) {}

  /** The hooks' state for the health report. */
  report(): InitReport {
    return { status: this.state, scripts: this.scripts.map((script) => ({ ...script })) };
  }

  /**
   * Runs every script; resolves when all have finished or {@link stop} was called. Never rejects:
   * failures end up in the log and the report.
   *
   * @param endpoints `POLYSECRET_ENDPOINT` (the http URL) and, with TLS, `POLYSECRET_HTTPS_ENDPOINT`.
   */
  async run(endpoints: { http: string; https?: string }): Promise<void> {
    if (this.options.dir === undefined) return;
    // Set before the first await: health asked right after start must not read `none` while the directory is still being listed.
    this.state = 'running';
    const names = await this.executables();
    if (names.length === 0 || this.stopping) {
      this.state = 'none';
      return;
    }
    const env: NodeJS.ProcessEnv = { ...(this.options.env ?? process.env), POLYSECRET_ENDPOINT: endpoints.http };
    if (endpoints.https) env.POLYSECRET_HTTPS_ENDPOINT = endpoints.https;
    // Loaded only when there is something to run: they add to every start-up otherwise.
    const [{ spawn }, { createInterface }] = await Promise.all([import('node:child_process'), import('node:readline')]);
    for (const name of names) {
      if (this.stopping) break;
      await this.runOne(name, env, spawn, createInterface);
    }
    this.state = this.scripts.some((script) => script.status === 'failed') ? 'failed' : 'done';
  }

  /** Kills the running script (its whole process group) and runs no more; resolves once it is logged and reported. */
  async stop(): Promise<void> {
    this.stopping = true;
    const running = this.running;
    if (!running) return;
    killGroup(running.child, 'SIGTERM');
    const stubborn = setTimeout(() => killGroup(running.child, 'SIGKILL'), KILL_GRACE_MS);
    await running.finished;
    clearTimeout(stubborn);
  }

  /** The names of the directory's executable regular files in lexical order, logging the ones skipped. */
  private async executables(): Promise<string[]> {
    const { dir, logger } = this.options;
    if (dir === undefined) return [];
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The image names a default directory that is usually absent: that is not worth more than a debug line.
      if (code === 'ENOENT') logger.debug(`init dir ${dir} does not exist: no init scripts to run`);
      else logger.error(`init dir ${dir} cannot be read: ${code ?? String(error)}`);
      return [];
    }
    const runnable: string[] = [];
    for (const name of names) {
      const path = join(dir, name);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) {
        logger.debug(`init: skipping ${name}: not a regular file`);
      } else if (await access(path, constants.X_OK).then(() => true, () => false)) {
        runnable.push(name);
      } else {
        logger.info(`init: skipping ${name}: not executable (chmod +x it to run it)`);
      }
    }
    return runnable;
  }

  private runOne(
    name: string,
    env: NodeJS.ProcessEnv,
    spawn: typeof import('node:child_process').spawn,
    createInterface: typeof import('node:readline').createInterface,
  ): Promise<void> {
    const { dir, logger } = this.options;
    const report: InitScriptReport = { name, status: 'running' };
    this.scripts.push(report);
    logger.info(`init: running ${name}`);
    // Its own process group, so a timeout or a stop also ends whatever the script started (a `sleep`, a server).
    const child = spawn(join(dir as string, name), [], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => logger.info(`init ${name}: ${line}`));
    }
    const timeoutMs = this.options.timeoutMs ?? INIT_SCRIPT_TIMEOUT_MS;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, timeoutMs);

    const finished = new Promise<void>((resolve) => {
      let finished = false;
      const finish = (outcome: { exitCode?: number; signal?: string; error?: string }) => {
        // A failed spawn may report both 'error' and 'exit'.
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        this.running = undefined;
        if (outcome.exitCode === 0) {
          report.status = 'ok';
          report.exitCode = 0;
          logger.info(`init: ${name} finished`);
        } else {
          report.status = 'failed';
          if (outcome.exitCode !== undefined) report.exitCode = outcome.exitCode;
          if (outcome.signal) report.signal = outcome.signal;
          const why =
            outcome.error ??
            (timedOut ? `timed out after ${timeoutMs / 1000} s` : this.stopping ? 'stopped with the server' : outcome.signal ? `killed by ${outcome.signal}` : `exit code ${outcome.exitCode}`);
          logger.error(`init: ${name} failed: ${why}`);
        }
        resolve();
      };
      child.once('error', (error: NodeJS.ErrnoException) => finish({ error: `could not start: ${error.code ?? error.message}` }));
      child.once('exit', (code, signal) => {
        // Output written just before exit is still in the pipes: log it before moving on, unless a
        // background process the script left behind holds them open.
        const drained = setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
        }, OUTPUT_DRAIN_MS);
        child.once('close', () => {
          clearTimeout(drained);
          finish(code === null ? { signal: signal ?? undefined } : { exitCode: code });
        });
      });
    });
    this.running = { child, finished };
    return finished;
  }
}

/** Signals a script's whole process group (it leads one: spawned detached). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
