/**
 * k shortest loopless paths (Yen 1971)
 * ====================================
 *
 * Yen's algorithm on the routing index: the best path by Dijkstra, then for every later path, each node
 * of the previous path in turn becomes a *spur node*; the arcs that earlier paths with the same root
 * take out of it and the root's other nodes are removed, and a Dijkstra from the spur node to the
 * destination completes a candidate. The cheapest candidate becomes the next path.
 *
 * Paths are loopless in nodes and distinct as link sequences (two parallel links give two paths).
 * Removals are done on a scratch copy of the weight array and undone after each spur search.
 *
 * Reference: J. Y. Yen, "Finding the k shortest loopless paths in a network", Management Science 17(11),
 * 1971, pp. 712–716.
 */

import { describeValue, InvalidArgumentError } from '../../model/errors.js';
import type { NodeId } from '../../model/ids.js';
import type { Network } from '../../model/network.js';
import { shortestPathTree, treePathArcs } from '../_internal/dijkstra.js';
import type { RoutingOptions } from './options.js';
import { buildPath, type Path } from './path.js';
import {
  createRoutingIndex,
  destinationVertex,
  exemptionKey,
  indexState,
  linkIdsOfArcs,
  nodeIndexOf,
  originVertex,
  type RoutingIndex,
  weightsFor,
} from './routingIndex.js';

const MODULE = 'corridor-sim/routing';

/** Options of {@link kShortestPaths}. */
export interface KShortestPathsOptions extends RoutingOptions {}

/** Outcome of a k-shortest-paths query. */
export type KShortestPathsResult =
  | {
      /** At least one path exists; `paths` holds up to k of them, cheapest first. */
      readonly status: 'optimal';
      /** Paths in nondecreasing `weight`; fewer than k when fewer loopless paths exist. */
      readonly paths: readonly [Path, ...Path[]];
    }
  | { readonly status: 'unreachable'; readonly origin: NodeId; readonly destination: NodeId };

interface Candidate {
  readonly arcs: number[];
  readonly cost: number;
  readonly key: string;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  if (a.arcs.length !== b.arcs.length) return a.arcs.length - b.arcs.length;
  for (let i = 0; i < a.arcs.length; i++) {
    if (a.arcs[i] !== b.arcs[i]) return a.arcs[i]! - b.arcs[i]!;
  }
  return 0;
}

/**
 * Up to `k` loopless paths between two nodes on a {@link RoutingIndex}, cheapest first.
 *
 * @param index - from `createRoutingIndex`
 * @param origin - origin node id
 * @param destination - destination node id
 * @param k - how many paths (integer ≥ 1)
 * @returns `{ status: 'optimal', paths }` (1..k paths, nondecreasing weight) or `{ status: 'unreachable' }`
 * @throws NotFoundError on an unknown node; InvalidArgumentError on a bad `k` or index
 * @example
 * const index = createRoutingIndex(net, { valueOfTimeUsdPerUnitDay: 30 });
 * const r = kShortestPathsOnIndex(index, 'xian', 'duisburg', 3);
 * @remarks Complexity O(k · P · (N + L) log N) for paths of at most P nodes. Reference: Yen (1971).
 */
