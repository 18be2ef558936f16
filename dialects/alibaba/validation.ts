import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { compileSchemas, type SchemaSet } from '../../src/dialect/schemas.js';
import { AlibabaError, ERRORS } from './errors.js';

/** The schemas in `schemas/alibaba/`, by action name, each compiled on first use. */
export function loadValidators(): SchemaSet {
  return compileSchemas('alibaba', new Ajv({ allErrors: false, strict: true }));
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
