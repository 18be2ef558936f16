import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { compileSchemas, type SchemaSet } from '../../src/dialect/schemas.js';
import { ERRORS, type TencentError } from './errors.js';

/** The part of a JSON Schema the string coercion reads. */
interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

/** The schemas in `schemas/tencent/`, by action name, each compiled on first use. */
export function loadSchemas(): SchemaSet {
  return compileSchemas('tencent', new Ajv({ allErrors: true, strict: true }));
}

const TRUE = new Set(['true', 'True', 'TRUE', '1']);
const FALSE = new Set(['false', 'False', 'FALSE', '0']);

/**
 * Converts string values of a flattened request (form or query) to the schema's types: the
 * older signature methods send every value as a string (`Limit=5`, `Node true`, Python `True`).
 * A value that does not convert is left as it is, for validation to report.
 */
export function coerce(schema: SchemaNode, value: unknown): unknown {
  if (schema.type === 'integer' && typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  if (schema.type === 'number' && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (schema.type === 'boolean' && typeof value === 'string') return TRUE.has(value) ? true : FALSE.has(value) ? false : value;
  if (schema.type === 'array' && Array.isArray(value) && schema.items) return value.map((item) => coerce(schema.items!, item));
  if (schema.type === 'object' && typeof value === 'object' && value !== null && !Array.isArray(value) && schema.properties) {
    return Object.fromEntries(
      Object.entries(value).map(([key, member]) => [key, Object.hasOwn(schema.properties!, key) ? coerce(schema.properties![key], member) : member]),
    );
  }
  return value;
}

// Tencent names nested members with dots and 0-based indexes: Tags.0.TagKey.
function memberName(instancePath: string, child?: string): string {
  return [...instancePath.split('/').slice(1), ...(child === undefined ? [] : [child])].join('.');
}

// The gateway checks unknown names, then missing ones, then types, then values [inf: consistent with every SDK's behaviour].
const PRIORITY = ['additionalProperties', 'required', 'type'];

function toTencentError(error: ErrorObject): TencentError {
  const params = error.params as Record<string, string>;
  switch (error.keyword) {
    case 'additionalProperties':
      return ERRORS.unknownParameter(memberName(error.instancePath, params.additionalProperty));
    case 'required':
      return ERRORS.missingParameter(memberName(error.instancePath, params.missingProperty));
    case 'type':
      return ERRORS.wrongType(memberName(error.instancePath));
    default:
      return ERRORS.invalidValue(memberName(error.instancePath), `${error.message ?? error.keyword}.`, `不满足约束（${error.keyword}）。`);
  }
}

/** Validates an action's input, throwing the first error in the gateway's order. */
export function validateInput(validate: ValidateFunction, input: unknown): void {
  if (validate(input)) return;
  const errors = [...(validate.errors ?? [])];
  const rank = (error: ErrorObject) => {
    const index = PRIORITY.indexOf(error.keyword);
    return index < 0 ? PRIORITY.length : index;
  };
  errors.sort((a, b) => rank(a) - rank(b));
  throw toTencentError(errors[0]);
}
