/**
 * Trees rooted at destinations: the reversed graph equals one built from swapped endpoints, the
 * roots cover every OD entry once, a tree grown backwards from a destination gives every origin its
 * Bellman–Ford distance and a path of that cost, and gradient projection on such trees meets the
 * Wardrop conditions (Bellman–Ford) with through-blocked nodes and classes sharing trees; the path
 * store finds a tree's path by hash, length and arcs; tree path keys equal the walked paths' keys.
 */

import { describe, expect, it } from 'vitest';
import { expectWardrop } from '../../../test/support/wardrop.js';
import { TypedArena } from '../_internal/arena.js';
import { buildCsr, reverseCsr } from '../_internal/csr.js';
import { createDijkstraWorkspace, shortestPathTree } from '../_internal/dijkstra.js';
import { gradientProjection } from './gradientProjection.js';
import { setClassWeights } from './loading.js';
import { hashArcs, PathStore } from './pathStore.js';
import { rootedPathInto } from './pathSupport.js';
import { type AssignmentClassInput, createAssignmentProblem } from './problem.js';
import { bellmanFord, gridNetwork } from './testProblems.js';
import { TreePathKeys, treeRoots } from './treeRoots.js';
import { SharedTrees } from './treeSharing.js';

const BPR = { kind: 'bpr', alpha: 0.15, beta: 4 } as const;
// 5×5 grid; many origins (rows 0–1) towards two destinations in the bottom corners
const origins = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const od = {
  origins: [...origins, ...origins],
  destinations: [...origins.map(() => 20), ...origins.map(() => 24)],
  volumes: [...origins.map((o) => 4 + (o % 3)), ...origins.map((o) => 6 - (o % 4))],
};

function problem(classes: readonly AssignmentClassInput[], throughBlocked: number[] = []) {
  const grid = gridNetwork(5, 11, { min: 1, spread: 9 }, { min: 30, spread: 30 });
  return createAssignmentProblem({ ...grid, vdf: BPR, classes, throughBlocked });
}

/** Arcs from column 1 into column 2 (a border a class may refuse). */
function border(tail: Int32Array, head: Int32Array): number[] {
  const out: number[] = [];
  for (let a = 0; a < tail.length; a++) if (tail[a]! % 5 === 1 && head[a]! % 5 === 2) out.push(a);
  return out;
}

describe('reverseCsr', () => {
  it('equals the graph built from swapped endpoints', () => {
    const { csr } = problem([{ id: 'c', ...od }]);
    const built = buildCsr(csr.nodeCount, csr.head, csr.tail);
    const reversed = reverseCsr(csr);
    for (const key of ['tail', 'head', 'outStart', 'outArcs', 'outHead', 'inStart', 'inArcs'] as const)
      expect(Array.from(reversed[key])).toEqual(Array.from(built[key]));
  });
});

describe('treeRoots', () => {
  it('roots trees at the destinations when they are fewer, and lists every entry once', () => {
    const p = problem([{ id: 'c', ...od }]);
    const roots = treeRoots(p);
    expect(roots.reverse).toBe(true);
    const cls = p.classes[0]!;
    const own = roots.byClass[0]!;
    expect(Array.from(own.roots).sort()).toEqual([20, 24]);
    expect(Array.from(own.entries).sort((a, b) => a - b)).toEqual(Array.from(cls.destinations, (_, j) => j));
    for (let i = 0; i < own.roots.length; i++) {
      for (let k = own.rootStart[i]!; k < own.rootStart[i + 1]!; k++) {
        const j = own.entries[k]!;
        expect(cls.destinations[j]).toBe(own.roots[i]);
        const o = cls.origins.findIndex((_, x) => cls.originStart[x]! <= j && j < cls.originStart[x + 1]!);
        expect(own.far[k]).toBe(cls.origins[o]);
      }
    }
  });

  it('keeps origin roots when origins are not more numerous', () => {
    const p = problem([{ id: 'c', origins: [0, 24], destinations: [24, 0], volumes: [5, 5] }]);
    const roots = treeRoots(p);
    expect(roots.reverse).toBe(false);
    expect(roots.csr).toBe(p.csr);
  });

  it('gives every origin its Bellman–Ford distance and a path of that cost, through-blocked nodes kept', () => {
    const blocked = [6, 12];
    const p = problem([{ id: 'c', ...od }], blocked);
    const roots = treeRoots(p);
    const cls = p.classes[0]!;
    const cost = Float64Array.from(p.t0);
    const weight = new Float64Array(p.arcCount);
    setClassWeights(p, cls, cost, weight, roots.csr.outArcs);
    const byArc = Array.from(cost, (c, a) => c + cls.arcConstant[a]!);
    const ws = createDijkstraWorkspace(p.nodeCount);
    const buffer = new Int32Array(p.nodeCount);
    for (const d of [20, 24]) {
      const tree = shortestPathTree(roots.csr, weight, d, ws, {
        weightOrder: 'out',
        blockedThrough: p.blockedThrough!,
      });
      for (const o of origins) {
        const expected = bellmanFord(p, byArc, o)[d]!;
        expect(tree.distance[o]).toBeCloseTo(expected, 9);
        const len = rootedPathInto(roots, tree.predecessorArc, o, buffer);
        let at = o;
        let sum = 0;
        for (let i = 0; i < len; i++) {
          const a = buffer[i]!;
          expect(p.csr.tail[a]).toBe(at);
          if (i > 0) expect(blocked).not.toContain(at);
          at = p.csr.head[a]!;
          sum += byArc[a]!;
        }
        expect(at).toBe(d);
        expect(sum).toBeCloseTo(expected, 9);
      }
    }
  });
});

