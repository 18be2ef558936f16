/** Drives one server with autocannon and reduces the result to what the report shows. */
import autocannon from 'autocannon';
import type { WireRequest } from './wire.js';

/** What a scenario sends: one fixed request, or a fresh one per call (unique tokens, nonces). */
export type RequestSource = WireRequest | (() => WireRequest);

/** One measured run. */
export interface LoadResult {
  requestsPerSecond: number;
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

async function runOnce(settings: RunSettings, durationS: number): Promise<LoadResult> {
  const { source, bodyIsError } = settings;
  let bodyErrors = 0;
  const errorSamples: string[] = [];
  const request: autocannon.Request = typeof source === 'function' ? { setupRequest: (req) => ({ ...req, ...source() }) } : { ...source };
  // Reading bodies costs the load generator time, so only where errors hide in them (SSM answers 200).
  if (bodyIsError) {
    request.onResponse = (status, body) => {
      if (status >= 300 || !bodyIsError(body)) return;
      bodyErrors++;
      if (errorSamples.length < 3) errorSamples.push(`${status} ${body.slice(0, 200)}`);
    };
  }
  const result = await autocannon({
    url: settings.url,
    connections: settings.connections,
    duration: durationS,
    requests: [request],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + bodyErrors,
    // autocannon counts answers by status; a non-2xx one is named by its status.
    errorSamples: [
      ...Object.keys(result.statusCodeStats ?? {})
        .filter((status) => Number(status) >= 300)
        .map((status) => `HTTP ${status}`),
      ...errorSamples,
    ],
    total: result.requests.total,
  };
}

/** Warms up (result discarded), then measures. */
export async function measure(settings: RunSettings, warmupS: number): Promise<LoadResult> {
  await runOnce(settings, warmupS);
  return runOnce(settings, settings.durationS);
}
