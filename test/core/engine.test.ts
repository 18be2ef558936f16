import { SecretEngine } from '../../src/core/engine.js';
import { ManualClock, randomIds } from '../../src/core/runtime.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { awsPolicy } from '../../dialects/aws/policy.js';
import type { SecretStore } from '../../src/core/store.js';

const ns = { cloud: 'aws' as const, account: '111111111111', region: 'us-east-1' };

function engineOn(store: SecretStore, clock = new ManualClock(1_700_000_000_000)) {
  return new SecretEngine({ store, clock, ids: randomIds, policies: { aws: awsPolicy, alibaba: awsPolicy, tencent: awsPolicy } });
}

describe('SecretEngine', () => {
  it('creates, finds by name and resource id, and refuses a taken name', async () => {
    const engine = engineOn(new MemoryStore());
    const record = await engine.create(ns, { name: 'db', firstVersion: { id: 'v1', value: { type: 'string', data: 's' } } });
    expect(record.resourceId).toMatch(/^arn:aws:secretsmanager:us-east-1:111111111111:secret:db-[A-Za-z0-9]{6}$/);
    expect(engine.get(ns, 'db')?.key).toBe(record.key);
    expect(engine.getByResourceId(record.resourceId)?.name).toBe('db');
    expect(engine.get({ ...ns, region: 'eu-west-1' }, 'db')).toBeUndefined();
    await expect(engine.create(ns, { name: 'db' })).rejects.toMatchObject({ kind: 'AlreadyExists', reason: 'secret-exists' });
  });

  it("refuses a name outside the cloud's pattern", async () => {
    const engine = engineOn(new MemoryStore());
    await expect(engine.create(ns, { name: 'bad name' })).rejects.toMatchObject({ kind: 'InvalidParameter', reason: 'invalid-name' });
  });

  it('applies an update all-or-nothing', async () => {
    const engine = engineOn(new MemoryStore());
    const record = await engine.create(ns, { name: 'db', description: 'before' });
    await expect(
      engine.update(record, (draft) => {
        draft.description = 'changed';
        throw new Error('rule broken');
      }),
    ).rejects.toThrow('rule broken');
    expect(engine.get(ns, 'db')?.description).toBe('before');
  });

  it('keeps creation order through updates', async () => {
    const engine = engineOn(new MemoryStore());
    const first = await engine.create(ns, { name: 'a' });
    await engine.create(ns, { name: 'b' });
    await engine.update(first, (draft) => {
      draft.description = 'x';
    });
    expect(engine.list(ns).map((r) => r.name)).toEqual(['a', 'b']);
  });

  it('hides and purges a secret once its deletion window has passed', async () => {
    const clock = new ManualClock(1_000);
    const store = new MemoryStore();
    const engine = engineOn(store, clock);
    const record = await engine.create(ns, { name: 'gone' });
    await engine.update(record, (draft, now) => {
      draft.deletion = { requestedAt: now, purgeAt: now + 500 };
    });
    expect(engine.get(ns, 'gone')?.deletion).toBeDefined();
    clock.advance(500);
    expect(engine.get(ns, 'gone')).toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await store.loadAll()).toEqual([]);
    await expect(engine.create(ns, { name: 'gone' })).resolves.toMatchObject({ name: 'gone' });
  });

  it('brings back every saved change from the store, as after a restart', async () => {
    const store = new MemoryStore();
    const engine = engineOn(store);
    const record = await engine.create(ns, { name: 'kept', tags: [{ key: '__proto__', value: 'x' }] });
    await engine.update(record, (draft) => {
      draft.description = 'after';
    });
    const restarted = engineOn(store);
    await restarted.load();
    expect(restarted.get(ns, 'kept')).toMatchObject({ description: 'after', tags: [{ key: '__proto__', value: 'x' }] });
  });

  it('reset forgets everything in memory and in the store', async () => {
    const store = new MemoryStore();
    const engine = engineOn(store);
    await engine.create(ns, { name: 'a' });
    await engine.reset();
    expect(engine.list(ns)).toEqual([]);
    expect(await store.loadAll()).toEqual([]);
  });
});
