/**
 * Path storage for path-based algorithms
 * ======================================
 *
 * Per OD a singly linked list of paths; each path's arcs live in one growable Int32Array arena.
 * Paths are deduplicated by (length, hash, arcs). Removed paths go to a free list and their arena
 * words are reclaimed by compaction once more than half the arena is garbage.
 *
 * Internal: no public API. add/remove O(path length), find O(paths of the OD · path length).
 */

import { float64Array, grown, int32Array, TypedArena } from '../_internal/arena.js';
import type { PathSet } from './pathSet.js';
import type { AssignmentProblem } from './problem.js';

/** FNV-1a offset basis. */
export const HASH_SEED = 0x811c9dc5 | 0;

/**
 * One FNV-1a step.
 *
 * @internal
 */
export function hashStep(h: number, arc: number): number {
  return Math.imul(h ^ arc, 16777619);
}

/**
 * FNV-1a hash of an arc sequence taken from its last arc to its first (the order in which a
 * shortest-path tree yields it, so the hash can be computed while walking the tree).
 *
 * @internal
 */
export function hashArcs(buffer: Int32Array, length: number): number {
  let h = HASH_SEED;
  for (let i = length - 1; i >= 0; i--) h = hashStep(h, buffer[i]!);
  return h;
}

/** @internal */
export class PathStore {
  /** First path of each OD, -1 when none. */
  readonly odHead: Int32Array;
  /** Number of paths of each OD. */
  readonly odSize: Int32Array;
  next: Int32Array;
  start: Int32Array;
  length: Int32Array;
  hash: Int32Array;
  flow: Float64Array;
  /** Scratch per path: cost. */
  cost: Float64Array;
  /** Scratch per path for the caller (e.g. log path-size factor). */
  aux: Float64Array;
  /** Second scratch per path (e.g. target flow). */
  aux2: Float64Array;
  /**
   * Serial number of each path, unique over the store's life (a path index is reused after a
   * removal; its serial is not): tells a cache about a path whether it still holds the same path.
   */
  serial: Int32Array;
  arcs: Int32Array;
  private used = 0;
  private serials = 0;
  private garbage = 0;
  private top = 0;
  private freeHead = -1;
  /** Number of live paths. */
  liveCount = 0;

  /** The serial of the latest path added (0 before any): it changes exactly when a path is added. */
  get lastSerial(): number {
    return this.serials;
  }

  /**
   * @param odCount - number of ODs
   * @param initialPaths - room for this many paths before the arrays grow
   * @param initialArcs - room for this many arcs of paths before the arena grows
   * @param arena - where the initial arrays come from (one allocation each without; they grow by
   *   ordinary allocation)
   */
  constructor(odCount: number, initialPaths: number, initialArcs: number, arena?: TypedArena) {
    this.odHead = int32Array(arena, odCount).fill(-1);
    this.odSize = int32Array(arena, odCount);
    const n = Math.max(16, initialPaths);
    this.next = int32Array(arena, n);
    this.start = int32Array(arena, n);
    this.length = int32Array(arena, n);
    this.hash = int32Array(arena, n);
    this.flow = float64Array(arena, n);
    this.cost = float64Array(arena, n);
    this.aux = float64Array(arena, n);
    this.aux2 = float64Array(arena, n);
    this.serial = int32Array(arena, n);
    this.arcs = int32Array(arena, Math.max(64, initialArcs));
  }

  private growPaths(): void {
    const n = this.next.length * 2;
    const grow = <T extends Int32Array | Float64Array>(a: T): T => grown(a, n);
    this.next = grow(this.next);
    this.start = grow(this.start);
    this.length = grow(this.length);
    this.hash = grow(this.hash);
    this.flow = grow(this.flow);
    this.cost = grow(this.cost);
    this.aux = grow(this.aux);
    this.aux2 = grow(this.aux2);
    this.serial = grow(this.serial);
  }

