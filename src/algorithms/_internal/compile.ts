/**
 * Compile a Network to typed arrays
 * =================================
 *
 * Turns the graphology-backed {@link Network} into a {@link CompiledNetwork}: a CSR index plus one
 * typed array per arc attribute. Every algorithm that loops runs on this.
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
import type { CommodityId } from '../../model/ids.js';
import { MODES, type Mode, type Network } from '../../model/network.js';
import { buildCsr, type Csr } from './csr.js';

export { decimalYear };

/** A network compiled for hot loops. */
export interface CompiledNetwork {
  /** The source network. */
  readonly network: Network;
  /** Node ids by node index. */
  readonly nodeIds: readonly string[];
  /** Link ids by link index (= arc id for arcs below linkCount). */
  readonly linkIds: readonly string[];
  /** Node index by id. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** Link index by id. */
  readonly linkIndex: ReadonlyMap<string, number>;
  /** Commodity ids by commodity index. */
  readonly commodityIds: readonly CommodityId[];
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
 * @param network - the network
 * @param options - compile year
 * @returns the compiled form
 */
export function compileNetwork(network: Network, options: CompileOptions = {}): CompiledNetwork {
  const graph = network.graph;
  const nodeIds = graph.nodes();
  const linkIds = graph.edges();
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));
  const linkIndex = new Map(linkIds.map((id, i) => [id, i]));
  const commodityIds = Object.keys(network.commodities);
  const commodityIndex = new Map(commodityIds.map((id, i) => [id, i]));
  const N = nodeIds.length;
  const C = commodityIds.length;
  const L = linkIds.length;

  // Vertices: one per node, then entry/exit copies for split (node, commodity) pairs.
  const exitVertex = new Int32Array(C * N);
  const entryVertex = new Int32Array(C * N);
  const vertexNode: number[] = [];
  for (let n = 0; n < N; n++) vertexNode.push(n);
  const nodeArcs: {
    node: number;
    commodity: number;
    from: number;
    to: number;
    capacity: number;
    cost: number;
    dwell: number;
  }[] = [];
  for (let n = 0; n < N; n++) {
    const attrs = graph.getNodeAttributes(nodeIds[n]!);
    for (let c = 0; c < C; c++) {
      const handling = attrs.handling?.[commodityIds[c]!];
      if (handling?.capacityPerYear !== undefined) {
        const entry = vertexNode.length;
        vertexNode.push(n);
        const exit = vertexNode.length;
        vertexNode.push(n);
        entryVertex[c * N + n] = entry;
        exitVertex[c * N + n] = exit;
        nodeArcs.push({
          node: n,
          commodity: c,
          from: entry,
          to: exit,
          capacity: handling.capacityPerYear,
          cost: handling.costUsdPerUnit ?? 0,
          dwell: (attrs.dwellDays ?? 0) + (handling.dwellDays ?? 0),
        });
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
  const arcActive = new Uint8Array(M);
  const capacity = new Float64Array(M);
  const timeDays = new Float64Array(M);
  const arrivalDwellDays = new Float64Array(M);
  const costUsd = new Float64Array(M);
  const distanceKm = new Float64Array(M);
  const modeIndex = new Map<Mode, number>(MODES.map((m, i) => [m, i]));
  const year = options.year;

  for (let e = 0; e < L; e++) {
    const link = graph.getEdgeAttributes(linkIds[e]!);
    const c = commodityIndex.get(link.commodity)!;
    const u = nodeIndex.get(link.from)!;
    const v = nodeIndex.get(link.to)!;
    tail[e] = exitVertex[c * N + u]!;
    head[e] = entryVertex[c * N + v]!;
    arcCommodity[e] = c;
    arcMode[e] = modeIndex.get(link.mode)!;
    const opens = link.status === 'planned' && link.opens !== undefined ? decimalYear(link.opens) : undefined;
    arcActive[e] =
      link.status === 'active' || (opens !== undefined && year !== undefined && opens <= year) ? 1 : 0;
    capacity[e] = link.capacityPerYear ?? Number.POSITIVE_INFINITY;
    let time = link.transitDays;
    let cost = link.costUsdPerUnit;
    if (head[e] === v) {
      // head not split for this commodity: charge its dwell and handling cost on arrival
      const attrs = graph.getNodeAttributes(link.to);
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
  nodeArcs.forEach((arc, i) => {
    const e = L + i;
    tail[e] = arc.from;
    head[e] = arc.to;
    arcNode[e] = arc.node;
    arcCommodity[e] = arc.commodity;
    arcActive[e] = 1;
    capacity[e] = arc.capacity;
    timeDays[e] = arc.dwell;
    costUsd[e] = arc.cost;
  });

  return {
    network,
    nodeIds,
    linkIds,
    nodeIndex,
    linkIndex,
    commodityIds,
    linkCount: L,
    csr: buildCsr(vertexNode.length, tail, head),
    vertexNode: Int32Array.from(vertexNode),
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
