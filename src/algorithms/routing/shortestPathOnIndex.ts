/**
 * Shortest path on a routing index (typed arrays)
 * ===============================================
 *
 * The hot-loop twin of `shortestPath`: the same generalized cost and filters, answered by the
 * typed-array Dijkstra of `_internal/dijkstra.ts` on the compiled CSR, stopping as soon as the
 * destination is settled.
 */

import type { NodeId } from '../../model/ids.js';
import { shortestPathTree, treePathArcs } from '../_internal/dijkstra.js';
import { buildPath, type PathResult } from './path.js';
import {
  destinationVertex,
  exemptionKey,
  indexState,
  linkIdsOfArcs,
  nodeIndexOf,
  originVertex,
  type RoutingIndex,
  weightsFor,
} from './routingIndex.js';

/**
 * The least generalized-cost path between two nodes on a {@link RoutingIndex}. Same answer as
 * `shortestPath` on the index's network and options (equal cost; among equal-cost paths either may
 * be returned).
 *
 * @param index - from `createRoutingIndex`
 * @param origin - origin node id
 * @param destination - destination node id
 * @returns `{ status: 'optimal', path }`, or `{ status: 'unreachable', origin, destination }`
 * @throws NotFoundError on an unknown node; InvalidArgumentError when `index` is not a routing index
 * @example
 * const index = createRoutingIndex(net, { valueOfTimeUsdPerUnitDay: 30 });
 * for (const [o, d] of pairs) shortestPathOnIndex(index, o, d);
 * @remarks Complexity O((N + L) log N) per query, early exit at the destination; no allocation besides
 * the result. Reference: E. W. Dijkstra, Numer. Math. 1 (1959), with a 4-ary indexed heap.
 */
export function shortestPathOnIndex(index: RoutingIndex, origin: NodeId, destination: NodeId): PathResult {
  const state = indexState(index);
  const o = nodeIndexOf(state, origin);
  const d = nodeIndexOf(state, destination);
  const weight = weightsFor(state, exemptionKey(state, o, d));
  const source = originVertex(state, o);
  const target = destinationVertex(state, d);
  const tree = shortestPathTree(state.compiled.csr, weight, source, state.workspace, {
    target,
    weightOrder: 'out',
  });
  if (tree.distance[target] === Number.POSITIVE_INFINITY)
    return { status: 'unreachable', origin, destination };
  const arcs = treePathArcs(state.compiled.csr, tree, target);
  return {
    status: 'optimal',
    path: buildPath(index.network, state.options, origin, linkIdsOfArcs(state, arcs)),
  };
}
