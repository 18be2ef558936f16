import type { Exchange } from './exchange.js';
import type { Outcome } from './outcome.js';
import type { ConformCloud, Step } from './scenario.js';

/** One step on one cloud. */
export interface CloudStepResult {
  /** The expectation, as text (`ok` when the step names none). */
  expected: string;
  outcome: Outcome;
  /** The outcome, as text: what a report shows beside `expected`. */
  actual: string;
  /** The expectation held, or the step was skipped. */
  pass: boolean;
  /** Why the step did not run on this target (a real cloud has no emulator clock); a skipped step passes. */
  skipped?: string;
  /** Every HTTP request the cloud's SDK made for the step, with its answer. */
  exchanges: Exchange[];
  /** How long the step took on this cloud, in milliseconds (0 when skipped; a shared clock or seed call counts for each cloud it served). */
  durationMs: number;
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
  description?: string;
  clouds: ConformCloud[];
  steps: StepResult[];
  pass: boolean;
}

/** Where one cloud's steps went. */
export interface TargetSummary {
  /** `polysecret`: an emulator (in-process or at a URL); `real`: the vendor's service (or an endpoint standing in for it). */
  kind: 'polysecret' | 'real';
  /** The endpoint URL; absent where the SDK chose the vendor's own. */
  endpoint?: string;
}

/** The result matrix of a conformance run. */
export interface ConformResult {
  /** When the run started (ISO 8601). */
  startedAt: string;
  targets: Partial<Record<ConformCloud, TargetSummary>>;
  scenarios: ScenarioResult[];
  /** Every step passed (or was skipped) on every cloud it ran on. */
  pass: boolean;
  /** Step-on-cloud results that passed (skipped ones excluded), failed and were skipped. */
  passed: number;
  failed: number;
  skipped: number;
}
