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
import { createPolysecret, SETTINGS, type PolysecretConfig } from '../index.js';
import { describeExpectation, describeOutcome, meets } from './check.js';
import { driverFor } from './drivers/index.js';
import type { Outcome } from './outcome.js';
import { CONFORM_CLOUDS, type ConformCloud, type Scenario, type Step } from './scenario.js';

export { builtinScenarios, loadScenarioFile, parseScenario, validateScenario, ScenarioError, CONFORM_CLOUDS } from './scenario.js';
export type { ConformCloud, ErrorClass, Expectation, Scenario, Step } from './scenario.js';
export type { Outcome } from './outcome.js';
export { renderTable } from './table.js';

/** One step on one cloud. */
export interface CloudStepResult {
  /** The expectation, as text (`ok` when the step names none). */
  expected: string;
  outcome: Outcome;
  /** The outcome, as text: what a report shows beside `expected`. */
  actual: string;
  pass: boolean;
}

/** One step of a scenario, on every cloud it ran on; a cloud the step is limited away from is absent. */
export interface StepResult {
  index: number;
  step: Step;
  results: Partial<Record<ConformCloud, CloudStepResult>>;
}

/** One scenario: the clouds it ran on and each step's results. */
export interface ScenarioResult {
  scenario: string;
  clouds: ConformCloud[];
  steps: StepResult[];
  pass: boolean;
}

/** The result matrix of a conformance run. */
export interface ConformResult {
  scenarios: ScenarioResult[];
  /** Every step passed on every cloud it ran on. */
  pass: boolean;
  /** Step-on-cloud results that passed and failed. */
  passed: number;
  failed: number;
}

/** What {@link conform} runs. */
export interface ConformOptions {
  /** Validated scenarios (parseScenario, loadScenarioFile, builtinScenarios). */
  scenarios: Scenario[];
  /** The clouds to run on; a scenario runs on those of them it names. All three by default. */
  clouds?: ConformCloud[];
}

/** The config of a private, silent, in-memory polysecret on a free loopback port. */
function privateConfig(): PolysecretConfig {
  const config: Record<string, unknown> = Object.fromEntries(SETTINGS.map((setting) => [setting.key, setting.fallback]));
  return { ...config, host: '127.0.0.1', port: 0, logLevel: 'silent' } as PolysecretConfig;
}

/** Moves the server's clock through the admin API, as a user of any running polysecret would. */
async function advanceClock(url: string, seconds: number): Promise<Outcome> {
  const response = await fetch(new URL('/_emulator/clock', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceSeconds: seconds }),
  });
  await response.body?.cancel();
  return response.ok ? { ok: true } : { ok: false, errorClass: 'other', vendorCode: `HTTP ${response.status}` };
}

/** Runs one scenario's steps on one cloud, in order, through a fresh driver. */
async function runOnCloud(scenario: Scenario, cloud: ConformCloud, url: string, steps: StepResult[]): Promise<void> {
  const driver = await driverFor(cloud, url);
  for (const [index, step] of scenario.steps.entries()) {
    if (step.clouds && !step.clouds.includes(cloud)) continue;
    const outcome = step.op === 'advanceClock' ? await advanceClock(url, step.seconds) : await driver.perform(step);
    steps[index].results[cloud] = {
      expected: describeExpectation(step.expect),
      outcome,
      actual: describeOutcome(outcome),
      pass: meets(step.expect, outcome),
    };
  }
}

/**
 * Starts a private polysecret, runs every scenario on each of the clouds it names (in-memory state
 * wiped before each scenario), stops the server and returns the result matrix. A step that fails
 * does not stop its scenario: later steps still run, so one report shows every difference.
 *
 * @throws when a cloud's SDK is not installed, or the server cannot start.
 */
export async function conform(options: ConformOptions): Promise<ConformResult> {
  const wanted = options.clouds ?? [...CONFORM_CLOUDS];
  const polysecret = createPolysecret(privateConfig());
  const url = await polysecret.start();
  const scenarios: ScenarioResult[] = [];
  try {
    for (const scenario of options.scenarios) {
      const clouds = CONFORM_CLOUDS.filter((cloud) => wanted.includes(cloud) && (scenario.clouds ?? CONFORM_CLOUDS).includes(cloud));
      const steps: StepResult[] = scenario.steps.map((step, index) => ({ index, step, results: {} }));
      await polysecret.engine.reset();
      for (const cloud of clouds) await runOnCloud(scenario, cloud, url, steps);
      const pass = steps.every((step) => Object.values(step.results).every((result) => result.pass));
      scenarios.push({ scenario: scenario.name, clouds, steps, pass });
    }
  } finally {
    await polysecret.stop();
  }
  const all = scenarios.flatMap((scenario) => scenario.steps.flatMap((step) => Object.values(step.results)));
  const passed = all.filter((result) => result.pass).length;
  return { scenarios, pass: passed === all.length, passed, failed: all.length - passed };
}
