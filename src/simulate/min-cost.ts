/**
 * The min-cost solver of `simulate`
 * =================================
 *
 * Hard capacities, system optimum: one LP commodity per (user class, OD entry), each with its own
 * generalized cost per arc (money + value of time × free-flow days, Infinity where the class may not
 * go), sharing every link and terminal capacity; demand that no route can carry is reported as unmet
 * at a penalty per unit (so the LP is never infeasible). Solved by HiGHS through
 * `multiCommodityFlow`; the capacity duals are the shadow prices of the bottlenecks. Arc flows of each
 * commodity are decomposed into paths for the corridor and country figures.
 */

import type { CompiledNetwork } from '../algorithms/_internal/compile.js';
import { multiCommodityFlow } from '../algorithms/flow/multiCommodityFlow.js';
import type { RoutedPath } from './aggregate.js';
import type { DemandClass } from './classes.js';
import { decomposePaths } from './decompose.js';

/** Inputs of {@link solveMinCost}. */
export interface MinCostInput {
  readonly compiled: CompiledNetwork;
  readonly classes: readonly DemandClass[];
  /** Effective capacity per arc (0 = closed). */
  readonly arcCapacity: Float64Array;
  /** Cost of a unit of unmet demand, USD. */
  readonly unmetPenaltyUsd: number;
}

/** Output of {@link solveMinCost}. */
export interface MinCostOutput {
  readonly status: 'optimal' | 'failed';
  readonly stopReason: string;
  readonly arcFlow: Float64Array;
  readonly arcTimeDays: Float64Array;
  readonly paths: RoutedPath[];
  readonly unmet: Map<string, number>;
  readonly shadowPrice: Float64Array;
  readonly iterations: number;
}

/**
 * Solve the hard-capacity system optimum.
 *
 * @param input - compiled network, classes, capacities, unmet penalty
 * @returns arc flows, path flows, unmet demand per flow, shadow prices per arc
 */
export async function solveMinCost(input: MinCostInput): Promise<MinCostOutput> {
  const { compiled, classes, arcCapacity } = input;
  const M = compiled.csr.arcCount;
  const commodities: { cls: DemandClass; entry: DemandClass['entries'][number]; cost: Float64Array }[] = [];
  for (const cls of classes) {
    const cost = new Float64Array(M);
    for (let e = 0; e < M; e++) {
      cost[e] =
        cls.forbidden[e] === 1 || compiled.arcActive[e] !== 1 || !(arcCapacity[e]! > 0)
          ? Number.POSITIVE_INFINITY
          : cls.moneyCost[e]! + cls.valueOfTime * compiled.timeDays[e]!;
    }
    for (const entry of cls.entries) if (entry.volume > 0) commodities.push({ cls, entry, cost });
  }
  const arcFlow = new Float64Array(M);
  const unmet = new Map<string, number>();
  const paths: RoutedPath[] = [];
  if (commodities.length === 0) {
    return {
      status: 'optimal',
      stopReason: 'no demand',
      arcFlow,
      arcTimeDays: Float64Array.from(compiled.timeDays),
      paths,
      unmet,
      shadowPrice: new Float64Array(M),
      iterations: 0,
    };
  }
  const result = await multiCommodityFlow({
    nodeCount: compiled.csr.nodeCount,
    tail: compiled.csr.tail,
    head: compiled.csr.head,
    capacity: arcCapacity,
    commodities: commodities.map((c) => ({
      source: c.entry.origin,
      sink: c.entry.destination,
      amount: c.entry.volume,
      cost: c.cost,
      unmetPenalty: input.unmetPenaltyUsd,
    })),
  });
  if (result.status !== 'optimal') {
    const reason =
      result.status === 'stopped' ? `HiGHS stopped (${result.highsStatus})` : `the LP is ${result.status}`;
    for (const c of commodities)
      unmet.set(c.entry.flow.id, (unmet.get(c.entry.flow.id) ?? 0) + c.entry.volume);
    return {
      status: 'failed',
      stopReason: reason,
      arcFlow,
      arcTimeDays: Float64Array.from(compiled.timeDays),
      paths,
      unmet,
      shadowPrice: new Float64Array(M),
      iterations: 0,
    };
  }
  commodities.forEach((c, k) => {
    // The LP returns flows within its feasibility tolerance: clamp tiny negatives to zero.
    const flow = Float64Array.from(result.flows[k]!, (x) => Math.max(0, x));
    for (let e = 0; e < M; e++) arcFlow[e]! += flow[e]!;
    const missing = result.unmet[k]!;
    if (missing > 0) unmet.set(c.entry.flow.id, (unmet.get(c.entry.flow.id) ?? 0) + missing);
    for (const path of decomposePaths(compiled.csr, flow, c.entry.origin, c.entry.destination)) {
      paths.push({
        flowId: c.entry.flow.id,
        segmentId: c.cls.segment.id,
        volume: path.volume,
        arcs: path.arcs,
      });
    }
  });
  return {
    status: 'optimal',
    stopReason: `optimal after ${result.iterations} simplex iterations (objective ${result.objective.toExponential(6)} USD/yr)`,
    arcFlow,
    arcTimeDays: Float64Array.from(compiled.timeDays),
    paths,
    unmet,
    shadowPrice: result.shadowPrice,
    iterations: result.iterations,
  };
}
