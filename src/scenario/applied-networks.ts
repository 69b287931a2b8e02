/**
 * Recently applied networks, found again by content
 * =================================================
 *
 * Building the graph of a scenario's network is most of what `applyScenario` costs. The same scenario
 * is often applied to the same network again (a result recomputed, a scenario compared with several
 * others, the baseline of every comparison), and gives the same records. So the networks last built
 * from each input network are remembered with their records, and a new list of records that equals
 * one of them — the same records in the same order, each the same object or an equal copy (same keys
 * in the same order, values equal with `Object.is`, nested plain objects and arrays compared alike) —
 * gets that network back instead of a new one. Networks are immutable, so an equal one serves as well.
 *
 * Internal: no public API.
 */

import type { LinkAttributes, Network, NodeAttributes } from '../model/network.js';
import { networkRecords } from './records.js';

/** How many applied networks each input network remembers. */
const PER_NETWORK = 4;

/** Networks built from each input network, most recently used first. */
const RECENT = new WeakMap<Network, Network[]>();

/**
 * The network with records `nodes` and `links` built from `network`: a remembered one with equal
 * records, or the one `build` makes (then remembered).
 *
 * @param network - the input network the records were derived from
 * @param nodes - the node records, in order
 * @param links - the link records, in order
 * @param build - makes the network when none is remembered (called at most once)
 * @returns a network with exactly these records (content), in this order
 * @remarks Complexity O(N + L) per remembered network compared (object identity for shared records).
 */
export function appliedNetwork(
  network: Network,
  nodes: readonly NodeAttributes[],
  links: readonly LinkAttributes[],
  build: () => Network,
): Network {
  let recent = RECENT.get(network);
  if (recent) {
    for (let i = 0; i < recent.length; i++) {
      const candidate = recent[i]!;
      const records = networkRecords(candidate);
      if (sameRecords(records.nodes, nodes) && sameRecords(records.links, links)) {
        if (i > 0) {
          recent.splice(i, 1);
          recent.unshift(candidate);
        }
        return candidate;
      }
    }
  } else {
    recent = [];
    RECENT.set(network, recent);
  }
  const built = build();
  recent.unshift(built);
  if (recent.length > PER_NETWORK) recent.length = PER_NETWORK;
  return built;
}

function sameRecords(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
  return true;
}

/** Plain data (objects of Object or null prototype, arrays): compared by content; anything else by identity. */
function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Whether two values are the same data: `Object.is` for everything but plain objects and arrays,
 * which must have the same own enumerable keys in the same order, the same prototype and the same
 * values (recursively).
 *
 * @param a - a value
 * @param b - another
 * @returns true when they are the same data
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (!isPlain(a) || !isPlain(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b))
    return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i]!;
    if (key !== keysB[i]) return false;
    if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
