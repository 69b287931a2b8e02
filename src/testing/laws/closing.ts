/**
 * Law: closing never raises throughput
 * ====================================
 */

import fc from 'fast-check';
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

/** The closure kinds. */
const CLOSURES: readonly ScenarioOp['kind'][] = [
  'close-links',
  'close-nodes',
  'close-country',
  'close-border',
];

/** Options of {@link closingNeverRaisesThroughput}. */
export interface ClosingLawOptions<R> extends LawTolerance {
  /** The simulation under test, e.g. `(input, s) => simulate(input, s, { solver: 'min-cost' })`. */
  readonly run: Runner<R>;
  /** A fixed input (a dataset) or an arbitrary of inputs. @defaultValue arbSimulationInput() */
  readonly input?: LawInput;
  /** Throughput of a result. @defaultValue total delivered volume, Σ ods.delivered */
  readonly measure?: (result: R) => number;
  /**
   * Constraints of the closure scenarios; `kinds` may only name closures.
   * @defaultValue every closure kind, up to 3 operations
   */
  readonly scenario?: ScenarioConstraints;
}

/**
 * The law "closing links, nodes, countries or borders never raises throughput", as a fast-check
 * property: for every closure scenario, measure(run(input, closures)) ≤ measure(run(input)).
 *
 * Holds for any solver that delivers as much as capacities allow (min-cost with a penalty on unmet
 * demand, max-flow) or that delivers all reachable demand (equilibrium, logit). Measure *total*
 * delivered volume, not a subset: closing the overland route can raise the sea route's volume.
 *
 * @param options - runner, input, measure, scenario constraints, tolerances
 * @returns an async property; run it with `await fc.assert(property, { numRuns })`
 * @throws InvalidArgumentError on bad options (eagerly), e.g. a non-closure kind in `scenario.kinds`
 * @example await fc.assert(laws.closingNeverRaisesThroughput({ run: (i, s) => simulate(i, s, { solver: 'min-cost' }), input: eurasia }), { numRuns: 30 });
 * @remarks Two runs per case (the baseline is cached per input). Metamorphic testing: Chen, Cheung & Yiu (1998).
 */
export function closingNeverRaisesThroughput<R>(
  options: ClosingLawOptions<R>,
): fc.IAsyncPropertyWithHooks<[LawCase]> {
  const law = 'closingNeverRaisesThroughput';
  checkRunner(law, options?.run);
  checkLawKinds(law, options.scenario?.kinds, CLOSURES, 'a closure');
  const [abs, rel] = lawTolerance(law, options);
  const measure = options.measure ?? (totalDelivered as (r: R) => number);
  const baseline = baselineCache(options.run);
  const cases = arbCase(lawInput(law, options.input), {
    kinds: CLOSURES,
    maxOperations: 3,
    ...options.scenario,
  });
  return fc.asyncProperty(cases, async ({ input, scenario }) => {
    const before = measure(await baseline(input));
    const after = measure(await options.run(input, scenario));
    if (!(after <= before + abs + rel * Math.abs(before))) {
      throw new Error(`${MODULE}.${law}: throughput rose from ${before} to ${after} after closing`);
    }
  });
}
