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
import { describeExpectation, describeOutcome, meets } from './check.js';
import { CONFORM_ROTATION_LAMBDA } from './drivers/aws.js';
import { driverFor } from './drivers/index.js';
import { recordExchanges } from './exchange.js';
import type { Driver, Outcome } from './outcome.js';
import type { CloudStepResult, ConformResult, ScenarioResult, StepResult, TargetSummary } from './result.js';
import { CONFORM_CLOUDS, type ConformCloud, type Scenario, type Step } from './scenario.js';
import { driverTarget, targetSummary, type DriverTarget, type TargetSpec } from './targets.js';

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

/** Why a real cloud skips a step: only an emulator's clock can be moved. */
const NO_CLOCK = 'a real cloud has no clock to advance: this step and the ones after it need an emulator';

/** The config of a private, silent, in-memory polysecret on a free loopback port; AWS `rotate` steps rotate with its generic rotator. */
function privateConfig(): PolysecretConfig {
  const config: Record<string, unknown> = Object.fromEntries(SETTINGS.map((setting) => [setting.key, setting.fallback]));
  const rotationLambdas: Record<string, string> = { [CONFORM_ROTATION_LAMBDA]: 'polysecret:generic' };
  return { ...config, host: '127.0.0.1', port: 0, logLevel: 'silent', rotationLambdas } as PolysecretConfig;
}

/** Moves a polysecret's clock through its admin API, as a user of any running polysecret would. */
async function advanceClock(spec: Extract<TargetSpec, { kind: 'polysecret' }>, seconds: number): Promise<Outcome> {
  const response = await fetch(new URL('/_emulator/clock', spec.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(spec.adminToken ? { authorization: `Bearer ${spec.adminToken}` } : {}) },
    body: JSON.stringify({ advanceSeconds: seconds }),
  });
  await response.body?.cancel();
  return response.ok ? { ok: true } : { ok: false, errorClass: 'other', vendorCode: `HTTP ${response.status}`, notes: ['POST /_emulator/clock refused'] };
}

/** The step with its secret name carrying the run's prefix, so a shared account never sees a clash. */
function qualified<S extends Step>(step: S, prefix: string): S {
  return 'name' in step ? { ...step, name: prefix + step.name } : step;
}

/** The outcome in the scenario's own names: a list keeps only the run's secrets, without the prefix. */
function unqualified(outcome: Outcome, prefix: string): Outcome {
  if (!outcome.names) return outcome;
  return { ...outcome, names: outcome.names.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length)) };
}

/** One step through the driver, with the SDK's HTTP exchanges; a call that got no answer is an outcome too. */
async function performed(driver: Driver, step: Exclude<Step, { op: 'advanceClock' }>): Promise<{ value: Outcome; exchanges: CloudStepResult['exchanges'] }> {
  return recordExchanges(() =>
    driver.perform(step).catch((error: unknown): Outcome => ({ ok: false, errorClass: 'other', vendorCode: '(no answer)', notes: [(error as Error).message ?? String(error)] })),
  );
}

/** Runs one scenario's steps on one cloud, in order, through a fresh driver, then removes what it made. */
async function runOnCloud(scenario: Scenario, cloud: ConformCloud, spec: TargetSpec, target: DriverTarget, prefix: string, steps: StepResult[]): Promise<void> {
  const driver = await driverFor(cloud, target);
  let skipping: string | undefined;
  for (const [index, step] of scenario.steps.entries()) {
    if (step.clouds && !step.clouds.includes(cloud)) continue;
    if (step.op === 'advanceClock' && spec.kind === 'real') skipping = NO_CLOCK;
    const expected = describeExpectation(step.expect);
    if (skipping) {
      steps[index].results[cloud] = { expected, outcome: { ok: true }, actual: 'skipped', pass: true, skipped: skipping, exchanges: [] };
      continue;
    }
    const { value, exchanges } = step.op === 'advanceClock' && spec.kind === 'polysecret' ? { value: await advanceClock(spec, step.seconds), exchanges: [] } : await performed(driver, qualified(step as Exclude<Step, { op: 'advanceClock' }>, prefix));
    const outcome = unqualified(value, prefix);
    steps[index].results[cloud] = { expected, outcome, actual: describeOutcome(outcome), pass: meets(step.expect, outcome), exchanges };
  }
  const created = new Set(scenario.steps.flatMap((step) => (step.op === 'create' && (!step.clouds || step.clouds.includes(cloud)) ? [prefix + step.name] : [])));
  for (const name of created) await driver.remove(name);
}

/**
 * Runs every scenario on each of the clouds it names and returns the result matrix. A cloud without
 * a target goes to a private polysecret started for the run. Every secret name carries a prefix unique
 * to the run and the scenario, and whatever a scenario created is force-deleted after it on each cloud.
 * A step that fails does not stop its scenario: later steps still run, so one report shows every
 * difference. On a real cloud, an `advanceClock` step and the steps after it are skipped.
 *
 * @throws {@link TargetError} when a real target lacks its credentials; an Error when a cloud's SDK
 * is not installed or the private server cannot start.
 */
export async function conform(options: ConformOptions): Promise<ConformResult> {
  const startedAt = new Date().toISOString();
  const wanted = options.clouds ?? [...CONFORM_CLOUDS];
  const env = options.env ?? process.env;
  const run = randomBytes(3).toString('hex');
  const needsPrivate = wanted.some((cloud) => !options.targets?.[cloud]);
  // Resolved before anything starts, so a missing variable is reported before any secret is made.
  const resolved = wanted.map((cloud) => {
    const spec = options.targets?.[cloud] ?? { kind: 'polysecret', url: 'http://127.0.0.1' };
    return { cloud, spec, target: driverTarget(cloud, spec, env) };
  });
  let polysecret: Polysecret | undefined;
  const scenarios: ScenarioResult[] = [];
  const targets: Partial<Record<ConformCloud, TargetSummary>> = {};
  try {
    if (needsPrivate) {
      polysecret = createPolysecret(privateConfig());
      const url = await polysecret.start();
      for (const entry of resolved) {
        if (options.targets?.[entry.cloud]) continue;
        entry.spec = { kind: 'polysecret', url };
        entry.target = driverTarget(entry.cloud, entry.spec, env);
      }
    }
    for (const { cloud, spec, target } of resolved) targets[cloud] = targetSummary(spec, target);
    for (const [number, scenario] of options.scenarios.entries()) {
      const prefix = `conform-${run}-${number + 1}-`;
      const steps: StepResult[] = scenario.steps.map((step, index) => ({ index, step, results: {} }));
      const chosen = resolved.filter(({ cloud }) => (scenario.clouds ?? CONFORM_CLOUDS).includes(cloud));
      for (const { cloud, spec, target } of chosen) await runOnCloud(scenario, cloud, spec, target, prefix, steps);
      const pass = steps.every((step) => Object.values(step.results).every((result) => result.pass));
      scenarios.push({ scenario: scenario.name, ...(scenario.description ? { description: scenario.description } : {}), clouds: chosen.map(({ cloud }) => cloud), steps, pass });
    }
  } finally {
    await polysecret?.stop();
  }
  const all = scenarios.flatMap((scenario) => scenario.steps.flatMap((step) => Object.values(step.results)));
  const skipped = all.filter((result) => result.skipped).length;
  const failed = all.filter((result) => !result.pass).length;
  return { startedAt, targets, scenarios, pass: failed === 0, passed: all.length - failed - skipped, failed, skipped };
}
