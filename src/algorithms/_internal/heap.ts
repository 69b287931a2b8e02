/**
 * Indexed min-heap over node ids
 * ==============================
 *
 * Keys are float64, items are integers `0..capacity-1`; each item is in the heap at most once and
 * `decrease` moves it up. Buffers are allocated once and reused across runs (`clear`).
 *
 * The heap is 4-ary (children of slot i at 4i+1..4i+4): half the depth of a binary heap, and the
 * four children of a slot share a cache line, which makes Dijkstra on 100k-node graphs ~10-20 %
 * faster than the binary layout (bench/routing.ts). Ties are broken arbitrarily.
 *
 * Internal: no public API. push/decrease are O(log₄ n), pop O(4 log₄ n).
 */
export class IndexedMinHeap {
  private readonly keys: Float64Array;
  private readonly items: Int32Array;
  /** position of each item in the heap, -1 when absent */
  private readonly position: Int32Array;
  private count = 0;

  /** @param capacity - largest item id + 1 */
  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  /** Number of items in the heap. */
  get size(): number {
    return this.count;
  }

  /** Remove every item (O(size)). */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.position[this.items[i]!] = -1;
    this.count = 0;
  }

  /** Whether `item` is in the heap. */
  has(item: number): boolean {
    return this.position[item]! >= 0;
  }

  /** Insert `item` with `key`, or lower its key when it is present with a larger one. */
  pushOrDecrease(item: number, key: number): void {
    let i = this.position[item]!;
    if (i < 0) {
      i = this.count++;
    } else if (key >= this.keys[i]!) {
      return;
    }
    this.siftUp(i, item, key);
  }

  /** Key of the minimum item (heap must not be empty). */
  peekKey(): number {
    return this.keys[0]!;
  }

  /** Remove and return the item with the smallest key (heap must not be empty). */
  pop(): number {
    const top = this.items[0]!;
    this.position[top] = -1;
    const last = --this.count;
    if (last > 0) this.siftDown(0, this.items[last]!, this.keys[last]!);
    return top;
  }

  private siftUp(i: number, item: number, key: number): void {
    const keys = this.keys;
    const items = this.items;
    const position = this.position;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pk = keys[parent]!;
      if (pk <= key) break;
      const pi = items[parent]!;
      keys[i] = pk;
      items[i] = pi;
      position[pi] = i;
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
    position[item] = i;
  }

  private siftDown(i: number, item: number, key: number): void {
    const keys = this.keys;
    const items = this.items;
    const position = this.position;
    const n = this.count;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      const last = Math.min(first + 4, n);
      let child = first;
      let ck = keys[first]!;
      for (let j = first + 1; j < last; j++) {
        const kj = keys[j]!;
        if (kj < ck) {
          ck = kj;
          child = j;
        }
      }
      if (ck >= key) break;
      const ci = items[child]!;
      keys[i] = ck;
      items[i] = ci;
      position[ci] = i;
      i = child;
    }
    keys[i] = key;
    items[i] = item;
    position[item] = i;
  }
}
