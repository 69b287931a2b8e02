/**
 * Assignment benchmark: static user equilibrium on the TNTP networks
 * ===================================================================
 *
 * Same instances and gap definition as `lemon_fw` in ../shared/bench/BASELINES.md §4 (own FW/CFW on
 * LEMON Dijkstra, C++ -O3, this machine): relative gap (TSTT − SPTT) / TSTT, exact line search,
 * ChicagoSketch with toll factor 0.02 and distance factor 0.04. Times exclude file parsing and are the
 * median of at least 3 runs (fast cases: as many as fit in about a second) after one untimed warm-up
 * run; the baselines are single runs. Goals (issue 5):
 * SiouxFalls to 1e-6 under 50 ms, ChicagoSketch to 1e-4 under 1 s.
 *
 * Data: Transportation Networks for Research Core Team, "Transportation Networks for Research",
 * https://github.com/bstabler/TransportationNetworks (in ../shared/validation/tntp/).
 *
 * Run alone with `npx tsx bench/assignment.ts`.
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { updateCosts } from '../src/algorithms/assignment/arcCosts.js';
import { tntpAssignmentProblem } from '../src/algorithms/assignment/fromTntp.js';
import {
  createLoadingWorkspace,
  loadAllOrNothing,
  setClassWeights,
} from '../src/algorithms/assignment/loading.js';
import type { AssignmentProblem } from '../src/algorithms/assignment/problem.js';
import type { AssignmentResult } from '../src/algorithms/assignment/result.js';
import { solveAssignment } from '../src/algorithms/assignment/solveAssignment.js';
import { parseTntpNet, parseTntpTrips } from '../src/data/tntp.js';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared');
/** Timed runs: at least 3, and more for fast cases until about a second has been spent (JIT noise). */
const MIN_REPETITIONS = 3;
const MIN_SECONDS = 1;

/** BASELINES.md §4: iterations and seconds of lemon_fw (FW, CFW) and its ms per iteration. */
interface Baseline {
  readonly fw4: [number, number];
  readonly fw5: [number, number];
  readonly cfw4: [number, number];
  readonly cfw5: [number, number];
  readonly msPerIteration: number;
  readonly best: number;
}

