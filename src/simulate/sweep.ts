/**
 * sweep: one parameter, many values
 * =================================
 *
 * `sweep(input, makeScenario, values)` simulates the scenario that `makeScenario(value)` builds for each
 * value, in order, warm-starting each run from the previous one (neighbouring values have neighbouring
 * equilibria, so later runs converge in a few iterations).
 */

import { requireScenario } from '../data/guards.js';
import { describeValue, InvalidArgumentError, optionsOf } from '../model/errors.js';
import type { Scenario } from '../model/scenario.js';
import type { SimulationResult } from './result.js';
import {
  rejectWarmStart,
  requireSimulationInput,
  type SimulateOptions,
  type SimulationInput,
  simulate,
} from './simulate.js';

/** Options of {@link sweep}: those of `simulate` except the warm start, which sweep sets. */
export type SweepOptions = Omit<SimulateOptions, 'warmStart'>;

const MODULE = 'corridor-sim/sweep';

/** One point of a sweep. */
export interface SweepPoint<V> {
  /** The parameter value. */
  readonly value: V;
  /** The result for that value. */
  readonly result: SimulationResult;
}

/**
 * Simulate a family of scenarios over parameter values, warm-started.
 *
 * @param input - network and demand
 * @param makeScenario - builds the scenario of one value (e.g. a capacity factor)
 * @param values - the values, simulated in the given order
 * @param options - year, solver, convergence (not `warmStart`: sweep sets it)
 * @returns one point per value
 * @throws InvalidArgumentError when input is not { network, demand }, makeScenario is not a function,
 *   values is empty, options is not an object or sets `warmStart`, or makeScenario returns something
 *   that is not a Scenario (argument `makeScenario(values[i])`); ValidationError, under the same
 *   argument name, when the scenario it builds is invalid for the network
 * @example
 * await sweep(eurasia, (f) => ({ id: `titr-x${f}`, name: '', operations: [
 *   { kind: 'scale-capacity', target: { corridors: ['middle'] }, factor: f }] }), [1, 2, 3, 4, 5]);
 * @remarks One simulation per value, each warm-started from the one before.
 */
export async function sweep<V>(
  input: SimulationInput,
  makeScenario: (value: V) => Scenario,
  values: readonly V[],
  options: SweepOptions = {},
): Promise<SweepPoint<V>[]> {
  options = optionsOf(options, MODULE);
  requireSimulationInput(input, MODULE);
  if (typeof makeScenario !== 'function') {
    throw new InvalidArgumentError(
      MODULE,
      'makeScenario',
      `must be a function from a value to a scenario, got ${describeValue(makeScenario)}`,
    );
  }
  if (!Array.isArray(values) || values.length === 0) {
    throw new InvalidArgumentError(
      MODULE,
      'values',
      `must be a non-empty array, got ${Array.isArray(values) ? '[]' : describeValue(values)}`,
    );
  }
  rejectWarmStart(options, MODULE, 'each value starts from the one before');
  const points: SweepPoint<V>[] = [];
  let previous: SimulationResult | undefined;
  for (const [i, value] of values.entries()) {
    const scenario: unknown = makeScenario(value);
    requireScenario(scenario, input.network, input.demand, MODULE, `makeScenario(values[${i}])`);
    const result: SimulationResult = await simulate(input, scenario, {
      ...options,
      ...(previous ? { warmStart: previous } : {}),
    });
    points.push({ value, result });
    previous = result;
  }
  return points;
}
