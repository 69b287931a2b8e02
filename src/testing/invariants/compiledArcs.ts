/**
 * The arc numbering of compiled networks
 * ======================================
 *
 * Result paths list *arc indices* of the compiled network the solver ran on. corridor-sim numbers
 * them as its compiler does: arcs `0..L−1` are the network's links in insertion order; then one
 * node-handling arc per (node, commodity) whose handling declares a capacity, nodes in insertion order
 * and commodities in declaration order. A node with such an arc is *split* for that commodity: links
 * of the commodity arrive at its entry and leave from its exit, and the node arc between them carries
 * the handling cost and the dwell. At a node that is not split, dwell and handling cost are charged on
 * the arriving link. The origin's own handling is not charged, the destination's is only when the node
 * is not split (the node arc is not traversed at the destination).
 *
 * This module rebuilds that numbering from the network alone, so the testing kit needs no import of
 * the algorithms. A user's own runner with another numbering passes its own table to the checkers.
 */

import { describeValue, InvalidArgumentError } from '../../model/errors.js';
import type { CommodityId, NodeId } from '../../model/ids.js';
import type { LinkAttributes, Network } from '../../model/network.js';

/** A link arc. */
export interface LinkArc {
  readonly kind: 'link';
  /** Arc index. */
  readonly index: number;
  /** The link. */
  readonly link: LinkAttributes;
  /** Whether the head node is split for the link's commodity (its dwell and cost are on a node arc). */
  readonly headSplit: boolean;
  /** Money cost, USD per unit: the link's cost plus the head's handling cost when the head is not split. */
  readonly costUsd: number;
  /** Free-flow time, days: the link's transit time plus the head's dwell when the head is not split. */
  readonly freeFlowDays: number;
}

/** A node-handling arc. */
export interface NodeArc {
  readonly kind: 'node';
  /** Arc index. */
  readonly index: number;
  /** The node. */
  readonly node: NodeId;
  /** The commodity handled. */
  readonly commodity: CommodityId;
  /** Handling capacity per year. */
  readonly capacityPerYear: number;
  /** Handling cost, USD per unit. */
  readonly costUsd: number;
  /** Node dwell plus the commodity's handling dwell, days. */
  readonly freeFlowDays: number;
}

/** One arc of a compiled network. */
export type CompiledArc = LinkArc | NodeArc;

/**
 * The arcs of a network in the order corridor-sim's compiler numbers them.
 *
 * @param network - the network the solver ran on (for a simulation result: `result.applied.network`)
 * @returns one entry per arc; entry `i` describes arc `i`
 * @throws InvalidArgumentError when `network` is not a network
 * @example
 * const arcs = compiledArcs(result.applied.network);
 * const links = result.paths[0].arcs.flatMap((a) => (arcs[a].kind === 'link' ? [arcs[a].link.id] : []));
 * @remarks Complexity O(N · C + L). Follows the node-splitting construction of src/algorithms/_internal/compile.ts.
 */
export function compiledArcs(network: Network): CompiledArc[] {
  if (typeof network !== 'object' || network === null || typeof network.graph?.forEachEdge !== 'function') {
    throw new InvalidArgumentError(
      'corridor-sim/testing',
      'network',
      `must be a Network, got ${describeValue(network)}`,
    );
  }
  const graph = network.graph;
  const commodities = Object.keys(network.commodities);
  const split = (node: NodeId, commodity: CommodityId) =>
    graph.getNodeAttributes(node).handling?.[commodity]?.capacityPerYear !== undefined;
  const arcs: CompiledArc[] = [];
  graph.forEachEdge((_id, link) => {
    const head = graph.getNodeAttributes(link.to);
    const headSplit = split(link.to, link.commodity);
    const handling = head.handling?.[link.commodity];
    arcs.push({
      kind: 'link',
      index: arcs.length,
      link,
      headSplit,
      costUsd: link.costUsdPerUnit + (headSplit ? 0 : (handling?.costUsdPerUnit ?? 0)),
      freeFlowDays: link.transitDays + (headSplit ? 0 : (head.dwellDays ?? 0) + (handling?.dwellDays ?? 0)),
    });
  });
  graph.forEachNode((id, node) => {
    for (const commodity of commodities) {
      const handling = node.handling?.[commodity];
      if (handling?.capacityPerYear === undefined) continue;
      arcs.push({
        kind: 'node',
        index: arcs.length,
        node: id,
        commodity,
        capacityPerYear: handling.capacityPerYear,
        costUsd: handling.costUsdPerUnit ?? 0,
        freeFlowDays: (node.dwellDays ?? 0) + (handling.dwellDays ?? 0),
      });
    }
  });
  return arcs;
}
