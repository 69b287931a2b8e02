import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/datasets.js';
import { parseDemand } from '../data/demand-format.js';
import { parseNetwork } from '../data/network-format.js';
import type { Scenario, ScenarioOp } from '../model/scenario.js';
import { type CriticalityEntry, criticality } from './criticality.js';
import type { SimulationResult } from './result.js';
import { simulate } from './simulate.js';

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../data/samples/${name}`, import.meta.url), 'utf8'));
const network = parseNetwork(read('two-corridors.json'));
const demand = parseDemand(read('two-corridors.demand.json'), network);
const input = { network, demand };
const scenario = (id: string, ...operations: ScenarioOp[]): Scenario => ({ id, name: id, operations });
const entry = (ranking: readonly CriticalityEntry[], id: string) => ranking.find((e) => e.id === id)!;
const corridor = (r: SimulationResult, id: string) => r.corridors.find((c) => c.id === id)!;
const figures = (e: CriticalityEntry) => [
  e.lostThroughputTeu,
  e.addedDivertedTeu,
  e.addedUnmet,
  e.addedCostUsd,
  e.addedUnitDays,
];

// Two corridors from Xi'an to Duisburg: 30 % of the 300,000 TEU refuse Russia and can only take the
// Middle corridor (the Caspian ferry aktau-baku); money cost 4,160 USD/TEU by the Middle corridor,
// 2,740 by the Northern. Each corridor is one route, so the expected figures follow by hand.
describe('criticality: added cost and time when demand goes unmet', () => {
  it('closing the ferry loses the 90,000 refusing TEU; the TEU still shipped cost what they did', async () => {
    const { reference, ranking } = await criticality(input, { year: 2024, elements: 'links' });
    const ferry = entry(ranking, 'aktau-baku');
    expect(corridor(reference, 'middle').volume).toBeCloseTo(90_000, 6);
    expect(ferry.addedUnmet).toBeCloseTo(90_000, 6);
    // The standard shippers keep the Northern route: no money cost added. The total cost of delivered
    // volume falls by 90,000 × 4,160 = 374.4 million USD, which is lost trade, not a saving.
    expect(ferry.addedCostUsd).toBe(0);
    // Their time changes only by the congestion of the links they share with the closed route.
    const closed = await simulate(
      input,
      scenario('baseline-without-aktau-baku', { kind: 'close-links', target: { links: ['aktau-baku'] } }),
      { year: 2024, warmStart: reference },
    );
    const northern = corridor(reference, 'northern');
    const shared =
      northern.volume * (corridor(closed, 'northern').meanTransitDays - northern.meanTransitDays);
    expect(ferry.addedUnitDays).toBeCloseTo(shared, 3);
    expect(ferry.addedUnitDays).toBeLessThan(0); // less congestion at the border: faster
  });

  it('volume that changes route is priced at the change of route; the lost volume is not priced', async () => {
    // A tight Northern corridor puts part of the standard shippers on the Middle corridor too.
    const tight = scenario('tight', {
      kind: 'scale-capacity',
      target: { links: ['almaty-moscow'] },
      factor: 0.4,
    });
    const { reference, ranking } = await criticality(input, {
      year: 2024,
      scenario: tight,
      elements: 'links',
    });
    const moved = corridor(reference, 'middle').volume - 90_000;
    expect(moved).toBeGreaterThan(1000);
    const ferry = entry(ranking, 'aktau-baku');
    expect(ferry.addedUnmet).toBeCloseTo(90_000, 6);
    // the moved TEU now pay the Northern corridor's 2,740 instead of the Middle corridor's 4,160
    expect(corridor(reference, 'northern').meanCostUsd).toBeCloseTo(2740, 9);
    expect(corridor(reference, 'middle').meanCostUsd).toBeCloseTo(4160, 9);
    expect(ferry.addedCostUsd).toBeCloseTo(moved * (2740 - 4160), 3);
  });
});

describe('criticality: no floating-point residue in the ranking', () => {
  it('Eurasia 2024, crude links, min-cost: figures are exact zeros or genuine', async () => {
    // Before the residue rule, closing a crude link "lost" 5.8e-11 TEU of container throughput and
    // left -3.3e-12 units unmet; closing the CPC pipeline "saved" 1.7 billion USD a year.
    const { ranking } = await criticality(loadDataset('eurasia'), {
      year: 2024,
      solver: 'min-cost',
      elements: 'links',
      commodity: 'crude',
    });
    expect(ranking.length).toBeGreaterThan(5);
    for (const e of ranking) {
      expect(e.lostThroughputTeu).toBe(0);
      expect(e.addedDivertedTeu).toBe(0);
      for (const x of figures(e)) expect(x === 0 || Math.abs(x) > 1).toBe(true);
    }
    const cpc = entry(ranking, 'oil-cpc');
    expect(cpc.addedUnmet).toBeCloseTo(45_220_000, 0);
    // the crude still shipped goes by dearer routes
    expect(cpc.addedCostUsd).toBeGreaterThan(0);
    // ordered by unmet volume (no throughput lost), then by added cost
    const order = ranking.map((e) => [e.addedUnmet, e.addedCostUsd] as const);
    for (let i = 1; i < order.length; i++) {
      const [u0, c0] = order[i - 1]!;
      const [u1, c1] = order[i]!;
      expect(u0 > u1 || (u0 === u1 && c0 >= c1)).toBe(true);
    }
  });
});
