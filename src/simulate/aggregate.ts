/**
 * From routed paths to reported figures
 * =====================================
 *
 * Every solver ends with path flows (the min-cost solver decomposes its arc flows into paths). This
 * module turns them into what users read: link and node flows and utilisation, corridor volumes and
 * shares, per-OD cost, time, corridor and country shares, the share of overland China→Europe container
 * flow that transits each country, volume diverted to sea or unmet, crude by export route, and the
 * bottlenecks. Pure; independent of the solver.
 *
 * Definitions
 * - A path belongs to the first corridor (in network order) it matches ({@link pathMatchesCorridor});
 *   otherwise to `other`.
 * - A path is overland when its corridor is marked `overland`, or, when it matches no corridor, when it
 *   uses no `sea` link.
 * - "China→Europe" flows are container flows from a node in one of `corridorMarket.origins` (default
 *   CN) to a node in one of `corridorMarket.destinations` (default: the European countries below).
 * - `countryTransitShare[C]` = overland China→Europe volume whose path touches country C (a link's
 *   `countries` or a node's country) / all overland China→Europe volume. This is the quantity behind
 *   "85 % of overland China→Europe transit passes Kazakhstan".
 * - Unmet demand of a flow is exactly 0 when what the solver leaves undelivered is a floating-point
 *   residue ({@link isResidue}): demand minus the path flows that carry it comes out at a few units in
 *   the last place (~1e-16 of the demand), which must not reach users as "1.8e-12 TEU unmet".
 */

import { scratchArena, type TypedArena } from '../algorithms/_internal/arena.js';
import type { CompiledNetwork } from '../algorithms/_internal/compile.js';
import type { Demand } from '../model/demand.js';
import { countryFlags, countryIndex } from './countries.js';
import type { PathFlows } from './path-flows.js';
import {
  createRouteTable,
  ROUTE_CORRIDOR,
  ROUTE_COUNTRY_FROM,
  ROUTE_COUNTRY_TO,
  ROUTE_FIELDS,
  ROUTE_OVERLAND,
} from './route-classifier.js';

/** European countries counted as destinations of China→Europe trade (EU-27, EFTA, UK, Western Balkans, UA, MD). */
export const EUROPEAN_COUNTRIES: readonly string[] = Object.freeze(
  (
    'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE ' +
    'GB NO CH IS LI AL BA ME MK RS XK UA MD'
  ).split(' '),
);

/** One demand flow (or segment of it) on one path. */
export interface RoutedPath {
  /** Demand flow id. */
  readonly flowId: string;
  /** Shipper segment id. */
  readonly segmentId: string;
  /** Volume per year on this path. */
  readonly volume: number;
  /** Arc indices of the compiled network, in order. */
  readonly arcs: readonly number[];
}

/** Which flows count as the China→Europe overland market. */
export interface CorridorMarket {
  /** Origin countries. */
  readonly origins: readonly string[];
  /** Destination countries. */
  readonly destinations: readonly string[];
  /** Commodity. */
  readonly commodity: string;
}

/** The default market: containers from China to Europe. */
export const CHINA_EUROPE: CorridorMarket = Object.freeze({
  origins: Object.freeze(['CN']),
  destinations: EUROPEAN_COUNTRIES,
  commodity: 'container',
});

/** A link in the result. */
export interface LinkResult {
  readonly id: string;
  readonly commodity: string;
  /** Volume per year. */
  readonly flow: number;
  /** Capacity per year (Infinity when uncapacitated, 0 when closed). */
  readonly capacity: number;
  /** flow / capacity (0 when uncapacitated). */
  readonly utilization: number;
  /** Transit time at this flow, days, including the dwell at the arrival node when it is not split. */
  readonly timeDays: number;
}

/** A node in the result. */
export interface NodeResult {
  readonly id: string;
  /** Volume per year arriving at the node, per commodity. */
  readonly flow: Readonly<Record<string, number>>;
  /** Handling capacity per commodity, where declared. */
  readonly capacity: Readonly<Record<string, number>>;
  /** Handling utilisation per commodity, where a capacity is declared. */
  readonly utilization: Readonly<Record<string, number>>;
  /** Time spent at the node per commodity (dwell plus queueing at this flow), days, where a capacity is declared. */
  readonly timeDays: Readonly<Record<string, number>>;
}

