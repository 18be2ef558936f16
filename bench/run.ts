/**
 * `npm run bench`: polysecret's throughput, latency, scaling and start-up, each next to a bare
 * node:http server measured in the same run. See the README's Performance section.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, type LoadResult } from './load.js';
import { parseOptions, USAGE, type BenchOptions } from './options.js';
import { seedDocument, seedServer, writeStore } from './population.js';
import { startBareServer, startPolysecret, type RunningProcess } from './processes.js';
import { describeRun, renderTables, withRatiosToBare, type BareAtConnections, type BenchResults, type ScenarioResult, type StartupResult } from './report.js';
import {
  atFewConnections,
  awsCallScenarios,
  FEW_CONNECTIONS_WRITE,
  poolSizes,
  POOL_PREFIX,
  READ_SECRET,
  readScenarios,
  strictScenarios,
  VALUE_BYTES,
  writeScenarios,
  type Scenario,
} from './scenarios.js';
import { awsRequest, credentialsDocument } from './wire.js';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(DIST, '..');
/**
 * Requests per second a write pool is sized for, so no secret reaches its cloud's version cap: twice
 * the fastest write rate measured here (about 15,000), as a short run's warm-up can be faster than
 * its average.
 */
const MAX_WRITE_RATE = 30_000;

class Bench {
  private readonly work = mkdtempSync(join(tmpdir(), 'polysecret-bench-'));
  /** The bare server's runs; their mean is the ceiling every ratio is taken against. */
  private readonly bareRuns: LoadResult[] = [];
  /** The bare server once at each of the few-connection counts. */
  readonly bareAtFewConnections: BareAtConnections[] = [];
  private responseBytes = 0;
  readonly scenarios: ScenarioResult[] = [];
  readonly startup: StartupResult[] = [];
  private logs = 0;

  constructor(readonly options: BenchOptions) {}

  wanted(name: string): boolean {
    return this.options.only.length === 0 || this.options.only.some((part) => name.includes(part));
  }

  anyWanted(scenarios: Scenario[]): boolean {
    return scenarios.some((scenario) => this.wanted(scenario.name));
  }

  /** The mean of the bare server's runs (measured before and after the in-memory scenarios, as this machine drifts). */
  bareResult(): BenchResults['bare'] {
    const runs = this.bareRuns;
    if (runs.length === 0) throw new Error('the bare server was not measured');
    const mean = (pick: (run: LoadResult) => number) => runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
    return {
      requestsPerSecond: mean((run) => run.requestsPerSecond),
      p50Ms: mean((run) => run.p50Ms),
      p99Ms: mean((run) => run.p99Ms),
      cpuUsPerRequest: mean((run) => run.cpuUsPerRequest),
      cpuUserUsPerRequest: mean((run) => run.cpuUserUsPerRequest),
      cpuSystemUsPerRequest: mean((run) => run.cpuSystemUsPerRequest),
      errors: runs.reduce((sum, run) => sum + run.errors, 0),
      total: runs.reduce((sum, run) => sum + run.total, 0),
      errorSamples: runs.flatMap((run) => run.errorSamples),
      responseBytes: this.responseBytes,
      runsPerSecond: runs.map((run) => run.requestsPerSecond),
    };
  }

  get maxWrites(): number {
    return MAX_WRITE_RATE * (this.options.durationS + this.options.warmupS);
  }

  path(name: string): string {
    return join(this.work, name);
  }

  start(flags: string[]): Promise<RunningProcess> {
    return startPolysecret(DIST, flags, this.path(`polysecret-${this.logs++}.log`));
  }