describe('gradient projection on trees from destinations', () => {
  it('meets the Wardrop conditions with through-blocked nodes and classes sharing trees', () => {
    const base = problem([{ id: 'c', ...od }]);
    const refused = border(base.csr.tail, base.csr.head);
    const classes: AssignmentClassInput[] = [
      { id: 'all', ...od },
      { id: 'no-border', ...od, forbiddenArcs: refused },
      { id: 'slow', ...od, valueOfTime: 2, moneyCost: new Array(80).fill(1) },
    ];
    const p = problem(classes, [7]);
    expect(treeRoots(p).reverse).toBe(true);
    expect(Array.from(new SharedTrees(p).parent)).toEqual([-1, 0, -1]);
    const result = gradientProjection(p, { relativeGap: 1e-11 });
    expect(result.status).toBe('converged');
    expectWardrop(p, result);
    for (const e of refused) expect(result.classFlows[1]![e]).toBe(0);
  });
});

describe('PathStore.findTreePath', () => {
  it('finds the stored path that a tree from the destination gives, checking arcs beyond the hash', () => {
    // 0 →(a0) 1 →(a1) 3 and 0 →(a2) 2 →(a3) 3; a tree towards 3 that leaves 0 by a2 and 2 by a3
    const pred = Int32Array.of(2, 1, 3, -1);
    const next = Int32Array.of(1, 3, 2, 3); // the node each arc leads to
    const store = new PathStore(1, 4, 16);
    const viaOne = store.add(0, Int32Array.of(0, 1), 2, 42, 1);
    expect(store.findTreePath(0, 42, 2, 0, pred, next)).toBe(-1); // same hash and length, other arcs
    const viaTwo = store.add(0, Int32Array.of(2, 3), 2, 42, 0);
    expect(store.findTreePath(0, 42, 2, 0, pred, next)).toBe(viaTwo);
    expect(store.findTreePath(0, 7, 2, 0, pred, next)).toBe(-1); // another hash
    expect(store.findTreePath(0, 42, 3, 0, pred, next)).toBe(-1); // another length
    // the tree that leaves 0 by a0 and 1 by a1 finds the other path
    expect(store.findTreePath(0, 42, 2, 0, Int32Array.of(0, 1, -1, -1), next)).toBe(viaOne);
  });
});

/**
 * A problem whose trees grow from destinations (node 6 through-blocked), its first class's free-flow
 * weights in forward-star order, and the scratch of the tests below.
 */
function treesFromDestinations() {
  const p = problem([{ id: 'c', ...od }], [6]);
  const roots = treeRoots(p);
  const weight = new Float64Array(p.arcCount);
  setClassWeights(p, p.classes[0]!, Float64Array.from(p.t0), weight, roots.csr.outArcs);
  return {
    p,
    roots,
    weight,
    ws: createDijkstraWorkspace(p.nodeCount),
    keys: new TreePathKeys(p.nodeCount, new TypedArena()),
    buffer: new Int32Array(p.nodeCount),
  };
}

