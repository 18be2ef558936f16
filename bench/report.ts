/** The benchmark's results: the JSON file's shape and the terminal table. */
import { cpus, totalmem, type } from 'node:os';
import type { LoadResult } from './load.js';
import type { BenchOptions } from './options.js';

/** One measured scenario, with its ratio to the bare server of the same run. */
export interface ScenarioResult extends LoadResult {
  name: string;
  title: string;
  ratioToBare: number;
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

/** Everything one run measured. */
export interface BenchResults {
  date: string;
  mode: 'quick' | 'full';
  machine: { cpus: number; cpuModel: string; memoryGiB: number; os: string; node: string };
  settings: { connections: number; durationS: number; warmupS: number; valueBytes: number };
  /** The mean of the bare server's runs; `runsPerSecond` lists each. */
  bare: LoadResult & { responseBytes: number; runsPerSecond: number[] };
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
    settings: { connections: options.connections, durationS: options.durationS, warmupS: options.warmupS, valueBytes },
  };
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
  const load = table(
    ['scenario', 'req/s', 'vs bare', 'p50 ms', 'p99 ms', 'errors', 'RSS MiB'],
    [
      ['bare node:http server (ceiling, mean)', fixed(bare.requestsPerSecond), '100%', fixed(bare.p50Ms, 1), fixed(bare.p99Ms, 1), String(bare.errors), ''],
      ...results.scenarios.map((s) => [
        s.title,
        fixed(s.requestsPerSecond),
        `${fixed(100 * s.ratioToBare)}%`,
        fixed(s.p50Ms, 1),
        fixed(s.p99Ms, 1),
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
    `${settings.connections} connections, ${settings.warmupS} s warm-up + ${settings.durationS} s per scenario, ${settings.valueBytes}-byte values, ` +
    `bare server answering ${bare.responseBytes} bytes (mean of ${bare.runsPerSecond.map((rate) => fixed(rate)).join(' and ')} req/s, measured before and after the in-memory scenarios)`;
  return [header, '', load, '', scaling, '', startup].join('\n');
}
