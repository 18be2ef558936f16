import type { ManualClock } from '../../src/core/runtime.js';
import type { SsmClientType } from './tencent.js';

/** Where the product-secret suites start: 2025-01-15 12:00:00 in Beijing (UTC+8), SSM's zone for date-time strings. */
export const PRODUCT_START = Date.UTC(2025, 0, 15, 4, 0, 0);

/** How long a creation or rotation flow runs on the emulator's clock. */
export const FLOW_MS = 1000;

/** `YYYY-MM-DD hh:mm:ss` in Beijing time, written independently of the dialect's formatter. */
export function beijing(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}

/** The version id a rotation at `ms` gets: `SSM_Rotate_YYYYMMDDhhmmss` in Beijing time. */
export function rotatedId(ms: number): string {
  return `SSM_Rotate_${beijing(ms).replace(/[- :]/g, '')}`;
}

/** A valid CreateProductSecret request (a MySQL account with nested privileges), with overrides. */
export function productSecretRequest(name: string, extra: Record<string, unknown> = {}) {
  return {
    SecretName: name,
    UserNamePrefix: 'app',
    ProductName: 'Mysql',
    InstanceID: 'cdb-1a2b3c4d',
    Domains: ['%', '10.0.0.%'],
    PrivilegesList: [
      { PrivilegeName: 'GlobalPrivileges', Privileges: ['SELECT', 'INSERT'] },
      { PrivilegeName: 'TablePrivileges', Privileges: ['SELECT'], Database: 'orders', TableName: 'items' },
    ],
    ...extra,
  };
}

/** Creates a product secret and lets its creation flow finish, so it is Enabled; returns the FlowID. */
export async function createReadyProductSecret(client: SsmClientType, clock: ManualClock, name: string, extra: Record<string, unknown> = {}): Promise<number> {
  const created = await client.CreateProductSecret(productSecretRequest(name, extra));
  clock.advance(FLOW_MS);
  return created.FlowID!;
}

/** The database credentials a product secret's live version holds. */
export async function currentCredentials(client: SsmClientType, name: string): Promise<{ UserName: string; Password: string }> {
  const read = await client.GetSecretValue({ SecretName: name, VersionId: 'SSM_Current' });
  return JSON.parse(read.SecretString!);
}
