/**
 * Comparing two simulations
 * =========================
 *
 * `compare(a, b)` lists the change of every reported figure from result `a` (usually a baseline) to
 * result `b` (a scenario): headline totals, corridor volumes and shares, country transit shares,
 * crude routes, OD costs and times, link flows and utilisation. Pure.
 *
 * A change that is floating-point residue (at most 1e-9 of the figure's scale, `RESIDUE_RELATIVE`) is
 * exactly 0, and a relative change is given only from a base that is not 0 or residue: the same
 * throughput summed over differently ordered paths differs in the last digits, which is no change.
 */

import { isResidue } from './aggregate.js';
import type { SimulationResult } from './result.js';
import { requireSimulationResult } from './simulate.js';

/** The change of one figure. */
export interface Delta {
  /** Value in `a`. */
  readonly before: number;
  /** Value in `b`. */
  readonly after: number;
  /** after − before; exactly 0 when that is floating-point residue of the figure's scale. */
  readonly change: number;
  /** change / |before|; NaN when before is 0 or itself residue of the figure's scale (no meaningful base). */
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
  /**
   * Headline totals: throughputTeu, divertedTeu, unmetTeu (scale: the market's demand, the larger of the
   * two results' throughput + diverted + unmet), crudeTonnes, crudeUnmetTonnes (scale: crude demand).
   */
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
 * A change of at most 1e-9 of `scale` (`RESIDUE_RELATIVE`) is floating-point residue and reported as
 * exactly 0; a `before` that small against a given `scale` is no base for a relative change (`relative`
 * is NaN, as for 0).
 *
 * @param before - value in a
 * @param after - value in b
 * @param scale - size of the quantity the figure is a part of (the market's demand for `unmetTeu`);
 *   @defaultValue the larger of |before| and |after|
 * @returns the delta
 * @example delta(100, 80).relative // -0.2
 * @example delta(5e-12, 0, 420_000) // { before: 5e-12, after: 0, change: 0, relative: NaN }
 */
export function delta(before: number, after: number, scale?: number): Delta {
  const size = scale ?? Math.max(Math.abs(before), Math.abs(after));
  const raw = after - before;
  const change = isResidue(raw, size) ? 0 : raw;
  // a base is residue only against a given scale: by default the scale is the figure itself
  const relative =
    before === 0 || (scale !== undefined && isResidue(before, scale))
      ? Number.NaN
      : change / Math.abs(before);
  return { before, after, change, relative };
}

function deltas(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
  options: { onlyChanged?: boolean; missing?: number; scale?: (key: string) => number | undefined } = {},
): Record<string, Delta> {
  const out: Record<string, Delta> = {};
  const missing = options.missing ?? 0;
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const d = delta(a.get(key) ?? missing, b.get(key) ?? missing, options.scale?.(key));
    if (options.onlyChanged && d.change === 0) continue; // residue is already 0
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
  // Totals are parts of a demand: a residue is judged against that demand, so that unmet TEU of 5e-12
  // in one result and 0 in the other is no change (and no -100 %).
  const marketDemand = (r: SimulationResult) => r.throughputTeu + r.divertedTeu + r.unmetTeu;
  const crudeDemand = (r: SimulationResult) => r.crude.totalTonnes + r.crude.unmetTonnes;
  const totalScale = new Map([
    ['throughputTeu', Math.max(marketDemand(a), marketDemand(b))],
    ['divertedTeu', Math.max(marketDemand(a), marketDemand(b))],
    ['unmetTeu', Math.max(marketDemand(a), marketDemand(b))],
    ['crudeTonnes', Math.max(crudeDemand(a), crudeDemand(b))],
    ['crudeUnmetTonnes', Math.max(crudeDemand(a), crudeDemand(b))],
  ]);
  const corridorKey = (c: { commodity: string; id: string }) => `${c.commodity}/${c.id}`;
  return {
    from: a.scenario,
    to: b.scenario,
    year: b.year,
    totals: deltas(totals(a), totals(b), { scale: (key) => totalScale.get(key) }),
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
