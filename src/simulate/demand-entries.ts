/**
 * The OD entries of user classes, by class, origin and destination
 * ================================================================
 *
 * A solver reports its flows per OD of a class (class, origin vertex, destination vertex); several
 * demand flows can share one such OD (flows of the same class between the same vertices). This index
 * finds them, to split an OD's path flows and unreachable volume back to its demand flows.
 *
 * Internal: no public API.
 */

import { int32Array, type TypedArena } from '../algorithms/_internal/arena.js';
import type { ClassEntry, DemandClass } from './classes.js';

/** The OD entries of all classes, found by class, origin and destination. */
export interface DemandEntries {
  /** Entries of all classes, class after class, each class's in its order. */
  readonly list: readonly ClassEntry[];
  /** Indices into `list` of the entries the last {@link DemandEntries.collect} found, in list order. */
  readonly group: Int32Array;
  /** Σ volume of those entries (in list order). */
  readonly total: number;
  /**
   * Find the entries of class `k` from `origin` to `destination` into `group` and `total`.
   *
   * @returns how many there are
   */
  collect(k: number, origin: number, destination: number): number;
}

/**
 * Index the entries of `classes` by class and origin vertex: the entries of an OD are those of its
 * class and origin with its destination (a handful per origin).
 *
 * @param classes - the classes
 * @param vertexCount - vertices of the compiled network (entries' origins are below it)
 * @param arena - where the index's arrays come from (new arrays without one)
 * @returns the index
 * @remarks O(classes × vertices + entries) to build; `collect` O(entries of the class and origin).
 */
export function demandEntries(
  classes: readonly DemandClass[],
  vertexCount: number,
  arena?: TypedArena,
): DemandEntries {
  const list: ClassEntry[] = [];
  for (const cls of classes) for (const x of cls.entries) list.push(x);
  // first entry of class k from origin vertex o at firstFrom[k * vertexCount + o] (−1: none); the
  // next of the same class and origin at nextFrom[i], in list order
  const firstFrom = int32Array(arena, classes.length * vertexCount).fill(-1);
  const lastFrom = int32Array(arena, list.length);
  const nextFrom = int32Array(arena, list.length).fill(-1);
  const group = int32Array(arena, list.length);
  let i = 0;
  for (let k = 0; k < classes.length; k++) {
    for (const x of classes[k]!.entries) {
      const at = k * vertexCount + x.origin;
      const first = firstFrom[at]!;
      if (first < 0) firstFrom[at] = i;
      else nextFrom[lastFrom[first]!] = i;
      lastFrom[first < 0 ? i : first] = i;
      i++;
    }
  }
  const entries = {
    list,
    group,
    total: 0,
    collect(k: number, origin: number, destination: number): number {
      let count = 0;
      let total = 0;
      for (let j = firstFrom[k * vertexCount + origin]!; j >= 0; j = nextFrom[j]!) {
        const x = list[j]!;
        if (x.destination !== destination) continue;
        group[count++] = j;
        total += x.volume;
      }
      entries.total = total;
      return count;
    },
  };
  return entries;
}
