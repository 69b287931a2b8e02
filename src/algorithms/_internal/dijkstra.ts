/**
 * Typed-array Dijkstra (shortest-path tree)
 * =========================================
 *
 * Single-source shortest paths on a {@link Csr} with non-negative arc weights. Arcs whose weight is
 * `Infinity` are treated as absent (that is how closed links and forbidden countries are expressed).
 * An optional node penalty is added when a path passes *through* a node (not at the source), which
 * models dwell time at borders; an optional `blockedThrough` mask forbids passing through nodes
 * (zones that are not through nodes, TNTP "first thru node").
 *
 * Reference: E. W. Dijkstra, "A note on two problems in connexion with graphs", Numer. Math. 1959.
 * Internal: no public API. Complexity O((n + m) log m).
 */

import { float64Array, int32Array, type TypedArena } from './arena.js';
import type { Csr } from './csr.js';
import { createQueue, type DijkstraQueue } from './heap.js';

/** Reusable buffers for repeated shortest-path trees on one graph. */
export interface ShortestPathTree {
  /** Distance from the source; Infinity when unreachable. */
  readonly distance: Float64Array;
  /** Arc used to reach each node; -1 for the source and unreachable nodes. */
  readonly predecessorArc: Int32Array;
  /** Nodes in the order they were settled (first `settledCount` entries). */
  readonly order: Int32Array;
  /** How many nodes were settled in the last run. */
  settledCount: number;
}

/** Reusable state for {@link shortestPathTree}. */
export interface DijkstraWorkspace {
  readonly tree: ShortestPathTree;
  readonly heap: DijkstraQueue;
}

/**
 * Allocate buffers for a graph of `nodeCount` nodes.
 *
 * @param nodeCount - number of nodes
 * @param arena - where the buffers come from (new arrays without one)
 * @returns a workspace to pass to {@link shortestPathTree}
 */
export function createDijkstraWorkspace(nodeCount: number, arena?: TypedArena): DijkstraWorkspace {
  return {
    tree: {
      distance: float64Array(arena, nodeCount),
      predecessorArc: int32Array(arena, nodeCount),
      order: int32Array(arena, nodeCount),
      settledCount: 0,
    },
    heap: createQueue(nodeCount, arena),
  };
}

/** Optional inputs of {@link shortestPathTree}. */
export interface TreeOptions {
  /** Added to a path's length when it passes through node v (not at the source; also at the target). */
  readonly nodeWeight?: Float64Array;
  /** When `blockedThrough[v]` is 1, v may be reached but not left (unless it is the source). */
  readonly blockedThrough?: Uint8Array;
  /** Stop early once this node is settled. */
  readonly target?: number;
  /**
   * How `weight` is indexed: `'arc'` (default) by arc id; `'out'` by forward-star position, i.e.
   * `weight[p]` is the weight of arc `csr.outArcs[p]` (build it once with `toOutOrder`). The `'out'`
   * layout reads memory sequentially and is about twice as fast on 100k-node graphs.
   */
  readonly weightOrder?: 'arc' | 'out';
}

/**
 * Compute the shortest-path tree from `source` into `workspace.tree`.
 *
 * @param csr - the graph
 * @param weight - weight per arc id, or per forward-star position with `weightOrder: 'out'` (≥ 0, Infinity = absent)
 * @param source - source node
 * @param workspace - buffers from {@link createDijkstraWorkspace}
 * @param options - node weights, through-blocking, early target
 * @returns the tree (the workspace's buffers)
 */
export function shortestPathTree(
  csr: Csr,
  weight: Float64Array,
  source: number,
  workspace: DijkstraWorkspace,
  options: TreeOptions = {},
): ShortestPathTree {
  const { tree, heap } = workspace;
  const { distance, predecessorArc, order } = tree;
  const { outStart, outArcs, outHead } = csr;
  const nodeWeight = options.nodeWeight;
  const blocked = options.blockedThrough;
  const target = options.target ?? -1;
  const byOut = options.weightOrder === 'out';
  distance.fill(Number.POSITIVE_INFINITY);
  predecessorArc.fill(-1);
  heap.clear();
  distance[source] = 0;
  heap.push(source, 0);
  let settled = 0;
  while (heap.size > 0) {
    const u = heap.pop();
    // a stale entry of the lazy queue: u was queued again with a smaller key and is settled
    if (heap.poppedKey > distance[u]!) continue;
    order[settled++] = u;
    if (u === target) break;
    if (blocked !== undefined && blocked[u] === 1 && u !== source) continue;
    const du = distance[u]!;
    const end = outStart[u + 1]!;
    if (byOut && nodeWeight === undefined) {
      // The hot path of repeated trees: every read below is sequential in p, except distance[v].
      for (let p = outStart[u]!; p < end; p++) {
        const nd = du + weight[p]!;
        const v = outHead[p]!;
        if (nd < distance[v]!) {
          distance[v] = nd;
          predecessorArc[v] = outArcs[p]!;
          heap.push(v, nd);
        }
      }
    } else {
      for (let p = outStart[u]!; p < end; p++) {
        const e = outArcs[p]!;
        const w = byOut ? weight[p]! : weight[e]!;
        if (w === Number.POSITIVE_INFINITY) continue;
        const v = outHead[p]!;
        const nd = nodeWeight === undefined ? du + w : du + w + nodeWeight[v]!;
        if (nd < distance[v]!) {
          distance[v] = nd;
          predecessorArc[v] = e;
          heap.push(v, nd);
        }
      }
    }
  }
  tree.settledCount = settled;
  return tree;
}

/**
 * The arcs of the tree path from the source to `target`, source first.
 *
 * @param csr - the graph
 * @param tree - a computed tree
 * @param target - the end node
 * @returns arc ids in path order; empty when target is the source or unreachable
 */
export function treePathArcs(csr: Csr, tree: ShortestPathTree, target: number): number[] {
  const arcs: number[] = [];
  let v = target;
  let e = tree.predecessorArc[v]!;
  while (e >= 0) {
    arcs.push(e);
    v = csr.tail[e]!;
    e = tree.predecessorArc[v]!;
  }
  return arcs.reverse();
}