/** A corridor in the result. */
export interface CorridorResult {
  readonly id: string;
  readonly name: string;
  readonly commodity: string;
  /** Volume per year on paths of this corridor. */
  readonly volume: number;
  /** Share of the commodity's delivered volume. */
  readonly share: number;
  /** Volume-weighted mean transit time, days (NaN when unused). */
  readonly meanTransitDays: number;
  /** Volume-weighted mean money cost, USD per unit (NaN when unused). */
  readonly meanCostUsd: number;
}

/** One demand flow in the result. */
export interface OdResult {
  readonly id: string;
  readonly origin: string;
  readonly destination: string;
  readonly commodity: string;
  /** Demand per year. */
  readonly demand: number;
  /** Delivered per year. */
  readonly delivered: number;
  /**
   * Not delivered per year (no path, or over capacity in the min-cost solver); exactly 0 when what is
   * left is floating-point residue (at most 1e-9 of the demand, see `RESIDUE_RELATIVE`).
   */
  readonly unmet: number;
  /** Volume-weighted mean transit time, days. */
  readonly meanTransitDays: number;
  /** Volume-weighted mean money cost, USD per unit. */
  readonly meanCostUsd: number;
  /** Share of delivered volume by corridor id (`other` for unmatched paths). */
  readonly corridorShares: Readonly<Record<string, number>>;
  /** Share of delivered volume touching each country. */
  readonly countryShares: Readonly<Record<string, number>>;
}

/** A saturated or priced capacity. */
export interface Bottleneck {
  /** Link id, or node id for node handling. */
  readonly id: string;
  readonly kind: 'link' | 'node';
  readonly commodity: string;
  readonly utilization: number;
  /** Shadow price of the capacity, USD per unit per year of extra capacity (min-cost solver). */
  readonly shadowPriceUsd?: number;
}

/** Aggregated figures of one simulation. */
export interface Aggregates {
  readonly links: readonly LinkResult[];
  readonly nodes: readonly NodeResult[];
  readonly corridors: readonly CorridorResult[];
  readonly ods: readonly OdResult[];
  /** Overland China→Europe (the market) share transiting each country. */
  readonly countryTransitShare: Readonly<Record<string, number>>;
  /** Market volume delivered over land, per year. */
  readonly throughputTeu: number;
  /** Market volume delivered by sea (diverted from land), per year. */
  readonly divertedTeu: number;
  /** Market volume not delivered, per year (the flows' `unmet`: exactly 0 when all is delivered). */
  readonly unmetTeu: number;
  /** Delivered volume per commodity. */
  readonly deliveredByCommodity: Readonly<Record<string, number>>;
  /** Saturated capacities, most utilised first. */
  readonly bottlenecks: readonly Bottleneck[];
}

/** Inputs of {@link aggregate}. */
export interface AggregateInput {
  readonly compiled: CompiledNetwork;
  readonly demand: Demand;
  /**
   * Path flows of the equilibrium or logit solver, split to demand flows (./path-flows.ts): read
   * before `paths`, as if they were the routed paths they stand for.
   */
  readonly pathFlows?: PathFlows;
  /** Routed paths (after those of `pathFlows`). */
  readonly paths: readonly RoutedPath[];
  /** Volume per arc. */
  readonly arcFlow: Float64Array;
  /** Transit time per arc at that volume, days. */
  readonly arcTimeDays: Float64Array;
  /** Effective capacity per arc (0 for inactive arcs). */
  readonly arcCapacity: Float64Array;
  /** Unmet volume per demand flow id. */
  readonly unmet?: ReadonlyMap<string, number>;
  /** Shadow price per arc (min-cost solver). */
  readonly shadowPrice?: Float64Array;
  /** Market definition. */
  readonly market?: CorridorMarket;
  /** Utilisation at or above which a capacity is a bottleneck (default 0.98). */
  readonly bottleneckThreshold?: number;
}

const DEFAULTS = { bottleneckThreshold: 0.98 };

