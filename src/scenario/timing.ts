/**
 * Timing of dated operations
 * ==========================
 *
 * A scenario is evaluated either as a whole (every operation in full, dates ignored), at a date
 * (operations in effect on that day, in full), or for a calendar year. For a year, a dated operation
 * counts with the fraction of the year it is in effect — the annual average: a 13-day border closure
 * removes 13/365 of that border's annual capacity; a link opening on 1 July carries half its annual
 * capacity in that year.
 */

import { decimalYear } from '../model/dates.js';
import { InvalidArgumentError, requireObject } from '../model/errors.js';
import type { OperationBase } from '../model/scenario.js';

/** When a scenario is evaluated. */
export type Timing =
  | { readonly kind: 'all' }
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'year'; readonly year: number };

/**
 * The share of the evaluated period during which an operation (or a dated state) is in effect.
 *
 * @param span - `from` (inclusive) and `until` (exclusive) ISO dates, each optional
 * @param timing - how the scenario is evaluated
 * @returns a weight in [0, 1]: 1 for undated operations or `all` timing
 * @throws InvalidArgumentError when the timing year is not an integer
 */
export function activeFraction(span: Pick<OperationBase, 'from' | 'until'>, timing: Timing): number {
  requireObject(span, 'corridor-sim/scenario', 'span', 'an object with optional from/until dates');
  requireObject(timing, 'corridor-sim/scenario', 'timing', "a Timing ({ kind: 'all' | 'date' | 'year' })");
  if (timing.kind === 'all') return 1;
  const from = span.from === undefined ? Number.NEGATIVE_INFINITY : decimalYear(span.from);
  const until = span.until === undefined ? Number.POSITIVE_INFINITY : decimalYear(span.until);
  if (timing.kind === 'date') {
    const at = decimalYear(timing.date);
    return from <= at && at < until ? 1 : 0;
  }
  if (!Number.isInteger(timing.year)) {
    throw new InvalidArgumentError(
      'corridor-sim/scenario',
      'options.year',
      `must be an integer year, got ${timing.year}`,
    );
  }
  const start = Math.max(from, timing.year);
  const end = Math.min(until, timing.year + 1);
  return end > start ? end - start : 0;
}
