/**
 * The structure of a compiled network
 * ===================================
 *
 * What {@link compileNetwork} derives from ids alone: node and link order, the split of nodes into
 * entry and exit copies (a node that declares a handling capacity for a commodity), arc endpoints, the
 * CSR index, commodities and modes. A scenario changes capacities, costs and times but rarely the
 * structure, so every network rebuilt from the same network (`networkOrigin`) shares one remembered
 * structure; `compileNetwork` checks that a network still has it (same ids in the same order, same
 * endpoints, commodities, modes and split nodes) while it reads the values, and builds a new one when
 * it does not.
 *
 * Internal: no public API.
 */

import type { CommodityId } from '../../model/ids.js';
import type { LinkAttributes, Network, NodeAttributes } from '../../model/network.js';
import { MODES, type Mode, networkOrigin } from '../../model/network.js';
import { buildCsr } from './csr.js';

/** A network's commodity, node and link ids by index, and node and link indexes by id. */
export interface NetworkIds {
  /** Commodity ids by commodity index. */
  readonly commodityIds: readonly CommodityId[];
  /** Node ids by node index. */
  readonly nodeIds: readonly string[];
  /** Link ids by link index (= arc id for arcs below the link count). */
  readonly linkIds: readonly string[];
  /** Node index by id. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** Link index by id. */
  readonly linkIndex: ReadonlyMap<string, number>;
}

/** The structure of a network as `compileNetwork` lays it out (arcs = links, then node arcs). */
export interface Topology extends NetworkIds {
  /** `from` of each link, as the structure was built from (checked on reuse). */
  readonly linkFrom: readonly string[];
  /** `to` of each link. */
  readonly linkTo: readonly string[];
  /** `commodity` of each link. */
  readonly linkCommodity: readonly string[];
  /** `mode` of each link. */
  readonly linkMode: readonly string[];
  /** Node index of each link's head. */
  readonly linkHeadNode: Int32Array;
  /** 1 when a link's head is not split for its commodity (its dwell and handling cost are charged on arrival). */
  readonly headUnsplit: Uint8Array;
  /** 1 when node `n` is split for commodity `c`: `split[c * N + n]`. */
  readonly split: Uint8Array;
  /** Number of vertices. */
  readonly vertexCount: number;
  /** Number of arcs (links, then node arcs). */
  readonly arcCount: number;
  /**
   * The integer arrays of the compiled network, one after the other (see {@link INT_PARTS} for the
   * order and {@link intLengths} for the lengths): copied into each compiled network.
   */
  readonly ints: Int32Array;
  /** `arcCommodity` then `arcMode` (M each). */
  readonly bytes: Uint8Array;
}

/** The integer arrays of a compiled network, in the order {@link Topology.ints} holds them. */
export const INT_PARTS = [
  'tail',
  'head',
  'outStart',
  'outArcs',
  'outHead',
  'inStart',
  'inArcs',
  'vertexNode',
  'arcNode',
  'exitVertex',
  'entryVertex',
] as const;

/**
 * The lengths of the parts of {@link Topology.ints}, in {@link INT_PARTS} order.
 *
 * @param topology - the structure
 * @returns one length per part
 */
export function intLengths(topology: Topology): number[] {
  const M = topology.arcCount;
  const V = topology.vertexCount;
  const CN = topology.commodityIds.length * topology.nodeIds.length;
  return [M, M, V + 1, M, M, V + 1, M, V, M, CN, CN];
}

/** Remembered structures per network origin, most recently used first. */
const TOPOLOGIES = new WeakMap<Network, Topology[]>();
/** How many structures one origin remembers (a scenario that adds links has its own). */
const PER_ORIGIN = 4;

/**
 * The structures remembered for the networks rebuilt from the same network as `network`, most
 * recently used first. The caller checks which one fits (if any) and reports it with {@link useTopology}.
 *
 * @param network - the network being compiled
 * @returns candidate structures (possibly none)
 */
export function candidateTopologies(network: Network): readonly Topology[] {
  return TOPOLOGIES.get(networkOrigin(network)) ?? [];
}

/**
 * Remember that `network` has `topology` (moved first among its origin's structures).
 *
 * @param network - the network being compiled
 * @param topology - the structure it has
 */
export function useTopology(network: Network, topology: Topology): void {
  const origin = networkOrigin(network);
  const list = TOPOLOGIES.get(origin);
  if (!list) {
    TOPOLOGIES.set(origin, [topology]);
    return;
  }
  const at = list.indexOf(topology);
  if (at === 0) return;
  if (at > 0) list.splice(at, 1);
  list.unshift(topology);
  if (list.length > PER_ORIGIN) list.length = PER_ORIGIN;
}

