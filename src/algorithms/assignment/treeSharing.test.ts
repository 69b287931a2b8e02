/**
 * Trees shared between classes that differ only by forbidden arcs: which class reuses which, that a
 * tree path through a forbidden arc is refused, and that gradient projection with sharing still meets
 * the Wardrop conditions checked by an independent Bellman–Ford — and agrees with the same problem in
 * an order where no class can reuse another's trees.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectWardrop } from '../../../test/support/wardrop.js';
import { gradientProjection } from './gradientProjection.js';
import { type AssignmentClassInput, createAssignmentProblem } from './problem.js';
import { gridNetwork } from './testProblems.js';
import { SharedTrees, treeServes } from './treeSharing.js';

// 5×5 grid, both directions, BPR; node (r, c) = 5r + c.
function grid(classes: readonly AssignmentClassInput[]) {
  return { ...gridNetwork(5, 7, { min: 1, spread: 9 }, { min: 40, spread: 40 }), classes } as const;
}

/** Arcs of the base grid entering column 2 from column 1 (a "border" some classes refuse). */
function borderArcs(): number[] {
  const { tail, head } = grid([]);
  const out: number[] = [];
  for (let a = 0; a < tail.length; a++) if (tail[a]! % 5 === 1 && head[a]! % 5 === 2) out.push(a);
  return out;
}

const BPR = { kind: 'bpr', alpha: 0.15, beta: 4 } as const;
// four classes sharing the demand of one moderately congested OD matrix
const od = { origins: [0, 0, 20, 4], destinations: [24, 14, 4, 20], volumes: [30, 15, 22.5, 17.5] };
const border = borderArcs();

function classes(): AssignmentClassInput[] {
  return [
    { id: 'all', ...od },
    { id: 'no-border-row-0-2', ...od, forbiddenArcs: border.slice(0, 3) },
    { id: 'no-border', ...od, forbiddenArcs: border },
    { id: 'slow', ...od, valueOfTime: 2, moneyCost: new Array(80).fill(1) },
  ];
}

describe('SharedTrees', () => {
  it('lets a class reuse the closest earlier class that forbids a subset of its arcs at equal weights', () => {
    const problem = createAssignmentProblem({ ...grid(classes()), vdf: BPR });
    const shared = new SharedTrees(problem);
    // 'no-border-row-0-2' reuses 'all'; 'no-border' reuses the closer 'no-border-row-0-2'; 'slow' has other weights
    expect(Array.from(shared.parent)).toEqual([-1, 0, 1, -1]);
    expect(shared.keeps(0) && shared.keeps(1)).toBe(true);
    expect(shared.keeps(2) || shared.keeps(3)).toBe(false);
  });

  it('keeps a copy of a passing tree, and the tree itself when it stays as it is for the round', () => {
    const problem = createAssignmentProblem({ ...grid(classes()), vdf: BPR });
    const shared = new SharedTrees(problem);
    const predecessorArc = new Int32Array(25).fill(-1);
    const distance = new Float64Array(25).fill(Number.POSITIVE_INFINITY);
    shared.nextRound();
    shared.keep(0, 3, predecessorArc, distance); // class 1's parent is class 0
    const copied = shared.parentTree(1, 3)!;
    expect(copied.predecessorArc).not.toBe(predecessorArc);
    predecessorArc[4] = 7; // the caller's workspace is reused: the copy does not change
    expect(copied.predecessorArc[4]).toBe(-1);
    shared.keep(0, 3, predecessorArc, distance, true);
    const kept = shared.parentTree(1, 3)!;
    expect(kept.predecessorArc).toBe(predecessorArc);
    expect(kept.distance).toBe(distance);
    expect(shared.parentTree(1, 2)).toBeUndefined(); // no tree from another root
    shared.nextRound(); // last round's tree is stale
    expect(shared.parentTree(1, 3)).toBeUndefined();
    shared.keep(0, 3, predecessorArc, distance); // a copy again
    expect(shared.parentTree(1, 3)!.predecessorArc).not.toBe(predecessorArc);
    expect(Array.from(shared.parentTree(1, 3)!.predecessorArc)).toEqual(Array.from(predecessorArc));
  });

  it('refuses a tree whose path to a destination crosses a forbidden arc', () => {
    const problem = createAssignmentProblem({ ...grid(classes()), vdf: BPR });
    const { tail } = problem.csr;
    // a path 0 → 1 → 2 along row 0, as a tree: predecessor of 1 is arc 0→1, of 2 is arc 1→2
    const arc = (u: number, v: number) => tail.findIndex((t, a) => t === u && problem.csr.head[a] === v);
    const predecessorArc = new Int32Array(25).fill(-1);
    predecessorArc[1] = arc(0, 1);
    predecessorArc[2] = arc(1, 2);
    const distance = new Float64Array(25).fill(Number.POSITIVE_INFINITY);
    distance[0] = 0;
    distance[1] = 1;
    distance[2] = 2;
    const tree = { predecessorArc, distance };
    const allowed = problem.classes[0]!.arcConstant;
    const refusing = problem.classes[2]!.arcConstant;
    expect(treeServes(tree, tail, allowed, Int32Array.of(2), 0, 1)).toBe(true);
    expect(treeServes(tree, tail, refusing, Int32Array.of(2), 0, 1)).toBe(false);
    expect(treeServes(tree, tail, refusing, Int32Array.of(1), 0, 1)).toBe(true);
    // an unreached destination is never served
    expect(treeServes(tree, tail, allowed, Int32Array.of(7), 0, 1)).toBe(false);
  });
});

