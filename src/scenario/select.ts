/**
 * Selectors
 * =========
 *
 * Resolve a {@link Selector} to the links it selects. Criteria combine with AND, values inside one
 * criterion with OR; an empty selector selects every link. A corridor selects its `links` list when it
 * has one, otherwise the links joining consecutive waypoints directly.
 */

import { NotFoundError, requireObject } from '../model/errors.js';
import type { LinkAttributes, Network } from '../model/network.js';
import { requireNetwork } from '../model/network.js';
import type { Selector } from '../model/scenario.js';

/**
 * The links of a corridor, for selectors.
 *
 * @param network - the network
 * @param corridorId - the corridor
 * @returns link ids
 * @throws NotFoundError when the corridor does not exist
 */
export function corridorLinks(network: Network, corridorId: string): Set<string> {
  requireNetwork(network, 'corridor-sim/scenario', 'network');
  const corridor = network.corridors.find((c) => c.id === corridorId);
  if (!corridor) throw new NotFoundError('corridor-sim/scenario', 'corridor', corridorId);
  if (corridor.links && corridor.links.length > 0) return new Set(corridor.links);
  const out = new Set<string>();
  const waypoints = corridor.waypoints ?? [];
  for (let i = 1; i < waypoints.length; i++) {
    for (const edge of network.graph.outEdges(waypoints[i - 1]!, waypoints[i]!)) {
      if (network.graph.getEdgeAttributes(edge).commodity === corridor.commodity) out.add(edge);
    }
  }
  return out;
}

/**
 * A predicate that tells whether a link matches a selector.
 *
 * @param network - the network (for corridors)
 * @param selector - the selector
 * @returns `(link) => boolean`
 */
export function linkMatcher(network: Network, selector: Selector): (link: LinkAttributes) => boolean {
  const commodities = selector.commodities && new Set(selector.commodities);
  const modes = selector.modes && new Set<string>(selector.modes);
  const countries = selector.countries && new Set(selector.countries);
  const links = selector.links && new Set(selector.links);
  const nodes = selector.nodes && new Set(selector.nodes);
  let corridor: Set<string> | undefined;
  if (selector.corridors) {
    corridor = new Set<string>();
    for (const id of selector.corridors) for (const link of corridorLinks(network, id)) corridor.add(link);
  }
  return (link) =>
    (!commodities || commodities.has(link.commodity)) &&
    (!modes || modes.has(link.mode)) &&
    (!countries || link.countries.some((c) => countries.has(c))) &&
    (!links || links.has(link.id)) &&
    (!nodes || nodes.has(link.from) || nodes.has(link.to)) &&
    (!corridor || corridor.has(link.id));
}

/**
 * The ids of the links a selector selects, in network order.
 *
 * @param network - the network
 * @param selector - the selector
 * @returns link ids
 */
export function selectLinks(network: Network, selector: Selector): string[] {
  requireNetwork(network, 'corridor-sim/scenario', 'network');
  requireObject(selector, 'corridor-sim/scenario', 'selector', 'a Selector');
  const matches = linkMatcher(network, selector);
  return network.graph.filterEdges((_id, link) => matches(link));
}
