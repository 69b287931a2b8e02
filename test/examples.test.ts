/**
 * The runnable examples in examples/ stay true: each one's `run()` returns figures that answer its
 * question, checked against what the library computes, and importing an example prints nothing.
 */
import {
  DEFAULT_UNIT_FACTORS,
  loadDataset,
  loadScenario,
  parseDemand,
  parseNetwork,
  parseScenario,
  type SimulationResult,
  simulate,
} from 'corridor-sim';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

// Import the examples with console.log watched: as modules they must not print.
const log = vi.spyOn(console, 'log');
const avoidRussia = await import('../examples/avoid-russia.js');
const transCaspian = await import('../examples/trans-caspian-growth.js');
const cpc = await import('../examples/cpc-closure.js');
const ownNetwork = await import('../examples/own-network.js');
const critical = await import('../examples/criticality.js');
const printedOnImport = log.mock.calls.length;
log.mockRestore();

it('importing an example prints nothing', () => {
  expect(printedOnImport).toBe(0);
});

describe('examples/avoid-russia.ts', () => {
  let figures: Awaited<ReturnType<typeof avoidRussia.run>>;
  beforeAll(async () => {
    figures = await avoidRussia.run();
  });
  const row = (id: string) => figures.corridors.find((c) => c.id === id)!;

  it('moves containers off the Northern corridor and onto the Middle Corridor', () => {
    expect(row('northern').volumeAfter).toBeLessThan(row('northern').volumeBefore);
    expect(row('middle').volumeAfter).toBeGreaterThan(row('middle').volumeBefore);
  });

  it('reports container shares that sum to 1 in both runs', () => {
    expect(sum(figures.corridors.map((c) => c.shareBefore))).toBeCloseTo(1, 9);
    expect(sum(figures.corridors.map((c) => c.shareAfter))).toBeCloseTo(1, 9);
  });

  it("reports Kazakhstan's transit share as the comparison does", () => {
    const kz = figures.comparison.countryTransitShare.KZ!;
    expect(figures.kazakhstanShare).toEqual({ baseline: kz.before, avoidRussia: kz.after });
    expect(kz.before).toBeGreaterThan(0.5);
    expect(kz.before).toBeLessThanOrEqual(1);
  });

  it("attributes the whole change to avoid-russia's own operation, and nothing to the timelines", () => {
    const { attribution, comparison } = figures;
    expect(attribution.contributions.map((c) => c.kind)).toEqual(['avoid-country']);
    // the runs without and with the operation are the baseline and avoid-russia themselves
    expect(attribution.before.throughputTeu).toBeCloseTo(comparison.totals.throughputTeu!.before, 3);
    expect(attribution.after.throughputTeu).toBeCloseTo(comparison.totals.throughputTeu!.after, 3);
    for (const [figure, after] of Object.entries(attribution.after)) {
      const total = sum(attribution.contributions.map((c) => c.values[figure] ?? 0));
      expect(total).toBeCloseTo(after - (attribution.before[figure] ?? 0), 6);
    }
  });

  it('prints every section', () => {
    const text = avoidRussia.report(figures);
    expect(text).toContain("Kazakhstan's share of overland China→Europe transit");
    expect(text).toContain('attribution (exact Shapley values');
    expect(text).not.toContain('NaN');
  });
});

describe('examples/trans-caspian-growth.ts', () => {
  let figures: Awaited<ReturnType<typeof transCaspian.run>>;
  const years = [2030, 2026, 2029];
  beforeAll(async () => {
    figures = await transCaspian.run(years);
  });

  it('converts the seed goal with the library factor', () => {
    expect(figures.teuPerContainer).toBe(DEFAULT_UNIT_FACTORS.containerTeu);
    expect(figures.goalTeu).toBe(500_000 * DEFAULT_UNIT_FACTORS.containerTeu);
  });

  it('projects both timelines over exactly the requested years, in order', () => {
    expect(figures.projections.map((p) => p.scenario)).toEqual(['titr-x5', 'titr-x5+avoid-russia']);
    for (const p of figures.projections) {
      expect(p.rows.map((r) => r.year)).toEqual([2026, 2029, 2030]);
      expect(p.rows.every((r) => r.status === 'converged')).toBe(true);
    }
  });

  it('multiplies the Caspian capacity by five in 2030, and keeps volumes within it', () => {
    for (const p of figures.projections) {
      const [, y2029, y2030] = p.rows;
      expect(y2030!.caspianCapacityTeu).toBeCloseTo(5 * y2029!.caspianCapacityTeu, 6);
      for (const r of p.rows) expect(r.middleCorridorTeu).toBeLessThanOrEqual(r.caspianCapacityTeu);
    }
  });

  it('sends more containers over the Caspian when shippers avoid Russia', () => {
    const [alone, withRefusal] = figures.projections;
    alone!.rows.forEach((r, i) => {
      expect(withRefusal!.rows[i]!.middleCorridorTeu).toBeGreaterThan(r.middleCorridorTeu);
    });
  });
});

