/**
 * Law: the same seed gives the same result
 * ========================================
 */

import fc from 'fast-check';
import type { ScenarioConstraints } from '../arbitraries/scenario.js';
import { type DiffOptions, diffResults } from '../diffResults.js';
import {
  arbCase,
  checkRunner,
  type LawCase,
  type LawInput,
  lawInput,
  MODULE,
  type SeededRunner,
} from './_internal.js';

/** Options of {@link sameSeedSameResult}. */
export interface SameSeedLawOptions<R> extends Omit<DiffOptions, 'limit'> {
  /** The stochastic simulation under test, given a seed (Monte Carlo, DES, a logit sampler ...). */
  readonly run: SeededRunner<R>;
  /** A fixed input (a dataset) or an arbitrary of inputs. @defaultValue arbSimulationInput() */
  readonly input?: LawInput;
  /** Constraints of the scenarios run; `false` runs without scenario. @defaultValue up to 2 operations of any kind */
  readonly scenario?: ScenarioConstraints | false;
  /** Seeds to try. @defaultValue 32-bit integers */
  readonly seeds?: fc.Arbitrary<number>;
}

/**
 * The law "two runs with the same seed give the same result", as a fast-check property. Results are
 * compared with {@link diffResults} (exactly, by default; wall-clock `convergence.seconds` ignored).
 *
 * @param options - seeded runner, input, scenarios, seeds, comparison options
 * @returns an async property for `fc.assert`
 * @throws InvalidArgumentError on bad options (eagerly)
 * @example await fc.assert(laws.sameSeedSameResult({ run: (i, s, seed) => monteCarlo(i, s, { seed, trials: 20 }), input: eurasia }));
 * @remarks Two runs per case. Determinism contract of docs/ARCHITECTURE (trial i derives its generator from (seed, i)).
 */
export function sameSeedSameResult<R>(
  options: SameSeedLawOptions<R>,
): fc.IAsyncPropertyWithHooks<[LawCase, number]> {
  const law = 'sameSeedSameResult';
  checkRunner(law, options?.run);
  const { run, input, scenario, seeds, ...diff } = options;
  diffResults(0, 0, diff);
  const cases = arbCase(
    lawInput(law, input),
    scenario === false ? { maxOperations: 0 } : { maxOperations: 2, ...scenario },
  );
  return fc.asyncProperty(cases, seeds ?? fc.integer(), async (kase, seed) => {
    const s = scenario === false ? undefined : kase.scenario;
    const first = await run(kase.input, s, seed);
    const second = await run(kase.input, s, seed);
    const differences = diffResults(first, second, diff);
    if (differences.length > 0) {
      throw new Error(
        `${MODULE}.${law}: two runs with seed ${seed} differ:\n${differences.map((d) => `  ${d.path}: ${d.a} → ${d.b}`).join('\n')}`,
      );
    }
  });
}
