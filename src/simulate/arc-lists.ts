/**
 * Shared arc lists of routed paths
 * ================================
 *
 * The routed paths of a simulation carry their arcs as plain arrays, cut from the flat arc array of
 * the solver's path set. The shipper segments of one flow mostly take the same routes, so the same arc
 * list comes up several times (149 distinct lists for 391 paths in the Eurasia baseline of 2023): a
 * pool makes each distinct list once and hands the same array to every path that takes it. That saves
 * the copies. (Aggregation reads the equilibrium's paths from the path set itself, ./path-flows.ts;
 * these arrays are made only when a result's `paths` are read.)
 *
 * Internal: no public API.
 */

import { HASH_SEED, hashStep } from '../algorithms/assignment/pathStore.js';

/** Hands out arc lists, one array per distinct list. */
export interface ArcListPool {
  /**
   * The arcs `flat[start .. end)` as an array: the array handed out before for an equal list, else a
   * new one.
   *
   * @param flat - arcs of many paths, path after path
   * @param start - first arc of the list
   * @param end - one past its last arc
   * @returns the list (shared: not to be changed)
   */
  take(flat: Int32Array, start: number, end: number): readonly number[];
}

/**
 * An empty pool for at most `capacity` distinct lists.
 *
 * @param capacity - most distinct lists it will be asked for (the table does not grow past it)
 * @returns the pool
 * @remarks Taking a list costs O(its length): an FNV-1a hash, then a comparison with the lists of the
 *   same hash, in an open-addressing table at most half full.
 */
export function createArcListPool(capacity: number): ArcListPool {
  let size = 16;
  while (size < 2 * capacity) size *= 2;
  const mask = size - 1;
  // per slot: 1 + index into `lists`, 0 when empty; the hash of each list beside it
  const slots = new Int32Array(size);
  const hashes = new Int32Array(size);
  const lists: number[][] = [];
  return {
    take(flat, start, end) {
      let h = HASH_SEED;
      for (let i = start; i < end; i++) h = hashStep(h, flat[i]!);
      const length = end - start;
      let i = h & mask;
      for (let s = slots[i]!; s !== 0; s = slots[i]!) {
        if (hashes[i] === h) {
          const known = lists[s - 1]!;
          if (known.length === length) {
            let k = 0;
            while (k < length && known[k] === flat[start + k]) k++;
            if (k === length) return known;
          }
        }
        i = (i + 1) & mask;
      }
      if (lists.length >= capacity) throw new RangeError(`arc-lists: more than ${capacity} distinct lists`);
      const list: number[] = new Array(length);
      for (let k = 0; k < length; k++) list[k] = flat[start + k]!;
      lists.push(list);
      slots[i] = lists.length;
      hashes[i] = h;
      return list;
    },
  };
}
