import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ferryLink } from '../../test/support/ferry.js';
import { randomMixes } from '../../test/support/random.js';
import { formatPath, InvalidArgumentError } from '../model/errors.js';
import { deepFreeze } from '../model/freeze.js';
import { loadDataset } from './datasets.js';
import { parseNetwork } from './network-format.js';
import {
  parseScenario,
  safeParseScenario,
  scenarioDocumentIssues,
  serializeScenario,
} from './scenario-format.js';
import { loadScenario } from './scenarios.js';
import { isDeepFrozen, isValidated } from './validated.js';

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

describe('parseScenario: operations may name what an earlier add-link adds', () => {
  const ferry = {
    kind: 'add-link',
    nodes: [{ id: 'kuryk-new', name: 'Kuryk (new)', country: 'KZ', kind: 'port', lat: 43.2, lon: 51.6 }],
    link: ferryLink('kuryk-new-baku', 'kuryk-new', 'baku'),
  };
  const onIt = [
    { kind: 'surcharge', target: { links: ['kuryk-new-baku'] }, costUsdPerUnit: 50 },
    { kind: 'scale-capacity', target: { nodes: ['kuryk-new'] }, factor: 2 },
    { kind: 'close-nodes', nodes: ['kuryk-new'] },
  ];

  it('after the add-link: a surcharge on the new link, capacity and closure of the new node', () => {
    expect(issues(doc([ferry, ...onIt]))).toEqual([]);
  });

  it('a full add-link of a link that exists, or was added before, is a duplicate; opening an added one by id is fine', () => {
    const again = { ...ferry, nodes: [] };
    expect(issues(doc([ferry, again]))).toEqual(['duplicate_id $.operations[1].link.id']);
    expect(
      issues(doc([{ kind: 'add-link', link: { ...ferry.link, id: 'aktau-baku', from: 'aktau' } }])),
    ).toEqual(['duplicate_id $.operations[0].link.id']);
    expect(issues(doc([ferry, { kind: 'add-link', link: { id: 'kuryk-new-baku' } }]))).toEqual([]);
  });

  it('before it, or without it, they name nothing', () => {
    expect(issues(doc([...onIt, ferry]))).toEqual([
      'unknown_link $.operations[0].target.links[0]',
      'unknown_node $.operations[1].target.nodes[0]',
      'unknown_node $.operations[2].nodes[0]',
    ]);
  });
});

describe('parseScenario: references of demand-growth, avoid-country and set-capacity with nodeHandling (A7)', () => {
  it('checks demand-growth origins and destinations (nodes) and commodities', () => {
    expect(
      issues(
        doc([
          { kind: 'demand-growth', factor: 2, origins: ['xian', 'nowhere'] },
          { kind: 'demand-growth', factor: 2, destinations: ['nowhere'], commodities: ['container', 'oil'] },
          {
            kind: 'demand-growth',
            factor: 2,
            origins: ['xian'],
            destinations: ['duisburg'],
            commodities: ['container'],
          },
        ]),
      ),
    ).toEqual([
      'unknown_node $.operations[0].origins[1]',
      'unknown_commodity $.operations[1].commodities[1]',
      'unknown_node $.operations[1].destinations[0]',
    ]);
  });

  it('checks avoid-country commodities', () => {
    expect(
      issues(
        doc([
          { kind: 'avoid-country', country: 'RU', share: 1, commodities: ['oil'] },
          { kind: 'avoid-country', country: 'RU', share: 1, commodities: ['container'] },
        ]),
      ),
    ).toEqual(['unknown_commodity $.operations[0].commodities[0]']);
  });

  it('set-capacity with nodeHandling needs target.nodes, and rejects the selector keys it would ignore', () => {
    expect(
      issues(
        doc([
          { kind: 'set-capacity', target: { corridors: ['middle'] }, capacityPerYear: 5, nodeHandling: true },
          { kind: 'set-capacity', target: { nodes: [] }, capacityPerYear: 5, nodeHandling: true },
          {
            kind: 'set-capacity',
            target: { nodes: ['aktau'], commodities: ['container'], modes: ['rail'] },
            capacityPerYear: 5,
            nodeHandling: true,
          },
          {
            kind: 'set-capacity',
            target: { corridors: ['middle'] },
            capacityPerYear: 5,
            nodeHandling: false,
          },
        ]),
      ),
    ).toEqual([
      'missing $.operations[0].target.nodes',
      'invalid_value $.operations[0].target.corridors',
      'missing $.operations[1].target.nodes',
      'invalid_value $.operations[2].target.modes',
    ]);
    // without a network too: this is a rule of the document, not a reference
    const r = safeParseScenario(
      doc([
        { kind: 'set-capacity', target: { corridors: ['middle'] }, capacityPerYear: 5, nodeHandling: true },
      ]),
    );
    expect(r.success).toBe(false);
  });
});

