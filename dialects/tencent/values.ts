import type { SecretValue } from '../../src/core/model.js';
import { ERRORS } from './errors.js';

/** The value members of a write request. */
export interface ValueInput {
  SecretString?: string;
  SecretBinary?: string;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Exactly one of SecretString / SecretBinary (base64) as a canonical value [inf: both or neither is InvalidParameterValue]. */
export function readValue(input: ValueInput): SecretValue {
  const hasString = input.SecretString !== undefined && input.SecretString !== '';
  const hasBinary = input.SecretBinary !== undefined && input.SecretBinary !== '';
  if (hasString === hasBinary) {
    throw ERRORS.invalidValue('SecretString', 'exactly one of SecretString and SecretBinary must be given.', 'SecretString 与 SecretBinary 必须且只能提供一个。');
  }
  if (hasBinary) {
    if (!BASE64.test(input.SecretBinary!)) throw ERRORS.invalidValue('SecretBinary', 'it must be base64 encoded.', '须为 base64 编码。');
    return { type: 'binary', data: input.SecretBinary! };
  }
  return { type: 'string', data: input.SecretString! };
}

/** Longest description, in bytes [sdk]. */
const MAX_DESCRIPTION_BYTES = 2048;

/** Refuses a description over 2048 bytes (UTF-8; the schema's maxLength counts characters). */
export function checkDescription(description: string | undefined): void {
  if (description !== undefined && Buffer.byteLength(description, 'utf8') > MAX_DESCRIPTION_BYTES) {
    throw ERRORS.descriptionTooLong(MAX_DESCRIPTION_BYTES);
  }
}