  /**
   * Measures the bare server answering as many bytes as polysecret's AWS GetSecretValue does, to the
   * same request; then at each of `fewConnections`.
   */
  async measureBare(polysecretUrl: string, fewConnections: readonly number[]): Promise<void> {
    const request = awsRequest(new URL(polysecretUrl).host, 'GetSecretValue', { SecretId: READ_SECRET });
    const response = await fetch(polysecretUrl, { method: 'POST', headers: request.headers, body: request.body });
    this.responseBytes = (await response.arrayBuffer()).byteLength;
    const bare = await startBareServer(DIST, this.responseBytes, this.path('bare.log'));
    try {
      // The same request as the AWS read, so both servers parse as many bytes as they send.
      const source = awsRequest(new URL(bare.url).host, 'GetSecretValue', { SecretId: READ_SECRET });
      const measureAt = (connections: number) => measure({ url: bare.url, connections, durationS: this.options.durationS, source }, this.options.warmupS, bare.cpuTime);
      const result = await measureAt(this.options.connections);
      this.bareRuns.push(result);
      console.log(`bare server: ${result.requestsPerSecond.toFixed(0)} req/s, ${result.cpuUsPerRequest.toFixed(1)} CPU µs/req (${this.responseBytes}-byte answers)`);
      for (const connections of fewConnections) {
        const few = await measureAt(connections);
        this.bareAtFewConnections.push({ ...few, connections });
        console.log(`bare-c${connections}: ${few.requestsPerSecond.toFixed(0)} req/s, ${few.cpuUsPerRequest.toFixed(1)} CPU µs/req`);
      }
    } finally {
      await bare.stop();
    }
  }

  async run(server: RunningProcess, scenarios: Scenario[]): Promise<void> {
    for (const scenario of scenarios.filter((s) => this.wanted(s.name))) {
      const host = new URL(server.url).host;
      const source = scenario.source(host);
      const connections = scenario.connections ?? this.options.connections;
      const result = await measure(
        { url: server.url, connections, durationS: this.options.durationS, source, bodyIsError: scenario.bodyIsError },
        this.options.warmupS,
        server.cpuTime,
      );
      // Ratios to the bare server once all its runs are in (see withRatiosToBare).
      this.scenarios.push({ ...result, name: scenario.name, title: scenario.title, connections, ratioToBare: NaN, cpuRatioToBare: NaN, rssAfterMiB: server.rssMiB() });
      console.log(
        `${scenario.name}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms.toFixed(2)} ms, ${result.cpuUsPerRequest.toFixed(1)} CPU µs/req, ${result.errors} errors`,
      );
      for (const sample of result.errorSamples) console.log(`  failed: ${sample}`);
    }
  }

  /** Starts a server `runs` times after an unmeasured start (stopping all but the last) and records the median start-up. */
  async timedStart(name: string, secrets: number, flags: string[], runs: number): Promise<RunningProcess> {
    // The first start of a run also pays for cold file caches; users start the same files over and over.
    await (await this.start(flags)).stop();
    const runsMs: number[] = [];
    for (;;) {
      const server = await this.start(flags);
      runsMs.push(server.startupMs);
      if (runsMs.length === runs) {
        const sorted = [...runsMs].sort((a, b) => a - b);
        await new Promise((done) => setTimeout(done, 200));
        this.startup.push({ name, secrets, startupMs: sorted[Math.floor(sorted.length / 2)], runsMs, rssIdleMiB: server.rssMiB() });
        console.log(`start-up ${name}: ${runsMs.map((ms) => ms.toFixed(0)).join(' / ')} ms`);
        return server;
      }
      await server.stop();
    }
  }

  cleanUp(): void {
    rmSync(this.work, { recursive: true, force: true });
  }
}

const poolName = (i: number) => `${POOL_PREFIX}${i}`;

/** Secrets per seed request, well inside the admin API's body limit. */
const SEED_BATCH = 10_000;

/** Seeds the secret every read scenario reads, in each cloud. */
function seedReadSecrets(url: string): Promise<void> {
  return seedServer(url, seedDocument({ aws: 1, alibaba: 1, tencent: 1 }, () => READ_SECRET, VALUE_BYTES));
}

/** Seeds the secrets the write scenarios spread their versions over. */
async function seedPools(url: string, pools: ReturnType<typeof poolSizes>): Promise<void> {
  for (const [cloud, size] of Object.entries(pools)) {
    for (let start = 0; start < size; start += SEED_BATCH) {
      const count = Math.min(SEED_BATCH, size - start);
      await seedServer(url, seedDocument({ [cloud]: count }, (i) => poolName(start + i), VALUE_BYTES));
    }
  }
}

