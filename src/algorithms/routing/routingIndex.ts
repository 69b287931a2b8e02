/**
 * Routing index: the network compiled for repeated queries
 * ========================================================
 *
 * `createRoutingIndex` compiles a network once (via the shared compiler in `_internal/compile.ts`, which
 * splits nodes with a handling capacity into entry and exit vertices) and precomputes, per arc, the
 * money, time, distance and routing weight of the generalized-cost definition in `options.ts`. The
 * arrival node's dwell and handling are folded into each link's figures, so the node arcs of split
 * nodes weigh 0 here: every engine then sums the same per-link numbers.
 *
 * Country avoidance depends on the origin and destination (their countries are exempt), so the index
 * keeps, for each arc, the avoided countries it touches and builds one weight array per exemption set
 * on demand (usually one or two per index), in forward-star order for the fast Dijkstra.
 *
 * An index owns reusable buffers: it is not re-entrant (do not call routing functions on an index from
 * inside a custom weight function of the same index).
 */

import { InvalidArgumentError, NotFoundError } from '../../model/errors.js';
import type { CountryCode, NodeId } from '../../model/ids.js';
import type { Network } from '../../model/network.js';
import { requireNetwork } from '../../model/network.js';
import { type CompiledNetwork, compileNetwork } from '../_internal/compile.js';
import { toOutOrder } from '../_internal/csr.js';
import { createDijkstraWorkspace, type DijkstraWorkspace } from '../_internal/dijkstra.js';
import {
  arrivalMetrics,
  customWeight,
  generalizedCost,
  linkAllowed,
  type ResolvedRoutingOptions,
  type RoutingOptions,
  resolveRoutingOptions,
} from './options.js';

const MODULE = 'corridor-sim/routing';

/** A network compiled for fast routing under fixed options. Opaque; build with {@link createRoutingIndex}. */
export interface RoutingIndex {
  /** The network it was built from. */
  readonly network: Network;
  /** The commodity routed. */
  readonly commodity: string;
  /** The value of time used, USD per unit per day. */
  readonly valueOfTimeUsdPerUnitDay: number;
  /** Number of nodes of the network. */
  readonly nodeCount: number;
}

/** Options of {@link createRoutingIndex}. */
export interface RoutingIndexOptions extends RoutingOptions {}

/** Internal state of an index. */
export interface IndexState {
  readonly options: ResolvedRoutingOptions;
  readonly compiled: CompiledNetwork;
  /** Commodity index in the compiled network. */
  readonly commodity: number;
  /** Per arc (links then node arcs): routing weight before country avoidance (Infinity = closed). */
  readonly baseWeight: Float64Array;
  /** Per arc: generalized cost, money, time, distance contributions (0 for node arcs). */
  readonly generalized: Float64Array;
  readonly costUsd: Float64Array;
  readonly transitDays: Float64Array;
  readonly distanceKm: Float64Array;
  /** Avoided countries (indices into options.avoidCountries) touched by arc e: list[start[e]..start[e+1]). */
  readonly avoidStart: Int32Array;
  readonly avoidList: Int32Array;
  /** Forward-star position of each arc. */
  readonly outPosition: Int32Array;
  /** Weight arrays in forward-star order by exemption key. */
  readonly weights: Map<string, Float64Array>;
  /** Shared Dijkstra buffers. */
  readonly workspace: DijkstraWorkspace;
}

const STATES = new WeakMap<RoutingIndex, IndexState>();

/**
 * Compile a network for fast repeated routing (typed-array Dijkstra, k-shortest paths, skims).
 *
 * @param network - the network
 * @param options - commodity, value of time, year, avoided countries and links, custom weight
 * @returns an opaque index; pass it to `shortestPathOnIndex`, `kShortestPathsOnIndex`, `computeSkimsOnIndex`
 * @throws NotFoundError on an unknown commodity or avoided link; InvalidArgumentError on bad options or a
 *   custom weight giving a negative or NaN value
 * @example
 * const index = createRoutingIndex(net, { valueOfTimeUsdPerUnitDay: 30 });
 * const r = shortestPathOnIndex(index, 'xian', 'duisburg');
 * @remarks Complexity O(N + L · |link countries|) time and memory. Uses the CSR compiler of
 * `_internal/compile.ts`.
 */
