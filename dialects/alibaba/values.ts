import type { SecretValue } from '../../src/core/model.js';
import { ERRORS } from './errors.js';
import type { Params } from './params.js';

/** Most bytes SecretData may hold [doc]. */
export const MAX_SECRET_DATA_BYTES = 30_720;

/** The SecretData of a request as a canonical value; `binary` data is kept as sent (base64 text). */
export function valueOf(params: Params): SecretValue {
  const data = params.required('SecretData');
  // [inf] The limit counts the parameter as sent, binary data included (the core would count it decoded).
  if (Buffer.byteLength(data, 'utf8') > MAX_SECRET_DATA_BYTES) {
    throw ERRORS.invalid('SecretData', `The data must be at most ${MAX_SECRET_DATA_BYTES} bytes.`);
  }
  const dataType = params.get('SecretDataType') ?? 'text';
  if (dataType !== 'text' && dataType !== 'binary') throw ERRORS.invalid('SecretDataType');
  return { type: dataType === 'binary' ? 'binary' : 'string', data };
}

/** The members KMS returns for a value. */
export function valueMembers(value: SecretValue | undefined): { SecretData?: string; SecretDataType?: string } {
  if (!value) return {};
  return { SecretData: value.data, SecretDataType: value.type === 'binary' ? 'binary' : 'text' };
}
