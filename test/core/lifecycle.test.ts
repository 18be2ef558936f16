import { SecretEngine } from '../../src/core/engine.js';
import { SecretLifecycle } from '../../src/core/lifecycle.js';
import type { SecretRecord } from '../../src/core/model.js';
import type { CloudPolicy } from '../../src/core/policy.js';
import { ManualClock, randomIds } from '../../src/core/runtime.js';
import { MemoryStore } from '../../src/store/memoryStore.js';

const DAY_MS = 86_400_000;
const START = 1_764_000_000_000;
const ns = { cloud: 'aws' as const, account: 'a', region: 'r' };
const text = (data: string) => ({ type: 'string' as const, data });

/** A cloud with labels, a 3-version cap and a rotation model, whose rules each test varies. */
function policyWith(overrides: Partial<CloudPolicy> = {}): CloudPolicy {
  return {
    cloud: 'aws',
    namePattern: /^[a-z-]+$/,
    labels: { current: 'CUR', previous: 'PREV', maxPerVersion: 3, clearedFromOldCurrent: ['PEND'], moveOnly: ['CUR'], moveNamesOldHolder: false },
    versions: { max: 3, atCap: 'refuse', minAgeBeforePurgeMs: 0, repeatIsIdempotent: true, valuesRewritable: false },
    values: { maxBytes: 8, binaryCountedAs: 'decoded' },
    deletion: { defaultWindowDays: 30, minWindowDays: 7, maxWindowDays: 30, whenScheduled: 'refuse', cancelUnscheduled: 'succeed', restoresDisabled: false },
    tags: { maxPerSecret: 2, unchangedTagsTouch: false },
    rotation: {
      rotates: () => true,
      nextAfter: (schedule, at) => at + (schedule.intervalMs ?? 0),
      manualRestartsSchedule: false,
      newVersion: (_record, now) => ({ value: text(`r${(now - START) / DAY_MS}`), id: `rot-${(now - START) / DAY_MS}` }),
      makesRoom: true,
    },
    resourceIdFor: (_ns, name) => `id:${name}`,
    plainSecret: () => ({}),
    seedVersionId: (index) => `v${index}`,
    ...overrides,
  };
}

function setUp(policy = policyWith()) {
  const clock = new ManualClock(START);
  const store = new MemoryStore();
  const engine = new SecretEngine({ store, clock, ids: randomIds, policies: { aws: policy, alibaba: policy, tencent: policy } });
  return { clock, store, engine, secrets: new SecretLifecycle(engine) };
}

async function secretWithValue(secrets: SecretLifecycle, init: Partial<Parameters<SecretLifecycle['create']>[1]> = {}): Promise<SecretRecord> {
  return secrets.create(ns, { name: 'db', firstVersion: { id: 'v1', value: text('one') }, ...init });
}

/** Counts the store's saves from now on: a verb that changes nothing must not write. */
function countSaves(store: MemoryStore): () => number {
  let saves = 0;
  const save = store.save.bind(store);
  store.save = (records) => {
    saves++;
    return save(records);
  };
  return () => saves;
}

const labels = (record: SecretRecord) => Object.fromEntries(record.versions.map((v) => [v.id, v.labels]));

