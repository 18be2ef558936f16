/** The benchmark's results: the JSON file's shape and the terminal table. */
import { cpus, totalmem, type } from 'node:os';
import type { LoadResult } from './load.js';
import type { BenchOptions } from './options.js';

/** One measured scenario, with its ratios to the bare server of the same run at as many connections. */
export interface ScenarioResult extends LoadResult {
  name: string;
  title: string;
  connections: number;
  /** Requests per second over the bare server's. */
  ratioToBare: number;
  /** CPU µs per request over the bare server's: the figure that holds on a busy machine. */
  cpuRatioToBare: number;
  /** Resident memory of the server right after the scenario, in MiB. */
  rssAfterMiB: number;
}

/** A server start: time to the first 200 from health, and memory at idle afterwards. */
export interface StartupResult {
  name: string;
  secrets: number;
  /** Median over the runs. */
  startupMs: number;
  runsMs: number[];
  rssIdleMiB: number;
}

/** One run of the bare server at a given number of connections. */
export type BareAtConnections = LoadResult & { connections: number };

/** Everything one run measured. */
export interface BenchResults {
  date: string;
  mode: 'quick' | 'full';
  machine: { cpus: number; cpuModel: string; memoryGiB: number; os: string; node: string };
  settings: { connections: number; fewConnections: number[]; durationS: number; warmupS: number; valueBytes: number };
  /** The mean of the bare server's runs at `settings.connections`; `runsPerSecond` lists each. */
  bare: LoadResult & { responseBytes: number; runsPerSecond: number[] };
  /** The bare server once at each of `settings.fewConnections`. */
  bareAtFewConnections: BareAtConnections[];
  scenarios: ScenarioResult[];
  /** Largest-store rate over smallest-store rate, per scaled scenario. */
  scaling: Array<{ scenario: string; smallest: number; largest: number; ratio: number }>;
  startup: StartupResult[];
}

/** The header of a results file. */
export function describeRun(options: BenchOptions, valueBytes: number): Pick<BenchResults, 'date' | 'mode' | 'machine' | 'settings'> {
  return {
    date: new Date().toISOString(),
    mode: options.quick ? 'quick' : 'full',
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      os: type(),
      node: process.version,
    },
    settings: { connections: options.connections, fewConnections: options.fewConnections, durationS: options.durationS, warmupS: options.warmupS, valueBytes },
  };
}

/**
 * Each scenario's throughput and CPU per request over the bare server's at as many connections
 * (NaN where the bare server was not run at that count).
 */
export function withRatiosToBare(scenarios: ScenarioResult[], bareRuns: BareAtConnections[]): ScenarioResult[] {
  return scenarios.map((scenario) => {
    const bare = bareRuns.find((run) => run.connections === scenario.connections);
    return {
      ...scenario,
      ratioToBare: bare ? scenario.requestsPerSecond / bare.requestsPerSecond : NaN,
      cpuRatioToBare: bare ? scenario.cpuUsPerRequest / bare.cpuUsPerRequest : NaN,
    };
  });
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `${'-'.repeat(width + 1)}-` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The results as Markdown tables (the README's Performance section pastes the full-mode ones). */
export function renderTables(results: BenchResults): string {
  const { bare } = results;
  const bareRows = [
    { ...bare, title: 'bare node:http server (ceiling, mean)', connections: results.settings.connections },
    ...results.bareAtFewConnections.map((run) => ({ ...run, title: 'bare node:http server (ceiling)' })),
  ];
  const load = table(
    ['scenario', 'conns', 'req/s', 'vs bare', 'p50 ms', 'p99 ms', 'CPU µs/req', 'CPU vs bare', 'errors', 'RSS MiB'],
    [
      ...bareRows.map((b) => [b.title, String(b.connections), fixed(b.requestsPerSecond), '100%', fixed(b.p50Ms, 2), fixed(b.p99Ms, 2), fixed(b.cpuUsPerRequest, 1), '1.00×', String(b.errors), '']),
      ...results.scenarios.map((s) => [
        s.title,
        String(s.connections),
        fixed(s.requestsPerSecond),
        `${fixed(100 * s.ratioToBare)}%`,
        fixed(s.p50Ms, 2),
        fixed(s.p99Ms, 2),
        fixed(s.cpuUsPerRequest, 1),
        `${fixed(s.cpuRatioToBare, 2)}×`,
        String(s.errors),
        fixed(s.rssAfterMiB),
      ]),
    ],
  );
  const scaling = table(
    ['scaled scenario', 'smallest store req/s', 'largest store req/s', 'largest / smallest'],
    results.scaling.map((s) => [s.scenario, fixed(s.smallest), fixed(s.largest), `${fixed(100 * s.ratio)}%`]),
  );
  const startup = table(
    ['start-up', 'secrets', 'to first health 200 (median) ms', 'runs ms', 'idle RSS MiB'],
    results.startup.map((s) => [s.name, String(s.secrets), fixed(s.startupMs), s.runsMs.map((ms) => fixed(ms)).join(' / '), fixed(s.rssIdleMiB)]),
  );
  const { machine, settings } = results;
  const header =
    `${results.mode} run, ${results.date}: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; ` +
    `${settings.connections} connections (reads and the AWS write also at ${settings.fewConnections.join(' and ')}), ${settings.warmupS} s warm-up + ${settings.durationS} s per scenario, ${settings.valueBytes}-byte values, ` +
    `bare server answering ${bare.responseBytes} bytes (mean of ${bare.runsPerSecond.map((rate) => fixed(rate)).join(' and ')} req/s, measured before and after the in-memory scenarios; at fewer connections, once); CPU µs/req is the server's own user + system CPU over the run per answered request`;
  return [header, '', load, '', scaling, '', startup].join('\n');
}
