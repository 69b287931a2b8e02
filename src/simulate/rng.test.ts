import { describe, expect, it } from 'vitest';
import { createRng, deriveRng } from './rng.js';

describe('createRng', () => {
  it('same seed, same sequence, bit for bit; different seeds differ', () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(createRng(8)()).not.toBe(xs[0]);
  });

  it('is uniform on [0, 1): mean within 3 standard errors and a chi-square test on 10 bins passes', () => {
    const rng = createRng(12345);
    const n = 100_000;
    const bins = new Array(10).fill(0);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const x = rng();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
      bins[Math.floor(x * 10)]++;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(3 * Math.sqrt(1 / 12 / n));
    const chi2 = bins.reduce((acc, count) => acc + (count - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88); // 99.9th percentile of chi-square with 9 degrees of freedom
  });

  it('deriveRng(seed, i) does not depend on other trials and differs between trials', () => {
    expect(deriveRng(1, 5)()).toBe(deriveRng(1, 5)());
    expect(deriveRng(1, 5)()).not.toBe(deriveRng(1, 6)());
    expect(() => createRng(1.5)).toThrow(/seed must be an integer/);
  });
});
