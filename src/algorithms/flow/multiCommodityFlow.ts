/**
 * Multi-commodity min-cost flow as a linear program (HiGHS)
 * =========================================================
 *
 * Several commodities (containers and crude, or shipper classes and OD pairs of one commodity) share
 * arc capacities; each has its own arc costs, its own supplies and demands, and may be barred from
 * some arcs. There is no combinatorial algorithm for this, so it is solved as the LP
 *
 * ```text
 * min   Σ_k Σ_a cost_k[a]·x_k[a]  +  Σ_k penalty_k·(unmet demand of k)
 * s.t.  Σ_out x_k − Σ_in x_k (+ unshipped − unmet) = supply_k[v]     for every commodity k, node v
 *       Σ_k x_k[a] ≤ capacity[a]                                      for every capacitated arc a
 *       x ≥ 0;  x_k[a] absent where cost_k[a] = Infinity
 * ```
 *
 * by HiGHS's dual simplex. The model is passed as sparse column (CSC) arrays, with presolve off:
 * on network LPs HiGHS's presolve makes solves 3–74× slower (../shared/bench/BASELINES.md §1).
 *
 * With `unmetPenalty` a commodity gets artificial columns: demand that cannot be delivered is reported
 * as `unmet` (priced at the penalty per unit) and the matching supply stays at its sources for free,
 * instead of the whole LP being infeasible. The duals of the capacity rows are the shadow prices:
 * how much the optimal cost would fall per unit of extra capacity on the arc.
 *
 * HiGHS loads asynchronously: {@link multiCommodityFlow} awaits the (cached) loader;
 * {@link solveMultiCommodityFlow} is the synchronous core for callers that hold a loaded solver.
 */

import { InvalidArgumentError, optionsOf } from '../../model/errors.js';
import { buildCsr } from '../_internal/csr.js';
import {
  type CommodityGroup,
  groupCommodities,
  type LpCommodity,
  splitGroupFlow,
} from './_internal/commodityGroups.js';
import { checkArcs, checkNode, checkNumbers, MODULE } from './_internal/validate.js';
import { type HighsSolver, loadHighsSolver } from './highsSolver.js';

/** Supplies of one commodity as a single origin–destination amount. */
export interface CommodityPair {
  /** Origin node. */
  readonly source: number;
  /** Destination node (≠ source). */
  readonly sink: number;
  /** Amount to move from source to sink (≥ 0). */
  readonly amount: number;
  readonly supply?: never;
}

/** Supplies of one commodity as a vector (> 0 supply, < 0 demand). */
export interface CommoditySupply {
  /** Supply of each node; must sum to 0 unless `unmetPenalty` is set. */
  readonly supply: ArrayLike<number>;
  readonly source?: never;
  readonly sink?: never;
  readonly amount?: never;
}

/** One commodity of a {@link MultiCommodityProblem}. */
export type Commodity = (CommodityPair | CommoditySupply) & {
  /** Cost per unit on each arc; `Infinity` forbids the arc for this commodity. */
  readonly cost: ArrayLike<number>;
  /**
   * Cost per unit of demand left unmet. When set (finite, ≥ 0), demand that cannot be delivered (or
   * costs more than this per unit to deliver) is reported in `unmet` instead of making the LP
   * infeasible; surplus supply then stays at its sources at no cost.
   * @defaultValue none: all demand must be met
   */
  readonly unmetPenalty?: number;
};

/** Input of {@link multiCommodityFlow}. */
export interface MultiCommodityProblem {
  /** Number of nodes; nodes are `0..nodeCount-1`. */
  readonly nodeCount: number;
  /** Tail of each arc. */
  readonly tail: ArrayLike<number>;
  /** Head of each arc. */
  readonly head: ArrayLike<number>;
  /** Capacity of each arc shared by all commodities (≥ 0; `Infinity` = uncapacitated). */
  readonly capacity: ArrayLike<number>;
  /** The commodities. */
  readonly commodities: readonly Commodity[];
}

