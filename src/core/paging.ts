/** Paging, one scheme for every cloud: dialects encode the offset as their vendor's cursor (token, page number, offset). */

/** One page of a list. */
export interface Page<T> {
  items: T[];
  /** How many items the whole list holds. */
  total: number;
  /** The offset of the next page; undefined on the last page. */
  nextOffset?: number;
}

/** The `limit` items from `offset` on. */
export function pageOf<T>(items: readonly T[], offset: number, limit: number): Page<T> {
  const end = offset + limit;
  return { items: items.slice(offset, end), total: items.length, nextOffset: end < items.length ? end : undefined };
}
