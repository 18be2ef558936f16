/** Secrets a scenario needs before it starts: small pools through the admin API, large stores on disk. */
import { SecretEngine } from '../src/core/engine.js';
import { randomIds, systemClock } from '../src/core/runtime.js';
import { LowdbStore } from '../src/store/lowdbStore.js';
import { awsPolicy } from '../dialects/aws/policy.js';
import { alibabaPolicy } from '../dialects/alibaba/policy.js';
import { tencentPolicy } from '../dialects/tencent/policy.js';
import type { Cloud } from '../src/core/model.js';
import { BENCH_ADMIN_TOKEN } from './wire.js';

/** The default namespace of each cloud, where every benchmark secret lives. */
export const DEFAULT_NAMESPACES: Record<Cloud, { account: string; region: string }> = {
  aws: { account: '000000000000', region: 'us-east-1' },
  alibaba: { account: '1234567890123456', region: 'cn-hangzhou' },
  tencent: { account: '100000000001', region: 'ap-guangzhou' },
};

/** A value of `bytes` printable characters. */
export const valueOf = (bytes: number): string => 'v'.repeat(bytes);

/** A seed document (the `/_emulator/seed` format) of `count` one-version secrets per cloud, the i-th named `nameOf(i)`. */
export function seedDocument(counts: Partial<Record<Cloud, number>>, nameOf: (i: number) => string, valueBytes: number): object {
  const document: Record<string, object> = {};
  for (const [cloud, count] of Object.entries(counts) as Array<[Cloud, number]>) {
    const { account, region } = DEFAULT_NAMESPACES[cloud];
    const secrets = Array.from({ length: count }, (_, i) => ({ name: nameOf(i), versions: [{ value: valueOf(valueBytes) }] }));
    document[cloud] = { [account]: { [region]: secrets } };
  }
  return document;
}

/** Loads a seed document into a running server. */
export async function seedServer(url: string, document: object): Promise<void> {
  // The token opens a strict server's admin API; a permissive one without a token ignores it.
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${BENCH_ADMIN_TOKEN}` };
  const response = await fetch(`${url}/_emulator/seed`, { method: 'POST', headers, body: JSON.stringify(document) });
  if (response.status !== 200) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
}

/**
 * Fills `dataDir` with `count` AWS secrets of `valueBytes`, named `<prefix><i>`, through the engine and
 * the lowdb store the server itself uses, so the files are exactly what it would have written.
 * Creates run in concurrent batches, which the store group-commits.
 */
export async function writeStore(dataDir: string, count: number, prefix: string, valueBytes: number): Promise<void> {
  const store = new LowdbStore(dataDir);
  const engine = new SecretEngine({
    store,
    clock: systemClock,
    ids: randomIds,
    policies: { aws: awsPolicy, alibaba: alibabaPolicy, tencent: tencentPolicy },
  });
  await engine.load();
  const ns = { cloud: 'aws' as const, ...DEFAULT_NAMESPACES.aws };
  const value = { type: 'string' as const, data: valueOf(valueBytes) };
  const batch = 5_000;
  for (let start = 0; start < count; start += batch) {
    const creates = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      creates.push(engine.create(ns, { name: `${prefix}${i}`, firstVersion: { id: randomIds.uuid(), value, labels: ['AWSCURRENT'] } }));
    }
    await Promise.all(creates);
  }
  // Folded into a snapshot now, so no checkpoint runs in the background of the measurements.
  await store.checkpointNow();
  await store.close();
}
