import type { SecretRecord } from '../../src/core/model.js';

/** KMS's fixed stage labels. */
export const ACS_CURRENT = 'ACSCurrent';
export const ACS_PREVIOUS = 'ACSPrevious';

/** The secret types KMS knows; all but Generic are managed (KMS generates and rotates their values). */
export const SECRET_TYPES = ['Generic', 'Rds', 'Redis', 'RAMCredentials', 'ECS', 'PolarDB'] as const;

/** The secret type (`Generic` unless created otherwise). */
export function secretTypeOf(record: SecretRecord): string {
  return record.alibaba?.secretType ?? 'Generic';
}

/** True for a managed secret: KMS generates and rotates its values. */
export function isManaged(record: SecretRecord): boolean {
  return secretTypeOf(record) !== 'Generic';
}
