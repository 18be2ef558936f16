import { readFile } from 'node:fs/promises';
import type { ValidateFunction } from 'ajv';
import type { SecretEngine } from '../core/engine.js';
import { isCoreError } from '../core/errors.js';
import type { SecretRecord, SecretValue } from '../core/model.js';
import { addVersion } from '../core/versions.js';
import { rotationTargetProblem } from './config.js';
import { applySeedFaults, seedFaultProblems, type SeedFaults } from './faults/seed.js';
import { describeJsonError } from './jsonError.js';
import { namespaceProblems, seedEntries, type DefaultNamespaces, type SeedDocument, type SeedVersion } from './seedDocument.js';
import { InvalidYamlError, parseYaml } from './yamlText.js';

/** What seeding checks against and writes into. */
export interface SeedContext {
  engine: SecretEngine;
  /** The compiled schemas/admin/seed.json. */
  validate: ValidateFunction;
  /** Where a multi-cloud secret is written in each cloud unless it names a namespace. */
  defaults: DefaultNamespaces;
  /** Where AWS rotation functions run; a seed's `rotationLambdas` add to it. */
  rotationFunctions?: Map<string, string>;
  /** Where a seed's `faults` rules are checked and added (README "Fault injection"). */
  faults?: SeedFaults;
}

/** A seed document that was refused; `problems` are "JSON path: reason" lines without secret values. */
export class SeedError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'SeedError';
  }
}

/** The two notations a seed document can be written in; JSON is the default. */
export type SeedFormat = 'json' | 'yaml';

/** The notation of a seed file, from its name: `.yaml`/`.yml` are YAML, anything else JSON. */
export function seedFormatOf(path: string): SeedFormat {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'json';
}

/**
 * Parses seed text; a syntax error is reported with its line and column, never with the text
 * around it. JSON is read by JSON.parse even though YAML is a superset, so JSON files keep
 * JSON's own error messages.
 */
export function parseSeedText(text: string, format: SeedFormat = 'json'): unknown {
  if (format === 'yaml') {
    try {
      return parseYaml(text);
    } catch (error) {
      if (!(error instanceof InvalidYamlError)) throw error;
      throw new SeedError([`invalid YAML${error.line === undefined ? ':' : ' at'} ${error.message}`]);
    }
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new SeedError([`invalid JSON at ${describeJsonError(text)}`]);
  }
}

function valueOf(version: SeedVersion): SecretValue {
  return version.binary !== undefined ? { type: 'binary', data: version.binary } : { type: 'string', data: version.value ?? '' };
}


/** Adds a secret's versions to a record, naming the failing version's path if one is refused. */
function addVersions(record: SecretRecord, engine: SecretEngine, path: string, versions: SeedVersion[], ids: string[], now: number): void {
  const policy = engine.policyFor(record.namespace.cloud);
  versions.forEach((version, i) => {
    try {
      addVersion(record, policy, { id: ids[i], value: valueOf(version), labels: version.labels, now });
    } catch (error) {
      if (!isCoreError(error)) throw error;
      throw new SeedError([`${path}/versions/${i}: ${explain(error.reason, error.details)}`]);
    }
  });
}

/** A core refusal as text: its reason and the details it names (ids, limits; never values). */
function explain(reason: string, details: Record<string, string>): string {
  const extra = Object.entries(details).map(([k, v]) => `${k} ${v}`);
  return extra.length ? `${reason} (${extra.join(', ')})` : reason;
}

/**
 * Checks a document against the schema and each cloud's rules (accounts, regions, names, sizes,
 * labels, version caps) without changing anything; resolves to a list of problems, empty when it
 * can be loaded.
 */
