/** Drives one server with autocannon and reduces the result to what the report shows. */
import autocannon from 'autocannon';
import { cpuPerRequest, type CpuCost, type CpuTime } from './cpu.js';
import { latencyPercentiles } from './latency.js';
import type { WireRequest } from './wire.js';

/** What a scenario sends: one fixed request, or a fresh one per call (unique tokens, nonces). */
export type RequestSource = WireRequest | (() => WireRequest);

/** One measured run, with the server's CPU per answered request over it. */
export interface LoadResult extends CpuCost {
  requestsPerSecond: number;
  /** Over every answer, at µs resolution. */
  p50Ms: number;
  p99Ms: number;
  /** Socket errors, timeouts, non-2xx answers and error envelopes (Tencent answers errors with 200). */
  errors: number;
  total: number;
  /** The first few failed answers (status and body start), to tell what went wrong. */
  errorSamples: string[];
}

interface RunSettings {
  url: string;
  connections: number;
  durationS: number;
  source: RequestSource;
  /** Counts a 200 whose body is an error envelope as an error. */
  bodyIsError?: (body: string) => boolean;
}

/** Counters of one run that autocannon's result does not carry. */
interface RunExtras {
  latenciesMs: number[];
  bodyErrors: number;
  errorSamples: string[];
}

function runOnce(settings: RunSettings, durationS: number): Promise<{ result: autocannon.Result; extras: RunExtras }> {
  const { source, bodyIsError } = settings;
  const extras: RunExtras = { latenciesMs: [], bodyErrors: 0, errorSamples: [] };
  const request: autocannon.Request = typeof source === 'function' ? { setupRequest: (req) => ({ ...req, ...source() }) } : { ...source };
  // Reading bodies costs the load generator time, so only where errors hide in them (SSM answers 200).
  if (bodyIsError) {
    request.onResponse = (status, body) => {
      if (status >= 300 || !bodyIsError(body)) return;
      extras.bodyErrors++;
      if (extras.errorSamples.length < 3) extras.errorSamples.push(`${status} ${body.slice(0, 200)}`);
    };
  }
  return new Promise((resolve, reject) => {
    const options = { url: settings.url, connections: settings.connections, duration: durationS, requests: [request] };
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve({ result, extras })));
    instance.on('response', (_client, _status, _bytes, responseTimeMs: number) => extras.latenciesMs.push(responseTimeMs));
  });
}

/**
 * Warms up (result discarded), then measures, reading the server's CPU (`cpuTime`) just before and
 * after the measured run.
 */
export async function measure(settings: RunSettings, warmupS: number, cpuTime: () => Promise<CpuTime>): Promise<LoadResult> {
  await runOnce(settings, warmupS);
  const before = await cpuTime();
  const { result, extras } = await runOnce(settings, settings.durationS);
  const after = await cpuTime();
  return {
    requestsPerSecond: result.requests.average,
    ...latencyPercentiles(extras.latenciesMs),
    ...cpuPerRequest(before, after, result.requests.total),
    errors: result.errors + result.timeouts + result.non2xx + extras.bodyErrors,
    // autocannon counts answers by status; a non-2xx one is named by its status.
    errorSamples: [
      ...Object.keys(result.statusCodeStats ?? {})
        .filter((status) => Number(status) >= 300)
        .map((status) => `HTTP ${status}`),
      ...extras.errorSamples,
    ],
    total: result.requests.total,
  };
}
