// Law suite of corridor-sim/testing: the arbitraries themselves (determinism, validity, constraints,
// shrinking, eager validation), then the kit against the real simulator (checkers on real results,
// corrupted results, the arc numbering, and every metamorphic law).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../src/algorithms/_internal/compile.js';
import { loadDataset } from '../src/data/datasets.js';
import { safeParseDemand } from '../src/data/demand-format.js';
import { parseNetwork, safeParseNetwork, serializeNetwork } from '../src/data/network-format.js';
import { safeParseScenario, serializeScenario } from '../src/data/scenario-format.js';
import type { Demand } from '../src/model/demand.js';
import { isCorridorSimError } from '../src/model/errors.js';
import { listLinks, listNodes, MODES, type Network } from '../src/model/network.js';
import type { Scenario } from '../src/model/scenario.js';
import { applyScenario } from '../src/scenario/apply.js';
import type { SimulationResult } from '../src/simulate/result.js';
import { simulate } from '../src/simulate/simulate.js';
import {
  arbDataset,
  arbDemand,
  arbDemandDocument,
  arbNetwork,
  arbNetworkDocument,
  arbScenario,
  arbScenarioOp,
  arbSimulationInput,
  type CheckableResult,
  checkResult,
  compiledArcs,
  laws,
  type SimulationInput,
} from '../src/testing/index.js';

const eurasia = loadDataset('eurasia');
const sample = loadDataset('sample');

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isCorridorSimError(error) ? error.code : `not a corridor-sim error: ${String(error)}`;
  }
  return undefined;
}

/** Every value fast-check tries while shrinking an always-failing property: a chain of shrinks. */
function shrinkChain<T>(arb: fc.Arbitrary<T>, seed: number): T[] {
  const seen: T[] = [];
  fc.check(
    fc.property(arb, (value) => {
      seen.push(value);
      return false;
    }),
    { seed, numRuns: 1 },
  );
  return seen;
}

/** The counterexample of a property, after shrinking. */
function counterexample<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => boolean, seed = 1): T {
  const details = fc.check(fc.property(arb, predicate), { seed, numRuns: 200 });
  if (!details.failed || !details.counterexample) throw new Error('the property did not fail');
  return details.counterexample[0];
}

function reachable(network: Network, from: string, commodity: string): Set<string> {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const link of listLinks(network)) {
      const usable =
        link.status === 'active' && (link.capacityPerYear === undefined || link.capacityPerYear > 0);
      if (usable && link.commodity === commodity && link.from === node && !seen.has(link.to)) {
        seen.add(link.to);
        stack.push(link.to);
      }
    }
  }
  return seen;
}

const networkJson = (n: Network) => JSON.stringify(serializeNetwork(n));

describe('arbitraries: same seed, same value', () => {
  const cases: [string, fc.Arbitrary<unknown>, (v: never) => string][] = [
    ['arbNetworkDocument', arbNetworkDocument(), (d) => JSON.stringify(d)],
    ['arbNetwork', arbNetwork({ commodities: ['container', 'crude'] }), networkJson],
    ['arbDemand', arbDemand(sample.network), (d) => JSON.stringify(d)],
    ['arbScenarioOp', arbScenarioOp(sample.network, sample.demand), (d) => JSON.stringify(d)],
    ['arbScenario', arbScenario(eurasia.network, eurasia.demand), (d) => JSON.stringify(d)],
    [
      'arbSimulationInput',
      arbSimulationInput(),
      (i: SimulationInput) => networkJson(i.network) + JSON.stringify(i.demand),
    ],
    [
      'arbDataset',
      arbDataset(sample),
      (i: SimulationInput) => networkJson(i.network) + JSON.stringify(i.demand),
    ],
  ];
  for (const [name, arb, key] of cases) {
    it(`${name}: fc.sample with the same seed gives the same values, another seed others`, () => {
      const a = fc.sample(arb, { seed: 42, numRuns: 15 }).map((v) => key(v as never));
      const b = fc.sample(arb, { seed: 42, numRuns: 15 }).map((v) => key(v as never));
      const c = fc.sample(arb, { seed: 43, numRuns: 15 }).map((v) => key(v as never));
      expect(b).toEqual(a);
      expect(c).not.toEqual(a);
    });
  }
});

