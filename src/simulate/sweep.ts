/**
 * sweep: one parameter, many values
 * =================================
 *
 * `sweep(input, makeScenario, values)` simulates the scenario that `makeScenario(value)` builds for each
 * value, in order, warm-starting each run from the previous one (neighbouring values have neighbouring
 * equilibria, so later runs converge in a few iterations).
 */

import { InvalidArgumentError } from '../model/errors.js';
import type { Scenario } from '../model/scenario.js';
import type { SimulationResult } from './result.js';
import { type SimulateOptions, type SimulationInput, simulate } from './simulate.js';

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
 * @param options - year, solver, convergence
 * @returns one point per value
 * @example
 * await sweep(eurasia, (f) => ({ id: `titr-x${f}`, name: '', operations: [
 *   { kind: 'scale-capacity', target: { corridors: ['middle'] }, factor: f }] }), [1, 2, 3, 4, 5]);
 */
export async function sweep<V>(
  input: SimulationInput,
  makeScenario: (value: V) => Scenario,
  values: readonly V[],
  options: Omit<SimulateOptions, 'warmStart'> = {},
): Promise<SweepPoint<V>[]> {
  if (typeof makeScenario !== 'function') {
    throw new InvalidArgumentError(
      'corridor-sim/sweep',
      'makeScenario',
      'must be a function from a value to a scenario',
    );
  }
  if (!Array.isArray(values) || values.length === 0) {
    throw new InvalidArgumentError('corridor-sim/sweep', 'values', 'must be a non-empty array');
  }
  const points: SweepPoint<V>[] = [];
  let previous: SimulationResult | undefined;
  for (const value of values) {
    const result: SimulationResult = await simulate(input, makeScenario(value), {
      ...options,
      ...(previous ? { warmStart: previous } : {}),
    });
    points.push({ value, result });
    previous = result;
  }
  return points;
}
