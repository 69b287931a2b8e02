/**
 * Link-based algorithms (AON, MSA, FW, CFW, BFW) on problems with closed-form equilibria, against
 * the path-based algorithm, and their statuses, warm starts and argument checks.
 */

import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../model/errors.js';
import { allOrNothing } from './allOrNothing.js';
import { frankWolfe, msa } from './frankWolfe.js';
import { gradientProjection } from './gradientProjection.js';
import { createAssignmentProblem } from './problem.js';
import { solveAssignment } from './solveAssignment.js';
import { gridNetwork, twoLinkProblem } from './testProblems.js';

// Two parallel links with linear costs (see twoLinkProblem): D = 600 gives x = 32/0.06 = 533.33…,
// y = 66.67, both at cost 18. Beckmann = 10x + 0.0075x² + 15y + 0.0225y².
const D = 600;
const X = 32 / 0.06;
const Y = D - X;
const BECKMANN = 10 * X + 0.0075 * X * X + 15 * Y + 0.0225 * Y * Y;

// A 3×3 grid (bidirectional), BPR β = 4, corner-to-corner demand both ways: several used paths.
function gridProblem() {
  return createAssignmentProblem({
    ...gridNetwork(3, 7, { min: 2, spread: 8 }, { min: 20, spread: 40 }),
    vdf: { kind: 'bpr', alpha: 0.15, beta: 4 },
    classes: [{ id: 'all', origins: [0, 8, 2, 6], destinations: [8, 0, 6, 2], volumes: [80, 60, 50, 70] }],
  });
}