describe('examples/cpc-closure.ts', () => {
  let figures: Awaited<ReturnType<typeof cpc.run>>;
  beforeAll(async () => {
    figures = await cpc.run();
  });
  const route = (id: string) => figures.routes.find((r) => r.id === id)!;

  it('closes CPC and moves crude to the other routes, up to their capacities', () => {
    expect(route('cpc').tonnesBefore).toBeGreaterThan(0);
    expect(route('cpc').tonnesAfter).toBe(0);
    const others = figures.routes.filter((r) => r.id !== 'cpc');
    expect(sum(others.map((r) => r.tonnesAfter))).toBeGreaterThan(sum(others.map((r) => r.tonnesBefore)));
    expect(route('atyrau-samara').tonnesAfter).toBeGreaterThan(route('atyrau-samara').tonnesBefore);
    expect(figures.closure.status).toBe('capacity-limited');
    expect(figures.bindingCrudeCapacities.length).toBeGreaterThan(0);
  });

  it('accounts for every tonne: routes sum to the delivered crude, delivered + unmet is the demand', () => {
    for (const [totals, key] of [
      [figures.baseline, 'tonnesBefore'],
      [figures.closure, 'tonnesAfter'],
    ] as const) {
      expect(sum(figures.routes.map((r) => r[key]))).toBeCloseTo(totals.deliveredTonnes, 0);
    }
    expect(figures.closure.deliveredTonnes + figures.closure.unmetTonnes).toBeCloseTo(
      figures.baseline.deliveredTonnes + figures.baseline.unmetTonnes,
      0,
    );
    expect(sum(figures.routes.map((r) => r.shareAfter))).toBeCloseTo(1, 9);
  });
});

describe('examples/own-network.ts', () => {
  let figures: Awaited<ReturnType<typeof ownNetwork.run>>;
  beforeAll(async () => {
    figures = await ownNetwork.run();
  });

  // The same documents, parsed and simulated here, read field by field from the results.
  const expected = (r: SimulationResult) => ({
    scenario: r.scenario,
    status: r.status,
    throughputTeu: r.throughputTeu,
    corridors: Object.fromEntries(r.corridors.map((c) => [c.id, { volume: c.volume, share: c.share }])),
    countryTransitShare: r.countryTransitShare,
  });

  it('reports what simulate gives for the same documents', async () => {
    const network = parseNetwork(ownNetwork.networkDocument);
    const demand = parseDemand(ownNetwork.demandDocument, network);
    const scenario = parseScenario(ownNetwork.scenarioDocument, network, demand);
    expect(figures.baseline).toEqual(expected(await simulate({ network, demand }, undefined)));
    expect(figures.withScenario).toEqual(expected(await simulate({ network, demand }, scenario)));
  });

  it('shifts containers from the Russian route to the Caspian under the premium', () => {
    expect(figures.withScenario.corridors.middle!.volume).toBeGreaterThan(
      figures.baseline.corridors.middle!.volume,
    );
    expect(figures.withScenario.throughputTeu).toBeCloseTo(figures.baseline.throughputTeu, 6);
  });

  it('catches typed errors with every validation issue and its JSON path', () => {
    const [invalid, badOption] = figures.errors;
    expect(invalid!.code).toBe('validation');
    expect(invalid!.issues.map((i) => i.path)).toEqual([
      '$.links[6].capacityPerYear',
      '$.links[6].countries[1]',
    ]);
    expect(badOption!.code).toBe('invalid-argument');
    expect(badOption!.message).toContain('options.year');
  });
});

describe('examples/criticality.ts', () => {
  let figures: Awaited<ReturnType<typeof critical.run>>;
  beforeAll(async () => {
    figures = await critical.run(2024, 5);
  });

  it('ranks links by lost throughput, and the top closure loses what simulate says', async () => {
    expect(figures.top).toHaveLength(5);
    const lost = figures.top.map((e) => e.lostThroughputTeu);
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
    expect(lost[0]).toBeLessThanOrEqual(figures.referenceThroughputTeu);

    const baseline = loadScenario('baseline');
    const closed = await simulate(
      loadDataset('eurasia'),
      {
        ...baseline,
        operations: [
          ...baseline.operations,
          { kind: 'close-links', target: { links: [figures.top[0]!.id] } },
        ],
      },
      { year: 2024 },
    );
    expect(figures.referenceThroughputTeu - closed.throughputTeu).toBeCloseTo(lost[0]!, -1);
  });

  it('prints the added cost of the volume still delivered, in millions, and no floating-point residue', () => {
    const text = critical.report(figures);
    expect(text).toContain('added cost, M USD/yr');
    const row = text.split('\n').find((line) => line.startsWith(`${figures.top[0]!.id} `))!;
    const cells = row.trim().split(/\s{2,}/);
    expect(Number(cells.at(-1)!.replace(/,/g, ''))).toBeCloseTo(figures.top[0]!.addedCostUsd / 1e6, 1);
    // residue is an exact 0 in the ranking: nothing prints as 1.7e-11
    expect(text).not.toMatch(/\de-\d/);
    expect(text).not.toMatch(/-0(?![.,\d])/);
  });
});

afterAll(() => {
  vi.restoreAllMocks();
});