/**
 * Relative size below which a difference of two figures that should cancel is floating-point residue,
 * not data: `|x| ≤ 1e-9 × scale` is zero, the scale being the quantity the residue is a part of (a
 * flow's demand for its unmet volume, the market's demand for a change of throughput).
 *
 * Why 1e-9: sums that should cancel (demand − Σ path flows; the same throughput summed in another
 * order) leave ~1e-16 of their terms, a few units in the last place — measured at most 7.4e-16 of the
 * demand over every OD of the bundled scenarios in 2023, 2024, 2026 and 2030 under all three solvers.
 * 1e-9 is six orders of magnitude above that, and far below any figure worth reading: 1e-9 of the
 * 420,000 TEU overland market is 0.0004 TEU a year; genuine unmet demand in those runs is at least 2 %
 * of a flow. It removes rounding, not convergence error: the equilibrium's figures are accurate to its
 * relative gap (1e-6 by default), and differences at that level stay visible. The min-cost solver adds
 * an absolute floor, the LP's own tolerance (see `LP_FEASIBILITY_TOLERANCE` in min-cost.ts).
 */
export const RESIDUE_RELATIVE = 1e-9;

/**
 * Whether `value` is a floating-point residue of a quantity of size `scale` (see
 * {@link RESIDUE_RELATIVE}).
 *
 * @param value - the difference, or remainder, to judge
 * @param scale - size of the quantity it is a part of; a non-finite scale gives no tolerance
 * @param floor - absolute tolerance under which `value` is a residue whatever the scale (a solver's own
 *   tolerance, in the units of `value`) @defaultValue 0
 * @returns true when |value| ≤ max(RESIDUE_RELATIVE × |scale|, floor); false for NaN
 */
export function isResidue(value: number, scale: number, floor = 0): boolean {
  const relative = Number.isFinite(scale) ? RESIDUE_RELATIVE * Math.abs(scale) : 0;
  return Math.abs(value) <= Math.max(relative, floor);
}

/**
 * `value`, or exactly 0 when it is a residue of a quantity of size `scale` ({@link isResidue}).
 *
 * @param value - the difference to clean
 * @param scale - size of the quantity it is a part of
 * @returns 0 or `value`
 */
export function withoutResidue(value: number, scale: number): number {
  return isResidue(value, scale) ? 0 : value;
}

/**
 * Aggregate routed paths into reported figures.
 *
 * @param input - compiled network, demand, paths and arc states
 * @returns links, nodes, corridors, ODs, country shares, throughput, bottlenecks
 * @remarks Complexity O(Σ path length + distinct routes × path length × corridors + arcs + flows ×
 *   (corridors + countries)).
 */
export function aggregate(input: AggregateInput): Aggregates {
  const scratch = scratchArena();
  try {
    return aggregateWith(input, scratch);
  } finally {
    scratch.release();
  }
}

