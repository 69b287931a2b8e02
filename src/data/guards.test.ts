import { describe, expect, it } from 'vitest';
import type { Demand } from '../model/demand.js';
import { formatPath, ValidationError } from '../model/errors.js';
import { deepFreeze } from '../model/freeze.js';
import type { Scenario } from '../model/scenario.js';
import { applyScenario } from '../scenario/apply.js';
import { loadDataset } from './datasets.js';
import { parseDemand } from './demand-format.js';
import { requireDemand, requireScenario, requireScenarioDemandReferences } from './guards.js';
import { parseScenario } from './scenario-format.js';
import { loadScenario } from './scenarios.js';
import { isValidated } from './validated.js';

const eurasia = loadDataset('eurasia');
const sample = loadDataset('sample');
const MODULE = 'corridor-sim/test';

const scenarioDoc = (operations: unknown[]) => ({
  format: 'corridor-sim/scenario',
  version: 1,
  id: 's',
  name: 'S',
  operations,
});
const demandDoc = (flows: unknown[], segments: unknown[] = []) => ({
  format: 'corridor-sim/demand',
  version: 1,
  segments,
  flows,
});

/** The issues of the ValidationError `run` throws, as `path: message` lines (fails if it throws none). */
function issuesOf(run: () => unknown, argument: string): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.message).toContain(`invalid ${argument},`);
    return v.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
  }
  throw new Error('expected a ValidationError, got none');
}

describe('requireScenario: a scenario validated once is checked again against another network (A2, C5)', () => {
  it('a scenario parsed without a network gets its references checked when used', () => {
    const scenario = parseScenario(scenarioDoc([{ kind: 'close-links', target: { links: ['nope'] } }]));
    expect(
      issuesOf(
        () => requireScenario(scenario, eurasia.network, eurasia.demand, MODULE, 'scenario'),
        'scenario',
      ),
    ).toEqual(['$.operations[0].target.links[0]: link "nope" does not exist']);
    // and through applyScenario, which used to apply it to no link at all
    expect(
      issuesOf(() => applyScenario(eurasia.network, eurasia.demand, scenario, { year: 2024 }), 'scenario'),
    ).toEqual(['$.operations[0].target.links[0]: link "nope" does not exist']);
  });

  it('a scenario parsed without a demand gets its segments and flows checked against the demand it meets', () => {
    const scenario = parseScenario(
      scenarioDoc([
        {
          kind: 'surcharge',
          target: { countries: ['RU'] },
          costUsdPerUnit: 500,
          segments: ['no-such-segment'],
        },
        { kind: 'demand-level', flows: ['no-such-flow'], volumePerYear: 5 },
      ]),
      eurasia.network,
    );
    // without a demand it stays valid for its network
    expect(() => requireScenario(scenario, eurasia.network, undefined, MODULE, 'scenario')).not.toThrow();
    expect(
      issuesOf(
        () => requireScenario(scenario, eurasia.network, eurasia.demand, MODULE, 'scenario'),
        'scenario',
      ),
    ).toEqual([
      '$.operations[0].segments[0]: segment "no-such-segment" does not exist in the demand',
      '$.operations[1].flows[0]: flow "no-such-flow" does not exist in the demand',
    ]);
  });

  it('a bundled eurasia scenario used with the sample dataset names each missing id by its path, not a bare NotFoundError', () => {
    const scenario = loadScenario('cpc-closure');
    const sampleNodes = new Set(sample.network.graph.nodes());
    const k = scenario.operations.findIndex((op) => op.kind === 'close-nodes' && op.nodes.includes('suez'));
    expect(k).toBeGreaterThanOrEqual(0);
    expect(sampleNodes.has('suez')).toBe(false);
    const issues = issuesOf(
      () => applyScenario(sample.network, sample.demand, scenario, { year: 2024 }),
      'scenario',
    );
    expect(issues).toContain(`$.operations[${k}].nodes[0]: node "suez" does not exist`);
    // still valid with its own dataset
    expect(() => applyScenario(eurasia.network, eurasia.demand, scenario, { year: 2024 })).not.toThrow();
  });

  it('the mark records the network and demand: loadScenario and loadDataset keep the fast path with their own dataset only', () => {
    const scenario = loadScenario('avoid-russia');
    expect(isValidated(scenario, 'scenario', eurasia.network, eurasia.demand)).toBe(true);
    expect(isValidated(scenario, 'scenario', sample.network)).toBe(false);
    expect(isValidated(eurasia.demand, 'demand', eurasia.network)).toBe(true);
    expect(isValidated(eurasia.demand, 'demand', sample.network)).toBe(false);
    for (const timeline of eurasia.timelines) {
      expect(isValidated(timeline, 'scenario', eurasia.network, eurasia.demand)).toBe(true);
    }
  });
});

