/**
 * Selectors
 * =========
 *
 * Resolve a {@link Selector} to the links it selects. Criteria combine with AND, values inside one
 * criterion with OR; an empty selector selects every link. A corridor selects its `links` list when it
 * has one, otherwise the links joining consecutive waypoints directly.
 */

import { safeParseScenario } from '../data/scenario-format.js';
import {
  describeValue,
  InvalidArgumentError,
  NotFoundError,
  requireObject,
  ValidationError,
  type ValidationIssue,
} from '../model/errors.js';
import type { LinkAttributes, Network } from '../model/network.js';
import { requireNetwork } from '../model/network.js';
import type { Selector } from '../model/scenario.js';

const MODULE = 'corridor-sim/scenario';

/** Where a selector sits inside the one-operation scenario document used to validate it. */
const TARGET_PATH = ['operations', 0, 'target'] as const;

/**
 * Throw unless `selector` is a valid selector for `network`, with the rules scenario documents apply
 * to an operation's `target` (known keys only, arrays of ids, ISO country codes, known modes, and
 * links, nodes, corridors and commodities that exist). The selector is validated as the target of a
 * one-operation scenario, so the rules cannot drift from the document format's; issue paths are
 * then made relative to the selector.
 *
 * @param network - the network the selector refers to
 * @param selector - the argument
 * @param argument - its name, for the error
 * @throws InvalidArgumentError when it is not an object; ValidationError listing every issue otherwise
 */
function requireSelector(
  network: Network,
  selector: unknown,
  argument: string,
): asserts selector is Selector {
  requireObject(selector, MODULE, argument, 'a Selector');
  const result = safeParseScenario(
    {
      format: 'corridor-sim/scenario',
      version: 1,
      id: argument,
      name: argument,
      operations: [{ kind: 'close-links', target: selector }],
    },
    network,
  );
  if (result.success) return;
  const issues = result.issues.map(
    (issue): ValidationIssue =>
      TARGET_PATH.every((segment, i) => issue.path[i] === segment)
        ? { ...issue, path: issue.path.slice(TARGET_PATH.length) }
        : issue,
  );
  throw new ValidationError(argument, issues);
}

/**
 * The links of a corridor, for selectors.
 *
 * @param network - the network
 * @param corridorId - the corridor
 * @returns link ids
 * @throws NotFoundError when the corridor does not exist; InvalidArgumentError when `corridorId` is not
 *   a string or `network` is not a Network
 * @example corridorLinks(net, 'middle') // Set { 'altynkol-almaty', ... }
 * @remarks Complexity O(corridors + waypoints × degree).
 */
export function corridorLinks(network: Network, corridorId: string): Set<string> {
  requireNetwork(network, MODULE, 'network');
  if (typeof corridorId !== 'string') {
    throw new InvalidArgumentError(
      MODULE,
      'corridorId',
      `must be a corridor id string, got ${describeValue(corridorId)}`,
    );
  }
  const corridor = network.corridors.find((c) => c.id === corridorId);
  if (!corridor) throw new NotFoundError(MODULE, 'corridor', corridorId);
  if (corridor.links && corridor.links.length > 0) return new Set(corridor.links);
  const out = new Set<string>();
  const waypoints = corridor.waypoints ?? [];
  for (let i = 1; i < waypoints.length; i++) {
    for (const edge of network.graph.outEdges(waypoints[i - 1]!, waypoints[i]!)) {
      if (network.graph.getEdgeAttributes(edge).commodity === corridor.commodity) out.add(edge);
    }
  }
  return out;
}

/**
 * A predicate that tells whether a link matches a selector.
 *
 * @param network - the network (for corridors)
 * @param selector - the selector
 * @returns `(link) => boolean`
 */
export function linkMatcher(network: Network, selector: Selector): (link: LinkAttributes) => boolean {
  const commodities = selector.commodities && new Set(selector.commodities);
  const modes = selector.modes && new Set<string>(selector.modes);
  const countries = selector.countries && new Set(selector.countries);
  const links = selector.links && new Set(selector.links);
  const nodes = selector.nodes && new Set(selector.nodes);
  let corridor: Set<string> | undefined;
  if (selector.corridors) {
    corridor = new Set<string>();
    for (const id of selector.corridors) for (const link of corridorLinks(network, id)) corridor.add(link);
  }
  return (link) =>
    (!commodities || commodities.has(link.commodity)) &&
    (!modes || modes.has(link.mode)) &&
    (!countries || link.countries.some((c) => countries.has(c))) &&
    (!links || links.has(link.id)) &&
    (!nodes || nodes.has(link.from) || nodes.has(link.to)) &&
    (!corridor || corridor.has(link.id));
}

/**
 * The ids of the links a selector selects, in network order.
 *
 * @param network - the network
 * @param selector - the selector (validated like a scenario operation's `target`)
 * @returns link ids
 * @throws InvalidArgumentError when `network` is not a Network or `selector` not an object
 * @throws ValidationError when the selector has an unknown key (`$.countris`), a field that is not an
 *   array (`$.countries`), a bad country code or mode, or names a link, node, corridor or commodity the
 *   network does not have (`$.links[0]`); every issue with its path inside the selector
 * @example selectLinks(net, { countries: ['RU'], modes: ['rail'] })
 * @remarks Complexity O(links + selector size).
 */
export function selectLinks(network: Network, selector: Selector): string[] {
  requireNetwork(network, MODULE, 'network');
  requireSelector(network, selector, 'selector');
  const matches = linkMatcher(network, selector);
  return network.graph.filterEdges((_id, link) => matches(link));
}
