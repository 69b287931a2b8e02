/**
 * project: year-by-year results
 * =============================
 *
 * `project(input, timeline, years)` simulates each year with the timeline's dated operations (capacity
 * changes, openings, demand growth) in effect for that year, warm-starting each year from the previous
 * one. A timeline is a scenario whose operations carry `from` / `until` dates.
 */

import { requireScenario } from '../data/guards.js';
import { requireYear } from '../model/dates.js';
import { describeValue, InvalidArgumentError, optionsOf, requireArray } from '../model/errors.js';
import type { Scenario } from '../model/scenario.js';
import type { SimulationResult } from './result.js';
import {
  rejectWarmStart,
  requireSimulationInput,
  type SimulateOptions,
  type SimulationInput,
  simulate,
} from './simulate.js';

/** Options of {@link project}: those of `simulate` except the year and the warm start, which project sets. */
export type ProjectOptions = Omit<SimulateOptions, 'year' | 'warmStart'>;

const MODULE = 'corridor-sim/project';

/**
 * Simulate a timeline year by year.
 *
 * @param input - network and demand
 * @param timeline - dated operations (a scenario); the empty scenario projects the baseline
 * @param years - years to simulate, in any order (results come back in ascending order; repeats once)
 * @param options - solver and convergence options (not `year` nor `warmStart`: project sets them)
 * @returns one result per year, ascending
 * @throws InvalidArgumentError when input is not { network, demand }, timeline is not a Scenario,
 *   years is empty or holds a value that is not an integer year, options is not an object or sets
 *   `year` / `warmStart`; ValidationError when the timeline built in code is invalid for the network
 * @example const results = await project(eurasia, titrTimeline, [2024, 2025, 2026, 2027, 2028]);
 * @remarks One simulation per distinct year, each warm-started from the year before.
 */
export async function project(
  input: SimulationInput,
  timeline: Scenario,
  years: readonly number[],
  options: ProjectOptions = {},
): Promise<SimulationResult[]> {
  options = optionsOf(options, MODULE);
  requireSimulationInput(input, MODULE);
  requireScenario(timeline, input.network, input.demand, MODULE, 'timeline');
  requireArray(years, MODULE, 'years');
  if (years.length === 0) {
    throw new InvalidArgumentError(MODULE, 'years', 'must be a non-empty array of integer years, got []');
  }
  for (const [i, y] of years.entries()) requireYear(y, MODULE, `years[${i}]`);
  const own = options as SimulateOptions;
  if (own.year !== undefined) {
    throw new InvalidArgumentError(
      MODULE,
      'options.year',
      `is not used by project, which sets the year itself: use years (got ${describeValue(own.year)})`,
    );
  }
  rejectWarmStart(own, MODULE, 'each year starts from the year before');
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const results: SimulationResult[] = [];
  let previous: SimulationResult | undefined;
  for (const year of sorted) {
    const result: SimulationResult = await simulate(input, timeline, {
      ...options,
      year,
      ...(previous ? { warmStart: previous } : {}),
    });
    results.push(result);
    previous = result;
  }
  return results;
}
