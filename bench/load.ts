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
  const request: autocannon.Request = typeof source === 'function' ? { setupRequest: (req) => ({ ...req, ...source() }) } : { ...source };
  if (bodyIsError) {
    request.onResponse = (_status, body) => {
      if (bodyIsError(body)) bodyErrors++;
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
    total: result.requests.total,
  };
}

/** Warms up (result discarded), then measures. */
export async function measure(settings: RunSettings, warmupS: number): Promise<LoadResult> {
  await runOnce(settings, warmupS);
  return runOnce(settings, settings.durationS);
}
