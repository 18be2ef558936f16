import { cpuPerRequest, isCpuTime } from '../../bench/cpu.js';
import { latencyPercentiles } from '../../bench/latency.js';
import type { LoadResult } from '../../bench/load.js';
import { parseOptions } from '../../bench/options.js';
import { describeRun, renderTables, withRatiosToBare, type BenchResults, type ScenarioResult } from '../../bench/report.js';
import { atFewConnections, FEW_CONNECTIONS_WRITE, poolSizes, readScenarios, writeScenarios } from '../../bench/scenarios.js';

/** A load result with round figures; only shape and arithmetic are checked, never timings. */
function load(requestsPerSecond: number, cpuUsPerRequest: number): LoadResult {
  return {
    requestsPerSecond,
    p50Ms: 0.05,
    p99Ms: 0.25,
    cpuUsPerRequest,
    cpuUserUsPerRequest: cpuUsPerRequest * 0.75,
    cpuSystemUsPerRequest: cpuUsPerRequest * 0.25,
    errors: 0,
    total: requestsPerSecond,
    errorSamples: [],
  };
}

function scenario(name: string, connections: number, requestsPerSecond: number, cpuUsPerRequest: number): ScenarioResult {
  return { ...load(requestsPerSecond, cpuUsPerRequest), name, title: `title of ${name}`, connections, ratioToBare: NaN, cpuRatioToBare: NaN, rssAfterMiB: 100 };
}

describe('bench: CPU per request', () => {
  it('divides the CPU spent between two readings over the requests answered', () => {
    expect(cpuPerRequest({ user: 1_000, system: 500 }, { user: 31_000, system: 10_500 }, 1_000)).toEqual({
      cpuUsPerRequest: 40,
      cpuUserUsPerRequest: 30,
      cpuSystemUsPerRequest: 10,
    });
  });

  it('gives NaN, not Infinity, when no request was answered', () => {
    expect(cpuPerRequest({ user: 0, system: 0 }, { user: 10, system: 10 }, 0).cpuUsPerRequest).toBeNaN();
  });

  it("accepts only the probe's answer shape from the IPC channel", () => {
    expect(isCpuTime(process.cpuUsage())).toBe(true);
    expect(isCpuTime({ user: 1 })).toBe(false);
    expect(isCpuTime('cpu')).toBe(false);
    expect(isCpuTime(null)).toBe(false);
  });
});

describe('bench: latency percentiles', () => {
  it('takes the nearest rank, keeping fractions of a millisecond', () => {
    const samples = Array.from({ length: 200 }, (_, i) => (200 - i) / 1000);
    expect(latencyPercentiles(samples)).toEqual({ p50Ms: 0.1, p99Ms: 0.198 });
    expect(latencyPercentiles([0.07])).toEqual({ p50Ms: 0.07, p99Ms: 0.07 });
  });

  it('gives NaN for a run without answers', () => {
    expect(latencyPercentiles([])).toEqual({ p50Ms: NaN, p99Ms: NaN });
  });
});

describe('bench: the few-connection rows', () => {
  it('repeats each scenario at each count, under names of their own', () => {
    const repeated = atFewConnections(readScenarios().slice(0, 2), [1, 4]);
    expect(repeated.map((s) => [s.name, s.connections])).toEqual([
      ['get-aws-c1', 1],
      ['get-aws-c4', 4],
      ['get-alibaba-json-c1', 1],
      ['get-alibaba-json-c4', 4],
    ]);
    expect(repeated[0].title).toBe(readScenarios()[0].title);
  });

  it('repeats a write that exists, and AWS’s (no 10-version cap)', () => {
    const names = writeScenarios('memory', poolSizes(100)).map((s) => s.name);
    expect(names).toContain(FEW_CONNECTIONS_WRITE);
    expect(FEW_CONNECTIONS_WRITE).toMatch(/^put-aws-/);
  });

  it('compares each row with the bare server at as many connections', () => {
    const bareRuns = [
      { ...load(20_000, 25), connections: 32 },
      { ...load(10_000, 40), connections: 1 },
    ];
    const [busy, single, unmatched] = withRatiosToBare([scenario('get-aws', 32, 10_000, 50), scenario('get-aws-c1', 1, 5_000, 60), scenario('get-aws-c4', 4, 1, 1)], bareRuns);
    expect([busy.ratioToBare, busy.cpuRatioToBare]).toEqual([0.5, 2]);
    expect([single.ratioToBare, single.cpuRatioToBare]).toEqual([0.5, 1.5]);
    expect([unmatched.ratioToBare, unmatched.cpuRatioToBare]).toEqual([NaN, NaN]);
  });
});

describe('bench: the results table and file', () => {
  const options = parseOptions(['--quick']);
  if (options === 'help') throw new Error('unexpected help');
  const bareRuns = [{ ...load(20_000, 25), connections: 1 }];
  const results: BenchResults = {
    ...describeRun(options, 1024),
    bare: { ...load(40_000, 20), responseBytes: 1253, runsPerSecond: [39_000, 41_000] },
    bareAtFewConnections: bareRuns,
    scenarios: withRatiosToBare([scenario('get-aws-c1', 1, 10_000, 50)], bareRuns),
    scaling: [],
    startup: [],
  };

  it('records the few-connection counts in the settings', () => {
    expect(results.settings).toMatchObject({ connections: 32, fewConnections: [1, 4] });
  });

  it('shows connections, µs latencies and CPU per request beside each row, the bare server first at each count', () => {
    const lines = renderTables(results).split('\n');
    const header = lines.find((line) => line.startsWith('| scenario'));
    expect(header?.split('|').map((cell) => cell.trim())).toEqual(['', 'scenario', 'conns', 'req/s', 'vs bare', 'p50 ms', 'p99 ms', 'CPU µs/req', 'CPU vs bare', 'errors', 'RSS MiB', '']);
    const cells = (start: string) => lines.find((line) => line.startsWith(`| ${start}`))?.split('|').map((cell) => cell.trim()).slice(1, -1);
    expect(cells('bare node:http server (ceiling, mean)')).toEqual(['bare node:http server (ceiling, mean)', '32', '40000', '100%', '0.05', '0.25', '20.0', '1.00×', '0', '']);
    expect(cells('bare node:http server (ceiling) ')).toEqual(['bare node:http server (ceiling)', '1', '20000', '100%', '0.05', '0.25', '25.0', '1.00×', '0', '']);
    expect(cells('title of get-aws-c1')).toEqual(['title of get-aws-c1', '1', '10000', '50%', '0.05', '0.25', '50.0', '2.00×', '0', '100']);
  });

  it('survives a JSON round trip with every new field', () => {
    const parsed = JSON.parse(JSON.stringify(results)) as BenchResults;
    expect(parsed.scenarios[0]).toMatchObject({ connections: 1, cpuUsPerRequest: 50, cpuUserUsPerRequest: 37.5, cpuSystemUsPerRequest: 12.5, cpuRatioToBare: 2 });
    expect(parsed.bare).toMatchObject({ cpuUsPerRequest: 20 });
    expect(parsed.bareAtFewConnections[0]).toMatchObject({ connections: 1, cpuUsPerRequest: 25 });
  });
});
