/**
 * Route classification on typed arrays
 * ====================================
 *
 * What `aggregate` needs to know of a routed path depends only on its arcs (and origin and
 * commodity): the corridor it belongs to, whether it is overland, the countries it touches, its time
 * and money cost. A route table computes that once per distinct route, on node and arc indices (the
 * corridors' waypoints and member links as index arrays, see {@link corridorIndex}), and keeps it in
 * typed arrays indexed by route: routes are found by a hash of their origin and arcs in an
 * open-addressing table, and bit masks leave only the corridors a route could belong to to be checked
 * waypoint by waypoint. Corridor membership follows {@link pathMatchesCorridor} exactly (first
 * corridor of the commodity in network order whose waypoints the path visits in order and, when the
 * corridor lists links, that uses one of them); the tests compare the two on every routed path.
 *
 * Internal: no public API.
 */

import type { CompiledNetwork } from '../algorithms/_internal/compile.js';
import type { Corridor } from '../model/corridor.js';
import { MODES } from '../model/network.js';
import { corridorIndex, type IndexedCorridor } from './corridor-index.js';
import { type CountryIndex, countryIndex } from './countries.js';

const SEA = MODES.indexOf('sea');

/** What a route contributes to the figures. */
export interface ClassifiedRoute {
  /** The corridor it belongs to, or undefined for `other`. */
  readonly corridor: Corridor | undefined;
  /** Overland: its corridor is marked overland, or it matches none and uses no sea link. */
  readonly overland: boolean;
  /** Indices (into the classifier's `countries`) of the countries it touches, each once. */
  readonly countries: Int32Array;
  /** Σ arc time, days. */
  readonly time: number;
  /** Σ arc money cost, USD per unit. */
  readonly cost: number;
}

/** Classifies routes of one compiled network at given arc times. */
export interface RouteClassifier {
  /** Country codes; `ClassifiedRoute.countries` index into this. */
  readonly countries: readonly string[];
  /**
   * Classify a route.
   *
   * @param arcs - arc indices, origin first
   * @param origin - origin node index
   * @param commodity - commodity id of the flow
   */
  classify(arcs: readonly number[], origin: number, commodity: string): ClassifiedRoute;
}

/**
 * Field of a route's record in {@link RouteTable.routes} (`routes[r * ROUTE_FIELDS + field]`): its
 * corridor, as an index into `compiled.network.corridors`, −1 for `other`.
 */
export const ROUTE_CORRIDOR = 0;
/** 1 when the route is overland (see {@link ClassifiedRoute.overland}), else 0. */
export const ROUTE_OVERLAND = 1;
/** Start of the route's countries in {@link RouteTable.countryList}. */
export const ROUTE_COUNTRY_FROM = 2;
/** End (exclusive) of the route's countries in {@link RouteTable.countryList}. */
export const ROUTE_COUNTRY_TO = 3;
// the key of the route: hash of origin and arcs, origin, commodity
const ROUTE_HASH = 4;
const ROUTE_ORIGIN = 5;
const ROUTE_COMMODITY = 6;
const ROUTE_LENGTH = 7;
/** Int32 fields per route in {@link RouteTable.routes} (records of 32 bytes). */
export const ROUTE_FIELDS = 8;

/**
 * The distinct routes met so far, classified, indexed by route number (`0..size-1`, in the order
 * {@link RouteTable.find} first met them): one int32 record per route in `routes`, its time and cost in
 * `sums`, its countries in `countryList`. Records, not one array per field: a table lives as long as
 * one aggregation, and each typed array is a separate allocation. The arrays are replaced when the
 * table grows: read them after `find`, not before.
 */
export interface RouteTable {
  /** Country codes; `countryList` holds indices into this. */
  readonly countries: readonly string[];
  /** Number of routes. */
  readonly size: number;
  /**
   * Route records, {@link ROUTE_FIELDS} int32 each: at `ROUTE_CORRIDOR` the corridor (index into
   * `compiled.network.corridors`, −1 for `other`), at `ROUTE_OVERLAND` 1 when overland, at
   * `ROUTE_COUNTRY_FROM` and `ROUTE_COUNTRY_TO` the route's range of `countryList`.
   */
  readonly routes: Int32Array;
  /** Σ arc time (days) of route r at `2r`, Σ arc money cost (USD per unit) at `2r + 1`. */
  readonly sums: Float64Array;
  /** Country indices of all routes (each country once per route, in path order), route after route. */
  readonly countryList: Int32Array;
  /**
   * The number of a route, classifying it when it is new.
   *
   * @param arcs - arc indices, origin first (kept by reference: not to be changed afterwards)
   * @param origin - origin node index
   * @param commodity - commodity index (into `compiled.commodityIds`; −1 matches no corridor)
   * @returns the route number
   */
  find(arcs: readonly number[], origin: number, commodity: number): number;
  /**
   * {@link RouteTable.find} for the arcs `flat[start .. end)` (a path set's flat arc array, read
   * without cutting the path out of it).
   *
   * @param flat - arcs of many paths, path after path (kept by reference: not to be changed afterwards)
   * @param start - the path's first arc in `flat`
   * @param end - one past its last arc
   * @param origin - origin node index
   * @param commodity - commodity index (−1 matches no corridor)
   * @returns the route number
   */
  findIn(flat: Int32Array, start: number, end: number, origin: number, commodity: number): number;
}

