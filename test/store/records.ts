import type { SecretRecord } from '../../src/core/model.js';

/** A minimal AWS record for store tests, named by its key; `fields` override or add to it. */
export function storeRecord(key: string, fields: Partial<SecretRecord> = {}): SecretRecord {
  return {
    key,
    namespace: { cloud: 'aws', account: '1', region: 'r' },
    name: key,
    resourceId: `id-${key}`,
    enabled: true,
    createdAt: 1,
    changedAt: 1,
    versions: [],
    ...fields,
  };
}
