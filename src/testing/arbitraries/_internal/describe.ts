/**
 * Readable counterexamples
 * ========================
 *
 * fast-check prints a failing value with `fc.stringify`, which honours a `[fc.toStringMethod]`
 * property. A {@link Network} holds a graphology graph, whose default rendering is a wall of internals;
 * {@link withNetworkDescription} wraps a network in an equal object that prints as a short listing of
 * its nodes, links and corridors instead. The property is non-enumerable, so `toEqual` and
 * `structuredClone` ignore it.
 *
 * @internal
 */

import fc from 'fast-check';
import type { Demand } from '../../../model/demand.js';
import { listLinks, listNodes, type Network, requireNetwork } from '../../../model/network.js';

function num(value: number): string {
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  const short = Number(value.toPrecision(6));
  return short === value ? String(value) : `${short}~`;
}

/**
 * A compact, line-per-item description of a network: what a failing property prints.
 *
 * @param network - the network
 * @returns text such as `n0 CN city · n1 KZ hub | l0 n0→n1 rail container cap=1000 cost=5 t=1 [CN,KZ]`
 * @remarks Complexity O(N + L).
 */
export function describeNetwork(network: Network): string {
  requireNetwork(network, 'corridor-sim/testing', 'network');
  const nodes = listNodes(network).map((n) => {
    const handling = Object.entries(n.handling ?? {})
      .filter(([, h]) => h.capacityPerYear !== undefined)
      .map(([c, h]) => ` handling.${c}=${num(h.capacityPerYear!)}`)
      .join('');
    return `${n.id} ${n.country}${handling}`;
  });
  const links = listLinks(network).map((l) => {
    const cap = l.capacityPerYear === undefined ? '' : ` cap=${num(l.capacityPerYear)}`;
    const status = l.status === 'active' ? '' : ` ${l.status}${l.opens ? `@${l.opens}` : ''}`;
    return `${l.id} ${l.from}→${l.to} ${l.mode} ${l.commodity}${cap} cost=${num(l.costUsdPerUnit)} t=${num(l.transitDays)} [${l.countries.join(',')}]${status}`;
  });
  const corridors = network.corridors.map(
    (c) =>
      `${c.id}(${c.commodity}): ${(c.waypoints ?? []).join('→')}${c.links ? ` links ${c.links.join(',')}` : ''}`,
  );
  return `Network{ nodes: ${nodes.join(' · ')} | links: ${links.join(' · ') || '(none)'}${
    corridors.length > 0 ? ` | corridors: ${corridors.join(' · ')}` : ''
  } }`;
}

/**
 * A copy of `network` that fast-check prints with {@link describeNetwork}.
 *
 * @param network - the network
 * @returns an equal, frozen network object with a non-enumerable `[fc.toStringMethod]`
 */
export function withNetworkDescription(network: Network): Network {
  const copy = { ...network };
  Object.defineProperty(copy, fc.toStringMethod, {
    value: () => describeNetwork(network),
    enumerable: false,
  });
  return Object.freeze(copy);
}

/**
 * Attach a printer to a plain object (non-enumerable), for values that hold networks.
 *
 * @param value - the object (not frozen)
 * @param print - how to print it
 * @returns the same object, frozen
 */
export function withDescription<T extends object>(value: T, print: () => string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: print, enumerable: false });
  return Object.freeze(value);
}

/**
 * A compact description of a network and its demand.
 *
 * @param network - the network
 * @param demand - the demand
 * @returns text for counterexamples
 */
export function describeInput(network: Network, demand: Demand): string {
  const segments = demand.segments.map(
    (s) =>
      `${s.id} vot=${num(s.valueOfTimeUsdPerUnitDay)}${s.avoidCountries?.length ? ` avoids ${s.avoidCountries.join(',')}` : ''}${s.avoidLinks?.length ? ` avoids ${s.avoidLinks.join(',')}` : ''}`,
  );
  const flows = demand.flows.map((f) => {
    const shares = f.segmentShares
      ? ` {${Object.entries(f.segmentShares)
          .map(([k, v]) => `${k}:${num(v)}`)
          .join(',')}}`
      : '';
    return `${f.id} ${f.origin}→${f.destination} ${f.commodity} ${num(f.volumePerYear)}${f.year === undefined ? '' : ` in ${f.year}`}${shares}`;
  });
  return `{ network: ${describeNetwork(network)}, demand: Demand{ segments: ${segments.join(' · ') || '(default)'} | flows: ${flows.join(' · ') || '(none)'} } }`;
}