describe('treeServes with marks', () => {
  it('answers as the plain walk on random trees, over calls that share one mark array', () => {
    // random trees on 40 nodes rooted at 0: node v > 0 hangs off an earlier node through arc v - 1
    // (tail[v - 1] = its parent); a few nodes unreached; forbidden arcs at random
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 39, maxLength: 39 }),
        fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 39, maxLength: 39 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 39 }), { maxLength: 12 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (parents, draws, endLists) => {
          const n = 40;
          const tail = new Int32Array(n - 1);
          const predecessorArc = new Int32Array(n).fill(-1);
          const distance = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
          distance[0] = 0;
          const constant = new Float64Array(n - 1);
          for (let v = 1; v < n; v++) {
            const parent = parents[v - 1]! % v;
            tail[v - 1] = parent;
            constant[v - 1] = draws[v - 1]! < 8 ? Number.POSITIVE_INFINITY : 1;
            if (draws[v - 1]! >= 95 || !(distance[parent]! < Number.POSITIVE_INFINITY)) continue; // unreached
            predecessorArc[v] = v - 1;
            distance[v] = distance[parent]! + 1;
          }
          const tree = { predecessorArc, distance };
          const mark = new Int32Array(n);
          endLists.forEach((list, call) => {
            const ends = Int32Array.from(list);
            const plain = treeServes(tree, tail, constant, ends, 0, ends.length);
            expect(treeServes(tree, tail, constant, ends, 0, ends.length, mark, call + 1)).toBe(plain);
          });
        },
      ),
      { seed: 20261205, numRuns: 300 },
    );
  });
});

describe('gradient projection with shared trees', () => {
  it('meets the Wardrop conditions (Bellman–Ford) and agrees with an order where nothing is shared', () => {
    const shared = createAssignmentProblem({ ...grid(classes()), vdf: BPR });
    const reversed = createAssignmentProblem({ ...grid([...classes()].reverse()), vdf: BPR });
    expect(Array.from(new SharedTrees(reversed).parent)).toEqual([-1, -1, -1, -1]);
    const a = gradientProjection(shared, { relativeGap: 1e-11 });
    const b = gradientProjection(reversed, { relativeGap: 1e-11 });
    expect(a.status).toBe('converged');
    expect(b.status).toBe('converged');
    expectWardrop(shared, a);
    // the refusing classes use no border arc
    for (const e of border) expect(a.classFlows[2]![e]).toBe(0);
    for (const e of border.slice(0, 3)) expect(a.classFlows[1]![e]).toBe(0);
    // total arc flows agree with the unshared run (the UE total flows are unique here: BPR is strictly increasing)
    for (let e = 0; e < a.arcFlows.length; e++) expect(a.arcFlows[e]).toBeCloseTo(b.arcFlows[e]!, 4);
  });
});
