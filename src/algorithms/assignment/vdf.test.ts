/**
 * Volume-delay functions: closed forms against independent numerics (composite Simpson quadrature
 * for the Beckmann integral, central differences for derivatives) and the defining properties of
 * each function (BPR at capacity, Spiess's conical f(0) = 1 and f(1) = 2, Davidson continuity).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../model/errors.js';
import {
  compileVdf,
  VDF_BPR,
  VDF_CONSTANT,
  type VolumeDelayFunction,
  vdfDerivative,
  vdfIntegral,
  vdfTime,
  vdfVolumeTimesSecondDerivative,
  volumeDelayDerivative,
  volumeDelayIntegral,
  volumeDelayTime,
} from './vdf.js';

function simpson(f: (x: number) => number, a: number, b: number, n = 20_000): number {
  const h = (b - a) / n;
  let sum = f(a) + f(b);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

const FUNCTIONS: [string, VolumeDelayFunction][] = [
  ['bpr 0.15/4', { kind: 'bpr', alpha: 0.15, beta: 4 }],
  ['bpr 0.8/2.5', { kind: 'bpr', alpha: 0.8, beta: 2.5 }],
  ['bpr 1/1', { kind: 'bpr', alpha: 1, beta: 1 }],
  ['conical 4', { kind: 'conical', alpha: 4 }],
  ['conical 1.5', { kind: 'conical', alpha: 1.5 }],
  ['davidson 0.25', { kind: 'davidson', j: 0.25 }],
  ['davidson 1 mu 0.8', { kind: 'davidson', j: 1, mu: 0.8 }],
];

describe('volume-delay functions', () => {
  it.each(FUNCTIONS)('%s: Beckmann integral equals numerical quadrature', (_name, vdf) => {
    const t0 = 7;
    const c = 120;
    for (const v of [0, 13, 60, 95, 118, 150, 240]) {
      const exact = volumeDelayIntegral(vdf, t0, c, v);
      const numeric = simpson((s) => volumeDelayTime(vdf, t0, c, s), 0, v);
      expect(exact).toBeCloseTo(numeric, 6);
    }
  });

  it.each(FUNCTIONS)('%s: derivative and v·t″ equal central differences', (_name, vdf) => {
    const f = compileVdf(vdf, 7, 120, 'arc');
    const t = (v: number) => vdfTime(f.kind, f.t0, f.capacity, f.p1, f.p2, v);
    const d = (v: number) => vdfDerivative(f.kind, f.t0, f.capacity, f.p1, f.p2, v);
    for (const v of [13, 60, 95, 111, 150]) {
      const h = 1e-4;
      expect(d(v)).toBeCloseTo((t(v + h) - t(v - h)) / (2 * h), 6);
      const second = (d(v + h) - d(v - h)) / (2 * h);
      expect(vdfVolumeTimesSecondDerivative(f.kind, f.t0, f.capacity, f.p1, f.p2, v)).toBeCloseTo(
        v * second,
        5,
      );
    }
  });

  it('BPR gives t0·(1 + α) at capacity and is exact at known points', () => {
    expect(volumeDelayTime({ kind: 'bpr', alpha: 0.15, beta: 4 }, 10, 100, 100)).toBeCloseTo(11.5, 12);
    // ∫₀^100 10(1 + 0.15 (s/100)^4) ds = 1000 + 1500/5 · ... = 10·(100 + 0.15·100/5) = 1030
    expect(volumeDelayIntegral({ kind: 'bpr', alpha: 0.15, beta: 4 }, 10, 100, 100)).toBeCloseTo(1030, 10);
    expect(volumeDelayDerivative({ kind: 'bpr', alpha: 0.15, beta: 4 }, 10, 100, 100)).toBeCloseTo(0.06, 12);
  });

  it('conical: t0 at zero volume, 2·t0 at capacity, slope 2α·t0/c far beyond (Spiess 1990)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.05, max: 20, noNaN: true }), (alpha) => {
        const vdf: VolumeDelayFunction = { kind: 'conical', alpha };
        expect(volumeDelayTime(vdf, 5, 10, 0)).toBeCloseTo(5, 9);
        expect(volumeDelayTime(vdf, 5, 10, 10)).toBeCloseTo(10, 9);
        expect(volumeDelayDerivative(vdf, 5, 10, 1e7)).toBeCloseTo((2 * alpha * 5) / 10, 6);
      }),
    );
  });

  it('davidson: tends to infinity towards capacity below μ, continuous and C¹ at μ, linear beyond', () => {
    const vdf: VolumeDelayFunction = { kind: 'davidson', j: 0.5, mu: 0.9 };
    const below = volumeDelayTime(vdf, 2, 100, 90 - 1e-9);
    const above = volumeDelayTime(vdf, 2, 100, 90 + 1e-9);
    expect(above).toBeCloseTo(below, 6);
    expect(volumeDelayDerivative(vdf, 2, 100, 90 + 1e-9)).toBeCloseTo(
      volumeDelayDerivative(vdf, 2, 100, 90 - 1e-9),
      5,
    );
    // t0 (1 + J μ/(1−μ)) = 2 (1 + 0.5 · 9) = 11 at μ·c
    expect(volumeDelayTime(vdf, 2, 100, 90)).toBeCloseTo(11, 12);
    const slope = volumeDelayDerivative(vdf, 2, 100, 100);
    expect(volumeDelayDerivative(vdf, 2, 100, 300)).toBeCloseTo(slope, 12);
    // the unmodified Davidson function would be 2 (1 + 0.5 · 99) = 101 at 99 % of capacity
    const strict: VolumeDelayFunction = { kind: 'davidson', j: 0.5, mu: 0.999 };
    expect(volumeDelayTime(strict, 2, 100, 99)).toBeCloseTo(101, 9);
  });

  it('compileVdf folds degenerate forms into constants', () => {
    expect(compileVdf({ kind: 'bpr', alpha: 0.5, beta: 0 }, 10, 100, 'a')).toMatchObject({
      kind: VDF_CONSTANT,
      t0: 15,
    });
    expect(compileVdf({ kind: 'bpr', alpha: 0, beta: 4 }, 10, 100, 'a')).toMatchObject({
      kind: VDF_CONSTANT,
      t0: 10,
    });
    expect(compileVdf({ kind: 'bpr', alpha: 0.15, beta: 4 }, 10, Number.POSITIVE_INFINITY, 'a').kind).toBe(
      VDF_CONSTANT,
    );
    expect(compileVdf({ kind: 'bpr', alpha: 0.15, beta: 4 }, 0, 100, 'a').kind).toBe(VDF_CONSTANT);
    expect(compileVdf({ kind: 'bpr', alpha: 0.15, beta: 4 }, 1, 100, 'a').kind).toBe(VDF_BPR);
    expect(volumeDelayIntegral({ kind: 'constant' }, 3, 100, 7)).toBe(21);
    expect(volumeDelayIntegral({ kind: 'bpr', alpha: 0.5, beta: 0 }, 2, 1, 4)).toBe(12);
  });

  it('rejects invalid parameters with InvalidArgumentError naming the value', () => {
    const bad: [VolumeDelayFunction, number, number, number, RegExp][] = [
      [{ kind: 'bpr', alpha: -1, beta: 4 }, 1, 1, 0, /alpha must be finite and ≥ 0, got -1/],
      [{ kind: 'bpr', alpha: 0.15, beta: Number.NaN }, 1, 1, 0, /beta/],
      [{ kind: 'conical', alpha: 1 }, 1, 1, 0, /alpha must be finite and > 1, got 1/],
      [{ kind: 'davidson', j: 0.5, mu: 1 }, 1, 1, 0, /mu must be in \(0, 1\), got 1/],
      [{ kind: 'bogus' } as unknown as VolumeDelayFunction, 1, 1, 0, /kind must be/],
      [{ kind: 'bpr', alpha: 0.15, beta: 4 }, -1, 1, 0, /freeFlowTime/],
      [{ kind: 'bpr', alpha: 0.15, beta: 4 }, 1, 0, 0, /capacity must be > 0/],
      [{ kind: 'bpr', alpha: 0.15, beta: 4 }, 1, 1, -5, /volume must be finite and ≥ 0, got -5/],
    ];
    for (const [vdf, t0, c, v, message] of bad) {
      expect(() => volumeDelayTime(vdf, t0, c, v)).toThrow(InvalidArgumentError);
      expect(() => volumeDelayTime(vdf, t0, c, v)).toThrow(message);
    }
  });

  it('kernels: BPR with β = 4 fast path equals the general power', () => {
    for (const v of [0, 3, 50, 170]) {
      const general = 6 * (1 + 0.15 * (v / 90) ** 4);
      expect(vdfTime(VDF_BPR, 6, 90, 0.15, 4, v)).toBeCloseTo(general, 12);
      expect(vdfIntegral(VDF_BPR, 6, 90, 0.15, 4, v)).toBeCloseTo(
        6 * v * (1 + (0.15 * (v / 90) ** 4) / 5),
        9,
      );
    }
  });
});
