import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../data/network-format.js';
import { demandForYear } from '../../model/demand.js';
import { InvalidArgumentError, isCorridorSimError } from '../../model/errors.js';
import { listLinks } from '../../model/network.js';
import type { Scenario, ScenarioOp } from '../../model/scenario.js';
import { applyScenario } from '../../scenario/apply.js';
import { arbSimulationInput } from '../arbitraries/input.js';
import type { SimulationInput } from '../types.js';
import { laws } from './index.js';

// An independent runner: applyScenario, then the maximum flow of each commodity from every origin
// (supply = its demand) to every destination (sink = its demand) over open links, by Edmonds–Karp
// (shortest augmenting paths, Edmonds & Karp 1972). Node handling is ignored. It is monotone in
// capacities and homogeneous in (capacity, demand), so every throughput law must hold for it.

const YEAR = 2026;
const EMPTY: Scenario = { id: 'baseline', name: 'Baseline', operations: [] };

interface MaxFlowResult {
  readonly throughput: number;
  readonly links: readonly { readonly id: string; readonly flow: number }[];
  readonly ods: readonly { readonly id: string; readonly delivered: number; readonly unmet: number }[];
}

function maxFlow(input: SimulationInput, scenario: Scenario | undefined): MaxFlowResult {
  const applied = applyScenario(input.network, demandForYear(input.demand, YEAR), scenario ?? EMPTY, {
    year: YEAR,
  });
  const links = listLinks(applied.network);
  const linkFlow = new Map(links.map((l) => [l.id, 0]));
  let throughput = 0;
  for (const commodity of Object.keys(applied.network.commodities)) {
    // Vertices: nodes, then S and T. Arcs in pairs (forward, backward).
    const nodes = applied.network.graph.nodes();
    const index = new Map(nodes.map((id, i) => [id, i]));
    const S = nodes.length;
    const T = S + 1;
    const to: number[] = [];
    const cap: number[] = [];
    const out: number[][] = Array.from({ length: T + 1 }, () => []);
    const arcOf = new Map<string, number>();
    const addArc = (u: number, v: number, c: number) => {
      out[u]!.push(to.length);
      to.push(v);
      cap.push(c);
      out[v]!.push(to.length);
      to.push(u);
      cap.push(0);
      return to.length - 2;
    };
    let scale = 0;
    for (const link of links) {
      if (link.commodity !== commodity || link.status !== 'active') continue;
      const c = link.capacityPerYear ?? Number.POSITIVE_INFINITY;
      if (Number.isFinite(c)) scale = Math.max(scale, c);
      arcOf.set(link.id, addArc(index.get(link.from)!, index.get(link.to)!, c));
    }
    const supply = new Map<number, number>();
    const sink = new Map<number, number>();
    for (const flow of applied.demand.flows) {
      if (flow.commodity !== commodity) continue;
      const o = index.get(flow.origin)!;
      const d = index.get(flow.destination)!;
      supply.set(o, (supply.get(o) ?? 0) + flow.volumePerYear);
      sink.set(d, (sink.get(d) ?? 0) + flow.volumePerYear);
      scale = Math.max(scale, flow.volumePerYear);
    }
    for (const [o, v] of supply) addArc(S, o, v);
    for (const [d, v] of sink) addArc(d, T, v);
    const eps = 1e-12 * scale;
    for (;;) {
      const parent = new Array<number>(T + 1).fill(-1);
      const queue = [S];
      parent[S] = -2;
      for (let q = 0; q < queue.length && parent[T] === -1; q++) {
        const u = queue[q]!;
        for (const a of out[u]!) {
          if (cap[a]! > eps && parent[to[a]!] === -1) {
            parent[to[a]!] = a;
            queue.push(to[a]!);
          }
        }
      }
      if (parent[T] === -1) break;
      let bottleneck = Number.POSITIVE_INFINITY;
      for (let v = T; v !== S; v = to[parent[v]! ^ 1]!) bottleneck = Math.min(bottleneck, cap[parent[v]!]!);
      for (let v = T; v !== S; v = to[parent[v]! ^ 1]!) {
        cap[parent[v]!]! -= bottleneck;
        cap[parent[v]! ^ 1]! += bottleneck;
      }
      throughput += bottleneck;
    }
    for (const [id, a] of arcOf) linkFlow.set(id, cap[a ^ 1]!);
  }
  return {
    throughput,
    links: links.map((l) => ({ id: l.id, flow: linkFlow.get(l.id)! })),
    ods: [],
  };
}

const measure = (r: MaxFlowResult) => r.throughput;
const input = arbSimulationInput({
  network: { maxNodes: 5, maxLinks: 8, awkwardFloats: false },
  demand: { maxFlows: 3, awkwardFloats: false },
});

