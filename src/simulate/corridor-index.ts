/**
 * Corridors of a compiled network as indices
 * ==========================================
 *
 * The corridors of a compiled network with their waypoints as node indices and their member links as
 * link indices, grouped by commodity index, with bit masks that test a route against all corridors of
 * its commodity at once: route classification tests every distinct route against them, and the
 * binding cut closes the links of the maritime ones. Computed once per structure and list of
 * corridors: the compiled networks a scenario rebuilds from one network share their structure (and
 * its index maps, compile.ts) and their corridors, and then their corridor index.
 *
 * Internal: no public API.
 */

import type { CompiledNetwork } from '../algorithms/_internal/compile.js';
import type { Corridor } from '../model/corridor.js';

/** One corridor on indices. */
export interface IndexedCorridor {
  /** Position of the corridor in `compiled.network.corridors`. */
  readonly index: number;
  /** The corridor. */
  readonly corridor: Corridor;
  /** Waypoint node indices, in order (−1: not in the network, never matched). */
  readonly waypoints: Int32Array;
  /** Member link indices, in the corridor's order (links not in the network left out). */
  readonly links: Int32Array;
  /** Whether the corridor lists member links (even if none of them is in the network). */
  readonly listsLinks: boolean;
}

/**
 * Bit masks over the corridors of one commodity (bit k: its k-th corridor). A corridor can hold a
 * route only when the route uses one of its member links (or it lists none) and visits one of its
 * waypoints (or it has none); the order of the waypoints is then checked corridor by corridor.
 */
export interface CorridorMasks {
  /**
   * Per link (`bits[e]`, e < linkCount): the corridors it is a member of; per node
   * (`bits[linkCount + n]`): the corridors it is a waypoint of.
   */
  readonly bits: Int32Array;
  /** Corridors that list no member links. */
  readonly linkless: number;
  /** Corridors without waypoints. */
  readonly waypointless: number;
  /** Corridors that can hold a route at all (those with waypoints or member links). */
  readonly matchable: number;
}

/** Most corridors of one commodity that {@link CorridorMasks} cover (bits of an int32). */
export const MAX_MASKED_CORRIDORS = 31;

/** The corridors of a compiled network by commodity. */
export interface CorridorIndex {
  /** Corridors of each commodity (by index into `compiled.commodityIds`), in network order. */
  readonly byCommodity: readonly (readonly IndexedCorridor[])[];
  /**
   * Masks of each commodity's corridors (by commodity index); undefined for a commodity with more
   * than {@link MAX_MASKED_CORRIDORS} corridors.
   */
  readonly masks: readonly (CorridorMasks | undefined)[];
}

/**
 * The latest corridor index of each structure (by its node index map, which compile.ts shares between
 * the compiled networks of one structure), with what else it was made from.
 */
const LATEST = new WeakMap<
  ReadonlyMap<string, number>,
  {
    readonly corridors: readonly Corridor[];
    readonly linkIndex: ReadonlyMap<string, number>;
    readonly commodityIds: readonly string[];
    readonly index: CorridorIndex;
  }
>();

/**
 * The corridor index of a compiled network.
 *
 * @param compiled - the compiled network
 * @returns its corridors on indices, by commodity index (corridors of a commodity the network does
 *   not declare are left out: no flow can belong to them), with their masks
 * @remarks O(commodities × (links + nodes) + corridors' waypoints and links) once per structure and
 *   list of corridors; then O(commodities).
 */
export function corridorIndex(compiled: CompiledNetwork): CorridorIndex {
  const { commodityIds, nodeIndex, linkIndex } = compiled;
  const corridors = compiled.network.corridors;
  const latest = LATEST.get(nodeIndex);
  if (
    latest !== undefined &&
    latest.corridors === corridors &&
    latest.linkIndex === linkIndex &&
    latest.commodityIds.length === commodityIds.length &&
    latest.commodityIds.every((id, c) => id === commodityIds[c])
  ) {
    return latest.index;
  }
  const byCommodity: IndexedCorridor[][] = commodityIds.map(() => []);
  for (let index = 0; index < corridors.length; index++) {
    const corridor = corridors[index]!;
    const c = commodityIds.indexOf(corridor.commodity);
    if (c < 0) continue;
    const ids = corridor.waypoints ?? [];
    const waypoints = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) waypoints[i] = nodeIndex.get(ids[i]!) ?? -1;
    const listed = corridor.links ?? [];
    let found = 0;
    const scratch = new Int32Array(listed.length);
    for (const id of listed) {
      const e = linkIndex.get(id);
      if (e !== undefined) scratch[found++] = e;
    }
    // (a plain copy: `Int32Array.from` costs a microsecond or so per call)
    const links = found === listed.length ? scratch : scratch.slice(0, found);
    byCommodity[c]!.push({ index, corridor, waypoints, links, listsLinks: listed.length > 0 });
  }
  const masks = byCommodity.map((list) =>
    list.length <= MAX_MASKED_CORRIDORS ? masksOf(compiled, list) : undefined,
  );
  const result: CorridorIndex = { byCommodity, masks };
  LATEST.set(nodeIndex, { corridors, linkIndex, commodityIds, index: result });
  return result;
}

function masksOf(compiled: CompiledNetwork, list: readonly IndexedCorridor[]): CorridorMasks {
  const L = compiled.linkCount;
  const bits = new Int32Array(L + compiled.nodeIds.length);
  let linkless = 0;
  let waypointless = 0;
  let matchable = 0;
  for (let k = 0; k < list.length; k++) {
    const { waypoints, links, listsLinks } = list[k]!;
    const bit = 1 << k;
    for (let i = 0; i < links.length; i++) bits[links[i]!]! |= bit;
    for (let i = 0; i < waypoints.length; i++) if (waypoints[i]! >= 0) bits[L + waypoints[i]!]! |= bit;
    if (!listsLinks) linkless |= bit;
    if (waypoints.length === 0) waypointless |= bit;
    if (listsLinks || waypoints.length > 0) matchable |= bit;
  }
  return { bits, linkless, waypointless, matchable };
}
