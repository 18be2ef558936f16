/**
 * A sorted list kept in chunks (the design of Python's sortedcontainers): a binary search over the
 * chunks' last items, then one within a chunk, finds an item in O(log n); inserting or removing moves
 * at most one chunk's items. A position is found by a binary search over where each chunk starts,
 * recomputed (one pass over the chunks, n / chunk size steps) only after a change.
 */

/** Orders two items; an index's items must be distinct under it (ties broken by something unique). */
export type Compare<T> = (a: T, b: T) => number;

/** Whether a walk goes on to the next item. */
export type Visit<T> = (item: T) => boolean;

/** Chunks split when they outgrow this; small enough that a splice is cheap, large enough that there are few. */
const DEFAULT_MAX_CHUNK = 1_024;

/** A sorted list of distinct items with O(log n) lookup by item and by position. */
export class SortedIndex<T> {
  private chunks: T[][] = [];
  /** The position of each chunk's first item; undefined after a change, until the next lookup by position. */
  private chunkStarts: number[] | undefined = [];
  private count = 0;

  constructor(
    private readonly compare: Compare<T>,
    private readonly maxChunk = DEFAULT_MAX_CHUNK,
  ) {}

  /** An index of `items`, which are sorted here (a pass when they already are in order). */
  static of<T>(items: readonly T[], compare: Compare<T>, maxChunk = DEFAULT_MAX_CHUNK): SortedIndex<T> {
    return SortedIndex.ofSorted([...items].sort(compare), compare, maxChunk);
  }

  /** An index of `sorted`, which must already be in `compare`'s order (the caller sorted it faster). */
  static ofSorted<T>(sorted: readonly T[], compare: Compare<T>, maxChunk = DEFAULT_MAX_CHUNK): SortedIndex<T> {
    const index = new SortedIndex(compare, maxChunk);
    const half = Math.max(1, maxChunk >> 1);
    for (let start = 0; start < sorted.length; start += half) index.chunks.push(sorted.slice(start, start + half));
    index.count = sorted.length;
    index.chunkStarts = undefined;
    return index;
  }

  /** How many items the index holds. */
  get size(): number {
    return this.count;
  }

  /** Adds an item in its place. */
  insert(item: T): void {
    this.chunkStarts = undefined;
    this.count++;
    if (this.chunks.length === 0) {
      this.chunks.push([item]);
      return;
    }
    // Past every chunk's last item, it goes at the end of the last chunk.
    const chunkAt = Math.min(this.chunkHolding(item), this.chunks.length - 1);
    const chunk = this.chunks[chunkAt];
    chunk.splice(this.lowerBound(chunk, item), 0, item);
    if (chunk.length > this.maxChunk) this.chunks.splice(chunkAt + 1, 0, chunk.splice(chunk.length >> 1));
  }

  /** Removes the item that compares equal to `item`; false when there is none. */
  remove(item: T): boolean {
    const chunkAt = this.chunkHolding(item);
    const chunk = this.chunks[chunkAt];
    if (!chunk) return false;
    const at = this.lowerBound(chunk, item);
    if (at === chunk.length || this.compare(chunk[at], item) !== 0) return false;
    chunk.splice(at, 1);
    if (chunk.length === 0) this.chunks.splice(chunkAt, 1);
    this.chunkStarts = undefined;
    this.count--;
    return true;
  }

  /** The position of the item that compares equal to `item`, or -1. */
  positionOf(item: T): number {
    const chunkAt = this.chunkHolding(item);
    const chunk = this.chunks[chunkAt];
    if (!chunk) return -1;
    const at = this.lowerBound(chunk, item);
    if (at === chunk.length || this.compare(chunk[at], item) !== 0) return -1;
    return this.starts()[chunkAt] + at;
  }

  /** The item at `position` (0 is the least), if there is one. */
  at(position: number): T | undefined {
    if (position < 0 || position >= this.count) return undefined;
    const chunkAt = this.chunkAtPosition(position);
    return this.chunks[chunkAt][position - this.starts()[chunkAt]];
  }

  /**
   * Visits the items from `position` on, upwards or (`descending`) downwards, until `visit` returns
   * false or the items run out. The index must not change during the walk.
   */
  walk(position: number, descending: boolean, visit: Visit<T>): void {
    if (position < 0 || position >= this.count) return;
    const first = this.chunkAtPosition(position);
    const firstAt = position - this.starts()[first];
    if (descending) {
      for (let chunkAt = first; chunkAt >= 0; chunkAt--) {
        const chunk = this.chunks[chunkAt];
        for (let at = chunkAt === first ? firstAt : chunk.length - 1; at >= 0; at--) if (!visit(chunk[at])) return;
      }
    } else {
      for (let chunkAt = first; chunkAt < this.chunks.length; chunkAt++) {
        const chunk = this.chunks[chunkAt];
        for (let at = chunkAt === first ? firstAt : 0; at < chunk.length; at++) if (!visit(chunk[at])) return;
      }
    }
  }

  /** The first chunk whose last item is not below `item` (chunks.length when every one is). */
  private chunkHolding(item: T): number {
    let [low, high] = [0, this.chunks.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      const chunk = this.chunks[middle];
      if (this.compare(chunk[chunk.length - 1], item) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The first place in `chunk` whose item is not below `item`. */
  private lowerBound(chunk: readonly T[], item: T): number {
    let [low, high] = [0, chunk.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.compare(chunk[middle], item) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The chunk holding `position`, a valid position. */
  private chunkAtPosition(position: number): number {
    const starts = this.starts();
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private starts(): number[] {
    if (this.chunkStarts) return this.chunkStarts;
    const starts = new Array<number>(this.chunks.length);
    let position = 0;
    for (let i = 0; i < this.chunks.length; i++) {
      starts[i] = position;
      position += this.chunks[i].length;
    }
    return (this.chunkStarts = starts);
  }
}
