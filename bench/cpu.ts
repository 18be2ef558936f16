/**
 * The CPU one request costs a server, from the server's own counters. Why `process.cpuUsage()`,
 * reported by the child over IPC (bench/cpuProbe.ts): it is getrusage(RUSAGE_SELF), user and kernel
 * time of all the process's threads (GC, libuv's pool, fsync) in µs. /proc/<pid>/stat counts the same
 * in clock ticks (10 ms), too coarse for a 1-second quick run; and the server runs in its own process,
 * so the load generator's CPU is never in its counters.
 */

/** A process's CPU time, as `process.cpuUsage()` gives it: µs in user space and in the kernel. */
export interface CpuTime {
  user: number;
  system: number;
}

/** What one answered request cost the server in CPU, in µs. */
export interface CpuCost {
  cpuUsPerRequest: number;
  cpuUserUsPerRequest: number;
  cpuSystemUsPerRequest: number;
}

/** The CPU spent between two readings, divided over the requests answered in between (NaN for none). */
export function cpuPerRequest(before: CpuTime, after: CpuTime, requests: number): CpuCost {
  const per = (spent: number) => (requests > 0 ? spent / requests : NaN);
  const user = after.user - before.user;
  const system = after.system - before.system;
  return { cpuUsPerRequest: per(user + system), cpuUserUsPerRequest: per(user), cpuSystemUsPerRequest: per(system) };
}

/** Whether an IPC message is a {@link CpuTime} (the probe's answer). */
export function isCpuTime(message: unknown): message is CpuTime {
  if (typeof message !== 'object' || message === null) return false;
  const { user, system } = message as Partial<CpuTime>;
  return typeof user === 'number' && typeof system === 'number';
}
