import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidArgument } from '../../../test/support/expect-error.js';
import { parseDemand } from '../../data/demand-format.js';
import { parseNetwork } from '../../data/network-format.js';
import { parseScenario, serializeScenario } from '../../data/scenario-format.js';
import type { ScenarioOp } from '../../model/scenario.js';
import { perturbDataset } from './dataset.js';
import { arbDemand } from './demand.js';
import { arbSimulationInput } from './input.js';
import { arbScenario, arbScenarioOp } from './scenario.js';

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../data/samples/${name}`, import.meta.url), 'utf8'));
const network = parseNetwork(read('two-corridors.json'));
const demand = parseDemand(read('two-corridors.demand.json'), network);

describe('arbitraries name the type of a wrong constraint', () => {
  it.each([
    ['arbSimulationInput constraints', () => arbSimulationInput('x' as never), 'got the string "x"'],
    ['arbDemand years', () => arbDemand(network, { years: ['2024' as never] }), 'got the string "2024"'],
    [
      'arbScenario minFactor',
      () => arbScenario(network, demand, { minFactor: '1' as never }),
      'got the string "1"',
    ],
    [
      'perturbDataset links',
      () => perturbDataset({ network, demand }, { links: 'x' as never, nodes: [], flows: [] }),
      'got the string "x"',
    ],
  ])('%s', (_name, build, shown) => {
    expect(invalidArgument(build).message).toContain(shown);
  });
});

describe('set-capacity on node handling', () => {
  it('targets only nodes (and commodities), so the document rules accept every generated operation', () => {
    const ops = fc.sample(arbScenarioOp(network, demand, { kinds: ['set-capacity'] }), {
      numRuns: 300,
      seed: 7,
    }) as Extract<ScenarioOp, { kind: 'set-capacity' }>[];
    const handling = ops.filter((op) => op.nodeHandling === true);
    expect(handling.length).toBeGreaterThan(0);
    for (const op of handling) {
      expect(Object.keys(op.target).every((k) => k === 'nodes' || k === 'commodities')).toBe(true);
      expect(op.target.nodes?.length).toBeGreaterThan(0);
    }
    for (const op of ops) {
      const doc = serializeScenario({ id: 's', name: 's', operations: [op] });
      expect(() => parseScenario(doc, network, demand)).not.toThrow();
    }
  });
});
