/**
 * Shortest-path trees shared between classes
 * ==========================================
 *
 * Classes that differ only by forbidden arcs (shipper segments refusing a country, say) see the same
 * weight on every arc they may use. When class k forbids everything class j forbids (and more), and
 * both have the same constant cost on every arc k may use, j's graph contains k's graph with the same
 * weights: a shortest path of j that avoids k's forbidden arcs is a shortest path of k, with the same
 * length. So k can take j's tree for every destination whose tree path avoids its forbidden arcs and
 * skip its own Dijkstra; the check walks the tree paths the column generation walks anyway. The rule
 * applies transitively (a reused tree is still a shortest-path tree of the widest graph).
 *
 * Internal: no public API.
 */

import { float64Array, int32Array, type TypedArena } from '../_internal/arena.js';
import type { AssignmentClass, AssignmentProblem } from './problem.js';

/** A stored tree: predecessor arcs and distances by node. */
export interface StoredTree {
  readonly predecessorArc: Int32Array;
  readonly distance: Float64Array;
}

interface Kept {
  predecessorArc: Int32Array;
  distance: Float64Array;
  /** The round the tree belongs to. */
  round: number;
  /** Whether the arrays are this object's own copies (else the caller's, stable for the round). */
  copy: boolean;
}

/**
 * Whether class `k` may reuse the trees of class `j` (see the module comment).
 *
 * @internal
 */
function canReuse(j: AssignmentClass, k: AssignmentClass): boolean {
  if (j.fixedRoute || k.fixedRoute) return false;
  const cj = j.arcConstant;
  const ck = k.arcConstant;
  for (let a = 0; a < ck.length; a++) {
    const x = ck[a]!;
    if (x === Number.POSITIVE_INFINITY) continue;
    if (cj[a] !== x) return false; // a different weight, or forbidden for j but not for k
  }
  return true;
}

/** `to` holding `from` (same length). */
function copyInto<T extends Int32Array | Float64Array>(to: T, from: T): T {
  to.set(from);
  return to;
}

function forbiddenCount(c: AssignmentClass): number {
  let n = 0;
  for (let a = 0; a < c.arcConstant.length; a++) if (c.arcConstant[a] === Number.POSITIVE_INFINITY) n++;
  return n;
}

/**
 * Trees of the current round, kept for the classes whose trees others reuse.
 *
 * @internal
 */
export class SharedTrees {
  /** For each class, the earlier class (in problem order) whose trees it reuses, or -1. */
  readonly parent: Int32Array;
  /** Per class whose trees others reuse: its kept tree by root node. */
  private readonly stored: ((Kept | undefined)[] | undefined)[];
  private round = 0;
  /** Per node: the stamp of the last {@link treeServes} call that walked through it (its marks). */
  readonly walked: Int32Array;
  private stamp = 0;

  /**
   * @param p - the problem
   * @param arena - where the kept copies come from (new arrays without one)
   */
  constructor(
    p: AssignmentProblem,
    private readonly arena?: TypedArena,
  ) {
    const K = p.classes.length;
    this.walked = int32Array(arena, p.nodeCount);
    this.parent = int32Array(arena, K).fill(-1);
    this.stored = new Array(K).fill(undefined);
    const forbidden = p.classes.map(forbiddenCount);
    for (let k = 0; k < K; k++) {
      // the closest wider class: most forbidden arcs among the earlier classes k may reuse
      let best = -1;
      for (let j = 0; j < k; j++) {
        if (forbidden[j]! > forbidden[k]!) continue;
        if (best >= 0 && forbidden[j]! <= forbidden[best]!) continue;
        if (canReuse(p.classes[j]!, p.classes[k]!)) best = j;
      }
      this.parent[k] = best;
      if (best >= 0) this.stored[best] = new Array(p.nodeCount).fill(undefined);
    }
  }

  /** Whether class `k`'s trees are kept for others. */
  keeps(k: number): boolean {
    return this.stored[k] !== undefined;
  }

  /**
   * Keep class `k`'s tree from `origin` (its root) for this round: copied, as the Dijkstra workspace
   * is reused, unless `stable` says the arrays stay as they are until the round ends (a tree of
   * ./treeRepair.ts `KeptTrees`, repaired once per round).
   */
  keep(k: number, origin: number, predecessorArc: Int32Array, distance: Float64Array, stable = false): void {
    const byRoot = this.stored[k]!;
    const old = byRoot[origin];
    if (stable) {
      if (old && !old.copy) {
        old.predecessorArc = predecessorArc;
        old.distance = distance;
        old.round = this.round;
      } else byRoot[origin] = { predecessorArc, distance, round: this.round, copy: false };
    } else if (old?.copy) {
      old.predecessorArc.set(predecessorArc);
      old.distance.set(distance);
      old.round = this.round;
    } else {
      byRoot[origin] = {
        predecessorArc: copyInto(int32Array(this.arena, predecessorArc.length), predecessorArc),
        distance: copyInto(float64Array(this.arena, distance.length), distance),
        round: this.round,
        copy: true,
      };
    }
  }

  /** A stamp no entry of {@link walked} holds yet, for one {@link treeServes} call. */
  nextWalk(): number {
    if (++this.stamp > 0x3ffffff0) {
      this.walked.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /** The kept tree of class `k`'s parent from `origin` (its root), if any. */
  parentTree(k: number, origin: number): StoredTree | undefined {
    const j = this.parent[k]!;
    const tree = j < 0 ? undefined : this.stored[j]![origin];
    return tree?.round === this.round ? tree : undefined;
  }

  /** Start a new round: the trees kept so far are stale (costs changed). */
  nextRound(): void {
    this.round++;
  }
}

/**
 * Whether the tree paths to `ends[from..to)` avoid every arc `constant` forbids. `tail` is the tail
 * array of the graph the tree grew on (the reversed graph's for trees from destinations).
 *
 * With `mark` (one entry per node) and a `stamp` no entry holds yet, each node's path is walked once
 * however many ends share it: a node is marked when the walk passes it, and a walk stops at a marked
 * node, whose path has been found clean (any forbidden arc ends the call at once).
 *
 * @internal
 */
export function treeServes(
  tree: StoredTree,
  tail: Int32Array,
  constant: Float64Array,
  ends: Int32Array,
  from: number,
  to: number,
  mark?: Int32Array,
  stamp = 0,
): boolean {
  const pred = tree.predecessorArc;
  for (let j = from; j < to; j++) {
    const d = ends[j]!;
    if (!(tree.distance[d]! < Number.POSITIVE_INFINITY)) return false;
    for (let v = d, e = pred[v]!; e >= 0; e = pred[v]!) {
      if (mark !== undefined) {
        if (mark[v] === stamp) break;
        mark[v] = stamp;
      }
      if (constant[e] === Number.POSITIVE_INFINITY) return false;
      v = tail[e]!;
    }
  }
  return true;
}
