/**
 * The Wardrop conditions of a tight path-based run
 * ================================================
 *
 * Tests that solve an assignment to a relative gap of 1e-11 or below check the same three things
 * with the independent Bellman–Ford check of testProblems.ts: every used path within 1e-9 of its OD's
 * cheapest, demand conserved to 1e-12, and path flows adding up to the class arc flows.
 */

import { expect } from 'vitest';
import type { AssignmentProblem } from '../../src/algorithms/assignment/problem.js';
import type { AssignmentResult } from '../../src/algorithms/assignment/result.js';
import { checkEquilibrium, type EquilibriumCheck } from '../../src/algorithms/assignment/testProblems.js';

/**
 * Assert the Wardrop conditions of a path-based result solved to a tight gap.
 *
 * @param problem - the problem solved
 * @param result - a result with paths (gradient projection)
 * @returns the check, for further assertions
 */
export function expectWardrop(problem: AssignmentProblem, result: AssignmentResult): EquilibriumCheck {
  const check = checkEquilibrium(problem, result.arcFlows, result.classFlows, result.paths!);
  expect(check.maxUsedExcess).toBeLessThan(1e-9);
  expect(check.maxDemandError).toBeLessThan(1e-12);
  expect(check.maxFlowMismatch).toBeLessThan(1e-9);
  return check;
}
