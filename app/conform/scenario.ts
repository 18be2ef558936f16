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
export type ErrorClass = 'not-found' | 'exists' | 'invalid-state' | 'invalid-parameter' | 'limit-exceeded';

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
    | { op: 'create'; name: string; value: string; tags?: Record<string, string>; as?: string }
    | { op: 'put'; name: string; value: string; as?: string }
    | { op: 'read'; name: string; version?: string }
    | { op: 'describe' | 'restore'; name: string }
    | { op: 'list' }
    | { op: 'tag'; name: string; tags: Record<string, string> }
    | { op: 'untag'; name: string; keys: string[] }
    | { op: 'delete'; name: string; windowDays?: number; force?: true }
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

let validator: ValidateFunction<Scenario> | undefined;

/** The scenario schema, compiled once (strictRequired off: `oneOf` branches name members declared beside them). */
async function scenarioValidator(): Promise<ValidateFunction<Scenario>> {
  if (!validator) {
    const schema = JSON.parse(await readFile(join(packageRoot(), 'schemas', 'conform', 'scenario.json'), 'utf8')) as object;
    validator = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile<Scenario>(schema);
  }
  return validator;
}

/** ajv's errors as "path: reason" lines, without the `if`/`then` echoes that repeat the real problem. */
function problemsOf(errors: ErrorObject[]): string[] {
  return errors
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      const extra = error.keyword === 'additionalProperties' ? ` '${(error.params as { additionalProperty: string }).additionalProperty}'` : '';
      return `${error.instancePath || '/'}: ${error.message}${extra}`;
    });
}

/**
 * Checks a parsed document against the scenario schema, then what a schema cannot say: every
 * version a step reads or expects by alias was named by an earlier create or put.
 *
 * @throws {@link ScenarioError} listing every problem.
 */
export async function validateScenario(document: unknown, source = 'scenario'): Promise<Scenario> {
  const validate = await scenarioValidator();
  if (!validate(document)) throw new ScenarioError(source, problemsOf(validate.errors ?? []));
  const problems: string[] = [];
  const named = new Set<string>();
  document.steps.forEach((step, index) => {
    // A create or put names its version before its own expectation is checked.
    if ((step.op === 'create' || step.op === 'put') && step.as) named.add(step.as);
    const used = [step.op === 'read' ? step.version : undefined, step.expect?.current];
    for (const alias of used) {
      if (alias && alias !== 'current' && alias !== 'previous' && !named.has(alias)) problems.push(`/steps/${index}: version alias '${alias}' is not named by an earlier create or put`);
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

/** The scenarios that ship with polysecret (schemas/conform/scenarios, in the package and the image), by file name order. */
export async function builtinScenarios(): Promise<Scenario[]> {
  const dir = join(packageRoot(), 'schemas', 'conform', 'scenarios');
  const files = (await readdir(dir)).filter((name) => /\.(json|ya?ml)$/.test(name)).sort();
  return Promise.all(files.map((name) => loadScenarioFile(join(dir, name))));
}
