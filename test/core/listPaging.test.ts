/**
 * Index-based paging against the full sort it replaced: random creates, changes, reads, deletions,
 * restores, purges and clock moves (backwards too, so creation time and insertion order disagree),
 * and after each a random query whose page must equal filtering and stably sorting the whole list.
 */
import { SecretEngine } from '../../src/core/engine.js';
import { SecretLifecycle, type ListOrder, type ListQuery } from '../../src/core/lifecycle.js';
import { SORT_KEYS } from '../../src/core/listOrder.js';
import type { SecretRecord } from '../../src/core/model.js';
import { pageOf } from '../../src/core/paging.js';
import { ManualClock, randomIds } from '../../src/core/runtime.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { awsPolicy } from '../../dialects/aws/policy.js';

const ns = { cloud: 'aws' as const, account: '111111111111', region: 'us-east-1' };
const DAY_MS = 86_400_000;

/** A deterministic generator, so a failure replays; it draws from the high bits, as an LCG's low bits repeat in short cycles. */
function randomFrom(seed: number): (below: number) => number {
  let state = seed;
  return (below) => Math.floor(((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * below);
}

/** What the listing did before the indexes: filter the insertion-ordered list, sort it stably, slice it. */
function fullSortPage(all: SecretRecord[], query: ListQuery & { order: ListOrder }): { items: string[]; total: number; nextOffset?: number } {
  const { order } = query;
  // Insertion order is the order of `all`, and has no ties.
  const inserted = new Map(all.map((record, at) => [record, at]));
  const key = SORT_KEYS[order.by] ?? ((record: SecretRecord) => inserted.get(record)!);
  const ascending = (a: SecretRecord, b: SecretRecord) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const matching = all.filter((record) => !(query.withoutPendingDeletion && record.deletion) && (!query.where || query.where(record)));
  if (!order.descending) matching.sort(ascending);
  else if (order.descendingTies === 'reversed') matching.sort(ascending).reverse();
  else matching.sort((a, b) => ascending(b, a));
  const page = pageOf(matching, query.offset, query.limit);
  return { items: page.items.map((record) => record.name), total: page.total, nextOffset: page.nextOffset };
}

async function randomChange(secrets: SecretLifecycle, engine: SecretEngine, clock: ManualClock, random: (below: number) => number, created: { count: number }): Promise<void> {
  const live = secrets.list(ns);
  const target = live.length ? live[random(live.length)] : undefined;
  const choice = random(10);
  if (choice < 4 || !target) {
    // Short names collide with purged ones, so a name comes back at the end of insertion order.
    const name = `s${random(60)}`;
    if (!secrets.get(ns, name)) await secrets.create(ns, { name, description: random(2) ? 'odd' : undefined });
    created.count++;
  } else if (choice === 4) await engine.update(target, (draft, now) => void (draft.changedAt = now));
  else if (choice === 5) engine.note(target, (draft, now) => void (draft.accessedAt = now));
  else if (choice === 6 && !target.deletion) await secrets.scheduleDeletion(target, { windowDays: 7 });
  else if (choice === 7) await secrets.cancelDeletion(target);
  else if (choice === 8) await secrets.purge(target);
  // Mostly small steps, so times tie; sometimes back, sometimes past a recovery window.
  const step = random(20);
  clock.advance(step < 12 ? random(3) : step < 16 ? -random(5) : step < 19 ? 1_000 : 8 * DAY_MS);
}

function randomQuery(random: (below: number) => number): ListQuery & { order: ListOrder } {
  const by = (['insertion', 'created', 'name', 'changed', 'accessed'] as const)[random(5)];
  return {
    order: { by, descending: random(2) === 1, descendingTies: random(2) ? 'insertion' : 'reversed' },
    where: random(3) === 0 ? (record) => record.description === 'odd' : undefined,
    withoutPendingDeletion: random(2) === 1,
    offset: random(4) === 0 ? 0 : random(40),
    limit: 1 + random(12),
  };
}

describe('listing from indexes', () => {
  it.each([1, 2, 3, 4])('pages exactly as the full sort did, over random operations (seed %i)', async (seed) => {
    const clock = new ManualClock(1_700_000_000_000);
    const engine = new SecretEngine({ store: new MemoryStore(), clock, ids: randomIds, policies: { aws: awsPolicy, alibaba: awsPolicy, tencent: awsPolicy } });
    const secrets = new SecretLifecycle(engine);
    const random = randomFrom(seed);
    const created = { count: 0 };
    for (let step = 0; step < 400; step++) {
      await randomChange(secrets, engine, clock, random, created);
      for (let probe = 0; probe < 3; probe++) {
        const query = randomQuery(random);
        const expected = fullSortPage(secrets.list(ns), query);
        const page = secrets.listPage(ns, query);
        expect({ items: page.items.map((record) => record.name), total: page.total, nextOffset: page.nextOffset }).toEqual(expected);
        const slice = secrets.listSlice(ns, query);
        expect({ items: slice.items.map((record) => record.name), nextOffset: slice.nextOffset }).toEqual({ items: expected.items, nextOffset: expected.nextOffset });
      }
    }
    expect(created.count).toBeGreaterThan(100);
  });

  it('survives a restart: indexes are rebuilt from the loaded records in the same order', async () => {
    const store = new MemoryStore();
    const clock = new ManualClock(1_700_000_000_000);
    const policies = { aws: awsPolicy, alibaba: awsPolicy, tencent: awsPolicy };
    const first = new SecretLifecycle(new SecretEngine({ store, clock, ids: randomIds, policies }));
    for (const name of ['c', 'a', 'b', 'd']) {
      await first.create(ns, { name });
      clock.advance(10);
    }
    const order: ListOrder = { by: 'name', descending: true };
    const before = first.listPage(ns, { order, offset: 1, limit: 2 }).items.map((record) => record.name);
    const engine = new SecretEngine({ store, clock, ids: randomIds, policies });
    await engine.load();
    const after = new SecretLifecycle(engine).listPage(ns, { order, offset: 1, limit: 2 });
    expect(after.items.map((record) => record.name)).toEqual(before);
    expect(before).toEqual(['c', 'b']);
  });
});