  /** Index of a path of `od` equal to `buffer[0..len)`, or -1. */
  find(od: number, buffer: Int32Array, len: number, hash: number): number {
    const arcs = this.arcs;
    for (let p = this.odHead[od]!; p >= 0; p = this.next[p]!) {
      if (this.hash[p] !== hash || this.length[p] !== len) continue;
      const s = this.start[p]!;
      let same = true;
      for (let i = 0; i < len; i++) {
        if (arcs[s + i] !== buffer[i]) {
          same = false;
          break;
        }
      }
      if (same) return p;
    }
    return -1;
  }

  /** Like {@link find}, with the candidate given last arc first in `reversed[0..len)`. */
  findReversed(od: number, reversed: Int32Array, len: number, hash: number): number {
    const arcs = this.arcs;
    for (let p = this.odHead[od]!; p >= 0; p = this.next[p]!) {
      if (this.hash[p] !== hash || this.length[p] !== len) continue;
      const last = this.start[p]! + len - 1;
      let same = true;
      for (let i = 0; i < len; i++) {
        if (arcs[last - i] !== reversed[i]) {
          same = false;
          break;
        }
      }
      if (same) return p;
    }
    return -1;
  }

  /**
   * Like {@link find}, for the path a shortest-path tree gives from `from`: arc `pred[v]` leaves each
   * node v on it and leads to `next[pred[v]]` (a tree grown backwards from the destination).
   */
  findTreePath(
    od: number,
    hash: number,
    len: number,
    from: number,
    pred: Int32Array,
    next: Int32Array,
  ): number {
    const arcs = this.arcs;
    for (let p = this.odHead[od]!; p >= 0; p = this.next[p]!) {
      if (this.hash[p] !== hash || this.length[p] !== len) continue;
      let v = from;
      let same = true;
      for (let k = this.start[p]!, stop = k + len; k < stop; k++) {
        const a = arcs[k]!;
        if (a !== pred[v]) {
          same = false;
          break;
        }
        v = next[a]!;
      }
      if (same) return p;
    }
    return -1;
  }

  /** Append a path to `od` (at the head of its list); returns its index. */
  add(od: number, buffer: Int32Array, len: number, hash: number, flow: number): number {
    const p = this.open(od, len, hash, flow);
    const arcs = this.arcs;
    for (let i = 0, at = this.start[p]!; i < len; i++, at++) arcs[at] = buffer[i]!;
    return p;
  }

  /**
   * Like {@link add}, for the path a shortest-path tree gives from `from` (as in {@link findTreePath}:
   * arc `pred[v]` leaves each node v and leads to `next[pred[v]]`), written straight from the tree.
   * `len` and `hash` are the path's (./treeRoots.ts `TreePathKeys`).
   */
  addTreePath(
    od: number,
    from: number,
    pred: Int32Array,
    next: Int32Array,
    len: number,
    hash: number,
    flow: number,
  ): number {
    const p = this.open(od, len, hash, flow);
    const arcs = this.arcs;
    for (let at = this.start[p]!, stop = at + len, v = from; at < stop; at++) {
      const a = pred[v]!;
      arcs[at] = a;
      v = next[a]!;
    }
    return p;
  }

  /** A new path of `od` with room for `len` arcs at `start[p]`, not written yet; returns its index. */
  private open(od: number, len: number, hash: number, flow: number): number {
    let p = this.freeHead;
    if (p >= 0) {
      this.freeHead = this.next[p]!;
    } else {
      if (this.top === this.next.length) this.growPaths();
      p = this.top++;
    }
    if (this.used + len > this.arcs.length) {
      if (this.garbage > this.used / 2) this.compact();
      if (this.used + len > this.arcs.length) {
        const bigger = new Int32Array(Math.max(this.arcs.length * 2, this.used + len));
        bigger.set(this.arcs.subarray(0, this.used));
        this.arcs = bigger;
      }
    }
    this.start[p] = this.used;
    this.used += len;
    this.length[p] = len;
    this.hash[p] = hash;
    this.flow[p] = flow;
    this.cost[p] = 0;
    this.aux[p] = 0;
    this.aux2[p] = 0;
    this.serial[p] = ++this.serials;
    this.next[p] = this.odHead[od]!;
    this.odHead[od] = p;
    this.odSize[od]!++;
    this.liveCount++;
    return p;
  }

