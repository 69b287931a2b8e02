/**
 * Minimum-cost flow on arc arrays
 * ===============================
 *
 * {@link minCostFlow} solves min Σ cost·flow subject to lower ≤ flow ≤ capacity on every arc and
 * out-flow − in-flow = supply at every node, by the primal network simplex (default) or by cost
 * scaling. The result is a tagged union: `optimal` (flows, cost, potentials), `infeasible` (the unmet
 * amount and the cut that blocks it) or `unbounded` (a negative-cost cycle of uncapacitated arcs).
 *
 * Numbers (details in docs/flow.md): when capacities, bounds and supplies are short decimals, and so
 * are the costs, the problem is scaled by powers of ten to integers and solved exactly (`exact: true`,
 * `scale` reports the factors). Otherwise it is solved in floating point with tolerances relative to
 * the data's magnitude (`exact: false`); feasibility is then judged with the same tolerance, so float
 * rounding never makes a feasible problem look infeasible, and the pivot rule never stalls on noise.
 *
 * Supply ≠ demand: with `imbalance: 'infeasible'` (default) the result is `infeasible` with reason
 * `'unbalanced'`; with `imbalance: 'absorb'` surplus supply may stay at its source nodes, or missing
 * supply may leave demand unmet, at no cost, and `absorbed` says how much at each node.
 */

import { InvalidArgumentError, optionsOf } from '../../model/errors.js';
import { costScaling } from './_internal/costScaling.js';
import { type FeasibilityCut, feasibilityCut, findNegativeCycle } from './_internal/feasibility.js';
import { networkSimplex } from './_internal/networkSimplex.js';
import {
  decimalDigits,
  EXACT_LIMIT,
  maxAbsFinite,
  pow10,
  scaleToIntegers,
  sumAbsFinite,
} from './_internal/numeric.js';
import { buildResidual } from './_internal/residual.js';
import { checkArcs, checkNumbers, MODULE } from './_internal/validate.js';
import type { CapacitatedGraph } from './maxFlow.js';

/** A min-cost flow problem as arrays (node ids `0..nodeCount-1`). */
export interface MinCostFlowProblem extends CapacitatedGraph {
  /** Cost per unit of flow on each arc; `Infinity` forbids the arc (its flow is 0). */
  readonly cost: ArrayLike<number>;
  /** Supply of each node: > 0 source, < 0 demand, 0 transshipment. */
  readonly supply: ArrayLike<number>;
  /** Lower bound of each arc's flow (default 0); `capacity` must not be below it. */
  readonly lower?: ArrayLike<number>;
}

/** The min-cost flow algorithms. */
export type MinCostFlowAlgorithm = 'network-simplex' | 'cost-scaling';

/** Options of {@link minCostFlow}. */
export interface MinCostFlowOptions {
  /**
   * `'network-simplex'` (primal, block-search pivot), `'cost-scaling'` (Goldberg, partial
   * augment-relabel), or `'auto'`: cost scaling from {@link AUTO_COST_SCALING_NODES} nodes on (where
   * it measured faster, bench/flow.ts), the network simplex below. Cost scaling needs exact integer
   * arithmetic; on float data, or when n²·max|cost| would leave the exact range, the network simplex
   * runs instead. The result's `algorithm` says which one ran.
   * @defaultValue 'auto'
   */
  readonly algorithm?: MinCostFlowAlgorithm | 'auto';
  /**
   * What to do when total supply ≠ total demand. `'infeasible'`: return status `infeasible` with
   * reason `unbalanced`. `'absorb'`: let the excess side stay put at no cost (supply stays at its
   * sources, or demand goes unmet) and report the amounts in `absorbed`.
   * @defaultValue 'infeasible'
   */
  readonly imbalance?: 'infeasible' | 'absorb';
}

const DEFAULTS = {
  algorithm: 'auto',
  imbalance: 'infeasible',
} as const satisfies Required<MinCostFlowOptions>;

/**
 * With `algorithm: 'auto'`, problems with at least this many nodes use cost scaling. On NETGEN-like
 * instances our simplex is faster at 10,000 nodes (≈ 120 vs 210 ms) and cost scaling at 100,000
 * (≈ 6 vs 10 s).
 */
export const AUTO_COST_SCALING_NODES = 30_000;

