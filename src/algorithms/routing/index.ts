/**
 * Routing: shortest paths on the generalized cost, k shortest loopless paths, skims.
 *
 * Public exports of src/algorithms/routing (re-exported by src/index.ts).
 */

export type { KShortestPathsOptions, KShortestPathsResult } from './kShortestPaths.js';
export { kShortestPaths, kShortestPathsOnIndex } from './kShortestPaths.js';
export type { LinkWeight, NumericLinkAttribute, RoutingOptions } from './options.js';
export { DEFAULTS as ROUTING_DEFAULTS } from './options.js';
export type { Path, PathResult } from './path.js';
export { evaluatePath } from './path.js';
export type { RoutingIndex, RoutingIndexOptions } from './routingIndex.js';
export { createRoutingIndex } from './routingIndex.js';
export type { ShortestPathOptions } from './shortestPath.js';
export { generalizedCostWeight, shortestPath } from './shortestPath.js';
export { shortestPathOnIndex } from './shortestPathOnIndex.js';
export type { SkimOnIndexOptions, SkimOptions, SkimSelection, Skims } from './skims.js';
export { computeSkims, computeSkimsOnIndex } from './skims.js';