describe('SecretLifecycle', () => {
  describe('putValue', () => {
    it('adds a new current version, repeats a write without a second one, and refuses a reused id with another value', async () => {
      const { secrets, store } = setUp();
      const record = await secretWithValue(secrets);
      const written = await secrets.putValue(record, { versionId: 'v2', value: text('two') });
      expect(written.outcome).toBe('new');
      expect(labels(written.record)).toEqual({ v1: ['PREV'], v2: ['CUR'] });
      const saves = countSaves(store);
      expect((await secrets.putValue(written.record, { versionId: 'v2', value: text('two') })).outcome).toBe('repeat');
      expect(saves()).toBe(0);
      await expect(secrets.putValue(written.record, { versionId: 'v2', value: text('other') })).rejects.toMatchObject({ reason: 'version-exists' });
    });

    it('refuses every repeat where the cloud has no idempotent retry, and values over the size limit', async () => {
      const { secrets } = setUp(policyWith({ versions: { max: 3, atCap: 'refuse', minAgeBeforePurgeMs: 0, repeatIsIdempotent: false, valuesRewritable: true } }));
      const record = await secretWithValue(secrets);
      await expect(secrets.putValue(record, { versionId: 'v1', value: text('one') })).rejects.toMatchObject({ reason: 'version-exists' });
      await expect(secrets.putValue(record, { versionId: 'v2', value: text('nine bytes') })).rejects.toMatchObject({ reason: 'value-too-large', details: { limit: '8' } });
    });

    it('takes the cleared labels off the old current version when a new value becomes current', async () => {
      const { secrets } = setUp();
      const record = await secretWithValue(secrets);
      const pending = (await secrets.putValue(record, { versionId: 'v2', value: text('two'), labels: ['PEND'] })).record;
      const moved = await secrets.moveLabel(pending, 'PEND', { to: 'v1' });
      expect(labels(moved)).toEqual({ v1: ['CUR', 'PEND'], v2: [] });
      expect(labels((await secrets.putValue(moved, { versionId: 'v3', value: text('three') })).record)).toEqual({ v1: ['PREV'], v2: [], v3: ['CUR'] });
    });
  });

  it('rewrites a value in place only where the cloud allows it', async () => {
    const immutable = setUp();
    await expect(immutable.secrets.rewriteValue(await secretWithValue(immutable.secrets), 'v1', text('new'))).rejects.toMatchObject({ reason: 'version-immutable' });
    const mutable = setUp(policyWith({ versions: { max: 3, atCap: 'refuse', minAgeBeforePurgeMs: 0, repeatIsIdempotent: false, valuesRewritable: true } }));
    const rewritten = await mutable.secrets.rewriteValue(await secretWithValue(mutable.secrets), 'v1', text('new'));
    expect(rewritten.versions).toEqual([{ id: 'v1', value: text('new'), labels: ['CUR'], createdAt: START }]);
  });

  it('moves labels under the rules: move-only labels need a target, the holder must be named where required, the cap holds', async () => {
    const { secrets } = setUp(policyWith({ labels: { current: 'CUR', previous: 'PREV', maxPerVersion: 2, clearedFromOldCurrent: [], moveOnly: ['CUR'], moveNamesOldHolder: true } }));
    const record = (await secrets.putValue(await secretWithValue(secrets), { versionId: 'v2', value: text('two'), labels: ['X'] })).record;
    await expect(secrets.moveLabel(record, 'CUR', { from: 'v1' })).rejects.toMatchObject({ reason: 'label-cannot-be-removed' });
    await expect(secrets.moveLabel(record, 'CUR', { to: 'v2' })).rejects.toMatchObject({ reason: 'label-held-elsewhere', details: { versionId: 'v1' } });
    await expect(secrets.moveLabel(record, 'X', { to: 'v9', from: 'v2' })).rejects.toMatchObject({ reason: 'version-not-found' });
    const full = await secrets.moveLabel(record, 'CUR', { to: 'v2', from: 'v1' });
    expect(labels(full)).toEqual({ v1: ['PREV'], v2: ['X', 'CUR'] });
    await expect(secrets.moveLabel(full, 'Y', { to: 'v2' })).rejects.toMatchObject({ reason: 'too-many-labels', details: { limit: '2' } });
    expect(labels(secrets.get(ns, 'db')!)).toEqual(labels(full));
  });

  describe('deletion', () => {
    it('schedules within the window bounds, refuses or reschedules a second request, and purges when forced', async () => {
      const refusing = setUp();
      const record = await secretWithValue(refusing.secrets);
      await expect(refusing.secrets.scheduleDeletion(record, { windowDays: 3 })).rejects.toMatchObject({ reason: 'deletion-window-out-of-range', details: { min: '7', max: '30' } });
      const scheduled = await refusing.secrets.scheduleDeletion(record);
      expect(scheduled).toMatchObject({ purged: false, purgeAt: START + 30 * DAY_MS });
      await expect(refusing.secrets.scheduleDeletion(scheduled.record, { windowDays: 7 })).rejects.toMatchObject({ reason: 'already-scheduled-for-deletion' });
      expect(await refusing.secrets.scheduleDeletion(scheduled.record, { force: true })).toMatchObject({ purged: true, purgeAt: START });
      expect(refusing.secrets.get(ns, 'db')).toBeUndefined();

      const rescheduling = setUp(policyWith({ deletion: { ...policyWith().deletion, whenScheduled: 'reschedule' } }));
      const first = await rescheduling.secrets.scheduleDeletion(await secretWithValue(rescheduling.secrets), { windowDays: 30 });
      rescheduling.clock.advance(DAY_MS);
      expect((await rescheduling.secrets.scheduleDeletion(first.record, { windowDays: 7 })).purgeAt).toBe(START + 8 * DAY_MS);
    });

    it('deletes at once with a window of 0 where the cloud allows one', async () => {
      const { secrets } = setUp(policyWith({ deletion: { ...policyWith().deletion, defaultWindowDays: 0, minWindowDays: 0 } }));
      expect(await secrets.scheduleDeletion(await secretWithValue(secrets))).toMatchObject({ purged: true });
      expect(secrets.get(ns, 'db')).toBeUndefined();
    });

    it('cancels a deletion (disabled again where the cloud says), and treats a secret not scheduled as the cloud does', async () => {
      const { secrets, store } = setUp(policyWith({ deletion: { ...policyWith().deletion, restoresDisabled: true } }));
      const record = await secretWithValue(secrets);
      const saves = countSaves(store);
      expect(await secrets.cancelDeletion(record)).toBe(record);
      expect(saves()).toBe(0);
      const restored = await secrets.cancelDeletion((await secrets.scheduleDeletion(record)).record);
      expect(restored).toMatchObject({ enabled: false });
      expect(restored.deletion).toBeUndefined();

      const refusing = setUp(policyWith({ deletion: { ...policyWith().deletion, cancelUnscheduled: 'refuse' } }));
      await expect(refusing.secrets.cancelDeletion(await secretWithValue(refusing.secrets))).rejects.toMatchObject({ reason: 'not-scheduled-for-deletion' });
    });
  });

  describe('tags', () => {
    it('merge with the later value winning, within the cap, and count as a change only when they differ (where the cloud says so)', async () => {
      const { secrets, clock } = setUp();
      const record = await secretWithValue(secrets);
      clock.advance(1000);
      const tagged = await secrets.tag(record, [{ key: 'a', value: '1' }, { key: 'a', value: '2' }]);
      expect(tagged).toMatchObject({ tags: [{ key: 'a', value: '2' }], changedAt: START + 1000 });
      clock.advance(1000);
      expect((await secrets.tag(tagged, [{ key: 'a', value: '2' }])).changedAt).toBe(START + 1000);
      await expect(secrets.tag(tagged, [{ key: 'b', value: '' }, { key: 'c', value: '' }])).rejects.toMatchObject({ reason: 'too-many-tags', details: { limit: '2' } });
      expect((await secrets.untag(tagged, 'all')).tags).toEqual([]);
    });
  });

  describe('rotation', () => {
    const schedule = { enabled: true, intervalMs: DAY_MS, nextAt: START + DAY_MS };

    it('is settled on use once due: one rotation however long the secret sat idle, then the next slot', async () => {
      const { secrets, clock, store } = setUp();
      const record = await secretWithValue(secrets, { rotation: schedule });
      const saves = countSaves(store);
      expect(await secrets.settled(record)).toBe(record);
      expect(saves()).toBe(0);
      clock.advance(3 * DAY_MS);
      const rotated = await secrets.settled(record);
      expect(rotated.versions.map((v) => v.id)).toEqual(['v1', 'rot-3']);
      expect(rotated.versions[1]).toMatchObject({ value: text('r3'), labels: ['CUR'] });
      expect(rotated.rotation).toEqual({ ...schedule, lastAt: START + 3 * DAY_MS, nextAt: START + 4 * DAY_MS });
      expect(await secrets.settled(rotated)).toBe(rotated);
    });

    it('never rotates a secret pending deletion, and makes room at the cap where the cloud never refuses a rotation', async () => {
      const { secrets, clock } = setUp();
      const record = await secretWithValue(secrets, { rotation: schedule });
      const full = (await secrets.putValue((await secrets.putValue(record, { versionId: 'v2', value: text('2') })).record, { versionId: 'v3', value: text('3') })).record;
      const deleting = (await secrets.scheduleDeletion(full)).record;
      clock.advance(DAY_MS);
      expect(await secrets.settled(deleting)).toBe(deleting);
      const back = await secrets.cancelDeletion(deleting);
      expect((await secrets.settled(back)).versions.map((v) => v.id)).toEqual(['v2', 'v3', 'rot-1']);
    });

    it('rotates on demand into the named version, keeping the schedule where the cloud does not restart it', async () => {
      const { secrets } = setUp();
      const record = await secretWithValue(secrets, { rotation: schedule });
      const { record: rotated, version } = await secrets.rotate(record, { versionId: 'manual' });
      expect(version).toMatchObject({ id: 'manual', labels: ['CUR'] });
      expect(rotated.rotation).toEqual({ ...schedule, lastAt: START });
    });

    it('makes a vendor transition that has come due before anything else', async () => {
      const policy = policyWith({
        transitions: [{ summary: 'creation finishes', due: (record, now) => record.tencent?.status === 'Creating' && now >= START + 1000, apply: (draft) => void (draft.tencent!.status = 'Enabled') }],
      });
      const { secrets, clock } = setUp(policy);
      const record = await secrets.create(ns, { name: 'db', tencent: { secretType: 1, status: 'Creating' } });
      expect((await secrets.settled(record)).tencent?.status).toBe('Creating');
      clock.advance(1000);
      expect((await secrets.settled(record)).tencent?.status).toBe('Enabled');
    });
  });

  it('lists a page of the matching secrets with their total', async () => {
    const { secrets } = setUp();
    for (const name of ['a', 'b', 'c', 'd']) await secrets.create(ns, { name, description: name === 'c' ? 'skip' : undefined });
    const page = secrets.listPage(ns, { where: (record) => record.description !== 'skip', order: (x, y) => y.name.localeCompare(x.name), offset: 1, limit: 1 });
    expect(page.items.map((record) => record.name)).toEqual(['b']);
    expect(page).toMatchObject({ total: 3, nextOffset: 2 });
  });
});
