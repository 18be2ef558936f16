import { readFile, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { packageRoot } from '../../src/paths.js';

/** The clouds a scenario can run on. */
export const CONFORM_CLOUDS = ['aws', 'alibaba', 'tencent'] as const;
/** One of {@link CONFORM_CLOUDS}. */
export type ConformCloud = (typeof CONFORM_CLOUDS)[number];

/** The canonical classes a vendor error code falls in (schemas/conform/scenario.json, `expect.error`). */
export type ErrorClass = 'not-found' | 'exists' | 'invalid-state' | 'invalid-parameter' | 'limit-exceeded' | 'unsupported';

/** A secret value as a scenario writes it: the text, or a text repeated (schemas/conform/scenario.json, `value`). */
export type Value = string | { repeat: string; times: number };

/** The text a {@link Value} stands for. */
export function valueText(value: Value): string {
  return typeof value === 'string' ? value : value.repeat.repeat(value.times);
}

/** What a step must give; exactly one member is set (absent: the step must succeed). */
export interface Expectation {
  value?: string;
  current?: string;
  names?: string[];
  tags?: Record<string, string>;
  error?: ErrorClass;
}

/** Members every step may carry. */
interface StepBase {
  clouds?: ConformCloud[];
  note?: string;
  expect?: Expectation;
}

/** One canonical step; the schema's descriptions say what each does. */
export type Step = StepBase &
  (
    | { op: 'create'; name: string; value: Value; tags?: Record<string, string>; as?: string }
    | { op: 'seed'; name: string; value: Value; tags?: Record<string, string> }
    | { op: 'put'; name: string; value: Value; as?: string; reuse?: string }
    | { op: 'read'; name: string; version?: string }
    | { op: 'describe' | 'restore'; name: string }
    | { op: 'list'; pageSize?: number }
    | { op: 'tag'; name: string; tags: Record<string, string> }
    | { op: 'untag'; name: string; keys: string[] }
    | { op: 'delete'; name: string; windowDays?: number; force?: true }
    | { op: 'rotate'; name: string; as?: string }
    | { op: 'advanceClock'; seconds: number }
  );

/** A validated scenario. */
export interface Scenario {
  name: string;
  description?: string;
  clouds?: ConformCloud[];
  steps: Step[];
}

/** A scenario document that does not satisfy schemas/conform/scenario.json; `problems` are "JSON path: reason" lines. */
export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: invalid scenario: ${problems.join('; ')}`);
    this.name = 'ScenarioError';
  }
}

/** The scenario schema, compiled (strictRequired off: `oneOf` branches name members declared beside them). */
async function compileValidator(): Promise<ValidateFunction<Scenario>> {
  const schema = JSON.parse(await readFile(join(packageRoot(), 'schemas', 'conform', 'scenario.json'), 'utf8')) as object;
  return new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile<Scenario>(schema);
}

/** Compiled once, when the module loads: a constant, so no state is shared that could change. */
const SCENARIO_VALIDATOR = compileValidator();
// A failure surfaces where the validator is awaited, not as an unhandled rejection at import.
SCENARIO_VALIDATOR.catch(() => undefined);

/** ajv's errors as "path: reason" lines, without the `if`/`then` echoes that repeat the real problem. */
function problemsOf(errors: ErrorObject[]): string[] {
  return errors
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      const extra = error.keyword === 'additionalProperties' ? ` '${(error.params as { additionalProperty: string }).additionalProperty}'` : '';
      return `${error.instancePath || '/'}: ${error.message}${extra}`;
    });
}

/** The version aliases a step uses: the version it reads, reuses or expects current. */
function aliasesUsed(step: Step): Array<string | undefined> {
  return [step.op === 'read' ? step.version : undefined, step.op === 'put' ? step.reuse : undefined, step.expect?.current];
}

/**
 * Checks a parsed document against the scenario schema, then what a schema cannot say: every
 * version a step reads, reuses or expects by alias was named by an earlier create, put or rotate.
 *
 * @throws {@link ScenarioError} listing every problem.
 */
export async function validateScenario(document: unknown, source = 'scenario'): Promise<Scenario> {
  const validate = await SCENARIO_VALIDATOR;
  if (!validate(document)) throw new ScenarioError(source, problemsOf(validate.errors ?? []));
  const problems: string[] = [];
  const named = new Set<string>();
  document.steps.forEach((step, index) => {
    // A create, put or rotate names its version before its own expectation is checked.
    if ((step.op === 'create' || step.op === 'put' || step.op === 'rotate') && step.as) named.add(step.as);
    for (const alias of aliasesUsed(step)) {
      if (alias && alias !== 'current' && alias !== 'previous' && !named.has(alias)) problems.push(`/steps/${index}: version alias '${alias}' is not named by an earlier create, put or rotate`);
    }
  });
  if (problems.length > 0) throw new ScenarioError(source, problems);
  return document;
}

/** Parses scenario text, JSON or YAML (YAML is a superset, but JSON gets JSON's own error messages). */
export async function parseScenario(text: string, format: 'json' | 'yaml', source = 'scenario'): Promise<Scenario> {
  let document: unknown;
  try {
    document = format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ScenarioError(source, [`/: not ${format.toUpperCase()}: ${(error as Error).message}`]);
  }
  return validateScenario(document, source);
}

/** Reads and validates a scenario file; `.yaml`/`.yml` are YAML, anything else JSON. */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  const format = ['.yaml', '.yml'].includes(extname(path)) ? 'yaml' : 'json';
  return parseScenario(await readFile(path, 'utf8'), format, path);
}

/** The directory the built-in scenarios ship in (in the package and the image). */
const builtinDir = () => join(packageRoot(), 'schemas', 'conform', 'scenarios');

/** The built-in scenario files, by name order. */
async function builtinFiles(): Promise<string[]> {
  return (await readdir(builtinDir())).filter((name) => /\.(json|ya?ml)$/.test(name)).sort();
}

/** The scenarios that ship with polysecret (schemas/conform/scenarios), by file name order. */
export async function builtinScenarios(): Promise<Scenario[]> {
  return Promise.all((await builtinFiles()).map((name) => loadScenarioFile(join(builtinDir(), name))));
}

/** A built-in scenario in brief, as a listing of them shows it. */
export interface ScenarioSummary {
  name: string;
  /** The clouds it runs on (all three when the scenario names none). */
  clouds: ConformCloud[];
  /** Its description; every built-in scenario has one (a test makes sure). */
  description: string;
  /** How many steps it has. */
  steps: number;
  /** Its file name in schemas/conform/scenarios. */
  file: string;
}

/** The built-in scenarios in brief, by file name order: what `polysecret conform --list` prints. */
export async function listBuiltinScenarios(): Promise<ScenarioSummary[]> {
  const files = await builtinFiles();
  const scenarios = await Promise.all(files.map((name) => loadScenarioFile(join(builtinDir(), name))));
  return scenarios.map((scenario, index) => ({
    name: scenario.name,
    clouds: scenario.clouds ?? [...CONFORM_CLOUDS],
    description: scenario.description ?? '',
    steps: scenario.steps.length,
    file: files[index],
  }));
}
