/**
 * Simulation input arbitraries
 * ============================
 *
 * A network and a demand valid against it, drawn together. Both are drawn as flat records and
 * assembled afterwards (no `chain`), so fast-check shrinks the network and the demand at the same
 * time: removing a node never leaves a flow dangling, because flows name connected pairs by position
 * and positions are taken modulo the pairs of the network actually drawn.
 */

import fc from 'fast-check';
import { parseDemand } from '../../data/demand-format.js';
import { parseNetwork } from '../../data/network-format.js';
import { describeValue, InvalidArgumentError } from '../../model/errors.js';
import type { SimulationInput } from '../types.js';
import { describeInput } from './_internal/describe.js';
import {
  arbRawDemand,
  buildDemandDocument,
  type DemandConstraints,
  demandPairs,
  resolveDemandConstraints,
  UNBOUNDED,
} from './demand.js';
import {
  arbRawNetwork,
  buildNetworkDocument,
  type NetworkConstraints,
  resolveNetworkConstraints,
} from './network.js';

/** Constraints of {@link arbSimulationInput}. */
export interface SimulationInputConstraints {
  /** Network constraints. @defaultValue `{ connected: true }` (a backbone makes every node reachable from n0) */
  readonly network?: NetworkConstraints;
  /**
   * Demand constraints. `minFlows` holds whenever the drawn network has a connected pair, which the
   * default `connected: true` network always has.
   * @defaultValue `{}`
   */
  readonly demand?: DemandConstraints;
}

/**
 * Networks with demand, drawn together so that both shrink.
 *
 * @param constraints - network and demand constraints
 * @returns an arbitrary of `{ network, demand }`; a failing property prints both as short listings
 * @throws InvalidArgumentError on a bad constraint (checked eagerly)
 * @example
 * fc.assert(fc.property(arbSimulationInput({ demand: { maxFlows: 2 } }), ({ network, demand }) =>
 *   demand.flows.every((f) => network.graph.hasNode(f.origin))));
 * @remarks Each value costs O(C · N · (N + L)) for the connected pairs, plus parsing.
 */
export function arbSimulationInput(
  constraints: SimulationInputConstraints = {},
): fc.Arbitrary<SimulationInput> {
  if (typeof constraints !== 'object' || constraints === null) {
    throw new InvalidArgumentError(
      'corridor-sim/testing: arbSimulationInput',
      'constraints',
      `must be an object, got ${describeValue(constraints)}`,
    );
  }
  const nc = resolveNetworkConstraints({ connected: true, ...constraints.network });
  const dc = resolveDemandConstraints(constraints.demand ?? {});
  return fc
    .record({
      network: arbRawNetwork(nc),
      demand: arbRawDemand(dc, { pairs: UNBOUNDED, countries: nc.countries.length, links: UNBOUNDED }),
    })
    .map((raw) => {
      const network = parseNetwork(buildNetworkDocument(nc, raw.network));
      const pairs = demandPairs(network, dc);
      const demand = parseDemand(buildDemandDocument(dc, network, raw.demand, pairs, nc.countries), network);
      const input = { network, demand };
      Object.defineProperty(input, fc.toStringMethod, {
        value: () => describeInput(network, demand),
        enumerable: false,
      });
      return Object.freeze(input);
    });
}
