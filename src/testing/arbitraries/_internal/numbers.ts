/**
 * Number arbitraries shared by the generators
 * ===========================================
 *
 * Capacities, volumes, costs, times and factors. Most values are readable (integers, or decimals
 * with three digits); with `awkward` a share are raw doubles (fast-check biases those towards
 * subnormals and values next to the bounds) and awkward constants (0, 1e-9, 0.1, 1/3, 0.1 + 0.2).
 * Integers are biased towards both bounds by fast-check, so the upper bound itself comes up too.
 * Every arbitrary here shrinks towards 0, or towards its `origin`; the constants are all small, so a
 * property that fails for large values shrinks through the integers to its exact threshold.
 *
 * @internal
 */

import fc from 'fast-check';

/** Awkward but valid non-negative values, in the order they shrink to. */
const AWKWARD = [0, 1e-9, 0.1, 1 / 3, 0.1 + 0.2] as const;

/** Decimals `k / 1000` in `[min, max]`, shrinking towards the one closest to 0. */
function decimals(min: number, max: number): fc.Arbitrary<number> {
  const lo = Math.ceil(min * 1000);
  const hi = Math.floor(max * 1000);
  if (!(lo <= hi) || !Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) {
    return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  }
  return fc.integer({ min: lo, max: hi }).map((k) => k / 1000);
}

/**
 * A non-negative amount up to `max`: mostly integers, some decimals, and with `awkward` some raw
 * doubles and awkward constants.
 *
 * @param max - largest value (finite, > 0)
 * @param awkward - include raw doubles and awkward constants
 * @param positive - exclude 0
 * @returns the arbitrary
 */
export function arbAmount(max: number, awkward: boolean, positive = false): fc.Arbitrary<number> {
  const top = Math.floor(max);
  const integers = top >= (positive ? 1 : 0) ? fc.integer({ min: positive ? 1 : 0, max: top }) : undefined;
  const fractions = decimals(positive ? 0.001 : 0, max);
  const parts: fc.WeightedArbitrary<number>[] = [];
  if (integers) parts.push({ weight: 5, arbitrary: integers });
  parts.push({ weight: 2, arbitrary: fractions });
  if (awkward) {
    parts.push({
      weight: 1,
      arbitrary: fc.double({
        min: positive ? Number.MIN_VALUE : 0,
        max,
        noNaN: true,
        noDefaultInfinity: true,
      }),
    });
    parts.push({
      weight: 1,
      arbitrary: fc.constantFrom(...AWKWARD.filter((v) => (!positive || v > 0) && v <= max)),
    });
  }
  return fc.oneof(...parts);
}

/**
 * A value in `[min, max]` that shrinks towards `origin` (which must lie in the range): decimals
 * `origin + k / 1000`, and with `awkward` some raw doubles. Used for relative perturbations (origin 0)
 * and factors (origin 1).
 *
 * @param min - lower bound
 * @param max - upper bound
 * @param origin - the value it shrinks to
 * @param awkward - include raw doubles
 * @returns the arbitrary
 */
export function arbAround(min: number, max: number, origin: number, awkward = true): fc.Arbitrary<number> {
  if (min === max) return fc.constant(min);
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  const o = origin * 1000;
  // Whole thousandths are added in integers, so that 1 − 0.808 prints as 0.192.
  const steps = Number.isInteger(o)
    ? decimals(min - origin, max - origin).map((d) => clamp((o + Math.round(d * 1000)) / 1000))
    : decimals(min - origin, max - origin).map((d) => clamp(origin + d));
  if (!awkward) return steps;
  const doubles = fc
    .double({ min: min - origin, max: max - origin, noNaN: true, noDefaultInfinity: true })
    .map((d) => clamp(origin + d));
  return fc.oneof({ weight: 4, arbitrary: steps }, { weight: 1, arbitrary: doubles });
}
