import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ajv, ValidateFunction } from 'ajv';
import { packageRoot } from '../paths.js';

/** One operation's request schema, as written and as compiled. */
export interface OperationSchema {
  schema: Record<string, unknown>;
  validate: ValidateFunction;
}

/** The compiled schemas of one cloud, by operation name. */
export interface SchemaSet {
  /** Every operation with a schema file. */
  readonly operations: readonly string[];
  get(operation: string): OperationSchema | undefined;
  /** Every member some schema marks `x-sensitive` (it carries a secret value), read on first call. */
  sensitiveMembers(): string[];
}

/** The annotation a schema puts on a member that carries a secret value: never echoed, never logged. */
export const SENSITIVE = 'x-sensitive';

/** The names of the members marked sensitive in a schema, at any depth. */
function sensitiveIn(schema: unknown, found: Set<string>): void {
  if (typeof schema !== 'object' || schema === null) return;
  const { properties, items } = schema as { properties?: Record<string, unknown>; items?: unknown };
  for (const [name, member] of Object.entries(properties ?? {})) {
    if ((member as Record<string, unknown>)[SENSITIVE] === true) found.add(name);
    sensitiveIn(member, found);
  }
  sensitiveIn(items, found);
}

/**
 * The schemas in `schemas/<cloud>/<Operation>.json`, each read and compiled with the dialect's ajv
 * the first time its operation is called: compiling all of them up front took most of start-up.
 * (test/schemas compiles every one, so a broken schema still fails the tests, not a user's call.)
 */
export function compileSchemas(cloud: string, ajv: Ajv): SchemaSet {
  if (!ajv.getKeyword(SENSITIVE)) ajv.addVocabulary([SENSITIVE]);
  const dir = join(packageRoot(), 'schemas', cloud);
  const read = (operation: string) => JSON.parse(readFileSync(join(dir, `${operation}.json`), 'utf8')) as Record<string, unknown>;
  const operations = new Set(readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)));
  const compiled = new Map<string, OperationSchema>();
  return {
    operations: [...operations],
    get(operation) {
      if (!operations.has(operation)) return undefined;
      let entry = compiled.get(operation);
      if (!entry) {
        const schema = read(operation);
        entry = { schema, validate: ajv.compile(schema) };
        compiled.set(operation, entry);
      }
      return entry;
    },
    sensitiveMembers() {
      const found = new Set<string>();
      for (const operation of operations) sensitiveIn(read(operation), found);
      return [...found];
    },
  };
}