describe('requireDemand: a demand validated once is checked again against another network (A2, B5)', () => {
  it('a demand parsed without a network gets its origins, destinations and commodities checked when used', () => {
    const demand = parseDemand(
      demandDoc([
        {
          id: 'f',
          origin: 'xian',
          destination: 'nowhere',
          commodity: 'container',
          volumePerYear: 1000,
          year: 2024,
        },
        {
          id: 'g',
          origin: 'xian',
          destination: 'duisburg',
          commodity: 'oil',
          volumePerYear: 1000,
          year: 2024,
        },
      ]),
    );
    expect(
      issuesOf(() => requireDemand(demand, eurasia.network, MODULE, 'input.demand'), 'input.demand'),
    ).toEqual([
      '$.flows[0].destination: node "nowhere" does not exist',
      '$.flows[1].commodity: commodity "oil" is not carried by the network',
    ]);
  });

  it('the eurasia demand with the sample network is a ValidationError naming the first unknown node', () => {
    const sampleNodes = new Set(sample.network.graph.nodes());
    const i = eurasia.demand.flows.findIndex(
      (f) => !sampleNodes.has(f.origin) || !sampleNodes.has(f.destination),
    );
    const flow = eurasia.demand.flows[i]!;
    const end = sampleNodes.has(flow.origin) ? 'destination' : 'origin';
    const issues = issuesOf(
      () => requireDemand(eurasia.demand, sample.network, MODULE, 'input.demand'),
      'input.demand',
    );
    expect(issues[0]).toBe(`$.flows[${i}].${end}: node ${JSON.stringify(flow[end])} does not exist`);
  });
});

describe('guards: editing a caller object after its first use does not bypass validation (A3)', () => {
  it('a code-built scenario is checked on every use, and is neither frozen nor changed', () => {
    const scenario = {
      id: 'v',
      name: 'v',
      operations: [{ kind: 'scale-capacity', target: { corridors: ['northern'] }, factor: 1 }],
    };
    const before = structuredClone(scenario);
    requireScenario(scenario, eurasia.network, eurasia.demand, MODULE, 'scenario');
    expect(scenario).toEqual(before);
    expect(Object.isFrozen(scenario)).toBe(false);
    expect(Object.isFrozen(scenario.operations[0])).toBe(false);
    expect(isValidated(scenario, 'scenario')).toBe(false);
    scenario.operations[0]!.factor = -3;
    expect(
      issuesOf(
        () => requireScenario(scenario, eurasia.network, eurasia.demand, MODULE, 'scenario'),
        'scenario',
      ),
    ).toEqual(['$.operations[0].factor: factor must be ≥ 0, got -3']);
  });

  it('a code-built demand is checked on every use', () => {
    const demand = structuredClone({
      segments: eurasia.demand.segments,
      flows: eurasia.demand.flows,
    }) as unknown as {
      segments: unknown[];
      flows: { volumePerYear: unknown; origin: string }[];
    };
    requireDemand(demand, eurasia.network, MODULE, 'input.demand');
    expect(Object.isFrozen(demand.flows[3])).toBe(false);
    demand.flows[3]!.volumePerYear = -1e6;
    expect(
      issuesOf(() => requireDemand(demand, eurasia.network, MODULE, 'input.demand'), 'input.demand'),
    ).toEqual(['$.flows[3].volumePerYear: volumePerYear must be ≥ 0, got -1000000']);
    demand.flows[3]!.volumePerYear = 1000;
    demand.flows[3]!.origin = 'nowhere';
    expect(
      issuesOf(() => requireDemand(demand, eurasia.network, MODULE, 'input.demand'), 'input.demand'),
    ).toEqual(['$.flows[3].origin: node "nowhere" does not exist']);
  });

  it('a caller object that is deep-frozen cannot change, so it is remembered (with its network)', () => {
    const scenario = deepFreeze({
      id: 'f',
      name: 'f',
      operations: [{ kind: 'close-links', target: { corridors: ['middle'] } }],
    }) as Scenario;
    requireScenario(scenario, eurasia.network, eurasia.demand, MODULE, 'scenario');
    expect(isValidated(scenario, 'scenario', eurasia.network, eurasia.demand)).toBe(true);
    expect(isValidated(scenario, 'scenario', sample.network)).toBe(false);
    const demand = deepFreeze({ segments: [], flows: [] }) as Demand;
    requireDemand(demand, sample.network, MODULE, 'demand');
    expect(isValidated(demand, 'demand', sample.network)).toBe(true);
    // only the top level frozen: not remembered
    const shallow = Object.freeze({ segments: [], flows: [] as unknown[] });
    requireDemand(shallow, sample.network, MODULE, 'demand');
    expect(isValidated(shallow, 'demand')).toBe(false);
  });
});

