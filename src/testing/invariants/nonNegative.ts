/**
 * Invariant: no negative or non-finite volumes
 * ============================================
 */

import { checkShape, fmt, throwIfAny, tolerance } from './_internal.js';
import type { CheckableResult, ToleranceOptions, Violation } from './types.js';

/** Options of {@link checkNonNegative}. */
export interface NonNegativeOptions extends ToleranceOptions {}

/**
 * Check that every volume of a result is a finite number ≥ 0 (within the absolute tolerance): link
 * flows, OD demand, delivered and unmet volumes, path and corridor volumes; that link times are not
 * NaN or negative; and that node utilisations are not NaN or negative.
 *
 * @param result - reads `links`, `ods`, and `paths`, `corridors`, `nodes` when present
 * @param options - tolerances
 * @returns the violations (empty when the invariant holds)
 * @throws InvalidArgumentError when `result` lacks `links` or `ods`
 * @example expect(checkNonNegative(result)).toEqual([]);
 * @remarks Complexity O(L + ODs + paths + corridors + N).
 */
export function checkNonNegative(
  result: Pick<CheckableResult, 'links' | 'ods' | 'paths' | 'corridors' | 'nodes'>,
  options: NonNegativeOptions = {},
): Violation[] {
  checkShape(result, 'checkNonNegative', ['links', 'ods']);
  const tol = tolerance(options, 'checkNonNegative');
  const out: Violation[] = [];
  const volume = (subject: string, what: string, value: number) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < -tol.absolute) {
      out.push({
        invariant: 'non-negative',
        subject,
        message: `${what} is ${fmt(value)}, not a finite volume ≥ 0`,
        expected: 0,
        actual: value,
      });
    }
  };
  for (const link of result.links) {
    volume(`link ${link.id}`, 'flow', link.flow);
    if (typeof link.timeDays !== 'number' || Number.isNaN(link.timeDays) || link.timeDays < 0) {
      out.push({
        invariant: 'non-negative',
        subject: `link ${link.id}`,
        message: `timeDays is ${fmt(link.timeDays)}, not a time ≥ 0`,
        actual: link.timeDays,
      });
    }
  }
  for (const od of result.ods) {
    volume(`flow ${od.id}`, 'demand', od.demand);
    volume(`flow ${od.id}`, 'delivered', od.delivered);
    volume(`flow ${od.id}`, 'unmet', od.unmet);
  }
  (result.paths ?? []).forEach((path, i) => {
    volume(`path ${i} (flow ${path.flowId}/${path.segmentId})`, 'volume', path.volume);
  });
  for (const corridor of result.corridors ?? []) {
    volume(`corridor ${corridor.id}/${corridor.commodity}`, 'volume', corridor.volume);
  }
  for (const node of result.nodes ?? []) {
    for (const [commodity, u] of Object.entries(node.utilization)) {
      if (typeof u !== 'number' || Number.isNaN(u) || u < 0) {
        out.push({
          invariant: 'non-negative',
          subject: `node ${node.id}/${commodity}`,
          message: `handling utilization is ${fmt(u)}, not ≥ 0`,
          actual: u,
        });
      }
    }
  }
  return out;
}

/**
 * Like {@link checkNonNegative}, but throws.
 *
 * @param result - see {@link checkNonNegative}
 * @param options - tolerances
 * @throws InvariantError carrying every violation
 * @example assertNonNegative(await simulate(input, scenario));
 */
export function assertNonNegative(
  result: Pick<CheckableResult, 'links' | 'ods' | 'paths' | 'corridors' | 'nodes'>,
  options: NonNegativeOptions = {},
): void {
  throwIfAny(checkNonNegative(result, options));
}
