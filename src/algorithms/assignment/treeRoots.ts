/**
 * Where shortest-path trees are rooted
 * ====================================
 *
 * Path-based algorithms need, every round, the shortest path of every OD. A tree from an origin
 * gives the paths to all its destinations; a tree grown backwards from a destination (Dijkstra on
 * the reversed graph) gives the paths from all its origins. When the demand has fewer distinct
 * destinations than origins — the Eurasia demand has 11 origins in China and Central Asia and 4
 * European destinations per class — rooting the trees at the destinations needs fewer of them.
 *
 * A problem roots all its trees on one side (so classes that share trees, ./treeSharing.ts, always
 * agree): at the destinations when the classes have fewer distinct destinations than origins in all,
 * else at the origins. On the reversed graph an arc keeps its id, its tail and head swap, and
 * `predecessorArc[v]` of a tree from destination d is the arc leaving v on its shortest path to d.
 * Through-blocked nodes keep their meaning: the root may be left, any other blocked node may only
 * end a path.
 *
 * Internal: no public API. O(N + M + entries) per problem.
 */

import { int32Array, type TypedArena, uint8Array } from '../_internal/arena.js';
import { type Csr, reverseCsr } from '../_internal/csr.js';
import { HASH_SEED, hashStep } from './pathStore.js';
import type { AssignmentClass, AssignmentProblem } from './problem.js';

/** The roots of one class's trees and the OD entries each tree serves. */
export interface ClassRoots {
  /** Root node of each tree (origins, or destinations when reversed). */
  readonly roots: Int32Array;
  /** Entries served by tree i are `entries[rootStart[i] .. rootStart[i+1])`. */
  readonly rootStart: Int32Array;
  /** OD entry indices j (within the class: `cls.destinations[j]`, `cls.demand[j]`). */
  readonly entries: Int32Array;
  /** The other end of each entry in `entries` order: its destination, or its origin when reversed. */
  readonly far: Int32Array;
}

/** Tree roots of every class of a problem. */
export interface TreeRoots {
  /** True when trees grow backwards from destinations. */
  readonly reverse: boolean;
  /** The graph trees grow on: the problem's graph, or its reversal (same arc ids). */
  readonly csr: Csr;
  /** Per class, in problem order. */
  readonly byClass: readonly ClassRoots[];
}

function originRoots(cls: AssignmentClass, arena: TypedArena | undefined): ClassRoots {
  const entries = int32Array(arena, cls.destinations.length);
  for (let j = 0; j < entries.length; j++) entries[j] = j;
  return { roots: cls.origins, rootStart: cls.originStart, entries, far: cls.destinations };
}

/**
 * Entries grouped by destination (destinations in order of first appearance, entries in order).
 * `slot` is scratch of one entry per node, all -1 on entry and on return.
 */
function destinationRoots(cls: AssignmentClass, slot: Int32Array, arena: TypedArena | undefined): ClassRoots {
  const J = cls.destinations.length;
  const roots: number[] = [];
  const count: number[] = [];
  for (let j = 0; j < J; j++) {
    const d = cls.destinations[j]!;
    if (slot[d] === -1) {
      slot[d] = roots.length;
      roots.push(d);
      count.push(0);
    }
    count[slot[d]!]!++;
  }
  const R = roots.length;
  // one buffer: roots, rootStart, fill positions, entries, far
  const length = R + (R + 1) + R + 2 * J;
  const buffer = int32Array(arena, length);
  const rootArray = buffer.subarray(0, R);
  const rootStart = buffer.subarray(R, 2 * R + 1);
  const fill = buffer.subarray(2 * R + 1, 3 * R + 1);
  const entries = buffer.subarray(3 * R + 1, 3 * R + 1 + J);
  const far = buffer.subarray(3 * R + 1 + J);
  for (let i = 0; i < R; i++) {
    rootArray[i] = roots[i]!;
    rootStart[i + 1] = rootStart[i]! + count[i]!;
    fill[i] = rootStart[i]!;
  }
  for (let i = 0; i < cls.origins.length; i++) {
    for (let j = cls.originStart[i]!; j < cls.originStart[i + 1]!; j++) {
      const at = fill[slot[cls.destinations[j]!]!]!++;
      entries[at] = j;
      far[at] = cls.origins[i]!;
    }
  }
  for (let i = 0; i < R; i++) slot[roots[i]!] = -1;
  return { roots: rootArray, rootStart, entries, far };
}

