/**
 * All-or-nothing assignment
 * =========================
 *
 * Every OD's demand on its shortest path at free-flow costs (plus the volume of value-of-time-0
 * classes, which is loaded first on money). Congestion is ignored when routing; the report gives the
 * relative gap of the result at the costs it produces, which says how far from equilibrium it is.
 */

import { optionsOf } from '../../model/errors.js';
import {
  type AssignmentObjective,
  constantCost,
  travelTimes,
  updateCosts,
  volumeObjective,
} from './arcCosts.js';
import { createLoadingWorkspace, fixedRouteFlows, loadAllOrNothing, setClassWeights } from './loading.js';
import type { AssignmentProblem } from './problem.js';
import { requireProblem } from './problem.js';
import { type AssignmentResult, relativeGapOf, resolveIterationOptions, stopSentence } from './result.js';

const DEFAULTS = { relativeGap: 1e-4, maxIterations: 0 };

/** Options of {@link allOrNothing}. */
export interface AllOrNothingOptions {
  /** Gap below which the status is `converged` (default 1e-4); the loading itself never iterates. */
  readonly relativeGap?: number;
  /** `user-equilibrium` (default) or `system-optimum` (route on marginal costs). */
  readonly objective?: AssignmentObjective;
}

/**
 * Load every OD on its shortest path at free-flow (uncongested) costs.
 *
 * @param problem - from `createAssignmentProblem`
 * @param options - gap threshold for the status, objective
 * @returns flows and report (0 iterations; `relativeGap` of the loading at its own costs)
 * @throws InvalidArgumentError on invalid options
 * @example allOrNothing(problem).arcFlows
 * @remarks Complexity O(K·O·(N + M) log N) (two loadings: the assignment and its gap).
 *   Reference: Sheffi (1985), Urban Transportation Networks, ch. 5.
 */
export function allOrNothing(
  problem: AssignmentProblem,
  options: AllOrNothingOptions = {},
): AssignmentResult {
  requireProblem(problem);
  options = optionsOf(options, 'corridor-sim/assignment');
  const started = performance.now();
  const p = problem;
  const { relativeGap: target, so, objective } = resolveIterationOptions(options, DEFAULTS);
  const M = p.arcCount;
  const ws = createLoadingWorkspace(p);
  const fixed = fixedRouteFlows(p, ws);
  const cost = new Float64Array(M);
  updateCosts(p, fixed.background, so, cost);
  const classFlows = p.classes.map((cls) => fixed.classFlows[cls.index] ?? new Float64Array(M));
  const V = fixed.background.slice();
  for (const cls of p.classes) {
    if (cls.fixedRoute) continue;
    setClassWeights(p, cls, cost, ws.weight);
    loadAllOrNothing(p, cls, ws, classFlows[cls.index]!);
    const x = classFlows[cls.index]!;
    for (let a = 0; a < M; a++) V[a] = V[a]! + x[a]!;
  }
  // Gap of the loading at the costs it causes.
  updateCosts(p, V, so, cost);
  let tstt = 0;
  let sptt = 0;
  const scratch = new Float64Array(M);
  for (const cls of p.classes) {
    if (cls.fixedRoute) continue;
    const x = classFlows[cls.index]!;
    for (let a = 0; a < M; a++) if (x[a] !== 0) tstt += x[a]! * (cost[a]! + cls.arcConstant[a]!);
    setClassWeights(p, cls, cost, ws.weight);
    sptt += loadAllOrNothing(p, cls, ws, scratch);
  }
  const gap = relativeGapOf(tstt, sptt);
  const arcTimes = travelTimes(p, V, new Float64Array(M));
  let beckmann = volumeObjective(p, V, false);
  let totalCost = 0;
  for (let a = 0; a < M; a++) totalCost += V[a]! * arcTimes[a]!;
  classFlows.forEach((flows, k) => {
    const c = constantCost(flows, p.classes[k]!.arcConstant);
    beckmann += c;
    totalCost += c;
  });
  const status = gap <= target ? 'converged' : 'max-iterations';
  return {
    status,
    stopReason:
      status === 'converged'
        ? stopSentence(status, gap, target, 0)
        : `all-or-nothing loading: relative gap ${gap.toExponential(3)} at its own costs (target ${target.toExponential(1)}); use an equilibrium algorithm`,
    algorithm: 'aon',
    objective,
    iterations: 0,
    relativeGap: gap,
    gapHistory: [gap],
    beckmann,
    totalCost,
    seconds: (performance.now() - started) / 1000,
    arcFlows: V,
    arcTimes,
    classFlows,
    paths: undefined,
    unassignedVolume: p.unreachable.reduce((sum, u) => sum + u.volume, 0),
  };
}
