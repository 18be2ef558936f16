import { parseArgs } from 'node:util';
import { builtinScenarios, conform, loadScenarioFile, renderTable, ScenarioError, TargetError, type ConformResult, type TargetSpec } from './index.js';
import { renderJson, renderJunit, writeReports } from './report/index.js';
import { MissingSdkError } from './drivers/index.js';
import { CONFORM_CLOUDS, listBuiltinScenarios, type ConformCloud, type ScenarioSummary } from './scenario.js';
import { compareSnapshots, renderDivergences, writeSnapshots } from './snapshot.js';

/** Where the command writes, and what it reads real credentials from: the process's own, or a test's. */
export interface ConformIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** Exit codes: every expectation held; one did not (or a snapshot diverged); the command could not run as given. */
const EXIT = { pass: 0, fail: 1, usage: 2 } as const;

const USAGE = `Usage: polysecret conform [SCENARIO...] [options]

Runs portable scenarios through each cloud's official SDK and reports, step by step and cloud by
cloud, what each did. With no SCENARIO files it runs the built-in library.

  --list              print the built-in scenarios and exit
  --clouds LIST       the clouds to run on, comma-separated (default: aws,alibaba,tencent)
  --target CLOUD=URL  send CLOUD's steps to the polysecret at URL (repeatable; default: one started
                      in this process). With --real, URL replaces the vendor's endpoint instead
  --real LIST         run on the real services of these clouds, with each SDK's standard variables:
                      AWS's credential chain and AWS_REGION; ALIBABA_CLOUD_ACCESS_KEY_ID,
                      ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_REGION_ID;
                      TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY, TENCENTCLOUD_REGION
  --report DIR        write report.json, junit.xml and report.html into DIR
  --format FORMAT     what goes to stdout: table (default), json or junit
  --record DIR        store each cloud's outcomes, masked, as snapshots DIR/<scenario>/<cloud>.json
  --compare DIR       compare with the snapshots in DIR and list every divergence
  -h, --help          print this

POLYSECRET_ADMIN_TOKEN is sent to a --target polysecret's admin API (its clock) when set.
Exit status: 0 every expectation held, 1 one did not or a snapshot diverged, 2 a bad command line.`;

/** A command line the command cannot run with. */
class UsageError extends Error {}

function cloudList(text: string, flag: string): ConformCloud[] {
  const clouds = text.split(',').map((cloud) => cloud.trim()).filter(Boolean);
  const unknown = clouds.filter((cloud) => !(CONFORM_CLOUDS as readonly string[]).includes(cloud));
  if (clouds.length === 0 || unknown.length > 0) throw new UsageError(`${flag}: expected clouds among ${CONFORM_CLOUDS.join(', ')}, got '${text}'`);
  return clouds as ConformCloud[];
}

/** Each cloud's target from --target and --real; clouds named by neither go to the in-process polysecret. */
function targetsOf(targetFlags: string[], real: ConformCloud[], env: NodeJS.ProcessEnv): Partial<Record<ConformCloud, TargetSpec>> {
  const urls = new Map<ConformCloud, string>();
  for (const flag of targetFlags) {
    const equals = flag.indexOf('=');
    if (equals < 0) throw new UsageError(`--target: expected CLOUD=URL, got '${flag}'`);
    const [cloud] = cloudList(flag.slice(0, equals), '--target');
    urls.set(cloud, flag.slice(equals + 1));
  }
  const targets: Partial<Record<ConformCloud, TargetSpec>> = {};
  const adminToken = env.POLYSECRET_ADMIN_TOKEN || undefined;
  for (const [cloud, url] of urls) targets[cloud] = { kind: 'polysecret', url, ...(adminToken ? { adminToken } : {}) };
  for (const cloud of real) targets[cloud] = { kind: 'real', ...(urls.has(cloud) ? { endpoint: urls.get(cloud) } : {}) };
  return targets;
}

/** The built-in scenarios as a listing: name, clouds, step count, description. */
function listing(scenarios: ScenarioSummary[]): string {
  const width = Math.max(...scenarios.map((scenario) => scenario.name.length));
  const lines = scenarios.map((scenario) => `${scenario.name.padEnd(width)}  [${scenario.clouds.join(', ')}] ${scenario.steps} steps: ${scenario.description}`);
  return `${lines.join('\n')}\n`;
}

function rendered(result: ConformResult, format: string): string {
  if (format === 'json') return renderJson(result);
  if (format === 'junit') return renderJunit(result);
  return renderTable(result);
}

/**
 * `polysecret conform`: parses its command line, runs the scenarios, writes the reports and
 * snapshots asked for, and returns the exit status (it never exits the process itself).
 */
export async function conformCommand(argv: readonly string[], io: ConformIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        clouds: { type: 'string' },
        target: { type: 'string', multiple: true },
        real: { type: 'string' },
        report: { type: 'string' },
        format: { type: 'string', default: 'table' },
        record: { type: 'string' },
        compare: { type: 'string' },
      },
    });
    if (values.help) return (io.stdout(`${USAGE}\n`), EXIT.pass);
    if (!['table', 'json', 'junit'].includes(values.format)) throw new UsageError(`--format: expected table, json or junit, got '${values.format}'`);
    if (values.list) return (io.stdout(listing(await listBuiltinScenarios())), EXIT.pass);
    const clouds = values.clouds === undefined ? undefined : cloudList(values.clouds, '--clouds');
    const real = values.real === undefined ? [] : cloudList(values.real, '--real');
    const targets = targetsOf(values.target ?? [], real, io.env);
    const scenarios = positionals.length > 0 ? await Promise.all(positionals.map((path) => loadScenarioFile(path))) : await builtinScenarios();
    const result = await conform({ scenarios, clouds, targets, env: io.env });
    io.stdout(rendered(result, values.format));
    let pass = result.pass;
    if (values.report) {
      const paths = await writeReports(result, values.report);
      io.stderr(`polysecret conform: wrote ${[paths.json, paths.junit, paths.html].join(', ')}\n`);
    }
    // Compared before recording, so `--compare DIR --record DIR` checks the old snapshots, then replaces them.
    if (values.compare) {
      const comparison = await compareSnapshots(result, values.compare);
      io.stderr(renderDivergences(comparison));
      pass &&= comparison.divergences.length === 0;
    }
    if (values.record) {
      const paths = await writeSnapshots(result, values.record);
      io.stderr(`polysecret conform: recorded ${paths.length} snapshot${paths.length === 1 ? '' : 's'} in ${values.record}\n`);
    }
    return pass ? EXIT.pass : EXIT.fail;
  } catch (error) {
    const expected = error instanceof UsageError || error instanceof ScenarioError || error instanceof TargetError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const unable = error instanceof MissingSdkError || (error as NodeJS.ErrnoException).syscall !== undefined;
    if (!expected && !unable) throw error;
    io.stderr(`polysecret conform: ${(error as Error).message}\n${expected ? `\n${USAGE}\n` : ''}`);
    return EXIT.usage;
  }
}
