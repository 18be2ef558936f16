import type { SecretRecord, SecretValue } from '../../src/core/model.js';
import type { AlibabaContext } from './context.js';
import { ERRORS } from './errors.js';
import type { Params } from './params.js';

/** The secret types KMS knows; all but Generic are managed (KMS generates and rotates their values). */
export const SECRET_TYPES = ['Generic', 'Rds', 'Redis', 'RAMCredentials', 'ECS', 'PolarDB'] as const;

/** What CreateSecret stores for a managed secret. */
export interface PreparedManagedSecret {
  name: string;
  value: SecretValue;
  attributes: Record<string, string | number | boolean>;
}

/**
 * Checks the managed-type parameters of CreateSecret (ExtendedConfig, rotation settings) and
 * produces the secret's first value; undefined for a Generic secret.
 */
export function prepareManagedSecret(params: Params, secretType: string, _name: string, _context: AlibabaContext): PreparedManagedSecret | undefined {
  if (!(SECRET_TYPES as readonly string[]).includes(secretType)) throw ERRORS.invalid('SecretType');
  if (secretType === 'Generic') {
    // Automatic rotation exists only for managed types [doc].
    if (params.bool('EnableAutomaticRotation', false)) throw ERRORS.invalid('EnableAutomaticRotation');
    return undefined;
  }
  throw ERRORS.unsupportedForType('CreateSecret', secretType);
}

/**
 * Rotates a managed secret whose automatic rotation is due on the emulator's clock, and
 * returns the secret as it now is; any other secret comes back unchanged.
 */
export async function rotateIfDue(_context: AlibabaContext, record: SecretRecord): Promise<SecretRecord> {
  return record;
}
