/**
 * corridor-sim — public API
 *
 * Explicit named exports only; everything not listed here is internal.
 */

export { parseDemand, safeParseDemand, serializeDemand } from './data/demand-format.js';
export type { SafeParseResult } from './data/issues.js';
export { parseNetwork, safeParseNetwork, serializeNetwork } from './data/network-format.js';
export type { DemandDocument, NetworkDocument } from './data/schema.js';
export type { Corridor } from './model/corridor.js';
export { pathMatchesCorridor } from './model/corridor.js';
export type { Demand, DemandFlow, ShipperSegment } from './model/demand.js';
export { DEFAULT_SEGMENT, DEMAND_FORMAT_VERSION, demandForYear, flowSegments } from './model/demand.js';
export type { CorridorSimErrorCode, IssueCode, JsonPath, ValidationIssue } from './model/errors.js';
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
  listLinks,
  listNodes,
  MODES,
  NETWORK_FORMAT_VERSION,
  NODE_KINDS,
  rebuildNetwork,
} from './model/network.js';
export type { UnitFactors } from './model/units.js';
export { convertQuantity, DEFAULT_UNIT_FACTORS, toTeuPerYear, toTonnesPerYear } from './model/units.js';
