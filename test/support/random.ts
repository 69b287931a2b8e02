/**
 * Seeded pseudo-random numbers for tests
 * ======================================
 *
 * Park–Miller's minimal standard generator: the same seed gives the same sequence, so a test that
 * draws random graphs or weights is deterministic.
 */

/**
 * Numbers in (0, 1) from Park–Miller's generator (seed in 1 .. 2³¹ − 2).
 *
 * @param seed - start of the sequence
 * @returns a function giving the next number at each call
 */
export function parkMiller(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}
