/**
 * Shared parts of the path-based algorithms
 * =========================================
 *
 * Tree-path extraction, seeding of empty OD path sets, warm starts from a {@link PathSet}, exact
 * volumes and path costs from path flows.
 *
 * Internal: no public API.
 */

import { InvalidArgumentError } from '../../model/errors.js';
import { shortestPathTree } from '../_internal/dijkstra.js';
import { objectiveReport } from './arcCosts.js';
import { type LoadingWorkspace, setClassWeights, setMoneyWeights } from './loading.js';
import type { PathSet } from './pathSet.js';
import { hashArcs, type PathStore } from './pathStore.js';
import type { AssignmentClass, AssignmentProblem } from './problem.js';
import { type AssignmentResult, finishResult } from './result.js';
import type { KeptTrees } from './treeRepair.js';
import type { TreePathKeys, TreeRoots } from './treeRoots.js';
import { type SharedTrees, type StoredTree, treeServes } from './treeSharing.js';

const MODULE = 'corridor-sim/assignment';

/** A warm start from path flows. */
export interface PathWarmStart {
  /**
   * Paths with flows, e.g. a previous result's `paths`. Class indices refer to this problem's
   * classes; paths that are no longer usable (forbidden or missing arcs, wrong endpoints) are dropped
   * and each OD's remaining flows are rescaled to its current demand.
   */
  readonly paths: PathSet;
}

/**
 * Tree path to `d` into `buffer`, origin first; returns its length.
 *
 * @internal
 */
export function treePathInto(
  tail: Int32Array,
  predecessorArc: Int32Array,
  d: number,
  buffer: Int32Array,
): number {
  let len = 0;
  let v = d;
  for (let e = predecessorArc[v]!; e >= 0; e = predecessorArc[v]!) {
    buffer[len++] = e;
    v = tail[e]!;
  }
  for (let i = 0, j = len - 1; i < j; i++, j--) {
    const t = buffer[i]!;
    buffer[i] = buffer[j]!;
    buffer[j] = t;
  }
  return len;
}

/**
 * Exact total and per-class arc volumes from the path flows.
 *
 * @internal
 */
export function pathVolumes(
  p: AssignmentProblem,
  store: PathStore,
  V: Float64Array,
  classFlows: readonly Float64Array[],
): void {
  V.fill(0);
  const arcs = store.arcs;
  const M = p.arcCount;
  for (const cls of p.classes) {
    const x = classFlows[cls.index]!;
    x.fill(0);
    for (let od = cls.odOffset, end = cls.odOffset + cls.destinations.length; od < end; od++) {
      for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
        const f = store.flow[q]!;
        if (f === 0) continue;
        const s = store.start[q]!;
        for (let i = s, stop = s + store.length[q]!; i < stop; i++) {
          const a = arcs[i]!;
          x[a] = x[a]! + f;
        }
      }
    }
    for (let a = 0; a < M; a++) V[a] = V[a]! + x[a]!;
  }
}

/**
 * Set `store.cost` of every path with flow (the paths a result reports; a path without flow keeps
 * whatever cost it had): class cost from `cost` (travel time for value-of-time-0 classes, taken from
 * `times`) plus the class constant.
 *
 * @internal
 */
export function setPathCosts(
  p: AssignmentProblem,
  store: PathStore,
  cost: Float64Array,
  times: Float64Array,
): void {
  for (const cls of p.classes) {
    const base = cls.fixedRoute ? times : cost;
    for (let od = cls.odOffset, end = cls.odOffset + cls.destinations.length; od < end; od++) {
      for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
        if (!(store.flow[q]! > 0)) continue;
        let c = 0;
        const s = store.start[q]!;
        for (let k = s, stop = s + store.length[q]!; k < stop; k++) {
          const a = store.arcs[k]!;
          c += base[a]! + cls.arcConstant[a]!;
        }
        store.cost[q] = c;
      }
    }
  }
}

