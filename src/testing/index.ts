/**
 * corridor-sim/testing — property-based scenario testing kit
 *
 * fast-check arbitraries for networks, demand, scenarios and perturbed datasets; invariant checkers
 * for simulation results; ready-made metamorphic laws. fast-check is an optional peer dependency:
 * install it to use this entry point. Explicit named exports only.
 */

export { describeNetwork } from './arbitraries/_internal/describe.js';
// Arbitraries
export type {
  DatasetConstraints,
  DatasetPerturbations,
  FlowPerturbation,
  LinkPerturbation,
  NodePerturbation,
  PerturbedDataset,
} from './arbitraries/dataset.js';
export { arbDataset, perturbDataset } from './arbitraries/dataset.js';
export type { DemandConstraints } from './arbitraries/demand.js';
export { arbDemand, arbDemandDocument } from './arbitraries/demand.js';
export type { SimulationInputConstraints } from './arbitraries/input.js';
export { arbSimulationInput } from './arbitraries/input.js';
export type { NetworkConstraints } from './arbitraries/network.js';
export { arbNetwork, arbNetworkDocument } from './arbitraries/network.js';
export type { ScenarioConstraints, ScenarioOpConstraints } from './arbitraries/scenario.js';
export { arbScenario, arbScenarioOp } from './arbitraries/scenario.js';
// Utilities
export type { Difference, DiffOptions } from './diffResults.js';
export { diffResults } from './diffResults.js';
// Invariant checkers
export type { CapacityMode, CapacityOptions } from './invariants/capacity.js';
export { assertCapacities, capacityModeOf, checkCapacities } from './invariants/capacity.js';
export type { CheckResultOptions } from './invariants/checkResult.js';
export { assertResult, checkResult } from './invariants/checkResult.js';
export type { CompiledArc, LinkArc, NodeArc } from './invariants/compiledArcs.js';
export { compiledArcs } from './invariants/compiledArcs.js';
export type { ConservationOptions } from './invariants/conservation.js';
export { assertConservation, checkConservation } from './invariants/conservation.js';
export type { EquilibriumOptions } from './invariants/equilibrium.js';
export { assertEquilibrium, checkEquilibrium } from './invariants/equilibrium.js';
export type { NonNegativeOptions } from './invariants/nonNegative.js';
export { assertNonNegative, checkNonNegative } from './invariants/nonNegative.js';
export type { OdBalanceOptions } from './invariants/odBalance.js';
export { assertOdBalance, checkOdBalance } from './invariants/odBalance.js';
export type { PathsOptions } from './invariants/paths.js';
export { assertPaths, checkPaths } from './invariants/paths.js';
export type { SharesOptions } from './invariants/shares.js';
export { assertShares, checkShares } from './invariants/shares.js';
export type {
  CheckableResult,
  CheckedCorridor,
  CheckedLink,
  CheckedNode,
  CheckedOd,
  CheckedPath,
  InvariantName,
  ToleranceOptions,
  Violation,
} from './invariants/types.js';
export { InvariantError } from './invariants/types.js';
// Metamorphic laws
export type { LawCase, LawInput, LawTolerance, Runner, SeededRunner } from './laws/_internal.js';
export type { AddingCapacityLawOptions } from './laws/addingCapacity.js';
export type { ApplyPurityLawOptions } from './laws/applyPurity.js';
export type { ClosingLawOptions } from './laws/closing.js';
export type { EmptyScenarioLawOptions } from './laws/emptyScenario.js';
export { laws } from './laws/index.js';
export type { SameSeedLawOptions } from './laws/sameSeed.js';
export type { ScalingLawOptions } from './laws/scaling.js';
export { scaleInput } from './scaleInput.js';
export type { SimulationInput } from './types.js';
