/**
 * The binding cut of the overland market
 * ======================================
 *
 * The maximum overland throughput of the market's commodity from the market's origins to its
 * destinations (as a maximum flow, links of maritime corridors closed), and the minimum cut that
 * binds it: the links and terminals whose capacities add up to that maximum. Undefined when an
 * uncapacitated overland route exists (the throughput is then unlimited) or the market has no flows.
 */

import type { CompiledNetwork } from '../algorithms/_internal/compile.js';
import { compiledNetworkMaxFlow } from '../algorithms/flow/networkMaxFlow.js';
import type { Demand } from '../model/demand.js';
import type { CorridorMarket } from './aggregate.js';
import type { BindingCut } from './result.js';

/**
 * Maximum overland throughput and its minimum cut.
 *
 * @param compiled - the scenario-applied network, compiled (without a year: its link statuses count)
 * @param demand - the scenario-applied demand (its market flows give the origins and destinations)
 * @param market - which flows form the market
 * @returns the cut, or undefined when unbounded or empty
 */
export function overlandBindingCut(
  compiled: CompiledNetwork,
  demand: Demand,
  market: CorridorMarket,
): BindingCut | undefined {
  const network = compiled.network;
  const graph = network.graph;
  const origins = new Set<string>();
  const destinations = new Set<string>();
  const originCountries = new Set(market.origins);
  const destinationCountries = new Set(market.destinations);
  for (const flow of demand.flows) {
    if (flow.commodity !== market.commodity || !(flow.volumePerYear > 0)) continue;
    if (!originCountries.has(graph.getNodeAttributes(flow.origin).country)) continue;
    if (!destinationCountries.has(graph.getNodeAttributes(flow.destination).country)) continue;
    origins.add(flow.origin);
    destinations.add(flow.destination);
  }
  for (const d of destinations) origins.delete(d);
  if (origins.size === 0 || destinations.size === 0) return undefined;
  const c = compiled.commodityIds.indexOf(market.commodity);
  if (c < 0) return undefined;
  // the links of maritime corridors are closed: the cut is of the overland routes
  const shut = new Uint8Array(compiled.csr.arcCount);
  for (const corridor of network.corridors) {
    if (corridor.commodity !== market.commodity || corridor.overland !== false) continue;
    for (const id of corridor.links ?? []) {
      const e = compiled.linkIndex.get(id);
      if (e !== undefined) shut[e] = 1;
    }
  }
  const index = (id: string) => compiled.nodeIndex.get(id)!;
  const result = compiledNetworkMaxFlow(
    compiled,
    [...origins].map(index),
    [...destinations].map(index),
    c,
    shut,
  );
  if (result.status !== 'optimal') return undefined;
  return { capacityTeu: result.value, links: result.bindingLinks, nodes: result.bindingNodes };
}
