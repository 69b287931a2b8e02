/**
 * Logit stochastic user equilibrium: the fixed point on two parallel links against a bisection on
 * the logit condition x / y = exp(−θ (t1 − t2)), the path-size correction against hand-computed
 * shares, the θ → ∞ limit against the user equilibrium, and argument checks.
 */

import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../model/errors.js';
import { gradientProjection } from './gradientProjection.js';
import { logitAssignment } from './logit.js';
import { listPaths } from './pathSet.js';
import { createAssignmentProblem } from './problem.js';
import { gridNetwork, twoLinkProblem } from './testProblems.js';
import { treeRoots } from './treeRoots.js';

/** x on link 1 solving ln(x / (D − x)) = −θ (t1(x) − t2(D − x)) with t1 = 10 + 0.015x, t2 = 15 + 0.045y. */
function logitTwoLinks(theta: number, demand: number): number {
  let lo = 0;
  let hi = demand;
  for (let i = 0; i < 200; i++) {
    const x = 0.5 * (lo + hi);
    const h = Math.log(x / (demand - x)) + theta * (10 + 0.015 * x - (15 + 0.045 * (demand - x)));
    if (h > 0) hi = x;
    else lo = x;
  }
  return 0.5 * (lo + hi);
}

describe('logitAssignment', () => {
  it.each([0.01, 0.3, 2])(
    'θ = %s: the split on two parallel links satisfies the logit condition',
    (theta) => {
      const result = logitAssignment(twoLinkProblem(600), { theta, relativeGap: 1e-12 });
      expect(result.status).toBe('converged');
      expect(result.arcFlows[0]).toBeCloseTo(logitTwoLinks(theta, 600), 7);
      const [a, b] = listPaths(result.paths!, 0).sort((p, q) => p.arcs[0]! - q.arcs[0]!);
      expect(a!.flow / b!.flow).toBeCloseTo(Math.exp(-theta * (a!.cost - b!.cost)), 9);
    },
  );

  it('approaches the user equilibrium as θ grows', () => {
    const ue = gradientProjection(twoLinkProblem(600), { relativeGap: 1e-12 }).arcFlows[0]!;
    const gapAt = (theta: number) =>
      Math.abs(logitAssignment(twoLinkProblem(600), { theta, relativeGap: 1e-12 }).arcFlows[0]! - ue);
    // |x − x_UE| = ln(x/y) / (θ · 0.06) ≈ 2.07 / (0.06 θ): 1.7 at θ = 20, 0.17 at θ = 200
    expect(gapAt(20)).toBeCloseTo(
      Math.log(logitTwoLinks(20, 600) / (600 - logitTwoLinks(20, 600))) / (20 * 0.06),
      6,
    );
    expect(gapAt(200)).toBeLessThan(gapAt(20) / 9);
  });

  // Overlapping routes with fixed costs: O→A (1) then A→D by two parallel arcs (1 each), or O→D (2).
  // All three paths cost 2. Path size (Ben-Akiva & Bierlaire 1999): the two overlapping paths have
  // PS = ½·½ + ½·1 = 0.75, the direct one 1, so shares are 0.3, 0.3, 0.4; plain logit gives ⅓ each.
  const overlap = () =>
    createAssignmentProblem({
      nodeCount: 3,
      tail: [0, 1, 1, 0],
      head: [1, 2, 2, 2],
      freeFlowTime: [1, 1, 1, 2],
      capacity: [Infinity, Infinity, Infinity, Infinity],
      vdf: { kind: 'constant' },
      classes: [{ id: 'all', origins: [0], destinations: [2], volumes: [100] }],
    });

  it('path-size correction lowers the share of overlapping paths', () => {
    const plain = logitAssignment(overlap(), { theta: 1, relativeGap: 1e-12 });
    const corrected = logitAssignment(overlap(), { theta: 1, pathSize: true, relativeGap: 1e-12 });
    const share = (result: typeof plain) =>
      listPaths(result.paths!, 0)
        .map((p) => [p.arcs.length, p.flow / 100] as const)
        .sort((x, y) => x[0] - y[0]);
    const p = share(plain);
    expect(p).toHaveLength(3);
    for (const [, s] of p) expect(s).toBeCloseTo(1 / 3, 10);
    const c = share(corrected);
    expect(c[0]![1]).toBeCloseTo(0.4, 10); // the direct path (1 arc)
    expect(c[1]![1]).toBeCloseTo(0.3, 10);
    expect(c[2]![1]).toBeCloseTo(0.3, 10);
  });

  it('keeps one path per OD without alternatives or column generation', () => {
    const result = logitAssignment(overlap(), { theta: 1, pathsPerOd: 1, generatePaths: false });
    expect(listPaths(result.paths!, 0)).toHaveLength(1);
  });

  it('restarts from an earlier path set', () => {
    const first = logitAssignment(twoLinkProblem(600), { theta: 0.3, relativeGap: 1e-10 });
    const again = logitAssignment(twoLinkProblem(600), {
      theta: 0.3,
      relativeGap: 1e-10,
      warmStart: { paths: first.paths! },
    });
    expect(again.iterations).toBe(0);
    expect(again.arcFlows[0]).toBeCloseTo(first.arcFlows[0]!, 8);
  });

  it('meets the logit condition on every OD when trees grow from the destinations (many origins, two destinations)', () => {
    const grid = gridNetwork(5, 3, { min: 1, spread: 9 }, { min: 30, spread: 30 });
    const origins = [0, 1, 2, 3, 4, 5, 6, 7];
    const p = createAssignmentProblem({
      ...grid,
      vdf: { kind: 'bpr', alpha: 0.15, beta: 4 },
      classes: [
        {
          id: 'c',
          origins: [...origins, ...origins],
          destinations: [...origins.map(() => 20), ...origins.map(() => 24)],
          volumes: [...origins.map((o) => 5 + o), ...origins.map((o) => 12 - o)],
        },
      ],
    });
    expect(treeRoots(p).reverse).toBe(true);
    const theta = 0.5;
    const result = logitAssignment(p, { theta, relativeGap: 1e-8, maxIterations: 2000 });
    expect(result.status).toBe('converged');
    let split = 0;
    for (let od = 0; od < p.odCount; od++) {
      const paths = listPaths(result.paths!, od).filter((q) => q.flow > 0);
      expect(paths.length).toBeGreaterThan(0);
      if (paths.length > 1) split++;
      const [a, ...rest] = paths;
      for (const b of rest) expect(b.flow / a!.flow).toBeCloseTo(Math.exp(-theta * (b.cost - a!.cost)), 4);
    }
    expect(split).toBeGreaterThan(p.odCount / 2); // most ODs use several paths
  });

  it('rejects a missing or non-positive θ and bad path options', () => {
    const problem = twoLinkProblem(600);
    expect(() => logitAssignment(problem, {} as never)).toThrow(InvalidArgumentError);
    expect(() => logitAssignment(problem, { theta: 0 })).toThrow(/theta must be a finite number > 0, got 0/);
    expect(() => logitAssignment(problem, { theta: 1, pathsPerOd: 0 })).toThrow(/pathsPerOd/);
    expect(() => logitAssignment(problem, { theta: 1, penalty: -1 })).toThrow(/penalty/);
  });
});