describe('arbitraries: every value is valid', () => {
  it('arbNetworkDocument documents parse, for every combination of switches', () => {
    fc.assert(
      fc.property(
        fc.record({
          commodities: fc.subarray(['container', 'crude'] as const, { minLength: 1 }),
          awkwardFloats: fc.boolean(),
          planned: fc.boolean(),
          closed: fc.boolean(),
          parallelLinks: fc.boolean(),
          connected: fc.boolean(),
          handling: fc.boolean(),
          vdf: fc.boolean(),
        }),
        fc.integer({ min: 0, max: 1000 }),
        (constraints, seed) => {
          for (const doc of fc.sample(arbNetworkDocument(constraints), { seed, numRuns: 5 })) {
            const parsed = safeParseNetwork(doc);
            if (!parsed.success) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('arbDemand values parse against their network; arbSimulationInput pairs too', () => {
    fc.assert(
      fc.property(
        arbSimulationInput({ network: { commodities: ['container', 'crude'] } }),
        ({ network, demand }) => {
          const parsed = safeParseDemand(
            JSON.parse(JSON.stringify({ format: 'corridor-sim/demand', version: 1, ...demand })),
            network,
          );
          if (!parsed.success) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
        },
      ),
      { numRuns: 100 },
    );
    for (const dataset of [sample, eurasia]) {
      fc.assert(
        fc.property(
          arbDemandDocument(dataset.network, { maxSegments: 3, avoidLinks: true, years: [2024, 2025] }),
          (doc) => {
            const parsed = safeParseDemand(doc, dataset.network);
            if (!parsed.success) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
          },
        ),
        { numRuns: 60 },
      );
    }
  });

  it('arbScenario values parse with the network and demand, and applyScenario applies them', () => {
    const valid = (input: SimulationInput, scenario: Scenario) => {
      const parsed = safeParseScenario(
        JSON.parse(JSON.stringify(serializeScenario(scenario))),
        input.network,
        input.demand,
      );
      if (!parsed.success) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
      applyScenario(input.network, input.demand, scenario);
      applyScenario(input.network, input.demand, scenario, { year: 2026 });
      applyScenario(input.network, input.demand, scenario, { date: '2027-03-15' });
    };
    fc.assert(
      fc.property(
        arbSimulationInput({ demand: { maxSegments: 2 } }).chain((input) =>
          arbScenario(input.network, input.demand, { maxOperations: 6 }).map((scenario) => ({
            input,
            scenario,
          })),
        ),
        ({ input, scenario }) => valid(input, scenario),
      ),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(
        arbScenario(eurasia.network, eurasia.demand, { maxOperations: 6, growthRates: true }),
        (scenario) => {
          const parsed = safeParseScenario(serializeScenario(scenario), eurasia.network, eurasia.demand);
          if (!parsed.success) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
          applyScenario(eurasia.network, eurasia.demand, scenario, { year: 2026 });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('arbDataset values are valid networks and demand with the same ids', () => {
    fc.assert(
      fc.property(arbDataset(eurasia, { capacity: 1, cost: 1, time: 1, demand: 1 }), (d) => {
        const reparsed = parseNetwork(JSON.parse(JSON.stringify(serializeNetwork(d.network))));
        expect(reparsed.graph.edges()).toEqual(eurasia.network.graph.edges());
        expect(reparsed.graph.nodes()).toEqual(eurasia.network.graph.nodes());
        const parsed = safeParseDemand({ format: 'corridor-sim/demand', version: 1, ...d.demand }, d.network);
        expect(parsed.success).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

describe('arbitraries: constraints are honoured', () => {
  it('arbNetwork: sizes, modes, countries, commodities, capacities, corridors, statuses, pairs', () => {
    const constraints = {
      minNodes: 3,
      maxNodes: 5,
      minLinks: 2,
      maxLinks: 6,
      modes: ['rail', 'sea'] as const,
      countries: ['KZ', 'AZ'],
      commodities: ['crude'] as const,
      maxCapacity: 500,
      maxCorridors: 1,
      planned: false,
      parallelLinks: false,
      handling: false,
      vdf: false,
      transitCountries: false,
    };
    fc.assert(
      fc.property(arbNetwork(constraints), (network) => {
        const nodes = listNodes(network);
        const links = listLinks(network);
        expect(nodes.length).toBeGreaterThanOrEqual(3);
        expect(nodes.length).toBeLessThanOrEqual(5);
        expect(links.length).toBeGreaterThanOrEqual(2);
        expect(links.length).toBeLessThanOrEqual(6);
        expect(Object.keys(network.commodities)).toEqual(['crude']);
        expect(network.corridors.length).toBeLessThanOrEqual(1);
        const pairs = new Set(links.map((l) => `${l.from}>${l.to}`));
        expect(pairs.size).toBe(links.length);
        for (const node of nodes) {
          expect(['KZ', 'AZ']).toContain(node.country);
          expect(node.handling).toBeUndefined();
        }
        for (const link of links) {
          expect(['rail', 'sea']).toContain(link.mode);
          expect(link.commodity).toBe('crude');
          expect(link.status).toBe('active');
          expect(link.vdf).toBeUndefined();
          expect(link.countries.length).toBeLessThanOrEqual(2);
          expect(link.capacityPerYear ?? 0).toBeLessThanOrEqual(500);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('arbNetwork: awkwardFloats false gives no value below 0.001 but 0; connected reaches every node from n0', () => {
    fc.assert(
      fc.property(
        arbNetwork({
          awkwardFloats: false,
          connected: true,
          commodities: ['container', 'crude'],
          closed: true,
        }),
        (network) => {
          for (const link of listLinks(network)) {
            for (const v of [
              link.capacityPerYear ?? 1,
              link.costUsdPerUnit,
              link.transitDays,
              link.distanceKm,
            ]) {
              expect(v === 0 || v >= 0.001).toBe(true);
            }
          }
          for (const commodity of ['container', 'crude']) {
            expect(reachable(network, 'n0', commodity).size).toBe(network.graph.order);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('arbNetwork: awkwardFloats true does produce zero, fractional and subnormal capacities', () => {
    const capacities = fc
      .sample(arbNetwork({ maxLinks: 10 }), { seed: 5, numRuns: 300 })
      .flatMap((n) => listLinks(n).map((l) => l.capacityPerYear))
      .filter((c): c is number => c !== undefined);
    expect(capacities.some((c) => c === 0)).toBe(true);
    expect(capacities.some((c) => !Number.isInteger(c))).toBe(true);
    expect(capacities.some((c) => c > 0 && c < 1e-300)).toBe(true);
    expect(capacities.some((c) => c === 1e6)).toBe(true);
  });

  it('arbDemand: flow and segment counts, connected pairs, shares summing to 1, origins, years, bounds', () => {
    const network = eurasia.network;
    const origins = ['xian', 'chongqing'].filter((id) => network.graph.hasNode(id));
    expect(origins.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        arbDemand(network, {
          minFlows: 2,
          maxFlows: 4,
          minSegments: 1,
          maxSegments: 2,
          maxVolume: 1000,
          maxValueOfTime: 50,
          origins,
          commodities: ['container'],
          years: [2030],
        }),
        (demand) => {
          expect(demand.flows.length).toBeGreaterThanOrEqual(2);
          expect(demand.flows.length).toBeLessThanOrEqual(4);
          expect(demand.segments.length).toBeGreaterThanOrEqual(1);
          expect(demand.segments.length).toBeLessThanOrEqual(2);
          for (const s of demand.segments) expect(s.valueOfTimeUsdPerUnitDay).toBeLessThanOrEqual(50);
          for (const flow of demand.flows) {
            expect(origins).toContain(flow.origin);
            expect(flow.commodity).toBe('container');
            expect(flow.volumePerYear).toBeLessThanOrEqual(1000);
            expect(flow.year === undefined || flow.year === 2030).toBe(true);
            expect(reachable(network, flow.origin, 'container').has(flow.destination)).toBe(true);
            if (flow.segmentShares) {
              const sum = Object.values(flow.segmentShares).reduce((a, b) => a + b, 0);
              expect(sum).toBeCloseTo(1, 12);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('arbScenario: operation count, kinds, undated, factor range, no growth rates unless asked', () => {
    fc.assert(
      fc.property(
        arbScenario(eurasia.network, eurasia.demand, {
          minOperations: 1,
          maxOperations: 3,
          kinds: ['scale-capacity', 'close-border', 'demand-growth'],
          dated: false,
          minFactor: 1,
          maxFactor: 2,
        }),
        (scenario) => {
          expect(scenario.operations.length).toBeGreaterThanOrEqual(1);
          expect(scenario.operations.length).toBeLessThanOrEqual(3);
          for (const op of scenario.operations) {
            expect(['scale-capacity', 'close-border', 'demand-growth']).toContain(op.kind);
            expect(op.from).toBeUndefined();
            expect(op.until).toBeUndefined();
            if (op.kind === 'scale-capacity') {
              expect(op.factor).toBeGreaterThanOrEqual(1);
              expect(op.factor).toBeLessThanOrEqual(2);
            }
            if (op.kind === 'demand-growth') expect(op.annualRate).toBeUndefined();
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('arbScenario: every kind is drawn, dated operations end after they start, selectors select', () => {
    const scenarios = fc.sample(arbScenario(eurasia.network, eurasia.demand, { maxOperations: 6 }), {
      seed: 3,
      numRuns: 200,
    });
    const kinds = new Set(scenarios.flatMap((s) => s.operations.map((op) => op.kind)));
    expect(kinds.size).toBe(11);
    for (const op of scenarios.flatMap((s) => s.operations)) {
      if (op.from && op.until) expect(op.until > op.from).toBe(true);
      if (op.kind === 'close-links') {
        const applied = applyScenario(eurasia.network, eurasia.demand, {
          id: 'x',
          name: 'x',
          operations: [op],
        });
        expect(applied.log[0]!.links.length).toBeGreaterThan(0);
      }
    }
  });

  it('arbDataset: multipliers within the bounds, applied exactly, the rest unchanged', () => {
    const base = new Map(listLinks(eurasia.network).map((l) => [l.id, l]));
    const flows = new Map(eurasia.demand.flows.map((f) => [`${f.id}@${f.year}`, f]));
    fc.assert(
      fc.property(arbDataset(eurasia, { capacity: 0.25, cost: 0, time: 0.1, demand: 0.5 }), (d) => {
        const changed = new Map(d.perturbations.links.map((p) => [p.link, p]));
        for (const p of d.perturbations.links) {
          expect(p.cost).toBeUndefined();
          if (p.capacity !== undefined)
            expect([p.capacity >= 0.75, p.capacity <= 1.25]).toEqual([true, true]);
          if (p.time !== undefined) expect([p.time >= 0.9, p.time <= 1.1]).toEqual([true, true]);
        }
        for (const link of listLinks(d.network)) {
          const before = base.get(link.id)!;
          const p = changed.get(link.id);
          expect(link.costUsdPerUnit).toBe(before.costUsdPerUnit);
          expect(link.transitDays).toBe(before.transitDays * (p?.time ?? 1));
          if (before.capacityPerYear !== undefined) {
            expect(link.capacityPerYear).toBe(before.capacityPerYear * (p?.capacity ?? 1));
          }
        }
        const byFlow = new Map(d.perturbations.flows.map((p) => [p.flow, p.volume]));
        for (const flow of d.demand.flows) {
          const m = byFlow.get(flow.id) ?? 1;
          expect([m >= 0.5, m <= 1.5]).toEqual([true, true]);
          expect(flow.volumePerYear).toBe(flows.get(`${flow.id}@${flow.year}`)!.volumePerYear * m);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('arbitraries: constraints are validated eagerly', () => {
  it.each([
    ['minNodes 1', () => arbNetwork({ minNodes: 1 })],
    ['maxNodes < minNodes', () => arbNetwork({ minNodes: 4, maxNodes: 3 })],
    ['no modes', () => arbNetwork({ modes: [] })],
    ['a mode that does not exist', () => arbNetwork({ modes: ['teleport' as never] })],
    ['a bad country code', () => arbNetwork({ countries: ['Kazakhstan'] })],
    ['maxCapacity 0', () => arbNetwork({ maxCapacity: 0 })],
    [
      'minLinks unreachable without parallel links',
      () => arbNetwork({ maxNodes: 2, minLinks: 3, parallelLinks: false }),
    ],
    ['maxFlows < minFlows', () => arbDemand(sample.network, { minFlows: 3, maxFlows: 2 })],
    ['an unknown origin', () => arbDemand(sample.network, { origins: ['atlantis'] })],
    ['an unknown commodity', () => arbDemand(sample.network, { commodities: ['crude'] })],
    ['no connected pair', () => arbDemand(sample.network, { origins: ['duisburg'] })],
    [
      'a kind that does not exist',
      () => arbScenario(sample.network, sample.demand, { kinds: ['explode' as never] }),
    ],
    [
      'demand-level without demand',
      () => arbScenario(sample.network, undefined, { kinds: ['demand-level'] }),
    ],
    [
      'years.max < years.min',
      () => arbScenario(sample.network, sample.demand, { years: { min: 2030, max: 2020 } }),
    ],
    [
      'maxFactor < minFactor',
      () => arbScenarioOp(sample.network, sample.demand, { minFactor: 2, maxFactor: 1 }),
    ],
    ['a bound above 1', () => arbDataset(sample, { capacity: 1.5 })],
    ['an unknown link', () => arbDataset(sample, { links: ['no-such-link'] })],
    ['a network that is not one', () => arbDemand({} as Network)],
  ])('%s throws InvalidArgumentError when the arbitrary is built', (_name, build) => {
    expect(errorCode(build)).toBe('invalid-argument');
  });
});

describe('arbitraries: shrinking', () => {
  const size = (n: Network) => n.graph.order + n.graph.size + n.corridors.length;

  it('arbNetwork shrinks step by step, never growing, down to two bare nodes and no link', () => {
    for (const seed of [1, 2, 3]) {
      const chain = shrinkChain(arbNetwork({ minLinks: 0 }), seed);
      expect(chain.length).toBeGreaterThan(1);
      for (let i = 1; i < chain.length; i++) {
        expect(size(chain[i]!)).toBeLessThanOrEqual(size(chain[i - 1]!));
      }
      expect(size(chain[chain.length - 1]!)).toBeLessThan(size(chain[0]!));
      const last = serializeNetwork(chain[chain.length - 1]!);
      expect(last.links).toEqual([]);
      expect(last.corridors).toEqual([]);
      expect(last.nodes).toEqual([
        { id: 'n0', name: 'Node 0', country: 'CN', kind: 'city', lon: 0, lat: 0 },
        { id: 'n1', name: 'Node 1', country: 'CN', kind: 'city', lon: 0, lat: 0 },
      ]);
    }
  });

  it('a network property failing from 3 links on shrinks to exactly 3 links between n0 and n1', () => {
    const network = counterexample(arbNetwork(), (n) => n.graph.size < 3);
    expect(network.graph.size).toBe(3);
    expect(network.graph.order).toBe(2);
    expect(network.corridors).toEqual([]);
    for (const link of listLinks(network)) {
      expect([link.from, link.to, link.mode, link.capacityPerYear]).toEqual([
        'n0',
        'n1',
        MODES[0],
        undefined,
      ]);
    }
    expect(fc.stringify(network)).toMatch(
      /^Network\{ nodes: n0 CN · n1 CN \| links: l0 n0→n1 rail container cost=0 t=0 \[CN\]/,
    );
  });

  it('arbDemand shrinks to one flow on the first connected pair; arbScenario to one undated operation', () => {
    const demand = counterexample(arbDemand(sample.network, { minFlows: 0 }), (d: Demand) =>
      d.flows.every((f) => f.volumePerYear < 1000),
    );
    expect(demand.segments).toEqual([]);
    expect(demand.flows).toEqual([
      { id: 'f0', origin: 'xian', destination: 'khorgos', commodity: 'container', volumePerYear: 1000 },
    ]);
    const scenario = counterexample(arbScenario(eurasia.network, eurasia.demand), (s) =>
      s.operations.every((op) => op.kind !== 'close-border'),
    );
    expect(scenario.operations).toHaveLength(1);
    expect(scenario.operations[0]).toEqual({ kind: 'close-border', countries: expect.any(Array) });
  });

  it('arbDataset shrinks to the one perturbation that matters and prints only the perturbations', () => {
    const link = listLinks(eurasia.network).find((l) => l.capacityPerYear !== undefined)!;
    const d = counterexample(arbDataset(eurasia), (x) =>
      x.perturbations.links.every((p) => p.link !== link.id || p.capacity === undefined || p.capacity >= 1),
    );
    expect(d.perturbations.flows).toEqual([]);
    expect(d.perturbations.nodes).toEqual([]);
    expect(d.perturbations.links).toHaveLength(1);
    expect(d.perturbations.links[0]!.link).toBe(link.id);
    expect(fc.stringify(d)).toMatch(
      new RegExp(`^${eurasia.network.meta.name} with ${link.id}\\.capacity ×0\\.999`),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// The kit against the real simulator.

const YEAR = 2026;
const smallInput = arbSimulationInput({
  network: { maxNodes: 5, maxLinks: 8, awkwardFloats: false },
  demand: { maxFlows: 3, awkwardFloats: false },
});
const minCost = (input: SimulationInput, scenario: Scenario | undefined) =>
  simulate(input, scenario, { year: YEAR, solver: 'min-cost' });
const equilibrium = (input: SimulationInput, scenario: Scenario | undefined) =>
  simulate(input, scenario, { year: YEAR, solver: 'equilibrium' });

describe('the arc numbering', () => {
  it('compiledArcs(network) agrees with compileNetwork arc by arc (ids, costs, free-flow times)', () => {
    fc.assert(
      fc.property(arbNetwork({ commodities: ['container', 'crude'] }), (network) => {
        const compiled = compileNetwork(network);
        const arcs = compiledArcs(network);
        expect(arcs.length).toBe(compiled.csr.arcCount);
        arcs.forEach((arc, a) => {
          expect(arc.costUsd).toBe(compiled.costUsd[a]);
          expect(arc.freeFlowDays).toBe(compiled.timeDays[a]);
          if (arc.kind === 'link') expect(arc.link.id).toBe(compiled.linkIds[a]);
          else expect(compiled.nodeIds[compiled.arcNode[a]!]).toBe(arc.node);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('a SimulationResult is a CheckableResult (types)', () => {
    const accept = (result: SimulationResult): CheckableResult => result;
    expect(typeof accept).toBe('function');
  });
});

describe('invariant checkers on real results', () => {
  it('min-cost and equilibrium results of the Eurasia dataset satisfy every invariant', async () => {
    for (const solver of ['min-cost', 'equilibrium'] as const) {
      const result = await simulate(eurasia, undefined, { year: 2024, solver });
      // The equilibrium solver routes crude by a min-cost program: Wardrop conditions apply to containers.
      expect(checkResult(result, { equilibriumOptions: { commodities: ['container'] } })).toEqual([]);
    }
  });

  it('results on generated inputs and scenarios satisfy every invariant (both solvers)', async () => {
    await fc.assert(
      fc.asyncProperty(
        smallInput.chain((input) =>
          arbScenario(input.network, input.demand, { maxOperations: 2 }).map((s) => ({ input, s })),
        ),
        async ({ input, s }) => {
          fc.pre(input.demand.flows.some((f) => f.volumePerYear > 0));
          const surcharges = applyScenario(input.network, input.demand, s, { year: YEAR }).segmentSurcharges;
          for (const run of [minCost, equilibrium]) {
            const result = await run(input, s);
            expect(checkResult(result, { equilibriumOptions: { segmentSurcharges: surcharges } })).toEqual(
              [],
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('corrupting one figure of a real result is reported by the right invariant', async () => {
    const result = await simulate(sample, undefined, { year: 2024, solver: 'min-cost' });
    expect(checkResult(result)).toEqual([]);
    const used = result.links.findIndex((l) => l.flow > 1000);
    const corrupt = (change: (r: { -readonly [K in keyof SimulationResult]: unknown }) => void) => {
      const copy = { ...result } as { -readonly [K in keyof SimulationResult]: unknown };
      change(copy);
      return [...new Set(checkResult(copy as unknown as SimulationResult).map((v) => v.invariant))].sort();
    };
    expect(
      corrupt((r) => {
        r.links = result.links.map((l, i) => (i === used ? { ...l, flow: l.flow + 500 } : l));
      }),
    ).toEqual(['conservation']);
    expect(
      corrupt((r) => {
        r.links = result.links.map((l, i) => (i === used ? { ...l, flow: l.capacity * 1.5 } : l));
      }),
    ).toContain('capacity');
    expect(
      corrupt((r) => {
        r.ods = result.ods.map((o) => ({ ...o, unmet: o.unmet + 7 }));
      }),
    ).toEqual(['od-balance']);
    expect(
      corrupt((r) => {
        r.paths = result.paths.slice(1);
      }),
    ).toEqual(['od-balance']);
    expect(
      corrupt((r) => {
        r.corridors = result.corridors.map((c, i) => (i === 0 ? { ...c, share: c.share + 0.1 } : c));
      }),
    ).toEqual(['shares']);
    expect(
      corrupt((r) => {
        r.paths = result.paths.map((p, i) => (i === 0 ? { ...p, arcs: p.arcs.slice(1) } : p));
      }),
    ).toEqual(['paths']);
    expect(
      corrupt((r) => {
        r.links = result.links.map((l, i) => (i === used ? { ...l, flow: Number.NaN } : l));
      }),
    ).toContain('non-negative');
  });
});

describe('metamorphic laws with the real simulator', () => {
  it('min-cost: closing never raises throughput, adding capacity never lowers it (generated inputs)', async () => {
    await fc.assert(laws.closingNeverRaisesThroughput({ run: minCost, input: smallInput }), { numRuns: 40 });
    await fc.assert(laws.addingCapacityNeverLowersThroughput({ run: minCost, input: smallInput }), {
      numRuns: 40,
    });
  });

  it('min-cost: the empty scenario is a no-op and scaling by k scales flows by k', async () => {
    await fc.assert(laws.emptyScenarioIsNoOp({ run: minCost, input: smallInput }), { numRuns: 25 });
    await fc.assert(laws.scalingScalesFlows({ run: minCost, input: smallInput }), { numRuns: 25 });
  });

  it('equilibrium: closing never raises throughput and the empty scenario is a no-op', async () => {
    await fc.assert(laws.closingNeverRaisesThroughput({ run: equilibrium, input: smallInput }), {
      numRuns: 30,
    });
    await fc.assert(laws.emptyScenarioIsNoOp({ run: equilibrium, input: smallInput }), { numRuns: 20 });
  });

  it('Eurasia, min-cost: closures never raise throughput (a few cases; the baseline runs once)', async () => {
    const run = (input: SimulationInput, s: Scenario | undefined) =>
      simulate(input, s, { year: 2024, solver: 'min-cost' });
    await fc.assert(
      laws.closingNeverRaisesThroughput({ run, input: eurasia, scenario: { maxOperations: 2 } }),
      {
        numRuns: 4,
      },
    );
  });

  it('applyScenario never mutates its inputs (Eurasia and generated inputs)', () => {
    fc.assert(laws.applyNeverMutatesInputs({ input: eurasia }), { numRuns: 40 });
    fc.assert(laws.applyNeverMutatesInputs(), { numRuns: 100 });
  });
});

describe('arbScenario: operations naming what an earlier add-link added (namesAdded)', () => {
  const sample = loadDataset('sample');
  const baseIds = new Set([
    ...listLinks(sample.network).map((l) => l.id),
    ...listNodes(sample.network).map((n) => n.id),
  ]);
  /** Ids an operation names that the base network lacks (an add-link's own new link and node aside). */
  const namesNew = (scenario: Scenario) =>
    scenario.operations.some((op) => {
      if (op.kind === 'add-link') return false;
      const named = JSON.stringify(op).match(/"new-[ln]\d+"/g) ?? [];
      return named.some((id) => !baseIds.has(JSON.parse(id) as string));
    });
  const draw = (namesAdded: boolean) =>
    fc.sample(
      arbScenario(sample.network, sample.demand, {
        kinds: ['add-link', 'surcharge', 'close-nodes', 'scale-capacity'],
        maxOperations: 4,
        namesAdded,
      }),
      {
        seed: 11,
        numRuns: 300,
      },
    );

  it('by default some operations name them; every scenario validates and applies in every year', () => {
    const scenarios = draw(true);
    expect(scenarios.some(namesNew)).toBe(true);
    for (const s of scenarios) {
      expect(safeParseScenario(serializeScenario(s), sample.network, sample.demand).success).toBe(true);
      for (const year of [2024, 2027, 2030])
        expect(() => applyScenario(sample.network, sample.demand, s, { year })).not.toThrow();
    }
  });

  it('with namesAdded: false none does', () => {
    expect(draw(false).some(namesNew)).toBe(false);
  });

  it('namesAdded must be a boolean', () => {
    expect(() => arbScenario(sample.network, sample.demand, { namesAdded: 'yes' as never })).toThrow(
      /namesAdded/,
    );
  });
});