/**
 * The result of a path-based run (gradient projection, logit): the objective's report at the final
 * volumes, every path priced at the final arc costs, then the result with the run's path set.
 *
 * @param p - the problem
 * @param store - the run's paths (their costs are set)
 * @param cost - the final arc costs
 * @param V - the final arc volumes
 * @param classFlows - the final arc flows of each class
 * @param run - the run's own figures (status, target, algorithm, objective, iterations, gap, gap
 *   history, start time)
 * @param excess - the largest relative excess of a used path, read once the paths are priced (for an
 *   algorithm that reports it)
 * @returns the result
 * @internal
 */
export function finishPathRun(
  p: AssignmentProblem,
  store: PathStore,
  cost: Float64Array,
  V: Float64Array,
  classFlows: readonly Float64Array[],
  run: Omit<
    Parameters<typeof finishResult>[1],
    'volume' | 'report' | 'classFlows' | 'paths' | 'maxPathExcess'
  >,
  excess?: () => number,
): AssignmentResult {
  const report = objectiveReport(p, V, classFlows);
  setPathCosts(p, store, cost, report.arcTimes);
  return finishResult(p, {
    ...run,
    ...(excess ? { maxPathExcess: excess() } : {}),
    volume: V,
    report,
    classFlows,
    paths: store.toPathSet(p),
  });
}

/**
 * The tree path between a tree's root and `far` (the other end of an OD) into `buffer`, origin
 * first; returns its length. Trees from origins are walked back from the destination and the buffer
 * reversed; trees from destinations (reversed graph) are walked forward from the origin.
 *
 * @internal
 */
export function rootedPathInto(
  roots: TreeRoots,
  predecessorArc: Int32Array,
  far: number,
  buffer: Int32Array,
): number {
  if (!roots.reverse) return treePathInto(roots.csr.tail, predecessorArc, far, buffer);
  const next = roots.csr.tail; // the reversed graph's tail is the arc's head
  let len = 0;
  for (let v = far, e = predecessorArc[v]!; e >= 0; e = predecessorArc[v]!) {
    buffer[len++] = e;
    v = next[e]!;
  }
  return len;
}

/**
 * Give every OD without a path its shortest path (money-cheapest for VOT-0 classes) with all its demand.
 * With `shared`, a wider class's tree of the same round serves when its paths are allowed (see
 * treeSharing.ts), and this class's trees are kept for narrower classes. With `keys`, paths of trees
 * grown from destinations are hashed once per tree node and written into the store straight from the
 * tree. ODs with `pooled[od] ≥ 0` ride on another OD's paths (./odPools.ts) and are not given one.
 *
 * @internal
 */
export function seedMissingPaths(
  p: AssignmentProblem,
  roots: TreeRoots,
  cls: AssignmentClass,
  cost: Float64Array,
  ws: LoadingWorkspace,
  store: PathStore,
  buffer: Int32Array,
  shared?: SharedTrees,
  kept?: KeptTrees,
  keys?: TreePathKeys,
  pooled?: Int32Array,
): void {
  const weights = { ready: false };
  const fromTree = roots.reverse ? keys : undefined;
  const { rootStart, entries, far } = roots.byClass[cls.index]!;
  for (let i = 0; i < rootStart.length - 1; i++) {
    const from = rootStart[i]!;
    const to = rootStart[i + 1]!;
    let missing = false;
    for (let k = from; k < to; k++) {
      const od = cls.odOffset + entries[k]!;
      if (store.odSize[od] === 0 && !(pooled !== undefined && pooled[od]! >= 0)) missing = true;
    }
    if (!missing) continue;
    const tree = rootTree(p, roots, cls, i, cost, ws, shared, weights, kept);
    if (fromTree) {
      fromTree.nextTree();
      fromTree.settleEnds(far, from, to, tree.predecessorArc, roots.csr.tail);
    }
    for (let k = from; k < to; k++) {
      const j = entries[k]!;
      const od = cls.odOffset + j;
      if (store.odSize[od] !== 0 || (pooled !== undefined && pooled[od]! >= 0)) continue;
      if (fromTree) {
        const d = far[k]!;
        const len = fromTree.length[d]!;
        store.addTreePath(od, d, tree.predecessorArc, roots.csr.tail, len, fromTree.hash[d]!, cls.demand[j]!);
        continue;
      }
      const len = rootedPathInto(roots, tree.predecessorArc, far[k]!, buffer);
      store.add(od, buffer, len, hashArcs(buffer, len), cls.demand[j]!);
    }
  }
}

