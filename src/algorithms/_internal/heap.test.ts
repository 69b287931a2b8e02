/**
 * Dijkstra's queues: both pop items in key order as Dijkstra uses them (keys only fall, settled
 * items are not queued again; the lazy heap's stale entries skipped), through buffer growth; and
 * Dijkstra with either queue gives Bellman–Ford distances on random graphs below and above the size
 * where `createQueue` switches.
 */

import { describe, expect, it } from 'vitest';
import { parkMiller } from '../../../test/support/random.js';
import { buildCsr } from './csr.js';
import { createDijkstraWorkspace, shortestPathTree } from './dijkstra.js';
import {
  createQueue,
  type DijkstraQueue,
  IndexedMinHeap,
  LAZY_QUEUE_MAX_NODES,
  LazyMinHeap,
} from './heap.js';

/**
 * Queue `n` items with falling keys in random order, popping now and then as Dijkstra does; returns
 * the (item, key) pairs popped, stale entries left out, and each item's last key.
 */
function drive(queue: DijkstraQueue, n: number, seed: number) {
  const rnd = parkMiller(seed);
  const best = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const settled = new Uint8Array(n);
  const popped: [number, number][] = [];
  const popOne = () => {
    const item = queue.pop();
    if (queue.poppedKey > best[item]!) return; // stale (lazy heap)
    expect(queue.poppedKey).toBe(best[item]);
    expect(settled[item]).toBe(0);
    settled[item] = 1;
    popped.push([item, queue.poppedKey]);
  };
  for (let step = 0; step < 6 * n; step++) {
    const item = Math.floor(rnd() * n);
    if (settled[item] === 0) {
      // keys stay above the last popped one, as distances do
      const floor = popped.length > 0 ? popped[popped.length - 1]![1] : 0;
      const key = floor + Math.floor(rnd() * 50);
      if (key < best[item]!) {
        best[item] = key;
        queue.push(item, key);
      }
    }
    if (rnd() < 0.3 && queue.size > 0) popOne();
  }
  while (queue.size > 0) popOne();
  return { popped, best, settled };
}

describe('Dijkstra queues', () => {
  for (const [name, make] of [
    ['indexed 4-ary heap', (n: number) => new IndexedMinHeap(n)],
    ['lazy binary heap', (n: number) => new LazyMinHeap(n)],
  ] as const) {
    it(`${name}: pops every queued item once, at its last key, in key order`, () => {
      for (const [n, seed] of [
        [5, 1],
        [40, 2],
        [300, 3],
      ] as const) {
        const queue = make(n);
        const { popped, best, settled } = drive(queue, n, seed);
        for (let i = 1; i < popped.length; i++)
          expect(popped[i]![1]).toBeGreaterThanOrEqual(popped[i - 1]![1]);
        for (let item = 0; item < n; item++) expect(settled[item]).toBe(best[item]! < Infinity ? 1 : 0);
        // reused after clear
        queue.clear();
        expect(queue.size).toBe(0);
        expect(drive(queue, n, seed + 10).popped.length).toBeGreaterThan(0);
      }
    });
  }

  it('createQueue picks the lazy heap for small graphs and the indexed heap for large ones', () => {
    expect(createQueue(LAZY_QUEUE_MAX_NODES)).toBeInstanceOf(LazyMinHeap);
    expect(createQueue(LAZY_QUEUE_MAX_NODES + 1)).toBeInstanceOf(IndexedMinHeap);
  });

  it('Dijkstra with either queue gives Bellman–Ford distances, ties and closed arcs included', () => {
    for (const [n, m, seed] of [
      [12, 90, 7], // dense: the lazy heap outgrows its first buffers
      [200, 900, 8],
      [LAZY_QUEUE_MAX_NODES + 200, 3000, 9],
    ] as const) {
      const rnd = parkMiller(seed);
      const tail = new Int32Array(m);
      const head = new Int32Array(m);
      const weight = new Float64Array(m);
      for (let a = 0; a < m; a++) {
        tail[a] = Math.floor(rnd() * n);
        head[a] = Math.floor(rnd() * n);
        // small integer weights make ties; some arcs closed, some free
        const r = rnd();
        weight[a] = r < 0.05 ? Number.POSITIVE_INFINITY : r < 0.1 ? 0 : Math.floor(rnd() * 6);
      }
      const csr = buildCsr(n, tail, head);
      const workspace = createDijkstraWorkspace(n);
      for (const source of [0, Math.floor(n / 2)]) {
        const tree = shortestPathTree(csr, weight, source, workspace);
        const expected = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
        expected[source] = 0;
        for (let round = 0; round < n; round++) {
          let changed = false;
          for (let a = 0; a < m; a++) {
            const nd = expected[tail[a]!]! + weight[a]!;
            if (nd < expected[head[a]!]!) {
              expected[head[a]!] = nd;
              changed = true;
            }
          }
          if (!changed) break;
        }
        expect(Array.from(tree.distance)).toEqual(Array.from(expected));
        // every reached node but the source hangs on an arc that realises its distance, once settled
        let reached = 0;
        for (let v = 0; v < n; v++) {
          if (expected[v] === Infinity) continue;
          reached++;
          const e = tree.predecessorArc[v]!;
          if (v === source) expect(e).toBe(-1);
          else expect(tree.distance[tail[e]!]! + weight[e]!).toBe(tree.distance[v]);
        }
        expect(tree.settledCount).toBe(reached);
      }
    }
  });
});