interface MutableRouteTable {
  countries: readonly string[];
  size: number;
  routes: Int32Array;
  sums: Float64Array;
  countryList: Int32Array;
  find(arcs: readonly number[], origin: number, commodity: number): number;
  findIn(flat: Int32Array, start: number, end: number, origin: number, commodity: number): number;
}

const NO_CORRIDORS: readonly IndexedCorridor[] = [];
const NO_BITS = new Int32Array(0);

/**
 * An empty route table for the routes of `compiled` with arc times `arcTimeDays`.
 *
 * @param compiled - the compiled network (its corridors are those of `compiled.network`)
 * @param arcTimeDays - time per arc, days
 * @param expected - number of distinct routes expected (the table grows past it) @defaultValue 64
 * @returns the table
 * @remarks Finding a route costs O(its length); classifying a new one O(length + corridors of its
 *   commodity that could hold it × its node count).
 */
export function createRouteTable(
  compiled: CompiledNetwork,
  arcTimeDays: Float64Array,
  expected = 64,
): RouteTable {
  const { countries, nodeCountry } = countryIndex(compiled);
  const { arrivalNode, touchStart, touches } = linkTouches(compiled);
  const { byCommodity, masks } = corridorIndex(compiled);
  const corridors = compiled.network.corridors;
  const K = countries.length;
  const { linkCount, arcMode, costUsd } = compiled;

  let capacity = Math.max(8, expected | 0);
  let slots = new Int32Array(tableSize(capacity)); // route number + 1; 0 = empty
  let mask = slots.length - 1;
  // the arcs of route r are arcsOf[r][arcsAt[r] .. arcsAt[r] + its length)
  const arcsOf: ArrayLike<number>[] = [];
  const arcsAt: number[] = [];
  const seen = new Int32Array(K);
  let stamp = 0;
  let nodes = new Int32Array(16);
  let used = 0; // entries of countryList in use

  const table: MutableRouteTable = {
    countries,
    size: 0,
    routes: new Int32Array(capacity * ROUTE_FIELDS),
    sums: new Float64Array(capacity * 2),
    countryList: new Int32Array(Math.max(64, 8 * capacity)),
    find: (arcs, origin, commodity) => findIn(arcs, 0, arcs.length, origin, commodity),
    findIn,
  };

  function grow(): void {
    capacity *= 2;
    table.routes = resized(table.routes, capacity * ROUTE_FIELDS);
    table.sums = resized(table.sums, capacity * 2);
    slots = new Int32Array(tableSize(capacity));
    mask = slots.length - 1;
    const routes = table.routes;
    for (let r = 0; r < table.size; r++) {
      let i = routes[r * ROUTE_FIELDS + ROUTE_HASH]! & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = r + 1;
    }
  }

  function findIn(
    arcs: ArrayLike<number>,
    start: number,
    end: number,
    origin: number,
    commodity: number,
  ): number {
    const length = end - start;
    let h = Math.imul(-2128831035 ^ origin, 16777619);
    for (let i = start; i < end; i++) h = Math.imul(h ^ arcs[i]!, 16777619);
    const routes = table.routes;
    let i = h & mask;
    for (let s = slots[i]!; s !== 0; s = slots[i]!) {
      const r = s - 1;
      const at = r * ROUTE_FIELDS;
      if (
        routes[at + ROUTE_HASH] === h &&
        routes[at + ROUTE_ORIGIN] === origin &&
        routes[at + ROUTE_COMMODITY] === commodity &&
        routes[at + ROUTE_LENGTH] === length
      ) {
        const known = arcsOf[r]!;
        const from = arcsAt[r]!;
        if (known === arcs && from === start) return r;
        let k = 0;
        while (k < length && known[from + k] === arcs[start + k]) k++;
        if (k === length) return r;
      }
      i = (i + 1) & mask;
    }
    if (table.size === capacity) {
      grow();
      i = h & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
    }
    const r = table.size++;
    slots[i] = r + 1;
    arcsOf[r] = arcs;
    arcsAt[r] = start;
    const at = r * ROUTE_FIELDS;
    table.routes[at + ROUTE_HASH] = h;
    table.routes[at + ROUTE_ORIGIN] = origin;
    table.routes[at + ROUTE_COMMODITY] = commodity;
    table.routes[at + ROUTE_LENGTH] = length;
    classify(r, arcs, start, end, origin, commodity);
    return r;
  }

  /** Classify route `r` into the table's arrays. */
  function classify(
    r: number,
    arcs: ArrayLike<number>,
    start: number,
    end: number,
    origin: number,
    commodity: number,
  ): void {
    const length = end - start;
    if (nodes.length < length + 1) nodes = new Int32Array(2 * length + 2);
    if (table.countryList.length < used + K) table.countryList = resized(table.countryList, 2 * (used + K));
    // what the loop reads, as locals
    const list = table.countryList;
    const path = nodes;
    const mark = ++stamp;
    const times = arcTimeDays;
    const costs = costUsd;
    const modes = arcMode;
    const arrival = arrivalNode;
    const starts = touchStart;
    const touched = touches;
    const visited = seen;
    const L = linkCount;
    const m = commodity >= 0 ? masks[commodity] : undefined;
    const bits = m === undefined ? NO_BITS : m.bits;
    let linkHits = 0;
    let nodeHits = m === undefined ? 0 : bits[L + origin]!;
    const from = used;
    let to = used;
    let c = nodeCountry[origin]!;
    visited[c] = mark;
    list[to++] = c;
    let count = 1;
    path[0] = origin;
    let time = 0;
    let cost = 0;
    let usesSea = false;
    for (let i = start; i < end; i++) {
      const arc = arcs[i]!;
      time += times[arc]!;
      cost += costs[arc]!;
      if (arc >= L) continue;
      const node = arrival[arc]!;
      if (path[count - 1] !== node) path[count++] = node;
      if (m !== undefined) {
        linkHits |= bits[arc]!;
        nodeHits |= bits[L + node]!;
      }
      for (let j = starts[arc]!, end = starts[arc + 1]!; j < end; j++) {
        c = touched[j]!;
        if (visited[c] !== mark) {
          visited[c] = mark;
          list[to++] = c;
        }
      }
      if (modes[arc] === SEA) usesSea = true;
    }
    used = to;
    const candidates = commodity >= 0 ? (byCommodity[commodity] ?? NO_CORRIDORS) : NO_CORRIDORS;
    let corridor = -1;
    if (m !== undefined) {
      // only the corridors whose member-link and waypoint tests the masks pass, in network order
      let possible = m.matchable & (linkHits | m.linkless) & (nodeHits | m.waypointless);
      for (; possible !== 0; possible &= possible - 1) {
        const candidate = candidates[31 - Math.clz32(possible & -possible)]!;
        if (visitsInOrder(candidate.waypoints, nodes, count)) {
          corridor = candidate.index;
          break;
        }
      }
    } else {
      for (let k = 0; k < candidates.length; k++) {
        const candidate = candidates[k]!;
        if (matches(candidate, nodes, count, arcs, start, end, linkCount)) {
          corridor = candidate.index;
          break;
        }
      }
    }
    const at = r * ROUTE_FIELDS;
    const routes = table.routes;
    routes[at + ROUTE_CORRIDOR] = corridor;
    routes[at + ROUTE_OVERLAND] = (corridor >= 0 ? corridors[corridor]!.overland === true : !usesSea) ? 1 : 0;
    routes[at + ROUTE_COUNTRY_FROM] = from;
    routes[at + ROUTE_COUNTRY_TO] = to;
    table.sums[2 * r] = time;
    table.sums[2 * r + 1] = cost;
  }

  return table;
}