export function checkSeed(doc: unknown, { validate, engine, defaults, faults }: SeedContext): string[] {
  if (!validate(doc)) return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`);
  const problems = [...namespaceProblems(doc as SeedDocument), ...seedFaultProblems(doc, faults)];
  for (const [arn, target] of Object.entries((doc as SeedDocument).rotationLambdas ?? {})) {
    const problem = rotationTargetProblem(arn, target);
    if (problem) problems.push(`/rotationLambdas/${arn}: ${problem}`);
  }
  const seen = new Set<string>();
  for (const { ns, path, secret, multiCloud } of seedEntries(doc as SeedDocument, defaults)) {
    const where = `${ns.cloud}/${ns.account}/${ns.region}`;
    if (seen.has(`${where}/${secret.name}`)) problems.push(`${path}/name: secret ${secret.name} is declared twice in ${where}`);
    seen.add(`${where}/${secret.name}`);
    if (!engine.policyFor(ns.cloud).namePattern.test(secret.name)) problems.push(`${path}/name: not a valid ${ns.cloud} secret name`);
    secret.versions.forEach((v, i) => {
      if ((v.value === undefined) === (v.binary === undefined)) problems.push(`${path}/versions/${i}: needs exactly one of value (text) or binary (base64)`);
    });
    const scratch = { namespace: ns, versions: [] as SecretRecord['versions'] } as SecretRecord;
    const ids = secret.versions.map((v, i) => v.id ?? `seed-${i}`);
    try {
      addVersions(scratch, engine, path, secret.versions, ids, 0);
    } catch (error) {
      if (!(error instanceof SeedError)) throw error;
      // One declaration, several clouds: say whose limits or labels refused the version.
      problems.push(...error.problems.map((problem) => (multiCloud ? `${problem} for ${ns.cloud}` : problem)));
    }
  }
  // A multi-cloud secret's cloud-independent problems (value and binary) are found once per cloud.
  return [...new Set(problems)];
}

/**
 * Loads a checked document: each secret replaces any secret of the same name in its namespace,
 * so seeding twice gives the same state. Resolves to how many secrets were written (a multi-cloud
 * secret counts once per cloud).
 */
export async function applySeed({ engine, defaults, rotationFunctions, faults }: SeedContext, doc: SeedDocument): Promise<number> {
  for (const [arn, target] of Object.entries(doc.rotationLambdas ?? {})) rotationFunctions?.set(arn, target);
  const all = seedEntries(doc, defaults);
  for (const { ns, path, secret } of all) {
    const existing = engine.get(ns, secret.name);
    if (existing) await engine.purge(existing);
    const policy = engine.policyFor(ns.cloud);
    const ids = secret.versions.map((v, i) => v.id ?? policy.seedVersionId(i, engine.ids));
    // What the cloud's own CreateSecret gives a plain secret, so seeded ones read back the same.
    const plain = policy.plainSecret(engine.ids);
    const created = await engine.create(ns, {
      ...plain,
      name: secret.name,
      description: secret.description ?? plain.description,
      tags: secret.tags && Object.entries(secret.tags).map(([key, value]) => ({ key, value })),
    });
    await engine.update(created, (draft, now) => addVersions(draft, engine, path, secret.versions, ids, now));
  }
  applySeedFaults(doc, faults);
  return all.length;
}

/** Checks then loads a document; refuses it whole with a {@link SeedError} if anything is wrong. */
export async function seed(context: SeedContext, doc: unknown): Promise<number> {
  const problems = checkSeed(doc, context);
  if (problems.length) throw new SeedError(problems);
  return applySeed(context, doc as SeedDocument);
}

/**
 * Reads, checks and loads a seed file, JSON or YAML by its name ({@link seedFormatOf}); failures
 * name the file, then the JSON path or line and the reason.
 */
export async function seedFromFile(context: SeedContext, path: string): Promise<number> {
  try {
    return await seed(context, parseSeedText(await readFile(path, 'utf8'), seedFormatOf(path)));
  } catch (error) {
    // Read errors (ENOENT, EACCES) and SeedErrors alike: the file first, then what is wrong with it.
    throw new Error(`seed file ${path}: ${(error as Error).message}`);
  }
}
