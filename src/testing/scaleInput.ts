/**
 * Scaling a simulation input
 * ==========================
 */

import { requireDemand } from '../data/guards.js';
import { isDeepFrozen, markValidated } from '../data/validated.js';
import type { DemandFlow } from '../model/demand.js';
import { describeValue, InvalidArgumentError, requireObject } from '../model/errors.js';
import {
  type LinkAttributes,
  listLinks,
  listNodes,
  type NodeAttributes,
  rebuildNetwork,
  requireNetwork,
} from '../model/network.js';
import type { SimulationInput } from './types.js';

/**
 * Multiply every capacity (links and node handling) and every demand volume by `k`; costs, times and
 * volume-delay functions stay. Flows of a solver whose costs depend on volume only through
 * volume / capacity (BPR, conical, constant) and whose capacity constraints are linear scale by `k`.
 *
 * @param input - network and demand
 * @param k - the factor, finite and > 0
 * @returns a new input (the argument is not changed)
 * @throws InvalidArgumentError when `k` is not a finite number > 0, `input` is not an object,
 *   `input.network` not a Network or `input.demand` not a Demand
 * @throws ValidationError when `input.demand` is malformed or does not fit `input.network`
 * @example const doubled = scaleInput({ network, demand }, 2);
 * @remarks Complexity O(N + L + flows).
 */
export function scaleInput(input: SimulationInput, k: number): SimulationInput {
  requireObject(input, 'corridor-sim/testing', 'input', 'a SimulationInput ({ network, demand })');
  requireNetwork(input.network, 'corridor-sim/testing', 'input.network');
  requireDemand(input.demand, input.network, 'corridor-sim/testing', 'input.demand');
  if (typeof k !== 'number' || !(k > 0) || !Number.isFinite(k)) {
    throw new InvalidArgumentError(
      'corridor-sim/testing: scaleInput',
      'k',
      `must be a finite number > 0, got ${describeValue(k)}`,
    );
  }
  const links = listLinks(input.network).map(
    (link): LinkAttributes =>
      link.capacityPerYear === undefined ? link : { ...link, capacityPerYear: link.capacityPerYear * k },
  );
  const nodes = listNodes(input.network).map((node): NodeAttributes => {
    if (!node.handling) return node;
    return {
      ...node,
      handling: Object.fromEntries(
        Object.entries(node.handling).map(([c, h]) => [
          c,
          h.capacityPerYear === undefined ? h : { ...h, capacityPerYear: h.capacityPerYear * k },
        ]),
      ),
    };
  });
  const flows = input.demand.flows.map(
    (f): DemandFlow => Object.freeze({ ...f, volumePerYear: f.volumePerYear * k }),
  );
  const network = rebuildNetwork(input.network, { nodes, links });
  const demand = Object.freeze({ segments: input.demand.segments, flows: Object.freeze(flows) });
  // a scaled valid demand is valid for the scaled network: remembered when nothing in it can change
  if (isDeepFrozen(demand)) markValidated(demand, 'demand', network);
  return { network, demand };
}