/** An optimal flow. */
export interface MinCostFlowOptimal {
  readonly status: 'optimal';
  /** Flow on each arc. */
  readonly flow: Float64Array;
  /** Total cost Σ cost·flow. */
  readonly cost: number;
  /**
   * Node potentials π proving optimality: the reduced cost `cost[e] + π[tail] − π[head]` is ≥ 0 on
   * arcs below capacity and ≤ 0 on arcs above their lower bound (LEMON's convention; −π is the
   * marginal value of one more unit of supply at a node).
   */
  readonly potential: Float64Array;
  /** Per node, supply kept at a source (> 0) or demand left unmet (> 0) under `imbalance: 'absorb'`. */
  readonly absorbed: Float64Array;
  /** True when solved exactly in integers (scaled by `scale`). */
  readonly exact: boolean;
  /** Powers of ten applied to flows (capacities, bounds, supplies) and costs; 1 for integers. */
  readonly scale: { readonly flow: number; readonly cost: number };
  /** The algorithm that produced the result. */
  readonly algorithm: MinCostFlowAlgorithm;
}

/** A cut S certifying that the supply cannot be routed. */
export interface FlowCut {
  /** 1 for nodes in S. */
  readonly sourceSide: Uint8Array;
  /** Allowed arcs leaving S, ascending (saturated in any maximal routing). */
  readonly arcs: Int32Array;
}

/** No flow satisfies the constraints. */
export interface MinCostFlowInfeasible {
  readonly status: 'infeasible';
  /**
   * `'unbalanced'`: total supply ≠ total demand (`unmet` = |Σ supply|, S = all nodes when supply
   * exceeds demand, else no node). `'capacity'`: balanced, but capacities and bounds block it.
   */
  readonly reason: 'unbalanced' | 'capacity';
  /**
   * Supply that cannot be routed. For reason `'capacity'`:
   * unmet = Σ supply(S) + Σ lower(arcs entering S) − Σ capacity(arcs leaving S).
   */
  readonly unmet: number;
  /** The blocking cut. */
  readonly cut: FlowCut;
}

/** The cost can decrease without limit. */
export interface MinCostFlowUnbounded {
  readonly status: 'unbounded';
  /** Arcs of a cycle of infinite-capacity arcs with negative total cost, in order. */
  readonly cycle: Int32Array;
}

/** Result of {@link minCostFlow}. */
export type MinCostFlowResult = MinCostFlowOptimal | MinCostFlowInfeasible | MinCostFlowUnbounded;

/** The problem after checks, scaling and the removal of lower bounds. */
interface Prepared {
  readonly n: number;
  readonly m: number;
  readonly tail: Int32Array;
  readonly head: Int32Array;
  /** Scaled lower bounds, capacities and costs of the input arcs (forbidden arcs: 0, 0, 0). */
  readonly lower: Float64Array;
  readonly cap: Float64Array;
  readonly cost: Float64Array;
  /** Scaled supplies. */
  readonly supply: Float64Array;
  /** 1 for arcs with infinite cost. */
  readonly forbidden: Uint8Array;
  readonly exact: boolean;
  readonly flowScale: number;
  readonly costScale: number;
  readonly flowTol: number;
  readonly costTol: number;
  readonly maxCost: number;
  /** Σ supply (scaled). */
  readonly imbalance: number;
}

/** The transformed problem handed to the algorithms (lower bounds removed, optional hub node). */
interface Core {
  readonly n: number;
  readonly tail: Int32Array;
  readonly head: Int32Array;
  readonly cap: Float64Array;
  readonly cost: Float64Array;
  readonly supply: Float64Array;
  /** Input node whose absorb arc is arc `m + i`. */
  readonly absorbNode: Int32Array;
}

/**
 * Minimum-cost flow.
 *
 * @param problem - node count, arcs (tail, head, capacity, cost, optional lower) and node supplies
 * @param options - algorithm and imbalance handling, see {@link MinCostFlowOptions}
 * @returns `optimal` (flow, cost, potentials), `infeasible` (reason, unmet amount, blocking cut) or
 *   `unbounded` (a negative cycle of infinite-capacity arcs)
 * @throws InvalidArgumentError when arrays differ in length, a node index is out of range, a value is
 *   NaN or −Infinity, a supply or lower bound is infinite, a capacity is below its lower bound, a
 *   forbidden arc (cost Infinity) has a bound that excludes zero flow, or an option is unknown
 * @example
 * const r = minCostFlow({
 *   nodeCount: 3, tail: [0, 0, 1], head: [1, 2, 2], capacity: [4, 2, 4], cost: [1, 5, 1],
 *   supply: [5, 0, -5],
 * });
 * // r.status === 'optimal', r.flow = [4, 1, 4], r.cost === 4·1 + 1·5 + 4·1 = 13
 * @remarks Network simplex: O(pivots·(√m + tree changes)), near-linear pivots in practice; cost
 * scaling: O(n²m log(nC)). Feasibility and the blocking cut come from a push-relabel maximum flow.
 * References: see `_internal/networkSimplex.ts` and `_internal/costScaling.ts` (Kovács 2015, Goldberg
 * 1997), and Gale (1957) for the cut certificate.
 */
