import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../model/errors.js';
import { parseNetwork } from './network-format.js';
import { parseScenario, safeParseScenario, serializeScenario } from './scenario-format.js';

const network = parseNetwork(
  JSON.parse(readFileSync(new URL('../../data/samples/two-corridors.json', import.meta.url), 'utf8')),
);
const doc = (operations: unknown[]) => ({
  format: 'corridor-sim/scenario',
  version: 1,
  id: 's',
  name: 'S',
  operations,
});
const issues = (input: unknown) => {
  const r = safeParseScenario(input, network);
  return r.success ? [] : r.issues.map((i) => `${i.code} ${formatPath(i.path)}`);
};

describe('parseScenario', () => {
  it('parses every operation kind and round-trips', () => {
    const input = doc([
      { kind: 'close-links', target: { links: ['aktau-baku'] }, from: '2025-09-12', until: '2025-09-25' },
      { kind: 'close-nodes', nodes: ['moscow'] },
      { kind: 'close-country', country: 'RU' },
      { kind: 'close-border', countries: ['BY', 'PL'], scope: { modes: ['rail'] } },
      { kind: 'scale-capacity', target: { corridors: ['middle'] }, factor: 5 },
      { kind: 'set-capacity', target: { nodes: ['aktau'] }, capacityPerYear: 200000, nodeHandling: true },
      { kind: 'add-link', link: { id: 'almaty-aktau-new' } },
      { kind: 'surcharge', target: { countries: ['RU'] }, costUsdPerUnit: 300, segments: ['standard'] },
      { kind: 'avoid-country', country: 'RU', share: 0.4, commodities: ['container'] },
      { kind: 'demand-growth', annualRate: 0.05, baseYear: 2024 },
      { kind: 'demand-level', flows: ['xian-duisburg'], volumePerYear: 1000 },
    ]);
    const scenario = parseScenario(input, network);
    expect(scenario.operations).toHaveLength(11);
    expect(parseScenario(serializeScenario(scenario), network)).toEqual(scenario);
  });

  it('reports unknown references, bad values and bad dates with their paths', () => {
    expect(
      issues(
        doc([
          { kind: 'close-links', target: { links: ['nope'], corridors: ['southern'] } },
          { kind: 'scale-capacity', target: {}, factor: -2 },
          { kind: 'avoid-country', country: 'RU', share: 0.5, from: '2024', until: '2023' },
          { kind: 'demand-growth', annualRate: 0.03 },
          { kind: 'add-link', link: { id: 'ghost' } },
          { kind: 'teleport' },
        ]),
      ),
    ).toEqual([
      'unknown_link $.operations[0].target.links[0]',
      'unknown_corridor $.operations[0].target.corridors[0]',
      'negative $.operations[1].factor',
      'bad_date $.operations[2].until',
      'missing $.operations[3].baseYear',
      'unknown_link $.operations[4].link.id',
      'invalid_value $.operations[5].kind',
    ]);
  });
});
