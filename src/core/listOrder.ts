/** The orders a namespace's secrets can be listed in, as comparators over indexed secrets. */
import type { SecretRecord } from './model.js';
import type { Compare } from './sortedIndex.js';

/** A secret as a namespace's indexes hold it: the current record and when its name joined the namespace. */
export interface IndexedSecret {
  record: SecretRecord;
  /** Rises with every name added to the namespace: the order secrets were added in, which breaks every tie. */
  readonly sequence: number;
}

/** The record field a list is sorted by; `insertion` is the order secrets were added to the namespace. */
export type SortField = 'insertion' | 'created' | 'name' | 'changed' | 'accessed';

/** Which order a list comes in. */
export interface ListOrder {
  by: SortField;
  descending?: boolean;
  /**
   * Descending lists only: secrets with equal keys keep insertion order (`insertion`, what a stable
   * sort of the insertion-ordered list gives), or come in reverse insertion order (`reversed`, the
   * ascending list read backwards). Ascending lists always break ties by insertion order.
   */
  descendingTies?: 'insertion' | 'reversed';
}

/** The value each field sorts on; a secret never read sorts as read at time 0. */
export const SORT_KEYS: Record<SortField, ((record: SecretRecord) => number | string) | undefined> = {
  insertion: undefined,
  created: (record) => record.createdAt,
  name: (record) => record.name,
  changed: (record) => record.changedAt,
  accessed: (record) => record.accessedAt ?? 0,
};

/** How an order is read from an index: the index's own comparator, and whether it is walked backwards. */
export interface IndexPlan {
  /** Names the index, so every order read from the same index shares it. */
  id: string;
  /** The value the index sorts on; undefined for insertion order, which never moves. */
  key?: (record: SecretRecord) => number | string;
  /** 1 when the index holds keys ascending, -1 descending (ties always by insertion). */
  direction: 1 | -1;
  compare: Compare<IndexedSecret>;
  backwards: boolean;
}

/** The index an order reads from: reversed ties read an ascending index backwards; other descending orders have their own. */
export function indexPlanOf(order: ListOrder): IndexPlan {
  const key = SORT_KEYS[order.by];
  const backwards = order.descending === true && order.descendingTies === 'reversed';
  const descendingIndex = order.descending === true && !backwards;
  const direction: 1 | -1 = descendingIndex ? -1 : 1;
  const compare: Compare<IndexedSecret> = key
    ? (a, b) => {
        const [x, y] = [key(a.record), key(b.record)];
        return x < y ? -direction : x > y ? direction : a.sequence - b.sequence;
      }
    : // Insertion order has no ties; descending, it is the same index read backwards.
      (a, b) => a.sequence - b.sequence;
  if (!key) return { id: 'insertion', direction, compare, backwards: order.descending === true };
  return { id: `${order.by}:${descendingIndex ? 'desc' : 'asc'}`, key, direction, compare, backwards };
}