describe('link-based algorithms', () => {
  it.each(['fw', 'cfw', 'bfw'] as const)(
    '%s finds the closed-form equilibrium of two parallel links',
    (variant) => {
      const result = frankWolfe(twoLinkProblem(D), { variant, relativeGap: 1e-12 });
      expect(result.status).toBe('converged');
      expect(result.arcFlows[0]).toBeCloseTo(X, 8);
      expect(result.arcFlows[1]).toBeCloseTo(Y, 8);
      expect(result.arcTimes[0]).toBeCloseTo(18, 10);
      expect(result.beckmann).toBeCloseTo(BECKMANN, 6);
      expect(result.totalCost).toBeCloseTo(18 * D, 6);
    },
  );

  it('system optimum of two parallel links equalises marginal costs', () => {
    // marginal costs 10 + 0.03x = 15 + 0.09y → x = (5 + 0.09·600) / 0.12 = 491.67
    const result = frankWolfe(twoLinkProblem(D), { relativeGap: 1e-12, objective: 'system-optimum' });
    const x = (5 + 0.09 * D) / 0.12;
    expect(result.arcFlows[0]).toBeCloseTo(x, 8);
    const ue = frankWolfe(twoLinkProblem(D), { relativeGap: 1e-12 });
    expect(result.totalCost).toBeLessThan(ue.totalCost);
  });

  it('MSA approaches the equilibrium and reports max-iterations with its gap', () => {
    const result = msa(gridProblem(), { relativeGap: 1e-12, maxIterations: 400 });
    expect(result.status).toBe('max-iterations');
    expect(result.iterations).toBe(400);
    expect(result.gapHistory).toHaveLength(401);
    expect(result.relativeGap).toBeGreaterThan(1e-12);
    expect(result.relativeGap).toBeLessThan(result.gapHistory[0]! / 10);
    const two = msa(twoLinkProblem(D), { maxIterations: 400 });
    expect(Math.abs(two.arcFlows[0]! - X)).toBeLessThan(5);
  });

  it('all-or-nothing loads the free-flow shortest path and reports the gap it leaves', () => {
    const result = allOrNothing(twoLinkProblem(D));
    expect(Array.from(result.arcFlows)).toEqual([D, 0]);
    // at x = 600: t1 = 19 > t2 = 15 → gap = (600·19 − 600·15) / (600·19)
    expect(result.relativeGap).toBeCloseTo(4 / 19, 12);
    expect(result.status).toBe('max-iterations');
    expect(result.iterations).toBe(0);
  });

  it('FW, CFW, BFW and MSA agree with gradient projection on a grid', () => {
    const problem = gridProblem();
    const reference = gradientProjection(problem, { relativeGap: 1e-12 });
    expect(reference.status).toBe('converged');
    for (const [variant, gap] of [
      ['fw', 1e-4],
      ['cfw', 1e-5],
      ['bfw', 1e-7],
    ] as const) {
      const result = frankWolfe(problem, { variant, relativeGap: gap, maxIterations: 50_000 });
      expect(result.status).toBe('converged');
      // Beckmann error ≤ gap · TSTT (convexity bound)
      expect(result.beckmann - reference.beckmann).toBeLessThanOrEqual(gap * result.totalCost + 1e-9);
      expect(result.beckmann).toBeGreaterThanOrEqual(reference.beckmann - 1e-9 * reference.beckmann);
    }
    const averaged = msa(problem, { maxIterations: 2000 });
    expect((averaged.beckmann - reference.beckmann) / reference.beckmann).toBeLessThan(1e-3);
  });

  it('the bi-conjugate direction needs fewer iterations than plain FW', () => {
    const problem = gridProblem();
    const fw = frankWolfe(problem, { variant: 'fw', relativeGap: 1e-4, maxIterations: 100_000 });
    const bfw = frankWolfe(problem, { variant: 'bfw', relativeGap: 1e-4, maxIterations: 100_000 });
    expect(bfw.iterations).toBeLessThan(fw.iterations);
  });

  it('stops at the iteration limit with the gap of the returned flows', () => {
    const result = frankWolfe(gridProblem(), { variant: 'fw', relativeGap: 1e-12, maxIterations: 3 });
    expect(result.status).toBe('max-iterations');
    expect(result.iterations).toBe(3);
    expect(result.relativeGap).toBe(result.gapHistory[3]);
    expect(result.stopReason).toMatch(/iteration limit \(3\)/);
  });

  it('reports the time limit as a status', () => {
    const result = frankWolfe(gridProblem(), { relativeGap: 0, maxSeconds: 1e-9 });
    expect(result.status).toBe('time-limit');
    expect(result.stopReason).toMatch(/time limit/);
  });

  it('restarts from class flows: a converged warm start needs no iteration', () => {
    const problem = gridProblem();
    const first = frankWolfe(problem, { relativeGap: 1e-6, maxIterations: 10_000 });
    const again = frankWolfe(problem, { relativeGap: 1e-6, warmStart: { classFlows: first.classFlows } });
    expect(again.iterations).toBe(0);
    expect(again.relativeGap).toBeCloseTo(first.relativeGap, 12);
  });

  it('rejects infeasible warm starts and bad options', () => {
    const problem = twoLinkProblem(D);
    expect(() => frankWolfe(problem, { warmStart: { classFlows: [[1, 2]] } })).toThrow(/off balance/);
    expect(() => frankWolfe(problem, { warmStart: { classFlows: [[D, -1]] } })).toThrow(
      /must be finite and ≥ 0, got -1/,
    );
    expect(() => frankWolfe(problem, { warmStart: { classFlows: [] } })).toThrow(InvalidArgumentError);
    expect(() => frankWolfe(problem, { relativeGap: -1 })).toThrow(
      /relativeGap must be a number ≥ 0, got -1/,
    );
    expect(() => frankWolfe(problem, { maxIterations: 1.5 })).toThrow(/maxIterations/);
    expect(() => frankWolfe(problem, { variant: 'xfw' as 'fw' })).toThrow(/variant/);
    expect(() => msa(problem, { objective: 'fastest' as 'system-optimum' })).toThrow(/objective/);
    expect(() => solveAssignment(problem, { algorithm: 'nope' } as never)).toThrow(
      /algorithm must be one of/,
    );
  });

  it('multi-class: classes share capacity, keep their own forbidden arcs and see money / VOT', () => {
    // Two routes 0→1: arc 0 (t0 10, c 100) and arc 1 (t0 15, c 50, toll 30 money).
    // Class "cheap" (VOT 1) sees the toll as 30 time units; class "rich" (VOT 100) as 0.3.
    // Class "banned" may not use arc 1.
    const problem = createAssignmentProblem({
      nodeCount: 2,
      tail: [0, 0],
      head: [1, 1],
      freeFlowTime: [10, 15],
      capacity: [100, 50],
      vdf: { kind: 'bpr', alpha: 0.15, beta: 1 },
      classes: [
        { id: 'cheap', origins: [0], destinations: [1], volumes: [200], valueOfTime: 1, moneyCost: [0, 30] },
        { id: 'rich', origins: [0], destinations: [1], volumes: [300], valueOfTime: 100, moneyCost: [0, 30] },
        { id: 'banned', origins: [0], destinations: [1], volumes: [100], forbiddenArcs: [1] },
      ],
    });
    const result = frankWolfe(problem, { relativeGap: 1e-12, maxIterations: 10_000 });
    const path = gradientProjection(problem, { relativeGap: 1e-12 });
    // All of "cheap" and "banned" on arc 0; "rich" splits: 10 + 0.015(300 + x) = 15.3 + 0.045(300 − x)
    // → x = (5.3 + 13.5 − 4.5) / 0.06 = 238.33 on arc 0.
    const x = (5.3 + 0.045 * 300 - 0.015 * 300) / 0.06;
    for (const r of [result, path]) {
      expect(r.classFlows[0]![1]).toBeCloseTo(0, 6);
      expect(r.classFlows[2]![1]).toBe(0);
      expect(r.classFlows[1]![0]).toBeCloseTo(x, 5);
      expect(r.arcFlows[0]).toBeCloseTo(300 + x, 5);
    }
    expect(result.beckmann).toBeCloseTo(path.beckmann, 5);
  });

  it('a class with value of time 0 routes on money and is held fixed while others equilibrate', () => {
    const problem = createAssignmentProblem({
      nodeCount: 2,
      tail: [0, 0],
      head: [1, 1],
      freeFlowTime: [10, 15],
      capacity: [100, 50],
      vdf: { kind: 'bpr', alpha: 0.15, beta: 1 },
      classes: [
        {
          id: 'money-only',
          origins: [0],
          destinations: [1],
          volumes: [300],
          valueOfTime: 0,
          moneyCost: [1, 5],
        },
        { id: 'time', origins: [0], destinations: [1], volumes: [600] },
      ],
    });
    for (const r of [
      frankWolfe(problem, { relativeGap: 1e-12 }),
      gradientProjection(problem, { relativeGap: 1e-12 }),
    ]) {
      expect(Array.from(r.classFlows[0]!)).toEqual([300, 0]);
      // time class: 10 + 0.015(300 + x) = 15 + 0.045(600 − x) → x = 27.5 / 0.06
      expect(r.classFlows[1]![0]).toBeCloseTo(27.5 / 0.06, 6);
    }
  });
});