/**
 * Per link: the node it arrives at, and the countries a route touches by taking it (the arrival
 * node's country, then the link's transit countries, in that order, repeats dropped), flat.
 */
interface LinkTouches {
  /** Node index each link arrives at. */
  readonly arrivalNode: Int32Array;
  /** Countries of link e: `touches[touchStart[e] .. touchStart[e+1]-1]`. */
  readonly touchStart: Int32Array;
  /** Country indices, link after link. */
  readonly touches: Int32Array;
}

/**
 * The latest link touches of each structure (by its node index map, which compile.ts shares between
 * the compiled networks of one structure), with the country index they were made from: a country index
 * serves compiled networks of one structure only (countries.ts), so the same index means the same
 * arrival nodes and the same countries.
 */
const TOUCHES = new WeakMap<
  ReadonlyMap<string, number>,
  { readonly countries: CountryIndex; readonly touches: LinkTouches }
>();

/** The {@link LinkTouches} of a compiled network (shared with the networks of its structure and countries). */
function linkTouches(compiled: CompiledNetwork): LinkTouches {
  const countries = countryIndex(compiled);
  const latest = TOUCHES.get(compiled.nodeIndex);
  if (latest !== undefined && latest.countries === countries) return latest.touches;
  const { nodeCountry, linkCountryStart, linkCountryList } = countries;
  const { linkCount, vertexNode } = compiled;
  const head = compiled.csr.head;
  const total = linkCount + linkCountryStart[linkCount]!;
  // one buffer: arrival nodes, then starts, then the countries
  const buffer = new Int32Array(2 * linkCount + 1 + total);
  const arrivalNode = buffer.subarray(0, linkCount);
  const touchStart = buffer.subarray(linkCount, 2 * linkCount + 1);
  const touches = buffer.subarray(2 * linkCount + 1);
  let at = 0;
  for (let e = 0; e < linkCount; e++) {
    const node = vertexNode[head[e]!]!;
    arrivalNode[e] = node;
    touchStart[e] = at;
    const first = at;
    touches[at++] = nodeCountry[node]!;
    for (let i = linkCountryStart[e]!; i < linkCountryStart[e + 1]!; i++) {
      const c = linkCountryList[i]!;
      let k = first;
      while (k < at && touches[k] !== c) k++;
      if (k === at) touches[at++] = c;
    }
  }
  touchStart[linkCount] = at;
  const result: LinkTouches = { arrivalNode, touchStart, touches };
  TOUCHES.set(compiled.nodeIndex, { countries, touches: result });
  return result;
}