/** Options of {@link multiCommodityFlow} and {@link solveMultiCommodityFlow}. */
export interface MultiCommodityFlowOptions {
  /**
   * Run HiGHS's presolve. Off by default: network LPs solve several times faster without it.
   * @defaultValue false
   */
  readonly presolve?: boolean;
  /**
   * Wall-clock limit for the LP solve, in seconds.
   * @defaultValue no limit
   */
  readonly timeLimitSeconds?: number;
  /**
   * Shadow prices at or below this count as zero when listing `bindingArcs`.
   * @defaultValue 1e-9
   */
  readonly bindingTolerance?: number;
  /**
   * Merge source/sink commodities that share the source, the costs and the penalty into one
   * single-source commodity for the LP, then split the flow back by path decomposition. Same optimum,
   * far smaller LP when many OD pairs share origins and shipper classes (7× faster on the Eurasia
   * network). Per-commodity flows are then one optimal split, not necessarily HiGHS's own.
   * @defaultValue true
   */
  readonly aggregate?: boolean;
}

const DEFAULTS = {
  presolve: false,
  timeLimitSeconds: Number.POSITIVE_INFINITY,
  bindingTolerance: 1e-9,
  aggregate: true,
} as const satisfies Required<MultiCommodityFlowOptions>;

/** An optimal multi-commodity flow. */
export interface MultiCommodityOptimal {
  readonly status: 'optimal';
  /** Total cost, penalties included. */
  readonly objective: number;
  /** `flows[k][a]`: flow of commodity k on arc a. */
  readonly flows: readonly Float64Array[];
  /** Unmet demand of each commodity (0 without a penalty). */
  readonly unmet: Float64Array;
  /**
   * Shadow price of each arc's shared capacity (≥ 0): the decrease of the optimal cost per unit of
   * extra capacity. 0 for uncapacitated arcs and arcs with slack.
   */
  readonly shadowPrice: Float64Array;
  /** Arcs whose shadow price exceeds `bindingTolerance`, ascending. */
  readonly bindingArcs: Int32Array;
  /**
   * `potential[k][v]`: node potentials of commodity k (minus the duals of the conservation rows);
   * cost_k[a] + π[tail] − π[head] + shadowPrice[a] ≥ 0 on every allowed arc, = 0 where flow > 0.
   */
  readonly potential: readonly Float64Array[];
  /** Simplex iterations used. */
  readonly iterations: number;
}

/** No flow meets every demand within the capacities. */
export interface MultiCommodityInfeasible {
  readonly status: 'infeasible';
  /** `'unbalanced'`: a commodity without penalty has Σ supply ≠ 0; `'capacity'`: the LP is infeasible. */
  readonly reason: 'unbalanced' | 'capacity';
  /** The unbalanced commodity (reason `'unbalanced'`). */
  readonly commodity?: number;
}

/** The cost decreases without limit (a negative-cost cycle of uncapacitated arcs). */
export interface MultiCommodityUnbounded {
  readonly status: 'unbounded';
}

/** HiGHS stopped before proving optimality (time limit, iteration limit, numerical trouble). */
export interface MultiCommodityStopped {
  readonly status: 'stopped';
  /** HiGHS's model status name (`timeLimit`, `iterationLimit`, `solveError`, ...). */
  readonly highsStatus: string;
}

/** Result of {@link multiCommodityFlow}. */
export type MultiCommodityResult =
  | MultiCommodityOptimal
  | MultiCommodityInfeasible
  | MultiCommodityUnbounded
  | MultiCommodityStopped;

interface CheckedCommodity extends LpCommodity {
  /** Source and sink of a pair-form commodity; -1 for supply vectors. */
  readonly source: number;
  readonly sink: number;
  readonly amount: number;
}

