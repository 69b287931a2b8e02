/**
 * Arc costs on typed arrays
 * =========================
 *
 * Bulk evaluation of arc costs, their derivatives and the objective for a whole problem. Under user
 * equilibrium (UE) an arc's cost is its travel time t(v) and the objective is the Beckmann integral;
 * under system optimum (SO) the cost is the marginal cost t + v·t' (derivative 2t' + v·t'') and the
 * objective is total travel time Σ v·t(v). Class constant terms (fixed costs, money / VOT) are added
 * by the callers, which know the class flows.
 *
 * Internal: no public API. Complexity O(M) per call.
 */

import type { AssignmentProblem } from './problem.js';
import {
  VDF_CONSTANT,
  VDF_DAVIDSON,
  vdfDerivative,
  vdfIntegral,
  vdfTime,
  vdfVolumeTimesSecondDerivative,
} from './vdf.js';

/** What the assignment optimises. */
export type AssignmentObjective = 'user-equilibrium' | 'system-optimum';

/**
 * Cost of arc `a` at volume `v`.
 *
 * @internal
 */
export function arcCost(p: AssignmentProblem, a: number, v: number, so: boolean): number {
  const k = p.vdfKind[a]!;
  const t0 = p.t0[a]!;
  const c = p.vdfCapacity[a]!;
  const p1 = p.p1[a]!;
  const p2 = p.p2[a]!;
  const t = vdfTime(k, t0, c, p1, p2, v);
  return so ? t + v * vdfDerivative(k, t0, c, p1, p2, v) : t;
}

/**
 * Derivative of the cost of arc `a` at volume `v`.
 *
 * @internal
 */
export function arcCostDerivative(p: AssignmentProblem, a: number, v: number, so: boolean): number {
  const k = p.vdfKind[a]!;
  const t0 = p.t0[a]!;
  const c = p.vdfCapacity[a]!;
  const p1 = p.p1[a]!;
  const p2 = p.p2[a]!;
  const d = vdfDerivative(k, t0, c, p1, p2, v);
  return so ? 2 * d + vdfVolumeTimesSecondDerivative(k, t0, c, p1, p2, v) : d;
}

/**
 * Set `cost[a]` and `derivative[a]` for volume `v` (one evaluation of the shared power for BPR).
 *
 * @internal
 */
export function refreshArc(
  p: AssignmentProblem,
  a: number,
  v: number,
  so: boolean,
  cost: Float64Array,
  derivative: Float64Array,
): void {
  const k = p.vdfKind[a]!;
  if (k === VDF_CONSTANT) {
    // most arcs of a corridor path: cost t0 under UE and SO alike, derivative 0
    cost[a] = p.t0[a]!;
    derivative[a] = 0;
    return;
  }
  if (k === VDF_DAVIDSON && !so) {
    // modified Davidson inline (the equilibrium of `simulate` spends its inner loop here)
    const t0 = p.t0[a]!;
    const c = p.vdfCapacity[a]!;
    const j = p.p1[a]!;
    const mu = p.p2[a]!;
    const x = v / c;
    // the same expressions as vdfTime / vdfDerivative, so results do not change by a bit
    if (x <= mu) {
      const r = 1 - x;
      cost[a] = t0 * (1 + (j * x) / r);
      derivative[a] = (t0 * j) / (r * r * c);
    } else {
      const r = 1 - mu;
      cost[a] = t0 * (1 + (j * mu) / r + (j / (r * r)) * (x - mu));
      derivative[a] = (t0 * j) / (r * r * c);
    }
    return;
  }
  if (k === 1 && !so) {
    const t0 = p.t0[a]!;
    const c = p.vdfCapacity[a]!;
    const alpha = p.p1[a]!;
    const beta = p.p2[a]!;
    const x = v / c;
    if (beta === 4) {
      const x3 = x * x * x;
      cost[a] = t0 * (1 + alpha * x3 * x);
      derivative[a] = (4 * t0 * alpha * x3) / c;
      return;
    }
  }
  cost[a] = arcCost(p, a, v, so);
  derivative[a] = arcCostDerivative(p, a, v, so);
}

