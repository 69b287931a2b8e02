/**
 * Logit stochastic user equilibrium
 * =================================
 *
 * Route choice with dispersion: at a stochastic user equilibrium the flow of every OD splits over its
 * paths as P(p) ∝ PS_p · exp(−θ · c_p), where c_p is the class cost of path p at the equilibrium
 * volumes, θ > 0 the dispersion (per time unit: small θ spreads flow, θ → ∞ tends to the user
 * equilibrium) and PS_p an optional path-size factor correcting for overlapping paths.
 *
 * Choice made here (see docs/assignment.md): path-based logit over an explicit path set, because
 * the corridor model needs path flows and the set of corridors is small.
 *
 * 1. Path set: per (class, origin), `pathsPerOd` rounds of the link-penalty method at free-flow
 *    cost (each round multiplies the cost of the arcs it used by 1 + `penalty`), so every OD starts
 *    with its distinct reasonable alternatives; with `generatePaths` every iteration also adds each
 *    OD's current shortest path (column generation).
 * 2. Flows: the logit split at the current costs (y) is the auxiliary solution; the path flows move
 *    towards it by f ← f + λ(y − f), with λ from an exact line search on Fisk's (1980) objective
 *    Σ_a ∫₀^{v_a} t_a + Σ_p f_p (C_p − ln PS_p / θ) + (1/θ) Σ_p f_p (ln f_p − 1), whose minimiser over
 *    the path set is the (path-size) logit SUE (Chen & Alfa 1991; Bekhor & Toledo 2005). This
 *    converges linearly, where MSA's step 1/n only converges like 1/n.
 *
 * The reported `relativeGap` is the fixed-point residual Σ_p |y_p − f_p| / Σ demand: the share of
 * demand that the logit model would still move. Classes with value of time 0 keep their
 * money-cheapest path. Path-size factors: PS_p = Σ_{a ∈ p} (ℓ_a / L_p) / N_a with ℓ_a the free-flow
 * time plus constant cost of arc a (arc count when a path has zero length) and N_a the number of the
 * OD's paths using a (Ben-Akiva & Bierlaire 1999).
 */

import { InvalidArgumentError } from '../../model/errors.js';
import { TypedArena } from '../_internal/arena.js';
import { shortestPathTree } from '../_internal/dijkstra.js';
import { updateCosts } from './arcCosts.js';
import { createLoadingWorkspace, setClassWeights } from './loading.js';
import { hashArcs, PathStore } from './pathStore.js';
import {
  finishPathRun,
  loadWarmStart,
  type PathWarmStart,
  pathVolumes,
  rootedPathInto,
  rootTree,
  seedMissingPaths,
  treePathInto,
} from './pathSupport.js';
import type { AssignmentClass, AssignmentProblem } from './problem.js';
import {
  type AssignmentResult,
  type AssignmentStatus,
  type IterationOptions,
  resolveIterationOptions,
  StopRule,
} from './result.js';
import { SplitPaths } from './splitPaths.js';
import { KeptTrees } from './treeRepair.js';
import { treeRoots } from './treeRoots.js';
import { vdfDerivative, vdfTime } from './vdf.js';

const DEFAULTS = {
  relativeGap: 1e-6,
  maxIterations: 1000,
  pathsPerOd: 4,
  penalty: 0.5,
  pathSize: false,
  generatePaths: true,
};

const MODULE = 'corridor-sim/assignment';

/** Options of {@link logitAssignment}. */
export interface LogitAssignmentOptions extends Omit<IterationOptions, 'objective'> {
  /** Dispersion θ > 0, per time unit of the class costs (days for `assignNetwork`). */
  readonly theta: number;
  /** Link-penalty rounds generating each OD's initial paths (default 4). */
  readonly pathsPerOd?: number;
  /** Cost increase factor of used arcs per link-penalty round (default 0.5 = +50 %). */
  readonly penalty?: number;
  /** Apply the path-size correction for overlapping paths (default false). */
  readonly pathSize?: boolean;
  /** Add each OD's current shortest path at every iteration (default true). */
  readonly generatePaths?: boolean;
  /** Start from these path flows (kept in the path set, rescaled to the demand). */
  readonly warmStart?: PathWarmStart;
}

