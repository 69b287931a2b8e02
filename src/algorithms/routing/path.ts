/**
 * Paths and their figures
 * =======================
 *
 * A {@link Path} is what every routing function returns: the node and link sequence plus its totals
 * (generalized cost, money, time, distance) and the countries it touches. Totals are summed link by
 * link in path order with the per-link figures of `options.ts`, so the graphology engine, the
 * typed-array engine, the k-shortest paths and the skims report the same floating-point numbers for
 * the same path.
 */

import { InvalidArgumentError, NotFoundError } from '../../model/errors.js';
import type { CountryCode, LinkId, NodeId } from '../../model/ids.js';
import type { Network } from '../../model/network.js';
import { requireNetwork } from '../../model/network.js';
import {
  arrivalMetrics,
  customWeight,
  generalizedCost,
  type ResolvedRoutingOptions,
  type RoutingOptions,
  resolveRoutingOptions,
} from './options.js';

const MODULE = 'corridor-sim/routing';

/** A route through the network and its totals. */
export interface Path {
  /** Nodes visited, origin first, destination last (one node when origin = destination). */
  readonly nodes: readonly [NodeId, ...NodeId[]];
  /** Links used, in order (`links.length === nodes.length - 1`). */
  readonly links: readonly LinkId[];
  /** The minimized objective: the custom weight's total, or `generalizedCostUsd` without one. */
  readonly weight: number;
  /** Money plus value of time × time, USD per unit. */
  readonly generalizedCostUsd: number;
  /** Link costs plus handling costs at arrival nodes, USD per unit. */
  readonly costUsd: number;
  /** Link transit times plus dwell at arrival nodes, days. */
  readonly transitDays: number;
  /** Total length, km. */
  readonly distanceKm: number;
  /** Countries touched (nodes and links), in order of first appearance. */
  readonly countries: readonly CountryCode[];
}

/** Outcome of a point-to-point query: the path, or the fact that none exists. */
export type PathResult =
  | { readonly status: 'optimal'; readonly path: Path }
  | { readonly status: 'unreachable'; readonly origin: NodeId; readonly destination: NodeId };

/**
 * Build a {@link Path} from a contiguous link sequence (no checks beyond contiguity).
 *
 * @param network - the network
 * @param options - resolved options
 * @param origin - first node
 * @param links - link ids in order
 * @returns the path with its totals
 * @internal
 */
export function buildPath(
  network: Network,
  options: ResolvedRoutingOptions,
  origin: NodeId,
  links: readonly LinkId[],
): Path {
  const graph = network.graph;
  const vot = options.valueOfTimeUsdPerUnitDay;
  const nodes: [NodeId, ...NodeId[]] = [origin];
  const countries: CountryCode[] = [];
  const seen = new Set<CountryCode>();
  const addCountry = (c: CountryCode): void => {
    if (!seen.has(c)) {
      seen.add(c);
      countries.push(c);
    }
  };
  addCountry(graph.getNodeAttributes(origin).country);
  let weight = 0;
  let generalized = 0;
  let cost = 0;
  let time = 0;
  let distance = 0;
  let at = origin;
  links.forEach((id, i) => {
    const link = graph.getEdgeAttributes(id);
    if (link.from !== at) {
      throw new InvalidArgumentError(
        MODULE,
        `links[${i}]`,
        `link ${JSON.stringify(id)} starts at ${JSON.stringify(link.from)}, not at ${JSON.stringify(at)}`,
      );
    }
    const head = graph.getNodeAttributes(link.to);
    const m = arrivalMetrics(link, head, options.commodity);
    const g = generalizedCost(m, vot);
    generalized += g;
    weight += options.weight === undefined ? g : customWeight(options.weight, id, link);
    cost += m.costUsd;
    time += m.transitDays;
    distance += m.distanceKm;
    for (const c of link.countries) addCountry(c);
    addCountry(head.country);
    nodes.push(link.to);
    at = link.to;
  });
  return {
    nodes,
    links: [...links],
    weight,
    generalizedCostUsd: generalized,
    costUsd: cost,
    transitDays: time,
    distanceKm: distance,
    countries,
  };
}

/**
 * The totals of a given route: generalized cost, money, time, distance and countries of a link
 * sequence, computed exactly as the routing functions compute them (arrival-node dwell and handling
 * included, origin's excluded). Use it to price a corridor's fixed route or to check a path.
 *
 * @param network - the network
 * @param origin - the node the route starts at
 * @param links - link ids in travel order (empty for the trivial route)
 * @param options - commodity, value of time, custom weight (filters such as `avoidLinks` are not applied)
 * @returns the route as a {@link Path}
 * @throws NotFoundError on an unknown node or link; InvalidArgumentError when links are not contiguous
 * @example
 * const p = evaluatePath(net, 'xian', ['xian-khorgos', 'khorgos-altynkol'], { valueOfTimeUsdPerUnitDay: 20 });
 * p.transitDays; // 3 + 0.5 (Khorgos dwell) + 0.2 + 1 (Altynkol dwell)
 * @remarks Complexity O(length of the route). Follows the generalized-cost definition in `options.ts`.
 */
export function evaluatePath(
  network: Network,
  origin: NodeId,
  links: readonly LinkId[],
  options: RoutingOptions = {},
): Path {
  requireNetwork(network, 'corridor-sim/routing', 'network');
  const resolved = resolveRoutingOptions(network, options);
  if (typeof origin !== 'string' || !network.graph.hasNode(origin)) {
    throw new NotFoundError(MODULE, 'node', String(origin));
  }
  if (!Array.isArray(links)) throw new InvalidArgumentError(MODULE, 'links', 'must be an array of link ids');
  for (const id of links) {
    if (typeof id !== 'string' || !network.graph.hasEdge(id))
      throw new NotFoundError(MODULE, 'link', String(id));
  }
  return buildPath(network, resolved, origin, links);
}
