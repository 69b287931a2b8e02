/**
 * project: year-by-year results
 * =============================
 *
 * `project(input, timeline, years)` simulates each year with the timeline's dated operations (capacity
 * changes, openings, demand growth) in effect for that year, warm-starting each year from the previous
 * one. A timeline is a scenario whose operations carry `from` / `until` dates.
 */

import { InvalidArgumentError } from '../model/errors.js';
import type { Scenario } from '../model/scenario.js';
import type { SimulationResult } from './result.js';
import { type SimulateOptions, type SimulationInput, simulate } from './simulate.js';

/** Options of {@link project}: those of `simulate` except the year. */
export type ProjectOptions = Omit<SimulateOptions, 'year' | 'warmStart'>;

/**
 * Simulate a timeline year by year.
 *
 * @param input - network and demand
 * @param timeline - dated operations (a scenario); the empty scenario projects the baseline
 * @param years - years to simulate, in any order (results come back in ascending order)
 * @param options - solver and convergence options
 * @returns one result per year, ascending
 * @throws InvalidArgumentError when years is empty or holds a non-integer
 * @example const results = await project(eurasia, titrTimeline, [2024, 2025, 2026, 2027, 2028]);
 */
export async function project(
  input: SimulationInput,
  timeline: Scenario,
  years: readonly number[],
  options: ProjectOptions = {},
): Promise<SimulationResult[]> {
  if (!Array.isArray(years) || years.length === 0) {
    throw new InvalidArgumentError(
      'corridor-sim/project',
      'years',
      'must be a non-empty array of integer years',
    );
  }
  for (const y of years) {
    if (!Number.isInteger(y))
      throw new InvalidArgumentError(
        'corridor-sim/project',
        'years',
        `must hold integer years, got ${String(y)}`,
      );
  }
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
