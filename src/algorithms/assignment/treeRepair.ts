/**
 * Shortest-path trees repaired from the last round's
 * ==================================================
 *
 * Between two column generations only the volume-dependent arcs change cost, and little: on the
 * Eurasia equilibrium 100–103 of a tree's 104 nodes keep their predecessor from one round to the
 * next, and a tree has 0–8 arcs that a new, strictly shorter path uses. So instead of a new
 * Dijkstra, each (class, root) keeps its tree and repairs it:
 *
 * 1. distances along the kept tree at the new weights (each node's tree path, a real path: an upper
 *    bound on its distance);
 * 2. every arc is checked once: where d(u) + w(u, v) < d(v), v takes the shorter path and is queued;
 * 3. Dijkstra from the queued nodes with those labels: a node whose label falls passes it on.
 *
 * Labels never rise and stay lengths of real paths, and at the end no arc can shorten any of them,
 * so they are the shortest distances (a feasible potential that paths attain); predecessors stay a
 * tree because along a predecessor chain labels never fall. Ties keep the kept tree's predecessor
 * (only strictly shorter paths replace it). Through-blocked nodes are not left, as in Dijkstra.
 *
 * Any tree from the root will do as a start, so a class that has none yet adopts the latest tree
 * another class grew or repaired from the same root (the value-of-time classes mostly share their
 * shortest paths); arcs it refuses weigh Infinity and cut their subtrees off, which step 2 reaches
 * again where it can.
 *
 * Internal: no public API.
 */

import type { TypedArena } from '../_internal/arena.js';
import type { ShortestPathTree } from '../_internal/dijkstra.js';
import { LazyMinHeap } from '../_internal/heap.js';
import type { TreeRoots } from './treeRoots.js';
import type { StoredTree } from './treeSharing.js';

/** The trees of every (class, root), kept between rounds of one run and repaired. */
export class KeptTrees {
  private readonly roots: TreeRoots;
  private readonly arena: TypedArena;
  /** Slot of (class k, root i) is `slotStart[k] + i`. */
  private readonly slotStart: Int32Array;
  private readonly trees: (StoredTree | undefined)[];
  /** Forward-star position of each arc in the roots' graph (weights are in that order). */
  private readonly position: Int32Array;
  private readonly mark: Int32Array;
  private readonly trail: Int32Array;
  private readonly heap: LazyMinHeap;
  private stamp = 0;
  /** Per node: the slot of the latest tree kept or repaired from it as root, -1 if none. */
  private readonly latestFrom: Int32Array;

  /**
   * @param roots - the run's roots (./treeRoots.ts)
   * @param arena - where the trees' buffers come from
   */
  constructor(roots: TreeRoots, arena: TypedArena) {
    this.roots = roots;
    this.arena = arena;
    const K = roots.byClass.length;
    this.slotStart = arena.i32(K + 1);
    for (let k = 0; k < K; k++) {
      this.slotStart[k + 1] = this.slotStart[k]! + roots.byClass[k]!.rootStart.length - 1;
    }
    this.trees = new Array(this.slotStart[K]!).fill(undefined);
    const { outArcs, nodeCount } = roots.csr;
    this.position = arena.i32(outArcs.length);
    for (let q = 0; q < outArcs.length; q++) this.position[outArcs[q]!] = q;
    this.mark = arena.i32(nodeCount);
    this.trail = arena.i32(nodeCount);
    this.heap = new LazyMinHeap(nodeCount, arena);
    this.latestFrom = arena.i32(nodeCount).fill(-1);
  }

  /**
   * Give class k's i-th root, which keeps no tree yet, a copy of another class's tree from the same
   * root node, to repair at its own weights (classes that differ in value of time mostly share their
   * shortest paths). Returns false when no class has a tree from that node.
   */
  adopt(k: number, i: number): boolean {
    const root = this.roots.byClass[k]!.roots[i]!;
    const from = this.latestFrom[root]!;
    if (from < 0) return false;
    this.keep(k, i, this.trees[from]!);
    return true;
  }

  /** Whether class k keeps a tree from its i-th root. */
  has(k: number, i: number): boolean {
    return this.trees[this.slotStart[k]! + i] !== undefined;
  }

