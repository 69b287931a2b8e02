/**
 * Flow benchmark: max-flow and min-cost flow on NETGEN-like DIMACS instances
 * ===========================================================================
 *
 * Instances `nl-{max,min}-N-s1` (N = 1k, 10k, 100k) from ../shared/bench/gen/netgen-like.mjs, written
 * to /tmp on first use (md5 checked against ../shared/validation/dimacs/README.md). Protocol as in
 * ../shared/bench/BASELINES.md: the graph is parsed once and each solve builds its own structures;
 * median of 3 timed solves, after untimed warm-up solves (so the JIT has compiled the hot loops: 10 at
 * 1k, 3 at 10k, 1 at 100k). Every answer is checked against the known optimum; a mismatch aborts.
 *
 * Baselines are the figures in BASELINES.md (recorded on this machine with no other load). When a
 * LEMON `lemon_bench` binary is found (env LEMON_BENCH, or /tmp/corridor-bench-build/lemon_bench as
 * built by ../shared/bench/run_baselines.sh) it is also run now, so that the ratios can be read under
 * the current load too ("LEMON now"). Set FLOW_BENCH_SIZES=1000,10000 to skip sizes.
 *
 * Also: the multi-commodity LP path (HiGHS) on the bundled Eurasia network and a random instance, and a
 * single-commodity LP through the same wrapper (to compare with BASELINES' HiGHS figures).
 *
 * Run alone with `npx tsx bench/flow.ts`.
 */

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileNetwork } from '../src/algorithms/_internal/compile.js';
import { loadHighsSolver } from '../src/algorithms/flow/highsSolver.js';
import { maxFlow } from '../src/algorithms/flow/maxFlow.js';
import { type MinCostFlowAlgorithm, minCostFlow } from '../src/algorithms/flow/minCostFlow.js';
import {
  type Commodity,
  type MultiCommodityFlowOptions,
  type MultiCommodityProblem,
  solveMultiCommodityFlow,
} from '../src/algorithms/flow/multiCommodityFlow.js';
import { parseDemand } from '../src/data/demand-format.js';
import { readDimacsMaxFlow, readDimacsMinCostFlow } from '../src/data/dimacs.js';
import { parseNetwork } from '../src/data/network-format.js';
import { demandForYear, flowSegments } from '../src/model/demand.js';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared');
const GENERATOR = resolve(SHARED, 'bench/gen/netgen-like.mjs');
const REPETITIONS = 3;
let highsLoadMs = Number.NaN;

/** Optima and md5 (validation/dimacs/README.md) and baseline ms (bench/BASELINES.md §1, §2). */
const CASES = [
  {
    nodes: 1_000,
    warmup: 10,
    min: { optimum: 293_861_887, md5: '10d19b99e0279d1fae865edefa69d472' },
    max: { optimum: 381_123, md5: '7e4933159d1dec170862973ebd58a88e' },
    lemonNs: 2.63,
    lemonCs: 6.4,
    nxMcf: 163,
    highsCsc: 23.0,
    lemonPreflowCut: 0.465,
    lemonPreflowFull: 0.399,
    nxPreflow: 54.4,
  },
  {
    nodes: 10_000,
    warmup: 3,
    min: { optimum: 1_134_505_490, md5: '53adfd25fd137878c67ac5765017f40f' },
    max: { optimum: 1_291_466, md5: 'cb44f00021b4594bca464bdf5de0b166' },
    lemonNs: 64.8,
    lemonCs: 92.5,
    nxMcf: 8_979,
    highsCsc: 218,
    lemonPreflowCut: 7.75,
    lemonPreflowFull: 7.87,
    nxPreflow: 1_102,
  },
  {
    nodes: 100_000,
    warmup: 1,
    min: { optimum: 4_163_646_018, md5: 'a460e412ab1235be2174720331f75c32' },
    max: { optimum: 4_221_455, md5: 'f41e503af8f3c67884d9629d1193a610' },
    lemonNs: 2_720,
    lemonCs: 2_586,
    nxMcf: 516_082,
    highsCsc: 4_149,
    lemonPreflowCut: 300,
    lemonPreflowFull: 302,
    nxPreflow: 16_711,
  },
] as const;

