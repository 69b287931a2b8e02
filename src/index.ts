/**
 * corridor-sim — public API
 *
 * Explicit named exports only; everything not listed here is internal.
 */

export type {
  AllOrNothingOptions,
  AssignmentAlgorithm,
  AssignmentClass,
  AssignmentClassInput,
  AssignmentObjective,
  AssignmentProblem,
  AssignmentProblemInput,
  AssignmentResult,
  AssignmentStatus,
  AssignNetworkOptions,
  AssignNetworkResult,
  DavidsonVdf,
  FlowPaths,
  FlowWarmStart,
  FrankWolfeOptions,
  GradientProjectionOptions,
  IterationOptions,
  LogitAssignmentOptions,
  MsaOptions,
  NetworkAssignmentAlgorithm,
  OverCapacity,
  PathFlow,
  PathSet,
  PathWarmStart,
  RoutePath,
  SolveAssignmentOptions,
  TntpProblemOptions,
  UnassignedFlow,
  UnreachableDemand,
  VolumeDelayFunction,
} from './algorithms/assignment/index.js';
export {
  ASSIGNMENT_ALGORITHMS,
  allOrNothing,
  assignNetwork,
  createAssignmentProblem,
  DEFAULT_DAVIDSON_MU,
  frankWolfe,
  gradientProjection,
  listPaths,
  logitAssignment,
  msa,
  solveAssignment,
  tntpAssignmentProblem,
  volumeDelayDerivative,
  volumeDelayIntegral,
  volumeDelayTime,
} from './algorithms/assignment/index.js';
export type {
  CapacitatedGraph,
  Commodity,
  CommodityPair,
  CommoditySupply,
  FlowCut,
  HighsSolver,
  MaxFlowOptimal,
  MaxFlowOptions,
  MaxFlowResult,
  MaxFlowUnbounded,
  MinCostFlowAlgorithm,
  MinCostFlowInfeasible,
  MinCostFlowOptimal,
  MinCostFlowOptions,
  MinCostFlowProblem,
  MinCostFlowResult,
  MinCostFlowUnbounded,
  MultiCommodityFlowOptions,
  MultiCommodityInfeasible,
  MultiCommodityOptimal,
  MultiCommodityProblem,
  MultiCommodityResult,
  MultiCommodityStopped,
  MultiCommodityUnbounded,
  NetworkMaxFlowOptimal,
  NetworkMaxFlowOptions,
  NetworkMaxFlowResult,
  NetworkMaxFlowUnbounded,
} from './algorithms/flow/index.js';
export {
  AUTO_COST_SCALING_NODES,
  loadHighsSolver,
  maxFlow,
  minCostFlow,
  multiCommodityFlow,
  networkMaxFlow,
  solveMultiCommodityFlow,
  verifyMaxFlow,
  verifyMinCostFlow,
} from './algorithms/flow/index.js';
export type {
  KShortestPathsOptions,
  KShortestPathsResult,
  LinkWeight,
  NumericLinkAttribute,
  Path,
  PathResult,
  RoutingIndex,
  RoutingIndexOptions,
  RoutingOptions,
  ShortestPathOptions,
  SkimOnIndexOptions,
  SkimOptions,
  SkimSelection,
  Skims,
} from './algorithms/routing/index.js';
export {
  computeSkims,
  computeSkimsOnIndex,
  createRoutingIndex,
  evaluatePath,
  generalizedCostWeight,
  kShortestPaths,
  kShortestPathsOnIndex,
  ROUTING_DEFAULTS,
  shortestPath,
  shortestPathOnIndex,
} from './algorithms/routing/index.js';
export type {
  Dataset,
  DatasetInfo,
  DatasetMeta,
  DatasetTarget,
  ProvenanceIssue,
  SourceRecord,
} from './data/datasets.js';
export { auditProvenance, listDatasets, loadDataset } from './data/datasets.js';
export { parseDemand, safeParseDemand, serializeDemand } from './data/demand-format.js';
export type {
  DimacsFlowProblem,
  DimacsMaxFlow,
  DimacsMinCostFlow,
  DimacsWriteOptions,
} from './data/dimacs.js';
export {
  readDimacs,
  readDimacsMaxFlow,
  readDimacsMinCostFlow,
  writeDimacsMaxFlow,
  writeDimacsMinCostFlow,
} from './data/dimacs.js';
export type {
  GeoJsonFeature,
  GeoJsonFeatureCollection,
  GeoJsonGeometry,
  GeoJsonPosition,
  GeoJsonValue,
  ToGeoJsonOptions,
} from './data/geojson.js';
export { toGeoJSON } from './data/geojson.js';
export type { SafeParseResult } from './data/issues.js';
export { parseNetwork, safeParseNetwork, serializeNetwork } from './data/network-format.js';
export type { ScenarioDocument } from './data/scenario-format.js';
export { parseScenario, safeParseScenario, serializeScenario } from './data/scenario-format.js';
export type { ScenarioInfo } from './data/scenarios.js';
export { listScenarios, loadScenario } from './data/scenarios.js';
export type { DemandDocument, NetworkDocument } from './data/schema.js';
export type { TntpFlows, TntpLinks, TntpNetwork, TntpNodes, TntpTrips } from './data/tntp.js';
export { parseTntpFlow, parseTntpNet, parseTntpNode, parseTntpTrips } from './data/tntp.js';
export type { Corridor } from './model/corridor.js';
export { corridorMatcher, pathMatchesCorridor } from './model/corridor.js';
export { decimalYear } from './model/dates.js';
export type { Demand, DemandFlow, ShipperSegment } from './model/demand.js';
export { DEFAULT_SEGMENT, DEMAND_FORMAT_VERSION, demandForYear, flowSegments } from './model/demand.js';
export type {
  AnyCorridorSimError,
  CorridorSimErrorCode,
  IssueCode,
  JsonPath,
  ValidationIssue,
} from './model/errors.js';
export {
  CorridorSimError,
  formatPath,
  InvalidArgumentError,
  isCorridorSimError,
  NotFoundError,
  ParseError,
  UnitError,
  ValidationError,
} from './model/errors.js';
export type { CommodityId, CorridorId, CountryCode, LinkId, NodeId, SegmentId } from './model/ids.js';
export { isCountryCode } from './model/ids.js';
export type {
  CommodityInfo,
  LinkAttributes,
  LinkStatus,
  Mode,
  Network,
  NetworkGraph,
  NetworkInit,
  NetworkMeta,
  NodeAttributes,
  NodeHandling,
  NodeKind,
  Provenance,
  ProvenanceMap,
  VolumeDelay,
} from './model/network.js';
export {
  createNetwork,
  DEFAULT_COMMODITIES,
  DEFAULT_VDF,
  getLink,
  getNode,
  isNetwork,
  listLinks,
  listNodes,
  MODES,
  NETWORK_FORMAT_VERSION,
  NODE_KINDS,
  rebuildNetwork,
  requireNetwork,
} from './model/network.js';
export type {
  AddLinkOp,
  AvoidCountryOp,
  CloseBorderOp,
  CloseCountryOp,
  CloseLinksOp,
  CloseNodesOp,
  DemandGrowthOp,
  DemandLevelOp,
  OperationBase,
  ScaleCapacityOp,
  Scenario,
  ScenarioOp,
  Selector,
  SetCapacityOp,
  SurchargeOp,
} from './model/scenario.js';
export { SCENARIO_FORMAT_VERSION, SCENARIO_OP_KINDS } from './model/scenario.js';
export type { UnitFactors } from './model/units.js';
export { convertQuantity, DEFAULT_UNIT_FACTORS, toTeuPerYear, toTonnesPerYear } from './model/units.js';
export { formatComparison } from './report/comparison.js';
export type { NetworkSummary } from './report/network-summary.js';
export { formatNetworkSummary, summarizeNetwork } from './report/network-summary.js';
export { formatProjection } from './report/projection.js';
export type { FormatResultOptions, ResultSummary, ResultTable } from './report/simulation.js';
export { formatResult, resultToCsv, summarizeResult } from './report/simulation.js';
export type { Cell, TableOptions } from './report/table.js';
export { formatNumber, formatTable } from './report/table.js';
export type {
  AppliedOperation,
  AppliedScenario,
  ApplyScenarioOptions,
  SegmentSurcharge,
} from './scenario/apply.js';
export { applyScenario, composeScenarios } from './scenario/apply.js';
export { corridorLinks, selectLinks } from './scenario/select.js';
export type { Timing } from './scenario/timing.js';
export { activeFraction } from './scenario/timing.js';
export type {
  Aggregates,
  Bottleneck,
  CorridorMarket,
  CorridorResult,
  LinkResult,
  NodeResult,
  OdResult,
  RoutedPath,
} from './simulate/aggregate.js';
export { CHINA_EUROPE, EUROPEAN_COUNTRIES } from './simulate/aggregate.js';
export type { AttributeOptions, Attribution } from './simulate/attribute.js';
export { attribute, headlineMetrics } from './simulate/attribute.js';
export type { Comparison, Delta } from './simulate/compare.js';
export { compare, delta } from './simulate/compare.js';
export type { CriticalityEntry, CriticalityOptions, CriticalityResult } from './simulate/criticality.js';
export { criticality } from './simulate/criticality.js';
export type { CapacityDelay } from './simulate/equilibrium.js';
export type { ProjectOptions } from './simulate/project.js';
export { project } from './simulate/project.js';
export type {
  BindingCut,
  Convergence,
  CrudeSummary,
  SimulationResult,
  SimulationStatus,
  SolverKind,
} from './simulate/result.js';
export type { Rng } from './simulate/rng.js';
export { createRng, deriveRng } from './simulate/rng.js';
export type { SimulateOptions, SimulationInput } from './simulate/simulate.js';
export { isSimulationResult, simulate } from './simulate/simulate.js';
export type { SweepOptions, SweepPoint } from './simulate/sweep.js';
export { sweep } from './simulate/sweep.js';
