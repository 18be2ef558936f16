import type { OffsetClock } from '../core/runtime.js';
import type { InitReport } from './initHooks.js';
import { POLYSECRET_VERSION } from '../version.js';

/** The body of `GET /_emulator/health` (README "Admin endpoints"). */
export interface HealthReport {
  /**
   * `ready` once state is loaded and the seed file applied (HTTP 200); `loading` before (503);
   * `degraded` (still 200: reads are served) while the store refuses writes, with the reason in `problem`.
   */
  status: 'ready' | 'loading' | 'degraded';
  /** Why the status is `degraded`. */
  problem?: string;
  /** The package version. */
  version: string;
  dialects: string[];
  persistence: 'memory' | 'lowdb';
  auth: string;
  /** Whole seconds since this server was created. */
  uptimeSeconds: number;
  /** How far the emulator clock runs ahead of the wall clock (`POST /_emulator/clock`). */
  clockOffsetMs: number;
  /** The emulator's time, ISO 8601. */
  time: string;
  /** How the init hooks went (README "Init hooks"). */
  init: InitReport;
}

/** What the report is made of; `isReady` is read on each call. */
export interface HealthSources {
  dialects: readonly string[];
  persistence: HealthReport['persistence'];
  auth: string;
  clock: OffsetClock;
  isReady(): boolean;
  /** Why the store refuses writes, if it does. */
  storeProblem(): string | undefined;
  init(): InitReport;
}

/** A function answering the current health report; uptime counts from this call. */
export function createHealthReporter(sources: HealthSources): () => HealthReport {
  // Monotonic, so moving the system clock does not change the uptime.
  const createdAt = performance.now();
  const dialects = [...sources.dialects];
  return () => {
    const now = sources.clock.now();
    const problem = sources.storeProblem();
    return {
      status: !sources.isReady() ? 'loading' : problem === undefined ? 'ready' : 'degraded',
      ...(problem === undefined ? {} : { problem: `the store cannot write: ${problem}` }),
      version: POLYSECRET_VERSION,
      dialects,
      persistence: sources.persistence,
      auth: sources.auth,
      uptimeSeconds: Math.floor((performance.now() - createdAt) / 1000),
      clockOffsetMs: sources.clock.offsetMs,
      time: new Date(now).toISOString(),
      init: sources.init(),
    };
  };
}
