import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkRecord, nodeRecord } from '../../test/support/records.js';
import { compileNetwork } from '../algorithms/_internal/compile.js';
import { loadDataset } from '../data/datasets.js';
import { parseDemand } from '../data/demand-format.js';
import { parseNetwork } from '../data/network-format.js';
import { InvalidArgumentError } from '../model/errors.js';
import type { Scenario, ScenarioOp } from '../model/scenario.js';
import { attribute } from './attribute.js';
import { compare } from './compare.js';
import { criticality } from './criticality.js';
import { project } from './project.js';
import { simulate } from './simulate.js';
import { sweep } from './sweep.js';

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../data/samples/${name}`, import.meta.url), 'utf8'));
const network = parseNetwork(read('two-corridors.json'));
const demand = parseDemand(read('two-corridors.demand.json'), network);
const input = { network, demand };
const scenario = (id: string, ...operations: ScenarioOp[]): Scenario => ({ id, name: id, operations });

describe('simulate (equilibrium) on the two-corridor sample', () => {
  it('delivers all demand, conserves volume per corridor and reports a converged equilibrium', async () => {
    const r = await simulate(input, undefined, { year: 2024 });
    expect(r.status).toBe('converged');
    expect(r.convergence.relativeGap).toBeLessThanOrEqual(1e-6);
    const total = r.corridors.reduce((a, c) => a + c.volume, 0);
    expect(total).toBeCloseTo(300_000, 6);
    expect(r.throughputTeu).toBeCloseTo(300_000, 6);
    expect(r.corridors.reduce((a, c) => a + c.share, 0)).toBeCloseTo(1, 12);
    // Every path starts at Xi'an and ends at Duisburg: KZ and CN are on every path.
    expect(r.countryTransitShare.KZ).toBeCloseTo(1, 12);
  });

  it('shippers refusing Russia (30 %) all take the Middle Corridor; no refusing volume touches RU', async () => {
    const r = await simulate(input, undefined, { year: 2024 });
    const refusing = r.paths.filter((p) => p.segmentId === 'avoid-ru');
    const refusingVolume = refusing.reduce((a, p) => a + p.volume, 0);
    expect(refusingVolume).toBeCloseTo(90_000, 6);
    const moscow = network.graph.edges().indexOf('almaty-moscow');
    for (const p of refusing) expect(p.arcs).not.toContain(moscow);
  });

  it('used paths of a segment have equal, minimal generalized cost (equilibrium condition within the gap)', async () => {
    // Northern capacity below the standard segment's 210,000 TEU forces it onto both corridors.
    const r = await simulate(
      input,
      scenario('tight', { kind: 'scale-capacity', target: { links: ['almaty-moscow'] }, factor: 0.4 }),
      {
        year: 2024,
        relativeGap: 1e-10,
      },
    );
    const compiled = compileNetwork(r.applied.network);
    const time = new Float64Array(compiled.csr.arcCount);
    r.links.forEach((l, e) => {
      time[e] = l.timeDays;
    });
    for (let e = compiled.linkCount; e < compiled.csr.arcCount; e++) {
      time[e] = r.nodes.find((n) => n.id === compiled.nodeIds[compiled.arcNode[e]!])!.timeDays.container!;
    }
    const vot = 30;
    const standard = r.paths.filter((p) => p.segmentId === 'standard' && p.volume > 1e-6);
    const costs = standard.map((p) =>
      p.arcs.reduce((acc, a) => acc + compiled.costUsd[a]! + vot * time[a]!, 0),
    );
    expect(standard.length).toBeGreaterThan(1);
    const min = Math.min(...costs);
    for (const c of costs) expect((c - min) / min).toBeLessThan(1e-6);
    // the largest excess of a used route is reported, and bounds the flow-weighted gap
    const reported = r.convergence.maxPathExcess!;
    expect(reported).toBeGreaterThanOrEqual(Math.max(...costs.map((c) => (c - min) / min)) - 1e-12);
    expect(reported).toBeGreaterThanOrEqual(r.convergence.relativeGap * (1 - 1e-9));
    expect(reported).toBeLessThan(1e-8);
  });

  it('reports the largest excess of a used route: at least the gap, and only for the equilibrium', async () => {
    const tight = scenario('tight', {
      kind: 'scale-capacity',
      target: { links: ['almaty-moscow'] },
      factor: 0.4,
    });
    const loose = await simulate(input, tight, { year: 2024, relativeGap: 1e-3 });
    expect(loose.convergence.maxPathExcess).toBeGreaterThanOrEqual(
      loose.convergence.relativeGap * (1 - 1e-9),
    );
    for (const solver of ['logit', 'min-cost'] as const) {
      const other = await simulate(input, tight, { year: 2024, solver });
      expect(other.convergence).not.toHaveProperty('maxPathExcess');
    }
  });

  it('reports the binding cut of the overland system: the Altynkol gauge-change terminal (400,000 TEU)', async () => {
    // Hand-computed: every route passes Altynkol (handling 400,000 < Khorgos–Altynkol 450,000 < Xi'an–Khorgos 600,000).
    const r = await simulate(input, undefined, { year: 2024 });
    expect(r.bindingCut).toEqual({ capacityTeu: 400_000, links: [], nodes: ['altynkol'] });
    const wider = await simulate(
      input,
      scenario('wider', {
        kind: 'set-capacity',
        target: { nodes: ['altynkol'] },
        capacityPerYear: 1e6,
        nodeHandling: true,
      }),
      { year: 2024 },
    );
    // then the 450,000 TEU links bind: Khorgos–Altynkol and Altynkol–Almaty are both minimum cuts;
    // the one nearest to the destinations is reported
    expect(wider.bindingCut).toEqual({ capacityTeu: 450_000, links: ['altynkol-almaty'], nodes: [] });
  });

  it('rejects bad options with InvalidArgumentError naming the option', async () => {
    await expect(simulate(input, undefined, { year: 2024.5 })).rejects.toThrow(/options\.year/);
    await expect(simulate(input, undefined, { solver: 'magic' as never })).rejects.toThrow(/options\.solver/);
    await expect(simulate(input, undefined, { relativeGap: -1 })).rejects.toThrow(/options\.relativeGap/);
    const market = { origins: ['CN'], destinations: ['DE'], commodity: 'container' };
    await expect(
      simulate(input, undefined, { market: { ...market, origins: 'CN' as never } }),
    ).rejects.toThrow(/options\.market\.origins/);
    await expect(
      simulate(input, undefined, { market: { ...market, destinations: [7] as never } }),
    ).rejects.toThrow(/options\.market\.destinations/);
    await expect(simulate(input, undefined, { market: { ...market, commodity: 'tea' } })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(simulate(input, undefined, { market: { ...market, commodity: 'tea' } })).rejects.toThrow(
      /options\.market\.commodity.*"tea"/,
    );
  });

  it('rejects every bad option with InvalidArgumentError naming the option and showing the value', async () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ year: 0 }, /options\.year.*1000–9999, got 0/],
      [{ year: 1e21 }, /options\.year/],
      [{ year: '2024' }, /options\.year.*the string "2024"/],
      [{ relativeGap: Number.POSITIVE_INFINITY }, /options\.relativeGap.*Infinity/],
      [{ maxIterations: '10' }, /options\.maxIterations.*the string "10"/],
      [{ hardCapacityCommodities: 'crude' }, /options\.hardCapacityCommodities must be an array/],
      [{ hardCapacityCommodities: ['crud'] }, /options\.hardCapacityCommodities\[0\].*"crud"/],
      [{ hardCapacityCommodities: 5 }, /options\.hardCapacityCommodities/],
      [{ bottleneckThreshold: -1 }, /options\.bottleneckThreshold/],
      [{ bottleneckThreshold: '0.5' }, /options\.bottleneckThreshold.*the string "0\.5"/],
      [{ bottleneckThreshold: Number.NaN }, /options\.bottleneckThreshold.*NaN/],
      [{ bindingCut: 'no' }, /options\.bindingCut/],
      [{ unmetPenaltyUsd: 0 }, /options\.unmetPenaltyUsd/],
      [{ capacityDelay: null }, /options\.capacityDelay must be/],
      [{ capacityDelay: { j: Number.POSITIVE_INFINITY, mu: 0.5 } }, /options\.capacityDelay\.j/],
      [{ capacityDelay: { j: 1, mu: '0.5' } }, /options\.capacityDelay\.mu.*the string "0\.5"/],
      [{ warmStart: {} }, /options\.warmStart/],
      [{ sovler: 'min-cost' }, /options\.sovler is not an option; did you mean solver\?/],
      [
        { market: { origins: ['XX'], destinations: ['DE'], commodity: 'container' } },
        /options\.market\.origins/,
      ],
      [
        { market: { origins: ['cn'], destinations: ['DE'], commodity: 'container' } },
        /options\.market\.origins\[0\]/,
      ],
      [{ market: { origins: [], destinations: ['DE'], commodity: 'container' } }, /options\.market\.origins/],
    ];
    for (const [options, message] of bad) {
      await expect(simulate(input, undefined, options as never), JSON.stringify(options)).rejects.toThrow(
        InvalidArgumentError,
      );
      await expect(simulate(input, undefined, options as never), JSON.stringify(options)).rejects.toThrow(
        message,
      );
    }
    await expect(simulate(input, undefined, [] as never)).rejects.toThrow(
      /options must be an object, got an array/,
    );
    // a copy of a result has lost the path flows it would warm-start from
    const r = await simulate(input, undefined, { year: 2024 });
    await expect(simulate(input, undefined, { year: 2024, warmStart: { ...r } })).rejects.toThrow(
      /options\.warmStart/,
    );
  });

  it('reads the demand years of a flow list built in code afresh on every call', async () => {
    const eurasia = loadDataset('eurasia');
    // an unfrozen list: the years are not remembered between calls
    const flows = eurasia.demand.flows.filter((f) => f.year === 2023);
    const demand = { ...eurasia.demand, flows };
    expect((await simulate({ network: eurasia.network, demand }, undefined, { year: 2025 })).demandYear).toBe(
      2023,
    );
    flows.push(...eurasia.demand.flows.filter((f) => f.year === 2024));
    expect((await simulate({ network: eurasia.network, demand }, undefined, { year: 2025 })).demandYear).toBe(
      2024,
    );
    // the loaded (frozen) demand: its latest year at or before 2025
    expect((await simulate(eurasia, undefined, { year: 2025 })).demandYear).toBe(2025);
  });

  it('is deterministic: same input, same result', async () => {
    const a = await simulate(input, undefined, { year: 2024 });
    const b = await simulate(input, undefined, { year: 2024 });
    expect(b.links).toEqual(a.links);
    expect(b.paths).toEqual(a.paths);
  });
});

describe('compare, project, sweep, criticality, attribute', () => {
  it('closing the Caspian ferry moves every TEU to the Northern corridor except those that refuse Russia', async () => {
    const base = await simulate(input, undefined, { year: 2024 });
    const closed = await simulate(
      input,
      scenario('no-ferry', { kind: 'close-links', target: { links: ['aktau-baku'] } }),
      { year: 2024 },
    );
    const diff = compare(base, closed);
    expect(closed.corridors.find((c) => c.id === 'middle')!.volume).toBe(0);
    // the 90,000 TEU refusing Russia have no route left: unmet
    expect(closed.unmetTeu).toBeCloseTo(90_000, 6);
    expect(diff.totals.unmetTeu!.change).toBeCloseTo(90_000, 6);
    expect(diff.corridorVolume['container/middle']!.after).toBe(0);
  });

  it('project opens the planned line in 2027 at part capacity and in 2028 at full capacity', async () => {
    const results = await project(input, scenario('none'), [2028, 2026, 2027]);
    expect(results.map((r) => r.year)).toEqual([2026, 2027, 2028]);
    const cap = (r: (typeof results)[number]) => r.links.find((l) => l.id === 'almaty-aktau-new')!.capacity;
    expect(cap(results[0]!)).toBe(0);
    expect(cap(results[1]!)).toBeCloseTo(150_000 * (214 / 365), 6);
    expect(cap(results[2]!)).toBe(150_000);
  });

  it('sweep: more ferry capacity never lowers the Middle Corridor volume', async () => {
    const points = await sweep(
      input,
      (f: number) =>
        scenario(`ferry-x${f}`, { kind: 'scale-capacity', target: { links: ['aktau-baku'] }, factor: f }),
      [0.5, 1, 1.5, 2, 3],
      { year: 2024 },
    );
    const volumes = points.map((p) => p.result.corridors.find((c) => c.id === 'middle')!.volume);
    for (let i = 1; i < volumes.length; i++)
      expect(volumes[i]!).toBeGreaterThanOrEqual(volumes[i - 1]! - 1e-6);
  });

  it('a warm start carries over when a refusal adds or removes a class, and ends at the cold equilibrium', async () => {
    // The standard segment needs both corridors (Northern capacity below its demand): all-or-nothing is
    // far from equilibrium. 2 % of shippers refusing Azerbaijan adds the classes `standard~avoid-AZ`
    // (Northern only) and `avoid-ru~avoid-AZ` (no route).
    const tight: ScenarioOp = { kind: 'scale-capacity', target: { links: ['almaty-moscow'] }, factor: 0.4 };
    const plain = scenario('tight', tight);
    const split = scenario('split', tight, { kind: 'avoid-country', country: 'AZ', share: 0.02 });
    const settings = { year: 2024, relativeGap: 1e-10 };
    for (const [from, to] of [
      [plain, split],
      [split, plain],
    ] as const) {
      const earlier = await simulate(input, from, settings);
      const start = { year: 2024, maxIterations: 0 };
      const coldStart = await simulate(input, to, start);
      const warmStart = await simulate(input, to, { ...start, warmStart: earlier });
      expect(coldStart.convergence.relativeGap).toBeGreaterThan(1e-3);
      expect(warmStart.convergence.relativeGap).toBeLessThan(coldStart.convergence.relativeGap / 10);
      const cold = await simulate(input, to, settings);
      const warm = await simulate(input, to, { ...settings, warmStart: earlier });
      expect(warm.convergence.relativeGap).toBeLessThanOrEqual(1e-10);
      cold.corridors.forEach((c, i) => {
        expect(warm.corridors[i]!.volume).toBeCloseTo(c.volume, 2);
      });
    }
  });

  it('criticality ranks first the links every route needs (graph bridges between Xi’an and Duisburg)', async () => {
    const { ranking } = await criticality(input, { year: 2024, elements: 'links' });
    // Independent answer: a link is a bridge for the OD when Duisburg is unreachable from Xi'an without it.
    const reachable = (without: string) => {
      const seen = new Set(['xian']);
      const stack = ['xian'];
      while (stack.length > 0) {
        const u = stack.pop()!;
        for (const e of network.graph.outEdges(u)) {
          const l = network.graph.getEdgeAttributes(e);
          if (e === without || l.status !== 'active' || seen.has(l.to)) continue;
          seen.add(l.to);
          stack.push(l.to);
        }
      }
      return seen.has('duisburg');
    };
    const bridges = network.graph
      .edges()
      .filter((e) => !reachable(e))
      .sort();
    const top = ranking.slice(0, bridges.length);
    expect(top.map((r) => r.id).sort()).toEqual(bridges);
    for (const entry of top) expect(entry.addedUnmet).toBeCloseTo(300_000, 3);
  });

  it('attribute: Shapley contributions add up to the total change, exact and sampled alike', async () => {
    const s = scenario(
      'mix',
      { kind: 'scale-capacity', target: { links: ['aktau-baku'] }, factor: 2 },
      { kind: 'avoid-country', country: 'RU', share: 0.5 },
      { kind: 'surcharge', target: { links: ['poti-constanta'] }, costUsdPerUnit: 0 },
    );
    for (const maxExact of [8, 0]) {
      const a = await attribute(input, s, { year: 2024, maxExact, samples: 6, seed: 3 });
      expect(a.method).toBe(maxExact === 8 ? 'exact' : 'sampled');
      for (const key of ['throughputTeu', 'share:middle', 'unmetTeu']) {
        const sum = a.contributions.reduce((acc, c) => acc + (c.values[key] ?? 0), 0);
        expect(sum).toBeCloseTo((a.after[key] ?? 0) - (a.before[key] ?? 0), 6);
      }
      // the zero surcharge changes nothing: its Shapley value is 0 (null player)
      expect(Math.abs(a.contributions[2]!.values['share:middle']!)).toBeLessThan(1e-6);
    }
  });
});

describe('simulate (min-cost)', () => {
  it('respects hard capacities: demand beyond the only allowed route is unmet, priced by the shadow price', async () => {
    const r = await simulate(
      input,
      scenario('small-ferry', {
        kind: 'set-capacity',
        target: { links: ['aktau-baku'] },
        capacityPerYear: 50_000,
      }),
      { year: 2024, solver: 'min-cost', unmetPenaltyUsd: 100_000 },
    );
    expect(r.status).toBe('capacity-limited');
    // 90,000 TEU refuse Russia; only 50,000 fit on the ferry.
    expect(r.unmetTeu).toBeCloseTo(40_000, 6);
    for (const l of r.links) expect(l.flow).toBeLessThanOrEqual(l.capacity * (1 + 1e-9) + 1e-6);
    // Independent answer for the ferry's shadow price: the penalty minus the Middle route's generalized
    // cost for the refusing segment (VOT 30 USD/TEU/day at free-flow times).
    const compiled = compileNetwork(r.applied.network);
    const middle = r.paths.find((p) => p.segmentId === 'avoid-ru')!;
    const routeCost = middle.arcs.reduce(
      (acc, a) => acc + compiled.costUsd[a]! + 30 * compiled.timeDays[a]!,
      0,
    );
    const ferry = r.bottlenecks.find((b) => b.id === 'aktau-baku')!;
    expect(ferry.shadowPriceUsd).toBeCloseTo(100_000 - routeCost, 4);
  });

  it('routes everything within capacity at the baseline and agrees with the equilibrium where routes are forced', async () => {
    const m = await simulate(input, undefined, { year: 2024, solver: 'min-cost' });
    expect(m.status).toBe('converged');
    expect(m.unmetTeu).toBe(0);
    expect(m.corridors.find((c) => c.id === 'middle')!.volume).toBeCloseTo(90_000, 6);
  });
});

describe('simulate (logit)', () => {
  it('splits flow between routes by the logit formula: shares follow exp(−θ · cost difference)', async () => {
    // Only the refusing segment is forced; the standard segment chooses between the two corridors.
    const theta = 0.05;
    const r = await simulate(input, undefined, {
      year: 2024,
      solver: 'logit',
      logitTheta: theta,
      relativeGap: 1e-10,
      maxIterations: 2000,
    });
    expect(r.status).toBe('converged');
    const compiled = compileNetwork(r.applied.network);
    const time = new Float64Array(compiled.csr.arcCount);
    r.links.forEach((l, e) => {
      time[e] = l.timeDays;
    });
    for (let e = compiled.linkCount; e < compiled.csr.arcCount; e++) {
      time[e] = r.nodes.find((n) => n.id === compiled.nodeIds[compiled.arcNode[e]!])!.timeDays.container!;
    }
    // class cost in days: money / VOT + time
    const standard = r.paths.filter((p) => p.segmentId === 'standard' && p.volume > 0);
    expect(standard.length).toBe(2);
    const [a, b] = standard.map((p) => ({
      volume: p.volume,
      cost: p.arcs.reduce((acc, e) => acc + compiled.costUsd[e]! / 30 + time[e]!, 0),
    }));
    expect(Math.log(a!.volume / b!.volume)).toBeCloseTo(-theta * (a!.cost - b!.cost), 4);
  });
});

describe('simulate on awkward capacities (found by the testing kit)', () => {
  const tiny = parseNetwork({
    format: 'corridor-sim/network',
    version: 1,
    meta: { name: 'tiny' },
    nodes: [
      nodeRecord('n0', { kind: 'city', lon: 0, lat: 0 }),
      nodeRecord('n1', {
        kind: 'city',
        lon: 1,
        lat: 0,
        handling: { container: { capacityPerYear: 5e-324 } },
      }),
      nodeRecord('n2', { kind: 'city', lon: 2, lat: 0 }),
    ],
    links: [
      linkRecord('a', 'n0', 'n2', { capacityPerYear: 5e-324 }),
      linkRecord('b', 'n0', 'n1'),
      linkRecord('c', 'n1', 'n2'),
    ],
  });
  const demand = parseDemand(
    {
      format: 'corridor-sim/demand',
      version: 1,
      segments: [{ id: 's', name: 's', valueOfTimeUsdPerUnitDay: 1 }],
      flows: [{ id: 'f', origin: 'n0', destination: 'n2', commodity: 'container', volumePerYear: 1 }],
    },
    tiny,
  );
  for (const solver of ['equilibrium', 'min-cost'] as const) {
    it(`${solver}: a capacity of 5e-324 counts as closed — finite flows, the demand unmet, no NaN`, async () => {
      const r = await simulate({ network: tiny, demand }, undefined, { year: 2024, solver });
      for (const l of r.links) {
        expect(Number.isFinite(l.flow)).toBe(true);
        expect(Number.isFinite(l.timeDays)).toBe(true);
      }
      for (const n of r.nodes)
        for (const u of Object.values(n.utilization)) expect(Number.isFinite(u)).toBe(true);
      expect(r.ods[0]!.unmet).toBeCloseTo(1, 9);
    });
  }
});