const NETWORKS: {
  name: string;
  toll: number;
  distance: number;
  baseline: Baseline;
  runs: { algorithm: 'fw' | 'cfw' | 'bfw' | 'path'; gap: number; goalSeconds?: number }[];
}[] = [
  {
    name: 'SiouxFalls',
    toll: 0,
    distance: 0,
    baseline: {
      fw4: [1093, 0.08],
      fw5: [9974, 0.74],
      cfw4: [215, 0.02],
      cfw5: [1705, 0.14],
      msPerIteration: 0.08,
      best: 4_231_335.287,
    },
    runs: [
      { algorithm: 'fw', gap: 1e-4 },
      { algorithm: 'cfw', gap: 1e-4 },
      { algorithm: 'cfw', gap: 1e-5 },
      { algorithm: 'bfw', gap: 1e-4 },
      { algorithm: 'bfw', gap: 1e-5 },
      { algorithm: 'path', gap: 1e-4 },
      { algorithm: 'path', gap: 1e-6, goalSeconds: 0.05 },
      { algorithm: 'path', gap: 1e-10 },
    ],
  },
  {
    name: 'Anaheim',
    toll: 0,
    distance: 0,
    baseline: {
      fw4: [10, 0.02],
      fw5: [51, 0.11],
      cfw4: [9, 0.02],
      cfw5: [19, 0.04],
      msPerIteration: 2.1,
      best: 1_286_032.171,
    },
    runs: [
      { algorithm: 'fw', gap: 1e-4 },
      { algorithm: 'fw', gap: 1e-5 },
      { algorithm: 'cfw', gap: 1e-5 },
      { algorithm: 'bfw', gap: 1e-5 },
      { algorithm: 'path', gap: 1e-6 },
      { algorithm: 'path', gap: 1e-10 },
    ],
  },
  {
    name: 'ChicagoSketch',
    toll: 0.02,
    distance: 0.04,
    baseline: {
      fw4: [87, 3.8],
      fw5: [670, 28.8],
      cfw4: [47, 2.0],
      cfw5: [215, 9.2],
      msPerIteration: 43,
      best: 17_313_018.739,
    },
    runs: [
      { algorithm: 'fw', gap: 1e-4 },
      { algorithm: 'cfw', gap: 1e-4 },
      { algorithm: 'bfw', gap: 1e-4 },
      { algorithm: 'path', gap: 1e-4, goalSeconds: 1 },
      { algorithm: 'path', gap: 1e-6 },
      { algorithm: 'path', gap: 1e-10 },
    ],
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function baselineFor(b: Baseline, algorithm: string, gap: number): [number, number] | undefined {
  if (algorithm === 'fw' && gap === 1e-4) return b.fw4;
  if (algorithm === 'fw' && gap === 1e-5) return b.fw5;
  if (algorithm === 'cfw' && gap === 1e-4) return b.cfw4;
  if (algorithm === 'cfw' && gap === 1e-5) return b.cfw5;
  return undefined;
}

/** Median milliseconds of one all-or-nothing loading at free-flow costs (one FW iteration's core). */
function loadingMs(problem: AssignmentProblem): number {
  const ws = createLoadingWorkspace(problem);
  const cost = new Float64Array(problem.arcCount);
  updateCosts(problem, new Float64Array(problem.arcCount), false, cost);
  const target = new Float64Array(problem.arcCount);
  const times: number[] = [];
  for (let r = 0; r < 11; r++) {
    const started = performance.now();
    target.fill(0);
    for (const cls of problem.classes) {
      setClassWeights(problem, cls, cost, ws.weight);
      loadAllOrNothing(problem, cls, ws, target);
    }
    times.push(performance.now() - started);
  }
  return median(times.slice(1));
}

function pad(text: string | number, width: number): string {
  return String(text).padStart(width);
}

/** Run the assignment benchmark and print its table. */
export default async function bench(): Promise<void> {
  const root = resolve(SHARED, 'validation/tntp');
  if (!existsSync(root)) {
    console.log(`assignment bench skipped: ${root} not found`);
    return;
  }
  console.log(
    'static UE on TNTP networks; ours: median of ≥ 3 runs after a warm-up, parsing excluded; LEMON (C++): BASELINES.md §4, single runs',
  );
  console.log('');
  const header = [
    pad('network', 13),
    pad('algorithm', 9),
    pad('gap', 6),
    pad('iters', 6),
    pad('ours s', 8),
    pad('ms/iter', 8),
    pad('obj rel diff', 12),
    pad('LEMON it', 8),
    pad('LEMON s', 8),
    pad('LEMON ms/it', 11),
    pad('ratio', 6),
    '  goal',
  ].join(' ');
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const network of NETWORKS) {
    const dir = resolve(root, network.name);
    const parseStart = performance.now();
    const net = parseTntpNet(readFileSync(resolve(dir, `${network.name}_net.tntp`), 'utf8'));
    const trips = parseTntpTrips(readFileSync(resolve(dir, `${network.name}_trips.tntp`), 'utf8'));
    const problem = tntpAssignmentProblem(net, trips, {
      tollFactor: network.toll,
      distanceFactor: network.distance,
    });
    const parseMs = performance.now() - parseStart;
    for (const run of network.runs) {
      const options = { algorithm: run.algorithm, relativeGap: run.gap, maxIterations: 100_000 } as const;
      solveAssignment(problem, options); // warm-up (JIT)
      const results: AssignmentResult[] = [];
      let spent = 0;
      while (results.length < MIN_REPETITIONS || (spent < MIN_SECONDS && results.length < 200)) {
        const result = solveAssignment(problem, options);
        results.push(result);
        spent += result.seconds;
      }
      const seconds = median(results.map((x) => x.seconds));
      const result = results[0]!;
      const base = baselineFor(network.baseline, run.algorithm, run.gap);
      const objective = (result.beckmann - network.baseline.best) / network.baseline.best;
      const goal =
        run.goalSeconds === undefined
          ? ''
          : `  < ${run.goalSeconds * 1000} ms: ${seconds < run.goalSeconds ? 'met' : 'MISSED'}`;
      console.log(
        [
          pad(network.name, 13),
          pad(run.algorithm, 9),
          pad(run.gap.toExponential(0), 6),
          pad(result.iterations, 6),
          pad(seconds.toFixed(3), 8),
          pad(((seconds * 1000) / Math.max(1, result.iterations)).toFixed(2), 8),
          pad(objective.toExponential(1), 12),
          pad(base ? base[0] : '', 8),
          pad(base ? base[1].toFixed(2) : '', 8),
          pad(base ? ((base[1] * 1000) / base[0]).toFixed(3) : '', 11),
          pad(base ? (seconds / base[1]).toFixed(2) : '', 6),
          goal,
        ].join(' '),
      );
    }
    const aon = loadingMs(problem);
    console.log(
      [
        pad(network.name, 13),
        pad('AON', 9),
        pad('', 6),
        pad(1, 6),
        pad((aon / 1000).toFixed(4), 8),
        pad(aon.toFixed(2), 8),
        pad('', 12),
        pad('', 8),
        pad('', 8),
        pad(network.baseline.msPerIteration.toFixed(3), 11),
        pad((aon / network.baseline.msPerIteration).toFixed(2), 6),
        `  one loading vs LEMON's ms/iter; parse ${parseMs.toFixed(0)} ms`,
      ].join(' '),
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await bench();
