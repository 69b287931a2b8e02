/**
 * Throughput of a corridor network: maximum flow and its binding cut
 * ==================================================================
 *
 * {@link networkMaxFlow} answers "how much of a commodity can get from these origins to these
 * destinations per year, and what limits it": the maximum flow over the links that carry the
 * commodity and are open in the given year, with node handling capacities (terminals, ports, border
 * crossings) enforced by splitting each such node into an entry and an exit copy joined by a node arc
 * (see `_internal/compile.ts`). The minimum cut is reported as the *binding* links and nodes: the
 * capacities whose sum equals the maximum flow. Several sources and sinks are joined to a super
 * source and a super sink by uncapacitated arcs.
 *
 * The cut returned is the one nearest to the sinks (the source side is every node that cannot reach a
 * sink in the residual network). Raising any binding capacity can raise the throughput only if no other
 * minimum cut exists; see docs/flow.md.
 */

import { InvalidArgumentError, NotFoundError } from '../../model/errors.js';
import type { CommodityId, LinkId, NodeId } from '../../model/ids.js';
import type { Network } from '../../model/network.js';
import { scratchArena, type TypedArena } from '../_internal/arena.js';
import { type CompiledNetwork, compileNetwork } from '../_internal/compile.js';
import { MODULE } from './_internal/validate.js';
import { maxFlow, maxFlowCut } from './maxFlow.js';

/** Options of {@link networkMaxFlow}. */
export interface NetworkMaxFlowOptions {
  /**
   * Decimal year (2027, 2027.5): planned links that open on or before it count as active.
   * @defaultValue only links with status `active`
   */
  readonly year?: number;
  /**
   * Links to treat as closed (a what-if without rebuilding the network: the overland capacity with
   * the sea legs closed, a link removed in turn).
   * @defaultValue none
   */
  readonly closedLinks?: readonly LinkId[];
}

/** The maximum throughput and what binds it. */
export interface NetworkMaxFlowOptimal {
  readonly status: 'optimal';
  /** Maximum flow per year, in the commodity's unit (TEU/yr, t/yr). */
  readonly value: number;
  /** Flow per year on each link of the commodity that is open (links without flow included, as 0). */
  readonly linkFlows: Readonly<Record<LinkId, number>>;
  /** Flow through each node with a handling capacity for the commodity. */
  readonly nodeFlows: Readonly<Record<NodeId, number>>;
  /** Links in the minimum cut (saturated; their capacities plus those of the binding nodes = value). */
  readonly bindingLinks: readonly LinkId[];
  /** Nodes whose handling capacity is in the minimum cut. */
  readonly bindingNodes: readonly NodeId[];
  /** Nodes on the source side of the cut (a split node counts when its entry copy is). */
  readonly sourceSide: readonly NodeId[];
  /** True when solved exactly in integers (see {@link maxFlow}). */
  readonly exact: boolean;
}

/** Uncapacitated links join a source to a sink: the throughput is unlimited. */
export interface NetworkMaxFlowUnbounded {
  readonly status: 'unbounded';
  /** The links of an uncapacitated source–sink path, in order. */
  readonly path: readonly LinkId[];
}

/** Result of {@link networkMaxFlow}. */
export type NetworkMaxFlowResult = NetworkMaxFlowOptimal | NetworkMaxFlowUnbounded;

function asList(value: NodeId | readonly NodeId[], name: string): readonly NodeId[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) {
    throw new InvalidArgumentError(
      MODULE,
      name,
      `must be a node id or a non-empty array of node ids, got ${JSON.stringify(value)}`,
    );
  }
  return list;
}

/**
 * Maximum throughput of a commodity from sources to sinks, with the binding links and nodes.
 *
 * @param network - the corridor network (not modified)
 * @param sources - origin node id(s)
 * @param sinks - destination node id(s), disjoint from the sources
 * @param commodity - the commodity (only its links count)
 * @param options - the year for planned links; links to treat as closed
 * @returns `optimal` with value, link and node flows and the binding cut; or `unbounded` with an
 *   uncapacitated path
 * @throws NotFoundError for an unknown node, commodity or closed link; InvalidArgumentError when sources
 *   or sinks are empty or overlap, the year is not a finite number or `closedLinks` not an array
 * @example
 * const r = networkMaxFlow(net, 'almaty', 'duisburg', 'container', { year: 2026 });
 * // on data/samples/two-corridors.json: r.value === 490000 (TEU/yr),
 * // r.bindingLinks = ['moscow-brest', 'aktau-baku']
 * @remarks O(compile) + push-relabel (see {@link maxFlow}).
 */
