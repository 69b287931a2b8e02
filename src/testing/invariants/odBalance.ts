/**
 * Invariant: every origin–destination flow is accounted for
 * =========================================================
 *
 * Per demand flow: delivered + unmet = demand; the demand is the applied demand's volume; and the
 * path volumes of the flow add up to what is delivered.
 */

import { appliedFlows, checkShape, fmt, throwIfAny, tolerance } from './_internal.js';
import type { CheckableResult, ToleranceOptions, Violation } from './types.js';

/** Options of {@link checkOdBalance}. */
export interface OdBalanceOptions extends ToleranceOptions {}

/**
 * Check that delivered + unmet = demand for every flow, that the demand matches the applied demand,
 * and that path volumes add up to the delivered volume.
 *
 * @param result - reads `ods`, `paths` (when present), `year` and `applied.demand`
 * @param options - tolerances (relative: times the flow's demand)
 * @returns the violations (empty when the invariant holds)
 * @throws InvalidArgumentError when `result` lacks `ods` or `applied`
 * @example expect(checkOdBalance(result)).toEqual([]);
 * @remarks Complexity O(ODs + paths).
 */
export function checkOdBalance(
  result: Pick<CheckableResult, 'ods' | 'paths' | 'applied' | 'year'>,
  options: OdBalanceOptions = {},
): Violation[] {
  checkShape(result, 'checkOdBalance', ['ods', 'applied']);
  const tol = tolerance(options, 'checkOdBalance');
  const flows = appliedFlows(result);
  const out: Violation[] = [];
  const onPaths = new Map<string, number>();
  for (const path of result.paths ?? [])
    onPaths.set(path.flowId, (onPaths.get(path.flowId) ?? 0) + path.volume);
  const seen = new Set<string>();
  for (const od of result.ods) {
    const subject = `flow ${od.id}`;
    seen.add(od.id);
    const scale = Math.max(od.demand, od.delivered + od.unmet);
    if (!tol.close(od.delivered + od.unmet, od.demand, scale)) {
      out.push({
        invariant: 'od-balance',
        subject,
        message: `delivered ${fmt(od.delivered)} + unmet ${fmt(od.unmet)} = ${fmt(od.delivered + od.unmet)}, not the demand ${fmt(od.demand)}`,
        expected: od.demand,
        actual: od.delivered + od.unmet,
      });
    }
    const flow = flows.get(od.id);
    if (!flow) {
      out.push({ invariant: 'od-balance', subject, message: 'is not a flow of the applied demand' });
    } else if (!tol.close(flow.volumePerYear, od.demand, Math.max(flow.volumePerYear, od.demand))) {
      out.push({
        invariant: 'od-balance',
        subject,
        message: `reports demand ${fmt(od.demand)}, but the applied demand is ${fmt(flow.volumePerYear)}`,
        expected: flow.volumePerYear,
        actual: od.demand,
      });
    }
    if (result.paths) {
      const routed = onPaths.get(od.id) ?? 0;
      if (!tol.close(routed, od.delivered, Math.max(routed, od.delivered))) {
        out.push({
          invariant: 'od-balance',
          subject,
          message: `its paths carry ${fmt(routed)}, but it reports ${fmt(od.delivered)} delivered`,
          expected: od.delivered,
          actual: routed,
        });
      }
    }
  }
  for (const [flowId, volume] of onPaths) {
    if (!seen.has(flowId)) {
      out.push({
        invariant: 'od-balance',
        subject: `flow ${flowId}`,
        message: `has paths carrying ${fmt(volume)} but no entry in result.ods`,
      });
    }
  }
  return out;
}

/**
 * Like {@link checkOdBalance}, but throws.
 *
 * @param result - see {@link checkOdBalance}
 * @param options - tolerances
 * @throws InvariantError carrying every violation
 * @example assertOdBalance(result);
 */
export function assertOdBalance(
  result: Pick<CheckableResult, 'ods' | 'paths' | 'applied' | 'year'>,
  options: OdBalanceOptions = {},
): void {
  throwIfAny(checkOdBalance(result, options));
}
