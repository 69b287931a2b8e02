/**
 * Trees repaired from the last round's: after random weight changes, small and large, with ties
 * (integer weights), closed arcs and through-blocked nodes, a repaired tree has Bellman–Ford's
 * distances, every predecessor arc realises its head's distance, predecessor chains reach the root,
 * and unreached nodes have none; repeated over rounds of repairs of repaired trees. A class adopts
 * another class's tree from the same root (other weights, arcs it refuses) and repairs it likewise.
 */

import { describe, expect, it } from 'vitest';
import { parkMiller } from '../../../test/support/random.js';
import { TypedArena } from '../_internal/arena.js';
import { createDijkstraWorkspace, shortestPathTree } from '../_internal/dijkstra.js';
import { createAssignmentProblem } from './problem.js';
import { gridNetwork } from './testProblems.js';
import { KeptTrees } from './treeRepair.js';
import { treeRoots } from './treeRoots.js';

const grid = gridNetwork(6, 3, { min: 1, spread: 5 }, { min: 10, spread: 10 });
const origins = [0, 1, 2, 3, 6, 7, 8];
const problem = createAssignmentProblem({
  ...grid,
  vdf: { kind: 'bpr', alpha: 0.15, beta: 4 },
  throughBlocked: [14, 21],
  classes: [0, 1].map((k) => ({
    id: `c${k}`,
    origins: [...origins, ...origins],
    destinations: [...origins.map(() => 35), ...origins.map(() => 30)],
    volumes: [...origins.map(() => 1), ...origins.map(() => 2)],
    // the second class refuses every fifth arc
    ...(k === 1 ? { forbiddenArcs: grid.tail.flatMap((_, a) => (a % 5 === 0 ? [a] : [])) } : {}),
  })),
});
const roots = treeRoots(problem);
const { csr } = roots;
const N = csr.nodeCount;
const M = csr.outArcs.length;

/** Bellman–Ford distances on the roots' graph from `root` (weights in forward-star order). */
function bellmanFord(weight: Float64Array, root: number): Float64Array {
  const dist = new Float64Array(N).fill(Number.POSITIVE_INFINITY);
  dist[root] = 0;
  for (let round = 0; round < N; round++) {
    let changed = false;
    for (let u = 0; u < N; u++) {
      if (dist[u] === Number.POSITIVE_INFINITY) continue;
      if (problem.blockedThrough?.[u] === 1 && u !== root) continue;
      for (let q = csr.outStart[u]!; q < csr.outStart[u + 1]!; q++) {
        const nd = dist[u]! + weight[q]!;
        if (nd < dist[csr.outHead[q]!]!) {
          dist[csr.outHead[q]!] = nd;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return dist;
}

describe('KeptTrees.repair', () => {
  it('gives Bellman–Ford distances and a consistent tree after weight changes, round after round', () => {
    expect(roots.reverse).toBe(true);
    const rnd = parkMiller(17);
    const position = new Int32Array(M);
    for (let q = 0; q < M; q++) position[csr.outArcs[q]!] = q;
    const kept = new KeptTrees(roots, new TypedArena());
    const ws = createDijkstraWorkspace(N);
    const blocked = problem.blockedThrough!;
    const options = { weightOrder: 'out' as const, blockedThrough: blocked };
    const weight = new Float64Array(M);
    // integer weights (exact sums, many ties), a few closed arcs that open and close again
    const draw = (share: number, closed = 0.06) => {
      for (let q = 0; q < M; q++) {
        if (rnd() >= share) continue;
        const r = rnd();
        weight[q] = r < closed ? Number.POSITIVE_INFINITY : Math.floor(r * 8);
      }
    };
    draw(1);
    const R = roots.byClass[0]!.roots.length;
    for (let i = 0; i < R; i++) {
      kept.keep(0, i, shortestPathTree(csr, weight, roots.byClass[0]!.roots[i]!, ws, options));
    }
    let changedTrees = 0;
    let unreached = 0;
    for (let round = 0; round < 40; round++) {
      // every seventh round closes many arcs (parts of the graph fall out of reach), the next reopens
      draw(round % 5 === 0 ? 1 : round % 2 === 0 ? 0.3 : 0.05, round % 7 === 3 ? 0.45 : 0.06);
      for (let i = 0; i < R; i++) {
        const root = roots.byClass[0]!.roots[i]!;
        expect(kept.has(0, i)).toBe(true);
        const tree = kept.repair(0, i, weight, problem.blockedThrough);
        const expected = bellmanFord(weight, root);
        expect(Array.from(tree.distance)).toEqual(Array.from(expected));
        const fresh = shortestPathTree(csr, weight, root, ws, options);
        for (let v = 0; v < N; v++) if (tree.predecessorArc[v] !== fresh.predecessorArc[v]) changedTrees++;
        for (let v = 0; v < N; v++) {
          const e = tree.predecessorArc[v]!;
          if (v === root || expected[v] === Number.POSITIVE_INFINITY) {
            if (v !== root) unreached++;
            expect(e).toBe(-1);
            continue;
          }
          expect(tree.distance[csr.tail[e]!]! + weight[position[e]!]!).toBe(tree.distance[v]);
          let steps = 0;
          for (let u = v; u !== root; u = csr.tail[tree.predecessorArc[u]!]!) expect(++steps).toBeLessThan(N);
        }
      }
    }
    // ties: the repaired trees do not always pick Dijkstra's predecessor, and need not
    expect(changedTrees).toBeGreaterThan(0);
    expect(unreached).toBeGreaterThan(0);
  });

  it('repairs a tree adopted from another class with the same root, other weights and refused arcs', () => {
    const rnd = parkMiller(29);
    const kept = new KeptTrees(roots, new TypedArena());
    const ws = createDijkstraWorkspace(N);
    const blocked = problem.blockedThrough!;
    const options = { weightOrder: 'out' as const, blockedThrough: blocked };
    const refused = problem.classes[1]!.arcConstant;
    const R = roots.byClass[0]!.roots.length;
    expect(kept.adopt(1, 0)).toBe(false); // nothing to adopt yet
    for (let trial = 0; trial < 10; trial++) {
      const w0 = Float64Array.from({ length: M }, () => Math.floor(rnd() * 8));
      // the second class: other weights, and its refused arcs closed
      const w1 = Float64Array.from({ length: M }, (_, q) =>
        refused[csr.outArcs[q]!] === Number.POSITIVE_INFINITY
          ? Number.POSITIVE_INFINITY
          : Math.floor(rnd() * 8),
      );
      for (let i = 0; i < R; i++) {
        kept.keep(0, i, shortestPathTree(csr, w0, roots.byClass[0]!.roots[i]!, ws, options));
        const j = roots.byClass[1]!.roots.indexOf(roots.byClass[0]!.roots[i]!);
        expect(kept.adopt(1, j)).toBe(true);
        const tree = kept.repair(1, j, w1, blocked);
        expect(Array.from(tree.distance)).toEqual(Array.from(bellmanFord(w1, roots.byClass[1]!.roots[j]!)));
        for (let v = 0; v < N; v++) {
          const e = tree.predecessorArc[v]!;
          if (e >= 0) expect(w1[csr.outArcs.indexOf(e)]).toBeLessThan(Number.POSITIVE_INFINITY);
        }
      }
    }
  });
});
