/**
 * Comparing two simulations
 * =========================
 *
 * `compare(a, b)` lists the change of every reported figure from result `a` (usually a baseline) to
 * result `b` (a scenario): headline totals, corridor volumes and shares, country transit shares,
 * crude routes, OD costs and times, link flows and utilisation. Pure.
 */

import type { SimulationResult } from './result.js';
import { requireSimulationResult } from './simulate.js';

/** The change of one figure. */
export interface Delta {
  /** Value in `a`. */
  readonly before: number;
  /** Value in `b`. */
  readonly after: number;
  /** after − before. */
  readonly change: number;
  /** (after − before) / |before|; NaN when before is 0. */
  readonly relative: number;
}

/** Deltas of every figure, keyed by id. */
export interface Comparison {
  /** Scenario of `a`. */
  readonly from: string;
  /** Scenario of `b`. */
  readonly to: string;
  /** Year of `b`. */
  readonly year: number;
  /** Headline totals: throughputTeu, divertedTeu, unmetTeu, crudeTonnes. */
  readonly totals: Readonly<Record<string, Delta>>;
  /** Corridor volume per `commodity/id`. */
  readonly corridorVolume: Readonly<Record<string, Delta>>;
  /** Corridor share per `commodity/id`. */
  readonly corridorShare: Readonly<Record<string, Delta>>;
  /** Overland transit share per country. */
  readonly countryTransitShare: Readonly<Record<string, Delta>>;
  /** Crude tonnes per export route. */
  readonly crudeByRoute: Readonly<Record<string, Delta>>;
  /** Mean transit days per OD flow. */
  readonly odTransitDays: Readonly<Record<string, Delta>>;
  /** Mean money cost per OD flow. */
  readonly odCostUsd: Readonly<Record<string, Delta>>;
  /** Flow per link (only links whose flow changed). */
  readonly linkFlow: Readonly<Record<string, Delta>>;
  /** Utilisation per link (only links whose utilisation changed). */
  readonly linkUtilization: Readonly<Record<string, Delta>>;
}

/**
 * The change of one figure.
 *
 * @param before - value in a
 * @param after - value in b
 * @returns the delta
 */
export function delta(before: number, after: number): Delta {
  const change = after - before;
  return { before, after, change, relative: before === 0 ? Number.NaN : change / Math.abs(before) };
}

function deltas(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
  options: { onlyChanged?: boolean; missing?: number } = {},
): Record<string, Delta> {
  const out: Record<string, Delta> = {};
  const missing = options.missing ?? 0;
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const d = delta(a.get(key) ?? missing, b.get(key) ?? missing);
    if (options.onlyChanged && Math.abs(d.change) <= 1e-9 * Math.max(1, Math.abs(d.before))) continue;
    out[key] = d;
  }
  return out;
}

const entries = <T>(items: readonly T[], key: (x: T) => string, value: (x: T) => number) =>
  new Map(items.map((x) => [key(x), value(x)]));

/**
 * Deltas of every figure from `a` to `b`.
 *
 * @param a - the reference result (baseline)
 * @param b - the result to compare
 * @returns the comparison
 * @example const diff = compare(baseline, avoidRussia); diff.corridorShare['container/middle'].change
 */
export function compare(a: SimulationResult, b: SimulationResult): Comparison {
  requireSimulationResult(a, 'corridor-sim/compare', 'a');
  requireSimulationResult(b, 'corridor-sim/compare', 'b');
  const totals = (r: SimulationResult) =>
    new Map([
      ['throughputTeu', r.throughputTeu],
      ['divertedTeu', r.divertedTeu],
      ['unmetTeu', r.unmetTeu],
      ['crudeTonnes', r.crude.totalTonnes],
      ['crudeUnmetTonnes', r.crude.unmetTonnes],
    ]);
  const corridorKey = (c: { commodity: string; id: string }) => `${c.commodity}/${c.id}`;
  return {
    from: a.scenario,
    to: b.scenario,
    year: b.year,
    totals: deltas(totals(a), totals(b)),
    corridorVolume: deltas(
      entries(a.corridors, corridorKey, (c) => c.volume),
      entries(b.corridors, corridorKey, (c) => c.volume),
    ),
    corridorShare: deltas(
      entries(a.corridors, corridorKey, (c) => c.share),
      entries(b.corridors, corridorKey, (c) => c.share),
    ),
    countryTransitShare: deltas(
      new Map(Object.entries(a.countryTransitShare)),
      new Map(Object.entries(b.countryTransitShare)),
    ),
    crudeByRoute: deltas(new Map(Object.entries(a.crude.byRoute)), new Map(Object.entries(b.crude.byRoute))),
    odTransitDays: deltas(
      entries(
        a.ods,
        (o) => o.id,
        (o) => o.meanTransitDays,
      ),
      entries(
        b.ods,
        (o) => o.id,
        (o) => o.meanTransitDays,
      ),
      { missing: Number.NaN },
    ),
    odCostUsd: deltas(
      entries(
        a.ods,
        (o) => o.id,
        (o) => o.meanCostUsd,
      ),
      entries(
        b.ods,
        (o) => o.id,
        (o) => o.meanCostUsd,
      ),
      { missing: Number.NaN },
    ),
    linkFlow: deltas(
      entries(
        a.links,
        (l) => l.id,
        (l) => l.flow,
      ),
      entries(
        b.links,
        (l) => l.id,
        (l) => l.flow,
      ),
      { onlyChanged: true },
    ),
    linkUtilization: deltas(
      entries(
        a.links,
        (l) => l.id,
        (l) => l.utilization,
      ),
      entries(
        b.links,
        (l) => l.id,
        (l) => l.utilization,
      ),
      { onlyChanged: true },
    ),
  };
}
