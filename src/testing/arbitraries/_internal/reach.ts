/**
 * Connected origin–destination pairs
 * ==================================
 *
 * The pairs (origin, destination, commodity) joined by a directed path of usable links of that
 * commodity. Demand generators draw from this list so that every generated flow can be routed.
 *
 * @internal
 */

import type { CommodityId, NodeId } from '../../../model/ids.js';
import type { LinkAttributes, Network } from '../../../model/network.js';

/** One connected pair. */
export interface OdPair {
  readonly origin: NodeId;
  readonly destination: NodeId;
  readonly commodity: CommodityId;
}

/** Which links count for connectivity. */
export type Connectivity = 'usable' | 'any';

/**
 * Whether a link can carry flow in the base network: active, and not of zero capacity.
 *
 * @param link - the link
 * @returns true when usable
 */
export function isUsable(link: LinkAttributes): boolean {
  return link.status === 'active' && (link.capacityPerYear === undefined || link.capacityPerYear > 0);
}

/**
 * Every connected pair, ordered by commodity (network order), origin and destination (node order).
 *
 * @param network - the network
 * @param filter - commodities, origins and destinations to consider (all when omitted), and which links count
 * @returns the pairs
 * @remarks Complexity O(C · N · (N + L)) (one search per commodity and origin).
 */
export function connectedPairs(
  network: Network,
  filter: {
    readonly commodities?: readonly CommodityId[] | undefined;
    readonly origins?: readonly NodeId[] | undefined;
    readonly destinations?: readonly NodeId[] | undefined;
    readonly connectivity?: Connectivity | undefined;
  } = {},
): OdPair[] {
  const graph = network.graph;
  const nodes = graph.nodes();
  const commodities = filter.commodities ?? Object.keys(network.commodities);
  const originSet = filter.origins && new Set(filter.origins);
  const destinationSet = filter.destinations && new Set(filter.destinations);
  const counts = filter.connectivity === 'any' ? () => true : isUsable;
  const pairs: OdPair[] = [];
  for (const commodity of commodities) {
    const next = new Map<string, string[]>();
    graph.forEachEdge((_id, link) => {
      if (link.commodity !== commodity || !counts(link)) return;
      const list = next.get(link.from);
      if (list) list.push(link.to);
      else next.set(link.from, [link.to]);
    });
    for (const origin of nodes) {
      if (originSet && !originSet.has(origin)) continue;
      const seen = new Set([origin]);
      const stack = [origin];
      while (stack.length > 0) {
        const node = stack.pop()!;
        for (const to of next.get(node) ?? []) {
          if (!seen.has(to)) {
            seen.add(to);
            stack.push(to);
          }
        }
      }
      for (const destination of nodes) {
        if (destination === origin || !seen.has(destination)) continue;
        if (destinationSet && !destinationSet.has(destination)) continue;
        pairs.push({ origin, destination, commodity });
      }
    }
  }
  return pairs;
}

/**
 * The countries of a network in order of first appearance (nodes, then link crossings).
 *
 * @param network - the network
 * @returns distinct country codes
 */
export function networkCountries(network: Network): string[] {
  const out = new Set<string>();
  network.graph.forEachNode((_id, node) => {
    out.add(node.country);
  });
  network.graph.forEachEdge((_id, link) => {
    for (const c of link.countries) out.add(c);
  });
  return [...out];
}