/** {@link aggregate} with its accumulators in `scratch` (dead when it returns). */
function aggregateWith(input: AggregateInput, scratch: TypedArena): Aggregates {
  const { compiled, demand, paths, arcFlow, arcTimeDays, arcCapacity, shadowPrice } = input;
  const market = input.market ?? CHINA_EUROPE;
  const threshold = input.bottleneckThreshold ?? DEFAULTS.bottleneckThreshold;
  const { commodityIds, nodeIds, linkIds, nodeIndex, linkCount, arcCommodity, arcNode, vertexNode } =
    compiled;
  const corridorList = compiled.network.corridors;
  const flows = demand.flows;
  const countryIdx = countryIndex(compiled);
  const { nodeCountry } = countryIdx;
  const countryNames = countryIdx.countries;

  // Accumulators indexed by demand flow, corridor slot (declared corridors in network order, then
  // `other` per commodity in commodity order) and country, in typed arrays: the per-path loop below
  // runs for every routed path.
  const F = flows.length;
  const R = corridorList.length;
  const C = commodityIds.length;
  const S = R + C;
  const K = countryNames.length;
  const N = nodeIds.length;
  // One float array and one int array hold every accumulator and per-flow table, at the offsets
  // below (each typed array is a separate allocation, costlier than the loops that fill it).
  const SLOT_VOLUME = 0;
  const SLOT_TIME = S;
  const SLOT_COST = 2 * S;
  const OD_DELIVERED = 3 * S;
  const OD_TIME = OD_DELIVERED + F;
  const OD_COST = OD_TIME + F;
  const MARKET_COUNTRY = OD_COST + F;
  const DELIVERED = MARKET_COUNTRY + K; // per commodity index
  const ARRIVING = DELIVERED + C; // per node × commodity
  const OD_SLOT = ARRIVING + N * C; // per flow × slot
  const OD_COUNTRY = OD_SLOT + F * S; // per flow × country
  const acc = scratch.f64(OD_COUNTRY + F * K);
  const ORIGIN = 0; // origin node index per flow
  const COMMODITY = F; // commodity index per flow
  const IN_MARKET = 2 * F; // 1 per flow of the market
  const WRITTEN = 3 * F; // 1 per node × commodity once written to the node's record
  const ints = scratch.i32(WRITTEN + N * C);
  // the commodities in the order paths first deliver them
  const deliveredOrder: number[] = [];

  // Per flow: origin node, commodity index, and whether it belongs to the market (its origin and
  // destination countries compared as country indices).
  const isOrigin = countryFlags(countryIdx, market.origins);
  const isDestination = countryFlags(countryIdx, market.destinations);
  for (let f = 0; f < F; f++) {
    const flow = flows[f]!;
    const origin = nodeIndex.get(flow.origin)!;
    ints[ORIGIN + f] = origin;
    ints[COMMODITY + f] = commodityIds.indexOf(flow.commodity);
    if (
      flow.commodity === market.commodity &&
      isOrigin[nodeCountry[origin]!] === 1 &&
      isDestination[nodeCountry[nodeIndex.get(flow.destination)!]!] === 1
    ) {
      ints[IN_MARKET + f] = 1;
    }
  }

  // What depends only on the route (corridor, countries, time, cost) is computed once per distinct
  // route by the route table.
  const pathFlows = input.pathFlows;
  const routes = createRouteTable(
    compiled,
    arcTimeDays,
    ((paths.length + (pathFlows?.set.pathFlow.length ?? 0)) >> 1) + 16,
  );
  let marketOverland = 0;
  let marketSea = 0;
  /** Volume `v` > 0 of flow `f` on route `r`. */
  const addRouted = (f: number, v: number, r: number, c: number): void => {
    const route = routes.routes;
    const at = r * ROUTE_FIELDS;
    const corridor = route[at + ROUTE_CORRIDOR]!;
    const slot = corridor >= 0 ? corridor : R + c;
    const time = routes.sums[2 * r]!;
    const cost = routes.sums[2 * r + 1]!;
    acc[SLOT_VOLUME + slot]! += v;
    acc[SLOT_TIME + slot]! += v * time;
    acc[SLOT_COST + slot]! += v * cost;
    // v > 0: a commodity has delivered nothing only until its first path
    if (acc[DELIVERED + c] === 0) deliveredOrder.push(c);
    acc[DELIVERED + c]! += v;
    acc[OD_DELIVERED + f]! += v;
    acc[OD_TIME + f]! += v * time;
    acc[OD_COST + f]! += v * cost;
    acc[OD_SLOT + f * S + slot]! += v;
    const list = routes.countryList;
    const from = route[at + ROUTE_COUNTRY_FROM]!;
    const to = route[at + ROUTE_COUNTRY_TO]!;
    const row = OD_COUNTRY + f * K;
    for (let i = from; i < to; i++) acc[row + list[i]!]! += v;
    if (ints[IN_MARKET + f] === 1) {
      if (route[at + ROUTE_OVERLAND] === 1) {
        marketOverland += v;
        for (let i = from; i < to; i++) acc[MARKET_COUNTRY + list[i]!]! += v;
      } else {
        marketSea += v;
      }
    }
  };
  // The solver's paths, each split between the demand flows of its OD, which share its origin and
  // commodity: its route is found once.
  if (pathFlows) {
    const { set, groupStart, flowIndex, flowVolume, groupTotal } = pathFlows;
    for (let od = 0; od < set.odClass.length; od++) {
      const total = groupTotal[od]!;
      if (!(total > 0)) continue;
      const first = groupStart[od]!;
      const end = groupStart[od + 1]!;
      if (first === end) continue;
      const c = ints[COMMODITY + flowIndex[first]!]!;
      if (c < 0) continue; // a commodity the network does not declare: never routed
      const origin = ints[ORIGIN + flowIndex[first]!]!;
      for (let p = set.odPathStart[od]!; p < set.odPathStart[od + 1]!; p++) {
        const fp = set.pathFlow[p]!;
        if (!(fp > 0)) continue;
        let r = -1;
        for (let g = first; g < end; g++) {
          const v = (fp * flowVolume[g]!) / total;
          if (!(v > 0)) continue;
          if (r < 0)
            r = routes.findIn(set.pathArcs, set.pathArcStart[p]!, set.pathArcStart[p + 1]!, origin, c);
          addRouted(flowIndex[g]!, v, r, c);
        }
      }
    }
  }
  // Paths come grouped by flow, mostly in demand order: the flow of a path is looked up by id only
  // when it is neither the flow of the previous path nor the next one.
  let flowById: Map<string, number> | undefined;
  let f = -1;
  for (let p = 0; p < paths.length; p++) {
    const path = paths[p]!;
    const v = path.volume;
    if (!(v > 0)) continue;
    const id = path.flowId;
    if (f < 0 || flows[f]!.id !== id) {
      if (f + 1 < F && flows[f + 1]!.id === id) f++;
      else {
        if (flowById === undefined) {
          flowById = new Map();
          for (let i = 0; i < F; i++) flowById.set(flows[i]!.id, i);
        }
        const found = flowById.get(id);
        if (found === undefined) continue;
        f = found;
      }
    }
    const c = ints[COMMODITY + f]!;
    if (c < 0) continue; // a commodity the network does not declare: never routed
    addRouted(f, v, routes.find(path.arcs, ints[ORIGIN + f]!, c), c);
  }

  // Links and node arcs.
  const links: LinkResult[] = new Array(linkCount);
  const bottlenecks: Bottleneck[] = [];
  for (let e = 0; e < linkCount; e++) {
    const capacity = arcCapacity[e]!;
    const flow = arcFlow[e]!;
    const utilization =
      capacity === Number.POSITIVE_INFINITY ? 0 : capacity > 0 ? flow / capacity : flow > 0 ? Infinity : 0;
    const commodity = commodityIds[arcCommodity[e]!]!;
    const id = linkIds[e]!;
    links[e] = { id, commodity, flow, capacity, utilization, timeDays: arcTimeDays[e]! };
    const price = shadowPrice?.[e] ?? 0;
    if ((capacity > 0 && utilization >= threshold) || price > 1e-9) {
      bottlenecks.push(bottleneck(id, 'link', commodity, utilization, shadowPrice, price));
    }
  }
  // Per node and commodity, in the order the arcs meet them (the order of the records' keys): summed
  // per (node, commodity) in arc order, then written once per pair in the order of first arrival.
  const heads = compiled.csr.head;
  for (let e = 0; e < linkCount; e++)
    acc[ARRIVING + vertexNode[heads[e]!]! * C + arcCommodity[e]!]! += arcFlow[e]!;
  const nodes: NodeResult[] = new Array(N);
  for (let n = 0; n < N; n++)
    nodes[n] = { id: nodeIds[n]!, flow: {}, capacity: {}, utilization: {}, timeDays: {} };
  for (let e = 0; e < linkCount; e++) {
    const n = vertexNode[heads[e]!]!;
    const k = n * C + arcCommodity[e]!;
    if (ints[WRITTEN + k] === 1) continue;
    ints[WRITTEN + k] = 1;
    (nodes[n]!.flow as Record<string, number>)[commodityIds[arcCommodity[e]!]!] = acc[ARRIVING + k]!;
  }
  const arcCount = compiled.csr.arcCount;
  for (let e = linkCount; e < arcCount; e++) {
    const n = arcNode[e]!;
    const node = nodes[n]!;
    const commodity = commodityIds[arcCommodity[e]!]!;
    const capacity = arcCapacity[e]!;
    const utilization = capacity > 0 ? arcFlow[e]! / capacity : 0;
    (node.capacity as Record<string, number>)[commodity] = capacity;
    (node.utilization as Record<string, number>)[commodity] = utilization;
    (node.timeDays as Record<string, number>)[commodity] = arcTimeDays[e]!;
    const price = shadowPrice?.[e] ?? 0;
    if ((capacity > 0 && utilization >= threshold) || price > 1e-9) {
      bottlenecks.push(bottleneck(nodeIds[n]!, 'node', commodity, utilization, shadowPrice, price));
    }
  }
  bottlenecks.sort(
    (a, b) =>
      b.utilization - a.utilization ||
      (b.shadowPriceUsd ?? 0) - (a.shadowPriceUsd ?? 0) ||
      a.id.localeCompare(b.id),
  );

  // Corridors: every declared corridor, then `other` per commodity when used.
  const corridors: CorridorResult[] = [];
  for (let i = 0; i < S; i++) {
    const volume = acc[SLOT_VOLUME + i]!;
    let id: string;
    let name: string;
    let commodity: string;
    let total: number;
    if (i < R) {
      const corridor = corridorList[i]!;
      id = corridor.id;
      name = corridor.name;
      commodity = corridor.commodity;
      const c = commodityIds.indexOf(commodity);
      total = c < 0 ? 0 : acc[DELIVERED + c]!;
    } else {
      if (!(volume > 0)) continue;
      id = 'other';
      name = 'Other routes';
      commodity = commodityIds[i - R]!;
      total = acc[DELIVERED + i - R]!;
    }
    corridors.push({
      id,
      name,
      commodity,
      volume,
      share: total > 0 ? volume / total : 0,
      meanTransitDays: volume > 0 ? acc[SLOT_TIME + i]! / volume : Number.NaN,
      meanCostUsd: volume > 0 ? acc[SLOT_COST + i]! / volume : Number.NaN,
    });
  }

  let marketUnmet = 0;
  const unmetById = input.unmet;
  const ods: OdResult[] = new Array(F);
  for (let f = 0; f < F; f++) {
    const flow = flows[f]!;
    const got = acc[OD_DELIVERED + f]!;
    const corridorShares: Record<string, number> = {};
    const countryShares: Record<string, number> = {};
    if (got > 0) {
      const slotRow = OD_SLOT + f * S;
      for (let i = 0; i < S; i++) {
        const v = acc[slotRow + i]!;
        if (v > 0) corridorShares[i < R ? corridorList[i]!.id : 'other'] = v / got;
      }
      const countryRow = OD_COUNTRY + f * K;
      for (let i = 0; i < K; i++) {
        const v = acc[countryRow + i]!;
        if (v > 0) countryShares[countryNames[i]!] = v / got;
      }
    }
    // What the solver reports unmet, or else what the paths leave of the demand: 0 when a residue.
    const short = unmetById?.get(flow.id) ?? flow.volumePerYear - got;
    const unmet = isResidue(short, flow.volumePerYear) ? 0 : Math.max(0, short);
    if (ints[IN_MARKET + f] === 1) marketUnmet += unmet;
    ods[f] = {
      id: flow.id,
      origin: flow.origin,
      destination: flow.destination,
      commodity: flow.commodity,
      demand: flow.volumePerYear,
      delivered: got,
      unmet,
      meanTransitDays: got > 0 ? acc[OD_TIME + f]! / got : Number.NaN,
      meanCostUsd: got > 0 ? acc[OD_COST + f]! / got : Number.NaN,
      corridorShares,
      countryShares,
    };
  }

  // Countries by share, largest first (ties by code).
  const transit: number[] = [];
  for (let i = 0; i < K; i++) if (acc[MARKET_COUNTRY + i]! > 0) transit.push(i);
  transit.sort(
    (a, b) =>
      acc[MARKET_COUNTRY + b]! - acc[MARKET_COUNTRY + a]! || countryNames[a]!.localeCompare(countryNames[b]!),
  );
  const countryTransitShare: Record<string, number> = {};
  for (const i of transit)
    countryTransitShare[countryNames[i]!] =
      marketOverland > 0 ? acc[MARKET_COUNTRY + i]! / marketOverland : 0;
  const deliveredByCommodity: Record<string, number> = {};
  for (const c of deliveredOrder) deliveredByCommodity[commodityIds[c]!] = acc[DELIVERED + c]!;
  return {
    links,
    nodes,
    corridors,
    ods,
    countryTransitShare,
    throughputTeu: marketOverland,
    divertedTeu: marketSea,
    unmetTeu: marketUnmet,
    deliveredByCommodity,
    bottlenecks,
  };
}

/** A bottleneck; `shadowPriceUsd` present exactly when the solver priced capacities. */
function bottleneck(
  id: string,
  kind: 'link' | 'node',
  commodity: string,
  utilization: number,
  prices: Float64Array | undefined,
  price: number,
): Bottleneck {
  return prices
    ? { id, kind, commodity, utilization, shadowPriceUsd: price }
    : { id, kind, commodity, utilization };
}
