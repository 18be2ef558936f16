import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { schemaDir } from '../../src/paths.js';
import { AlibabaError, ERRORS } from './errors.js';

/** Compiles every schema in `schemas/alibaba/` once, keyed by action name. */
export function loadValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ allErrors: false, strict: true });
  const validators = new Map<string, ValidateFunction>();
  const dir = schemaDir('alibaba');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    validators.set(file.slice(0, -'.json'.length), ajv.compile(JSON.parse(readFileSync(join(dir, file), 'utf8'))));
  }
  return validators;
}

function toAlibabaError(error: ErrorObject): AlibabaError {
  if (error.keyword === 'required') return ERRORS.missing(String((error.params as { missingProperty: string }).missingProperty));
  return ERRORS.invalid(error.instancePath.split('/')[1] ?? '');
}

/**
 * Checks an action's parameters against its schema. KMS reports the first problem only:
 * a missing parameter as `Missing<Name>`, anything else as InvalidParameter naming it.
 */
export function validateParams(validate: ValidateFunction, params: Record<string, string>): void {
  if (validate(params)) return;
  throw toAlibabaError((validate.errors ?? [])[0]);
}
