/** Command-line options of `npm run bench`. */

/** How hard and how long each scenario runs. */
export interface BenchOptions {
  /** Every scenario briefly, for a CI smoke run; no numbers worth quoting. */
  quick: boolean;
  /** Keep-alive connections of every scenario. */
  connections: number;
  /** Connection counts at which the reads and one write run again, as latency-bound clients (SDK tests). */
  fewConnections: number[];
  /** Measured seconds per scenario. */
  durationS: number;
  /** Unmeasured seconds before each scenario. */
  warmupS: number;
  /** Store sizes for the scaling scenarios. */
  storeSizes: number[];
  /** Where the JSON results go; by default bench/results/full.json or quick.json. */
  out: string;
  /** Only scenarios whose name contains one of these (all when empty). */
  only: string[];
}

const USAGE = `Usage: npm run bench -- [options]
  --quick                every scenario for 1 s after 0.5 s of warm-up (CI smoke; numbers not meaningful)
  --connections N        concurrent keep-alive connections (default 32)
  --few-connections A,B  the reads and the AWS write again at each of these (default 1,4)
  --duration S           measured seconds per scenario (default 10)
  --warmup S             warm-up seconds per scenario (default 2)
  --sizes A,B,C          store sizes for the scaling and start-up scenarios (default 1000,10000,100000)
  --only NAME[,NAME]     run only scenarios whose name contains one of these
  --out FILE             JSON results file (default bench/results/full.json, or quick.json with --quick)`;

function positive(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (!value || !Number.isFinite(number) || number <= 0) throw new Error(`${flag} needs a positive number, got ${value ?? 'nothing'}`);
  return number;
}

/** A comma-separated list of positive whole numbers (`1,4`). */
function positiveWholeNumbers(flag: string, value: string | undefined): number[] {
  return (value?.split(',') ?? [undefined]).map((item) => Math.round(positive(flag, item)));
}

/** Parses argv; throws with the usage text on anything unknown. */
export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  const options: BenchOptions = {
    quick: false,
    connections: 32,
    fewConnections: [1, 4],
    durationS: 10,
    warmupS: 2,
    storeSizes: [1_000, 10_000, 100_000],
    out: '',
    only: [],
  };
  let explicitTiming = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--help':
        return 'help';
      case '--quick':
        options.quick = true;
        continue;
      case '--connections':
        options.connections = Math.round(positive(flag, value));
        break;
      case '--duration':
        options.durationS = positive(flag, value);
        explicitTiming = true;
        break;
      case '--warmup':
        options.warmupS = positive(flag, value);
        explicitTiming = true;
        break;
      case '--few-connections':
        options.fewConnections = positiveWholeNumbers(flag, value);
        break;
      case '--sizes':
        options.storeSizes = positiveWholeNumbers(flag, value);
        break;
      case '--only':
        options.only = (value ?? '').split(',').filter(Boolean);
        break;
      case '--out':
        if (!value) throw new Error(`--out needs a file\n${USAGE}`);
        options.out = value;
        break;
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
    i++;
  }
  if (options.quick && !explicitTiming) Object.assign(options, { durationS: 1, warmupS: 0.5 });
  options.out ||= `bench/results/${options.quick ? 'quick' : 'full'}.json`;
  return options;
}

export { USAGE };
