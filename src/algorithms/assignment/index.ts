/**
 * Traffic assignment
 * ==================
 *
 * Route choice under congestion: user equilibrium (Wardrop), system optimum and logit stochastic
 * user equilibrium on typed arrays, validated against the TNTP best-known equilibria. Build a problem
 * with {@link createAssignmentProblem} (or {@link tntpAssignmentProblem}), solve it with one of the
 * algorithms, or assign a corridor network directly with {@link assignNetwork}.
 */

export { type AllOrNothingOptions, allOrNothing } from './allOrNothing.js';
export type { AssignmentObjective } from './arcCosts.js';
export {
  type AssignNetworkOptions,
  type AssignNetworkResult,
  assignNetwork,
  type FlowPaths,
  type NetworkAssignmentAlgorithm,
  type OverCapacity,
  type RoutePath,
  type UnassignedFlow,
} from './assignNetwork.js';
export { type FrankWolfeOptions, frankWolfe, type MsaOptions, msa } from './frankWolfe.js';
export { type TntpProblemOptions, tntpAssignmentProblem } from './fromTntp.js';
export {
  type GradientProjectionOptions,
  gradientProjection,
  type PathWarmStart,
} from './gradientProjection.js';
export { type LogitAssignmentOptions, logitAssignment } from './logit.js';
export { listPaths, type PathFlow, type PathSet } from './pathSet.js';
export {
  type AssignmentClass,
  type AssignmentClassInput,
  type AssignmentProblem,
  type AssignmentProblemInput,
  createAssignmentProblem,
  type UnreachableDemand,
} from './problem.js';
export type { AssignmentAlgorithm, AssignmentResult, AssignmentStatus, IterationOptions } from './result.js';
export { ASSIGNMENT_ALGORITHMS, type SolveAssignmentOptions, solveAssignment } from './solveAssignment.js';
export {
  type DavidsonVdf,
  DEFAULT_DAVIDSON_MU,
  type VolumeDelayFunction,
  volumeDelayDerivative,
  volumeDelayIntegral,
  volumeDelayTime,
} from './vdf.js';
export type { FlowWarmStart } from './warmStart.js';
