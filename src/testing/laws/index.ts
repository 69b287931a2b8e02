/**
 * Metamorphic laws
 * ================
 *
 * Ready-made fast-check properties that relate two runs of a simulation (metamorphic testing: no
 * expected value is needed, only a relation between runs). Every law takes the runner under test as
 * a parameter, so it works with corridor-sim's `simulate` and with a user's own solver.
 */

import { addingCapacityNeverLowersThroughput } from './addingCapacity.js';
import { applyNeverMutatesInputs } from './applyPurity.js';
import { closingNeverRaisesThroughput } from './closing.js';
import { emptyScenarioIsNoOp } from './emptyScenario.js';
import { sameSeedSameResult } from './sameSeed.js';
import { scalingScalesFlows } from './scaling.js';

/**
 * The metamorphic laws, each a function `(options) => fast-check property`:
 * `closingNeverRaisesThroughput`, `addingCapacityNeverLowersThroughput`, `emptyScenarioIsNoOp`,
 * `applyNeverMutatesInputs`, `sameSeedSameResult`, `scalingScalesFlows`.
 *
 * @example await fc.assert(laws.closingNeverRaisesThroughput({ run: (input, s) => simulate(input, s, { solver: 'min-cost' }) }));
 */
export const laws = Object.freeze({
  closingNeverRaisesThroughput,
  addingCapacityNeverLowersThroughput,
  emptyScenarioIsNoOp,
  applyNeverMutatesInputs,
  sameSeedSameResult,
  scalingScalesFlows,
});
