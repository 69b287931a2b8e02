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
 * The end-to-end rows run the built package (dist/, what users import): tsx, which runs the sources,
 * wraps every closure to keep function names, and that alone costs about 40 % here. The rows marked ·
 * time internal steps from the sources. `npm run bench` builds first; alone: `npm run build` then
 * `npx tsx bench/simulate.ts`.
 */

import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
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

/** The built package: typed as the sources it is built from. */
async function builtPackage(): Promise<typeof import('../src/index.js')> {
  const url = new URL('../dist/index.js', import.meta.url);
  if (!existsSync(url))
    throw new Error('bench/simulate.ts measures the built package: run `npm run build` first');
  return (await import(url.href)) as typeof import('../src/index.js');
}

const GOAL_MS = 1;

export default async function simulateBench(): Promise<void> {
  const { simulate, loadDataset: loadBuilt, loadScenario: loadBuiltScenario } = await builtPackage();
  const eurasia = loadBuilt('eurasia');
  const year = 2023;
  const baseline = loadBuiltScenario('baseline');
  const avoid = loadBuiltScenario('avoid-russia');
  // the internal steps (rows marked ·) run on the sources' own copies
  const source = loadDataset('eurasia');
  const sourceBaseline = loadScenario('baseline');
  const demand = demandForYear(source.demand, year);
  const applied = applyScenario(source.network, demand, sourceBaseline, { year });
  const compiled = compileNetwork(applied.network);
  const warm = await simulate(eurasia, avoid, { year });

  let fresh = 0;
  const bench = new Bench({ time: 1500, warmupTime: 1000 });
  bench
    .add('simulate baseline (equilibrium 1e-6, crude min-cost, binding cut)', () =>
      simulate(eurasia, baseline, { year }),
    )
    .add('simulate avoid-russia (same)', () => simulate(eurasia, avoid, { year }))
    .add('simulate avoid-russia, warm start, gap 1e-4, no cut', () =>
      simulate(eurasia, avoid, { year, warmStart: warm, relativeGap: 1e-4, bindingCut: false }),
    )
    .add('simulate avoid-russia, min-cost solver (same LP: answer reused)', () =>
      simulate(eurasia, avoid, { year, solver: 'min-cost' }),
    )
    .add('simulate avoid-russia, min-cost solver (a new LP every run)', () => {
      // a different CPC capacity each run, so the LP cannot be answered from the cache
      fresh += 1;
      const operations = [
        ...avoid.operations,
        { kind: 'scale-capacity', target: { links: ['oil-cpc'] }, factor: 1 + fresh * 1e-9 } as const,
      ];
      return simulate(eurasia, { ...avoid, id: `fresh-${fresh}`, operations }, { year, solver: 'min-cost' });
    })
    .add('· applyScenario (sources)', () => applyScenario(source.network, demand, sourceBaseline, { year }))
    .add('· applyScenario, graph deferred as simulate runs it (sources)', () =>
      applyScenarioDeferred(source.network, demand, sourceBaseline, { year }),
    )
    .add('· compileNetwork (sources)', () => compileNetwork(applied.network))
    .add('· buildClasses (sources)', () => buildClasses(compiled, applied.demand, applied.segmentSurcharges))
    .add('· binding cut, max-flow (sources)', () =>
      overlandBindingCut(compiled, applied.demand, CHINA_EUROPE),
    );
  await bench.run();
  const rows = bench.tasks.map((task) => {
    const r = task.result as { latency?: { p50?: number; mean?: number } } | undefined;
    const median = r?.latency?.p50 ?? Number.NaN;
    return [task.name, median, `${(median / GOAL_MS).toFixed(1)}×`];
  });
  console.log(
    `Eurasia dataset: ${eurasia.network.graph.order} nodes, ${eurasia.network.graph.size} links, ${eurasia.demand.flows.length} demand flows; year ${year}`,
  );
  console.log(formatTable(['task', 'median ms', `vs ${GOAL_MS} ms goal`], rows));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await simulateBench();
