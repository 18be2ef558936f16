import type { SecretValue, Tag } from '../../src/core/model.js';
import { AwsError } from './envelope.js';
import { MESSAGES } from './messages.js';
import { awsPolicy } from './policy.js';
import { validationError } from './validation.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The value members of a write request. */
export interface ValueInput {
  SecretString?: string;
  SecretBinary?: string;
  ClientRequestToken?: string;
}

/** Reads SecretString/SecretBinary into a canonical value; undefined when neither is given. */
export function readValue(input: ValueInput): SecretValue | undefined {
  if (input.SecretString !== undefined && input.SecretBinary !== undefined) {
    throw new AwsError('InvalidParameterException', MESSAGES.bothValues);
  }
  if (input.SecretString !== undefined) {
    if (Buffer.byteLength(input.SecretString, 'utf8') > awsPolicy.values.maxBytes) throw valueTooLong('secretString');
    return { type: 'string', data: input.SecretString };
  }
  if (input.SecretBinary !== undefined) {
    // A blob that is not base64 cannot be deserialized.
    if (!BASE64.test(input.SecretBinary)) throw new AwsError('SerializationException', MESSAGES.wrongType('secretBinary'));
    const bytes = Buffer.from(input.SecretBinary, 'base64').length;
    if (bytes < 1 || bytes > awsPolicy.values.maxBytes) throw valueTooLong('secretBinary', bytes < 1);
    return { type: 'binary', data: input.SecretBinary };
  }
  return undefined;
}

/** AWS's ValidationException for a value outside 1 to 65536 bytes, the value itself redacted [rec]. */
export function valueTooLong(member: string, tooShort = false): AwsError {
  const constraint = tooShort ? 'greater than or equal to 1' : `less than or equal to ${awsPolicy.values.maxBytes}`;
  return validationError([
    `Value '*** Sensitive Data Redacted ***' at '${member}' failed to satisfy constraint: Member must have length ${constraint}`,
  ]);
}

/** Raw API callers must send the token the SDKs generate for every new version [rec]. */
export function requireToken(input: ValueInput): string {
  if (input.ClientRequestToken === undefined) throw new AwsError('InvalidRequestException', MESSAGES.tokenRequired);
  return input.ClientRequestToken;
}

/** Request tags as the core keeps them (a repeated key is merged by the core, the later value winning). */
export function tagsOf(tags: Array<{ Key?: string; Value?: string }>): Tag[] {
  return tags.map((tag) => ({ key: tag.Key ?? '', value: tag.Value ?? '' }));
}
