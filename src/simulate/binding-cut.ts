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
import { compiledNetworkMinCut } from '../algorithms/flow/networkMaxFlow.js';
import type { Demand } from '../model/demand.js';
import type { CorridorMarket } from './aggregate.js';
import { corridorIndex } from './corridor-index.js';
import { countryFlags, countryIndex } from './countries.js';
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
  const { nodeIndex } = compiled;
  const countries = countryIndex(compiled);
  const { nodeCountry } = countries;
  const isOrigin = countryFlags(countries, market.origins);
  const isDestination = countryFlags(countries, market.destinations);
  // One allocation: 1 for the arcs to close (the first arcCount entries, all the flow reads), then
  // per node, bit 1 when listed as an origin, bit 2 as a destination.
  const arcCount = compiled.csr.arcCount;
  const shut = new Uint8Array(arcCount + compiled.nodeIds.length);
  const LISTED = arcCount;
  // origin and destination nodes of the market's flows, each once, in the order the flows name them
  const origins: number[] = [];
  const destinations: number[] = [];
  for (const flow of demand.flows) {
    if (flow.commodity !== market.commodity || !(flow.volumePerYear > 0)) continue;
    const o = nodeIndex.get(flow.origin)!;
    if (isOrigin[nodeCountry[o]!] !== 1) continue;
    const d = nodeIndex.get(flow.destination)!;
    if (isDestination[nodeCountry[d]!] !== 1) continue;
    if ((shut[LISTED + o]! & 1) === 0) {
      shut[LISTED + o]! |= 1;
      origins.push(o);
    }
    if ((shut[LISTED + d]! & 2) === 0) {
      shut[LISTED + d]! |= 2;
      destinations.push(d);
    }
  }
  // a node that is a destination is not a source
  const sources = origins.filter((o) => (shut[LISTED + o]! & 2) === 0);
  if (sources.length === 0 || destinations.length === 0) return undefined;
  const c = compiled.commodityIds.indexOf(market.commodity);
  if (c < 0) return undefined;
  // the links of maritime corridors are closed: the cut is of the overland routes
  for (const { corridor, links } of corridorIndex(compiled).byCommodity[c]!) {
    if (corridor.overland !== false) continue;
    for (let i = 0; i < links.length; i++) shut[links[i]!] = 1;
  }
  const result = compiledNetworkMinCut(compiled, sources, destinations, c, shut);
  if (result.status !== 'optimal') return undefined;
  return { capacityTeu: result.value, links: result.bindingLinks, nodes: result.bindingNodes };
}