describe('PathStore.addTreePath', () => {
  it('stores the path a tree from the destination gives, as adding the walked path does', () => {
    const { p, roots, weight, ws, keys, buffer } = treesFromDestinations();
    // room for 4 paths of 8 arcs: the arc arena grows (and compacts) on the way
    const direct = new PathStore(1, 4, 8);
    const walked = new PathStore(1, 4, 8);
    let added = 0;
    for (let i = 0; i < roots.byClass[0]!.roots.length; i++) {
      const tree = shortestPathTree(roots.csr, weight, roots.byClass[0]!.roots[i]!, ws);
      keys.nextTree();
      for (let v = 0; v < p.nodeCount; v++) {
        if (v === roots.byClass[0]!.roots[i] || !(tree.distance[v]! < Number.POSITIVE_INFINITY)) continue;
        keys.settle(v, tree.predecessorArc, roots.csr.tail);
        const len = keys.length[v]!;
        const hash = keys.hash[v]!;
        const q = direct.addTreePath(0, v, tree.predecessorArc, roots.csr.tail, len, hash, added);
        expect(rootedPathInto(roots, tree.predecessorArc, v, buffer)).toBe(len);
        const r = walked.add(0, buffer, len, hash, added);
        expect(direct.findTreePath(0, hash, len, v, tree.predecessorArc, roots.csr.tail)).toBe(q);
        expect(Array.from(direct.arcs.subarray(direct.start[q]!, direct.start[q]! + len))).toEqual(
          Array.from(walked.arcs.subarray(walked.start[r]!, walked.start[r]! + len)),
        );
        expect([direct.length[q], direct.hash[q], direct.flow[q]]).toEqual([len, hash, added]);
        added++;
        if (added % 3 === 0) direct.remove(0, q, -1); // leave garbage behind for compaction
        if (added % 3 === 0) walked.remove(0, r, -1);
      }
    }
    expect(added).toBeGreaterThan(10);
    expect(direct.liveCount).toBe(walked.liveCount);
  });
});

describe('TreePathKeys', () => {
  it('keeps the keys of a tree started again with the same array, and forgets them otherwise', () => {
    // a path 0 → 1 → 2 towards root 2, as a tree from the destination: pred[v] leaves v, next[a] is
    // where arc a leads
    const next = Int32Array.of(1, 2, 2);
    const keys = new TreePathKeys(3, new TypedArena());
    const tree = Int32Array.of(0, 1, -1);
    keys.nextTree();
    keys.forTree(tree);
    keys.settle(0, tree, next);
    expect(keys.length[0]).toBe(2);
    // the same array again: node 0's key stays, even were the array to change (it must not)
    tree[0] = 2;
    keys.forTree(tree);
    keys.settle(0, tree, next);
    expect(keys.length[0]).toBe(2);
    // another array: the key is worked out anew
    const other = Int32Array.of(2, 1, -1);
    keys.forTree(other);
    keys.settle(0, other, next);
    expect(keys.length[0]).toBe(1);
    // nextTree forgets even for the same array
    keys.nextTree();
    keys.forTree(other);
    other[0] = 0;
    keys.settle(0, other, next);
    expect(keys.length[0]).toBe(2);
  });

  it('gives every node the hash and length of its tree path, as hashing the walked path does', () => {
    const { p, roots, weight, ws, keys, buffer } = treesFromDestinations();
    for (const d of [20, 24, 12]) {
      const tree = shortestPathTree(roots.csr, weight, d, ws, {
        weightOrder: 'out',
        blockedThrough: p.blockedThrough!,
      });
      keys.nextTree();
      // nodes in an order unrelated to the tree's, so the memo is reached from every side
      for (let v = p.nodeCount - 1; v >= 0; v--) {
        if (!(tree.distance[v]! < Number.POSITIVE_INFINITY)) continue;
        keys.settle(v, tree.predecessorArc, roots.csr.tail);
        const len = rootedPathInto(roots, tree.predecessorArc, v, buffer);
        expect(keys.length[v]).toBe(len);
        expect(keys.hash[v]).toBe(hashArcs(buffer, len));
      }
      // the same keys for a list of ends at once, from a fresh memo
      keys.nextTree();
      const reached = Int32Array.from({ length: p.nodeCount }, (_, v) => v).filter(
        (v) => tree.distance[v]! < Number.POSITIVE_INFINITY,
      );
      keys.settleEnds(reached, 1, reached.length, tree.predecessorArc, roots.csr.tail);
      for (let k = 1; k < reached.length; k++) {
        const v = reached[k]!;
        const len = rootedPathInto(roots, tree.predecessorArc, v, buffer);
        expect([keys.length[v], keys.hash[v]]).toEqual([len, hashArcs(buffer, len)]);
      }
    }
  });
});
