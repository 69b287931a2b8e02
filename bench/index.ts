/**
 * `npm run bench`: every benchmark, one after the other. Each prints our time beside the baselines
 * measured on this machine (../shared/bench/BASELINES.md) and the ratios. Run one alone with
 * `npx tsx bench/<name>.ts`, or pass names: `npm run bench -- routing flow`.
 */

export {};

const BENCHES: Record<string, () => Promise<{ default: () => Promise<void> }>> = {
  routing: () => import('./routing.js'),
  flow: () => import('./flow.js'),
  assignment: () => import('./assignment.js'),
  simulate: () => import('./simulate.js'),
};

const wanted = process.argv.slice(2);
for (const [name, load] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n## ${name}\n`);
  const bench = await load();
  await bench.default();
}
