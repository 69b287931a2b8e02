/**
 * Corridors
 * =========
 *
 * A corridor is a named route family (the Middle Corridor, the Northern corridor, CPC ...) that results
 * are reported by. It is defined by ordered waypoints (a path belongs to the corridor when it visits
 * every waypoint in order) and/or a set of links (a path belongs to it when it uses at least one of
 * them). When both are given, both must hold. A path is assigned to the first matching corridor in the
 * network's corridor order, so list specific corridors before general ones.
 */

import { requireArray, requireObject } from './errors.js';
import type { CommodityId, CorridorId, LinkId, NodeId } from './ids.js';

/** A named corridor. */
export interface Corridor {
  /** Unique id. */
  readonly id: CorridorId;
  /** Human name. */
  readonly name: string;
  /** Commodity the corridor carries. */
  readonly commodity: CommodityId;
  /** Ordered nodes a path must visit, in this order, to belong to the corridor. */
  readonly waypoints?: readonly NodeId[];
  /** Links of the corridor; a path using any of them belongs to it (with waypoints, both must hold). */
  readonly links?: readonly LinkId[];
  /** Free text. */
  readonly description?: string;
  /** Whether the corridor is overland (rail/road), as opposed to maritime or pipeline. */
  readonly overland?: boolean;
}

/**
 * A reusable membership test for one corridor (the link set is built once).
 *
 * @param corridor - the corridor
 * @returns `(nodes, links) => boolean`, as {@link pathMatchesCorridor}
 */
export function corridorMatcher(
  corridor: Corridor,
): (nodes: readonly NodeId[], links: readonly LinkId[]) => boolean {
  requireObject(corridor, 'corridor-sim/corridor', 'corridor', 'a Corridor');
  const waypoints = corridor.waypoints ?? [];
  const members = new Set(corridor.links ?? []);
  if (waypoints.length === 0 && members.size === 0) return () => false;
  return (nodes, links) => {
    if (waypoints.length > 0) {
      let next = 0;
      for (const node of nodes) {
        if (node === waypoints[next]) next++;
        if (next === waypoints.length) break;
      }
      if (next < waypoints.length) return false;
    }
    return members.size === 0 || links.some((id) => members.has(id));
  };
}

/**
 * Whether a path (as its node sequence and link ids) belongs to a corridor.
 *
 * @param corridor - the corridor
 * @param nodes - the path's nodes, origin first
 * @param links - the path's link ids, in order
 * @returns true when the waypoints are visited in order and, if the corridor lists links, one is used
 * @remarks Complexity O(path length + corridor size). For many paths, build {@link corridorMatcher} once.
 */
export function pathMatchesCorridor(
  corridor: Corridor,
  nodes: readonly NodeId[],
  links: readonly LinkId[],
): boolean {
  requireArray(nodes, 'corridor-sim/corridor', 'nodes');
  requireArray(links, 'corridor-sim/corridor', 'links');
  return corridorMatcher(corridor)(nodes, links);
}