export function minCostFlow(
  problem: MinCostFlowProblem,
  options: MinCostFlowOptions = {},
): MinCostFlowResult {
  options = optionsOf(options, 'corridor-sim/flow');
  const algorithmOption = options.algorithm ?? DEFAULTS.algorithm;
  if (
    algorithmOption !== 'network-simplex' &&
    algorithmOption !== 'cost-scaling' &&
    algorithmOption !== 'auto'
  ) {
    throw new InvalidArgumentError(
      MODULE,
      'options.algorithm',
      `must be 'auto', 'network-simplex' or 'cost-scaling', got ${String(algorithmOption)}`,
    );
  }
  const imbalanceOption = options.imbalance ?? DEFAULTS.imbalance;
  if (imbalanceOption !== 'infeasible' && imbalanceOption !== 'absorb') {
    throw new InvalidArgumentError(
      MODULE,
      'options.imbalance',
      `must be 'infeasible' or 'absorb', got ${String(imbalanceOption)}`,
    );
  }
  const P = prepare(problem);
  const { n, m } = P;

  const balanced = P.exact ? P.imbalance === 0 : Math.abs(P.imbalance) <= P.flowTol * Math.max(1, n);
  if (!balanced && imbalanceOption === 'infeasible') {
    return {
      status: 'infeasible',
      reason: 'unbalanced',
      unmet: Math.abs(P.imbalance) / P.flowScale,
      cut: { sourceSide: new Uint8Array(n).fill(P.imbalance > 0 ? 1 : 0), arcs: new Int32Array(0) },
    };
  }
  const core = transform(P, !balanced);

  // Unbounded only through a negative cycle of uncapacitated arcs.
  const infinite = new Uint8Array(core.tail.length);
  let negativeInfinite = false;
  for (let e = 0; e < m; e++) {
    if (core.cap[e] === Number.POSITIVE_INFINITY) {
      infinite[e] = 1;
      if (core.cost[e]! < 0) negativeInfinite = true;
    }
  }
  if (negativeInfinite) {
    const cycle = findNegativeCycle(core.n, core.tail, core.head, core.cost, infinite, P.costTol);
    if (cycle !== undefined) {
      const cut = blockingCut(core, P);
      return cut ?? { status: 'unbounded', cycle };
    }
  }

  // Cost scaling needs exact integers and prices below 2^53 (~3.2·n²·C with costs × (n+1)).
  const N = core.n + 1;
  const useScaling =
    (algorithmOption === 'cost-scaling' || (algorithmOption === 'auto' && n >= AUTO_COST_SCALING_NODES)) &&
    P.exact &&
    4 * N * N * (P.maxCost + 1) < EXACT_LIMIT &&
    m > 0;
  if (useScaling) {
    const feasible = feasibilityCut(core.n, core.tail, core.head, core.cap, core.supply, true);
    const cut = infeasibleResult(feasible, P);
    if (cut !== undefined) return cut;
    const solved = solveByCostScaling(core, infinite, feasible.flow!);
    if (solved !== undefined) return optimal(P, core, solved.flow, solved.potential, 'cost-scaling');
  }
  const out = networkSimplex(core.n, core.tail, core.head, core.cap, core.cost, core.supply, {
    flow: P.flowTol,
    cost: P.costTol,
  });
  if (out.status === 'infeasible') {
    return (
      blockingCut(core, P) ?? {
        // The simplex left flow on artificial arcs but the max-flow routes everything: only possible
        // within the float tolerance. Report the simplex's view.
        status: 'infeasible',
        reason: 'capacity',
        unmet: out.artificialFlow / P.flowScale,
        cut: { sourceSide: new Uint8Array(n), arcs: new Int32Array(0) },
      }
    );
  }
  if (out.status === 'unbounded') {
    const cycle =
      findNegativeCycle(core.n, core.tail, core.head, core.cost, infinite, 0) ?? new Int32Array(0);
    return blockingCut(core, P) ?? { status: 'unbounded', cycle };
  }
  return optimal(P, core, out.flow, out.potential, 'network-simplex');
}