export function networkMaxFlow(
  network: Network,
  sources: NodeId | readonly NodeId[],
  sinks: NodeId | readonly NodeId[],
  commodity: CommodityId,
  options: NetworkMaxFlowOptions = {},
): NetworkMaxFlowResult {
  const sourceIds = asList(sources, 'sources');
  const sinkIds = asList(sinks, 'sinks');
  if (typeof network !== 'object' || network === null || network.graph === undefined) {
    throw new InvalidArgumentError(MODULE, 'network', 'must be a Network (see createNetwork)');
  }
  if (!Object.hasOwn(network.commodities, commodity))
    throw new NotFoundError(MODULE, 'commodity', String(commodity));
  for (const id of [...sourceIds, ...sinkIds]) {
    if (typeof id !== 'string' || !network.graph.hasNode(id))
      throw new NotFoundError(MODULE, 'node', String(id));
  }
  const sinkSet = new Set(sinkIds);
  for (const id of sourceIds) {
    if (sinkSet.has(id))
      throw new InvalidArgumentError(MODULE, 'sinks', `must not contain the source ${JSON.stringify(id)}`);
  }
  const year = options.year;
  if (year !== undefined && (typeof year !== 'number' || !Number.isFinite(year))) {
    throw new InvalidArgumentError(MODULE, 'options.year', `must be a finite number, got ${String(year)}`);
  }

  const closed = options.closedLinks ?? [];
  if (!Array.isArray(closed)) {
    throw new InvalidArgumentError(
      MODULE,
      'options.closedLinks',
      `must be an array of link ids, got ${typeof closed}`,
    );
  }
  for (const id of closed) {
    if (typeof id !== 'string' || !network.graph.hasEdge(id))
      throw new NotFoundError(MODULE, 'link', String(id));
  }

  const compiled = compileNetwork(network, year === undefined ? {} : { year });
  const shut = new Uint8Array(compiled.csr.arcCount);
  for (const id of closed) shut[compiled.linkIndex.get(id)!] = 1;
  return compiledNetworkMaxFlow(
    compiled,
    sourceIds.map((id) => compiled.nodeIndex.get(id)!),
    sinkIds.map((id) => compiled.nodeIndex.get(id)!),
    compiled.commodityIds.indexOf(commodity),
    shut,
  );
}

/**
 * The max-flow instance of a commodity on a compiled network: its open arcs (`arcOf[i]` is the
 * compiled arc of instance arc i, for i < k), then one uncapacitated arc from a super source to each
 * source and one from each sink to a super sink (vertices `V` and `V + 1`).
 */
interface CommodityInstance {
  readonly arcOf: Int32Array;
  readonly k: number;
  readonly nodeCount: number;
  readonly superSource: number;
  readonly superSink: number;
  readonly tail: Int32Array;
  readonly head: Int32Array;
  readonly cap: Float64Array;
  /** The scratch arena of the arrays above: release it when they are dead. */
  readonly arena: TypedArena;
}

function commodityInstance(
  compiled: CompiledNetwork,
  sources: readonly number[],
  sinks: readonly number[],
  c: number,
  shut: Uint8Array,
): CommodityInstance {
  const { csr, nodeIds, arcCommodity, arcActive, capacity, exitVertex, entryVertex } = compiled;
  const N = nodeIds.length;
  const V = csr.nodeCount;
  const arcCount = csr.arcCount;
  // Arcs of this commodity that are open, then super-source and super-sink arcs.
  let k = 0;
  for (let a = 0; a < arcCount; a++) if (arcCommodity[a] === c && arcActive[a] === 1 && shut[a] === 0) k++;
  const m = k + sources.length + sinks.length;
  // the four arrays as views of one buffer
  const bytes = 8 * m + 4 * (k + 2 * m) + 3 * 8;
  const arena = scratchArena(bytes);
  const cap = arena.f64(m);
  const arcOf = arena.i32(k);
  const tail = arena.i32(m);
  const head = arena.i32(m);
  let i = 0;
  for (let a = 0; a < arcCount; a++) {
    if (arcCommodity[a] !== c || arcActive[a] !== 1 || shut[a] !== 0) continue;
    arcOf[i] = a;
    tail[i] = csr.tail[a]!;
    head[i] = csr.head[a]!;
    cap[i++] = capacity[a]!;
  }
  const superSource = V;
  const superSink = V + 1;
  for (const n of sources) {
    tail[i] = superSource;
    head[i] = exitVertex[c * N + n]!;
    cap[i++] = Number.POSITIVE_INFINITY;
  }
  for (const n of sinks) {
    tail[i] = entryVertex[c * N + n]!;
    head[i] = superSink;
    cap[i++] = Number.POSITIVE_INFINITY;
  }
  return { arcOf, k, nodeCount: V + 2, superSource, superSink, tail, head, cap, arena };
}

/**
 * {@link networkMaxFlow} on a network already compiled, for callers that hold one (the binding cut
 * of `simulate`): no validation, no second compile.
 *
 * @param compiled - the compiled network
 * @param sources - source node indices (into `compiled.nodeIds`)
 * @param sinks - sink node indices, disjoint from the sources
 * @param c - commodity index (into `compiled.commodityIds`)
 * @param shut - 1 for arcs to treat as closed, by arc index (entries past the arc count are not read)
 * @returns as {@link networkMaxFlow}
 * @internal
 */