describe('parseScenario: arguments (B6)', () => {
  const closeX = doc([{ kind: 'close-links', target: { links: ['x'] } }]);
  const argumentOf = (run: () => unknown): string | undefined => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return (error as InvalidArgumentError).argument;
    }
    return undefined;
  };

  it('a network that is not a Network is an InvalidArgumentError naming network', () => {
    for (const bad of [{}, 'x', 5, [], { graph: {} }]) {
      expect(argumentOf(() => parseScenario(closeX, bad as never))).toBe('network');
      expect(argumentOf(() => safeParseScenario(closeX, bad as never))).toBe('network');
    }
  });

  it('a demand that is not a Demand is an InvalidArgumentError naming demand; an invalid one a ValidationError', () => {
    for (const bad of ['x', 5, [], null]) {
      expect(argumentOf(() => parseScenario(doc([]), network, bad as never))).toBe('demand');
      expect(argumentOf(() => safeParseScenario(doc([]), network, bad as never))).toBe('demand');
    }
    expect(() => parseScenario(doc([]), network, { segments: [null], flows: [5] } as never)).toThrow(
      /invalid demand, 2 issues/,
    );
  });
});

describe('parseScenario: the result cannot change after validation (A3)', () => {
  it('is a deep-frozen copy; the input stays unfrozen and unchanged', () => {
    const input = doc([
      { kind: 'scale-capacity', target: { corridors: ['middle'] }, factor: 2 },
      { kind: 'surcharge', target: { countries: ['RU'] }, costUsdPerUnit: 300, segments: ['standard'] },
    ]);
    const before = structuredClone(input);
    const scenario = parseScenario(input, network);
    expect(isDeepFrozen(scenario)).toBe(true);
    expect(Object.isFrozen(scenario.operations[0])).toBe(true);
    expect(Object.isFrozen((scenario.operations[1] as { target: object }).target)).toBe(true);
    expect(input).toEqual(before);
    expect(Object.isFrozen(input.operations[0])).toBe(false);
  });
});

describe('scenario validation: operations validated before are not parsed again (their checks still run)', () => {
  const eurasia = loadDataset('eurasia');
  const known = loadScenario('baseline').operations;
  // fresh operations: valid ones, ones whose shape fails, and ones whose references or dates fail
  const fresh: unknown[] = [
    { kind: 'close-links', target: { links: ['aktau-alat'] } },
    { kind: 'scale-capacity', target: { links: ['aktau-alat'] }, factor: -2 },
    { kind: 'close-links', target: { links: ['no-such-link'] } },
    { kind: 'surcharge', target: { countries: ['RU'] } },
    { kind: 'close-nodes', nodes: ['aktau'], from: '2025-01-01', until: '2024-01-01' },
    { kind: 'warp-drive' },
    { kind: 'add-link', link: { id: 'aktau-alat' } },
    { kind: 'demand-growth', factor: 1.1, commodities: ['coal'] },
  ];
  const issuesOf = (operations: readonly unknown[]) =>
    scenarioDocumentIssues(
      { format: 'corridor-sim/scenario', version: 1, id: 'mixed', name: 'mixed', operations },
      eurasia.network,
      eurasia.demand,
    );

  it('gives the same issues, at the same paths, as validating every operation (40 random mixes)', () => {
    // structuredClone: the same operations, none of them marked
    for (const mix of randomMixes(known, fresh, 20261204, 40)) {
      expect(issuesOf(mix)).toEqual(issuesOf(structuredClone(mix)));
    }
  });

  it('names the operation at its index in the scenario when a fresh one fails after validated ones', () => {
    const n = known.length;
    // a shape issue (the schema's) and a reference issue (the whole list's)
    const issues = issuesOf([
      ...known,
      { kind: 'scale-capacity', target: { links: ['aktau-alat'] }, factor: -2 },
      { kind: 'close-links', target: { links: ['no-such-link'] } },
    ]);
    expect(issues.map((i) => formatPath(i.path))).toEqual([
      `$.operations[${n}].factor`,
      `$.operations[${n + 1}].target.links[0]`,
    ]);
  });

  it('remembers a deep-frozen operation once it passed, never an unfrozen one', () => {
    const frozen = deepFreeze({ kind: 'close-links', target: { links: ['aktau-alat'] } } as const);
    const open = { kind: 'close-links', target: { links: ['aktau-alat'] } };
    expect(issuesOf([...known, frozen, open])).toEqual([]);
    expect(isValidated(frozen, 'scenario-operation')).toBe(true);
    expect(isValidated(open, 'scenario-operation')).toBe(false);
    // an unfrozen operation edited after a check is checked again
    (open.target as { links: string[] }).links = ['no-such-link'];
    expect(issuesOf([...known, open]).map((i) => i.code)).toEqual(['unknown_link']);
    // every operation of a parsed scenario is remembered
    for (const op of known) expect(isValidated(op, 'scenario-operation')).toBe(true);
  });
});
