// @ts-check
/**
 * The end-to-end rows of bench/simulate.ts, run by plain Node
 * ===========================================================
 *
 * Times `simulate` of the built package (dist/, what users import) in a process of its own, without
 * tsx's loader: under tsx the same build ran 13–16 % slower (tinybench medians, 2026-12-04: baseline
 * 1.79 against 1.55 ms, avoid-russia 3.84 against 3.41 ms), though tsx does not transform dist/. The
 * loader's worker thread and its isolate share the machine's two cores with the benchmark. Users run
 * the package under plain Node, so that is what these rows measure.
 *
 * bench/simulate.ts spawns this script and prints its rows; alone: `npm run build` then
 * `node bench/simulate-built.mjs`. Prints one JSON array of `{ name, median }` (ms) on stdout.
 */

import { Bench } from 'tinybench';

const url = new URL('../dist/index.js', import.meta.url);
/** @type {typeof import('../src/index.js')} */
const { simulate, loadDataset, loadScenario } = await import(url.href);

const eurasia = loadDataset('eurasia');
const year = 2023;
const baseline = loadScenario('baseline');
const avoid = loadScenario('avoid-russia');
const warm = await simulate(eurasia, avoid, { year });

let fresh = 0;
/**
 * The scenario with one more operation, a new object each run (as a sweep or a script builds them):
 * it is validated (only the new operation's shape: the others were validated when loaded), and a
 * capacity changed by 1e-9 × run keeps any cache from answering.
 * @param {import('../src/index.js').Scenario} scenario
 * @param {string} link
 * @param {number} run
 * @returns {import('../src/index.js').Scenario}
 */
const withOperation = (scenario, link, run) => ({
  ...scenario,
  id: `${scenario.id}-${run}`,
  operations: [
    ...scenario.operations,
    { kind: 'scale-capacity', target: { links: [link] }, factor: 1 + run * 1e-9 },
  ],
});
// Warm-up is 1 s per task: V8 finishes optimising `simulate`'s functions, most of which run once per
// call, after 150–300 calls.
const bench = new Bench({ time: 1500, warmupTime: 1000 });
bench
  .add('simulate baseline (equilibrium 1e-6, crude min-cost, binding cut)', () =>
    simulate(eurasia, baseline, { year }),
  )
  .add('simulate avoid-russia (same)', () => simulate(eurasia, avoid, { year }))
  .add('simulate baseline + a container operation built each run (validated, crude LP cached)', () => {
    fresh += 1;
    return simulate(eurasia, withOperation(baseline, 'aktau-alat', fresh), { year });
  })
  .add('simulate baseline + a crude operation built each run (crude LP solved)', () => {
    fresh += 1;
    return simulate(eurasia, withOperation(baseline, 'oil-cpc', fresh), { year });
  })
  .add('simulate avoid-russia, warm start, gap 1e-4, no cut', () =>
    simulate(eurasia, avoid, { year, warmStart: warm, relativeGap: 1e-4, bindingCut: false }),
  )
  .add('simulate avoid-russia, min-cost solver (same LP: answer reused)', () =>
    simulate(eurasia, avoid, { year, solver: 'min-cost' }),
  )
  .add('simulate avoid-russia, min-cost solver (a new LP every run)', () => {
    // a different CPC capacity each run, so the LP cannot be answered from the cache
    fresh += 1;
    return simulate(eurasia, withOperation(avoid, 'oil-cpc', fresh), { year, solver: 'min-cost' });
  });
await bench.run();
const rows = bench.tasks.map((task) => {
  const result = /** @type {{ latency?: { p50?: number } } | undefined} */ (task.result);
  return { name: task.name, median: result?.latency?.p50 ?? Number.NaN };
});
console.log(JSON.stringify(rows));
