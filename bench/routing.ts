/**
 * Routing benchmark: typed-array Dijkstra on NETGEN-like DIMACS instances
 * =======================================================================
 *
 * Same protocol as ../shared/bench/baselines/sp_js.mjs and `lemon_bench sp`: lengths = arc cost of
 * the `.min` file, 8 sources with 0-based ids floor(k·n/8), ms per source = mean over the 8 sources,
 * median of 5 repetitions after 2 untimed warm-ups (the baselines took the median of 3). The sum of distances must equal the checksums
 * in ../shared/validation/dimacs/README.md; a mismatch aborts the bench.
 *
 * Run alone with `npx tsx bench/routing.ts`; instances are generated into /tmp on first use.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCsr, toOutOrder } from '../src/algorithms/_internal/csr.js';
import { createDijkstraWorkspace, shortestPathTree } from '../src/algorithms/_internal/dijkstra.js';
import { createRoutingIndex } from '../src/algorithms/routing/routingIndex.js';
import { computeSkimsOnIndex } from '../src/algorithms/routing/skims.js';
import {
  createNetwork,
  type LinkAttributes,
  type Network,
  type NodeAttributes,
} from '../src/model/network.js';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared');
const GENERATOR = resolve(SHARED, 'bench/gen/netgen-like.mjs');
const SOURCES = 8;
const REPETITIONS = 5;
const WARMUP = 2;

/** Checksums and baseline ms/source from ../shared (validation/dimacs/README.md, bench/BASELINES.md §3). */
const CASES = [
  {
    nodes: 1_000,
    checksum: 81_138_549,
    reached: 8_000,
    lemonStatic: 0.127,
    cppCsr: 0.109,
    jsCsr: 0.271,
    graphology: 3.15,
  },
  {
    nodes: 10_000,
    checksum: 1_065_332_662,
    reached: 80_000,
    lemonStatic: 1.75,
    cppCsr: 1.7,
    jsCsr: 3.38,
    graphology: 111,
  },
  {
    nodes: 100_000,
    checksum: 12_177_662_197,
    reached: 800_000,
    lemonStatic: 36.2,
    cppCsr: 37.6,
    jsCsr: 60.3,
    graphology: 1_942,
  },
] as const;

interface ArcList {
  readonly nodeCount: number;
  readonly tail: Int32Array;
  readonly head: Int32Array;
  readonly length: Float64Array;
}

/** Minimal DIMACS `p min` arc reader (0-based ids, length = arc cost); enough for the bench. */
function readDimacsArcs(path: string): ArcList {
  const text = readFileSync(path, 'utf8');
  let nodeCount = 0;
  let tail = new Int32Array(0);
  let head = new Int32Array(0);
  let length = new Float64Array(0);
  let k = 0;
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line.startsWith('p ')) {
      const f = line.trim().split(/\s+/);
      nodeCount = Number(f[2]);
      const m = Number(f[3]);
      tail = new Int32Array(m);
      head = new Int32Array(m);
      length = new Float64Array(m);
    } else if (line.startsWith('a ')) {
      const f = line.trim().split(/\s+/);
      if (f.length < 6 || k >= tail.length) throw new Error(`${path}:${lineNo}: bad arc line ${line}`);
      tail[k] = Number(f[1]) - 1;
      head[k] = Number(f[2]) - 1;
      length[k] = Number(f[5]);
      k++;
    }
  }
  if (k !== tail.length) throw new Error(`${path}: expected ${tail.length} arcs, read ${k}`);
  return { nodeCount, tail, head, length };
}

