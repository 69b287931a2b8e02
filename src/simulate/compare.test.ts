import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/datasets.js';
import { loadScenario } from '../data/scenarios.js';
import { compare, delta } from './compare.js';
import { simulate } from './simulate.js';

describe('delta', () => {
  it('after − before and the change relative to |before|', () => {
    expect(delta(100, 80)).toEqual({ before: 100, after: 80, change: -20, relative: -0.2 });
    expect(delta(-50, -25)).toEqual({ before: -50, after: -25, change: 25, relative: 0.5 });
  });

  it('no relative change from a base of 0', () => {
    const d = delta(0, 5);
    expect(d.change).toBe(5);
    expect(d.relative).toBeNaN();
  });

  it('a change that is residue of the figure (1e-9 of it) is exactly 0', () => {
    // the same throughput summed over differently ordered paths
    const d = delta(412_600.00000000006, 412_599.99999999994);
    expect(d.change).toBe(0);
    expect(d.relative).toBe(0);
  });

  it('with a scale: a base that is residue of it gives no relative change (not -100 %)', () => {
    const d = delta(5e-12, 0, 420_000);
    expect(d).toEqual({ before: 5e-12, after: 0, change: 0, relative: Number.NaN });
    // without the scale there is nothing to judge 5e-12 against: the arithmetic stands
    expect(delta(5e-12, 0).relative).toBe(-1);
  });

  it('without a scale, a small base is still a base: 1 → 1e10 is a relative change of 1e10 − 1', () => {
    expect(delta(1, 1e10).relative).toBe(1e10 - 1);
    expect(delta(1e-12, 2e-12).relative).toBeCloseTo(1, 12);
  });

  it('genuine small changes stay: 0.01 TEU on 420,000 is 2.4e-8 of the scale', () => {
    expect(delta(0, 0.01, 420_000).change).toBe(0.01);
    expect(delta(0.01, 0.02, 420_000).relative).toBeCloseTo(1, 12);
  });

  it('non-finite values are left to the arithmetic', () => {
    expect(delta(1, Number.POSITIVE_INFINITY).change).toBe(Number.POSITIVE_INFINITY);
    expect(delta(Number.NaN, 1).change).toBeNaN();
    expect(delta(Number.NaN, 1).relative).toBeNaN();
  });
});

describe('compare on Eurasia 2024', () => {
  const eurasia = loadDataset('eurasia');

  it('baseline → avoid-russia: unmet TEU is 0 before and after, no change and no relative change', async () => {
    // Before the residue rule the baseline reported 6.8e-12 TEU unmet and this delta was -100 %.
    const a = await simulate(eurasia, loadScenario('baseline'), { year: 2024 });
    const b = await simulate(eurasia, loadScenario('avoid-russia'), { year: 2024 });
    const unmet = compare(a, b).totals.unmetTeu!;
    expect(unmet.before).toBe(0);
    expect(unmet.after).toBe(0);
    expect(unmet.change).toBe(0);
    expect(unmet.relative).toBeNaN();
  });

  it('min-cost baseline → cpc-closure: container totals unchanged exactly, crude unmet from 0', async () => {
    const options = { year: 2024, solver: 'min-cost' } as const;
    const a = await simulate(eurasia, loadScenario('baseline'), options);
    const b = await simulate(eurasia, loadScenario('cpc-closure'), options);
    const { totals, corridorShare } = compare(a, b);
    expect(totals.unmetTeu).toEqual({ before: 0, after: 0, change: 0, relative: Number.NaN });
    expect(totals.throughputTeu!.change).toBe(0);
    expect(totals.crudeUnmetTonnes!.before).toBe(0);
    expect(totals.crudeUnmetTonnes!.change).toBeCloseTo(45_220_000, 0);
    expect(totals.crudeUnmetTonnes!.relative).toBeNaN();
    for (const [key, d] of Object.entries(corridorShare))
      if (key.startsWith('container/')) expect(d.change).toBe(0);
  });
});
