// Smoke test of the installed package from CommonJS: the main entry and the testing subpath.
const assert = require('node:assert/strict');
const { parseNetwork, serializeNetwork, toTeuPerYear } = require('corridor-sim');
const { arbNetwork } = require('corridor-sim/testing');
const fc = require('fast-check');

assert.equal(toTeuPerYear('3 FEU/day'), 2191.5);
const [network] = fc.sample(arbNetwork({ maxNodes: 4 }), { numRuns: 1, seed: 1 });
assert.ok(parseNetwork(serializeNetwork(network)).graph.order >= 2);
console.log('cjs: ok');
