/**
 * Compile a Network to typed arrays
 * =================================
 *
 * Turns a {@link Network} into a {@link CompiledNetwork}: a CSR index plus one typed array per arc
 * attribute, and the node and link records by index. Every algorithm that loops runs on this. It reads
 * the network's records (`networkRecordLists`), never its graphology graph, so a network whose graph
 * is deferred (simulate's applied network) compiles without building it; code that runs on a compiled
 * network reads records from `nodes` and `links`, not from `network.graph`.
 *
 * Arcs `0..linkCount-1` are the network's links in insertion order. A node that declares a handling
 * capacity for a commodity is split for that commodity into an entry copy and an exit copy joined by
 * a *node arc* that carries the capacity, the handling cost and the dwell; links of that commodity end
 * at the entry copy and start at the exit copy. Node arcs follow the links (`linkCount..arcCount-1`).
 * Dwell and handling cost of nodes that are not split are charged on the arcs that arrive at them.
 * Flow originates at a node's exit copy and is absorbed at its entry copy, so an origin's or a
 * destination's own handling is not charged: the arrays describe transit.
 *
 * Planned links are inactive unless they open on or before `year` (a decimal year); closed links are inactive.
 *
 * Internal: no public API. Complexity O(N + L).
 */

import { decimalYear } from '../../model/dates.js';
import {
  type LinkAttributes,
  type Network,
  type NetworkRecordLists,
  type NodeAttributes,
  networkRecordLists,
} from '../../model/network.js';
import type { Csr } from './csr.js';
import {
  buildTopology,
  candidateTopologies,
  INT_PARTS,
  intLengths,
  type NetworkIds,
  type Topology,
  useTopology,
} from './topology.js';

export { decimalYear };

/** A network compiled for hot loops. */
export interface CompiledNetwork extends NetworkIds {
  /** The source network (its graph is not read: a deferred network's is never built here). */
  readonly network: Network;
  /** Node records by node index (the network's own, frozen). */
  readonly nodes: readonly NodeAttributes[];
  /** Link records by link index (the network's own, frozen). */
  readonly links: readonly LinkAttributes[];
  /** Number of links (arcs `0..linkCount-1`). */
  readonly linkCount: number;
  /** The graph over vertices (node copies); arcs = links then node arcs. */
  readonly csr: Csr;
  /** Original node of each vertex. */
  readonly vertexNode: Int32Array;
  /** Node index of a node arc, -1 for link arcs. */
  readonly arcNode: Int32Array;
  /** Commodity index of each arc. */
  readonly arcCommodity: Uint8Array;
  /** Mode index (into MODES) of each arc; 255 for node arcs. */
  readonly arcMode: Uint8Array;
  /** 1 when the arc can carry flow in the compiled year (active or opened), else 0. */
  readonly arcActive: Uint8Array;
  /** Capacity per year (Infinity when uncapacitated). */
  readonly capacity: Float64Array;
  /** Free-flow time in days, including dwell charged at the arc's head when not split. */
  readonly timeDays: Float64Array;
  /** The part of `timeDays` that is dwell at the arc's head (unsplit heads; 0 for node arcs): constant, never congested. */
  readonly arrivalDwellDays: Float64Array;
  /** Money cost USD per unit, including handling cost charged at the arc's head when not split. */
  readonly costUsd: Float64Array;
  /** Length, km (0 for node arcs). */
  readonly distanceKm: Float64Array;
  /** Vertex where a commodity's flow leaves node `n`: `exitVertex[c * N + n]`. */
  readonly exitVertex: Int32Array;
  /** Vertex where a commodity's flow arrives at node `n`: `entryVertex[c * N + n]`. */
  readonly entryVertex: Int32Array;
}

/** Options of {@link compileNetwork}. */
export interface CompileOptions {
  /** Decimal year: planned links with an opening date on or before it count as active. */
  readonly year?: number;
}

/**
 * Compile a network.
 *
 * The structure (ids, endpoints, split nodes, CSR index) of networks rebuilt from the same network is
 * built once and reused while it fits (./topology.ts); the values are read from the network's records
 * every time (`networkRecordLists`: a network whose graph is deferred is compiled without building it).
 * Each compiled network has its own arrays (the typed ones are views of one buffer); only the index
 * maps are shared between compiled networks of the same structure.
 *
 * @param network - the network
 * @param options - compile year
 * @returns the compiled form
 */
export function compileNetwork(network: Network, options: CompileOptions = {}): CompiledNetwork {
  const commodityIds = Object.keys(network.commodities);
  const records = networkRecordLists(network);
  for (const topology of candidateTopologies(network)) {
    const compiled = compileWith(network, records, topology, commodityIds, options.year);
    if (compiled) {
      useTopology(network, topology);
      return compiled;
    }
  }
  const topology = buildTopology(records.nodes, records.links, commodityIds);
  useTopology(network, topology);
  return compileWith(network, records, topology, commodityIds, options.year)!;
}

/**
 * Compile a network with a known structure: copy the structure's arrays and read the values; undefined
 * when the network does not have that structure.
 */
