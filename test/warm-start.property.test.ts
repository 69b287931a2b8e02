/**
 * Warm starts across random scenarios
 * ===================================
 *
 * A property of `simulate`'s warm starts (src/simulate/warm-start.ts), drawn with the testing kit's
 * scenario arbitrary and checked with its invariants (a cross-cutting suite: src does not import the kit).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/data/datasets.js';
import { simulate } from '../src/simulate/simulate.js';
import { arbScenario } from '../src/testing/arbitraries/scenario.js';
import { checkResult } from '../src/testing/invariants/checkResult.js';

describe('warm starts across random scenarios (property)', () => {
  // Whatever earlier result a run starts from — classes added or removed by refusals, links closed or
  // opened — it must end at an equilibrium of its own scenario: converged, and every invariant of
  // checkResult (conservation, capacities, Wardrop condition within the gap, shares) holds.
  const eurasia = loadDataset('eurasia');
  const scenarios = arbScenario(eurasia.network, eurasia.demand, {
    maxOperations: 3,
    kinds: ['avoid-country', 'close-links', 'scale-capacity', 'surcharge', 'close-border'],
  });
  it('a run warm-started from another scenario’s result is an equilibrium of its own scenario', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, scenarios, async (from, to) => {
        const earlier = await simulate(eurasia, from, { year: 2024 });
        const warm = await simulate(eurasia, to, { year: 2024, warmStart: earlier });
        expect(warm.status === 'converged' || warm.status === 'capacity-limited').toBe(true);
        const violations = checkResult(warm);
        expect(violations, JSON.stringify(violations.slice(0, 3))).toEqual([]);
      }),
      { numRuns: 12, seed: 7 },
    );
  });
});
