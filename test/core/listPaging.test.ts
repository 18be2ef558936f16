/**
 * Index-based paging against the full sort it replaced: random creates, changes, reads, deletions,
 * restores, purges and clock moves (backwards too, so creation time and insertion order disagree),
 * and after each random queries whose pages must equal filtering and stably sorting the whole list:
 * single pages, and every page of a filtered list in turn, which resumes the walk the page before kept.
 * Tencent's ListSecrets likewise, against rendering, filtering and sorting every secret as it did before.
 */
import { SecretEngine } from '../../src/core/engine.js';
import { SecretLifecycle, type ListOrder, type ListQuery } from '../../src/core/lifecycle.js';
import { SORT_KEYS } from '../../src/core/listOrder.js';
import type { SecretRecord } from '../../src/core/model.js';
import { pageOf } from '../../src/core/paging.js';
import { settleDue } from '../../src/core/rotation.js';
import { ManualClock, randomIds } from '../../src/core/runtime.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { awsPolicy } from '../../dialects/aws/policy.js';
import { ListSecrets as listTencent } from '../../dialects/tencent/operations/ListSecrets.js';
import { tencentPolicy } from '../../dialects/tencent/policy.js';
import { describeMembers } from '../../dialects/tencent/render.js';

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

/** Filters by key: a query with a key resumes the walks of earlier queries with the same one. */
const FILTERS: Record<string, (record: SecretRecord) => boolean> = {
  odd: (record) => record.description === 'odd',
  tens: (record) => record.name.startsWith('s1'),
};

function randomFilter(random: (below: number) => number): Pick<ListQuery, 'where' | 'filterKey'> {
  const choice = random(5);
  if (choice < 2) return {};
  const filterKey = Object.keys(FILTERS)[choice % 2];
  // Sometimes without its key, so kept and unkept walks of one list interleave.
  return { where: FILTERS[filterKey], filterKey: choice === 4 ? undefined : filterKey };
}

function randomQuery(random: (below: number) => number, filter: Pick<ListQuery, 'where' | 'filterKey'>): ListQuery & { order: ListOrder } {
  const by = (['insertion', 'created', 'name', 'changed', 'accessed'] as const)[random(5)];
  return {
    order: { by, descending: random(2) === 1, descendingTies: random(2) ? 'insertion' : 'reversed' },
    ...filter,
    withoutPendingDeletion: random(2) === 1,
    offset: random(4) === 0 ? 0 : random(40),
    limit: 1 + random(12),
  };
}

