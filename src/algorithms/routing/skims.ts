/**
 * Skims: origin × destination matrices
 * ====================================
 *
 * One shortest-path tree per origin on the routing index (typed-array Dijkstra), then the money,
 * time and distance of each tree path accumulated in settle order in O(N) per tree. Matrices are
 * row-major Float64Arrays: entry `[i * destinations.length + j]` is origin i to destination j.
 *
 * With `avoidCountries`, the origin's and destination's countries are exempt, so destinations in an
 * avoided country get their own tree (one extra tree per such country and origin).
 */

import { InvalidArgumentError } from '../../model/errors.js';
import type { NodeId } from '../../model/ids.js';
import type { Network } from '../../model/network.js';
import { requireNetwork } from '../../model/network.js';
import { shortestPathTree } from '../_internal/dijkstra.js';
import type { RoutingOptions } from './options.js';
import {
  createRoutingIndex,
  destinationVertex,
  exemptionKey,
  type IndexState,
  indexState,
  nodeIndexOf,
  originVertex,
  type RoutingIndex,
  weightsFor,
} from './routingIndex.js';

const MODULE = 'corridor-sim/routing';

/** Which origins and destinations to skim. */
export interface SkimSelection {
  /**
   * Origin node ids (rows).
   * @defaultValue every node, in network order
   */
  readonly origins?: readonly NodeId[];
  /**
   * Destination node ids (columns).
   * @defaultValue every node, in network order
   */
  readonly destinations?: readonly NodeId[];
}

/** Options of {@link computeSkims}. */
export interface SkimOptions extends RoutingOptions, SkimSelection {}

/** Options of {@link computeSkimsOnIndex}. */
export interface SkimOnIndexOptions extends SkimSelection {}

/**
 * Origin × destination matrices along least-weight paths. Row-major: `[i * destinations.length + j]`.
 * Unreachable pairs hold `Infinity` in every matrix; a node to itself holds 0.
 */
export interface Skims {
  /** Row ids. */
  readonly origins: readonly NodeId[];
  /** Column ids. */
  readonly destinations: readonly NodeId[];
  /** Minimized weight (= generalizedCostUsd without a custom weight). */
  readonly weight: Float64Array;
  /** Generalized cost, USD per unit. */
  readonly generalizedCostUsd: Float64Array;
  /** Money cost, USD per unit. */
  readonly costUsd: Float64Array;
  /** Time including dwell, days. */
  readonly transitDays: Float64Array;
  /** Distance, km. */
  readonly distanceKm: Float64Array;
}

function selection(state: IndexState, ids: readonly NodeId[] | undefined, name: string): number[] {
  if (ids === undefined) return state.compiled.nodeIds.map((_, i) => i);
  if (!Array.isArray(ids))
    throw new InvalidArgumentError(MODULE, `options.${name}`, 'must be an array of node ids');
  return ids.map((id) => nodeIndexOf(state, id));
}

/**
 * Skim matrices on a {@link RoutingIndex}: for each origin one shortest-path tree, and for each
 * destination the weight, generalized cost, money, time and distance of the tree path.
 *
 * @param index - from `createRoutingIndex`
 * @param options - origins and destinations (default: all nodes)
 * @returns the matrices with their row and column ids
 * @throws NotFoundError on an unknown node; InvalidArgumentError on a bad selection or index
 * @example
 * const index = createRoutingIndex(net, { valueOfTimeUsdPerUnitDay: 30 });
 * const s = computeSkimsOnIndex(index, { origins: ['xian'], destinations: ['duisburg', 'constanta'] });
 * s.transitDays[1]; // days Xi'an → Constanța
 * @remarks Complexity O(|origins| · (N + L) log N) plus O(|origins| · |destinations|); typically one
 * tree per origin. Reference: Dijkstra (1959); skims as in Ortúzar & Willumsen (2011), ch. 5.
 */