function checkOptions(options: LogitAssignmentOptions): {
  theta: number;
  pathsPerOd: number;
  penalty: number;
  pathSize: boolean;
  generatePaths: boolean;
} {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(MODULE, 'options', `must be an object with theta, got ${String(options)}`);
  }
  const { theta } = options;
  if (typeof theta !== 'number' || !Number.isFinite(theta) || theta <= 0) {
    throw new InvalidArgumentError(
      MODULE,
      'options.theta',
      `must be a finite number > 0, got ${String(theta)}`,
    );
  }
  const pathsPerOd = options.pathsPerOd ?? DEFAULTS.pathsPerOd;
  if (!Number.isInteger(pathsPerOd) || pathsPerOd < 1) {
    throw new InvalidArgumentError(
      MODULE,
      'options.pathsPerOd',
      `must be an integer ≥ 1, got ${String(pathsPerOd)}`,
    );
  }
  const penalty = options.penalty ?? DEFAULTS.penalty;
  if (typeof penalty !== 'number' || !Number.isFinite(penalty) || penalty < 0) {
    throw new InvalidArgumentError(
      MODULE,
      'options.penalty',
      `must be finite and ≥ 0, got ${String(penalty)}`,
    );
  }
  return {
    theta,
    pathsPerOd,
    penalty,
    pathSize: options.pathSize ?? DEFAULTS.pathSize,
    generatePaths: options.generatePaths ?? DEFAULTS.generatePaths,
  };
}

/**
 * Solve a logit stochastic user equilibrium on generated path sets.
 *
 * @param problem - from `createAssignmentProblem`
 * @param options - θ (required), path generation, path-size correction, residual target (1e-6),
 *   iteration limit (1000), time limit, warm start
 * @returns flows, path sets with flows and the convergence report (`relativeGap` = fixed-point residual)
 * @throws InvalidArgumentError on a missing or non-positive θ or other invalid options
 * @example
 * const result = logitAssignment(problem, { theta: 0.5, pathSize: true });
 * listPaths(result.paths!, 0).map((p) => p.flow); // the logit split of OD 0
 * @remarks Complexity: path generation O(K·O·pathsPerOd·(N + M) log N); per iteration one tree per
 *   (class, origin) when `generatePaths`, plus O(M + total path length) per line-search step.
 *   References: Dial (1971); Fisk (1980); Chen & Alfa (1991); Ben-Akiva & Bierlaire (1999).
 */
