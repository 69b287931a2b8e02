/**
 * Exact decimal scaling
 * =====================
 *
 * Flow algorithms are exact on integers held in doubles as long as every intermediate value stays
 * below 2^53. Real inputs are rarely integers (TEU per year after a unit conversion, USD with cents),
 * but they are almost always short decimals. {@link decimalDigits} finds the fewest decimal places `k`
 * such that every value equals its `k`-place decimal rounding *as a double*: then the problem scaled
 * by 10^k is an integer problem with the same solutions (up to the factor), and the algorithms solve it
 * exactly. When no such `k ≤ 15` exists, or the scaled values would leave the exact range, callers fall
 * back to floating point with tolerances (see docs/flow.md).
 *
 * Internal: no public API. Complexity O(number of values).
 */

import { float64Array, type TypedArena } from '../../_internal/arena.js';

/** 2^53: doubles represent every integer below it exactly. */
export const EXACT_LIMIT = 9007199254740992;

/** Most decimal places tried by {@link decimalDigits}. */
export const MAX_DECIMAL_DIGITS = 15;

const POW10: readonly number[] = Array.from({ length: MAX_DECIMAL_DIGITS + 1 }, (_, k) => 10 ** k);

/**
 * Power of ten `10^k` (k in 0..15).
 *
 * @param k - exponent
 * @returns 10^k as a double (exact for k ≤ 22)
 */
export function pow10(k: number): number {
  return POW10[k]!;
}

/**
 * The fewest decimal places that represent every finite value exactly as a double.
 *
 * @param values - arrays to scan; non-finite entries are skipped
 * @returns k in 0..15, or -1 when some value needs more (e.g. 1/3)
 */
export function decimalDigits(...values: readonly ArrayLike<number>[]): number {
  let digits = 0;
  for (const array of values) {
    const m = array.length;
    for (let i = 0; i < m; i++) {
      const v = array[i]!;
      if (Number.isInteger(v) || !Number.isFinite(v)) continue;
      let k = digits;
      while (k <= MAX_DECIMAL_DIGITS && Math.round(v * POW10[k]!) / POW10[k]! !== v) k++;
      if (k > MAX_DECIMAL_DIGITS) return -1;
      digits = k;
    }
  }
  return digits;
}

/**
 * Scale values by `factor` and round to integers (finite values only; infinities stay).
 *
 * @param values - input (not modified)
 * @param factor - 10^k from {@link decimalDigits}
 * @param arena - where to take the new array from (an array of its own without one)
 * @returns a new array
 */
export function scaleToIntegers(values: ArrayLike<number>, factor: number, arena?: TypedArena): Float64Array {
  const out = float64Array(arena, values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = Number.isFinite(v) ? (factor === 1 ? v : Math.round(v * factor)) : v;
  }
  return out;
}

/**
 * Largest absolute finite value.
 *
 * @param values - values
 * @returns max |v| over finite entries (0 when none)
 */
export function maxAbsFinite(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]!);
    if (v > max && v !== Number.POSITIVE_INFINITY) max = v;
  }
  return max;
}

/**
 * Sum of absolute finite values.
 *
 * @param values - values
 * @returns Σ |v| over finite entries
 */
export function sumAbsFinite(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]!);
    if (v !== Number.POSITIVE_INFINITY) sum += v;
  }
  return sum;
}