/** Number of distinct destinations of a class (`seen`: scratch per node, all 0 on entry and return). */
function distinctDestinations(cls: AssignmentClass, seen: Uint8Array): number {
  let n = 0;
  for (const d of cls.destinations) {
    if (seen[d] === 0) {
      seen[d] = 1;
      n++;
    }
  }
  for (const d of cls.destinations) seen[d] = 0;
  return n;
}

/**
 * Choose the side trees grow from, and list every class's roots.
 *
 * @param p - the problem
 * @param arena - where the roots' arrays come from (new arrays without one)
 * @returns the roots; reversed when the classes have fewer distinct destinations than origins in all
 * @internal
 */
export function treeRoots(p: AssignmentProblem, arena?: TypedArena): TreeRoots {
  let origins = 0;
  let destinations = 0;
  const seen = uint8Array(arena, p.nodeCount);
  for (const cls of p.classes) {
    origins += cls.origins.length;
    destinations += distinctDestinations(cls, seen);
  }
  const reverse = destinations < origins;
  const slot = int32Array(arena, reverse ? p.nodeCount : 0).fill(-1);
  return {
    reverse,
    csr: reverse ? reverseCsr(p.csr, arena) : p.csr,
    byClass: p.classes.map((cls) => (reverse ? destinationRoots(cls, slot, arena) : originRoots(cls, arena))),
  };
}

/**
 * Hash and length of tree paths to the root, for trees grown from destinations: the path from v is
 * the arc `pred[v]` followed by the path from the node it leads to, so its hash (PathStore's, taken
 * from the last arc to the first) and length follow from that node's, one arc more. Each is worked
 * out once per node of a tree, however many ODs end there.
 *
 * @internal
 */
export class TreePathKeys {
  /** Hash of the tree path from each node (valid where `mark` holds the current stamp). */
  readonly hash: Int32Array;
  /** Arcs on the tree path from each node. */
  readonly length: Int32Array;
  private readonly mark: Int32Array;
  private readonly trail: Int32Array;
  private stamp = 0;
  /** The tree the current keys belong to, when started by {@link forTree}. */
  private tree: Int32Array | undefined;

  constructor(nodeCount: number, arena: TypedArena) {
    this.hash = arena.i32(nodeCount);
    this.length = arena.i32(nodeCount);
    this.mark = arena.i32(nodeCount);
    this.trail = arena.i32(nodeCount);
  }

  /** Forget the last tree's keys (call once per tree). */
  nextTree(): void {
    this.stamp++;
    this.tree = undefined;
  }

  /**
   * Start the keys of the tree `pred`: the keys worked out since the last {@link nextTree} stay when
   * `pred` is the array they were worked out on (a tree that classes share), else they are forgotten.
   * The array must not have changed in between: call {@link nextTree} after trees are repaired.
   *
   * @param pred - the tree's arc leaving each node towards the root
   */
  forTree(pred: Int32Array): void {
    if (pred === this.tree) return;
    this.stamp++;
    this.tree = pred;
  }

  /**
   * {@link settle} every node `ends[from..to)` (the far ends of one tree's ODs): one call per tree
   * rather than one per OD from the caller's long loops.
   *
   * @param ends - nodes
   * @param from - first index into `ends`
   * @param to - end index into `ends`
   * @param pred - the tree's arc leaving each node towards the root (-1 at the root)
   * @param next - the node each arc leads to (the reversed graph's tail)
   */
  settleEnds(ends: Int32Array, from: number, to: number, pred: Int32Array, next: Int32Array): void {
    for (let k = from; k < to; k++) this.settle(ends[k]!, pred, next);
  }

  /**
   * Work out `hash[v]` and `length[v]` for the tree path from `v`.
   *
   * @param v - a node
   * @param pred - the tree's arc leaving each node towards the root (-1 at the root)
   * @param next - the node each arc leads to (the reversed graph's tail)
   */
  settle(v: number, pred: Int32Array, next: Int32Array): void {
    const { hash, length, mark, trail, stamp } = this;
    let top = 0;
    let u = v;
    while (mark[u] !== stamp) {
      const e = pred[u]!;
      if (e < 0) {
        mark[u] = stamp;
        hash[u] = HASH_SEED;
        length[u] = 0;
        break;
      }
      trail[top++] = u;
      u = next[e]!;
    }
    while (top > 0) {
      const w = trail[--top]!;
      const e = pred[w]!;
      const n = next[e]!;
      hash[w] = hashStep(hash[n]!, e);
      length[w] = length[n]! + 1;
      mark[w] = stamp;
    }
  }
}
