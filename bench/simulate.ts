/**
 * Simulation benchmark: one Eurasia scenario evaluation
 * =====================================================
 *
 * Goal (issue 6): one scenario evaluation of the Eurasia dataset under 1 ms median after warm-up.
 * Measures `simulate` end to end (scenario application, compile, solver, aggregation, binding cut)
 * for several settings, median of many runs after warm-up (tinybench), and prints where the time goes.
 * Warm-up is 1 s per task: V8 finishes optimising `simulate`'s functions, most of which run once
 * per call, after 150–300 calls (20 ms for the first calls, 4.4 ms at calls 50–150, steady from
 * about 300: measured with a plain loop).
 *
 * The end-to-end rows run the built package (dist/, what users import) under plain Node, in a child
 * process (./simulate-built.mjs): under tsx's loader the same build runs 13–16 % slower. The rows
 * marked · time internal steps from the sources under tsx, which wraps every closure to keep function
 * names (about 40 % here): compare them with each other, not with the end-to-end rows. `npm run bench`
 * builds first; alone: `npm run build` then `npx tsx bench/simulate.ts`.
 */

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import { compileNetwork } from '../src/algorithms/_internal/compile.js';
import { loadDataset } from '../src/data/datasets.js';
import { loadScenario } from '../src/data/scenarios.js';
import { demandForYear } from '../src/model/demand.js';
import { formatTable } from '../src/report/table.js';
import { applyScenario, applyScenarioDeferred } from '../src/scenario/apply.js';
import { CHINA_EUROPE } from '../src/simulate/aggregate.js';
import { overlandBindingCut } from '../src/simulate/binding-cut.js';
import { buildClasses } from '../src/simulate/classes.js';

/** The end-to-end rows: ./simulate-built.mjs in a plain Node process, on the built package. */
function builtRows(): { name: string; median: number }[] {
  if (!existsSync(new URL('../dist/index.js', import.meta.url)))
    throw new Error('bench/simulate.ts measures the built package: run `npm run build` first');
  const script = fileURLToPath(new URL('./simulate-built.mjs', import.meta.url));
  const out = execFileSync(process.execPath, [script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out) as { name: string; median: number }[];
}

const GOAL_MS = 1;

export default async function simulateBench(): Promise<void> {
  const built = builtRows();
  const year = 2023;
  // the internal steps (rows marked ·) run on the sources
  const source = loadDataset('eurasia');
  const sourceBaseline = loadScenario('baseline');
  const demand = demandForYear(source.demand, year);
  const applied = applyScenario(source.network, demand, sourceBaseline, { year });
  const compiled = compileNetwork(applied.network);

  const bench = new Bench({ time: 1500, warmupTime: 1000 });
  bench
    .add('· applyScenario (sources)', () => applyScenario(source.network, demand, sourceBaseline, { year }))
    .add('· applyScenario as simulate runs it: graph deferred, arguments checked before (sources)', () =>
      applyScenarioDeferred(source.network, demand, sourceBaseline, { year }),
    )
    .add('· compileNetwork (sources)', () => compileNetwork(applied.network))
    .add('· buildClasses (sources)', () => buildClasses(compiled, applied.demand, applied.segmentSurcharges))
    .add('· binding cut, max-flow (sources)', () =>
      overlandBindingCut(compiled, applied.demand, CHINA_EUROPE),
    );
  await bench.run();
  const internal = bench.tasks.map((task) => {
    const r = task.result as { latency?: { p50?: number } } | undefined;
    return { name: task.name, median: r?.latency?.p50 ?? Number.NaN };
  });
  const rows = [...built, ...internal].map(({ name, median }) => [
    name,
    median,
    `${(median / GOAL_MS).toFixed(2)}×`,
  ]);
  console.log(
    `Eurasia dataset: ${source.network.graph.order} nodes, ${source.network.graph.size} links, ${source.demand.flows.length} demand flows; year ${year}`,
  );
  // three decimals: with the default two significant digits below 1, 0.996 ms and 1.04 ms both
  // printed as "1.0", which cannot tell whether the goal is met
  console.log(
    formatTable(['task', 'median ms', `vs ${GOAL_MS} ms goal`], rows, { format: (v) => v.toFixed(3) }),
  );
  const goal = built[0];
  if (goal) {
    const verdict = goal.median < GOAL_MS ? 'met' : 'not met';
    console.log(
      `goal (issue 6), the first row under ${GOAL_MS} ms: ${verdict} at ${goal.median.toFixed(3)} ms in this run; the machine's speed moves it by ±10 % (compare the routing rows of the same run)`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await simulateBench();