export function compiledNetworkMaxFlow(
  compiled: CompiledNetwork,
  sources: readonly number[],
  sinks: readonly number[],
  c: number,
  shut: Uint8Array,
): NetworkMaxFlowResult {
  const { nodeIds, linkIds, linkCount, arcNode, entryVertex } = compiled;
  const N = nodeIds.length;
  const instance = commodityInstance(compiled, sources, sinks, c, shut);
  // the instance is scratch of this call (the result keeps ids and numbers)
  try {
    const { arcOf, k, nodeCount, superSource, superSink, tail, head, cap } = instance;
    const result = maxFlow({ nodeCount, tail, head, capacity: cap }, superSource, superSink);
    if (result.status === 'unbounded') {
      const path: LinkId[] = [];
      for (const e of result.path) if (e < k && arcOf[e]! < linkCount) path.push(linkIds[arcOf[e]!]!);
      return { status: 'unbounded', path };
    }

    const linkFlows: Record<LinkId, number> = {};
    const nodeFlows: Record<NodeId, number> = {};
    for (let j = 0; j < k; j++) {
      const a = arcOf[j]!;
      if (a < linkCount) linkFlows[linkIds[a]!] = result.flow[j]!;
      else nodeFlows[nodeIds[arcNode[a]!]!] = result.flow[j]!;
    }
    const { bindingLinks, bindingNodes } = binding(compiled, arcOf, k, result.cutArcs);
    const sourceSide: NodeId[] = [];
    for (let n = 0; n < N; n++) {
      if (result.sourceSide[entryVertex[c * N + n]!] === 1) sourceSide.push(nodeIds[n]!);
    }
    return {
      status: 'optimal',
      value: result.value,
      linkFlows,
      nodeFlows,
      bindingLinks,
      bindingNodes,
      sourceSide,
      exact: result.exact,
    };
  } finally {
    instance.arena.release();
  }
}

/** The maximum throughput and its binding cut, without flows (see {@link compiledNetworkMinCut}). */
export type CompiledNetworkMinCut =
  | Pick<NetworkMaxFlowOptimal, 'status' | 'value' | 'bindingLinks' | 'bindingNodes' | 'exact'>
  | { readonly status: 'unbounded' };

/**
 * The value and binding links and nodes of {@link compiledNetworkMaxFlow}, without what else it
 * reports (flows, source side, the path of an unbounded instance): for the binding cut of `simulate`,
 * which needs only these. The value, links and nodes are those `compiledNetworkMaxFlow` returns; the
 * minimum cut is final after phase 1 of push-relabel (see {@link maxFlowCut}).
 *
 * @param compiled - the compiled network
 * @param sources - source node indices (into `compiled.nodeIds`)
 * @param sinks - sink node indices, disjoint from the sources
 * @param c - commodity index (into `compiled.commodityIds`)
 * @param shut - 1 for arcs to treat as closed, by arc index (entries past the arc count are not read)
 * @returns `optimal` with value, binding links and nodes; or `unbounded`
 * @throws as {@link compiledNetworkMaxFlow} when a capacity is negative or NaN
 * @internal
 */
export function compiledNetworkMinCut(
  compiled: CompiledNetwork,
  sources: readonly number[],
  sinks: readonly number[],
  c: number,
  shut: Uint8Array,
): CompiledNetworkMinCut {
  // the instance and the solver's buffers are scratch of this call (the result keeps ids and numbers)
  const instance = commodityInstance(compiled, sources, sinks, c, shut);
  try {
    const { arcOf, k, cap } = instance;
    for (let i = 0; i < k; i++) {
      // what maxFlow refuses: let it say so
      if (!(cap[i]! >= 0)) return compiledNetworkMaxFlow(compiled, sources, sinks, c, shut);
    }
    const result = maxFlowCut(
      instance.nodeCount,
      instance.tail,
      instance.head,
      cap,
      instance.superSource,
      instance.superSink,
    );
    if (result.status === 'unbounded') return { status: 'unbounded' };
    const { bindingLinks, bindingNodes } = binding(compiled, arcOf, k, result.cutArcs);
    return { status: 'optimal', value: result.value, bindingLinks, bindingNodes, exact: result.exact };
  } finally {
    instance.arena.release();
  }
}

/** Links and nodes of the cut arcs (super arcs are uncapacitated, never in a finite cut). */
function binding(
  compiled: CompiledNetwork,
  arcOf: Int32Array,
  k: number,
  cutArcs: Int32Array,
): { bindingLinks: LinkId[]; bindingNodes: NodeId[] } {
  const { linkIds, nodeIds, linkCount, arcNode } = compiled;
  const bindingLinks: LinkId[] = [];
  const bindingNodes: NodeId[] = [];
  for (let i = 0; i < cutArcs.length; i++) {
    const e = cutArcs[i]!;
    if (e >= k) continue;
    const a = arcOf[e]!;
    if (a < linkCount) bindingLinks.push(linkIds[a]!);
    else bindingNodes.push(nodeIds[arcNode[a]!]!);
  }
  return { bindingLinks, bindingNodes };
}
