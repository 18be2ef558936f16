import { SortedIndex } from '../../src/core/sortedIndex.js';

const byNumber = (a: number, b: number) => a - b;

/** Every item, walked from `position` in the given direction. */
function walked(index: SortedIndex<number>, position: number, descending = false): number[] {
  const seen: number[] = [];
  index.walk(position, descending, (item) => (seen.push(item), true));
  return seen;
}

describe('SortedIndex', () => {
  it('keeps items in order whatever order they arrive in, across chunk splits', () => {
    const index = new SortedIndex(byNumber, 4);
    for (const item of [5, 1, 9, 3, 7, 2, 8, 6, 4, 0]) index.insert(item);
    expect(index.size).toBe(10);
    expect(walked(index, 0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('removes an item only when one compares equal, and drops emptied chunks', () => {
    const index = SortedIndex.of([1, 2, 3, 4, 5, 6], byNumber, 4);
    expect(index.remove(10)).toBe(false);
    for (const item of [1, 2, 3]) expect(index.remove(item)).toBe(true);
    expect(index.remove(2)).toBe(false);
    expect(walked(index, 0)).toEqual([4, 5, 6]);
    for (const item of [4, 5, 6]) index.remove(item);
    expect(index.size).toBe(0);
    expect(walked(index, 0)).toEqual([]);
    index.insert(3);
    expect(walked(index, 0)).toEqual([3]);
  });

  it('finds items by position and positions by item', () => {
    const index = SortedIndex.of([40, 10, 30, 20, 50], byNumber, 2);
    expect([0, 1, 2, 3, 4].map((position) => index.at(position))).toEqual([10, 20, 30, 40, 50]);
    expect(index.at(-1)).toBeUndefined();
    expect(index.at(5)).toBeUndefined();
    expect(index.positionOf(40)).toBe(3);
    expect(index.positionOf(35)).toBe(-1);
    index.insert(35);
    expect(index.positionOf(40)).toBe(4);
  });

  it('resumes a walk from a position, upwards or downwards, and stops when told', () => {
    const index = SortedIndex.of([0, 1, 2, 3, 4, 5, 6, 7], byNumber, 2);
    expect(walked(index, 5)).toEqual([5, 6, 7]);
    expect(walked(index, 5, true)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(walked(index, 8)).toEqual([]);
    const firstThree: number[] = [];
    index.walk(2, false, (item) => (firstThree.push(item), firstThree.length < 3));
    expect(firstThree).toEqual([2, 3, 4]);
  });

  it('orders ties by whatever the comparator breaks them with', () => {
    type Item = { key: number; sequence: number };
    const compare = (a: Item, b: Item) => a.key - b.key || a.sequence - b.sequence;
    const items = [3, 1, 3, 1, 2].map((key, sequence) => ({ key, sequence }));
    const index = SortedIndex.of(items, compare, 2);
    const order: string[] = [];
    index.walk(0, false, (item) => (order.push(`${item.key}.${item.sequence}`), true));
    expect(order).toEqual(['1.1', '1.3', '2.4', '3.0', '3.2']);
    expect(index.remove({ key: 3, sequence: 2 })).toBe(true);
    expect(index.positionOf(items[0])).toBe(3);
  });

  it('agrees with a sorted array over many random inserts and removals', () => {
    let seed = 7;
    const random = (below: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % below);
    const index = new SortedIndex(byNumber, 8);
    const model: number[] = [];
    for (let step = 0; step < 3_000; step++) {
      const item = random(500);
      const at = model.indexOf(item);
      if (at === -1) {
        index.insert(item);
        model.push(item);
        model.sort(byNumber);
      } else {
        expect(index.remove(item)).toBe(true);
        model.splice(at, 1);
      }
      if (step % 100 === 0) {
        expect(walked(index, 0)).toEqual(model);
        const position = random(Math.max(model.length, 1));
        expect(index.at(position)).toBe(model[position]);
        expect(walked(index, position, true)).toEqual(model.slice(0, position + 1).reverse());
      }
    }
    expect(index.size).toBe(model.length);
  });
});
