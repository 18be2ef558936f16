import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { compileSchemas, type SchemaSet } from '../../src/dialect/schemas.js';
import { AwsError } from './envelope.js';
import { MESSAGES } from './messages.js';

/**
 * Schema annotations: `x-sensitive` members never have their value echoed; `x-blob` members
 * are base64; `x-model-pattern` is the model's pattern text where JavaScript needed another spelling.
 */
const ANNOTATIONS = ['x-blob', 'x-member', 'x-model-pattern'];
const REDACTED = "'*** Sensitive Data Redacted ***'";

interface MemberSchema {
  'x-sensitive'?: boolean;
  'x-model-pattern'?: string;
  properties?: Record<string, MemberSchema>;
}

/** The schemas in `schemas/aws/`, by operation name, each compiled on first use. */
export function loadValidators(): SchemaSet {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
  ajv.addVocabulary(ANNOTATIONS);
  return compileSchemas('aws', ajv);
}

// AWS names members in lowerCamelCase and list items as `<list>.<1-based index>.member`.
function memberPath(instancePath: string, missing?: string): string {
  const segments = instancePath.split('/').slice(1);
  if (missing !== undefined) segments.push(missing);
  return segments
    .map((segment) => (/^\d+$/.test(segment) ? `${Number(segment) + 1}.member` : segment.charAt(0).toLowerCase() + segment.slice(1)))
    .join('.');
}

// AWS's Java frontend prints values with Java's toString: lists as [a, b].
function printValue(value: unknown): string {
  if (Array.isArray(value)) return `'[${value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ')}]'`;
  if (typeof value === 'object' && value !== null) return `'${JSON.stringify(value)}'`;
  return `'${String(value)}'`;
}

function constraintOf(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'Member must not be null';
    case 'minLength':
    case 'minItems':
      return `Member must have length greater than or equal to ${p.limit}`;
    case 'maxLength':
    case 'maxItems':
      return `Member must have length less than or equal to ${p.limit}`;
    case 'minimum':
      return `Member must have value greater than or equal to ${p.limit}`;
    case 'maximum':
      return `Member must have value less than or equal to ${p.limit}`;
    case 'pattern':
      return `Member must satisfy regular expression pattern: ${(error.parentSchema as MemberSchema)['x-model-pattern'] ?? p.pattern}`;
    case 'enum':
      return `Member must satisfy enum value set: [${(p.allowedValues as unknown[]).join(', ')}]`;
    default:
      return `Member must satisfy constraint: ${error.message ?? error.keyword}`;
  }
}

function describeError(error: ErrorObject): string {
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    return `Value null at '${memberPath(error.instancePath, missing)}' failed to satisfy constraint: ${constraintOf(error)}`;
  }
  const sensitive = (error.parentSchema as MemberSchema | undefined)?.['x-sensitive'] === true;
  const value = sensitive ? REDACTED : printValue(error.data);
  return `Value ${value} at '${memberPath(error.instancePath)}' failed to satisfy constraint: ${constraintOf(error)}`;
}

/** The ValidationException AWS's frontend sends for these constraint failures. */
export function validationError(descriptions: string[]): AwsError {
  const count = descriptions.length;
  return new AwsError(
    'ValidationException',
    `${count} validation error${count === 1 ? '' : 's'} detected: ${descriptions.join('; ')}`,
  );
}

/**
 * Checks an input against its operation's schema. A member of the wrong JSON type fails
 * deserialization before any constraint is looked at (SerializationException); constraint
 * failures are reported together in AWS's ValidationException wording.
 */
export function validateInput(validate: ValidateFunction, input: unknown): void {
  if (validate(input)) return;
  const errors = validate.errors ?? [];
  const typeError = errors.find((error) => error.keyword === 'type');
  if (typeError) throw new AwsError('SerializationException', MESSAGES.wrongType(memberPath(typeError.instancePath)));
  throw validationError(errors.map(describeError));
}
