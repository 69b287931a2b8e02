/**
 * Law: the empty scenario is a no-op
 * ==================================
 */

import fc from 'fast-check';
import { type DiffOptions, diffResults } from '../diffResults.js';
import type { SimulationInput } from '../types.js';
import {
  arbInputOnly,
  baselineCache,
  checkRunner,
  type LawInput,
  lawInput,
  MODULE,
  type Runner,
} from './_internal.js';

/** Options of {@link emptyScenarioIsNoOp}. */
export interface EmptyScenarioLawOptions<R> extends Omit<DiffOptions, 'limit'> {
  /** The simulation under test. */
  readonly run: Runner<R>;
  /** A fixed input (a dataset) or an arbitrary of inputs. @defaultValue arbSimulationInput() */
  readonly input?: LawInput;
}

/**
 * The law "a scenario with no operations changes nothing", as a fast-check property: whatever its id,
 * name and description, run(input, empty) equals run(input, undefined) except for the scenario's name
 * in the result (compared with {@link diffResults}; its default `ignore` skips `scenario`,
 * `operations`, `applied` and `convergence.seconds`).
 *
 * @param options - runner, input, comparison options
 * @returns an async property for `fc.assert`
 * @throws InvalidArgumentError on bad options (eagerly)
 * @example await fc.assert(laws.emptyScenarioIsNoOp({ run: simulate, input: eurasia }), { numRuns: 5 });
 * @remarks Two runs per case (the baseline is cached per input).
 */
export function emptyScenarioIsNoOp<R>(
  options: EmptyScenarioLawOptions<R>,
): fc.IAsyncPropertyWithHooks<[SimulationInput, { id: string; name: string; description?: string }]> {
  const law = 'emptyScenarioIsNoOp';
  checkRunner(law, options?.run);
  const { run, input, ...diff } = options;
  diffResults(0, 0, diff); // validates the comparison options eagerly
  const baseline = baselineCache(run);
  const names = fc.record(
    {
      id: fc.string({ minLength: 1, maxLength: 12 }),
      name: fc.string({ maxLength: 12 }),
      description: fc.string({ maxLength: 12 }),
    },
    { requiredKeys: ['id', 'name'] },
  );
  return fc.asyncProperty(arbInputOnly(lawInput(law, input)), names, async (i, meta) => {
    const before = await baseline(i);
    const after = await run(i, { ...meta, operations: [] });
    const differences = diffResults(before, after, diff);
    if (differences.length > 0) {
      throw new Error(
        `${MODULE}.${law}: the empty scenario changed the result:\n${differences.map((d) => `  ${d.path}: ${d.a} → ${d.b}`).join('\n')}`,
      );
    }
  });
}