export function logitAssignment(
  problem: AssignmentProblem,
  options: LogitAssignmentOptions,
): AssignmentResult {
  const started = performance.now();
  const p = problem;
  const { theta, pathsPerOd, penalty, pathSize, generatePaths } = checkOptions(options);
  const {
    relativeGap: target,
    maxIterations,
    maxSeconds,
  } = resolveIterationOptions({ ...options, objective: 'user-equilibrium' }, DEFAULTS);
  const M = p.arcCount;
  const ws = createLoadingWorkspace(p);
  const store = new PathStore(p.odCount, p.odCount * (pathsPerOd + 1), p.odCount * 16 * (pathsPerOd + 1));
  const buffer = new Int32Array(p.nodeCount + 1);
  const V = new Float64Array(M);
  const cost = new Float64Array(M);
  const D = new Float64Array(M);
  const classFlows = p.classes.map(() => new Float64Array(M));
  const active = p.classes.filter((c) => !c.fixedRoute);
  const dirty = new Uint8Array(p.odCount).fill(1);
  const arcCount = new Int32Array(M);
  let totalDemand = 0;
  for (const cls of active) totalDemand += cls.totalDemand;

  /** Add the path in `buffer[0..len)` to `od` when new; returns true when added. */
  const addPath = (od: number, len: number): boolean => {
    const hash = hashArcs(buffer, len);
    if (store.find(od, buffer, len, hash) >= 0) return false;
    store.add(od, buffer, len, hash, 0);
    dirty[od] = 1;
    return true;
  };
  /** Add the tree path to `d` (tree from the origin) to `od` when new; returns true when added. */
  const addTreePath = (od: number, predecessorArc: Int32Array, d: number): boolean =>
    addPath(od, treePathInto(p.csr.tail, predecessorArc, d, buffer));
  /** Add the path between a tree's root and `far` (./treeRoots.ts) to `od` when new. */
  const addRootedPath = (od: number, predecessorArc: Int32Array, far: number): boolean =>
    addPath(od, rootedPathInto(roots, predecessorArc, far, buffer));

  // Step 1: path sets (warm start, money paths of VOT-0 classes, link-penalty alternatives).
  if (options.warmStart !== undefined) loadWarmStart(p, options.warmStart, store, buffer);
  pathVolumes(p, store, V, classFlows);
  updateCosts(p, V, false, cost);
  const roots = treeRoots(p);
  // the column-generation trees of one iteration are repaired from the last iteration's (./treeRepair.ts)
  const kept = new KeptTrees(roots, new TypedArena());
  for (const cls of p.classes) if (cls.fixedRoute) seedMissingPaths(p, roots, cls, cost, ws, store, buffer);
  const free = new Float64Array(M);
  updateCosts(p, new Float64Array(M), false, free);
  const multiplier = new Float64Array(M).fill(1);
  const touched = new Uint8Array(M);
  const position = new Int32Array(M); // forward-star position of each arc (weights are in that order)
  for (let q = 0; q < M; q++) position[p.csr.outArcs[q]!] = q;
  for (const cls of active) {
    setClassWeights(p, cls, free, ws.weight);
    const base = ws.weight.slice();
    for (let i = 0; i < cls.origins.length; i++) {
      for (let round = 0; round < pathsPerOd; round++) {
        const tree = shortestPathTree(p.csr, ws.weight, cls.origins[i]!, ws.dijkstra, ws.treeOptions);
        for (let j = cls.originStart[i]!; j < cls.originStart[i + 1]!; j++) {
          addTreePath(cls.odOffset + j, tree.predecessorArc, cls.destinations[j]!);
          if (round + 1 === pathsPerOd || penalty === 0) continue;
          for (
            let v = cls.destinations[j]!, e = tree.predecessorArc[v]!;
            e >= 0;
            e = tree.predecessorArc[v]!
          ) {
            touched[e] = 1;
            v = p.csr.tail[e]!;
          }
        }
        if (penalty === 0) break;
        for (let a = 0; a < M; a++) {
          if (touched[a] === 1) {
            touched[a] = 0;
            multiplier[a] = multiplier[a]! * (1 + penalty);
            ws.weight[position[a]!] = base[position[a]!]! * multiplier[a]!;
          }
        }
      }
      multiplier.fill(1);
      ws.weight.set(base);
    }
  }

  // Step 2: start from the logit split at the current costs where an OD has no flow yet.
  // Paths are priced as a constant part plus their volume-dependent arcs (./splitPaths.ts): the class
  // constants and the arcs of constant cost do not change between iterations.
  const split = new SplitPaths(store.flow.length, p.odCount * 8);
  const pathLength = (q: number): number => {
    const { fixed, varStart, varLength, varArcs } = split;
    let c = fixed[q]!;
    for (let k = varStart[q]!, stop = k + varLength[q]!; k < stop; k++) c += cost[varArcs[k]!]!;
    return c;
  };
  const refreshPathSize = (cls: AssignmentClass, od: number): void => {
    dirty[od] = 0;
    if (!pathSize) return;
    const arcs = store.arcs;
    for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
      const s = store.start[q]!;
      for (let k = s; k < s + store.length[q]!; k++) arcCount[arcs[k]!]!++;
    }
    for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
      const s = store.start[q]!;
      const len = store.length[q]!;
      let total = 0;
      for (let k = s; k < s + len; k++) total += free[arcs[k]!]! + cls.arcConstant[arcs[k]!]!;
      let ps = 0;
      for (let k = s; k < s + len; k++) {
        const a = arcs[k]!;
        const share = total > 0 ? (free[a]! + cls.arcConstant[a]!) / total : 1 / len;
        ps += share / arcCount[a]!;
      }
      store.aux[q] = ps > 0 ? Math.log(ps) : 0;
    }
    for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
      const s = store.start[q]!;
      for (let k = s; k < s + store.length[q]!; k++) arcCount[arcs[k]!] = 0;
    }
  };
  /** Logit targets y (into aux2) of one OD at the current costs; returns Σ|y − f|. */
  const logitTargets = (cls: AssignmentClass, od: number, demand: number): number => {
    if (dirty[od] === 1) refreshPathSize(cls, od);
    let best = Number.POSITIVE_INFINITY;
    for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
      const u = theta * pathLength(q) - store.aux[q]!;
      store.cost[q] = u;
      if (u < best) best = u;
    }
    let sum = 0;
    for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
      const w = Math.exp(best - store.cost[q]!);
      store.aux2[q] = w;
      sum += w;
    }
    let residual = 0;
    for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
      const y = (demand * store.aux2[q]!) / sum;
      store.aux2[q] = y;
      residual += Math.abs(y - store.flow[q]!);
    }
    return residual;
  };
  pathVolumes(p, store, V, classFlows);
  updateCosts(p, V, false, cost);
  split.refresh(p, store, active);
  for (const cls of active) {
    for (let j = 0; j < cls.destinations.length; j++) {
      const od = cls.odOffset + j;
      let flow = 0;
      for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) flow += store.flow[q]!;
      if (flow > 0) continue;
      logitTargets(cls, od, cls.demand[j]!);
      for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) store.flow[q] = store.aux2[q]!;
    }
  }

  let iterations = 0;
  let status: AssignmentStatus;
  let gap = 0;
  // stalled: 50 iterations without the residual falling below its best by more than rounding
  const rule = new StopRule({ target, maxIterations, started, maxSeconds }, 50, 1e-9);
  for (;;) {
    // Step 3: costs, new columns, logit targets, residual.
    pathVolumes(p, store, V, classFlows);
    updateCosts(p, V, false, cost);
    if (generatePaths && iterations > 0) {
      // one tree per origin, or per destination when they are fewer (./treeRoots.ts)
      for (const cls of active) {
        const weights = { ready: false };
        const { rootStart, entries, far } = roots.byClass[cls.index]!;
        for (let i = 0; i < rootStart.length - 1; i++) {
          const tree = rootTree(p, roots, cls, i, cost, ws, undefined, weights, kept);
          for (let k = rootStart[i]!; k < rootStart[i + 1]!; k++) {
            addRootedPath(cls.odOffset + entries[k]!, tree.predecessorArc, far[k]!);
          }
        }
      }
    }
    split.refresh(p, store, active);
    let residual = 0;
    for (const cls of active) {
      for (let j = 0; j < cls.destinations.length; j++) {
        residual += logitTargets(cls, cls.odOffset + j, cls.demand[j]!);
      }
    }
    gap = totalDemand > 0 ? residual / totalDemand : 0;
    const stop = rule.check(gap, iterations);
    if (stop) {
      status = stop;
      break;
    }

    // Step 4: line search on Fisk's objective along d = y − f, then move. D covers the
    // volume-dependent arcs; the constant part of each path's cost enters the linear term.
    D.fill(0);
    let linear = 0;
    const { fixed, varStart, varLength, varArcs } = split;
    for (const cls of active) {
      for (let od = cls.odOffset, end = cls.odOffset + cls.destinations.length; od < end; od++) {
        for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
          const d = store.aux2[q]! - store.flow[q]!;
          if (d === 0) continue;
          for (let k = varStart[q]!, stop = k + varLength[q]!; k < stop; k++) {
            const a = varArcs[k]!;
            D[a] = D[a]! + d;
          }
          linear += d * (fixed[q]! - store.aux[q]! / theta);
        }
      }
    }
    const lambda = fiskStep(p, store, active, V, D, linear, theta);
    for (const cls of active) {
      for (let od = cls.odOffset, end = cls.odOffset + cls.destinations.length; od < end; od++) {
        for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
          const f = store.flow[q]!;
          const next = f + lambda * (store.aux2[q]! - f);
          store.flow[q] = Math.max(next, 0);
        }
      }
    }
    iterations++;
  }

  // Step 5: report.
  return finishPathRun(p, store, cost, V, classFlows, {
    status,
    target,
    algorithm: 'logit',
    objective: 'user-equilibrium',
    iterations,
    gap,
    history: rule.history,
    started,
  });
}

