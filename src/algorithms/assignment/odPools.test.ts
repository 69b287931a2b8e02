/**
 * ODs pooled across classes that differ only by forbidden arcs: joining, leaving when the host takes
 * a path the rider refuses, the proportional split at the end, and gradient projection with pools
 * against the Wardrop conditions (independent Bellman–Ford) and against the same run without pools.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectWardrop } from '../../../test/support/wardrop.js';
import { InvalidArgumentError } from '../../model/errors.js';
import { TypedArena } from '../_internal/arena.js';
import { gradientProjection } from './gradientProjection.js';
import { OdPools } from './odPools.js';
import { hashArcs, PathStore } from './pathStore.js';
import { type AssignmentClassInput, createAssignmentProblem } from './problem.js';
import { gridNetwork } from './testProblems.js';
import { SharedTrees } from './treeSharing.js';

const BPR = { kind: 'bpr', alpha: 0.15, beta: 4 } as const;

/**
 * Node 0 to node 3 by three routes, and node 0 to node 1: A 0→1→3 (arcs 0, 1), B 0→2→3 (arcs 2, 3),
 * C 0→4→3 (arcs 4, 5) through a country the narrow class refuses (arcs 4, 5). A is the fastest when
 * empty; as it fills, B and then C take flow.
 */
function threeRoutes(classes: readonly AssignmentClassInput[]) {
  return createAssignmentProblem({
    nodeCount: 5,
    tail: [0, 1, 0, 2, 0, 4],
    head: [1, 3, 2, 3, 4, 3],
    freeFlowTime: [4, 4, 5, 5, 5.5, 5.5],
    capacity: [40, 40, 30, 30, 60, 60],
    vdf: BPR,
    classes,
  });
}

const wideAndNarrow = (wide: number[], narrow: number[]): AssignmentClassInput[] => [
  { id: 'wide', origins: [0, 0], destinations: [3, 1], volumes: wide },
  { id: 'narrow', origins: [0, 0], destinations: [3, 1], volumes: narrow, forbiddenArcs: [4, 5] },
];

/** A store with one path per listed OD, each carrying the OD's demand. */
function storeWith(odCount: number, paths: readonly { od: number; arcs: number[]; flow: number }[]) {
  const store = new PathStore(odCount, 8, 64);
  for (const { od, arcs, flow } of paths) {
    const buffer = Int32Array.from(arcs);
    store.add(od, buffer, arcs.length, hashArcs(buffer, arcs.length), flow);
  }
  return store;
}

function odPaths(store: PathStore, od: number): { arcs: number[]; flow: number }[] {
  const out: { arcs: number[]; flow: number }[] = [];
  for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
    out.push({
      arcs: Array.from(store.arcs.subarray(store.start[q]!, store.start[q]! + store.length[q]!)),
      flow: store.flow[q]!,
    });
  }
  return out.sort((a, b) => a.arcs[0]! - b.arcs[0]!);
}

describe('OdPools', () => {
  it('pools an OD on its wider class’s single path, moves flow on leaving in proportion to demand, and releases all at the end', () => {
    const problem = threeRoutes(wideAndNarrow([30, 10], [90, 30]));
    const parent = new SharedTrees(problem).parent;
    expect(Array.from(parent)).toEqual([-1, 0]);
    const arena = new TypedArena(1 << 16);
    const pools = new OdPools(problem, arena);
    // the wide class's ODs seeded (OD 0: 0→3 on route A, OD 1: 0→1); the narrow class's (2, 3) not yet
    const store = storeWith(4, [
      { od: 0, arcs: [0, 1], flow: 30 },
      { od: 1, arcs: [0], flow: 10 },
    ]);
    pools.joinClass(problem.classes[1]!, store, parent, new Int32Array(2 * problem.nodeCount));
    expect(pools.size).toBe(2);
    expect(Array.from(pools.host)).toEqual([-1, -1, 0, 1]);
    expect(Array.from(pools.demand)).toEqual([120, 40, 90, 30]);
    expect(store.odSize[2]).toBe(0);
    expect(odPaths(store, 0)).toEqual([{ arcs: [0, 1], flow: 120 }]);

    // the host takes route B (allowed to the rider): it stays
    const buffer = new Int32Array(16);
    const b = store.add(0, Int32Array.from([2, 3]), 2, hashArcs(Int32Array.from([2, 3]), 2), 0);
    store.flow[b] = 48;
    store.flow[store.next[b]!] = 72;
    pools.admitted(store, 0, b, buffer);
    expect(pools.host[2]).toBe(0);
    // then route C, which the rider refuses: it leaves with 90/120 of A and B, and not C
    const c = store.add(0, Int32Array.from([4, 5]), 2, hashArcs(Int32Array.from([4, 5]), 2), 0);
    pools.admitted(store, 0, c, buffer);
    expect(pools.size).toBe(1);
    expect(pools.host[2]).toBe(-1);
    expect(pools.demand[0]).toBe(30);
    expect(odPaths(store, 2)).toEqual([
      { arcs: [0, 1], flow: 54 },
      { arcs: [2, 3], flow: 36 },
    ]);
    expect(odPaths(store, 0)).toEqual([
      { arcs: [0, 1], flow: 18 },
      { arcs: [2, 3], flow: 12 },
      { arcs: [4, 5], flow: 0 },
    ]);

    // the end of the run: OD 3 leaves OD 1's pool with 30 of its 40
    pools.releaseAll(store, buffer);
    expect(pools.size).toBe(0);
    expect(odPaths(store, 3)).toEqual([{ arcs: [0], flow: 30 }]);
    expect(odPaths(store, 1)).toEqual([{ arcs: [0], flow: 10 }]);
  });

  it('pools only where the host’s path is allowed, or is the OD’s own single path (a warm start)', () => {
    const problem = threeRoutes(wideAndNarrow([30, 10], [90, 30]));
    const parent = new SharedTrees(problem).parent;
    const pools = new OdPools(problem, new TypedArena(1 << 16));
    const store = storeWith(4, [
      { od: 0, arcs: [4, 5], flow: 30 }, // route C: refused by the narrow class
      { od: 1, arcs: [0], flow: 10 },
      { od: 3, arcs: [0], flow: 30 }, // already has the host's path
    ]);
    pools.joinClass(problem.classes[1]!, store, parent, new Int32Array(2 * problem.nodeCount));
    expect(Array.from(pools.host)).toEqual([-1, -1, -1, 1]);
    expect(store.odSize[3]).toBe(0);
    expect(odPaths(store, 1)).toEqual([{ arcs: [0], flow: 40 }]);
    expect(odPaths(store, 0)).toEqual([{ arcs: [4, 5], flow: 30 }]);
  });
});