function compileWith(
  network: Network,
  records: NetworkRecordLists,
  topology: Topology,
  commodityIds: readonly string[],
  year: number | undefined,
): CompiledNetwork | undefined {
  const { nodes, links } = records;
  const { nodeIds, linkIds, linkFrom, linkTo, linkCommodity, linkMode, split } = topology;
  const N = nodeIds.length;
  const L = linkIds.length;
  const C = commodityIds.length;
  const M = topology.arcCount;
  if (nodes.length !== N || links.length !== L || C !== topology.commodityIds.length) return undefined;
  for (let c = 0; c < C; c++) if (commodityIds[c] !== topology.commodityIds[c]) return undefined;

  // one buffer for every array of this compiled network: 5 float, the integer and 3 byte arrays
  const ints = topology.ints;
  const buffer = new ArrayBuffer(5 * 8 * M + 4 * ints.length + 3 * M);
  const capacity = new Float64Array(buffer, 0, M);
  const timeDays = new Float64Array(buffer, 8 * M, M);
  const arrivalDwellDays = new Float64Array(buffer, 16 * M, M);
  const costUsd = new Float64Array(buffer, 24 * M, M);
  const distanceKm = new Float64Array(buffer, 32 * M, M);
  const intBase = 40 * M;
  const byteBase = intBase + 4 * ints.length;
  const arcCommodity = new Uint8Array(buffer, byteBase, M);
  const arcMode = new Uint8Array(buffer, byteBase + M, M);
  const arcActive = new Uint8Array(buffer, byteBase + 2 * M, M);

  // Nodes: the same ids and split pairs; node arcs carry the capacity, handling cost and dwell
  let nodeArc = L;
  for (let n = 0; n < N; n++) {
    const attrs = nodes[n]!;
    if (attrs.id !== nodeIds[n]) return undefined;
    for (let c = 0; c < C; c++) {
      const handling = attrs.handling?.[commodityIds[c]!];
      const isSplit = handling?.capacityPerYear !== undefined;
      if (isSplit !== (split[c * N + n] === 1)) return undefined;
      if (isSplit) {
        capacity[nodeArc] = handling!.capacityPerYear!;
        costUsd[nodeArc] = handling!.costUsdPerUnit ?? 0;
        timeDays[nodeArc] = (attrs.dwellDays ?? 0) + (handling!.dwellDays ?? 0);
        arcActive[nodeArc] = 1;
        nodeArc++;
      }
    }
  }

  // Links: the same ids, endpoints, commodities and modes
  const { linkHeadNode, headUnsplit } = topology;
  for (let e = 0; e < L; e++) {
    const link = links[e]!;
    if (
      link.id !== linkIds[e] ||
      link.from !== linkFrom[e] ||
      link.to !== linkTo[e] ||
      link.commodity !== linkCommodity[e] ||
      link.mode !== linkMode[e]
    ) {
      return undefined;
    }
    const opens = link.status === 'planned' && link.opens !== undefined ? decimalYear(link.opens) : undefined;
    arcActive[e] =
      link.status === 'active' || (opens !== undefined && year !== undefined && opens <= year) ? 1 : 0;
    capacity[e] = link.capacityPerYear ?? Number.POSITIVE_INFINITY;
    let time = link.transitDays;
    let cost = link.costUsdPerUnit;
    if (headUnsplit[e] === 1) {
      // head not split for this commodity: charge its dwell and handling cost on arrival
      const attrs = nodes[linkHeadNode[e]!]!;
      const handling = attrs.handling?.[link.commodity];
      const dwell = (attrs.dwellDays ?? 0) + (handling?.dwellDays ?? 0);
      time += dwell;
      arrivalDwellDays[e] = dwell;
      cost += handling?.costUsdPerUnit ?? 0;
    }
    timeDays[e] = time;
    costUsd[e] = cost;
    distanceKm[e] = link.distanceKm;
  }

  new Int32Array(buffer, intBase, ints.length).set(ints);
  new Uint8Array(buffer, byteBase, 2 * M).set(topology.bytes);
  const lengths = intLengths(topology);
  const part = {} as Record<(typeof INT_PARTS)[number], Int32Array>;
  let offset = intBase;
  INT_PARTS.forEach((name, i) => {
    part[name] = new Int32Array(buffer, offset, lengths[i]!);
    offset += 4 * lengths[i]!;
  });
  const { tail, head, outStart, outArcs, outHead, inStart, inArcs } = part;
  const { vertexNode, arcNode, exitVertex, entryVertex } = part;
  return {
    network,
    nodes,
    links,
    // arrays of its own (cheap copies; frozen arrays would be slow in Array builtins)
    nodeIds: [...nodeIds],
    linkIds: [...linkIds],
    nodeIndex: topology.nodeIndex,
    linkIndex: topology.linkIndex,
    commodityIds: [...topology.commodityIds],
    linkCount: L,
    csr: {
      nodeCount: topology.vertexCount,
      arcCount: M,
      tail,
      head,
      outStart,
      outArcs,
      outHead,
      inStart,
      inArcs,
    },
    vertexNode,
    arcNode,
    arcCommodity,
    arcMode,
    arcActive,
    capacity,
    timeDays,
    arrivalDwellDays,
    costUsd,
    distanceKm,
    exitVertex,
    entryVertex,
  };
}