/**
 * Exact line search on Fisk's objective along path direction d = y − f (targets in `store.aux2`):
 * φ'(λ) = Σ_a D_a t_a(V_a + λ D_a) + L + (1/θ) Σ_p d_p ln(f_p + λ d_p), safeguarded Newton on [0, 1].
 */
function fiskStep(
  p: AssignmentProblem,
  store: PathStore,
  active: readonly AssignmentClass[],
  V: Float64Array,
  D: Float64Array,
  linear: number,
  theta: number,
): number {
  const { vdfKind, t0, vdfCapacity, p1, p2 } = p;
  let slope = 0;
  const derivative = (lambda: number): number => {
    let g = linear;
    let h = 0;
    for (let a = 0; a < p.arcCount; a++) {
      const d = D[a]!;
      if (d === 0) continue;
      const v = V[a]! + lambda * d;
      const k = vdfKind[a]!;
      g += d * vdfTime(k, t0[a]!, vdfCapacity[a]!, p1[a]!, p2[a]!, v);
      h += d * d * vdfDerivative(k, t0[a]!, vdfCapacity[a]!, p1[a]!, p2[a]!, v);
    }
    let entropy = 0;
    let curvature = 0;
    for (const cls of active) {
      for (let od = cls.odOffset, end = cls.odOffset + cls.destinations.length; od < end; od++) {
        for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
          const f = store.flow[q]!;
          const d = store.aux2[q]! - f;
          if (d === 0) continue;
          const x = f + lambda * d;
          entropy += d * Math.log(x);
          curvature += (d * d) / x;
        }
      }
    }
    slope = h + curvature / theta;
    return g + entropy / theta;
  };
  const g1 = derivative(1);
  if (!(g1 > 0)) return 1;
  let lo = 0;
  let hi = 1;
  // a Newton step from 1 (its slope is known) starts closer than the middle when it stays inside
  const fromOne = 1 - g1 / slope;
  let lambda = slope > 0 && fromOne > 0 && fromOne < 1 ? fromOne : 0.5;
  for (let it = 0; it < 60; it++) {
    const g = derivative(lambda);
    if (g > 0) hi = lambda;
    else lo = lambda;
    if (Math.abs(g) <= 1e-12 * (Math.abs(linear) + 1) || hi - lo <= 1e-14) break;
    const newton = lambda - g / slope;
    lambda = slope > 0 && newton > lo && newton < hi ? newton : 0.5 * (lo + hi);
  }
  return lambda;
}