function prepare(problem: MinCostFlowProblem): Prepared {
  const { nodeCount: n, arcCount: m, tail, head } = checkArcs(problem, 'problem');
  const capacity = checkNumbers(problem.capacity, m, 'problem.capacity', '+inf');
  const cost = checkNumbers(problem.cost, m, 'problem.cost', '+inf');
  const supply = checkNumbers(problem.supply, n, 'problem.supply', 'finite');
  const lower =
    problem.lower === undefined
      ? new Float64Array(m)
      : checkNumbers(problem.lower, m, 'problem.lower', 'finite');
  const forbidden = new Uint8Array(m);
  for (let e = 0; e < m; e++) {
    if (capacity[e]! < lower[e]!) {
      throw new InvalidArgumentError(
        MODULE,
        `problem.capacity[${e}]`,
        `${capacity[e]} is below the lower bound ${lower[e]}`,
      );
    }
    if (cost[e] === Number.POSITIVE_INFINITY) {
      if (lower[e]! > 0 || capacity[e]! < 0) {
        throw new InvalidArgumentError(
          MODULE,
          `problem.cost[${e}]`,
          `is Infinity (forbidden arc) but the bounds [${lower[e]}, ${capacity[e]}] exclude zero flow`,
        );
      }
      forbidden[e] = 1;
      cost[e] = 0;
      capacity[e] = 0;
      lower[e] = 0;
    }
  }

  const flowDigits = decimalDigits(capacity, lower, supply);
  const costDigits = decimalDigits(cost);
  let exact = flowDigits >= 0 && costDigits >= 0;
  let flowScale = exact ? pow10(flowDigits) : 1;
  let costScale = exact ? pow10(costDigits) : 1;
  let cap = exact ? scaleToIntegers(capacity, flowScale) : capacity;
  let low = exact ? scaleToIntegers(lower, flowScale) : lower;
  let sup = exact ? scaleToIntegers(supply, flowScale) : supply;
  let cst = exact ? scaleToIntegers(cost, costScale) : cost;
  const flowTotal = sumAbsFinite(cap) + sumAbsFinite(low) + sumAbsFinite(sup);
  let maxCost = maxAbsFinite(cst);
  if (exact && !(flowTotal < EXACT_LIMIT && 8 * (maxCost + 1) * (n + 2) < EXACT_LIMIT)) {
    exact = false;
    flowScale = 1;
    costScale = 1;
    cap = capacity;
    low = lower;
    sup = supply;
    cst = cost;
    maxCost = maxAbsFinite(cst);
  }
  let imbalance = 0;
  for (let v = 0; v < n; v++) imbalance += sup[v]!;
  const flowMagnitude = Math.max(maxAbsFinite(cap), maxAbsFinite(low), maxAbsFinite(sup));
  return {
    n,
    m,
    tail,
    head,
    lower: low,
    cap,
    cost: cst,
    supply: sup,
    forbidden,
    exact,
    flowScale,
    costScale,
    flowTol: exact ? 0 : 1e-12 * flowMagnitude,
    costTol: exact ? 0 : 1e-12 * (maxCost + 1) * (n + 2),
    maxCost,
    imbalance,
  };
}

/** Remove lower bounds (flow' = flow − lower) and add the absorb hub when asked. */
function transform(P: Prepared, absorb: boolean): Core {
  const { n, m, tail, head, lower, cap, supply: sup } = P;
  const absorbNodes: number[] = [];
  if (absorb) {
    for (let v = 0; v < n; v++) if (P.imbalance > 0 ? sup[v]! > 0 : sup[v]! < 0) absorbNodes.push(v);
  }
  const k = absorbNodes.length;
  const N = absorb ? n + 1 : n;
  const T = new Int32Array(m + k);
  const H = new Int32Array(m + k);
  const C = new Float64Array(m + k);
  const W = new Float64Array(m + k);
  const S = new Float64Array(N);
  T.set(tail);
  H.set(head);
  W.set(P.cost);
  S.set(sup);
  for (let e = 0; e < m; e++) {
    const l = lower[e]!;
    const c = cap[e]!;
    C[e] = c === Number.POSITIVE_INFINITY ? c : c - l;
    if (l !== 0) {
      S[tail[e]!]! -= l;
      S[head[e]!]! += l;
    }
  }
  if (absorb) {
    const hub = n;
    S[hub] = -P.imbalance;
    for (let i = 0; i < k; i++) {
      const v = absorbNodes[i]!;
      const e = m + i;
      if (P.imbalance > 0) {
        T[e] = v;
        H[e] = hub;
        C[e] = sup[v]!;
      } else {
        T[e] = hub;
        H[e] = v;
        C[e] = -sup[v]!;
      }
    }
  }
  return { n: N, tail: T, head: H, cap: C, cost: W, supply: S, absorbNode: Int32Array.from(absorbNodes) };
}