describe('guards: a validated demand is no scenario, and a validated scenario no demand', () => {
  it('each is checked as what it is passed as, with a typed error', () => {
    const scenario = loadScenario('avoid-russia');
    expect(() =>
      requireScenario(eurasia.demand, eurasia.network, eurasia.demand, MODULE, 'scenario'),
    ).toThrow(ValidationError);
    expect(() => requireDemand(scenario, eurasia.network, MODULE, 'demand')).toThrow(ValidationError);
    expect(() => applyScenario(eurasia.network, eurasia.demand, eurasia.demand as never)).toThrow(
      ValidationError,
    );
    expect(() =>
      parseScenario(
        { format: 'corridor-sim/scenario', version: 1, id: 'x', name: 'x', operations: [] },
        eurasia.network,
        scenario as never,
      ),
    ).toThrow(ValidationError);
  });
});

describe('guards: commodity names are the network’s own, not properties every object has', () => {
  it('rejects constructor and toString as commodities', () => {
    const flow = {
      id: 'f',
      origin: 'xian',
      destination: 'duisburg',
      commodity: 'constructor',
      volumePerYear: 1,
    };
    expect(() => requireDemand({ segments: [], flows: [flow] }, sample.network, MODULE, 'demand')).toThrow(
      ValidationError,
    );
    const op = { kind: 'avoid-country', country: 'RU', share: 0.5, commodities: ['toString'] };
    expect(() =>
      requireScenario(
        { id: 's', name: 's', operations: [op] },
        sample.network,
        sample.demand,
        MODULE,
        'scenario',
      ),
    ).toThrow(ValidationError);
  });
});

describe('requireScenarioDemandReferences (a scenario validated against a demand, applied with a part of it)', () => {
  const { network, demand } = eurasia;
  // the flows of every year but without one flow id (as a year's flows lack a flow dated in another)
  const first = demand.flows[0]!;
  const rest = demand.flows.filter((f) => f.id !== first.id);
  const part: Demand = { segments: demand.segments, flows: rest };
  const naming = (flow: string): Scenario => ({
    id: 'level',
    name: 'level',
    operations: [{ kind: 'demand-level', flows: [flow], volumePerYear: 5 }],
  });

  it('reports a flow the part lacks, at its path, as requireScenario does for the part', () => {
    const scenario = naming(first.id);
    requireScenario(scenario, network, demand, MODULE, 'scenario');
    const expected = issuesOf(() => requireScenario(scenario, network, part, MODULE, 'scenario'), 'scenario');
    expect(expected).toEqual([`$.operations[0].flows[0]: flow "${first.id}" does not exist in the demand`]);
    expect(issuesOf(() => requireScenarioDemandReferences(scenario, part, 'scenario'), 'scenario')).toEqual(
      expected,
    );
  });

  it('accepts a scenario whose flows the part has, and one that names no flow or segment', () => {
    expect(() => requireScenarioDemandReferences(naming(rest[0]!.id), part, 'scenario')).not.toThrow();
    expect(() =>
      requireScenarioDemandReferences(loadScenario('cpc-closure'), part, 'scenario'),
    ).not.toThrow();
  });
});