/**
 * Multi-commodity min-cost flow (loads HiGHS on first use).
 *
 * @param problem - arcs with shared capacities, and the commodities with costs and supplies
 * @param options - presolve, time limit, binding tolerance
 * @returns a promise of the result: `optimal` (flows, unmet, shadow prices, potentials), `infeasible`,
 *   `unbounded` or `stopped`
 * @throws rejects with InvalidArgumentError on malformed input (see {@link solveMultiCommodityFlow})
 * @example
 * const r = await multiCommodityFlow({
 *   nodeCount: 3, tail: [0, 1, 0], head: [1, 2, 2], capacity: [10, 10, 5],
 *   commodities: [
 *     { source: 0, sink: 2, amount: 12, cost: [1, 1, 3] },
 *     { source: 1, sink: 2, amount: 4, cost: [Infinity, 1, Infinity], unmetPenalty: 100 },
 *   ],
 * });
 * // r.status === 'optimal'; arc 1 is binding: commodity 0 sends 6 via arc 1 and 5 on arc 2... see docs
 * @remarks Builds K·n + (capacitated arcs) rows and ≤ K·m + K·n columns; dual simplex, typically
 * milliseconds for the Eurasia network (≈300 arcs × 100 commodities).
 */
export async function multiCommodityFlow(
  problem: MultiCommodityProblem,
  options: MultiCommodityFlowOptions = {},
): Promise<MultiCommodityResult> {
  options = optionsOf(options, 'corridor-sim/flow');
  const solver = await loadHighsSolver();
  return solveMultiCommodityFlow(solver, problem, options);
}

/**
 * Multi-commodity min-cost flow with an already loaded HiGHS (synchronous).
 *
 * @param solver - from `await loadHighsSolver()`
 * @param problem - arcs with shared capacities, and the commodities with costs and supplies
 * @param options - presolve, time limit, binding tolerance
 * @returns the result (see {@link multiCommodityFlow})
 * @throws InvalidArgumentError when arrays differ in length, a node index is out of range, a value is
 *   NaN or −Infinity, a capacity is negative, a pair has source = sink or a negative amount, a penalty
 *   is negative or infinite, or an option is invalid
 * @example
 * const solver = await loadHighsSolver();
 * for (const year of years) results.push(solveMultiCommodityFlow(solver, problemFor(year)));
 * @remarks See {@link multiCommodityFlow}.
 */
