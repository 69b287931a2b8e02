/**
 * Invariant: shares add up
 * ========================
 *
 * - Per commodity, corridor shares (every declared corridor plus `other`) sum to 1 when anything is
 *   delivered (0 otherwise), each share is its volume over the commodity's total, and the corridor
 *   volumes add up to the delivered volume of the commodity's flows.
 * - Per flow with deliveries, its corridor shares sum to 1; its country shares lie in [0, 1], and
 *   those of its origin's and destination's countries are 1 (every path touches both).
 * - Per flow of the applied demand, segment shares are ≥ 0, name declared segments and sum to 1.
 */

import { checkShape, fmt, throwIfAny, tolerance } from './_internal.js';
import type { CheckableResult, ToleranceOptions, Violation } from './types.js';

/** Options of {@link checkShares}. */
export interface SharesOptions extends ToleranceOptions {}

/**
 * Check that corridor, OD and segment shares add up.
 *
 * @param result - reads `corridors` (when present), `ods` and `applied` (node countries, segments)
 * @param options - tolerances (absolute on shares; relative on volumes)
 * @returns the violations (empty when the invariant holds)
 * @throws InvalidArgumentError when `result` lacks `ods` or `applied`
 * @example expect(checkShares(result)).toEqual([]);
 * @remarks Complexity O(corridors + ODs × (corridors + countries) + flows × segments).
 */
export function checkShares(
  result: Pick<CheckableResult, 'corridors' | 'ods' | 'applied'>,
  options: SharesOptions = {},
): Violation[] {
  checkShape(result, 'checkShares', ['ods', 'applied']);
  const tol = tolerance(options, 'checkShares');
  const graph = result.applied.network.graph;
  const out: Violation[] = [];
  const shareClose = (a: number, b: number) => Math.abs(a - b) <= tol.absolute + tol.relative;

  if (result.corridors) {
    const delivered = new Map<string, number>();
    for (const od of result.ods)
      delivered.set(od.commodity, (delivered.get(od.commodity) ?? 0) + od.delivered);
    const byCommodity = new Map<string, { volume: number; share: number }>();
    for (const c of result.corridors) {
      const sum = byCommodity.get(c.commodity) ?? { volume: 0, share: 0 };
      sum.volume += c.volume;
      sum.share += c.share;
      byCommodity.set(c.commodity, sum);
    }
    for (const c of result.corridors) {
      const total = byCommodity.get(c.commodity)!.volume;
      const expected = total > 0 ? c.volume / total : 0;
      if (!shareClose(c.share, expected)) {
        out.push({
          invariant: 'shares',
          subject: `corridor ${c.id}/${c.commodity}`,
          message: `share ${fmt(c.share)} is not its volume ${fmt(c.volume)} over the commodity's ${fmt(total)} (${fmt(expected)})`,
          expected,
          actual: c.share,
        });
      }
    }
    for (const [commodity, sum] of byCommodity) {
      const expected = sum.volume > 0 ? 1 : 0;
      if (!shareClose(sum.share, expected)) {
        out.push({
          invariant: 'shares',
          subject: `commodity ${commodity}`,
          message: `corridor shares sum to ${fmt(sum.share)}, not ${expected}`,
          expected,
          actual: sum.share,
        });
      }
      const got = delivered.get(commodity) ?? 0;
      if (!tol.close(sum.volume, got, Math.max(sum.volume, got))) {
        out.push({
          invariant: 'shares',
          subject: `commodity ${commodity}`,
          message: `corridor volumes add up to ${fmt(sum.volume)}, but its flows deliver ${fmt(got)}`,
          expected: got,
          actual: sum.volume,
        });
      }
    }
  }

  for (const od of result.ods) {
    if (!(od.delivered > tol.absolute)) continue;
    const subject = `flow ${od.id}`;
    const corridorSum = Object.values(od.corridorShares).reduce((a, b) => a + b, 0);
    if (!shareClose(corridorSum, 1)) {
      out.push({
        invariant: 'shares',
        subject,
        message: `corridor shares sum to ${fmt(corridorSum)}, not 1 (${JSON.stringify(od.corridorShares)})`,
        expected: 1,
        actual: corridorSum,
      });
    }
    for (const [country, share] of Object.entries(od.countryShares)) {
      if (!(share >= -tol.absolute && share <= 1 + tol.absolute)) {
        out.push({
          invariant: 'shares',
          subject,
          message: `country share of ${country} is ${fmt(share)}, outside [0, 1]`,
          actual: share,
        });
      }
    }
    for (const end of [od.origin, od.destination]) {
      if (!graph.hasNode(end)) continue;
      const country = graph.getNodeAttributes(end).country;
      const share = od.countryShares[country] ?? 0;
      if (!shareClose(share, 1)) {
        out.push({
          invariant: 'shares',
          subject,
          message: `country share of ${country} (the country of ${end}) is ${fmt(share)}, but every path touches it`,
          expected: 1,
          actual: share,
        });
      }
    }
  }

  const segments = new Set(result.applied.demand.segments.map((s) => s.id));
  result.applied.demand.flows.forEach((flow) => {
    if (!flow.segmentShares) return;
    const subject = `flow ${flow.id} (applied demand)`;
    let sum = 0;
    for (const [segment, share] of Object.entries(flow.segmentShares)) {
      sum += share;
      if (!segments.has(segment)) {
        out.push({
          invariant: 'shares',
          subject,
          message: `segment share names unknown segment ${JSON.stringify(segment)}`,
        });
      }
      if (!(share >= 0)) {
        out.push({
          invariant: 'shares',
          subject,
          message: `segment share of ${segment} is ${fmt(share)}, not ≥ 0`,
          actual: share,
        });
      }
    }
    if (!shareClose(sum, 1)) {
      out.push({
        invariant: 'shares',
        subject,
        message: `segment shares sum to ${fmt(sum)}, not 1`,
        expected: 1,
        actual: sum,
      });
    }
  });
  return out;
}

/**
 * Like {@link checkShares}, but throws.
 *
 * @param result - see {@link checkShares}
 * @param options - tolerances
 * @throws InvariantError carrying every violation
 * @example assertShares(result);
 */
export function assertShares(
  result: Pick<CheckableResult, 'corridors' | 'ods' | 'applied'>,
  options: SharesOptions = {},
): void {
  throwIfAny(checkShares(result, options));
}
