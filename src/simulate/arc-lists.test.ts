/**
 * The arc-list pool against direct slicing: every list it hands out equals the slice it was asked
 * for, equal slices get one array, and different slices different arrays.
 */

import { describe, expect, it } from 'vitest';
import { createArcListPool } from './arc-lists.js';

/** Paths of a few arcs drawn from a small range, so that many repeat (a linear congruential draw). */
function flatPaths(count: number, seed: number): { flat: Int32Array; start: Int32Array } {
  let state = seed;
  const draw = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const arcs: number[] = [];
  const start = new Int32Array(count + 1);
  for (let p = 0; p < count; p++) {
    const length = draw(4); // 0 to 3 arcs: empty lists and repeats are common
    for (let i = 0; i < length; i++) arcs.push(draw(5));
    start[p + 1] = arcs.length;
  }
  return { flat: Int32Array.from(arcs), start };
}

describe('createArcListPool', () => {
  it('hands out the slices, one array per distinct list', () => {
    for (const seed of [1, 2, 3]) {
      const count = 600;
      const { flat, start } = flatPaths(count, seed);
      const pool = createArcListPool(count);
      const byContent = new Map<string, readonly number[]>();
      for (let p = 0; p < count; p++) {
        const direct = Array.from(flat.subarray(start[p]!, start[p + 1]!));
        const list = pool.take(flat, start[p]!, start[p + 1]!);
        expect(Array.isArray(list)).toBe(true);
        expect(list).toEqual(direct);
        const key = direct.join(',');
        const earlier = byContent.get(key);
        if (earlier === undefined) {
          for (const other of byContent.values()) expect(other).not.toBe(list);
          byContent.set(key, list);
        } else {
          expect(list).toBe(earlier);
        }
      }
      // the draw repeats lists: the pool was asked for far fewer distinct lists than paths
      expect(byContent.size).toBeLessThan(count / 2);
    }
  });

  it('tells lists apart that share their first arcs, or are empty', () => {
    const flat = Int32Array.from([7, 7, 8, 7, 7, 8]);
    const pool = createArcListPool(4);
    const seven = pool.take(flat, 0, 1);
    const sevens = pool.take(flat, 0, 2);
    const full = pool.take(flat, 0, 3);
    const empty = pool.take(flat, 2, 2);
    expect([seven, sevens, full, empty]).toEqual([[7], [7, 7], [7, 7, 8], []]);
    expect(new Set([seven, sevens, full, empty]).size).toBe(4);
    expect(pool.take(flat, 3, 6)).toBe(full);
    expect(pool.take(flat, 4, 5)).toBe(seven);
    expect(pool.take(flat, 5, 5)).toBe(empty);
  });
});