/** The infeasible result when the supply cannot be routed, else undefined. */
function blockingCut(core: Core, P: Prepared): MinCostFlowInfeasible | undefined {
  return infeasibleResult(feasibilityCut(core.n, core.tail, core.head, core.cap, core.supply), P);
}

function infeasibleResult(feasible: FeasibilityCut, P: Prepared): MinCostFlowInfeasible | undefined {
  const { total, routed, sourceSide } = feasible;
  const unmet = total - routed;
  if (P.exact ? unmet === 0 : unmet <= P.flowTol * Math.max(1, sourceSide.length)) return undefined;
  const side = sourceSide.slice(0, P.n);
  const arcs: number[] = [];
  for (let e = 0; e < P.m; e++) {
    if (P.forbidden[e] === 0 && side[P.tail[e]!] === 1 && side[P.head[e]!] === 0) arcs.push(e);
  }
  return {
    status: 'infeasible',
    reason: 'capacity',
    unmet: unmet / P.flowScale,
    cut: { sourceSide: side, arcs: Int32Array.from(arcs) },
  };
}

function solveByCostScaling(
  core: Core,
  infinite: Uint8Array,
  start: Float64Array,
): { flow: Float64Array; potential: Float64Array } | undefined {
  const M = core.tail.length;
  // Bound infinite capacities: an optimal flow never needs more than Σ supply⁺ + Σ finite capacities.
  let bound = 0;
  for (let v = 0; v < core.n; v++) if (core.supply[v]! > 0) bound += core.supply[v]!;
  for (let e = 0; e < M; e++) if (core.cap[e] !== Number.POSITIVE_INFINITY) bound += core.cap[e]!;
  const cap = core.cap.slice();
  for (let e = 0; e < M; e++) if (cap[e] === Number.POSITIVE_INFINITY) cap[e] = bound + 1;
  const g = buildResidual(core.n, core.tail, core.head, cap);
  // Start from the feasible routing found by the max-flow (as LEMON does with Circulation).
  for (let e = 0; e < M; e++) {
    const f = start[e]!;
    if (f !== 0) {
      const p = g.arcPos[e]!;
      g.rcap[p]! -= f;
      g.rcap[g.mate[p]!]! += f;
    }
  }
  const unbounded = new Uint8Array(M);
  unbounded.set(infinite.subarray(0, Math.min(infinite.length, M)));
  const { flow, potential } = costScaling(g, core.cost, core.supply, unbounded);
  if (potential === undefined) return undefined;
  return { flow, potential };
}

function optimal(
  P: Prepared,
  core: Core,
  coreFlow: Float64Array,
  corePotential: Float64Array,
  algorithm: MinCostFlowAlgorithm,
): MinCostFlowOptimal {
  const { n, m, lower, cost, flowScale, costScale } = P;
  const flow = new Float64Array(m);
  let total = 0;
  let safe = true;
  for (let e = 0; e < m; e++) {
    const f = coreFlow[e]! + lower[e]!;
    flow[e] = flowScale === 1 ? f : f / flowScale;
    const term = f * cost[e]!;
    total += term;
    if (Math.abs(term) >= EXACT_LIMIT || Math.abs(total) >= EXACT_LIMIT) safe = false;
  }
  if (P.exact && !safe) {
    // Integer products beyond 2^53: sum exactly in BigInt, round once.
    let big = 0n;
    for (let e = 0; e < m; e++) {
      const c = cost[e]!;
      if (c !== 0) big += BigInt(coreFlow[e]! + lower[e]!) * BigInt(c);
    }
    total = Number(big);
  }
  const scaleBoth = flowScale * costScale;
  const potential = new Float64Array(n);
  for (let v = 0; v < n; v++)
    potential[v] = costScale === 1 ? corePotential[v]! : corePotential[v]! / costScale;
  const absorbed = new Float64Array(n);
  for (let i = 0; i < core.absorbNode.length; i++) {
    absorbed[core.absorbNode[i]!] = coreFlow[m + i]! / flowScale;
  }
  return {
    status: 'optimal',
    flow,
    cost: scaleBoth === 1 ? total : total / scaleBoth,
    potential,
    absorbed,
    exact: P.exact,
    scale: { flow: flowScale, cost: costScale },
    algorithm,
  };
}
