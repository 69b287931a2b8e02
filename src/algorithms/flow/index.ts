/**
 * Flow solvers — public exports
 * =============================
 *
 * Max-flow with the minimum cut (push-relabel), min-cost flow (network simplex, cost scaling), the
 * throughput of a corridor network with its binding links and nodes, multi-commodity min-cost flow as
 * an LP (HiGHS), and independent certificate checks. See docs/flow.md.
 */

export type { HighsSolver } from './highsSolver.js';
export { loadHighsSolver } from './highsSolver.js';
export type {
  CapacitatedGraph,
  MaxFlowOptimal,
  MaxFlowOptions,
  MaxFlowResult,
  MaxFlowUnbounded,
} from './maxFlow.js';
export { maxFlow } from './maxFlow.js';
export type {
  FlowCut,
  MinCostFlowAlgorithm,
  MinCostFlowInfeasible,
  MinCostFlowOptimal,
  MinCostFlowOptions,
  MinCostFlowProblem,
  MinCostFlowResult,
  MinCostFlowUnbounded,
} from './minCostFlow.js';
export { AUTO_COST_SCALING_NODES, minCostFlow } from './minCostFlow.js';
export type {
  Commodity,
  CommodityPair,
  CommoditySupply,
  MultiCommodityFlowOptions,
  MultiCommodityInfeasible,
  MultiCommodityOptimal,
  MultiCommodityProblem,
  MultiCommodityResult,
  MultiCommodityStopped,
  MultiCommodityUnbounded,
} from './multiCommodityFlow.js';
export { multiCommodityFlow, solveMultiCommodityFlow } from './multiCommodityFlow.js';
export type {
  NetworkMaxFlowOptimal,
  NetworkMaxFlowOptions,
  NetworkMaxFlowResult,
  NetworkMaxFlowUnbounded,
} from './networkMaxFlow.js';
export { networkMaxFlow } from './networkMaxFlow.js';
export { verifyMaxFlow, verifyMinCostFlow } from './verify.js';
