/**
 * Cross-cloud conformance: portable scenarios (schemas/conform/scenario.json) run through each
 * cloud's official SDK against an in-process polysecret, with a result per scenario, step and cloud.
 *
 * @example
 * ```ts
 * import { conform, builtinScenarios, renderTable } from './app/conform/index.js';
 * const result = await conform({ scenarios: await builtinScenarios() });
 * console.log(renderTable(result));
 * ```
 */
import { randomBytes } from 'node:crypto';
import { createPolysecret, SETTINGS, type Polysecret, type PolysecretConfig } from '../index.js';
import { CONFORM_ROTATION_LAMBDA } from './drivers/aws.js';
import type { ConformResult, ScenarioResult, TargetSummary } from './result.js';
import { runScenario, type Lane } from './run.js';
import { CONFORM_CLOUDS, type ConformCloud, type Scenario } from './scenario.js';
import { driverTarget, targetSummary, type TargetSpec } from './targets.js';

export { builtinScenarios, listBuiltinScenarios, loadScenarioFile, parseScenario, validateScenario, ScenarioError, CONFORM_CLOUDS } from './scenario.js';
export type { ConformCloud, ErrorClass, Expectation, Scenario, ScenarioSummary, Step } from './scenario.js';
export type { Outcome } from './outcome.js';
export type { Exchange } from './exchange.js';
export type { CloudStepResult, ConformResult, ScenarioResult, StepResult, TargetSummary } from './result.js';
export { TargetError, type TargetSpec } from './targets.js';
export { renderTable } from './table.js';
export { renderHtml, renderJson, renderJunit, writeReports, type ReportPaths } from './report/index.js';
export { compareSnapshots, renderDivergences, snapshotsOf, writeSnapshots, type Comparison, type Divergence, type Snapshot } from './snapshot.js';

/** What {@link conform} runs, and where. */
export interface ConformOptions {
  /** Validated scenarios (parseScenario, loadScenarioFile, builtinScenarios). */
  scenarios: Scenario[];
  /** The clouds to run on; a scenario runs on those of them it names. All three by default. */
  clouds?: ConformCloud[];
  /** Where each cloud's steps go; a cloud without one goes to a private in-process polysecret. */
  targets?: Partial<Record<ConformCloud, TargetSpec>>;
  /** Where real targets' credentials and regions are read from; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
}

/** The config of a private, silent, in-memory polysecret on a free loopback port; AWS `rotate` steps rotate with its generic rotator. */
function privateConfig(): PolysecretConfig {
  const config: Record<string, unknown> = Object.fromEntries(SETTINGS.map((setting) => [setting.key, setting.fallback]));
  const rotationLambdas: Record<string, string> = { [CONFORM_ROTATION_LAMBDA]: 'polysecret:generic' };
  return { ...config, host: '127.0.0.1', port: 0, logLevel: 'silent', rotationLambdas } as PolysecretConfig;
}

/**
 * Runs every scenario on each of the clouds it names and returns the result matrix. A cloud without
 * a target goes to a private polysecret started for the run. Every secret name carries a prefix unique
 * to the run and the scenario, and whatever a scenario created is force-deleted after it on each cloud.
 * Each step runs on every cloud before the next step. A step that fails does not stop its scenario:
 * later steps still run, so one report shows every difference. On a real cloud, an `advanceClock`
 * step and the steps after it are skipped.
 *
 * @throws {@link TargetError} when a real target lacks its credentials; an Error when a cloud's SDK
 * is not installed or the private server cannot start.
 */
export async function conform(options: ConformOptions): Promise<ConformResult> {
  const startedAt = new Date().toISOString();
  const wanted = options.clouds ?? [...CONFORM_CLOUDS];
  const env = options.env ?? process.env;
  const run = randomBytes(3).toString('hex');
  const lane = (cloud: ConformCloud, spec: TargetSpec): Lane => ({ cloud, spec, target: driverTarget(cloud, spec, env) });
  // Given targets are resolved before anything starts, so a missing variable stops the run before any secret is made.
  const given = new Map(wanted.flatMap((cloud) => (options.targets?.[cloud] ? [[cloud, lane(cloud, options.targets[cloud])] as const] : [])));
  let polysecret: Polysecret | undefined;
  try {
    if (given.size < wanted.length) polysecret = createPolysecret(privateConfig());
    const url = await polysecret?.start();
    const lanes = wanted.map((cloud) => given.get(cloud) ?? lane(cloud, { kind: 'polysecret', url: url as string }));
    const targets: Partial<Record<ConformCloud, TargetSummary>> = Object.fromEntries(lanes.map(({ cloud, spec, target }) => [cloud, targetSummary(spec, target)]));
    const scenarios: ScenarioResult[] = [];
    for (const [number, scenario] of options.scenarios.entries()) {
      const prefix = `conform-${run}-${number + 1}-`;
      const chosen = lanes.filter(({ cloud }) => (scenario.clouds ?? CONFORM_CLOUDS).includes(cloud));
      const steps = await runScenario(scenario, chosen, prefix);
      const pass = steps.every((step) => Object.values(step.results).every((result) => result.pass));
      scenarios.push({ scenario: scenario.name, ...(scenario.description ? { description: scenario.description } : {}), clouds: chosen.map(({ cloud }) => cloud), steps, pass });
    }
    const all = scenarios.flatMap((scenario) => scenario.steps.flatMap((step) => Object.values(step.results)));
    const skipped = all.filter((result) => result.skipped).length;
    const failed = all.filter((result) => !result.pass).length;
    return { startedAt, targets, scenarios, pass: failed === 0, passed: all.length - failed - skipped, failed, skipped };
  } finally {
    await polysecret?.stop();
  }
}