describe('gradient projection with pooled ODs', () => {
  it('meets the Wardrop conditions when a rider must leave, and agrees with the run without pools', () => {
    const problem = threeRoutes(wideAndNarrow([30, 10], [90, 30]));
    const pooled = gradientProjection(problem, { relativeGap: 1e-12 });
    const apart = gradientProjection(problem, { relativeGap: 1e-12, poolOds: false });
    expect(pooled.status).toBe('converged');
    expectWardrop(problem, pooled);
    // the wide class uses route C, the narrow one cannot
    expect(pooled.classFlows[0]![4]).toBeGreaterThan(1);
    expect(pooled.classFlows[1]![4]).toBe(0);
    // total arc flows are unique (BPR strictly increasing): the same as without pools
    for (let a = 0; a < 6; a++) expect(pooled.arcFlows[a]).toBeCloseTo(apart.arcFlows[a]!, 6);
    // OD 0→1 has one path: the rider's flow is its demand, carried on the host's path until the end
    const set = pooled.paths!;
    for (const od of [1, 3]) {
      expect(set.odPathStart[od + 1]! - set.odPathStart[od]!).toBe(1);
      expect(set.pathFlow[set.odPathStart[od]!]).toBe(set.odDemand[od]);
    }
  });

  it('splits a pool that never broke up in proportion to demand', () => {
    // demand low enough that route C is never worth taking: the rider stays to the end
    const problem = threeRoutes(wideAndNarrow([12, 4], [36, 12]));
    const result = gradientProjection(problem, { relativeGap: 1e-12 });
    expectWardrop(problem, result);
    expect(result.classFlows[0]![4]).toBe(0);
    const set = result.paths!;
    const flows = (od: number) => {
      const m = new Map<string, number>();
      for (let q = set.odPathStart[od]!; q < set.odPathStart[od + 1]!; q++) {
        m.set(
          Array.from(set.pathArcs.subarray(set.pathArcStart[q]!, set.pathArcStart[q + 1]!)).join(','),
          set.pathFlow[q]!,
        );
      }
      return m;
    };
    const wide = flows(0);
    const narrow = flows(2);
    expect(wide.size).toBe(2); // routes A and B
    expect([...narrow.keys()].sort()).toEqual([...wide.keys()].sort());
    for (const [arcs, f] of wide) expect(narrow.get(arcs)! / 36).toBeCloseTo(f / 12, 12);
  });

  it('meets the Wardrop conditions on random grids and classes, and agrees with the run without pools', () => {
    const grid = gridNetwork(4, 11, { min: 1, spread: 9 }, { min: 30, spread: 40 });
    const M = grid.tail.length;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 })), {
          minLength: 2,
          maxLength: 5,
        }),
        fc.uniqueArray(fc.integer({ min: 0, max: M - 1 }), { maxLength: 8 }),
        fc.uniqueArray(fc.integer({ min: 0, max: M - 1 }), { maxLength: 8 }),
        fc.integer({ min: 10, max: 60 }),
        (pairs, refusedA, refusedB, volume) => {
          const ods = pairs.filter(([o, d]) => o !== d);
          fc.pre(ods.length > 0);
          const spec = {
            origins: ods.map(([o]) => o),
            destinations: ods.map(([, d]) => d),
          };
          // a wide class, one refusing some arcs, and one refusing those and more (pools nest)
          const classes: AssignmentClassInput[] = [
            { id: 'all', ...spec, volumes: ods.map(() => volume) },
            { id: 'refuse-a', ...spec, volumes: ods.map(() => 2 * volume), forbiddenArcs: refusedA },
            {
              id: 'refuse-ab',
              ...spec,
              volumes: ods.map(() => 3 * volume),
              forbiddenArcs: [...new Set([...refusedA, ...refusedB])],
            },
          ];
          const problem = createAssignmentProblem({ ...grid, vdf: BPR, classes });
          const pooled = gradientProjection(problem, { relativeGap: 1e-12 });
          const apart = gradientProjection(problem, { relativeGap: 1e-12, poolOds: false });
          expect(pooled.status).toBe('converged');
          expectWardrop(problem, pooled);
          const scale = Math.max(1, ...apart.arcFlows);
          for (let a = 0; a < M; a++)
            expect(Math.abs(pooled.arcFlows[a]! - apart.arcFlows[a]!) / scale).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 40, seed: 20261205 },
    );
  });

  it('rejects a poolOds option that is not a boolean, naming it', () => {
    const problem = threeRoutes(wideAndNarrow([30, 10], [90, 30]));
    expect(() => gradientProjection(problem, { poolOds: 'yes' as unknown as boolean })).toThrow(
      InvalidArgumentError,
    );
    expect(() => gradientProjection(problem, { poolOds: 'yes' as unknown as boolean })).toThrow(
      /options\.poolOds/,
    );
  });
});
