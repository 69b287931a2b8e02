/**
 * Frank–Wolfe family and MSA
 * ==========================
 *
 * Link-based equilibrium algorithms. Each iteration loads all-or-nothing on the current costs (the
 * "FW vertex" y), builds a search point s, and moves x ← x + λ(s − x):
 *
 * - `msa`: s = y, λ = 1/(n+1) (method of successive averages; Sheffi 1985).
 * - `fw`: s = y, λ by exact line search (Frank & Wolfe 1956; LeBlanc, Morlok & Pierskalla 1975).
 * - `cfw`: s = α·s_{k−1} + (1−α)·y with α making s − x conjugate to the previous direction under
 *   the Hessian diag(t'_a) at x, clipped to [0, 1 − 1e-3] (Mitradjieva & Lindberg 2013).
 * - `bfw`: s = β₀·y + β₁·s_{k−1} + β₂·s_{k−2}, conjugate to both previous directions
 *   (Mitradjieva & Lindberg 2013, "The stiff is moving — conjugate direction Frank-Wolfe methods
 *   with applications to traffic assignment", Transportation Science 47(2)). The two conjugacy
 *   conditions are solved exactly as a 2×2 system; when it is singular or gives a point outside the
 *   convex hull, CFW and then FW are used, and any non-descent direction falls back to FW.
 *
 * Multi-class: all classes move with the same λ and the same combination weights; the Hessian
 * couples classes only through the total arc volume.
 */

import { InvalidArgumentError, optionsOf } from '../../model/errors.js';
import { constantCost, objectiveReport, updateCosts } from './arcCosts.js';
import { exactLineSearch } from './lineSearch.js';
import { createLoadingWorkspace, fixedRouteFlows, loadAllOrNothing, setClassWeights } from './loading.js';
import type { AssignmentProblem } from './problem.js';
import { requireProblem } from './problem.js';
import {
  type AssignmentResult,
  type AssignmentStatus,
  finishResult,
  type IterationOptions,
  relativeGapOf,
  resolveIterationOptions,
  stopStatus,
} from './result.js';
import { checkFlowWarmStart, type FlowWarmStart } from './warmStart.js';

const DEFAULTS = {
  variant: 'bfw' as const,
  relativeGap: 1e-4,
  maxIterations: 1000,
  msaMaxIterations: 1000,
  /**
   * Upper clip of the CFW weight α (the paper's 1 − δ). δ = 1e-3 rather than 1e-6: with α ≈ 1 the
   * search point barely moves and CFW crawled (a 3×3 grid: no convergence to 1e-5 in 20,000 iterations
   * at 1e-6, 2,898 at 1e-3; SiouxFalls, Anaheim, ChicagoSketch unchanged).
   */
  maxConjugateWeight: 1 - 1e-3,
};

const MODULE = 'corridor-sim/assignment';

/** Options of {@link frankWolfe}. */
export interface FrankWolfeOptions extends IterationOptions {
  /** `fw` (plain), `cfw` (conjugate) or `bfw` (bi-conjugate, default). */
  readonly variant?: 'fw' | 'cfw' | 'bfw';
  /** Start from these class flows instead of an all-or-nothing loading. */
  readonly warmStart?: FlowWarmStart;
}

/** Options of {@link msa}. */
export interface MsaOptions extends IterationOptions {
  /** Start from these class flows instead of an all-or-nothing loading. */
  readonly warmStart?: FlowWarmStart;
}

type Method = 'msa' | 'fw' | 'cfw' | 'bfw';

/**
 * Solve a user equilibrium (or system optimum) with Frank–Wolfe, conjugate FW or bi-conjugate FW.
 *
 * @param problem - from `createAssignmentProblem`
 * @param options - variant, target relative gap (1e-4), iteration limit (1000), time limit, objective, warm start
 * @returns flows and convergence report; status `converged`, `max-iterations`, `stalled` or `time-limit`
 * @throws InvalidArgumentError on invalid options or an infeasible warm start
 * @example
 * const result = frankWolfe(problem, { variant: 'bfw', relativeGap: 1e-5 });
 * result.status; // 'converged'
 * @remarks Complexity per iteration: one all-or-nothing loading, O(K·O·(N + M) log N), plus O(K·M).
 *   References: Frank & Wolfe (1956); LeBlanc et al. (1975); Mitradjieva & Lindberg (2013).
 */
export function frankWolfe(problem: AssignmentProblem, options: FrankWolfeOptions = {}): AssignmentResult {
  requireProblem(problem);
  options = optionsOf(options, 'corridor-sim/assignment');
  const variant = options.variant ?? DEFAULTS.variant;
  if (variant !== 'fw' && variant !== 'cfw' && variant !== 'bfw') {
    throw new InvalidArgumentError(
      MODULE,
      'options.variant',
      `must be 'fw', 'cfw' or 'bfw', got ${JSON.stringify(variant)}`,
    );
  }
  return runLinkBased(problem, variant, options, DEFAULTS.maxIterations);
}

