import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretEngine } from '../../src/core/engine.js';
import type { SecretRecord } from '../../src/core/model.js';
import { ManualClock, randomIds } from '../../src/core/runtime.js';
import { LowdbStore } from '../../src/store/lowdbStore.js';
import { alibabaPolicy } from '../../dialects/alibaba/policy.js';
import { awsPolicy } from '../../dialects/aws/policy.js';
import { tencentPolicy } from '../../dialects/tencent/policy.js';

/** Records as polysecret saved them before vendor state was typed: everything vendor-owned in `attributes`. */
const NOW = 1_764_000_000_000;
const DAY_MS = 86_400_000;

function legacy(cloud: SecretRecord['namespace']['cloud'], name: string, attributes: Record<string, string | number | boolean>): SecretRecord {
  return {
    key: `${cloud}-${name.replace('/', '-')}`,
    namespace: { cloud, account: cloud === 'aws' ? '111111111111' : cloud === 'alibaba' ? '1234567890123456' : '100000000001', region: 'r1' },
    name,
    resourceId: `${cloud}:${name}`,
    enabled: true,
    createdAt: NOW,
    changedAt: NOW,
    versions: [{ id: 'v1', value: { type: 'string', data: 'kept' }, labels: [], createdAt: NOW }],
    attributes,
  } as unknown as SecretRecord;
}

const LEGACY = [
  legacy('aws', 'typed', { type: 'text', owningService: 'rds' }),
  legacy('aws', 'replica', { primaryRegion: 'us-east-1' }),
  legacy('alibaba', 'plain', { secretType: 'Generic', dkmsInstanceId: 'kst-1' }),
  legacy('alibaba', 'rds/app', {
    secretType: 'Rds',
    extendedConfig: '{"SecretSubType":"SingleUser"}',
    automaticRotation: 'Enabled',
    rotationInterval: '604800s',
    nextRotationAt: NOW + 7 * DAY_MS,
    lastRotationAt: NOW,
  }),
  legacy('tencent', 'user', { secretType: 0, additionalConfig: '', encryptType: 1, resourceSuffix: 'abc' }),
  legacy('tencent', 'db', {
    secretType: 1,
    productName: 'Mysql',
    status: 'Creating',
    domains: '["%","10.0.0.%"]',
    flows: JSON.stringify([{ id: 7, kind: 'create', startedAt: NOW, doneAt: NOW + 1000 }]),
    rotationEnabled: true,
    rotationFrequency: 30,
    rotationBeginTime: '2025-11-24 00:00:00',
    nextRotationTime: Math.floor((NOW + DAY_MS) / 1000),
  }),
];

describe('records saved with untyped attributes', () => {
  let dir: string;
  let open: LowdbStore[];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polysecret-legacy-'));
    open = [];
    const writer = new LowdbStore(dir);
    await writer.loadAll();
    await writer.save(LEGACY);
    await writer.close();
  });

  afterEach(async () => {
    for (const store of open) await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function loaded(): Promise<SecretEngine> {
    const store = new LowdbStore(dir);
    open.push(store);
    const engine = new SecretEngine({ store, clock: new ManualClock(NOW), ids: randomIds, policies: { aws: awsPolicy, alibaba: alibabaPolicy, tencent: tencentPolicy } });
    await engine.load();
    return engine;
  }

  const find = (engine: SecretEngine, key: string) => engine.getByKey(key)!;

  it('are read back into each cloud\'s typed state, values and versions untouched', async () => {
    const engine = await loaded();
    expect(engine.all()).toHaveLength(LEGACY.length);
    for (const record of engine.all()) {
      expect(record).not.toHaveProperty('attributes');
      expect(record.versions).toEqual([{ id: 'v1', value: { type: 'string', data: 'kept' }, labels: [], createdAt: NOW }]);
    }
    expect(find(engine, 'aws-typed').aws).toEqual({ type: 'text', owningService: 'rds' });
    expect(find(engine, 'aws-replica').aws).toEqual({ primaryRegion: 'us-east-1' });
    expect(find(engine, 'alibaba-plain')).toMatchObject({ alibaba: { secretType: 'Generic', dkmsInstanceId: 'kst-1' } });
    expect(find(engine, 'alibaba-plain').rotation).toBeUndefined();
    expect(find(engine, 'alibaba-rds-app')).toMatchObject({
      alibaba: { secretType: 'Rds', extendedConfig: '{"SecretSubType":"SingleUser"}' },
      rotation: { enabled: true, intervalMs: 7 * DAY_MS, nextAt: NOW + 7 * DAY_MS, lastAt: NOW },
    });
    expect(find(engine, 'tencent-user').tencent).toEqual({ secretType: 0, additionalConfig: '', encryptType: 1, resourceSuffix: 'abc' });
    expect(find(engine, 'tencent-db')).toMatchObject({
      tencent: { secretType: 1, productName: 'Mysql', status: 'Creating', domains: ['%', '10.0.0.%'], flows: [{ id: 7, kind: 'create', startedAt: NOW, doneAt: NOW + 1000 }] },
      rotation: { enabled: true, intervalMs: 30 * DAY_MS, anchorAt: Date.parse('2025-11-24T00:00:00+08:00'), nextAt: Math.floor((NOW + DAY_MS) / 1000) * 1000 },
    });
  });

  it('are saved in the typed form with their next write', async () => {
    const engine = await loaded();
    await engine.update(find(engine, 'alibaba-plain'), (draft) => {
      draft.description = 'touched';
    });
    await open.pop()!.close();
    const again = await loaded();
    expect(find(again, 'alibaba-plain')).toMatchObject({ description: 'touched', alibaba: { secretType: 'Generic', dkmsInstanceId: 'kst-1' } });
  });
});
