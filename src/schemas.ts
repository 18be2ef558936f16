import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ajv, ValidateFunction } from 'ajv';
import { packageRoot } from './paths.js';

/** One operation's request schema, as written and as compiled. */
export interface OperationSchema {
  schema: Record<string, unknown>;
  validate: ValidateFunction;
}

/** Compiles every `schemas/<cloud>/<Operation>.json` once with the dialect's ajv, keyed by operation name. */
export function compileSchemas(cloud: string, ajv: Ajv): Map<string, OperationSchema> {
  const dir = join(packageRoot(), 'schemas', cloud);
  const compiled = new Map<string, OperationSchema>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    compiled.set(file.slice(0, -'.json'.length), { schema, validate: ajv.compile(schema) });
  }
  return compiled;
}
