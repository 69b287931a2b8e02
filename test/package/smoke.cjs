// Smoke test of the installed package from CommonJS: the main entry and the testing subpath.
const assert = require('node:assert/strict');
const {
  loadDataset,
  loadScenario,
  parseNetwork,
  serializeNetwork,
  simulate,
  toTeuPerYear,
} = require('corridor-sim');
const { arbNetwork } = require('corridor-sim/testing');
const fc = require('fast-check');

// mathjs (0.4–0.6 s to load) is loaded when a quantity is first converted, not by the import
const mathjsLoaded = () =>
  Object.keys(require.cache).some((file) => /[\\/]node_modules[\\/]mathjs[\\/]/.test(file));
assert.equal(mathjsLoaded(), false);
assert.equal(toTeuPerYear('3 FEU/day'), 2191.5);
assert.equal(mathjsLoaded(), true);
const [network] = fc.sample(arbNetwork({ maxNodes: 4 }), { numRuns: 1, seed: 1 });
assert.ok(parseNetwork(serializeNetwork(network)).graph.order >= 2);
const eurasia = loadDataset('eurasia');
assert.ok(eurasia.network.graph.order >= 50);
simulate(eurasia, loadScenario('cpc-closure'), { year: 2023, solver: 'min-cost' }).then((result) => {
  assert.equal(result.crude.byRoute.cpc, 0);
  console.log('cjs: ok');
});