export function kShortestPathsOnIndex(
  index: RoutingIndex,
  origin: NodeId,
  destination: NodeId,
  k: number,
): KShortestPathsResult {
  const state = indexState(index);
  if (!Number.isSafeInteger(k) || k < 1) {
    throw new InvalidArgumentError(MODULE, 'k', `must be an integer ≥ 1, got ${describeValue(k)}`);
  }
  const o = nodeIndexOf(state, origin);
  const d = nodeIndexOf(state, destination);
  const { csr } = state.compiled;
  const { outPosition, workspace } = state;
  const base = weightsFor(state, exemptionKey(state, o, d));
  const source = originVertex(state, o);
  const target = destinationVertex(state, d);

  // Step 1: the shortest path.
  let tree = shortestPathTree(csr, base, source, workspace, { target, weightOrder: 'out' });
  if (tree.distance[target] === Number.POSITIVE_INFINITY)
    return { status: 'unreachable', origin, destination };

  const arcCost = (e: number): number => base[outPosition[e]!]!;
  const pathCost = (arcs: readonly number[]): number => {
    let c = 0;
    for (const e of arcs) c += arcCost(e);
    return c;
  };
  const first = treePathArcs(csr, tree, target);
  const accepted: Candidate[] = [{ arcs: first, cost: pathCost(first), key: first.join(',') }];
  const known = new Set<string>([accepted[0]!.key]);
  const candidates: Candidate[] = [];
  const scratch = Float64Array.from(base);
  const touched: number[] = [];
  const block = (e: number): void => {
    const p = outPosition[e]!;
    if (scratch[p] !== Number.POSITIVE_INFINITY) {
      scratch[p] = Number.POSITIVE_INFINITY;
      touched.push(p);
    }
  };

  while (accepted.length < k) {
    // Step 2: spur from every vertex of the last accepted path except the target.
    const previous = accepted[accepted.length - 1]!.arcs;
    const vertices = [source];
    for (const e of previous) vertices.push(csr.head[e]!);
    for (let i = 0; i < previous.length; i++) {
      const spur = vertices[i]!;
      const root = previous.slice(0, i);
      // Remove the next arc of every accepted path that shares this root.
      for (const path of accepted) {
        if (path.arcs.length > i && root.every((e, j) => path.arcs[j] === e)) block(path.arcs[i]!);
      }
      // Remove the root's vertices (all arcs into them), so that the spur path cannot revisit them.
      for (let j = 0; j < i; j++) {
        const v = vertices[j]!;
        for (let q = csr.inStart[v]!; q < csr.inStart[v + 1]!; q++) block(csr.inArcs[q]!);
      }
      tree = shortestPathTree(csr, scratch, spur, workspace, { target, weightOrder: 'out' });
      if (tree.distance[target] !== Number.POSITIVE_INFINITY) {
        const arcs = root.concat(treePathArcs(csr, tree, target));
        const key = arcs.join(',');
        if (!known.has(key)) {
          known.add(key);
          candidates.push({ arcs, cost: pathCost(arcs), key });
        }
      }
      for (const p of touched) scratch[p] = base[p]!;
      touched.length = 0;
    }
    if (candidates.length === 0) break;
    // Step 3: the cheapest candidate (ties: fewer arcs, then arc ids) is the next path.
    let best = 0;
    for (let c = 1; c < candidates.length; c++) {
      if (compareCandidates(candidates[c]!, candidates[best]!) < 0) best = c;
    }
    accepted.push(candidates[best]!);
    candidates[best] = candidates[candidates.length - 1]!;
    candidates.pop();
  }

  const paths = accepted.map((c) =>
    buildPath(index.network, state.options, origin, linkIdsOfArcs(state, c.arcs)),
  );
  return { status: 'optimal', paths: paths as [Path, ...Path[]] };
}

/**
 * Up to `k` loopless paths between two nodes, cheapest first (Yen's algorithm on a routing index built
 * for this call; build the index yourself with `createRoutingIndex` for repeated queries).
 *
 * @param network - the network
 * @param origin - origin node id
 * @param destination - destination node id
 * @param k - how many paths (integer ≥ 1)
 * @param options - commodity, value of time, year, avoided countries and links, custom weight
 * @returns `{ status: 'optimal', paths }` (1..k paths, nondecreasing weight) or `{ status: 'unreachable' }`
 * @throws NotFoundError on unknown nodes, commodity or avoided link; InvalidArgumentError on bad options or k
 * @example
 * const r = kShortestPaths(net, 'xian', 'duisburg', 3, { valueOfTimeUsdPerUnitDay: 30 });
 * if (r.status === 'optimal') r.paths.map((p) => p.generalizedCostUsd);
 * @remarks Complexity O(N + L) to index, then as {@link kShortestPathsOnIndex}. Reference: Yen (1971).
 */
export function kShortestPaths(
  network: Network,
  origin: NodeId,
  destination: NodeId,
  k: number,
  options: KShortestPathsOptions = {},
): KShortestPathsResult {
  if (!Number.isSafeInteger(k) || k < 1) {
    throw new InvalidArgumentError(MODULE, 'k', `must be an integer ≥ 1, got ${describeValue(k)}`);
  }
  return kShortestPathsOnIndex(createRoutingIndex(network, options), origin, destination, k);
}
