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

import type { CompiledNetwork } from '../algorithms/_internal/compile.js';
import type { Demand, DemandFlow } from '../model/demand.js';
import { type ClassifiedRoute, createRouteClassifier } from './route-classifier.js';

/** European countries counted as destinations of China→Europe trade (EU-27, EFTA, UK, Western Balkans, UA, MD). */
export const EUROPEAN_COUNTRIES: readonly string[] = (
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE ' +
  'GB NO CH IS LI AL BA ME MK RS XK UA MD'
).split(' ');

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
export const CHINA_EUROPE: CorridorMarket = {
  origins: ['CN'],
  destinations: EUROPEAN_COUNTRIES,
  commodity: 'container',
};

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

function addTo(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

/**
 * Aggregate routed paths into reported figures.
 *
 * @param input - compiled network, demand, paths and arc states
 * @returns links, nodes, corridors, ODs, country shares, throughput, bottlenecks
 * @remarks Complexity O(Σ path length × corridors + arcs).
 */
export function aggregate(input: AggregateInput): Aggregates {
  const { compiled, demand, paths, arcFlow, arcTimeDays, arcCapacity } = input;
  const market = input.market ?? CHINA_EUROPE;
  const threshold = input.bottleneckThreshold ?? DEFAULTS.bottleneckThreshold;
  const network = compiled.network;
  const graph = network.graph;
  const originSet = new Set(market.origins);
  const destinationSet = new Set(market.destinations);
  const isMarket = (flow: DemandFlow) =>
    flow.commodity === market.commodity &&
    originSet.has(graph.getNodeAttributes(flow.origin).country) &&
    destinationSet.has(graph.getNodeAttributes(flow.destination).country);
  const classifier = createRouteClassifier(compiled, arcTimeDays);

  // Accumulators indexed by demand flow, corridor slot (declared corridors, then `other` per
  // commodity) and country, in typed arrays: the per-path loop below runs for every routed path.
  const F = demand.flows.length;
  const flowIndex = new Map(demand.flows.map((f, i) => [f.id, i]));
  const slots: { id: string; name: string; commodity: string }[] = network.corridors.map((c) => ({
    id: c.id,
    name: c.name,
    commodity: c.commodity,
  }));
  // slot of each corridor (routes are classified by corridor object), then `other` per commodity
  const corridorSlot = new Map(network.corridors.map((c, i) => [c, i]));
  const otherSlot = new Map<string, number>();
  for (const commodity of Object.keys(network.commodities)) {
    otherSlot.set(commodity, slots.length);
    slots.push({ id: 'other', name: 'Other routes', commodity });
  }
  const S = slots.length;
  const countryNames = classifier.countries;
  const K = countryNames.length;
  const slotVolume = new Float64Array(S);
  const slotTime = new Float64Array(S);
  const slotCost = new Float64Array(S);
  const odDelivered = new Float64Array(F);
  const odTime = new Float64Array(F);
  const odCost = new Float64Array(F);
  const odSlot = new Float64Array(F * S);
  const odCountry = new Float64Array(F * K);
  const marketCountry = new Float64Array(K);
  const inMarket = demand.flows.map(isMarket);
  const delivered = new Map<string, number>();
  let marketOverland = 0;
  let marketSea = 0;

  // What depends only on the route (corridor, countries, time, cost) is computed once per distinct
  // route by the classifier; the slot of each corridor is looked up once per route.
  const slotFor = (route: ClassifiedRoute, commodity: string): number =>
    route.corridor === undefined ? otherSlot.get(commodity)! : corridorSlot.get(route.corridor)!;
  const originIndex = demand.flows.map((f) => compiled.nodeIndex.get(f.origin)!);

  for (const path of paths) {
    if (!(path.volume > 0)) continue;
    const f = flowIndex.get(path.flowId);
    if (f === undefined) continue;
    const flow = demand.flows[f]!;
    const route = classifier.classify(path.arcs, originIndex[f]!, flow.commodity);
    const { countries, time, cost } = route;
    const slot = slotFor(route, flow.commodity);
    const v = path.volume;
    slotVolume[slot]! += v;
    slotTime[slot]! += v * time;
    slotCost[slot]! += v * cost;
    addTo(delivered, flow.commodity, v);
    odDelivered[f]! += v;
    odTime[f]! += v * time;
    odCost[f]! += v * cost;
    odSlot[f * S + slot]! += v;
    for (let i = 0; i < countries.length; i++) odCountry[f * K + countries[i]!]! += v;
    if (inMarket[f]) {
      if (route.overland) {
        marketOverland += v;
        for (let i = 0; i < countries.length; i++) marketCountry[countries[i]!]! += v;
      } else {
        marketSea += v;
      }
    }
  }

  // Links and node arcs.
  const links: LinkResult[] = [];
  const bottlenecks: Bottleneck[] = [];
  for (let e = 0; e < compiled.linkCount; e++) {
    const capacity = arcCapacity[e]!;
    const flow = arcFlow[e]!;
    const utilization =
      capacity === Number.POSITIVE_INFINITY ? 0 : capacity > 0 ? flow / capacity : flow > 0 ? Infinity : 0;
    const commodity = compiled.commodityIds[compiled.arcCommodity[e]!]!;
    links.push({
      id: compiled.linkIds[e]!,
      commodity,
      flow,
      capacity,
      utilization,
      timeDays: arcTimeDays[e]!,
    });
    const price = input.shadowPrice?.[e] ?? 0;
    if ((capacity > 0 && utilization >= threshold) || price > 1e-9) {
      bottlenecks.push({
        id: compiled.linkIds[e]!,
        kind: 'link',
        commodity,
        utilization,
        ...(input.shadowPrice ? { shadowPriceUsd: price } : {}),
      });
    }
  }
  // Per node and commodity, in the order the arcs meet them (the order of the records' keys).
  const { vertexNode, arcNode, arcCommodity, commodityIds, linkCount } = compiled;
  const heads = compiled.csr.head;
  const nodeFlow: Record<string, number>[] = compiled.nodeIds.map(() => ({}));
  for (let e = 0; e < linkCount; e++) {
    const record = nodeFlow[vertexNode[heads[e]!]!]!;
    const commodity = commodityIds[arcCommodity[e]!]!;
    record[commodity] = (record[commodity] ?? 0) + arcFlow[e]!;
  }
  const nodeCapacity: Record<string, number>[] = compiled.nodeIds.map(() => ({}));
  const nodeUtil: Record<string, number>[] = compiled.nodeIds.map(() => ({}));
  const nodeTime: Record<string, number>[] = compiled.nodeIds.map(() => ({}));
  for (let e = linkCount; e < compiled.csr.arcCount; e++) {
    const node = arcNode[e]!;
    const commodity = commodityIds[arcCommodity[e]!]!;
    const capacity = arcCapacity[e]!;
    const utilization = capacity > 0 ? arcFlow[e]! / capacity : 0;
    nodeCapacity[node]![commodity] = capacity;
    nodeUtil[node]![commodity] = utilization;
    nodeTime[node]![commodity] = arcTimeDays[e]!;
    const price = input.shadowPrice?.[e] ?? 0;
    if ((capacity > 0 && utilization >= threshold) || price > 1e-9) {
      bottlenecks.push({
        id: compiled.nodeIds[node]!,
        kind: 'node',
        commodity,
        utilization,
        ...(input.shadowPrice ? { shadowPriceUsd: price } : {}),
      });
    }
  }
  bottlenecks.sort(
    (a, b) =>
      b.utilization - a.utilization ||
      (b.shadowPriceUsd ?? 0) - (a.shadowPriceUsd ?? 0) ||
      a.id.localeCompare(b.id),
  );
  const nodes: NodeResult[] = compiled.nodeIds.map((id, n) => ({
    id,
    flow: nodeFlow[n]!,
    capacity: nodeCapacity[n]!,
    utilization: nodeUtil[n]!,
    timeDays: nodeTime[n]!,
  }));

  // Corridors: every declared corridor, then `other` per commodity when used.
  const corridors: CorridorResult[] = [];
  slots.forEach((slot, i) => {
    const volume = slotVolume[i]!;
    if (slot.id === 'other' && !(volume > 0)) return;
    const total = delivered.get(slot.commodity) ?? 0;
    corridors.push({
      id: slot.id,
      name: slot.name,
      commodity: slot.commodity,
      volume,
      share: total > 0 ? volume / total : 0,
      meanTransitDays: volume > 0 ? slotTime[i]! / volume : Number.NaN,
      meanCostUsd: volume > 0 ? slotCost[i]! / volume : Number.NaN,
    });
  });

  let marketUnmet = 0;
  const ods: OdResult[] = demand.flows.map((flow, f) => {
    const got = odDelivered[f]!;
    const corridorShares: Record<string, number> = {};
    const countryShares: Record<string, number> = {};
    if (got > 0) {
      for (let i = 0; i < S; i++) {
        const v = odSlot[f * S + i]!;
        if (v > 0) corridorShares[slots[i]!.id] = v / got;
      }
      for (let i = 0; i < K; i++) {
        const v = odCountry[f * K + i]!;
        if (v > 0) countryShares[countryNames[i]!] = v / got;
      }
    }
    // What the solver reports unmet, or else what the paths leave of the demand: 0 when a residue.
    const short = input.unmet?.get(flow.id) ?? flow.volumePerYear - got;
    const unmet = isResidue(short, flow.volumePerYear) ? 0 : Math.max(0, short);
    if (inMarket[f]) marketUnmet += unmet;
    return {
      id: flow.id,
      origin: flow.origin,
      destination: flow.destination,
      commodity: flow.commodity,
      demand: flow.volumePerYear,
      delivered: got,
      unmet,
      meanTransitDays: got > 0 ? odTime[f]! / got : Number.NaN,
      meanCostUsd: got > 0 ? odCost[f]! / got : Number.NaN,
      corridorShares,
      countryShares,
    };
  });
  const countryTransitShare = Object.fromEntries(
    countryNames
      .map((c, i) => [c, marketCountry[i]!] as const)
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([c, v]) => [c, marketOverland > 0 ? v / marketOverland : 0]),
  );
  return {
    links,
    nodes,
    corridors,
    ods,
    countryTransitShare,
    throughputTeu: marketOverland,
    divertedTeu: marketSea,
    unmetTeu: marketUnmet,
    deliveredByCommodity: Object.fromEntries(delivered),
    bottlenecks,
  };
}
