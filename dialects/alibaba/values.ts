import type { SecretValue } from '../../src/core/model.js';
import { checkValueSize } from '../../src/core/versions.js';
import { ERRORS } from './errors.js';
import { alibabaPolicy } from './policy.js';
import type { Params } from './params.js';

/** The SecretData of a request as a canonical value; `binary` data is kept as sent (base64 text). */
export function valueOf(params: Params): SecretValue {
  const data = params.required('SecretData');
  // Checked before the rest of the request, as KMS does; counted as the policy says (as sent).
  checkValueSize({ type: 'string', data }, alibabaPolicy);
  const dataType = params.get('SecretDataType') ?? 'text';
  if (dataType !== 'text' && dataType !== 'binary') throw ERRORS.invalid('SecretDataType');
  return { type: dataType === 'binary' ? 'binary' : 'string', data };
}

/** The members KMS returns for a value. */
export function valueMembers(value: SecretValue | undefined): { SecretData?: string; SecretDataType?: string } {
  if (!value) return {};
  return { SecretData: value.data, SecretDataType: value.type === 'binary' ? 'binary' : 'text' };
}
