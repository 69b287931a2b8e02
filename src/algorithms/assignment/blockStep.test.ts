/**
 * The joint Newton step: on linear costs one step lands on the equilibrium of two ODs coupled
 * through a shared arc (solved by hand), a balanced OD moves with the other, and gradient projection
 * with joint steps meets the Wardrop conditions (independent Bellman–Ford) and agrees with the run
 * without them.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectWardrop } from '../../../test/support/wardrop.js';
import { InvalidArgumentError } from '../../model/errors.js';
import { updateCosts } from './arcCosts.js';
import { BlockWorkspace, blockStep } from './blockStep.js';
import { gradientProjection } from './gradientProjection.js';
import { hashArcs, PathStore } from './pathStore.js';
import { pathVolumes } from './pathSupport.js';
import { type AssignmentClassInput, type AssignmentProblem, createAssignmentProblem } from './problem.js';
import { SplitPaths } from './splitPaths.js';
import { gridNetwork } from './testProblems.js';

/**
 * OD 0 (node 0 → 2) by X then U (arcs 0, 2) or by Y (arc 3); OD 1 (0 → 1) by X (arc 0) or by Z
 * (arc 1); 300 each. Linear costs: X 5 + 0.05x, Z 12 + 0.05z, Y 20 + 0.05y, U 1. At equilibrium
 * 6 + 0.05(x0 + x1) = 20 + 0.05(300 − x0) and 5 + 0.05(x0 + x1) = 12 + 0.05(300 − x1), so x0 = 240 on
 * X (60 on Y) and x1 = 100 on X (200 on Z): X costs 22.
 */
function coupled() {
  return createAssignmentProblem({
    nodeCount: 3,
    tail: [0, 0, 1, 0],
    head: [1, 1, 2, 2],
    freeFlowTime: [5, 12, 1, 20],
    capacity: [100, 240, 1, 400],
    vdf: [
      { kind: 'bpr', alpha: 1, beta: 1 },
      { kind: 'bpr', alpha: 1, beta: 1 },
      { kind: 'constant' },
      { kind: 'bpr', alpha: 1, beta: 1 },
    ],
    classes: [{ id: 'all', origins: [0, 0], destinations: [2, 1], volumes: [300, 300] }],
  });
}

/**
 * {@link coupled} with the given paths (OD, arcs, flow), volumes and costs worked out from them, and
 * `step(ods)` running one joint step over those ODs; `ids` are the paths' indices, in order.
 */
function stateWith(
  paths: readonly { od: number; arcs: number[]; flow: number }[],
  problem: AssignmentProblem = coupled(),
) {
  const M = problem.arcCount;
  const store = new PathStore(problem.odCount, 8, 64);
  const ids = paths.map(({ od, arcs, flow }) => {
    const buffer = Int32Array.from(arcs);
    return store.add(od, buffer, arcs.length, hashArcs(buffer, arcs.length), flow);
  });
  const split = new SplitPaths(8, 64);
  split.refresh(problem, store, problem.classes);
  const V = new Float64Array(M);
  pathVolumes(problem, store, V, [new Float64Array(M)]);
  const cost = new Float64Array(M);
  const deriv = new Float64Array(M);
  updateCosts(problem, V, false, cost, deriv);
  const ws = new BlockWorkspace(M);
  const step = (ods: number[]) =>
    blockStep(problem, store, split, Int32Array.from(ods), ods.length, V, cost, deriv, false, ws);
  return { store, ids, V, cost, step };
}

/** OD 0's flow on X then U, OD 1's `onX` on X and the rest on Z; `paths` names their indices. */
function stateOf(onX: number) {
  const { store, ids, V, cost, step } = stateWith([
    { od: 0, arcs: [0, 2], flow: 300 },
    { od: 0, arcs: [3], flow: 0 },
    { od: 1, arcs: [0], flow: onX },
    { od: 1, arcs: [1], flow: 300 - onX },
  ]);
  const [xu, y, x, z] = ids as [number, number, number, number];
  return { store, paths: { xu, y, x, z }, V, cost, step: () => step([0, 1]) };
}