/** Run a law's property; return the failure (shrunk counterexample and error) or undefined. */
async function failure<T>(property: fc.IAsyncProperty<[T]> | fc.IAsyncProperty<[T, unknown]>, numRuns = 100) {
  const details = await fc.check(property as fc.IAsyncProperty<unknown[]>, { numRuns, seed: 7 });
  if (!details.failed) return undefined;
  return { counterexample: details.counterexample!, error: String(details.errorInstance) };
}

describe('laws hold for a correct runner (max flow by Edmonds–Karp)', () => {
  it('max flow of a hand-made network: 7 through the 3 + 4 cut into n3', () => {
    // Arrange: n0→n1 (5), n0→n2 (4), n1→n2 (3), n1→n3 (3), n2→n3 (4); 10 TEU from n0 to n3.
    const edges: [string, string, number][] = [
      ['n0', 'n1', 5],
      ['n0', 'n2', 4],
      ['n1', 'n2', 3],
      ['n1', 'n3', 3],
      ['n2', 'n3', 4],
    ];
    const network = parseNetwork({
      format: 'corridor-sim/network',
      version: 1,
      meta: { name: 'cut' },
      nodes: ['n0', 'n1', 'n2', 'n3'].map((id) => ({
        id,
        name: id,
        country: 'CN',
        kind: 'city',
        lon: 0,
        lat: 0,
      })),
      links: edges.map(([from, to, capacityPerYear], i) => ({
        id: `e${i}`,
        from,
        to,
        mode: 'rail',
        commodity: 'container',
        capacityPerYear,
        transitDays: 1,
        costUsdPerUnit: 1,
        distanceKm: 1,
        countries: ['CN'],
      })),
    });
    const demand = {
      segments: [],
      flows: [{ id: 'f', origin: 'n0', destination: 'n3', commodity: 'container', volumePerYear: 10 }],
    };
    // Act / Assert: the cut {n1→n3, n2→n3} has capacity 7; closing n1→n3 leaves 4.
    expect(maxFlow({ network, demand }, undefined).throughput).toBe(7);
    const closed: Scenario = {
      id: 'c',
      name: 'c',
      operations: [{ kind: 'close-links', target: { links: ['e3'] } }],
    };
    expect(maxFlow({ network, demand }, closed).throughput).toBe(4);
  });

  it('closing never raises and adding capacity never lowers throughput', async () => {
    expect(
      await failure(laws.closingNeverRaisesThroughput({ run: maxFlow, measure, input })),
    ).toBeUndefined();
    expect(
      await failure(laws.addingCapacityNeverLowersThroughput({ run: maxFlow, measure, input })),
    ).toBeUndefined();
  });

  it('the empty scenario is a no-op; scaling by k scales every link flow by k', async () => {
    expect(await failure(laws.emptyScenarioIsNoOp({ run: maxFlow, input }))).toBeUndefined();
    expect(await failure(laws.scalingScalesFlows({ run: maxFlow, input }))).toBeUndefined();
  });

  it('same seed, same result: a runner that derives a figure from its seed passes', async () => {
    const seeded = (i: SimulationInput, s: Scenario | undefined, seed: number) => {
      const r = maxFlow(i, s);
      return { ...r, draw: Math.imul(seed, 2654435761) >>> 0 };
    };
    expect(await failure(laws.sameSeedSameResult({ run: seeded, input }))).toBeUndefined();
  });

  it('applyScenario never mutates its inputs', () => {
    expect(() => fc.assert(laws.applyNeverMutatesInputs({ input }), { numRuns: 100 })).not.toThrow();
  });
});