  /** Remove path `p` of `od`, whose predecessor in the OD's list is `prev` (-1 when it is the head). */
  remove(od: number, p: number, prev: number): void {
    const after = this.next[p]!;
    if (prev < 0) this.odHead[od] = after;
    else this.next[prev] = after;
    this.odSize[od]!--;
    this.garbage += this.length[p]!;
    this.next[p] = this.freeHead;
    this.freeHead = p;
    this.liveCount--;
  }

  /** Move live paths' arcs to the front of the arena. */
  compact(): void {
    const fresh = new Int32Array(this.arcs.length);
    let used = 0;
    for (let od = 0; od < this.odHead.length; od++) {
      for (let p = this.odHead[od]!; p >= 0; p = this.next[p]!) {
        const s = this.start[p]!;
        const len = this.length[p]!;
        fresh.set(this.arcs.subarray(s, s + len), used);
        this.start[p] = used;
        used += len;
      }
    }
    this.arcs = fresh;
    this.used = used;
    this.garbage = 0;
  }

  /** Export the paths with positive flow as a {@link PathSet}; path costs come from `this.cost`. */
  toPathSet(problem: AssignmentProblem): PathSet {
    // fields read into locals: the loops below run over every stored path
    const { odHead, next, flow, start, length, cost, odSize, arcs } = this;
    const odCount = odHead.length;
    let paths = 0;
    let arcCount = 0;
    let widest = 0;
    for (let od = 0; od < odCount; od++) {
      for (let p = odHead[od]!; p >= 0; p = next[p]!) {
        if (flow[p]! > 0) {
          paths++;
          arcCount += length[p]!;
        }
      }
      if (odSize[od]! > widest) widest = odSize[od]!;
    }
    // one buffer of the exact size for the set's arrays (they outlive this call) and the scratch
    const arena = new TypedArena(
      4 * (4 * odCount + 1) + 8 * odCount + 4 * (paths + 1 + arcCount) + 16 * paths + 4 * widest + 64,
    );
    const odClass = arena.i32(odCount);
    const odOrigin = arena.i32(odCount);
    const odDestination = arena.i32(odCount);
    const odDemand = arena.f64(odCount);
    const odPathStart = arena.i32(odCount + 1);
    const pathArcStart = arena.i32(paths + 1);
    const pathArcs = arena.i32(arcCount);
    const pathFlow = arena.f64(paths);
    const pathCost = arena.f64(paths);
    const scratch = arena.i32(widest);
    let q = 0;
    let w = 0;
    for (const cls of problem.classes) {
      for (let i = 0; i < cls.origins.length; i++) {
        for (let j = cls.originStart[i]!; j < cls.originStart[i + 1]!; j++) {
          const od = cls.odOffset + j;
          odClass[od] = cls.index;
          odOrigin[od] = cls.origins[i]!;
          odDestination[od] = cls.destinations[j]!;
          odDemand[od] = cls.demand[j]!;
          odPathStart[od] = q;
          // Keep insertion order (oldest first): collect then reverse.
          let n = 0;
          for (let p = odHead[od]!; p >= 0; p = next[p]!) if (flow[p]! > 0) scratch[n++] = p;
          for (let r = n - 1; r >= 0; r--) {
            const p = scratch[r]!;
            pathArcStart[q] = w;
            // a copy loop: a subarray view per path cost more than the copy (measured)
            for (let k = start[p]!, stop = k + length[p]!; k < stop; k++) pathArcs[w++] = arcs[k]!;
            pathFlow[q] = flow[p]!;
            pathCost[q] = cost[p]!;
            q++;
          }
        }
      }
    }
    odPathStart[odCount] = q;
    pathArcStart[paths] = w;
    return {
      odClass,
      odOrigin,
      odDestination,
      odDemand,
      odPathStart,
      pathArcStart,
      pathArcs,
      pathFlow,
      pathCost,
    };
  }
}
