/**
 * Residual graph in forward-star order
 * ====================================
 *
 * Each arc `e` of the input gives two residual arcs: forward (capacity `cap[e]`) and backward
 * (capacity 0). Both are stored in the forward star of their tail, so a node's residual arcs are
 * contiguous (`first[v] .. first[v+1]`), which is what push-relabel and cost scaling scan in their
 * inner loops. `mate[p]` is the position of the opposite residual arc; `arcPos[e]` the position of the
 * forward arc of input arc `e` (its flow is `rcap[mate[arcPos[e]]]`).
 *
 * Internal: no public API. Complexity O(n + m) time and memory.
 */

import { float64Array, int32Array, type TypedArena, uint8Array } from '../../_internal/arena.js';

/** A residual graph (see module comment). */
export interface Residual {
  /** Number of nodes. */
  readonly n: number;
  /** Number of input arcs (residual arcs are twice as many). */
  readonly m: number;
  /** Residual arcs of v are positions `first[v] .. first[v+1]-1`. */
  readonly first: Int32Array;
  /** Head of each residual arc. */
  readonly to: Int32Array;
  /** Residual capacity of each residual arc. */
  readonly rcap: Float64Array;
  /** Position of the opposite residual arc. */
  readonly mate: Int32Array;
  /** Position of the forward residual arc of each input arc. */
  readonly arcPos: Int32Array;
}

/**
 * Build the residual graph of a flow network with zero flow.
 *
 * @param n - number of nodes
 * @param tail - tail of each arc
 * @param head - head of each arc
 * @param cap - capacity of each arc (finite)
 * @param arena - where to take the arrays from (arrays of their own without one)
 * @returns the residual graph (fresh arrays)
 */
export function buildResidual(
  n: number,
  tail: Int32Array,
  head: Int32Array,
  cap: Float64Array,
  arena?: TypedArena,
): Residual {
  const m = tail.length;
  const first = int32Array(arena, n + 1);
  for (let e = 0; e < m; e++) {
    first[tail[e]! + 1]!++;
    first[head[e]! + 1]!++;
  }
  for (let v = 0; v < n; v++) first[v + 1]! += first[v]!;
  const fill = int32Array(arena, n);
  fill.set(first.subarray(0, n));
  const to = int32Array(arena, 2 * m);
  const rcap = float64Array(arena, 2 * m);
  const mate = int32Array(arena, 2 * m);
  const arcPos = int32Array(arena, m);
  for (let e = 0; e < m; e++) {
    const u = tail[e]!;
    const v = head[e]!;
    const p = fill[u]!++;
    const q = fill[v]!++;
    to[p] = v;
    to[q] = u;
    rcap[p] = cap[e]!;
    mate[p] = q;
    mate[q] = p;
    arcPos[e] = p;
  }
  return { n, m, first, to, rcap, mate, arcPos };
}

/**
 * Bytes of the arrays {@link buildResidual} takes for n nodes and m arcs, alignment included: for
 * callers that size an arena.
 *
 * @param n - number of nodes
 * @param m - number of arcs
 * @returns the bytes
 */
export function residualBytes(n: number, m: number): number {
  return 4 * (n + 1) + 4 * n + 4 * 2 * m + 8 * 2 * m + 4 * 2 * m + 4 * m + 6 * 8;
}

/**
 * Mark the nodes that can reach `target` through arcs with positive residual capacity.
 *
 * @param g - the residual graph
 * @param target - the node to reach
 * @param queue - scratch buffer of length ≥ n
 * @param arena - where to take the marks from (an array of their own without one)
 * @returns 1 for nodes that reach the target (target included), else 0
 */
export function reachesTarget(
  g: Residual,
  target: number,
  queue: Int32Array,
  arena?: TypedArena,
): Uint8Array {
  const { first, to, rcap, mate } = g;
  const mark = uint8Array(arena, g.n);
  mark[target] = 1;
  queue[0] = target;
  let qHead = 0;
  let qTail = 1;
  while (qHead < qTail) {
    const w = queue[qHead++]!;
    for (let p = first[w]!, end = first[w + 1]!; p < end; p++) {
      const u = to[p]!;
      if (mark[u] === 0 && rcap[mate[p]!]! > 0) {
        mark[u] = 1;
        queue[qTail++] = u;
      }
    }
  }
  return mark;
}