  /** Keep a tree Dijkstra grew for class k from its i-th root (copied); returns the kept copy. */
  keep(k: number, i: number, tree: ShortestPathTree | StoredTree): StoredTree {
    const slot = this.slotStart[k]! + i;
    let kept = this.trees[slot];
    if (!kept) {
      const n = this.roots.csr.nodeCount;
      kept = { predecessorArc: this.arena.i32(n), distance: this.arena.f64(n) };
      this.trees[slot] = kept;
    }
    (kept.predecessorArc as Int32Array).set(tree.predecessorArc);
    (kept.distance as Float64Array).set(tree.distance);
    this.latestFrom[this.roots.byClass[k]!.roots[i]!] = slot;
    return kept;
  }

  /**
   * Repair class k's kept tree from its i-th root to the shortest-path tree at `weight` (forward-star
   * order, as Dijkstra's), in place (see the module comment).
   *
   * @param k - class index
   * @param i - root index within the class
   * @param weight - arc weights in forward-star order (Infinity = absent)
   * @param blocked - nodes that may be reached but not left (except the root)
   * @returns the repaired tree
   */
  repair(k: number, i: number, weight: Float64Array, blocked: Uint8Array | undefined): StoredTree {
    const slot = this.slotStart[k]! + i;
    const tree = this.trees[slot]!;
    const root = this.roots.byClass[k]!.roots[i]!;
    this.latestFrom[root] = slot;
    const pred = tree.predecessorArc as Int32Array;
    const dist = tree.distance as Float64Array;
    const { tail } = this.roots.csr;
    const { position, mark, trail, heap } = this;
    const n = this.roots.csr.nodeCount;
    if (++this.stamp > 0x3ffffff0) {
      mark.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;

    // 1. distances along the kept tree: each node's after its predecessor's
    mark[root] = stamp;
    dist[root] = 0;
    for (let v = 0; v < n; v++) {
      if (mark[v] === stamp) continue;
      if (pred[v]! < 0) {
        mark[v] = stamp;
        dist[v] = Number.POSITIVE_INFINITY;
        continue;
      }
      let top = 0;
      let u = v;
      while (mark[u] !== stamp) {
        trail[top++] = u;
        u = tail[pred[u]!]!;
      }
      while (top > 0) {
        const w = trail[--top]!;
        const e = pred[w]!;
        const d = dist[tail[e]!]! + weight[position[e]!]!;
        dist[w] = d;
        if (d === Number.POSITIVE_INFINITY) pred[w] = -1; // its tree path closed: unreached, for now
        mark[w] = stamp;
      }
    }

    // 2. every arc once: strictly shorter paths are taken and queued
    heap.clear();
    const { outStart, outArcs, outHead } = this.roots.csr;
    for (let u = 0; u < n; u++) {
      if (!(dist[u]! < Number.POSITIVE_INFINITY)) continue;
      if (blocked !== undefined && blocked[u] === 1 && u !== root) continue;
      relaxOut(u, outStart, outArcs, outHead, weight, dist, pred, heap);
    }
    // 3. Dijkstra from the improved nodes
    while (heap.size > 0) {
      const u = heap.pop();
      // skip an entry whose node improved again since it was queued
      if (heap.poppedKey !== dist[u]) continue;
      if (blocked !== undefined && blocked[u] === 1 && u !== root) continue;
      relaxOut(u, outStart, outArcs, outHead, weight, dist, pred, heap);
    }
    return tree;
  }
}

/**
 * Take every strictly shorter path through u's out-arcs (forward-star arrays, weights in that order),
 * queueing the nodes it improves. A function of its own with the graph's arrays as arguments, not a
 * method reading them from the instance: it runs for every node of every tree repaired.
 */
function relaxOut(
  u: number,
  outStart: Int32Array,
  outArcs: Int32Array,
  outHead: Int32Array,
  weight: Float64Array,
  dist: Float64Array,
  pred: Int32Array,
  heap: LazyMinHeap,
): void {
  const du = dist[u]!;
  for (let q = outStart[u]!, end = outStart[u + 1]!; q < end; q++) {
    const nd = du + weight[q]!;
    const v = outHead[q]!;
    if (nd < dist[v]!) {
      dist[v] = nd;
      pred[v] = outArcs[q]!;
      heap.push(v, nd);
    }
  }
}