function instance(nodes: number): string {
  const file = `/tmp/bench-nl-min-${nodes}-s1.min`;
  if (!existsSync(file)) {
    execFileSync(process.execPath, [
      GENERATOR,
      '--problem',
      'min',
      '--nodes',
      String(nodes),
      '--seed',
      '1',
      '--out',
      file,
    ]);
  }
  return file;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function fmt(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(3);
}

/** The DIMACS instance as a corridor network: cost = arc cost, no time, no dwell. */
function toNetwork(arcs: ArcList): Network {
  const nodes: NodeAttributes[] = [];
  for (let v = 0; v < arcs.nodeCount; v++) {
    nodes.push({ id: `v${v}`, name: `v${v}`, country: 'KZ', kind: 'hub', lon: 0, lat: 0 });
  }
  const links: LinkAttributes[] = [];
  for (let e = 0; e < arcs.tail.length; e++) {
    links.push({
      id: `a${e}`,
      from: `v${arcs.tail[e]}`,
      to: `v${arcs.head[e]}`,
      mode: 'rail',
      commodity: 'container',
      transitDays: 0,
      costUsdPerUnit: arcs.length[e]!,
      distanceKm: 0,
      countries: ['KZ'],
      status: 'active',
    });
  }
  return createNetwork({ meta: { name: 'dimacs' }, nodes, links });
}

function printTable(title: string, header: readonly string[], rows: readonly string[][]): void {
  console.log(`\n${title}`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

/** Run the routing benchmark and print the tables. */
export default async function routingBench(): Promise<void> {
  const rows: string[][] = [];
  const apiRows: string[][] = [];
  for (const c of CASES) {
    const arcs = readDimacsArcs(instance(c.nodes));
    const csr = buildCsr(arcs.nodeCount, arcs.tail, arcs.head);
    const outWeight = toOutOrder(csr, arcs.length);
    const workspace = createDijkstraWorkspace(arcs.nodeCount);
    const sources = Array.from({ length: SOURCES }, (_, k) => Math.floor((k * arcs.nodeCount) / SOURCES));
    // Small instances run many passes per repetition so that each timed block lasts ~0.1 s or more.
    const passes = Math.max(1, Math.round(100_000 / arcs.nodeCount));
    const times: number[] = [];
    let checksum = 0;
    let reached = 0;
    for (let r = -WARMUP; r < REPETITIONS; r++) {
      checksum = 0;
      reached = 0;
      let elapsed = 0;
      for (let pass = 0; pass < passes; pass++) {
        for (const s of sources) {
          const t0 = performance.now();
          const tree = shortestPathTree(csr, outWeight, s, workspace, { weightOrder: 'out' });
          elapsed += performance.now() - t0;
          if (pass > 0) continue;
          for (let i = 0; i < tree.settledCount; i++) {
            checksum += tree.distance[tree.order[i]!]!;
            reached++;
          }
        }
      }
      if (r >= 0) times.push(elapsed / (SOURCES * passes));
    }
    if (checksum !== c.checksum || reached !== c.reached) {
      throw new Error(
        `bench/routing: n=${c.nodes} checksum ${checksum} (${reached} reached), expected ${c.checksum} (${c.reached})`,
      );
    }
    const ours = median(times);
    if (c.nodes <= API_MAX_NODES) apiRows.push(apiRow(arcs, sources, c, ours));
    rows.push([
      `${c.nodes / 1000}k / ${(8 * c.nodes) / 1000}k`,
      fmt(ours),
      `${fmt(c.lemonStatic)} (${(ours / c.lemonStatic).toFixed(2)}×)`,
      `${fmt(c.cppCsr)} (${(ours / c.cppCsr).toFixed(2)}×)`,
      `${fmt(c.jsCsr)} (${(ours / c.jsCsr).toFixed(2)}×)`,
      `${fmt(c.graphology)} (${(ours / c.graphology).toFixed(3)}×)`,
      `${checksum} ✓`,
    ]);
  }
  printTable(
    'Dijkstra, single source, NETGEN-like nl-min-N-s1 (ms per source; ratio = ours / baseline)',
    ['n / m', 'ours ms/source', 'LEMON StaticDigraph', 'C++ CSR', 'JS CSR (sp_js)', 'graphology', 'checksum'],
    rows,
  );
  printTable(
    'Public API on the same instances: createRoutingIndex once, then computeSkimsOnIndex (8 origins × all nodes)',
    [
      'n / m',
      'network + index build ms',
      'skims ms/origin',
      'raw Dijkstra ms/source',
      'overhead',
      'checksum',
    ],
    apiRows,
  );
}

/** Largest instance for the public-API table (building a graphology network of 800k links takes a while). */
const API_MAX_NODES = 10_000;

function apiRow(arcs: ArcList, sources: readonly number[], c: (typeof CASES)[number], raw: number): string[] {
  const t0 = performance.now();
  const network = toNetwork(arcs);
  const index = createRoutingIndex(network, { commodity: 'container' });
  const buildMs = performance.now() - t0;
  const origins = sources.map((s) => `v${s}`);
  const times: number[] = [];
  let checksum = 0;
  for (let r = -WARMUP; r < REPETITIONS; r++) {
    const t1 = performance.now();
    const skims = computeSkimsOnIndex(index, { origins });
    if (r >= 0) times.push((performance.now() - t1) / SOURCES);
    checksum = 0;
    for (const w of skims.weight) if (w !== Number.POSITIVE_INFINITY) checksum += w;
  }
  if (checksum !== c.checksum) {
    throw new Error(`bench/routing: skims checksum ${checksum} at n=${c.nodes}, expected ${c.checksum}`);
  }
  const perOrigin = median(times);
  return [
    `${c.nodes / 1000}k / ${(8 * c.nodes) / 1000}k`,
    fmt(buildMs),
    fmt(perOrigin),
    fmt(raw),
    `${(perOrigin / raw).toFixed(2)}×`,
    `${checksum} ✓`,
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await routingBench();
}
