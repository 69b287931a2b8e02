/**
 * All-or-nothing loading
 * ======================
 *
 * One shortest-path tree per (class, origin) on the class's arc weights, and the origin's demand
 * pushed down the tree in reverse settling order (O(N) per tree instead of walking every path).
 *
 * Internal: no public API. Complexity O(K · O · (N + M) log N) per loading.
 */

import { float64Array, type TypedArena } from '../_internal/arena.js';
import {
  createDijkstraWorkspace,
  type DijkstraWorkspace,
  shortestPathTree,
  type TreeOptions,
} from '../_internal/dijkstra.js';
import type { AssignmentClass, AssignmentProblem } from './problem.js';

/** Reusable buffers for loadings on one problem. */
export interface LoadingWorkspace {
  /** Dijkstra buffers. */
  readonly dijkstra: DijkstraWorkspace;
  /** Arc weights of the class being loaded, in forward-star order (`weight[p]` for arc `csr.outArcs[p]`). */
  readonly weight: Float64Array;
  /** Volume waiting at each node during the reverse sweep. */
  readonly nodeLoad: Float64Array;
  /** Options passed to every tree (through-blocking). */
  readonly treeOptions: TreeOptions;
}

/**
 * Allocate loading buffers.
 *
 * @param p - the problem
 * @param arena - where the buffers come from (new arrays without one)
 * @returns the workspace
 * @internal
 */
export function createLoadingWorkspace(p: AssignmentProblem, arena?: TypedArena): LoadingWorkspace {
  return {
    dijkstra: createDijkstraWorkspace(p.nodeCount, arena),
    weight: float64Array(arena, p.arcCount),
    nodeLoad: float64Array(arena, p.nodeCount),
    treeOptions:
      p.blockedThrough === undefined
        ? { weightOrder: 'out' }
        : { weightOrder: 'out', blockedThrough: p.blockedThrough },
  };
}

/**
 * weight = cost + class constant (Infinity on forbidden arcs), in forward-star order: Dijkstra then
 * reads weights sequentially (see `toOutOrder` in csr.ts). `outArcs` gives the order: the problem's
 * forward star, or the reversed graph's (its reverse star) for trees grown from destinations.
 *
 * @internal
 */
export function setClassWeights(
  p: AssignmentProblem,
  cls: AssignmentClass,
  cost: Float64Array,
  weight: Float64Array,
  outArcs: Int32Array = p.csr.outArcs,
): void {
  const constant = cls.arcConstant;
  for (let i = 0; i < outArcs.length; i++) {
    const a = outArcs[i]!;
    weight[i] = cost[a]! + constant[a]!;
  }
}

/**
 * Fixed-route weights in forward-star order (of `outArcs`, as in {@link setClassWeights}): money,
 * ties broken by free-flow time (money + 1e-9 · (t0 + constant)); Infinity on forbidden arcs.
 *
 * @internal
 */
export function setMoneyWeights(
  p: AssignmentProblem,
  cls: AssignmentClass,
  weight: Float64Array,
  outArcs: Int32Array = p.csr.outArcs,
): void {
  for (let i = 0; i < outArcs.length; i++) {
    const a = outArcs[i]!;
    const c = cls.arcConstant[a]!;
    weight[i] = c === Number.POSITIVE_INFINITY ? c : cls.moneyCost[a]! + 1e-9 * (p.t0[a]! + c);
  }
}

/**
 * Load the class's demand all-or-nothing on `ws.weight`, adding arc volumes into `target`.
 *
 * @returns Σ demand · shortest distance (the class's shortest-path cost total)
 * @internal
 */
export function loadAllOrNothing(
  p: AssignmentProblem,
  cls: AssignmentClass,
  ws: LoadingWorkspace,
  target: Float64Array,
): number {
  const { weight, nodeLoad } = ws;
  const tail = p.csr.tail;
  const { origins, originStart, destinations, demand } = cls;
  let total = 0;
  for (let i = 0; i < origins.length; i++) {
    const tree = shortestPathTree(p.csr, weight, origins[i]!, ws.dijkstra, ws.treeOptions);
    const { distance, predecessorArc, order } = tree;
    for (let j = originStart[i]!, end = originStart[i + 1]!; j < end; j++) {
      const d = destinations[j]!;
      const q = demand[j]!;
      nodeLoad[d] = nodeLoad[d]! + q;
      total += q * distance[d]!;
    }
    for (let s = tree.settledCount - 1; s > 0; s--) {
      const v = order[s]!;
      const q = nodeLoad[v]!;
      if (q === 0) continue;
      nodeLoad[v] = 0;
      const e = predecessorArc[v]!;
      target[e] = target[e]! + q;
      const u = tail[e]!;
      nodeLoad[u] = nodeLoad[u]! + q;
    }
    nodeLoad[order[0]!] = 0;
  }
  return total;
}

/**
 * Flows of the classes with value of time 0: all-or-nothing on money, ties broken by free-flow
 * time (weight = money + 1e-9 · (t0 + fixed)). These never change during an assignment.
 *
 * @returns per-class flows (undefined for time-sensitive classes) and their sum
 * @internal
 */
export function fixedRouteFlows(
  p: AssignmentProblem,
  ws: LoadingWorkspace,
): { readonly background: Float64Array; readonly classFlows: (Float64Array | undefined)[] } {
  const background = new Float64Array(p.arcCount);
  const classFlows: (Float64Array | undefined)[] = [];
  for (const cls of p.classes) {
    if (!cls.fixedRoute) {
      classFlows.push(undefined);
      continue;
    }
    const flows = new Float64Array(p.arcCount);
    setMoneyWeights(p, cls, ws.weight);
    loadAllOrNothing(p, cls, ws, flows);
    for (let a = 0; a < p.arcCount; a++) background[a] = background[a]! + flows[a]!;
    classFlows.push(flows);
  }
  return { background, classFlows };
}