export function createRoutingIndex(network: Network, options: RoutingIndexOptions = {}): RoutingIndex {
  requireNetwork(network, 'corridor-sim/routing', 'network');
  const resolved = resolveRoutingOptions(network, options);
  const compiled = compileNetwork(network, resolved.year === undefined ? {} : { year: resolved.year });
  const commodity = compiled.commodityIds.indexOf(resolved.commodity);
  const graph = network.graph;
  const M = compiled.csr.arcCount;
  const L = compiled.linkCount;
  const baseWeight = new Float64Array(M);
  const generalized = new Float64Array(M);
  const costUsd = new Float64Array(M);
  const transitDays = new Float64Array(M);
  const distanceKm = new Float64Array(M);
  const avoidIndex = new Map<CountryCode, number>(resolved.avoidCountries.map((c, i) => [c, i]));
  const avoidStart = new Int32Array(M + 1);
  const avoidList: number[] = [];
  const vot = resolved.valueOfTimeUsdPerUnitDay;

  for (let e = 0; e < M; e++) {
    avoidStart[e] = avoidList.length;
    if (e >= L) {
      // Node arc of a split node: its dwell and handling are already in the arriving link's figures.
      baseWeight[e] = compiled.arcCommodity[e] === commodity ? 0 : Number.POSITIVE_INFINITY;
      continue;
    }
    const id = compiled.linkIds[e]!;
    const link = graph.getEdgeAttributes(id);
    const head = graph.getNodeAttributes(link.to);
    if (!linkAllowed(link, resolved)) {
      baseWeight[e] = Number.POSITIVE_INFINITY;
      continue;
    }
    const m = arrivalMetrics(link, head, resolved.commodity);
    const g = generalizedCost(m, vot);
    generalized[e] = g;
    costUsd[e] = m.costUsd;
    transitDays[e] = m.transitDays;
    distanceKm[e] = m.distanceKm;
    baseWeight[e] = resolved.weight === undefined ? g : customWeight(resolved.weight, id, link);
    if (avoidIndex.size > 0) {
      const touched = new Set<number>();
      const add = (c: CountryCode): void => {
        const k = avoidIndex.get(c);
        if (k !== undefined) touched.add(k);
      };
      add(graph.getNodeAttributes(link.from).country);
      add(head.country);
      for (const c of link.countries) add(c);
      for (const k of touched) avoidList.push(k);
    }
  }
  avoidStart[M] = avoidList.length;

  const outPosition = new Int32Array(M);
  const outArcs = compiled.csr.outArcs;
  for (let p = 0; p < M; p++) outPosition[outArcs[p]!] = p;

  const index: RoutingIndex = Object.freeze({
    network,
    commodity: resolved.commodity,
    valueOfTimeUsdPerUnitDay: vot,
    nodeCount: compiled.nodeIds.length,
  });
  STATES.set(index, {
    options: resolved,
    compiled,
    commodity,
    baseWeight,
    generalized,
    costUsd,
    transitDays,
    distanceKm,
    avoidStart,
    avoidList: Int32Array.from(avoidList),
    outPosition,
    weights: new Map(),
    workspace: createDijkstraWorkspace(compiled.csr.nodeCount),
  });
  return index;
}

/**
 * The internal state of an index.
 *
 * @param index - an index from {@link createRoutingIndex}
 * @returns its state
 * @throws InvalidArgumentError when the object is not an index
 * @internal
 */
export function indexState(index: RoutingIndex): IndexState {
  const state = typeof index === 'object' && index !== null ? STATES.get(index) : undefined;
  if (state === undefined) {
    throw new InvalidArgumentError(MODULE, 'index', 'is not a RoutingIndex made by createRoutingIndex');
  }
  return state;
}

/**
 * The node index of a node id, or a NotFoundError.
 *
 * @param state - index state
 * @param id - node id
 * @returns the node's index in the compiled network
 * @internal
 */
export function nodeIndexOf(state: IndexState, id: NodeId): number {
  const n = typeof id === 'string' ? state.compiled.nodeIndex.get(id) : undefined;
  if (n === undefined) throw new NotFoundError(MODULE, 'node', String(id));
  return n;
}

/**
 * The exemption key of an origin–destination pair: which avoided countries are exempt.
 *
 * @param state - index state
 * @param origin - origin node index
 * @param destination - destination node index
 * @returns a string key ('' when nothing is exempt or nothing is avoided)
 * @internal
 */
export function exemptionKey(state: IndexState, origin: number, destination: number): string {
  const avoid = state.options.avoidCountries;
  if (avoid.length === 0) return '';
  const graph = state.compiled.network.graph;
  const ids = state.compiled.nodeIds;
  const a = avoid.indexOf(graph.getNodeAttributes(ids[origin]!).country);
  const b = avoid.indexOf(graph.getNodeAttributes(ids[destination]!).country);
  const keys = [a, b].filter((k) => k >= 0).sort((x, y) => x - y);
  return [...new Set(keys)].join(',');
}

/**
 * The routing weights (forward-star order) for an exemption key, cached on the index.
 *
 * @param state - index state
 * @param key - from {@link exemptionKey}
 * @returns weights with arcs touching non-exempt avoided countries set to Infinity
 * @internal
 */
export function weightsFor(state: IndexState, key: string): Float64Array {
  const cached = state.weights.get(key);
  if (cached !== undefined) return cached;
  const { baseWeight, avoidStart, avoidList, compiled } = state;
  const M = baseWeight.length;
  const exempt = new Set(key === '' ? [] : key.split(',').map(Number));
  let weight: Float64Array = baseWeight;
  if (avoidList.length > 0) {
    weight = Float64Array.from(baseWeight);
    for (let e = 0; e < M; e++) {
      for (let q = avoidStart[e]!; q < avoidStart[e + 1]!; q++) {
        if (!exempt.has(avoidList[q]!)) {
          weight[e] = Number.POSITIVE_INFINITY;
          break;
        }
      }
    }
  }
  const out = toOutOrder(compiled.csr, weight);
  state.weights.set(key, out);
  return out;
}

/**
 * The vertex where the commodity's paths leave node `n` (its origin vertex).
 *
 * @param state - index state
 * @param n - node index
 * @returns vertex id
 * @internal
 */
export function originVertex(state: IndexState, n: number): number {
  return state.compiled.exitVertex[state.commodity * state.compiled.nodeIds.length + n]!;
}

/**
 * The vertex where the commodity's paths to node `n` end: its exit vertex, so that the handling of a
 * split destination is on the path (its node arc weighs 0, the cost sits on the arriving link).
 *
 * @param state - index state
 * @param n - node index
 * @returns vertex id
 * @internal
 */
export function destinationVertex(state: IndexState, n: number): number {
  return originVertex(state, n);
}

/**
 * Link ids of a vertex path given as arc ids (node arcs dropped).
 *
 * @param state - index state
 * @param arcs - arc ids in order
 * @returns link ids in order
 * @internal
 */
export function linkIdsOfArcs(state: IndexState, arcs: readonly number[]): string[] {
  const L = state.compiled.linkCount;
  const ids = state.compiled.linkIds;
  const out: string[] = [];
  for (const e of arcs) if (e < L) out.push(ids[e]!);
  return out;
}
