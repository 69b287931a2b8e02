// Smoke test of the installed package from ESM: the main entry and the testing subpath.
import assert from 'node:assert/strict';
import { parseNetwork, serializeNetwork, toTeuPerYear } from 'corridor-sim';
import { arbNetwork } from 'corridor-sim/testing';
import fc from 'fast-check';

assert.equal(toTeuPerYear('500000 container/year'), 500000);
const [network] = fc.sample(arbNetwork({ maxNodes: 4 }), { numRuns: 1, seed: 1 });
assert.ok(parseNetwork(serializeNetwork(network)).graph.order >= 2);
console.log('esm: ok');
