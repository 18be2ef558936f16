/** Child processes the benchmark measures: polysecret started as users start it, and the bare server. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { get } from 'node:http';
import { join } from 'node:path';
import { isCpuTime, type CpuTime } from './cpu.js';

/** A started child: its URL, how long it took to answer health, and ways to read its memory and CPU. */
export interface RunningProcess {
  readonly url: string;
  /** Milliseconds from spawn to the first 200 from `/_emulator/health` (or the first answer, for the bare server). */
  readonly startupMs: number;
  /** Resident set size now, in MiB, from /proc. */
  rssMiB(): number;
  /** The child's own CPU time so far (one reading at a time: answers are matched by order). */
  cpuTime(): Promise<CpuTime>;
  stop(): Promise<void>;
}

const URL_PATTERN = /http:\/\/[0-9.]+:\d+/;

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}

/** Waits for the URL the child prints; its stdout goes to a file so logging costs what it costs users. */
async function urlFrom(child: ChildProcess, logFile: string, deadline: number): Promise<string> {
  for (;;) {
    const match = URL_PATTERN.exec(readFileSync(logFile, 'utf8'));
    if (match) return match[0];
    if (child.exitCode !== null) throw new Error(`child exited with ${child.exitCode}: ${readFileSync(logFile, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`child printed no URL in time: ${readFileSync(logFile, 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** One GET over node:http (lighter than fetch, whose first use in a process costs more than a start-up). */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
  });
}

async function firstAnswer(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      if ((await statusOf(url)) === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} never answered 200`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Asks the child's CPU probe (bench/cpuProbe.ts) for its CPU time. */
function cpuTimeOf(child: ChildProcess): Promise<CpuTime> {
  return new Promise((resolve, reject) => {
    const exited = () => reject(new Error(`the child exited (${child.exitCode}) before reporting its CPU time`));
    child.once('exit', exited);
    child.once('message', (message) => {
      child.off('exit', exited);
      if (isCpuTime(message)) resolve(message);
      else reject(new Error(`the CPU probe answered ${JSON.stringify(message)}`));
    });
    child.send('cpu', (error) => error && reject(error));
  });
}

async function startChild(script: string, args: string[], logFile: string, probePath: string): Promise<RunningProcess> {
  const out = openSync(logFile, 'w');
  const started = performance.now();
  const probe = new URL('cpuProbe.js', import.meta.url).href;
  const child = spawn(process.execPath, ['--import', probe, script, ...args], { stdio: ['ignore', out, out, 'ipc'] });
  closeSync(out);
  const deadline = Date.now() + 120_000;
  try {
    const url = await urlFrom(child, logFile, deadline);
    await firstAnswer(`${url}${probePath}`, deadline);
    const startupMs = performance.now() - started;
    return {
      url,
      startupMs,
      rssMiB: () => rssOf(child.pid!),
      cpuTime: () => cpuTimeOf(child),
      async stop() {
        if (child.exitCode !== null) return;
        // The probe's listener holds the channel open; closing it leaves SIGTERM to decide the exit.
        if (child.connected) child.disconnect();
        child.kill('SIGTERM');
        await once(child, 'exit');
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** Starts `node dist/app/cli.js` with these flags on a free port; resolves once health answers 200. */
export function startPolysecret(distDir: string, flags: string[], logFile: string): Promise<RunningProcess> {
  return startChild(join(distDir, 'app', 'cli.js'), ['--port', '0', ...flags], logFile, '/_emulator/health');
}

/** Starts the bare server answering `size` bytes. */
export function startBareServer(distDir: string, size: number, logFile: string): Promise<RunningProcess> {
  return startChild(join(distDir, 'bench', 'bareServer.js'), [String(size)], logFile, '/');
}
