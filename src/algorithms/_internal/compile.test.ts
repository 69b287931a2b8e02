/**
 * compileNetwork against a direct compilation (the algorithm before structures were remembered): on
 * the Eurasia network under every bundled scenario and year, compiled in an order that reuses
 * remembered structures and switches between them, and on networks whose structure differs only a
 * little (a node split for a commodity, links in another order, a link removed), every field is the
 * same, bit for bit.
 */

import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/datasets.js';
import { listScenarios, loadScenario } from '../../data/scenarios.js';
import { demandForYear } from '../../model/demand.js';
import { listLinks, listNodes, MODES, type Mode, type Network, rebuildNetwork } from '../../model/network.js';
import { applyScenario } from '../../scenario/apply.js';
import { type CompiledNetwork, compileNetwork, decimalYear } from './compile.js';
import { buildCsr } from './csr.js';

/** The compilation as it was written before structures were remembered (independent of ./topology.ts). */
function directCompile(network: Network, year?: number) {
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
  const exitVertex = new Int32Array(C * N);
  const entryVertex = new Int32Array(C * N);
  const vertexNode: number[] = [];
  for (let n = 0; n < N; n++) vertexNode.push(n);
  const nodeArcs: {
    node: number;
    c: number;
    from: number;
    to: number;
    cap: number;
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
          c,
          from: entry,
          to: exit,
          cap: handling.capacityPerYear,
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
    arcCommodity[e] = arc.c;
    arcActive[e] = 1;
    capacity[e] = arc.cap;
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

/** Bit-for-bit equality of two numeric arrays (Object.is: -0 and NaN count). */
function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

const ARRAYS = [
  'vertexNode',
  'arcNode',
  'arcCommodity',
  'arcMode',
  'arcActive',
  'capacity',
  'timeDays',
  'arrivalDwellDays',
  'costUsd',
  'distanceKm',
  'exitVertex',
  'entryVertex',
] as const;
const CSR = ['tail', 'head', 'outStart', 'outArcs', 'outHead', 'inStart', 'inArcs'] as const;

function expectSameCompilation(actual: CompiledNetwork, expected: ReturnType<typeof directCompile>): void {
  expect(actual.network).toBe(expected.network);
  expect([...actual.nodeIds]).toEqual(expected.nodeIds);
  expect([...actual.linkIds]).toEqual(expected.linkIds);
  expect([...actual.commodityIds]).toEqual(expected.commodityIds);
  expect([...actual.nodeIndex]).toEqual([...expected.nodeIndex]);
  expect([...actual.linkIndex]).toEqual([...expected.linkIndex]);
  expect(actual.linkCount).toBe(expected.linkCount);
  expect(actual.csr.nodeCount).toBe(expected.csr.nodeCount);
  expect(actual.csr.arcCount).toBe(expected.csr.arcCount);
  for (const key of CSR) expect(sameNumbers(actual.csr[key], expected.csr[key]), `csr.${key}`).toBe(true);
  for (const key of ARRAYS) {
    expect(actual[key].constructor).toBe(expected[key].constructor);
    expect(sameNumbers(actual[key], expected[key]), key).toBe(true);
  }
}

const eurasia = loadDataset('eurasia');

describe('compileNetwork', () => {
  it('compiles every bundled scenario in every year as a direct compilation does, structures reused or not', () => {
    const networks: Network[] = [eurasia.network];
    for (const { id } of listScenarios()) {
      for (const year of [2023, 2024, 2028]) {
        const demand = demandForYear(eurasia.demand, year);
        networks.push(applyScenario(eurasia.network, demand, loadScenario(id), { year }).network);
      }
    }
    // twice over, so that the second round finds the structures of the first
    for (let round = 0; round < 2; round++) {
      for (const network of networks) {
        expectSameCompilation(compileNetwork(network), directCompile(network));
        expectSameCompilation(compileNetwork(network, { year: 2027.5 }), directCompile(network, 2027.5));
      }
    }
  });

  it('notices a structure that differs from the remembered one only a little', () => {
    const nodes = listNodes(eurasia.network);
    const links = listLinks(eurasia.network);
    compileNetwork(eurasia.network);
    // a node that handles no containers gets a container capacity: it is split
    const plain = nodes.findIndex((n) => n.handling?.container?.capacityPerYear === undefined);
    const splitNodes = nodes.map((n, i) =>
      i === plain
        ? { ...n, handling: { ...n.handling, container: { capacityPerYear: 1000, dwellDays: 0.5 } } }
        : n,
    );
    // a node's handling loses its capacity (no longer split) but keeps cost and dwell
    const capped = nodes.findIndex((n) => n.handling?.container?.capacityPerYear !== undefined);
    const unsplitNodes = nodes.map((n, i) =>
      i === capped ? { ...n, handling: { container: { costUsdPerUnit: 7, dwellDays: 0.25 } } } : n,
    );
    const swapped = [...links];
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    const reversedNodes = [...nodes].reverse();
    const otherMode = links.map((l, i) =>
      i === 5 ? { ...l, mode: l.mode === 'rail' ? ('road' as const) : ('rail' as const) } : l,
    );
    const variants = [
      rebuildNetwork(eurasia.network, { nodes: splitNodes }),
      rebuildNetwork(eurasia.network, { nodes: unsplitNodes }),
      rebuildNetwork(eurasia.network, { links: swapped }),
      rebuildNetwork(eurasia.network, { links: links.slice(1) }),
      rebuildNetwork(eurasia.network, { nodes: reversedNodes }),
      rebuildNetwork(eurasia.network, { links: otherMode }),
    ];
    for (let round = 0; round < 2; round++) {
      for (const network of [eurasia.network, ...variants, eurasia.network]) {
        expectSameCompilation(compileNetwork(network), directCompile(network));
      }
    }
  });

  it('gives every compiled network arrays of its own', () => {
    const a = compileNetwork(eurasia.network);
    const b = compileNetwork(eurasia.network);
    for (const key of ARRAYS) expect(a[key]).not.toBe(b[key]);
    a.costUsd[0] = -1;
    a.csr.head[0] = -1;
    expect(b.costUsd[0]).not.toBe(-1);
    expect(b.csr.head[0]).not.toBe(-1);
    expect(compileNetwork(eurasia.network).csr.head[0]).toBe(b.csr.head[0]);
  });
});