/**
 * The shortest-path tree of `cls` from its `i`-th root (an origin, or a destination on the reversed
 * graph: ./treeRoots.ts). With `shared`, a wider class's tree of the same round serves when its
 * paths to the root's OD ends are allowed (see treeSharing.ts), and this class's tree is kept for
 * narrower classes. Otherwise Dijkstra on the class weights (money for VOT-0 classes), which are
 * filled into `ws.weight` once per class: pass the same `weights` holder for every root of the class,
 * `{ ready: false }` at first. With `kept`, the tree the class had from this root in the round before
 * — or, for its first, another class's latest tree from the same root — is repaired instead
 * (./treeRepair.ts); a tree grown without one is kept.
 *
 * @internal
 */
export function rootTree(
  p: AssignmentProblem,
  roots: TreeRoots,
  cls: AssignmentClass,
  i: number,
  cost: Float64Array,
  ws: LoadingWorkspace,
  shared: SharedTrees | undefined,
  weights: { ready: boolean },
  kept?: KeptTrees,
): StoredTree {
  const own = roots.byClass[cls.index]!;
  const root = own.roots[i]!;
  const csr = roots.csr;
  let tree: StoredTree | undefined = shared?.parentTree(cls.index, root);
  if (
    tree &&
    !treeServes(
      tree,
      csr.tail,
      cls.arcConstant,
      own.far,
      own.rootStart[i]!,
      own.rootStart[i + 1]!,
      shared!.walked,
      shared!.nextWalk(),
    )
  ) {
    tree = undefined;
  }
  if (!tree) {
    if (!weights.ready) {
      if (cls.fixedRoute) setMoneyWeights(p, cls, ws.weight, csr.outArcs);
      else setClassWeights(p, cls, cost, ws.weight, csr.outArcs);
      weights.ready = true;
    }
    if (kept && (kept.has(cls.index, i) || kept.adopt(cls.index, i))) {
      tree = kept.repair(cls.index, i, ws.weight, ws.treeOptions.blockedThrough);
    } else {
      const grown = shortestPathTree(csr, ws.weight, root, ws.dijkstra, ws.treeOptions);
      tree = kept ? kept.keep(cls.index, i, grown) : grown;
    }
  }
  // a tree of `kept` (repaired, or grown and kept) stays as it is until the class's next round
  if (shared?.keeps(cls.index)) {
    shared.keep(cls.index, root, tree.predecessorArc, tree.distance, kept !== undefined);
  }
  return tree;
}

/**
 * Load a warm-start path set: keep the usable paths (valid class, endpoints, contiguous, allowed
 * arcs), drop the rest, and rescale each OD's flows to its current demand.
 *
 * @internal
 */
