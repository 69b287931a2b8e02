// Smoke test of the installed package from ESM: the main entry and the testing subpath.
import assert from 'node:assert/strict';
import {
  loadDataset,
  loadScenario,
  parseNetwork,
  serializeNetwork,
  simulate,
  toTeuPerYear,
} from 'corridor-sim';
import { arbNetwork } from 'corridor-sim/testing';
import fc from 'fast-check';

assert.equal(toTeuPerYear('500000 container/year'), 500000);
const [network] = fc.sample(arbNetwork({ maxNodes: 4 }), { numRuns: 1, seed: 1 });
assert.ok(parseNetwork(serializeNetwork(network)).graph.order >= 2);
const eurasia = loadDataset('eurasia');
assert.ok(eurasia.network.graph.order >= 50);
const result = await simulate(eurasia, loadScenario('baseline'), { year: 2023 });
assert.ok(result.countryTransitShare.KZ > 0.5);
console.log('esm: ok');