export function solveMultiCommodityFlow(
  solver: HighsSolver,
  problem: MultiCommodityProblem,
  options: MultiCommodityFlowOptions = {},
): MultiCommodityResult {
  options = optionsOf(options, 'corridor-sim/flow');
  const presolve = options.presolve ?? DEFAULTS.presolve;
  const timeLimit = options.timeLimitSeconds ?? DEFAULTS.timeLimitSeconds;
  const bindingTolerance = options.bindingTolerance ?? DEFAULTS.bindingTolerance;
  const aggregate = options.aggregate ?? DEFAULTS.aggregate;
  if (typeof aggregate !== 'boolean') {
    throw new InvalidArgumentError(
      MODULE,
      'options.aggregate',
      `must be a boolean, got ${String(aggregate)}`,
    );
  }
  if (typeof presolve !== 'boolean') {
    throw new InvalidArgumentError(MODULE, 'options.presolve', `must be a boolean, got ${String(presolve)}`);
  }
  if (typeof timeLimit !== 'number' || !(timeLimit > 0)) {
    throw new InvalidArgumentError(
      MODULE,
      'options.timeLimitSeconds',
      `must be a positive number, got ${String(timeLimit)}`,
    );
  }
  if (typeof bindingTolerance !== 'number' || !(bindingTolerance >= 0)) {
    throw new InvalidArgumentError(
      MODULE,
      'options.bindingTolerance',
      `must be a number ≥ 0, got ${String(bindingTolerance)}`,
    );
  }
  if (typeof solver !== 'object' || solver === null || typeof solver.highs?.createModel !== 'function') {
    throw new InvalidArgumentError(MODULE, 'solver', 'must come from loadHighsSolver()');
  }
  const { nodeCount: n, arcCount: m, tail, head } = checkArcs(problem, 'problem');
  const capacity = checkNumbers(problem.capacity, m, 'problem.capacity', '+inf', 0);
  if (!Array.isArray(problem.commodities)) {
    throw new InvalidArgumentError(MODULE, 'problem.commodities', 'must be an array of commodities');
  }
  const commodities = problem.commodities.map((c, k) => checkCommodity(c, k, n, m));
  const K = commodities.length;
  for (let k = 0; k < K; k++) {
    const c = commodities[k]!;
    if (c.penalty !== undefined) continue;
    let total = 0;
    for (let v = 0; v < n; v++) total += c.supply[v]!;
    let scale = 0;
    for (let v = 0; v < n; v++) scale = Math.max(scale, Math.abs(c.supply[v]!));
    if (Math.abs(total) > 1e-9 * Math.max(1, scale))
      return { status: 'infeasible', reason: 'unbalanced', commodity: k };
  }

  const highs = solver.highs;
  const INF = highs.infinity;
  // LP commodities: groups of input commodities sharing source, costs and penalty (or one each).
  const groups: CommodityGroup[] = aggregate
    ? groupCommodities(
        commodities,
        commodities.map((c) => c.source),
      )
    : commodities.map((c, k) => ({ members: [k], source: c.source, merged: c }));
  const lp = groups.map((g) => g.merged);
  const G = lp.length;

  // Rows: conservation (k, v) at k·n + v, then one row per capacitated arc shared by two or more LP
  // commodities. An arc open to a single one gets a column bound instead (a smaller LP; its shadow
  // price is then minus the column's reduced cost).
  const capRow = new Int32Array(m).fill(-1);
  const capColumn = new Int32Array(m).fill(-1);
  let rows = G * n;
  for (let a = 0; a < m; a++) {
    if (capacity[a] === Number.POSITIVE_INFINITY) continue;
    let users = 0;
    for (let k = 0; k < G && users < 2; k++) if (lp[k]!.cost[a] !== Number.POSITIVE_INFINITY) users++;
    if (users > 1) capRow[a] = rows++;
  }
  // Columns: arcs allowed per commodity, then the unshipped / unmet columns of penalized commodities.
  let cols = 0;
  let nnz = 0;
  for (let k = 0; k < G; k++) {
    const c = lp[k]!;
    for (let a = 0; a < m; a++) {
      if (c.cost[a] === Number.POSITIVE_INFINITY) continue;
      cols++;
      nnz += (tail[a] === head[a] ? 0 : 2) + (capRow[a]! >= 0 ? 1 : 0);
    }
    if (c.penalty !== undefined) {
      for (let v = 0; v < n; v++) {
        if (c.supply[v] !== 0) {
          cols++;
          nnz++;
        }
      }
    }
  }
  const colCost = new Float64Array(cols);
  const colLower = new Float64Array(cols);
  const colUpper = new Float64Array(cols).fill(INF);
  const starts = new Int32Array(cols + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const colArc = new Int32Array(cols).fill(-1);
  const colCommodity = new Int32Array(cols);
  /** Node of an unmet-demand column, -1 for other columns. */
  const colUnmetNode = new Int32Array(cols).fill(-1);
  let j = 0;
  let z = 0;
  for (let k = 0; k < G; k++) {
    const c = lp[k]!;
    const base = k * n;
    for (let a = 0; a < m; a++) {
      const w = c.cost[a]!;
      if (w === Number.POSITIVE_INFINITY) continue;
      starts[j] = z;
      colCost[j] = w;
      colArc[j] = a;
      colCommodity[j] = k;
      if (capRow[a]! < 0 && capacity[a] !== Number.POSITIVE_INFINITY) {
        colUpper[j] = capacity[a]!;
        capColumn[a] = j;
      }
      if (tail[a] !== head[a]) {
        indices[z] = base + tail[a]!;
        values[z++] = 1;
        indices[z] = base + head[a]!;
        values[z++] = -1;
      }
      if (capRow[a]! >= 0) {
        indices[z] = capRow[a]!;
        values[z++] = 1;
      }
      j++;
    }
    if (c.penalty !== undefined) {
      for (let v = 0; v < n; v++) {
        const s = c.supply[v]!;
        if (s === 0) continue;
        starts[j] = z;
        colCommodity[j] = k;
        indices[z] = base + v;
        if (s > 0) {
          values[z++] = 1; // unshipped supply, free
          colCost[j] = 0;
          colUpper[j] = s;
        } else {
          values[z++] = -1; // unmet demand, penalized
          colCost[j] = c.penalty;
          colUpper[j] = -s;
          colUnmetNode[j] = v;
        }
        j++;
      }
    }
  }
  starts[cols] = z;
  const rowLower = new Float64Array(rows);
  const rowUpper = new Float64Array(rows);
  for (let k = 0; k < G; k++) {
    const s = lp[k]!.supply;
    for (let v = 0; v < n; v++) {
      rowLower[k * n + v] = s[v]!;
      rowUpper[k * n + v] = s[v]!;
    }
  }
  for (let a = 0; a < m; a++) {
    const r = capRow[a]!;
    if (r >= 0) {
      rowLower[r] = -INF;
      rowUpper[r] = capacity[a]!;
    }
  }

  if (cols === 0) {
    // Nothing to decide: feasible iff every supply is zero.
    for (const c of commodities)
      for (let v = 0; v < n; v++) if (c.supply[v] !== 0) return { status: 'infeasible', reason: 'capacity' };
    return emptyOptimal(n, m, K);
  }

  const model = highs.createModel({
    numCols: cols,
    numRows: rows,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows: rows, numCols: cols, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, presolve: presolve ? 'on' : 'off' });
    if (timeLimit !== Number.POSITIVE_INFINITY) model.options.set('time_limit', timeLimit);
    model.run();
    let status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    if (status === codes.unboundedOrInfeasible) {
      // Tell the two apart: with a zero objective the LP is feasible iff the original one is.
      model.changeColsCost({ kind: 'range', from: 0, to: cols - 1 }, new Float64Array(cols));
      model.run();
      status = model.getModelStatus() === codes.optimal ? codes.unbounded : codes.infeasible;
    }
    if (status === codes.infeasible) return { status: 'infeasible', reason: 'capacity' };
    if (status === codes.unbounded) return { status: 'unbounded' };
    if (status !== codes.optimal) {
      const name = Object.entries(codes).find(([, v]) => v === status)?.[0] ?? String(status);
      return { status: 'stopped', highsStatus: name };
    }
    const solution = model.getSolution();
    const x = solution.colValue;
    const y = solution.rowDual;
    const groupFlows = Array.from({ length: G }, () => new Float64Array(m));
    const groupUnmet = Array.from({ length: G }, () => new Float64Array(n));
    for (let col = 0; col < cols; col++) {
      const a = colArc[col]!;
      const value = x[col]!;
      if (a >= 0) groupFlows[colCommodity[col]!]![a] = value;
      else if (colUnmetNode[col]! >= 0) groupUnmet[colCommodity[col]!]![colUnmetNode[col]!]! += value;
    }
    const shadowPrice = new Float64Array(m);
    const binding: number[] = [];
    const d = solution.colDual;
    for (let a = 0; a < m; a++) {
      const r = capRow[a]!;
      const col = capColumn[a]!;
      if (r < 0 && col < 0) continue;
      const price = r >= 0 ? -y[r]! : -d[col]!;
      shadowPrice[a] = Math.max(price, 0);
      if (price > bindingTolerance) binding.push(a);
    }
    const flows: Float64Array[] = new Array(K);
    const unmet = new Float64Array(K);
    const potential: Float64Array[] = new Array(K);
    const star = groups.some((g) => g.members.length > 1) ? buildCsr(n, tail, head) : undefined;
    groups.forEach((g, k) => {
      const p = new Float64Array(n);
      for (let v = 0; v < n; v++) p[v] = -y[k * n + v]! || 0;
      for (const member of g.members) potential[member] = p;
      if (g.members.length === 1) {
        const member = g.members[0]!;
        flows[member] = groupFlows[k]!;
        unmet[member] = groupUnmet[k]!.reduce((sum, u) => sum + u, 0);
        return;
      }
      // Unmet demand at each sink goes to that sink's members in order; the rest is delivered.
      const left = groupUnmet[k]!;
      const delivered = g.members.map((member) => {
        const c = commodities[member]!;
        const u = Math.min(c.amount, Math.max(0, left[c.sink]!));
        left[c.sink]! -= u;
        unmet[member] = u;
        return c.amount - u;
      });
      let scale = 1;
      for (const member of g.members) scale = Math.max(scale, commodities[member]!.amount);
      const parts = splitGroupFlow(
        n,
        star!.outStart,
        star!.outArcs,
        head,
        groupFlows[k]!,
        g.source,
        g.members.map((member) => commodities[member]!.sink),
        delivered,
        1e-12 * scale,
      );
      g.members.forEach((member, i) => {
        flows[member] = parts[i]!;
      });
    });
    const iterations = Number(model.info.get('simplex_iteration_count'));
    return {
      status: 'optimal',
      objective: model.getObjectiveValue(),
      flows,
      unmet,
      shadowPrice,
      bindingArcs: Int32Array.from(binding),
      potential,
      iterations,
    };
  } finally {
    model.dispose();
  }
}

