/**
 * Law: adding capacity never lowers throughput
 * ============================================
 */

import fc from 'fast-check';
import { describeValue, InvalidArgumentError } from '../../model/errors.js';
import type { ScenarioOp } from '../../model/scenario.js';
import type { ScenarioConstraints } from '../arbitraries/scenario.js';
import {
  arbCase,
  baselineCache,
  checkLawKinds,
  checkRunner,
  type LawCase,
  type LawInput,
  type LawTolerance,
  lawInput,
  lawTolerance,
  MODULE,
  type Runner,
  totalDelivered,
} from './_internal.js';

/** Operations that only add capacity (with factors ≥ 1). */
const UPGRADES: readonly ScenarioOp['kind'][] = ['scale-capacity', 'add-link'];

/** Options of {@link addingCapacityNeverLowersThroughput}. */
export interface AddingCapacityLawOptions<R> extends LawTolerance {
  /** The simulation under test, typically the min-cost solver. */
  readonly run: Runner<R>;
  /** A fixed input (a dataset) or an arbitrary of inputs. @defaultValue arbSimulationInput() */
  readonly input?: LawInput;
  /** Throughput of a result. @defaultValue total delivered volume, Σ ods.delivered */
  readonly measure?: (result: R) => number;
  /**
   * Constraints of the upgrade scenarios: `kinds` may only name `scale-capacity` and `add-link`, and
   * `minFactor` must be ≥ 1.
   * @defaultValue both kinds, factors in [1, 3], up to 3 operations
   */
  readonly scenario?: ScenarioConstraints;
}

/**
 * The law "scaling capacities up or adding links never lowers throughput", as a fast-check property:
 * for every upgrade scenario, measure(run(input, upgrades)) ≥ measure(run(input)).
 *
 * This is the law of the min-cost solver (the feasible set only grows). Equilibrium solvers deliver
 * all reachable demand whatever the capacities, so it holds trivially for them; their *costs* need not
 * fall (Braess's paradox), which is why the law measures throughput.
 *
 * @param options - runner, input, measure, scenario constraints, tolerances
 * @returns an async property for `fc.assert`
 * @throws InvalidArgumentError on bad options (eagerly)
 * @example await fc.assert(laws.addingCapacityNeverLowersThroughput({ run: minCost, input: eurasia }));
 * @remarks Two runs per case (the baseline is cached per input).
 */
export function addingCapacityNeverLowersThroughput<R>(
  options: AddingCapacityLawOptions<R>,
): fc.IAsyncPropertyWithHooks<[LawCase]> {
  const law = 'addingCapacityNeverLowersThroughput';
  checkRunner(law, options?.run);
  checkLawKinds(law, options.scenario?.kinds, UPGRADES, 'an upgrade');
  const minFactor = options.scenario?.minFactor ?? 1;
  if (typeof minFactor !== 'number' || !(minFactor >= 1)) {
    throw new InvalidArgumentError(
      MODULE,
      `${law}: options.scenario.minFactor`,
      `must be ≥ 1 (a factor below 1 removes capacity), got ${describeValue(minFactor)}`,
    );
  }
  const [abs, rel] = lawTolerance(law, options);
  const measure = options.measure ?? (totalDelivered as (r: R) => number);
  const baseline = baselineCache(options.run);
  const cases = arbCase(lawInput(law, options.input), {
    kinds: UPGRADES,
    maxOperations: 3,
    maxFactor: Math.max(3, minFactor),
    ...options.scenario,
    minFactor,
  });
  return fc.asyncProperty(cases, async ({ input, scenario }) => {
    const before = measure(await baseline(input));
    const after = measure(await options.run(input, scenario));
    if (!(after >= before - abs - rel * Math.abs(before))) {
      throw new Error(`${MODULE}.${law}: throughput fell from ${before} to ${after} after adding capacity`);
    }
  });
}