describe('blockStep', () => {
  it('lands on the equilibrium of two ODs coupled through a shared arc in one step (linear costs)', () => {
    // OD 0 moves off X, OD 1 onto it: one Gauss–Seidel step each would undo part of the other's
    const { store, paths, V, cost, step } = stateOf(0);
    expect(step()).toBe(2);
    expect(store.flow[paths.xu]).toBeCloseTo(240, 9);
    expect(store.flow[paths.y]).toBeCloseTo(60, 9);
    expect(store.flow[paths.x]).toBeCloseTo(100, 9);
    expect(store.flow[paths.z]).toBeCloseTo(200, 9);
    expect(V[0]).toBeCloseTo(340, 9);
    expect(cost[0]).toBeCloseTo(22, 9);
    // both ODs balanced
    expect(cost[0]! + cost[2]!).toBeCloseTo(cost[3]!, 9);
    expect(cost[0]).toBeCloseTo(cost[1]!, 9);
  });

  it('moves an OD the last pass left balanced with the others', () => {
    // OD 1 balanced at X = Z = 23.5 (70 on X); OD 0 is not: OD 1 must take 30 more onto X
    const { store, paths, cost, step } = stateOf(70);
    expect(cost[0]).toBeCloseTo(cost[1]!, 12);
    expect(step()).toBe(2);
    expect(store.flow[paths.x]).toBeCloseTo(100, 9);
    expect(store.flow[paths.xu]).toBeCloseTo(240, 9);
  });

  it('moves every used path of an OD at once (three parallel links, linear costs, solved by hand)', () => {
    // 0 → 1 by A (1 + 0.1a), B (2 + 0.1b) or C (3 + 0.1c), 100 units: at equilibrium all three cost
    // 16/3, with 130/3 on A, 100/3 on B and 70/3 on C. From 20 / 40 / 40 (costs 3, 6, 7) both B and
    // C move onto A; one move at a time would unbalance the other.
    const problem = createAssignmentProblem({
      nodeCount: 2,
      tail: [0, 0, 0],
      head: [1, 1, 1],
      freeFlowTime: [1, 2, 3],
      capacity: [10, 20, 30],
      vdf: { kind: 'bpr', alpha: 1, beta: 1 },
      classes: [{ id: 'all', origins: [0], destinations: [1], volumes: [100] }],
    });
    const { store, ids, cost, step } = stateWith(
      [
        { od: 0, arcs: [0], flow: 20 },
        { od: 0, arcs: [1], flow: 40 },
        { od: 0, arcs: [2], flow: 40 },
      ],
      problem,
    );
    expect(step([0])).toBe(2);
    expect(store.flow[ids[0]!]).toBeCloseTo(130 / 3, 9);
    expect(store.flow[ids[1]!]).toBeCloseTo(100 / 3, 9);
    expect(store.flow[ids[2]!]).toBeCloseTo(70 / 3, 9);
    for (const a of [0, 1, 2]) expect(cost[a]).toBeCloseTo(16 / 3, 9);
  });

  it('leaves alone an OD whose only used path is its cheapest', () => {
    // OD 1 all on Z, its only path
    const { store, step } = stateWith([{ od: 1, arcs: [1], flow: 300 }]);
    expect(step([1])).toBe(0);
    expect(store.flow[store.odHead[1]!]).toBe(300);
  });
});

describe('gradient projection with joint steps', () => {
  it('meets the Wardrop conditions on random grids and classes, and agrees with the run without them', () => {
    const grid = gridNetwork(4, 5, { min: 1, spread: 9 }, { min: 20, spread: 30 });
    const M = grid.tail.length;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 })), {
          minLength: 2,
          maxLength: 8,
        }),
        fc.integer({ min: 10, max: 80 }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        (pairs, volume, valueOfTime) => {
          const ods = pairs.filter(([o, d]) => o !== d);
          fc.pre(ods.length > 0);
          const spec = { origins: ods.map(([o]) => o), destinations: ods.map(([, d]) => d) };
          // two classes of different constants sharing the arcs: the case where moves undo each other
          const classes: AssignmentClassInput[] = [
            { id: 'fast', ...spec, volumes: ods.map(() => volume) },
            {
              id: 'cheap',
              ...spec,
              volumes: ods.map(() => volume),
              valueOfTime,
              moneyCost: Array.from({ length: M }, (_, a) => (a % 3) * 2),
            },
          ];
          const problem = createAssignmentProblem({
            ...grid,
            vdf: { kind: 'bpr', alpha: 0.15, beta: 4 },
            classes,
          });
          const joint = gradientProjection(problem, { relativeGap: 1e-12 });
          const apart = gradientProjection(problem, { relativeGap: 1e-12, jointSteps: false });
          expect(joint.status).toBe('converged');
          expectWardrop(problem, joint);
          const scale = Math.max(1, ...apart.arcFlows);
          for (let a = 0; a < M; a++)
            expect(Math.abs(joint.arcFlows[a]! - apart.arcFlows[a]!) / scale).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 40, seed: 20261205 },
    );
  });

  it('rejects a jointSteps option that is not a boolean, naming it', () => {
    expect(() => gradientProjection(coupled(), { jointSteps: 1 as unknown as boolean })).toThrow(
      InvalidArgumentError,
    );
    expect(() => gradientProjection(coupled(), { jointSteps: 1 as unknown as boolean })).toThrow(
      /options\.jointSteps/,
    );
  });
});