describe('laws catch broken runners and shrink the counterexample', () => {
  it('a runner whose throughput grows with every operation breaks the closing law on one bare closure', async () => {
    const broken = (i: SimulationInput, s: Scenario | undefined) => {
      const r = maxFlow(i, s);
      return { ...r, throughput: r.throughput + (s?.operations.length ?? 0) };
    };
    const found = await failure(laws.closingNeverRaisesThroughput({ run: broken, measure, input }));
    expect(found?.error).toMatch(/closingNeverRaisesThroughput: throughput rose from .* after closing/);
    const kase = found!.counterexample[0] as { scenario: Scenario; input: SimulationInput };
    expect(kase.scenario.operations).toEqual([{ kind: 'close-links', target: {} }]);
    expect(kase.input.network.graph.order).toBe(2);
    expect(fc.stringify(kase)).toMatch(/^\{ input: \{ network: Network\{ nodes: n0 CN · n1 CN/);
  });

  it('a runner that loses volume on upgrades breaks the adding-capacity law on one factor-1 scaling', async () => {
    const broken = (i: SimulationInput, s: Scenario | undefined) => {
      const r = maxFlow(i, s);
      return { ...r, throughput: r.throughput * (s && s.operations.length > 0 ? 0.5 : 1) };
    };
    const found = await failure(laws.addingCapacityNeverLowersThroughput({ run: broken, measure, input }));
    const kase = found!.counterexample[0] as { scenario: Scenario };
    expect(kase.scenario.operations).toEqual([{ kind: 'scale-capacity', target: {}, factor: 1 }]);
  });

  it('a runner that reports the scenario name breaks the empty-scenario law', async () => {
    const broken = (i: SimulationInput, s: Scenario | undefined) => ({
      ...maxFlow(i, s),
      label: s?.name ?? '',
    });
    const found = await failure(laws.emptyScenarioIsNoOp({ run: broken, input }));
    expect(found?.error).toMatch(/the empty scenario changed the result:\n {2}label: "" → ".+"/);
    expect((found!.counterexample[1] as { name: string }).name).toHaveLength(1);
  });

  it('a runner that adds one TEU everywhere breaks the scaling law', async () => {
    const broken = (i: SimulationInput, s: Scenario | undefined) => {
      const r = maxFlow(i, s);
      return { ...r, links: r.links.map((l) => ({ ...l, flow: l.flow + 1 })) };
    };
    const found = await failure(laws.scalingScalesFlows({ run: broken, input }));
    expect(found?.error).toMatch(/figures did not scale by 2:\n {2}link:b0-0: 1 × 2 = 2, got 1/);
  });

  it('a runner that ignores its seed and keeps hidden state breaks the same-seed law', async () => {
    let calls = 0; // hidden state, as a runner drawing from Math.random would have
    const broken = (i: SimulationInput, s: Scenario | undefined) => ({ ...maxFlow(i, s), noise: calls++ });
    const found = await failure(laws.sameSeedSameResult({ run: broken, input }));
    expect(found?.error).toMatch(/two runs with seed 0 differ:\n {2}noise:/);
  });

  it('a scenario engine that reorders the operations it is given breaks the purity law', () => {
    const careless = (
      network: Parameters<typeof applyScenario>[0],
      demand: Parameters<typeof applyScenario>[1],
      scenario: Scenario,
    ) => {
      (scenario.operations as ScenarioOp[]).reverse();
      return applyScenario(network, demand, scenario);
    };
    const details = fc.check(laws.applyNeverMutatesInputs({ input, apply: careless }), { seed: 7 });
    expect(details.failed).toBe(true);
    expect(String(details.errorInstance)).toMatch(/applying the scenario changed its scenario/);
    expect((details.counterexample![0] as { scenario: Scenario }).scenario.operations).toHaveLength(2);
  });
});

describe('laws validate their options eagerly', () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return isCorridorSimError(error) ? error.code : String(error);
    }
    return 'no error';
  };
  it.each([
    ['no runner', () => laws.closingNeverRaisesThroughput({ run: undefined as never })],
    [
      'a non-closure in the closing law',
      () => laws.closingNeverRaisesThroughput({ run: maxFlow, scenario: { kinds: ['add-link'] } }),
    ],
    [
      'a factor below 1 in the upgrade law',
      () => laws.addingCapacityNeverLowersThroughput({ run: maxFlow, scenario: { minFactor: 0.5 } }),
    ],
    ['a negative tolerance', () => laws.scalingScalesFlows({ run: maxFlow, relativeTolerance: -1 })],
    [
      'an input that is neither',
      () => laws.emptyScenarioIsNoOp({ run: maxFlow, input: { network: 1 } as never }),
    ],
    ['a bad ignore pattern', () => laws.sameSeedSameResult({ run: maxFlow, ignore: [''] })],
  ])('%s: InvalidArgumentError', (_name, build) => {
    expect(code(build)).toBe('invalid-argument');
  });
});

describe('law options are named by the law, with their type', () => {
  it('a minFactor given as a string is rejected by the upgrade law itself, not by arbScenario', () => {
    let error: unknown;
    try {
      laws.addingCapacityNeverLowersThroughput({ run: maxFlow, scenario: { minFactor: '2' as never } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe(
      'addingCapacityNeverLowersThroughput: options.scenario.minFactor',
    );
    expect((error as Error).message).toContain('got the string "2"');
  });

  it('a runner or scenario engine that is not a function is named with its type', () => {
    for (const build of [
      () => laws.closingNeverRaisesThroughput({ run: 'simulate' as never }),
      () => laws.applyNeverMutatesInputs({ apply: 'applyScenario' as never }),
    ]) {
      let error: unknown;
      try {
        build();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toMatch(/got the string "(simulate|applyScenario)"/);
    }
  });
});
