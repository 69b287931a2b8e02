/**
 * Reference LP for tests
 * ======================
 *
 * The single-commodity min-cost flow problem written directly as an LP for HiGHS (one column per arc
 * with bounds [lower, capacity], one equality row per node), independent of the solvers under test
 * and of multiCommodityFlow's model builder. Used by the differential tests only.
 *
 * Internal: no public API.
 */

import type { Highs } from 'highs';

/** What HiGHS says about a min-cost flow problem. */
export type LpVerdict =
  | { readonly status: 'optimal'; readonly objective: number; readonly flow: Float64Array }
  | { readonly status: 'infeasible' | 'unbounded' | 'infeasible-or-unbounded' | 'other' };

/**
 * Solve min Σ cost·x, lower ≤ x ≤ capacity, out − in = supply with HiGHS.
 *
 * @param highs - a loaded HiGHS runtime
 * @param problem - the arrays (cost Infinity = arc fixed at 0)
 * @returns the verdict
 */
export function solveMinCostFlowLp(
  highs: Highs,
  problem: {
    readonly nodeCount: number;
    readonly tail: ArrayLike<number>;
    readonly head: ArrayLike<number>;
    readonly capacity: ArrayLike<number>;
    readonly cost: ArrayLike<number>;
    readonly supply: ArrayLike<number>;
    readonly lower?: ArrayLike<number>;
  },
): LpVerdict {
  const n = problem.nodeCount;
  const m = problem.tail.length;
  const starts = new Int32Array(m + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const colCost = new Float64Array(m);
  const colLower = new Float64Array(m);
  const colUpper = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    starts[e] = indices.length;
    const t = problem.tail[e]!;
    const h = problem.head[e]!;
    if (t !== h) {
      indices.push(t, h);
      values.push(1, -1);
    }
    const forbidden = problem.cost[e] === Number.POSITIVE_INFINITY;
    colCost[e] = forbidden ? 0 : problem.cost[e]!;
    colLower[e] = forbidden ? 0 : (problem.lower?.[e] ?? 0);
    const cap = problem.capacity[e]!;
    colUpper[e] = forbidden ? 0 : cap === Number.POSITIVE_INFINITY ? highs.infinity : cap;
  }
  starts[m] = indices.length;
  const rowLower = Float64Array.from({ length: n }, (_, v) => problem.supply[v]!);
  if (m === 0) {
    return rowLower.every((s) => s === 0)
      ? { status: 'optimal', objective: 0, flow: new Float64Array(0) }
      : { status: 'infeasible' };
  }
  const model = highs.createModel({
    numCols: m,
    numRows: n,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper: rowLower,
    matrix: {
      format: 'csc',
      numRows: n,
      numCols: m,
      starts,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  });
  try {
    model.options.set({ output_flag: false, presolve: 'off' });
    model.run();
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    if (status === codes.optimal) {
      return { status: 'optimal', objective: model.getObjectiveValue(), flow: model.getSolution().colValue };
    }
    if (status === codes.infeasible) return { status: 'infeasible' };
    if (status === codes.unbounded) return { status: 'unbounded' };
    if (status === codes.unboundedOrInfeasible) return { status: 'infeasible-or-unbounded' };
    return { status: 'other' };
  } finally {
    model.dispose();
  }
}