/**
 * Method of successive averages: step 1/(n+1) towards the all-or-nothing loading. Converges slowly
 * (use it as a baseline or for non-smooth costs); prefer {@link frankWolfe} or `gradientProjection`.
 *
 * @param problem - from `createAssignmentProblem`
 * @param options - target relative gap (1e-4), iteration limit (1000), time limit, objective, warm start
 * @returns flows and convergence report
 * @throws InvalidArgumentError on invalid options or an infeasible warm start
 * @example msa(problem, { maxIterations: 200 }).relativeGap
 * @remarks Complexity per iteration: one all-or-nothing loading. Reference: Sheffi (1985), ch. 5.
 */
export function msa(problem: AssignmentProblem, options: MsaOptions = {}): AssignmentResult {
  requireProblem(problem);
  options = optionsOf(options, 'corridor-sim/assignment');
  return runLinkBased(problem, 'msa', options, DEFAULTS.msaMaxIterations);
}

function runLinkBased(
  p: AssignmentProblem,
  method: Method,
  options: FrankWolfeOptions,
  defaultMaxIterations: number,
): AssignmentResult {
  const started = performance.now();
  const {
    relativeGap: target,
    maxIterations,
    maxSeconds,
    so,
    objective,
  } = resolveIterationOptions(options, {
    relativeGap: DEFAULTS.relativeGap,
    maxIterations: defaultMaxIterations,
  });
  const warm = options.warmStart === undefined ? undefined : checkFlowWarmStart(p, options.warmStart);
  const M = p.arcCount;
  const ws = createLoadingWorkspace(p);
  const fixed = fixedRouteFlows(p, ws);
  const active = p.classes.filter((c) => !c.fixedRoute);
  const K = active.length;
  const alloc = (): Float64Array[] => active.map(() => new Float64Array(M));
  const x = alloc();
  const y = alloc();
  let s = alloc();
  let s1 = alloc();
  let s2 = alloc();
  const X = new Float64Array(M);
  const Y = new Float64Array(M);
  let S = new Float64Array(M);
  let S1 = new Float64Array(M);
  let S2 = new Float64Array(M);
  const V = new Float64Array(M);
  const cost = new Float64Array(M);
  const deriv = new Float64Array(M);
  const D = new Float64Array(M);
  const arcs = new Int32Array(M);

  const sumInto = (parts: Float64Array[], out: Float64Array): void => {
    out.fill(0);
    for (const part of parts) for (let a = 0; a < M; a++) out[a] = out[a]! + part[a]!;
  };
  const setVolume = (): void => {
    for (let a = 0; a < M; a++) V[a] = X[a]! + fixed.background[a]!;
  };
  const loadAll = (): number => {
    let sptt = 0;
    for (let k = 0; k < K; k++) {
      y[k]!.fill(0);
      setClassWeights(p, active[k]!, cost, ws.weight);
      sptt += loadAllOrNothing(p, active[k]!, ws, y[k]!);
    }
    sumInto(y, Y);
    return sptt;
  };

  // Step 1: initial flows.
  if (warm !== undefined) {
    for (let k = 0; k < K; k++) x[k]!.set(warm[active[k]!.index]!);
    sumInto(x, X);
  } else {
    for (let a = 0; a < M; a++) V[a] = fixed.background[a]!;
    updateCosts(p, V, so, cost);
    loadAll();
    for (let k = 0; k < K; k++) x[k]!.set(y[k]!);
    X.set(Y);
  }

  const history: number[] = [];
  let iterations = 0;
  let previous = 0; // number of usable previous search points (0, 1, 2)
  let status: AssignmentStatus;
  let gap: number;
  const conjugate = method === 'cfw' || method === 'bfw';
  for (;;) {
    // Step 2: costs, all-or-nothing, gap.
    setVolume();
    updateCosts(p, V, so, cost, conjugate ? deriv : undefined);
    const sptt = loadAll();
    let tstt = 0;
    for (let a = 0; a < M; a++) tstt += X[a]! * cost[a]!;
    for (let k = 0; k < K; k++) tstt += constantCost(x[k]!, active[k]!.arcConstant);
    gap = relativeGapOf(tstt, sptt);
    history.push(gap);
    const stop = stopStatus(gap, target, iterations, maxIterations, started, maxSeconds);
    if (stop) {
      status = stop;
      break;
    }

    // Step 3: search point s.
    let w0 = 1;
    let w1 = 0;
    let w2 = 0;
    let bfwDone = false;
    if (method === 'bfw' && previous >= 2) {
      // a = Y − X, b = S1 − X, c = S2 − X; solve (a + νb + μc) ⟂_H b and ⟂_H c.
      let ab = 0;
      let ac = 0;
      let bb = 0;
      let bc = 0;
      let cc = 0;
      for (let e = 0; e < M; e++) {
        const h = deriv[e]!;
        if (h === 0) continue;
        const xa = X[e]!;
        const av = Y[e]! - xa;
        const bv = S1[e]! - xa;
        const cv = S2[e]! - xa;
        ab += h * av * bv;
        ac += h * av * cv;
        bb += h * bv * bv;
        bc += h * bv * cv;
        cc += h * cv * cv;
      }
      const det = bb * cc - bc * bc;
      if (det > 1e-12 * bb * cc && bb > 0 && cc > 0) {
        const nu = (-ab * cc + ac * bc) / det;
        const mu = (-ac * bb + ab * bc) / det;
        if (nu >= 0 && mu >= 0) {
          w0 = 1 / (1 + nu + mu);
          w1 = nu * w0;
          w2 = mu * w0;
          bfwDone = true;
        }
      }
    }
    if (conjugate && previous >= 1 && !bfwDone) {
      let num = 0;
      let den = 0;
      for (let e = 0; e < M; e++) {
        const h = deriv[e]!;
        if (h === 0) continue;
        const b = S1[e]! - X[e]!;
        num += h * b * (Y[e]! - X[e]!);
        den += h * b * (Y[e]! - S1[e]!);
      }
      let alpha = den !== 0 ? num / den : 0;
      if (!(alpha > 0)) alpha = 0;
      if (alpha > DEFAULTS.maxConjugateWeight) alpha = DEFAULTS.maxConjugateWeight;
      w0 = 1 - alpha;
      w1 = alpha;
      w2 = 0;
    }
    const combine = (): number => {
      for (let k = 0; k < K; k++) {
        const sk = s[k]!;
        const yk = y[k]!;
        const s1k = s1[k]!;
        const s2k = s2[k]!;
        if (w1 === 0 && w2 === 0) sk.set(yk);
        else for (let e = 0; e < M; e++) sk[e] = w0 * yk[e]! + w1 * s1k[e]! + w2 * s2k[e]!;
      }
      if (w1 === 0 && w2 === 0) S.set(Y);
      else for (let e = 0; e < M; e++) S[e] = w0 * Y[e]! + w1 * S1[e]! + w2 * S2[e]!;
      // Directional derivative at λ = 0 and the class-constant part L.
      let linear = 0;
      for (let k = 0; k < K; k++) {
        const sk = s[k]!;
        const xk = x[k]!;
        const c = active[k]!.arcConstant;
        for (let e = 0; e < M; e++) {
          const d = sk[e]! - xk[e]!;
          if (d !== 0) linear += c[e]! * d;
        }
      }
      return linear;
    };
    let linear = combine();
    let slope0 = linear;
    for (let e = 0; e < M; e++) slope0 += cost[e]! * (S[e]! - X[e]!);
    if (!(slope0 < 0) && (w1 !== 0 || w2 !== 0)) {
      // Not a descent direction: plain FW step and restart the conjugate history.
      w0 = 1;
      w1 = 0;
      w2 = 0;
      previous = 0;
      linear = combine();
    }

    // Step 4: step length.
    let count = 0;
    for (let e = 0; e < M; e++) {
      const d = S[e]! - X[e]!;
      D[e] = d;
      if (d !== 0) arcs[count++] = e;
    }
    const lambda =
      method === 'msa' ? 1 / (iterations + 2) : exactLineSearch(p, V, D, arcs, count, linear, so);
    if (lambda === 0 && method !== 'msa' && previous === 0) {
      iterations++;
      status = 'stalled';
      break;
    }

    // Step 5: move.
    for (let k = 0; k < K; k++) {
      const xk = x[k]!;
      const sk = s[k]!;
      for (let e = 0; e < M; e++) {
        const d = sk[e]! - xk[e]!;
        if (d !== 0) xk[e] = xk[e]! + lambda * d;
      }
    }
    for (let i = 0; i < count; i++) {
      const e = arcs[i]!;
      X[e] = X[e]! + lambda * D[e]!;
    }
    iterations++;
    if (conjugate) {
      if (lambda === 0) {
        previous = 0;
      } else {
        // rotate: s2 ← s1, s1 ← s
        const t = s2;
        s2 = s1;
        s1 = s;
        s = t;
        const T = S2;
        S2 = S1;
        S1 = S;
        S = T;
        previous = Math.min(previous + 1, 2);
      }
    }
  }

  // Step 6: report.
  setVolume();
  const classFlows = p.classes.map((cls) => {
    const k = active.indexOf(cls);
    return k >= 0 ? x[k]! : fixed.classFlows[cls.index]!;
  });
  return finishResult(p, {
    status,
    target,
    algorithm: method,
    objective,
    iterations,
    gap,
    history,
    started,
    volume: V,
    report: objectiveReport(p, V, classFlows),
    classFlows,
    paths: undefined,
  });
}