export function loadWarmStart(
  p: AssignmentProblem,
  warm: PathWarmStart,
  store: PathStore,
  buffer: Int32Array,
): void {
  const set = warm?.paths;
  if (typeof set !== 'object' || set === null || !(set.odClass instanceof Int32Array)) {
    throw new InvalidArgumentError(
      MODULE,
      'options.warmStart.paths',
      "must be a PathSet (a previous result's paths)",
    );
  }
  const { tail, head } = p.csr;
  const M = p.arcCount;
  // Class, origin and destination of each OD of the problem. A warm start from a run on the same
  // classes and demand lists its ODs in the same order: the OD at the same position is tried first,
  // and a map of (class, origin, destination), keyed by one number, is built only when that fails.
  const N = p.nodeCount;
  const K = p.classes.length;
  const odKey = new Int32Array(3 * p.odCount);
  for (const cls of p.classes) {
    for (let i = 0; i < cls.origins.length; i++) {
      for (let j = cls.originStart[i]!; j < cls.originStart[i + 1]!; j++) {
        const at = 3 * (cls.odOffset + j);
        odKey[at] = cls.index;
        odKey[at + 1] = cls.origins[i]!;
        odKey[at + 2] = cls.destinations[j]!;
      }
    }
  }
  let index: Map<number, number> | undefined;
  const odOf = (w: number, k: number, o: number, d: number): number | undefined => {
    if (w < p.odCount && odKey[3 * w] === k && odKey[3 * w + 1] === o && odKey[3 * w + 2] === d) return w;
    if (index === undefined) {
      index = new Map();
      for (let od = 0; od < p.odCount; od++) {
        index.set((odKey[3 * od]! * N + odKey[3 * od + 1]!) * N + odKey[3 * od + 2]!, od);
      }
    }
    return index.get((k * N + o) * N + d);
  };
  // Step 1: collect the usable paths (simple, contiguous, allowed) of every known OD.
  const touched: number[] = [];
  const seen = new Int32Array(p.nodeCount);
  let stamp = 0;
  const odCount = set.odClass.length;
  for (let w = 0; w < odCount; w++) {
    const k = set.odClass[w]!;
    const o = set.odOrigin[w]!;
    const d = set.odDestination[w]!;
    if (!(k >= 0 && k < K && o >= 0 && o < N && d >= 0 && d < N)) continue;
    const od = odOf(w, k, o, d);
    if (od === undefined) continue;
    const cls = p.classes[k]!;
    const origin = o;
    const destination = d;
    touched.push(od);
    for (let q = set.odPathStart[w]!; q < set.odPathStart[w + 1]!; q++) {
      const s = set.pathArcStart[q]!;
      const e = set.pathArcStart[q + 1]!;
      const flow = set.pathFlow[q]!;
      if (!(e > s) || e - s > buffer.length || !(flow >= 0) || !Number.isFinite(flow)) continue;
      let at = origin;
      let ok = true;
      const mark = ++stamp;
      seen[origin] = mark;
      for (let k = s; k < e; k++) {
        const a = set.pathArcs[k]!;
        if (!(a >= 0 && a < M) || tail[a] !== at || cls.arcConstant[a] === Number.POSITIVE_INFINITY) {
          ok = false;
          break;
        }
        if (k > s && p.blockedThrough !== undefined && p.blockedThrough[at] === 1) {
          ok = false;
          break;
        }
        buffer[k - s] = a;
        at = head[a]!;
        if (seen[at] === mark) {
          ok = false; // repeats a node: not a simple path
          break;
        }
        seen[at] = mark;
      }
      if (!ok || at !== destination) continue;
      const len = e - s;
      const hash = hashArcs(buffer, len);
      const existing = store.find(od, buffer, len, hash);
      if (existing >= 0) store.flow[existing] = store.flow[existing]! + flow;
      else store.add(od, buffer, len, hash, flow);
    }
  }
  // Step 2: rescale each OD's flows to its demand once all its warm paths are in.
  for (const od of touched) {
    const head0 = store.odHead[od]!;
    if (head0 < 0) continue;
    const cls = p.classes[odKey[3 * od]!]!;
    if (cls.fixedRoute) {
      // A value-of-time-0 class keeps exactly its money-cheapest path, re-derived by seeding.
      for (let q = store.odHead[od]!; q >= 0; q = store.odHead[od]!) store.remove(od, q, -1);
      continue;
    }
    const demand = cls.demand[od - cls.odOffset]!;
    let total = 0;
    for (let q = head0; q >= 0; q = store.next[q]!) total += store.flow[q]!;
    if (total > 0) {
      for (let q = head0; q >= 0; q = store.next[q]!) store.flow[q] = (store.flow[q]! * demand) / total;
    } else {
      store.flow[head0] = demand;
    }
  }
}
