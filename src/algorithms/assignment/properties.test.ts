/**
 * Property tests on random strongly connected problems (fast-check):
 * - the Wardrop conditions hold within the reported gap (used paths at minimal cost, checked with an
 *   independent Bellman–Ford; demand conserved);
 * - at system optimum, raising a link's capacity never raises the total cost, and closing a link never
 *   lowers it;
 * - any feasible flow's Beckmann excess is bounded by its gap × total cost (so BFW and GP agree).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arcCost } from './arcCosts.js';
import { frankWolfe } from './frankWolfe.js';
import { gradientProjection } from './gradientProjection.js';
import { createAssignmentProblem } from './problem.js';
import { arbProblemSpec, bellmanFord, specInput } from './testProblems.js';

const RUNS = { numRuns: 60, seed: 20261128 };

describe('assignment properties', () => {
  it('used paths have equal, minimal cost within the gap', () => {
    fc.assert(
      fc.property(arbProblemSpec(), (spec) => {
        const problem = createAssignmentProblem(specInput(spec));
        const result = gradientProjection(problem, { relativeGap: 1e-10, maxIterations: 2000 });
        expect(result.status).toBe('converged');
        const set = result.paths!;
        const cost = Array.from({ length: problem.arcCount }, (_, a) =>
          arcCost(problem, a, result.arcFlows[a]!, false),
        );
        const slack = result.relativeGap * result.totalCost + 1e-9 * result.totalCost;
        for (let od = 0; od < set.odClass.length; od++) {
          const pi = bellmanFord(problem, cost, set.odOrigin[od]!)[set.odDestination[od]!]!;
          let total = 0;
          for (let q = set.odPathStart[od]!; q < set.odPathStart[od + 1]!; q++) {
            let c = 0;
            for (let i = set.pathArcStart[q]!; i < set.pathArcStart[q + 1]!; i++)
              c += cost[set.pathArcs[i]!]!;
            const f = set.pathFlow[q]!;
            total += f;
            expect(c).toBeGreaterThanOrEqual(pi * (1 - 1e-12));
            // f_p (c_p − π) ≤ Σ_paths f (c − π) = gap · TSTT
            expect(f * (c - pi)).toBeLessThanOrEqual(slack);
          }
          expect(total).toBeCloseTo(set.odDemand[od]!, 9);
        }
      }),
      RUNS,
    );
  });

  it('raising a link capacity never raises the total cost at system optimum', () => {
    fc.assert(
      fc.property(
        arbProblemSpec(),
        fc.nat(),
        fc.double({ min: 1, max: 4, noNaN: true }),
        (spec, pick, factor) => {
          const arc = pick % spec.arcs.length;
          const base = gradientProjection(createAssignmentProblem(specInput(spec)), {
            objective: 'system-optimum',
            relativeGap: 1e-10,
            maxIterations: 2000,
          });
          const raised = gradientProjection(
            createAssignmentProblem(specInput(spec, { arc, capacityFactor: factor })),
            {
              objective: 'system-optimum',
              relativeGap: 1e-10,
              maxIterations: 2000,
            },
          );
          expect(raised.totalCost).toBeLessThanOrEqual(base.totalCost * (1 + 1e-8));
        },
      ),
      RUNS,
    );
  });

  it('closing a link never lowers the total cost at system optimum', () => {
    fc.assert(
      fc.property(arbProblemSpec(), fc.nat(), (spec, pick) => {
        const arc = pick % spec.arcs.length;
        const closedProblem = createAssignmentProblem(specInput(spec, { arc, close: true }));
        fc.pre(closedProblem.unreachable.length === 0);
        const base = gradientProjection(createAssignmentProblem(specInput(spec)), {
          objective: 'system-optimum',
          relativeGap: 1e-10,
          maxIterations: 2000,
        });
        const closed = gradientProjection(closedProblem, {
          objective: 'system-optimum',
          relativeGap: 1e-10,
          maxIterations: 2000,
        });
        expect(closed.arcFlows[arc]).toBe(0);
        expect(closed.totalCost).toBeGreaterThanOrEqual(base.totalCost * (1 - 1e-8));
      }),
      RUNS,
    );
  });

  it('a feasible flow is within gap × total cost of the optimal Beckmann objective (BFW vs GP)', () => {
    fc.assert(
      fc.property(arbProblemSpec(), (spec) => {
        const problem = createAssignmentProblem(specInput(spec));
        const exact = gradientProjection(problem, { relativeGap: 1e-11, maxIterations: 2000 });
        const approx = frankWolfe(problem, { variant: 'bfw', relativeGap: 1e-5, maxIterations: 300 });
        const scale = 1e-9 * exact.beckmann;
        expect(approx.beckmann).toBeGreaterThanOrEqual(exact.beckmann - scale);
        expect(approx.beckmann - exact.beckmann).toBeLessThanOrEqual(
          approx.relativeGap * approx.totalCost + scale,
        );
      }),
      RUNS,
    );
  });
});