function emptyOptimal(n: number, m: number, K: number): MultiCommodityOptimal {
  return {
    status: 'optimal',
    objective: 0,
    flows: Array.from({ length: K }, () => new Float64Array(m)),
    unmet: new Float64Array(K),
    shadowPrice: new Float64Array(m),
    bindingArcs: new Int32Array(0),
    potential: Array.from({ length: K }, () => new Float64Array(n)),
    iterations: 0,
  };
}

function checkCommodity(c: Commodity, k: number, n: number, m: number): CheckedCommodity {
  const name = `problem.commodities[${k}]`;
  if (typeof c !== 'object' || c === null)
    throw new InvalidArgumentError(MODULE, name, `must be an object, got ${String(c)}`);
  const cost = checkNumbers(c.cost, m, `${name}.cost`, '+inf');
  let supply: Float64Array;
  let pair = { source: -1, sink: -1, amount: 0 };
  if (c.supply !== undefined) {
    if (c.source !== undefined || c.sink !== undefined || c.amount !== undefined) {
      throw new InvalidArgumentError(MODULE, name, 'must give either supply or source/sink/amount, not both');
    }
    supply = checkNumbers(c.supply, n, `${name}.supply`, 'finite');
  } else {
    const source = checkNode(c.source, n, `${name}.source`);
    const sink = checkNode(c.sink, n, `${name}.sink`);
    if (source === sink)
      throw new InvalidArgumentError(MODULE, `${name}.sink`, `must differ from the source, both are ${sink}`);
    const amount = c.amount;
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      throw new InvalidArgumentError(
        MODULE,
        `${name}.amount`,
        `must be a finite number ≥ 0, got ${String(amount)}`,
      );
    }
    supply = new Float64Array(n);
    supply[source] = amount;
    supply[sink] = -amount;
    pair = { source, sink, amount };
  }
  const penalty = c.unmetPenalty;
  if (penalty !== undefined && (typeof penalty !== 'number' || !Number.isFinite(penalty) || penalty < 0)) {
    throw new InvalidArgumentError(
      MODULE,
      `${name}.unmetPenalty`,
      `must be a finite number ≥ 0, got ${String(penalty)}`,
    );
  }
  return { cost, supply, penalty, ...pair };
}
