/**
 * Shortest path on the network's graphology graph
 * ===============================================
 *
 * The public point-to-point query: bidirectional Dijkstra from graphology-shortest-path on the
 * network's own multigraph, weighted by the generalized cost (or a custom weight). For many queries on
 * one network, build a `RoutingIndex` and use `shortestPathOnIndex`, which gives the same answer on
 * typed arrays several times faster.
 */

import { dijkstra } from 'graphology-shortest-path';
import { NotFoundError } from '../../model/errors.js';
import type { LinkId, NodeId } from '../../model/ids.js';
import type { LinkAttributes, Network } from '../../model/network.js';
import { requireNetwork } from '../../model/network.js';
import {
  arrivalMetrics,
  customWeight,
  forbiddenCountries,
  generalizedCost,
  linkAllowed,
  type ResolvedRoutingOptions,
  type RoutingOptions,
  resolveRoutingOptions,
  touchesForbidden,
} from './options.js';
import { buildPath, type PathResult } from './path.js';

const MODULE = 'corridor-sim/routing';

/** Options of {@link shortestPath}. */
export interface ShortestPathOptions extends RoutingOptions {}

/**
 * A graphology edge-weight getter giving each link's routing weight for one origin–destination pair:
 * its generalized cost (arrival node included) or custom weight, and `Infinity` for links that are
 * closed under the options (other commodity, not open by `year`, avoided link, forbidden country).
 * Pass it to any graphology algorithm that takes `getEdgeWeight`.
 *
 * @param network - the network
 * @param origin - origin node (its country is exempt from `avoidCountries`)
 * @param destination - destination node (its country is exempt from `avoidCountries`)
 * @param options - routing options
 * @returns `(linkId, attributes) => weight`
 * @throws NotFoundError on unknown nodes, commodity or avoided link; InvalidArgumentError on bad options
 * @example
 * const w = generalizedCostWeight(net, 'xian', 'duisburg', { valueOfTimeUsdPerUnitDay: 30 });
 * dijkstra.bidirectional(net.graph, 'xian', 'duisburg', w);
 * @remarks O(1) per call after O(|avoidCountries|) set-up.
 */
export function generalizedCostWeight(
  network: Network,
  origin: NodeId,
  destination: NodeId,
  options: RoutingOptions = {},
): (link: LinkId, attributes: LinkAttributes) => number {
  requireNetwork(network, 'corridor-sim/routing', 'network');
  const resolved = resolveRoutingOptions(network, options);
  checkNode(network, origin);
  checkNode(network, destination);
  return weightGetter(network, resolved, origin, destination);
}

function checkNode(network: Network, id: NodeId): void {
  if (typeof id !== 'string' || !network.graph.hasNode(id))
    throw new NotFoundError(MODULE, 'node', String(id));
}

function weightGetter(
  network: Network,
  options: ResolvedRoutingOptions,
  origin: NodeId,
  destination: NodeId,
): (link: LinkId, attributes: LinkAttributes) => number {
  const graph = network.graph;
  const forbidden = forbiddenCountries(
    options,
    graph.getNodeAttributes(origin).country,
    graph.getNodeAttributes(destination).country,
  );
  return (id, link) => {
    if (!linkAllowed(link, options)) return Number.POSITIVE_INFINITY;
    const head = graph.getNodeAttributes(link.to);
    if (touchesForbidden(link, graph.getNodeAttributes(link.from), head, forbidden)) {
      return Number.POSITIVE_INFINITY;
    }
    if (options.weight !== undefined) return customWeight(options.weight, id, link);
    return generalizedCost(arrivalMetrics(link, head, options.commodity), options.valueOfTimeUsdPerUnitDay);
  };
}

/**
 * The least generalized-cost path between two nodes, by graphology-shortest-path's bidirectional
 * Dijkstra on the network's graph. Parallel links are resolved to the cheapest one.
 *
 * @param network - the network
 * @param origin - origin node id
 * @param destination - destination node id
 * @param options - commodity, value of time, year, avoided countries and links, custom weight
 * @returns `{ status: 'optimal', path }`, or `{ status: 'unreachable', origin, destination }`
 * @throws NotFoundError on unknown nodes, commodity or avoided link; InvalidArgumentError on bad options
 *   or a custom weight giving a negative or NaN value
 * @example
 * const r = shortestPath(net, 'xian', 'duisburg', { valueOfTimeUsdPerUnitDay: 30, avoidCountries: ['RU'] });
 * if (r.status === 'optimal') console.log(r.path.nodes, r.path.generalizedCostUsd);
 * @remarks Complexity O((N + L) log N). Reference: E. W. Dijkstra, Numer. Math. 1 (1959); bidirectional
 * search as in graphology-shortest-path 2.x (after networkx).
 */
export function shortestPath(
  network: Network,
  origin: NodeId,
  destination: NodeId,
  options: ShortestPathOptions = {},
): PathResult {
  requireNetwork(network, 'corridor-sim/routing', 'network');
  const resolved = resolveRoutingOptions(network, options);
  checkNode(network, origin);
  checkNode(network, destination);
  const graph = network.graph;
  const weight = weightGetter(network, resolved, origin, destination);
  const nodes = dijkstra.bidirectional(graph, origin, destination, weight) as NodeId[] | null;
  if (nodes === null || nodes.length === 0) return { status: 'unreachable', origin, destination };

  // graphology returns nodes only: pick the cheapest of the parallel links between each pair.
  const links: LinkId[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    let best: LinkId | undefined;
    let bestWeight = Number.POSITIVE_INFINITY;
    for (const id of graph.outEdges(nodes[i]!, nodes[i + 1]!)) {
      const w = weight(id, graph.getEdgeAttributes(id));
      if (w < bestWeight) {
        bestWeight = w;
        best = id;
      }
    }
    // An infinite link on the returned path means no open path exists.
    if (best === undefined) return { status: 'unreachable', origin, destination };
    links.push(best);
  }
  return { status: 'optimal', path: buildPath(network, resolved, origin, links) };
}
