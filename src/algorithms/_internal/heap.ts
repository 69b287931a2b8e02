/**
 * Priority queues for Dijkstra
 * ============================
 *
 * Two min-queues over integer items with float64 keys, behind one interface ({@link DijkstraQueue}):
 *
 * - {@link IndexedMinHeap}: 4-ary, with a position index, so an item is in the queue at most once and
 *   a smaller key moves it up (decrease-key). Half the depth of a binary heap, and the four children
 *   of a slot share a cache line: on 1k–100k-node graphs (bench/routing.ts) it is 10–25 % faster than
 *   the lazy heap below.
 * - {@link LazyMinHeap}: binary, without decrease-key: an item whose key falls is pushed again and
 *   the stale entry (key above the item's settled distance) is skipped when it comes out. One array
 *   write per level instead of three. On graphs of a few hundred nodes (the Eurasia assignment: 104
 *   nodes, trees of about 10 queued nodes) it is about a quarter faster than the indexed heap.
 *
 * `createQueue` picks by graph size. Buffers are allocated once and reused across runs (`clear`).
 * Ties come out in no particular order.
 *
 * Internal: no public API. push O(log n), pop O(log n).
 */

import { float64Array, int32Array, type TypedArena } from './arena.js';

/** What Dijkstra needs of its queue. */
export interface DijkstraQueue {
  /** Number of entries. */
  readonly size: number;
  /** Key of the entry the last `pop` returned. */
  readonly poppedKey: number;
  /** Remove every entry. */
  clear(): void;
  /** Queue `item` with `key`, or lower its key (the lazy heap queues it again). */
  push(item: number, key: number): void;
  /** Remove the entry of least key and return its item (requires size > 0). */
  pop(): number;
}

/** Graphs up to this many nodes get the {@link LazyMinHeap}. */
export const LAZY_QUEUE_MAX_NODES = 512;

/**
 * The faster queue for a graph of `nodeCount` nodes.
 *
 * @param nodeCount - nodes of the graph (items are `0..nodeCount-1`)
 * @param arena - where the lazy heap's first buffers come from (new arrays without one)
 * @returns an empty queue
 */
export function createQueue(nodeCount: number, arena?: TypedArena): DijkstraQueue {
  return nodeCount <= LAZY_QUEUE_MAX_NODES
    ? new LazyMinHeap(nodeCount, arena)
    : new IndexedMinHeap(nodeCount);
}

/** 4-ary indexed min-heap (see the module comment). */
export class IndexedMinHeap implements DijkstraQueue {
  private readonly keys: Float64Array;
  private readonly items: Int32Array;
  /** position of each item in the heap, -1 when absent */
  private readonly position: Int32Array;
  /** Number of items in the heap. */
  size = 0;
  /** Key of the item the last {@link pop} returned. */
  poppedKey = 0;

  /** @param capacity - largest item id + 1 */
  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  /** Remove every item (O(size)). */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.items[i]!] = -1;
    this.size = 0;
  }

  /** Insert `item` with `key`, or lower its key when it is present with a larger one. */
  push(item: number, key: number): void {
    let i = this.position[item]!;
    if (i < 0) {
      i = this.size++;
    } else if (key >= this.keys[i]!) {
      return;
    }
    this.siftUp(i, item, key);
  }

  /** Remove and return the item with the smallest key (heap must not be empty). */
  pop(): number {
    const top = this.items[0]!;
    this.poppedKey = this.keys[0]!;
    this.position[top] = -1;
    const last = --this.size;
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
    const n = this.size;
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

/** Binary min-heap with lazy deletion (see the module comment). */
export class LazyMinHeap implements DijkstraQueue {
  private keys: Float64Array;
  private items: Int32Array;
  /** Number of entries. */
  size = 0;
  /** Key of the entry the last {@link pop} returned. */
  poppedKey = 0;

  /**
   * @param capacity - entries to make room for at first (the buffers grow when needed)
   * @param arena - where the first buffers come from (new arrays without one)
   */
  constructor(capacity: number, arena?: TypedArena) {
    const n = Math.max(16, capacity);
    this.keys = float64Array(arena, n);
    this.items = int32Array(arena, n);
  }

  /** Remove every entry. */
  clear(): void {
    this.size = 0;
  }

  /** Add `item` with `key` (an item may be in the heap several times). */
  push(item: number, key: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const items = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk <= key) break;
      keys[i] = pk;
      items[i] = items[parent]!;
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }

  /** Remove the entry of least key and return its item; its key is left in {@link poppedKey}. Requires size > 0. */
  pop(): number {
    const keys = this.keys;
    const items = this.items;
    const top = items[0]!;
    this.poppedKey = keys[0]!;
    const n = --this.size;
    if (n > 0) {
      const key = keys[n]!;
      const item = items[n]!;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        let ck = keys[child]!;
        if (child + 1 < n) {
          const right = keys[child + 1]!;
          if (right < ck) {
            ck = right;
            child++;
          }
        }
        if (ck >= key) break;
        keys[i] = ck;
        items[i] = items[child]!;
        i = child;
      }
      keys[i] = key;
      items[i] = item;
    }
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.items = items;
  }
}