async function inMemory(bench: Bench): Promise<void> {
  const pools = poolSizes(bench.maxWrites);
  const server = await bench.timedStart('empty store, in memory', 0, [], 5);
  try {
    const few = bench.options.fewConnections;
    await seedReadSecrets(server.url);
    await bench.measureBare(server.url, few);
    // Reads first, on a small store (the scaling scenarios read from large ones).
    await bench.run(server, [...readScenarios(), ...atFewConnections(readScenarios(), few)]);
    await seedPools(server.url, pools);
    const writes = writeScenarios('memory', pools);
    const fewWrites = atFewConnections(writes.filter((write) => write.name === FEW_CONNECTIONS_WRITE), few);
    await bench.run(server, [...writes, ...fewWrites, ...awsCallScenarios(pools.aws + 1)]);
    // The second bare run only for the mean at --connections: the fewer counts are measured once.
    await bench.measureBare(server.url, []);
  } finally {
    await server.stop();
  }
}

async function durable(bench: Bench): Promise<void> {
  const pools = poolSizes(bench.maxWrites);
  if (!bench.anyWanted(writeScenarios('data dir', pools))) return;
  const server = await bench.timedStart('empty store, data dir', 0, ['--data-dir', bench.path('data-empty')], 3);
  try {
    await seedPools(server.url, pools);
    await bench.run(server, writeScenarios('data dir', pools));
  } finally {
    await server.stop();
  }
}

async function strict(bench: Bench): Promise<void> {
  if (!bench.anyWanted(strictScenarios())) return;
  const credentials = bench.path('credentials.json');
  writeFileSync(credentials, JSON.stringify(credentialsDocument()));
  const server = await bench.start(['--auth', 'strict', '--credentials', credentials]);
  try {
    await seedReadSecrets(server.url);
    await bench.run(server, strictScenarios());
  } finally {
    await server.stop();
  }
}

/** The read and durable-write scenarios over stores of each size, with start-up from each. */
async function scaling(bench: Bench): Promise<void> {
  for (const size of bench.options.storeSizes) {
    if (!bench.wanted(`-${size}`)) continue;
    const dataDir = bench.path(`data-${size}`);
    const started = performance.now();
    await writeStore(dataDir, size, POOL_PREFIX, VALUE_BYTES);
    console.log(`wrote ${size} secrets in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const server = await bench.timedStart(`${size} secrets on disk`, size, ['--data-dir', dataDir], 3);
    try {
      await seedReadSecrets(server.url);
      // The same pool at every size, so each write touches a secret with as many versions at every size.
      const pools = { ...poolSizes(bench.maxWrites), aws: Math.min(...bench.options.storeSizes) };
      const [read] = readScenarios();
      const [write] = writeScenarios('data dir', pools);
      await bench.run(server, [
        { ...read, name: `${read.name}-${size}`, title: `${read.title}, ${size} secrets stored` },
        { ...write, name: `put-aws-data-dir-${size}`, title: `${write.title}, ${size} secrets stored` },
      ]);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

function scalingRatios(results: ScenarioResult[], sizes: number[]): BenchResults['scaling'] {
  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  return ['get-aws', 'put-aws-data-dir'].flatMap((base) => {
    const low = results.find((r) => r.name === `${base}-${smallest}`);
    const high = results.find((r) => r.name === `${base}-${largest}`);
    if (!low || !high || smallest === largest) return [];
    return [{ scenario: `${base} (${smallest} → ${largest} secrets)`, smallest: low.requestsPerSecond, largest: high.requestsPerSecond, ratio: high.requestsPerSecond / low.requestsPerSecond }];
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const bench = new Bench(options);
  try {
    await inMemory(bench);
    await durable(bench);
    await strict(bench);
    await scaling(bench);
  } finally {
    bench.cleanUp();
  }
  const bare = bench.bareResult();
  const bareRuns = [{ ...bare, connections: options.connections }, ...bench.bareAtFewConnections];
  const results: BenchResults = {
    ...describeRun(options, VALUE_BYTES),
    bare,
    bareAtFewConnections: bench.bareAtFewConnections,
    scenarios: withRatiosToBare(bench.scenarios, bareRuns),
    scaling: scalingRatios(bench.scenarios, options.storeSizes),
    startup: bench.startup,
  };
  const out = resolve(ROOT, options.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${renderTables(results)}\n\nresults: ${out}`);
  // Timings never fail a run. Failed requests fail a full run, whose numbers they would make wrong; a
  // quick run (CI's smoke test of the harness, on a machine doing other work) only reports them.
  const failed = results.scenarios.filter((scenario) => scenario.errors > 0);
  if (failed.length > 0) {
    console.error(`bench: requests failed in ${failed.map((scenario) => `${scenario.name} (${scenario.errorSamples.join('; ')})`).join(', ')}`);
    if (!options.quick) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
