/**
 * Seeded random numbers
 * =====================
 *
 * No `Math.random` in corridor-sim: every stochastic function takes a seed. `createRng(seed)` returns a
 * generator of floats in [0, 1) (xoshiro128**, Blackman & Vigna 2018, seeded through splitmix32);
 * `deriveRng(seed, i)` gives trial `i` its own stream, so results do not depend on the order in which
 * trials run.
 */

import { InvalidArgumentError } from '../model/errors.js';

/** A generator of floats in [0, 1). */
export type Rng = () => number;

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seeded generator.
 *
 * @param seed - any 32-bit integer (other numbers are rejected)
 * @returns floats in [0, 1), the same sequence for the same seed, bit for bit
 * @throws InvalidArgumentError when seed is not an integer
 * @example const rng = createRng(42); rng(); // 0.…
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed))
    throw new InvalidArgumentError('corridor-sim/rng', 'seed', `must be an integer, got ${String(seed)}`);
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1;
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * The generator of trial `index` under `seed`: independent of how many other trials run, or in which order.
 *
 * @param seed - the run's seed
 * @param index - trial index (integer ≥ 0)
 * @returns a generator
 */
export function deriveRng(seed: number, index: number): Rng {
  if (!Number.isInteger(index) || index < 0) {
    throw new InvalidArgumentError(
      'corridor-sim/rng',
      'index',
      `must be an integer ≥ 0, got ${String(index)}`,
    );
  }
  const mix = splitmix32((seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b1));
  return createRng(mix() | 0);
}
