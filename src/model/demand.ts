/**
 * Demand
 * ======
 *
 * Origin–destination flows of a commodity per year, split into shipper segments. A segment has its
 * own value of time and may refuse to transit some countries or links (a shipper that avoids Russia).
 */

import { InvalidArgumentError, requireObject } from './errors.js';
import type { CommodityId, CountryCode, LinkId, NodeId, SegmentId } from './ids.js';
import type { ProvenanceMap } from './network.js';

/** The format version of demand documents this library reads and writes. */
export const DEMAND_FORMAT_VERSION = 1;

/** A class of shippers with its own preferences. */
export interface ShipperSegment {
  /** Unique id. */
  readonly id: SegmentId;
  /** Human name. */
  readonly name: string;
  /** Value of time, USD per unit (TEU or tonne) per day of transit. */
  readonly valueOfTimeUsdPerUnitDay: number;
  /** Countries this segment will not transit (ISO alpha-2). Origin and destination countries are exempt. */
  readonly avoidCountries?: readonly CountryCode[];
  /** Links this segment will not use. */
  readonly avoidLinks?: readonly LinkId[];
  /** Free text. */
  readonly description?: string;
  /** Provenance of the numeric fields. */
  readonly provenance?: ProvenanceMap;
}

/** One origin–destination flow. */
export interface DemandFlow {
  /** Unique id within the demand document. */
  readonly id: string;
  /** Origin node. */
  readonly origin: NodeId;
  /** Destination node. */
  readonly destination: NodeId;
  /** Commodity (declared by the network). */
  readonly commodity: CommodityId;
  /** Volume per year in the commodity's unit (TEU/yr, t/yr). */
  readonly volumePerYear: number;
  /** Year the volume refers to; omitted means every year. */
  readonly year?: number;
  /** Share of the volume in each segment (sums to 1); omitted means the demand's default segment. */
  readonly segmentShares?: Readonly<Record<SegmentId, number>>;
  /** Provenance of the numeric fields. */
  readonly provenance?: ProvenanceMap;
}

/** A demand document: segments and flows. Treat as immutable. */
export interface Demand {
  /** Shipper segments; the first one is the default for flows without `segmentShares`. */
  readonly segments: readonly ShipperSegment[];
  /** Origin–destination flows. */
  readonly flows: readonly DemandFlow[];
}

/** The segment used when a demand document declares none: no avoidance, value of time 0. */
export const DEFAULT_SEGMENT: ShipperSegment = Object.freeze({
  id: 'all',
  name: 'All shippers',
  valueOfTimeUsdPerUnitDay: 0,
});

/**
 * The flows of one year: flows dated that year plus undated flows.
 *
 * @param demand - the demand document
 * @param year - the year
 * @returns a new demand with only the flows that apply in `year`
 */
export function demandForYear(demand: Demand, year: number): Demand {
  requireDemandShape(demand);
  return { segments: demand.segments, flows: flowsOfYear(demand.flows, year) };
}

/** What is remembered of a flow list that cannot change: its dated years and its flows by year. */
interface FlowListMemo {
  years?: readonly number[];
  readonly byYear: Map<unknown, readonly DemandFlow[]>;
}

/**
 * Memos of the flow lists that cannot change: frozen, with every flow frozen (null: an array that is
 * frozen but holds a flow that is not).
 */
const FLOW_LISTS = new WeakMap<readonly DemandFlow[], FlowListMemo | null>();

/** The memo of `flows`, or undefined when it may still change (nothing is remembered of it). */
function memoOf(flows: readonly DemandFlow[]): FlowListMemo | undefined {
  if (!Object.isFrozen(flows)) return undefined;
  let memo = FLOW_LISTS.get(flows);
  if (memo === undefined) {
    memo = flows.every((f) => Object.isFrozen(f)) ? { byYear: new Map() } : null;
    FLOW_LISTS.set(flows, memo);
  }
  return memo ?? undefined;
}

/**
 * The distinct years of the dated flows, ascending (remembered for a list that cannot change: a
 * loaded demand's flows are read once, not on every simulation).
 *
 * @param flows - a demand's flows
 * @returns the years (shared: do not change)
 * @internal Used by simulate; not part of the package API.
 */
export function datedYears(flows: readonly DemandFlow[]): readonly number[] {
  const memo = memoOf(flows);
  if (memo?.years) return memo.years;
  const years = new Set<number>();
  for (const f of flows) if (f.year !== undefined) years.add(f.year);
  const sorted = [...years].sort((a, b) => a - b);
  if (memo) memo.years = sorted;
  return sorted;
}

/** The flows dated `year` or undated, in order, as a new array. */
function flowsOfYear(flows: readonly DemandFlow[], year: number): DemandFlow[] {
  const select = () => flows.filter((f) => f.year === undefined || f.year === year);
  const byYear = memoOf(flows)?.byYear;
  if (!byYear) return select();
  let selected = byYear.get(year);
  if (!selected) {
    selected = select();
    byYear.set(year, selected);
  }
  // a new array each time (spread: fast on any array, and the caller may change its copy)
  return [...selected];
}

/**
 * The segment shares of a flow, resolved against the demand's segments.
 *
 * @param demand - the demand document
 * @param flow - one of its flows
 * @returns pairs of segment and share (shares sum to 1)
 */
export function flowSegments(demand: Demand, flow: DemandFlow): { segment: ShipperSegment; share: number }[] {
  requireDemandShape(demand);
  requireObject(flow, 'corridor-sim/demand', 'flow', 'a DemandFlow');
  const segments = demand.segments.length > 0 ? demand.segments : [DEFAULT_SEGMENT];
  if (!flow.segmentShares) return [{ segment: segments[0]!, share: 1 }];
  const out: { segment: ShipperSegment; share: number }[] = [];
  for (const segment of segments) {
    const share = flow.segmentShares[segment.id];
    if (share !== undefined && share > 0) out.push({ segment, share });
  }
  return out;
}

/**
 * Throw unless `value` has the shape of a {@link Demand} (segments and flows arrays). `parseDemand`
 * validates every field; this is the cheap entry check of functions that take a demand.
 *
 * @param value - the argument
 * @throws InvalidArgumentError otherwise
 */
export function requireDemandShape(value: unknown): asserts value is Demand {
  const d = value as Partial<Demand> | null;
  if (typeof d !== 'object' || d === null || !Array.isArray(d.flows) || !Array.isArray(d.segments)) {
    throw new InvalidArgumentError(
      'corridor-sim/demand',
      'demand',
      'must be a Demand with segments and flows arrays (see parseDemand)',
    );
  }
}