function instance(kind: 'min' | 'max', nodes: number, md5: string): string {
  const file = `/tmp/bench-nl-${kind}-${nodes}-s1.${kind}`;
  if (!existsSync(file)) {
    execFileSync(process.execPath, [
      GENERATOR,
      '--problem',
      kind,
      '--nodes',
      String(nodes),
      '--seed',
      '1',
      '--out',
      file,
    ]);
  }
  const text = readFileSync(file, 'utf8');
  const sum = createHash('md5').update(text).digest('hex');
  if (sum !== md5)
    throw new Error(`bench/flow: ${file} has md5 ${sum}, expected ${md5} (delete it to regenerate)`);
  return text;
}

/** Median ms of REPETITIONS timed runs after `warmup` untimed ones; `check` validates every run. */
function time<T>(warmup: number, run: () => T, check: (result: T) => void): number {
  const times: number[] = [];
  for (let r = -warmup; r < REPETITIONS; r++) {
    const t0 = performance.now();
    const result = run();
    const elapsed = performance.now() - t0;
    check(result);
    if (r >= 0) times.push(elapsed);
  }
  return median(times);
}

/** Median ms per algorithm from a LEMON `lemon_bench` run now, or undefined. */
function lemonNow(args: readonly string[]): Record<string, number> | undefined {
  const binary = process.env.LEMON_BENCH ?? '/tmp/corridor-bench-build/lemon_bench';
  if (!existsSync(binary)) return undefined;
  const out = execFileSync(binary, [...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const result: Record<string, number> = {};
  for (const line of out.split('\n')) {
    const algo = /algo=(\S+)/.exec(line)?.[1];
    const ms = /median_ms=([\d.]+)/.exec(line)?.[1];
    if (algo !== undefined && ms !== undefined) result[algo] = Number(ms);
  }
  return result;
}

export default async function flowBench(): Promise<void> {
  const loadStart = performance.now();
  await loadHighsSolver();
  highsLoadMs = performance.now() - loadStart;
  const sizes = process.env.FLOW_BENCH_SIZES?.split(',').map(Number);
  const cases = CASES.filter((c) => sizes === undefined || sizes.includes(c.nodes));
  const maxRows: string[][] = [];
  const minRows: string[][] = [];
  const liveRows: string[][] = [];
  const lpRows: string[][] = [];
  for (const c of cases) {
    const label = `${c.nodes / 1000}k / ${(8 * c.nodes) / 1000}k`;
    const maxText = instance('max', c.nodes, c.max.md5);
    const minText = instance('min', c.nodes, c.min.md5);
    let t0 = performance.now();
    const mp = readDimacsMaxFlow(maxText);
    const parseMax = performance.now() - t0;
    t0 = performance.now();
    const cp = readDimacsMinCostFlow(minText);
    const parseMin = performance.now() - t0;

    const checkValue = (r: ReturnType<typeof maxFlow>) => {
      if (r.status !== 'optimal' || r.value !== c.max.optimum)
        throw new Error(`bench/flow: max flow ${label} wrong`);
    };
    const cut = time(c.warmup, () => maxFlow(mp, mp.source, mp.sink, { compute: 'cut' }), checkValue);
    const full = time(c.warmup, () => maxFlow(mp, mp.source, mp.sink), checkValue);
    maxRows.push([
      label,
      `${fmt(parseMax)}`,
      `${fmt(cut)}`,
      ratio(cut, c.lemonPreflowCut),
      `${fmt(full)}`,
      ratio(full, c.lemonPreflowFull),
      ratio(full, c.nxPreflow),
    ]);

    const mcf: Record<MinCostFlowAlgorithm, number> = { 'network-simplex': 0, 'cost-scaling': 0 };
    for (const algorithm of ['network-simplex', 'cost-scaling'] as const) {
      mcf[algorithm] = time(
        c.warmup,
        () => minCostFlow(cp, { algorithm }),
        (r) => {
          if (r.status !== 'optimal' || r.cost !== c.min.optimum || r.algorithm !== algorithm) {
            throw new Error(`bench/flow: min-cost ${algorithm} ${label} wrong`);
          }
        },
      );
    }
    const ns = mcf['network-simplex'];
    const cs = mcf['cost-scaling'];
    const bestOurs = Math.min(ns, cs);
    const bestLemon = Math.min(c.lemonNs, c.lemonCs);
    minRows.push([
      label,
      fmt(parseMin),
      fmt(ns),
      fmt(cs),
      ratio(ns, c.lemonNs),
      ratio(cs, c.lemonCs),
      `**${ratio(bestOurs, bestLemon)}**`,
      ratio(bestOurs, c.nxMcf),
      ratio(bestOurs, c.highsCsc),
    ]);

    if (c.nodes <= 10_000) {
      const solver = await loadHighsSolver();
      const single: MultiCommodityProblem = {
        nodeCount: cp.nodeCount,
        tail: cp.tail,
        head: cp.head,
        capacity: cp.capacity,
        commodities: [{ supply: cp.supply, cost: cp.cost }],
      };
      const lpMs = time(
        1,
        () => solveMultiCommodityFlow(solver, single),
        (r) => {
          if (r.status !== 'optimal' || Math.abs(r.objective - c.min.optimum) > 1e-6 * c.min.optimum) {
            throw new Error(`bench/flow: single-commodity LP ${label} wrong`);
          }
        },
      );
      lpRows.push([label, fmt(lpMs), ratio(lpMs, c.highsCsc), ratio(Math.min(ns, cs), lpMs)]);
    }

    const live = lemonNow(['mcf', `/tmp/bench-nl-min-${c.nodes}-s1.min`, String(REPETITIONS), 'ns,cs']);
    const liveMax = lemonNow(['max', `/tmp/bench-nl-max-${c.nodes}-s1.max`, String(REPETITIONS)]);
    if (live?.ns !== undefined && live.cs !== undefined && liveMax?.['preflow-mincut'] !== undefined) {
      liveRows.push([
        label,
        `${fmt(live.ns)} / ${fmt(live.cs)}`,
        `${ratio(ns, live.ns)} / ${ratio(cs, live.cs)}`,
        ratio(bestOurs, Math.min(live.ns, live.cs)),
        fmt(liveMax['preflow-mincut']),
        ratio(cut, liveMax['preflow-mincut']),
      ]);
    }
  }
  printTable(
    'Max flow, nl-max-N-s1 (ms; ratio = ours / baseline from BASELINES.md §2)',
    [
      'n / m',
      'parse ms',
      "ours 'cut' ms",
      'vs LEMON Preflow phase 1',
      "ours 'flow' ms",
      'vs LEMON Preflow full',
      'vs nx preflow_push',
    ],
    maxRows,
  );
  printTable(
    'Min-cost flow, nl-min-N-s1 (ms; ratio = ours / baseline from BASELINES.md §1; best = faster of our two vs best LEMON)',
    [
      'n / m',
      'parse ms',
      'ours simplex',
      'ours cost scaling',
      'simplex vs LEMON NS',
      'cost scaling vs LEMON CS',
      'best vs best LEMON',
      'best vs networkx',
      'best vs HiGHS (CSC, presolve off)',
    ],
    minRows,
  );
  printTable(
    'The same min-cost instances as one-commodity LPs through solveMultiCommodityFlow (HiGHS, CSC arrays, presolve off)',
    ['n / m', 'ours LP ms', 'vs BASELINES HiGHS-wasm CSC', 'best combinatorial vs this LP'],
    lpRows,
  );
  if (liveRows.length > 0) {
    printTable(
      'Same instances against LEMON run now on this machine (same load as our runs)',
      [
        'n / m',
        'LEMON NS / CS ms now',
        'ours simplex / cost scaling vs now',
        'best vs best now',
        'LEMON Preflow phase 1 now',
        "ours 'cut' vs now",
      ],
      liveRows,
    );
  }
  await multiCommodityBench();
}

/**
 * The multi-commodity LP the simulator solves: the bundled Eurasia network (container links open in
 * 2024) with one commodity per OD flow × shipper segment of the 2024 demand (cost = USD + value of
 * time × days; segments that avoid a country are barred from its links), plus a random instance
 * whose commodities all have different costs (nothing to merge).
 */
async function multiCommodityBench(): Promise<void> {
  const solver = await loadHighsSolver();
  const loadMs = highsLoadMs;
  const rows: string[][] = [];
  const eurasia = eurasiaProblem(2024);
  const random = eurasiaLike(120, 300, 50, 7);
  const variants: [string, MultiCommodityProblem, MultiCommodityFlowOptions][] = [
    ['Eurasia 2024 (merged by origin, default)', eurasia, {}],
    ['Eurasia 2024, aggregate: false', eurasia, { aggregate: false }],
    ['Eurasia 2024, presolve on', eurasia, { presolve: true }],
    ['random 120 nodes / 300 arcs', random, {}],
    ['random, presolve on', random, { presolve: true }],
  ];
  for (const [name, problem, options] of variants) {
    let iterations = 0;
    let objective = 0;
    const ms = time(
      2,
      () => solveMultiCommodityFlow(solver, problem, options),
      (r) => {
        if (r.status !== 'optimal') throw new Error(`bench/flow: multi-commodity ${name}: ${r.status}`);
        iterations = r.iterations;
        objective = r.objective;
      },
    );
    rows.push([
      name,
      `${problem.nodeCount} / ${problem.tail.length}`,
      String(problem.commodities.length),
      fmt(ms),
      String(iterations),
      objective.toExponential(6),
    ]);
  }
  printTable(
    `Multi-commodity min-cost flow LP via HiGHS (median of 3 after 2 warm-ups; HiGHS loaded once in ${fmt(loadMs)} ms)`,
    ['instance', 'nodes / arcs', 'commodities', 'solve ms', 'simplex iterations', 'objective'],
    rows,
  );
}

function eurasiaProblem(year: number): MultiCommodityProblem {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const network = parseNetwork(JSON.parse(readFileSync(resolve(root, 'data/eurasia/network.json'), 'utf8')));
  const demand = demandForYear(
    parseDemand(JSON.parse(readFileSync(resolve(root, 'data/eurasia/demand.json'), 'utf8')), network),
    year,
  );
  const compiled = compileNetwork(network, { year });
  const c = compiled.commodityIds.indexOf('container');
  const N = compiled.nodeIds.length;
  const arcs: number[] = [];
  for (let a = 0; a < compiled.csr.arcCount; a++) {
    if (compiled.arcCommodity[a] === c && compiled.arcActive[a] === 1) arcs.push(a);
  }
  const commodities: Commodity[] = [];
  for (const flow of demand.flows) {
    if (flow.commodity !== 'container') continue;
    for (const { segment, share } of flowSegments(demand, flow)) {
      const avoid = new Set(segment.avoidCountries ?? []);
      const cost = arcs.map((a) => {
        if (a < compiled.linkCount) {
          const countries = network.graph.getEdgeAttribute(compiled.linkIds[a]!, 'countries');
          if (countries.some((country) => avoid.has(country))) return Number.POSITIVE_INFINITY;
        }
        return compiled.costUsd[a]! + segment.valueOfTimeUsdPerUnitDay * compiled.timeDays[a]!;
      });
      commodities.push({
        source: compiled.exitVertex[c * N + compiled.nodeIndex.get(flow.origin)!]!,
        sink: compiled.entryVertex[c * N + compiled.nodeIndex.get(flow.destination)!]!,
        amount: flow.volumePerYear * share,
        cost,
        unmetPenalty: 100_000,
      });
    }
  }
  return {
    nodeCount: compiled.csr.nodeCount,
    tail: arcs.map((a) => compiled.csr.tail[a]!),
    head: arcs.map((a) => compiled.csr.head[a]!),
    capacity: arcs.map((a) => compiled.capacity[a]!),
    commodities,
  };
}

/** Random corridor-like instance: a ring plus chords, capacities 100..1000, some arcs barred per commodity. */
function eurasiaLike(nodes: number, arcs: number, commodities: number, seed: number): MultiCommodityProblem {
  const rng = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const tail: number[] = [];
  const head: number[] = [];
  const capacity: number[] = [];
  for (let v = 0; v < nodes; v++) {
    tail.push(v, (v + 1) % nodes);
    head.push((v + 1) % nodes, v);
    capacity.push(int(300, 1000), int(300, 1000));
  }
  while (tail.length < arcs) {
    const u = int(0, nodes - 1);
    const v = int(0, nodes - 1);
    if (u === v) continue;
    tail.push(u);
    head.push(v);
    capacity.push(int(100, 1000));
  }
  const baseCost = tail.map(() => int(10, 200));
  return {
    nodeCount: nodes,
    tail,
    head,
    capacity,
    commodities: Array.from({ length: commodities }, () => {
      const source = int(0, nodes - 1);
      let sink = int(0, nodes - 1);
      if (sink === source) sink = (sink + 1) % nodes;
      return {
        source,
        sink,
        amount: int(50, 400),
        cost: baseCost.map((c) => (rng() < 0.05 ? Number.POSITIVE_INFINITY : c * (0.8 + 0.4 * rng()))),
        unmetPenalty: 50_000,
      };
    }),
  };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function fmt(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function ratio(ours: number, baseline: number): string {
  const r = ours / baseline;
  return `${fmt(baseline)} (${r >= 0.1 ? r.toFixed(2) : r.toFixed(4)}×)`;
}

function printTable(title: string, header: readonly string[], rows: readonly string[][]): void {
  console.log(`\n${title}`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await flowBench();
}
