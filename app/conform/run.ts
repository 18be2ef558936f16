import { advanceClock, seedEverywhere, type PolysecretSpec } from './admin.js';
import { describeExpectation, describeOutcome, meets } from './check.js';
import { driverFor } from './drivers/index.js';
import { recordExchanges, type Exchange } from './exchange.js';
import type { Driver, DriverStep, Outcome } from './outcome.js';
import type { StepResult } from './result.js';
import { valueText, type ConformCloud, type Scenario, type Step } from './scenario.js';
import type { DriverTarget, TargetSpec } from './targets.js';

/** One cloud's side of a run: where its steps go. */
export interface Lane {
  cloud: ConformCloud;
  spec: TargetSpec;
  target: DriverTarget;
}

/** A lane during a scenario: its driver, and whether it has stopped at a step it cannot run. */
interface ActiveLane extends Lane {
  driver: Driver;
  skipping?: string;
}

interface Performed {
  value: Outcome;
  exchanges: Exchange[];
  durationMs: number;
}

/** Times a call that gives an outcome and its exchanges. */
async function timed(call: () => Promise<{ value: Outcome; exchanges: Exchange[] }>): Promise<Performed> {
  const started = performance.now();
  const done = await call();
  return { ...done, durationMs: Math.round((performance.now() - started) * 1000) / 1000 };
}

/** Why a real cloud skips a step: only an emulator's clock can be moved. */
const NO_CLOCK = 'a real cloud has no clock to advance: this step and the ones after it need an emulator';
const NO_SEED = 'a real cloud has no seed API: created through its SDK';

/** The step with its secret name carrying the run's prefix, so a shared account never sees a clash. */
function qualified<S extends Step>(step: S, prefix: string): S {
  return 'name' in step ? { ...step, name: prefix + step.name } : step;
}

/** The outcome in the scenario's own names: a list keeps only the run's secrets, without the prefix. */
function unqualified(outcome: Outcome, prefix: string): Outcome {
  if (!outcome.names) return outcome;
  return { ...outcome, names: outcome.names.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length)) };
}

/** One step through a driver, with the SDK's HTTP exchanges; a call that got no answer is an outcome too. */
function performed(driver: Driver, step: DriverStep): Promise<Performed> {
  return timed(() =>
    recordExchanges(() =>
      driver.perform(step).catch((error: unknown): Outcome => ({ ok: false, errorClass: 'other', vendorCode: '(no answer)', notes: [(error as Error).message ?? String(error)] })),
    ),
  );
}

/** The lanes on polysecret targets, grouped by server: a clock or a seed is one call per server. */
function byServer(lanes: ActiveLane[]): ActiveLane[][] {
  const groups = new Map<string, ActiveLane[]>();
  for (const lane of lanes) if (lane.spec.kind === 'polysecret') groups.set(lane.spec.url, [...(groups.get(lane.spec.url) ?? []), lane]);
  return [...groups.values()];
}

/**
 * Each lane's outcome of one step. `advanceClock` and `seed` act on a whole server at once (so a
 * clock moves once however many clouds share it, and a seed creates the secret in all of them in
 * one entry); on a real cloud a `seed` is an ordinary create through its SDK.
 */
async function outcomesOf(step: Step, lanes: ActiveLane[], prefix: string): Promise<Map<ConformCloud, Performed>> {
  const outcomes = new Map<ConformCloud, Performed>();
  if (step.op === 'advanceClock' || step.op === 'seed') {
    for (const group of byServer(lanes)) {
      const spec = group[0].spec as PolysecretSpec;
      const secret = step.op === 'seed' ? { name: prefix + step.name, value: valueText(step.value), ...(step.tags ? { tags: step.tags } : {}) } : undefined;
      const done = await timed(async () => ({
        value: secret ? await seedEverywhere(spec, group, secret) : await advanceClock(spec, (step as { seconds: number }).seconds),
        exchanges: [],
      }));
      for (const lane of group) outcomes.set(lane.cloud, done);
    }
    if (step.op === 'seed') {
      for (const lane of lanes.filter(({ spec }) => spec.kind === 'real')) {
        const created = await performed(lane.driver, qualified({ op: 'create', name: step.name, value: step.value, tags: step.tags }, prefix));
        outcomes.set(lane.cloud, { ...created, value: { ...created.value, notes: [NO_SEED, ...(created.value.notes ?? [])] } });
      }
    }
    return outcomes;
  }
  for (const lane of lanes) outcomes.set(lane.cloud, await performed(lane.driver, qualified(step, prefix)));
  return outcomes;
}

/** The secrets a scenario makes on a cloud, by their prefixed names: what is removed after it. */
function madeOn(scenario: Scenario, cloud: ConformCloud, prefix: string): Set<string> {
  const makes = scenario.steps.filter((step) => (step.op === 'create' || step.op === 'seed') && (!step.clouds || step.clouds.includes(cloud)));
  return new Set(makes.map((step) => prefix + (step as { name: string }).name));
}

/**
 * Runs a scenario step by step, each step on every lane it names before the next, then removes
 * what it made on each cloud. On a real cloud, an `advanceClock` step and the ones after it are
 * skipped (and pass): they need an emulator.
 */
export async function runScenario(scenario: Scenario, lanes: Lane[], prefix: string): Promise<StepResult[]> {
  const active: ActiveLane[] = [];
  for (const lane of lanes) active.push({ ...lane, driver: await driverFor(lane.cloud, lane.target) });
  const steps: StepResult[] = scenario.steps.map((step, index) => ({ index, step, results: {} }));
  for (const [index, step] of scenario.steps.entries()) {
    const mine = active.filter((lane) => !step.clouds || step.clouds.includes(lane.cloud));
    for (const lane of mine) if (step.op === 'advanceClock' && lane.spec.kind === 'real') lane.skipping ??= NO_CLOCK;
    const outcomes = await outcomesOf(step, mine.filter((lane) => !lane.skipping), prefix);
    const expected = describeExpectation(step.expect);
    for (const lane of mine) {
      if (lane.skipping) {
        steps[index].results[lane.cloud] = { expected, outcome: { ok: true }, actual: 'skipped', pass: true, skipped: lane.skipping, exchanges: [], durationMs: 0 };
        continue;
      }
      const { value, exchanges, durationMs } = outcomes.get(lane.cloud)!;
      const outcome = unqualified(value, prefix);
      steps[index].results[lane.cloud] = { expected, outcome, actual: describeOutcome(outcome), pass: meets(step.expect, outcome), exchanges, durationMs };
    }
  }
  for (const lane of active) for (const name of madeOn(scenario, lane.cloud, prefix)) await lane.driver.remove(name);
  return steps;
}
