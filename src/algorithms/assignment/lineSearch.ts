/**
 * Exact line search
 * =================
 *
 * Minimises the objective along x + λ·d, λ ∈ [0, 1], by finding the root of its derivative
 * φ'(λ) = Σ_a cost_a(V_a + λ D_a) · D_a + L (L: the linear class-constant part), which is
 * non-decreasing because the costs are. Safeguarded Newton: Newton steps inside a shrinking bracket,
 * bisection when a step leaves it. Only arcs with D_a ≠ 0 are visited.
 *
 * Internal: no public API. Complexity O(|arcs| · iterations), iterations ≤ 100 (typically < 10).
 */

import type { AssignmentProblem } from './problem.js';
import { vdfDerivative, vdfTime, vdfVolumeTimesSecondDerivative } from './vdf.js';

/**
 * Step length minimising the objective along the direction.
 *
 * @param p - problem
 * @param volume - current total arc volumes V
 * @param direction - aggregate direction D (only `arcs[0..count)` are read)
 * @param arcs - indices of arcs with D ≠ 0
 * @param count - number of such arcs
 * @param linear - L, the derivative of the class-constant part (Σ_k c_k · d_k)
 * @param so - system optimum (marginal costs) instead of user equilibrium
 * @returns λ in [0, 1]
 * @internal
 */
export function exactLineSearch(
  p: AssignmentProblem,
  volume: Float64Array,
  direction: Float64Array,
  arcs: Int32Array,
  count: number,
  linear: number,
  so: boolean,
): number {
  const { vdfKind, t0, vdfCapacity, p1, p2 } = p;
  let slope = 0;
  const derivative = (lambda: number): number => {
    let g = linear;
    let h = 0;
    for (let i = 0; i < count; i++) {
      const a = arcs[i]!;
      const d = direction[a]!;
      const k = vdfKind[a]!;
      if (k === 0) {
        g += t0[a]! * d;
        continue;
      }
      const v = volume[a]! + lambda * d;
      const tt = vdfTime(k, t0[a]!, vdfCapacity[a]!, p1[a]!, p2[a]!, v);
      const dt = vdfDerivative(k, t0[a]!, vdfCapacity[a]!, p1[a]!, p2[a]!, v);
      if (so) {
        g += (tt + v * dt) * d;
        h += (2 * dt + vdfVolumeTimesSecondDerivative(k, t0[a]!, vdfCapacity[a]!, p1[a]!, p2[a]!, v)) * d * d;
      } else {
        g += tt * d;
        h += dt * d * d;
      }
    }
    slope = h;
    return g;
  };
  const g0 = derivative(0);
  if (!(g0 < 0)) return 0;
  const g1 = derivative(1);
  if (g1 <= 0) return 1;
  let lo = 0;
  let hi = 1;
  let lambda = g0 / (g0 - g1);
  const tolerance = 1e-13 * -g0;
  for (let it = 0; it < 100; it++) {
    const g = derivative(lambda);
    if (Math.abs(g) <= tolerance) return lambda;
    if (g > 0) hi = lambda;
    else lo = lambda;
    if (hi - lo <= 1e-15) break;
    const newton = lambda - g / slope;
    lambda = slope > 0 && newton > lo && newton < hi ? newton : 0.5 * (lo + hi);
  }
  return 0.5 * (lo + hi);
}
