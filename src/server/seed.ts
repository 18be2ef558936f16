import { readFile } from 'node:fs/promises';
import type { ValidateFunction } from 'ajv';
import type { SecretEngine } from '../core/engine.js';
import { isCoreError } from '../core/errors.js';
import { accountProblem, regionProblem } from '../core/namespaceRules.js';
import type { Cloud, Namespace, SecretRecord, SecretValue } from '../core/model.js';
import { addVersion } from '../core/versions.js';
import { rotationTargetProblem } from './config.js';
import { describeJsonError } from './jsonError.js';
import { InvalidYamlError, parseYaml } from './yamlText.js';

/** One version of a seeded secret: a text `value` or base64 `binary`, never both. */
export interface SeedVersion {
  id?: string;
  value?: string;
  binary?: string;
  labels?: string[];
}

/** One seeded secret; its versions are added in order, so the last one is current unless labels say otherwise. */
export interface SeedSecret {
  name: string;
  description?: string;
  tags?: Record<string, string>;
  versions: SeedVersion[];
}

/**
 * A seed document: cloud → account → region → secrets, and where AWS rotation functions run
 * (schemas/admin/seed.json).
 */
export type SeedDocument = Partial<Record<Cloud, Record<string, Record<string, SeedSecret[]>>>> & {
  rotationLambdas?: Record<string, string>;
};

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

/** Every secret of a document with its namespace and JSON path. */
function entries(doc: SeedDocument): { ns: Namespace; path: string; secret: SeedSecret }[] {
  const out: { ns: Namespace; path: string; secret: SeedSecret }[] = [];
  for (const cloud of ['aws', 'alibaba', 'tencent'] as const) {
    for (const [account, regions] of Object.entries(doc[cloud] ?? {})) {
      for (const [region, secrets] of Object.entries(regions)) {
        secrets.forEach((secret, i) => out.push({ ns: { cloud, account, region }, path: `/${cloud}/${account}/${region}/${i}`, secret }));
      }
    }
  }
  return out;
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

/** Every account and region key of a schema-valid document that is not one of its cloud's (README "Configuration"). */
function namespaceProblems(doc: SeedDocument): string[] {
  const problems: string[] = [];
  for (const cloud of ['aws', 'alibaba', 'tencent'] as const) {
    for (const [account, regions] of Object.entries(doc[cloud] ?? {})) {
      const badAccount = accountProblem(cloud, account);
      if (badAccount) problems.push(`/${cloud}/${account}: ${badAccount}`);
      for (const region of Object.keys(regions)) {
        const badRegion = regionProblem(cloud, region);
        if (badRegion) problems.push(`/${cloud}/${account}/${region}: ${badRegion}`);
      }
    }
  }
  return problems;
}

/**
 * Checks a document against the schema and each cloud's rules (accounts, regions, names, sizes,
 * labels, version caps) without changing anything; resolves to a list of problems, empty when it
 * can be loaded.
 */
export function checkSeed(doc: unknown, validate: ValidateFunction, engine: SecretEngine): string[] {
  if (!validate(doc)) return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`);
  const problems = namespaceProblems(doc as SeedDocument);
  for (const [arn, target] of Object.entries((doc as SeedDocument).rotationLambdas ?? {})) {
    const problem = rotationTargetProblem(arn, target);
    if (problem) problems.push(`/rotationLambdas/${arn}: ${problem}`);
  }
  const seen = new Set<string>();
  for (const { ns, path, secret } of entries(doc as SeedDocument)) {
    const id = `${ns.cloud}/${ns.account}/${ns.region}/${secret.name}`;
    if (seen.has(id)) problems.push(`${path}/name: secret ${secret.name} is declared twice in this region`);
    seen.add(id);
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
      problems.push(...error.problems);
    }
  }
  return problems;
}

/**
 * Loads a checked document: each secret replaces any secret of the same name in its namespace,
 * so seeding twice gives the same state. Resolves to how many secrets were written.
 */
export async function applySeed(engine: SecretEngine, doc: SeedDocument, rotationFunctions?: Map<string, string>): Promise<number> {
  for (const [arn, target] of Object.entries(doc.rotationLambdas ?? {})) rotationFunctions?.set(arn, target);
  const all = entries(doc);
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
  return all.length;
}

/** Checks then loads a document; refuses it whole with a {@link SeedError} if anything is wrong. */
export async function seed(engine: SecretEngine, validate: ValidateFunction, doc: unknown, rotationFunctions?: Map<string, string>): Promise<number> {
  const problems = checkSeed(doc, validate, engine);
  if (problems.length) throw new SeedError(problems);
  return applySeed(engine, doc as SeedDocument, rotationFunctions);
}

/**
 * Reads, checks and loads a seed file, JSON or YAML by its name ({@link seedFormatOf}); failures
 * name the file, then the JSON path or line and the reason.
 */
export async function seedFromFile(engine: SecretEngine, validate: ValidateFunction, path: string, rotationFunctions?: Map<string, string>): Promise<number> {
  try {
    return await seed(engine, validate, parseSeedText(await readFile(path, 'utf8'), seedFormatOf(path)), rotationFunctions);
  } catch (error) {
    // Read errors (ENOENT, EACCES) and SeedErrors alike: the file first, then what is wrong with it.
    throw new Error(`seed file ${path}: ${(error as Error).message}`);
  }
}