export function computeSkimsOnIndex(index: RoutingIndex, options: SkimOnIndexOptions = {}): Skims {
  const state = indexState(index);
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(MODULE, 'options', `must be an object, got ${String(options)}`);
  }
  const rows = selection(state, options.origins, 'origins');
  const cols = selection(state, options.destinations, 'destinations');
  const { csr, nodeIds } = state.compiled;
  const V = csr.nodeCount;
  const R = rows.length;
  const C = cols.length;
  const weight = new Float64Array(R * C);
  const generalized = new Float64Array(R * C);
  const cost = new Float64Array(R * C);
  const time = new Float64Array(R * C);
  const distance = new Float64Array(R * C);
  const accGeneralized = new Float64Array(V);
  const accCost = new Float64Array(V);
  const accTime = new Float64Array(V);
  const accDistance = new Float64Array(V);
  const colVertex = cols.map((n) => destinationVertex(state, n));

  rows.forEach((o, i) => {
    // Group destination columns by exemption key: one tree per group (usually a single group).
    const groups = new Map<string, number[]>();
    cols.forEach((dn, j) => {
      const key = exemptionKey(state, o, dn);
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [j]);
      else list.push(j);
    });
    const source = originVertex(state, o);
    for (const [key, js] of groups) {
      const tree = shortestPathTree(csr, weightsFor(state, key), source, state.workspace, {
        weightOrder: 'out',
      });
      const { order, predecessorArc, distance: dist } = tree;
      accGeneralized[source] = 0;
      accCost[source] = 0;
      accTime[source] = 0;
      accDistance[source] = 0;
      // Settle order is a topological order of the tree: parents before children.
      for (let s = 1; s < tree.settledCount; s++) {
        const v = order[s]!;
        if (dist[v] === Number.POSITIVE_INFINITY) continue;
        const e = predecessorArc[v]!;
        const u = csr.tail[e]!;
        accGeneralized[v] = accGeneralized[u]! + state.generalized[e]!;
        accCost[v] = accCost[u]! + state.costUsd[e]!;
        accTime[v] = accTime[u]! + state.transitDays[e]!;
        accDistance[v] = accDistance[u]! + state.distanceKm[e]!;
      }
      for (const j of js) {
        const v = colVertex[j]!;
        const at = i * C + j;
        const w = dist[v]!;
        if (w === Number.POSITIVE_INFINITY) {
          weight[at] = generalized[at] = cost[at] = time[at] = distance[at] = Number.POSITIVE_INFINITY;
        } else {
          weight[at] = w;
          generalized[at] = accGeneralized[v]!;
          cost[at] = accCost[v]!;
          time[at] = accTime[v]!;
          distance[at] = accDistance[v]!;
        }
      }
    }
  });

  return {
    origins: rows.map((n) => nodeIds[n]!),
    destinations: cols.map((n) => nodeIds[n]!),
    weight,
    generalizedCostUsd: generalized,
    costUsd: cost,
    transitDays: time,
    distanceKm: distance,
  };
}

/**
 * Skim matrices (generalized cost, money, time, distance) between origins and destinations along
 * least-cost paths, with one typed-array shortest-path tree per origin.
 *
 * @param network - the network
 * @param options - routing options plus `origins` / `destinations` (default: all nodes)
 * @returns the matrices with their row and column ids (row-major; Infinity when unreachable)
 * @throws NotFoundError on unknown nodes, commodity or avoided link; InvalidArgumentError on bad options
 * @example
 * const s = computeSkims(net, { valueOfTimeUsdPerUnitDay: 30, origins: ['xian'] });
 * s.generalizedCostUsd[s.destinations.indexOf('duisburg')];
 * @remarks Complexity O(N + L) to index, then as {@link computeSkimsOnIndex}.
 */
export function computeSkims(network: Network, options: SkimOptions = {}): Skims {
  requireNetwork(network, 'corridor-sim/routing', 'network');
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(MODULE, 'options', `must be an object, got ${String(options)}`);
  }
  const { origins, destinations, ...routing } = options;
  const selected: SkimOnIndexOptions = {
    ...(origins === undefined ? {} : { origins }),
    ...(destinations === undefined ? {} : { destinations }),
  };
  return computeSkimsOnIndex(createRoutingIndex(network, routing), selected);
}
