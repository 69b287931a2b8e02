/**
 * Invariant: flow conservation at every node
 * ==========================================
 *
 * For every node and commodity, what the links bring in minus what they take out equals what is
 * delivered to the node minus what leaves it as an origin:
 *
 *     Σ flow(links into n) − Σ flow(links out of n) = Σ delivered(ODs ending at n) − Σ delivered(ODs starting at n)
 *
 * Node-handling arcs are internal to a node, so only links count. Undelivered (unmet) volume never
 * enters the network.
 */

import { checkShape, fmt, throwIfAny, tolerance } from './_internal.js';
import type { CheckableResult, ToleranceOptions, Violation } from './types.js';

/** Options of {@link checkConservation}. */
export interface ConservationOptions extends ToleranceOptions {}

interface Balance {
  inflow: number;
  outflow: number;
  arrivals: number;
  departures: number;
}

/**
 * Check flow conservation at every node, per commodity.
 *
 * @param result - reads `links` (id, flow), `ods` (origin, destination, commodity, delivered) and
 *   `applied.network` (link ends and commodities)
 * @param options - tolerances; the relative one is times the largest of the four sums at the node
 * @returns the violations (empty when the invariant holds)
 * @throws InvalidArgumentError when `result` lacks `links`, `ods` or `applied`
 * @example expect(checkConservation(result)).toEqual([]);
 * @remarks Complexity O(L + ODs). Kirchhoff's current law for flows with sources and sinks.
 */
export function checkConservation(
  result: Pick<CheckableResult, 'links' | 'ods' | 'applied' | 'year'>,
  options: ConservationOptions = {},
): Violation[] {
  checkShape(result, 'checkConservation', ['links', 'ods', 'applied']);
  const tol = tolerance(options, 'checkConservation');
  const graph = result.applied.network.graph;
  const out: Violation[] = [];
  const balances = new Map<string, Balance>();
  const at = (node: string, commodity: string) => {
    const key = `${node}\u0000${commodity}`;
    let b = balances.get(key);
    if (!b) {
      b = { inflow: 0, outflow: 0, arrivals: 0, departures: 0 };
      balances.set(key, b);
    }
    return b;
  };
  for (const link of result.links) {
    if (!graph.hasEdge(link.id)) {
      out.push({
        invariant: 'conservation',
        subject: `link ${link.id}`,
        message: 'is in the result but not in the applied network',
      });
      continue;
    }
    const attrs = graph.getEdgeAttributes(link.id);
    at(attrs.to, attrs.commodity).inflow += link.flow;
    at(attrs.from, attrs.commodity).outflow += link.flow;
  }
  for (const od of result.ods) {
    at(od.destination, od.commodity).arrivals += od.delivered;
    at(od.origin, od.commodity).departures += od.delivered;
  }
  for (const [key, b] of balances) {
    const [node, commodity] = key.split('\u0000') as [string, string];
    const net = b.inflow - b.outflow;
    const expected = b.arrivals - b.departures;
    const scale = Math.max(b.inflow, b.outflow, b.arrivals, b.departures);
    if (!tol.close(net, expected, scale)) {
      out.push({
        invariant: 'conservation',
        subject: `node ${node}/${commodity}`,
        message: `inflow − outflow = ${fmt(net)} (in ${fmt(b.inflow)}, out ${fmt(b.outflow)}) but delivered to − from the node = ${fmt(expected)} (to ${fmt(b.arrivals)}, from ${fmt(b.departures)})`,
        expected,
        actual: net,
      });
    }
  }
  return out;
}

/**
 * Like {@link checkConservation}, but throws.
 *
 * @param result - see {@link checkConservation}
 * @param options - tolerances
 * @throws InvariantError carrying every violation
 * @example assertConservation(await simulate(input, scenario));
 */
export function assertConservation(
  result: Pick<CheckableResult, 'links' | 'ods' | 'applied' | 'year'>,
  options: ConservationOptions = {},
): void {
  throwIfAny(checkConservation(result, options));
}