/**
 * Fill `cost` (and `derivative` when given) for every arc.
 *
 * @internal
 */
export function updateCosts(
  p: AssignmentProblem,
  volume: Float64Array,
  so: boolean,
  cost: Float64Array,
  derivative?: Float64Array,
): void {
  const { vdfKind, t0, vdfCapacity, p1, p2 } = p;
  const M = p.arcCount;
  for (let a = 0; a < M; a++) {
    const k = vdfKind[a]!;
    const v = volume[a]!;
    if (k === 0) {
      cost[a] = t0[a]!;
      if (derivative !== undefined) derivative[a] = 0;
      continue;
    }
    const tt = vdfTime(k, t0[a]!, vdfCapacity[a]!, p1[a]!, p2[a]!, v);
    if (!so) {
      cost[a] = tt;
      if (derivative !== undefined)
        derivative[a] = vdfDerivative(k, t0[a]!, vdfCapacity[a]!, p1[a]!, p2[a]!, v);
    } else {
      const d = vdfDerivative(k, t0[a]!, vdfCapacity[a]!, p1[a]!, p2[a]!, v);
      cost[a] = tt + v * d;
      if (derivative !== undefined) {
        derivative[a] = 2 * d + vdfVolumeTimesSecondDerivative(k, t0[a]!, vdfCapacity[a]!, p1[a]!, p2[a]!, v);
      }
    }
  }
}

/**
 * Travel time (not marginal cost) of every arc.
 *
 * @internal
 */
export function travelTimes(p: AssignmentProblem, volume: Float64Array, out: Float64Array): Float64Array {
  updateCosts(p, volume, false, out);
  return out;
}

/**
 * The volume-dependent part of the objective: Σ ∫₀^v t (UE) or Σ v·t(v) (SO).
 *
 * @internal
 */
export function volumeObjective(p: AssignmentProblem, volume: Float64Array, so: boolean): number {
  const { vdfKind, t0, vdfCapacity, p1, p2 } = p;
  let sum = 0;
  for (let a = 0; a < p.arcCount; a++) {
    const v = volume[a]!;
    if (v === 0) continue;
    const k = vdfKind[a]!;
    sum += so
      ? v * vdfTime(k, t0[a]!, vdfCapacity[a]!, p1[a]!, p2[a]!, v)
      : vdfIntegral(k, t0[a]!, vdfCapacity[a]!, p1[a]!, p2[a]!, v);
  }
  return sum;
}

/**
 * Σ_a x_a · constant_a over arcs with flow (forbidden arcs carry none, so Infinity never meets 0).
 *
 * @internal
 */
export function constantCost(flow: Float64Array, constant: Float64Array): number {
  let sum = 0;
  for (let a = 0; a < flow.length; a++) {
    const x = flow[a]!;
    if (x !== 0) sum += x * constant[a]!;
  }
  return sum;
}

/**
 * The figures every assignment reports at its final volumes: travel time per arc, the Beckmann
 * objective and the total cost (both with each class's constant terms).
 *
 * @internal
 */
export function objectiveReport(
  p: AssignmentProblem,
  volume: Float64Array,
  classFlows: readonly Float64Array[],
): { arcTimes: Float64Array; beckmann: number; totalCost: number } {
  const arcTimes = travelTimes(p, volume, new Float64Array(p.arcCount));
  let beckmann = volumeObjective(p, volume, false);
  let totalCost = 0;
  for (let a = 0; a < p.arcCount; a++) totalCost += volume[a]! * arcTimes[a]!;
  classFlows.forEach((flows, k) => {
    const c = constantCost(flows, p.classes[k]!.arcConstant);
    beckmann += c;
    totalCost += c;
  });
  return { arcTimes, beckmann, totalCost };
}