/**
 * Build the structure of a network.
 *
 * @param nodes - the network's node records, in its order
 * @param links - the network's link records, in its order
 * @param commodityIds - the network's commodity ids
 * @returns the structure
 * @remarks Complexity O(N + L).
 */
export function buildTopology(
  nodes: readonly NodeAttributes[],
  links: readonly LinkAttributes[],
  commodityIds: readonly string[],
): Topology {
  const nodeIds: string[] = [];
  for (let n = 0; n < nodes.length; n++) nodeIds.push(nodes[n]!.id);
  const linkIds: string[] = [];
  for (let e = 0; e < links.length; e++) linkIds.push(links[e]!.id);
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));
  const linkIndex = new Map(linkIds.map((id, i) => [id, i]));
  const commodityIndex = new Map(commodityIds.map((id, i) => [id, i]));
  const N = nodeIds.length;
  const C = commodityIds.length;
  const L = linkIds.length;

  // Vertices: one per node, then entry/exit copies for split (node, commodity) pairs.
  const exitVertex = new Int32Array(C * N);
  const entryVertex = new Int32Array(C * N);
  const split = new Uint8Array(C * N);
  const vertexNode: number[] = [];
  for (let n = 0; n < N; n++) vertexNode.push(n);
  const nodeArcs: { node: number; commodity: number; from: number; to: number }[] = [];
  for (let n = 0; n < N; n++) {
    const attrs = nodes[n]!;
    for (let c = 0; c < C; c++) {
      const handling = attrs.handling?.[commodityIds[c]!];
      if (handling?.capacityPerYear !== undefined) {
        const entry = vertexNode.length;
        vertexNode.push(n);
        const exit = vertexNode.length;
        vertexNode.push(n);
        entryVertex[c * N + n] = entry;
        exitVertex[c * N + n] = exit;
        split[c * N + n] = 1;
        nodeArcs.push({ node: n, commodity: c, from: entry, to: exit });
      } else {
        entryVertex[c * N + n] = n;
        exitVertex[c * N + n] = n;
      }
    }
  }

  const M = L + nodeArcs.length;
  const tail = new Int32Array(M);
  const head = new Int32Array(M);
  const arcNode = new Int32Array(M).fill(-1);
  const arcCommodity = new Uint8Array(M);
  const arcMode = new Uint8Array(M).fill(255);
  const modeIndex = new Map<Mode, number>(MODES.map((m, i) => [m, i]));
  const linkFrom: string[] = new Array(L);
  const linkTo: string[] = new Array(L);
  const linkCommodity: string[] = new Array(L);
  const linkMode: string[] = new Array(L);
  const linkHeadNode = new Int32Array(L);
  const headUnsplit = new Uint8Array(L);
  for (let e = 0; e < L; e++) {
    const link = links[e]!;
    const c = commodityIndex.get(link.commodity)!;
    const u = nodeIndex.get(link.from)!;
    const v = nodeIndex.get(link.to)!;
    tail[e] = exitVertex[c * N + u]!;
    head[e] = entryVertex[c * N + v]!;
    arcCommodity[e] = c;
    arcMode[e] = modeIndex.get(link.mode)!;
    linkFrom[e] = link.from;
    linkTo[e] = link.to;
    linkCommodity[e] = link.commodity;
    linkMode[e] = link.mode;
    linkHeadNode[e] = v;
    headUnsplit[e] = head[e] === v ? 1 : 0;
  }
  nodeArcs.forEach((arc, i) => {
    const e = L + i;
    tail[e] = arc.from;
    head[e] = arc.to;
    arcNode[e] = arc.node;
    arcCommodity[e] = arc.commodity;
  });
  const csr = buildCsr(vertexNode.length, tail, head);
  const parts: Record<(typeof INT_PARTS)[number], Int32Array> = {
    tail: csr.tail,
    head: csr.head,
    outStart: csr.outStart,
    outArcs: csr.outArcs,
    outHead: csr.outHead,
    inStart: csr.inStart,
    inArcs: csr.inArcs,
    vertexNode: Int32Array.from(vertexNode),
    arcNode,
    exitVertex,
    entryVertex,
  };
  const ints = new Int32Array(INT_PARTS.reduce((a, p) => a + parts[p].length, 0));
  let offset = 0;
  for (const p of INT_PARTS) {
    ints.set(parts[p], offset);
    offset += parts[p].length;
  }
  const bytes = new Uint8Array(2 * M);
  bytes.set(arcCommodity, 0);
  bytes.set(arcMode, M);
  return {
    commodityIds: [...commodityIds],
    nodeIds,
    linkIds,
    nodeIndex,
    linkIndex,
    linkFrom,
    linkTo,
    linkCommodity,
    linkMode,
    linkHeadNode,
    headUnsplit,
    split,
    vertexCount: vertexNode.length,
    arcCount: M,
    ints,
    bytes,
  };
}
