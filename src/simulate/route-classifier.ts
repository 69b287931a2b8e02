/**
 * Route classification on typed arrays
 * ====================================
 *
 * What `aggregate` needs to know of a routed path depends only on its arcs (and origin and
 * commodity): the corridor it belongs to, whether it is overland, the countries it touches, its time
 * and money cost. A classifier computes that once per distinct route, on node and arc indices: the
 * corridors' waypoints and member links are turned into index arrays once, routes are looked up by a
 * hash of their arcs. Corridor membership follows {@link pathMatchesCorridor} exactly (first corridor
 * of the commodity in network order whose waypoints the path visits in order and, when the corridor
 * lists links, that uses one of them); the tests compare the two on every routed path.
 *
 * Internal: no public API.
 */

import type { CompiledNetwork } from '../algorithms/_internal/compile.js';
import type { Corridor } from '../model/corridor.js';
import { MODES } from '../model/network.js';
import { countryIndex } from './countries.js';

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

interface CompiledCorridor {
  readonly corridor: Corridor;
  /** Waypoint node indices (−1: not in the network, never matched). */
  readonly waypoints: Int32Array;
  /** 1 for member links (by link index); undefined when the corridor lists none. */
  readonly members: Uint8Array | undefined;
}

interface Entry {
  readonly arcs: readonly number[];
  readonly origin: number;
  readonly commodity: string;
  readonly route: ClassifiedRoute;
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
 * Build a classifier for the routes of `compiled` with arc times `arcTimeDays`.
 *
 * @param compiled - the compiled network (its corridors are those of `compiled.network`)
 * @param arcTimeDays - time per arc, days
 * @returns the classifier (routes are cached by their arcs, origin and commodity)
 */
export function createRouteClassifier(compiled: CompiledNetwork, arcTimeDays: Float64Array): RouteClassifier {
  const { countries, nodeCountry, linkCountries } = countryIndex(compiled);
  const byCommodity = new Map<string, CompiledCorridor[]>();
  for (const corridor of compiled.network.corridors) {
    const list = byCommodity.get(corridor.commodity) ?? [];
    const links = corridor.links ?? [];
    let members: Uint8Array | undefined;
    if (links.length > 0) {
      members = new Uint8Array(compiled.linkCount);
      for (const id of links) {
        const e = compiled.linkIndex.get(id);
        if (e !== undefined) members[e] = 1;
      }
    }
    list.push({
      corridor,
      waypoints: Int32Array.from(corridor.waypoints ?? [], (id) => compiled.nodeIndex.get(id) ?? -1),
      members,
    });
    byCommodity.set(corridor.commodity, list);
  }
  const head = compiled.csr.head;
  const cache = new Map<number, Entry[]>();
  const seen = new Int32Array(countries.length);
  // countries touched by the route being classified, in order (each country at most once)
  const touched = new Int32Array(countries.length);
  let stamp = 0;
  let nodes = new Int32Array(16);

  const compute = (arcs: readonly number[], origin: number, commodity: string): ClassifiedRoute => {
    if (nodes.length < arcs.length + 1) nodes = new Int32Array(2 * arcs.length + 2);
    stamp++;
    let touchedCount = 0;
    const touch = (c: number) => {
      if (seen[c] !== stamp) {
        seen[c] = stamp;
        touched[touchedCount++] = c;
      }
    };
    touch(nodeCountry[origin]!);
    let count = 1;
    nodes[0] = origin;
    let time = 0;
    let cost = 0;
    let usesSea = false;
    for (const arc of arcs) {
      time += arcTimeDays[arc]!;
      cost += compiled.costUsd[arc]!;
      if (arc >= compiled.linkCount) continue;
      const node = compiled.vertexNode[head[arc]!]!;
      if (nodes[count - 1] !== node) nodes[count++] = node;
      touch(nodeCountry[node]!);
      const lc = linkCountries[arc]!;
      for (let i = 0; i < lc.length; i++) touch(lc[i]!);
      if (compiled.arcMode[arc] === SEA) usesSea = true;
    }
    let corridor: Corridor | undefined;
    for (const c of byCommodity.get(commodity) ?? []) {
      if (matches(c, nodes, count, arcs, compiled.linkCount)) {
        corridor = c.corridor;
        break;
      }
    }
    return {
      corridor,
      overland: corridor ? corridor.overland === true : !usesSea,
      countries: touched.slice(0, touchedCount),
      time,
      cost,
    };
  };

  return {
    countries,
    classify(arcs, origin, commodity) {
      let h = (2166136261 ^ origin) >>> 0;
      for (let i = 0; i < arcs.length; i++) h = Math.imul(h ^ arcs[i]!, 16777619) >>> 0;
      let bucket = cache.get(h);
      if (bucket) {
        for (const e of bucket) {
          if (e.origin === origin && e.commodity === commodity && sameArcs(e.arcs, arcs)) return e.route;
        }
      } else {
        bucket = [];
        cache.set(h, bucket);
      }
      const route = compute(arcs, origin, commodity);
      bucket.push({ arcs, origin, commodity, route });
      return route;
    },
  };
}

function sameArcs(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** {@link pathMatchesCorridor} on indices: waypoints visited in order, and a member link when listed. */
function matches(
  c: CompiledCorridor,
  nodes: Int32Array,
  count: number,
  arcs: readonly number[],
  linkCount: number,
): boolean {
  const w = c.waypoints;
  if (w.length === 0 && c.members === undefined) return false;
  if (w.length > 0) {
    let next = 0;
    for (let i = 0; i < count && next < w.length; i++) if (nodes[i] === w[next]) next++;
    if (next < w.length) return false;
  }
  const members = c.members;
  if (members === undefined) return true;
  for (const arc of arcs) if (arc < linkCount && members[arc] === 1) return true;
  return false;
}