/**
 * Build a classifier for the routes of `compiled` with arc times `arcTimeDays`.
 *
 * @param compiled - the compiled network (its corridors are those of `compiled.network`)
 * @param arcTimeDays - time per arc, days
 * @returns the classifier (routes are cached by their arcs, origin and commodity; see
 *   {@link createRouteTable})
 */
export function createRouteClassifier(compiled: CompiledNetwork, arcTimeDays: Float64Array): RouteClassifier {
  const table = createRouteTable(compiled, arcTimeDays);
  const corridors = compiled.network.corridors;
  const commodityIds = compiled.commodityIds;
  const classified: ClassifiedRoute[] = [];
  return {
    countries: table.countries,
    classify(arcs, origin, commodity) {
      const r = table.find(arcs, origin, commodityIds.indexOf(commodity));
      let route = classified[r];
      if (route === undefined) {
        const at = r * ROUTE_FIELDS;
        const routes = table.routes;
        const corridor = routes[at + ROUTE_CORRIDOR]!;
        route = {
          corridor: corridor >= 0 ? corridors[corridor] : undefined,
          overland: routes[at + ROUTE_OVERLAND] === 1,
          countries: table.countryList.slice(
            routes[at + ROUTE_COUNTRY_FROM]!,
            routes[at + ROUTE_COUNTRY_TO]!,
          ),
          time: table.sums[2 * r]!,
          cost: table.sums[2 * r + 1]!,
        };
        classified[r] = route;
      }
      return route;
    },
  };
}

/** Slots of the open-addressing table for `capacity` routes: a power of two, at most half full. */
function tableSize(capacity: number): number {
  let size = 16;
  while (size < 2 * capacity) size *= 2;
  return size;
}

/** A copy of `array` in a longer array of the same type (zeros after). */
function resized<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const out = (array instanceof Int32Array ? new Int32Array(length) : new Float64Array(length)) as T;
  out.set(array);
  return out;
}

/** Whether the first `count` of `nodes` visit the waypoints `w` in order (true when there are none). */
function visitsInOrder(w: Int32Array, nodes: Int32Array, count: number): boolean {
  let next = 0;
  for (let i = 0; i < count && next < w.length; i++) if (nodes[i] === w[next]) next++;
  return next === w.length;
}

/** {@link pathMatchesCorridor} on indices: waypoints visited in order, and a member link when listed. */
function matches(
  c: IndexedCorridor,
  nodes: Int32Array,
  count: number,
  arcs: ArrayLike<number>,
  start: number,
  end: number,
  linkCount: number,
): boolean {
  const w = c.waypoints;
  if (w.length === 0 && !c.listsLinks) return false;
  if (!visitsInOrder(w, nodes, count)) return false;
  if (!c.listsLinks) return true;
  const members = c.links;
  for (let i = start; i < end; i++) {
    const arc = arcs[i]!;
    if (arc < linkCount && members.includes(arc)) return true;
  }
  return false;
}
