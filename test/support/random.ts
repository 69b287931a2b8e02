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

/**
 * Lists made of `base` with 1 to 4 copies (structuredClone) of items drawn from `extras` inserted at
 * random places: for checking that items known before and new ones are treated alike.
 *
 * @param base - the items every list starts from (kept as they are, not copied)
 * @param extras - items to draw copies from
 * @param seed - seed of the generator ({@link parkMiller})
 * @param count - number of lists
 * @returns the lists
 */
export function randomMixes(
  base: readonly unknown[],
  extras: readonly unknown[],
  seed: number,
  count: number,
): unknown[][] {
  const random = parkMiller(seed);
  const mixes: unknown[][] = [];
  for (let round = 0; round < count; round++) {
    const list = [...base];
    const inserts = 1 + Math.floor(random() * 4);
    for (let k = 0; k < inserts; k++) {
      const item = extras[Math.floor(random() * extras.length)]!;
      list.splice(Math.floor(random() * (list.length + 1)), 0, structuredClone(item));
    }
    mixes.push(list);
  }
  return mixes;
}