/** Compares one page, with and without its total, with the full sort's. */
function expectPage(secrets: SecretLifecycle, query: ListQuery & { order: ListOrder }, countTotal: boolean): number | undefined {
  const expected = fullSortPage(secrets.list(ns), query);
  if (countTotal) {
    const page = secrets.listPage(ns, query);
    expect({ items: page.items.map((record) => record.name), total: page.total, nextOffset: page.nextOffset }).toEqual(expected);
    return page.nextOffset;
  }
  const slice = secrets.listSlice(ns, query);
  expect({ items: slice.items.map((record) => record.name), nextOffset: slice.nextOffset }).toEqual({ items: expected.items, nextOffset: expected.nextOffset });
  return slice.nextOffset;
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
      // One filter for the step's queries, so walks kept under its key meet lists in other orders.
      const filter = randomFilter(random);
      for (let probe = 0; probe < 3; probe++) {
        const query = randomQuery(random, filter);
        // Either order: a slice may resume a counted walk, and a count finish a slice's.
        const sliceFirst = random(2) === 1;
        expectPage(secrets, query, !sliceFirst);
        expectPage(secrets, query, sliceFirst);
      }
      // Every page of one list in turn, a slice or a counted page at random, then one page again.
      const query = { ...randomQuery(random, filter), offset: 0 };
      for (let offset: number | undefined = 0; offset !== undefined; ) offset = expectPage(secrets, { ...query, offset }, random(2) === 1);
      expectPage(secrets, { ...query, offset: random(40) }, random(2) === 1);
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

/** Tencent ListSecrets' request members that select secrets. */
interface TencentFilters {
  State?: number;
  SearchSecretName?: string;
  TagFilters?: Array<{ TagKey: string; TagValue?: string[] }>;
  SecretType?: number;
  ProductName?: string;
  EncryptType?: number;
  InstanceID?: string;
}

const tencentNs = { cloud: 'tencent' as const, account: '100000000001', region: 'ap-guangzhou' };
const STATUS_BY_STATE: Record<number, string> = { 1: 'Enabled', 2: 'Disabled', 3: 'PendingDelete', 4: 'Creating', 5: 'Failed' };

/** How Tencent's ListSecrets filtered before: each secret rendered (its DescribeSecret members), the entry tested. */
function renderedMatches(record: SecretRecord, input: TencentFilters): boolean {
  const entry = describeMembers(record);
  const secretType = input.SecretType ?? 0;
  if (entry.SecretType !== secretType) return false;
  if (input.State && entry.Status !== STATUS_BY_STATE[input.State]) return false;
  if (input.SearchSecretName && !entry.SecretName.includes(input.SearchSecretName)) return false;
  const tags = record.tags ?? [];
  const tagsMatch = (input.TagFilters ?? []).every((filter) =>
    tags.some((tag) => tag.key === filter.TagKey && (!filter.TagValue?.length || filter.TagValue.includes(tag.value))),
  );
  if (!tagsMatch) return false;
  if (input.EncryptType !== undefined && entry.EncryptType !== input.EncryptType) return false;
  const products = secretType === 1 ? (input.ProductName ?? '').split(',').map((name) => name.trim()).filter(Boolean) : [];
  if (products.length > 0 && !products.includes(entry.ProductName)) return false;
  return !input.InstanceID || entry.ResourceID === input.InstanceID;
}

/** A random change to the region: product secrets still creating (some with their task running), status and deletion changes, clock moves. */
async function randomTencentChange(secrets: SecretLifecycle, clock: ManualClock, random: (below: number) => number): Promise<void> {
  const live = secrets.list(tencentNs);
  const target = live.length ? live[random(live.length)] : undefined;
  const choice = random(8);
  if (choice < 4 || !target) {
    const name = `t${random(40)}`;
    const status = [undefined, undefined, 'Creating', 'Failed'][random(4)];
    const flows = status === 'Creating' && random(2) ? [{ id: 1, kind: 'create' as const, startedAt: clock.now(), doneAt: clock.now() + 5_000 }] : undefined;
    const tencent = {
      secretType: [0, 0, 0, 1, 2, 3, 4][random(7)],
      status,
      flows,
      encryptType: [0, 1, undefined][random(3)],
      productName: ['Mysql', 'Tdsql', undefined][random(3)],
      instanceId: ['ins-1', 'ins-2', undefined][random(3)],
    };
    const tags = random(2) ? [{ key: 'env', value: random(2) ? 'dev' : 'prod' }] : undefined;
    if (!secrets.get(tencentNs, name)) await secrets.create(tencentNs, { name, tags, tencent });
  } else if (choice === 4) await secrets.update(target, (draft) => void (draft.enabled = !draft.enabled));
  else if (choice === 5 && !target.deletion) await secrets.scheduleDeletion(target, { windowDays: 7 });
  else if (choice === 6 && target.deletion) await secrets.cancelDeletion(target);
  else if (choice === 7) await secrets.purge(target);
  const step = random(10);
  clock.advance(step < 6 ? random(3) * 1_000 : step < 8 ? -random(2) * 1_000 : step < 9 ? 6_000 : 8 * 86_400_000);
}

function randomTencentFilters(random: (below: number) => number): TencentFilters {
  const filters: TencentFilters = {};
  if (random(2)) filters.State = random(6);
  if (random(3) === 0) filters.SearchSecretName = ['t1', 't2', '3'][random(3)];
  if (random(3) === 0) filters.TagFilters = [{ TagKey: 'env', TagValue: random(2) ? ['dev'] : [] }];
  filters.SecretType = [undefined, 0, 1, 1, 2, 3, 4][random(7)];
  if (random(2)) filters.ProductName = ['Mysql', 'Mysql, Tdsql', 'default', ''][random(4)];
  if (random(3) === 0) filters.EncryptType = random(2);
  if (random(4) === 0) filters.InstanceID = 'ins-1';
  return filters;
}

describe('Tencent ListSecrets from indexes', () => {
  it.each([1, 2, 3])('lists and counts as rendering, filtering and sorting every secret did (seed %i)', async (seed) => {
    const clock = new ManualClock(1_700_000_000_000);
    const engine = new SecretEngine({ store: new MemoryStore(), clock, ids: randomIds, policies: { aws: awsPolicy, alibaba: awsPolicy, tencent: tencentPolicy } });
    const secrets = new SecretLifecycle(engine);
    const context = { secrets, ns: tencentNs, defaultRegion: tencentNs.region };
    const random = randomFrom(seed);
    let listed = 0;
    for (let step = 0; step < 300; step++) {
      await randomTencentChange(secrets, clock, random);
      // The same filters in both orders and at successive offsets, so walks kept under their key are resumed.
      const filters = randomTencentFilters(random);
      const limit = random(2) ? random(6) : undefined;
      for (const input of [{ Offset: random(8), Limit: limit }, { OrderType: random(2), Offset: random(2) ? random(8) : undefined, Limit: limit }]) {
        for (const offset of [input.Offset, (input.Offset ?? 0) + (limit || 20)]) {
          const answer = (await listTencent({ ...filters, ...input, Offset: offset }, context)) as { TotalCount: number; SecretMetadatas: Array<{ SecretName: string }> };
          // Listing settled every secret that had something due, so none is still Creating past its task.
          const all = secrets.list(tencentNs);
          expect(all.filter((record) => settleDue(record, tencentPolicy, clock.now()))).toEqual([]);
          const expected = fullSortPage(all, {
            order: { by: 'created', descending: input.OrderType !== 1, descendingTies: 'reversed' },
            where: (record) => renderedMatches(record, filters),
            offset: offset ?? 0,
            limit: limit || 20,
          });
          expect({ names: answer.SecretMetadatas.map((entry) => entry.SecretName), total: answer.TotalCount }).toEqual({ names: expected.items, total: expected.total });
          listed += answer.SecretMetadatas.length;
        }
      }
    }
    expect(listed).toBeGreaterThan(150);
  });
});
