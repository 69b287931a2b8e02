/**
 * criticality: which links and nodes matter most
 * ==============================================
 *
 * Closes every active link (and every node that carries flow) in turn, re-simulates, and ranks the
 * elements by the overland throughput lost, then by the unmet volume added, then by the cost added.
 * Elements that carry no flow in the reference run cannot change the result and are skipped (their
 * loss is 0 by construction of every solver).
 *
 * Cost and time when demand goes unmet: `addedCostUsd` and `addedUnitDays` are the change of the money
 * cost and transit time of the volume delivered in both runs; volume that can no longer be delivered
 * is counted in `addedUnmet` and not priced. Per commodity and route (origin and arcs), volume that
 * keeps its route is priced at the route's change per unit (time: congestion); volume that changes
 * route at the mean of the routes it took minus the cheapest (for time, fastest) of the volume that
 * left its routes — what else left is the lost volume, taken to be the dearest. Routes are pooled per
 * commodity, not per demand flow, because a hard-capacity optimum trades capacity between flows:
 * closing the Samara crude route, the other fields' crude takes the Aktau slots of the crude refusing
 * Russian routes, which is lost; per flow, that would price one flow's new route against the route it
 * left and ignore that its new slot came from the lost crude.
 *
 * So a loss never shows as a saving, as it would if added cost were the change of the total cost of
 * delivered volume: closing the CPC pipeline (Eurasia, 2024) would "save" the 1.7 billion USD a year
 * its 45 Mt no longer cost to ship. Pricing the lost volume at the min-cost solver's `unmetPenaltyUsd`
 * was not chosen: the penalty is a modelling device (1e6 USD per unit by default, only required to
 * exceed every route's cost), so the sum would be an artefact of that choice; the ranking already puts
 * unmet volume before cost.
 *
 * Differences that are floating-point residue (at most 1e-9 of their scale, `RESIDUE_RELATIVE`: the
 * market's demand for throughput and diversion, the total demand for unmet volume, the cost or time of
 * the volume still delivered for those) are exactly 0, so they neither show nor decide the order.
 */

import { compileNetwork } from '../algorithms/_internal/compile.js';
import { requireScenario } from '../data/guards.js';
import { describeValue, InvalidArgumentError, optionsOf } from '../model/errors.js';
import type { Scenario } from '../model/scenario.js';
import { withoutResidue } from './aggregate.js';
import type { SimulationResult } from './result.js';
import { createRouteClassifier } from './route-classifier.js';
import {
  rejectWarmStart,
  requireSimulationInput,
  type SimulateOptions,
  type SimulationInput,
  simulate,
} from './simulate.js';

const MODULE = 'corridor-sim/criticality';
const ELEMENTS = ['links', 'nodes', 'both'] as const;

/** Options of {@link criticality}. */
export interface CriticalityOptions extends Omit<SimulateOptions, 'warmStart'> {
  /**
   * Scenario to start from (the reference run). When omitted, the input as given, with no operations
   * (not even the dataset timelines): pass `loadScenario('baseline')` for the bundled baseline, as the
   * CLI does.
   */
  readonly scenario?: Scenario;
  /** Which elements to remove. @defaultValue 'both' */
  readonly elements?: 'links' | 'nodes' | 'both';
  /** Only elements carrying this commodity. @defaultValue every commodity */
  readonly commodity?: string;
}

/** The effect of removing one element. */
export interface CriticalityEntry {
  readonly id: string;
  readonly kind: 'link' | 'node';
  /** Overland market throughput lost (TEU/yr). */
  readonly lostThroughputTeu: number;
  /** Market volume pushed to sea (TEU/yr). */
  readonly addedDivertedTeu: number;
  /** Volume of every commodity left unserved (units/yr, summed over commodities: TEU + tonnes). */
  readonly addedUnmet: number;
  /**
   * Money cost added to the volume delivered in both runs (USD/yr): per commodity, volume that keeps
   * its route × the route's change of cost per unit, plus volume that changes route × the mean cost
   * per unit of the routes it took, minus the cost of the cheapest volume that left its routes. Volume
   * no longer delivered is not priced (it is in `addedUnmet`; of the volume that left its routes, the
   * dearest is taken to be lost), so a loss of volume never lowers this. It is negative only when
   * volume moves to cheaper routes: a sea route that is cheaper but slower, or, under hard capacities,
   * a cheap route whose capacity the lost volume left free.
   */
  readonly addedCostUsd: number;
  /** Transit time added to the volume delivered in both runs (unit-days/yr), as `addedCostUsd` (fastest for cheapest). */
  readonly addedUnitDays: number;
}

/** Result of {@link criticality}. */
export interface CriticalityResult {
  /** The run with nothing removed. */
  readonly reference: SimulationResult;
  /** Most critical first. */
  readonly ranking: readonly CriticalityEntry[];
}

/** A route in one run: volume per year on it, money cost and time per unit. */
interface RouteUse {
  volume: number;
  readonly cost: number;
  readonly time: number;
}

/**
 * The routes of a run per commodity, keyed by the route's link and terminal ids (arc indices are not
 * compared across runs). Cost and time per unit are those `aggregate` averages into each flow's means:
 * Σ money cost and Σ time (at the run's congested times) of the route's arcs.
 */
function routesOf(result: SimulationResult): Map<string, Map<string, RouteUse>> {
  const compiled = compileNetwork(result.applied.network);
  const { linkCount, linkIds, nodeIds, arcNode, arcCommodity, commodityIds } = compiled;
  const arcTimeDays = new Float64Array(compiled.csr.arcCount);
  const arcKey: string[] = new Array(compiled.csr.arcCount);
  for (let e = 0; e < arcTimeDays.length; e++) {
    if (e < linkCount) {
      arcTimeDays[e] = result.links[e]!.timeDays;
      arcKey[e] = linkIds[e]!;
    } else {
      const commodity = commodityIds[arcCommodity[e]!]!;
      arcTimeDays[e] = result.nodes[arcNode[e]!]!.timeDays[commodity] ?? 0;
      arcKey[e] = `${nodeIds[arcNode[e]!]!}/${commodity}`;
    }
  }
  const classifier = createRouteClassifier(compiled, arcTimeDays);
  const flows = new Map(result.applied.demand.flows.map((f) => [f.id, f]));
  const out = new Map<string, Map<string, RouteUse>>();
  for (const path of result.paths) {
    const flow = flows.get(path.flowId);
    if (!flow || !(path.volume > 0)) continue;
    const routes = out.get(flow.commodity) ?? new Map<string, RouteUse>();
    out.set(flow.commodity, routes);
    // origin and destination are the route's ends: one key per OD and route
    const key = `${flow.origin} ${path.arcs.map((e) => arcKey[e]).join(' ')}`;
    const known = routes.get(key);
    if (known) known.volume += path.volume;
    else {
      const origin = compiled.nodeIndex.get(flow.origin)!;
      const { cost, time } = classifier.classify(path.arcs, origin, flow.commodity);
      routes.set(key, { volume: path.volume, cost, time });
    }
  }
  return out;
}

/** Σ of `value` over the first `volume` units of `parts`, taken in ascending order of `value`. */
function cheapest(parts: readonly { volume: number; value: number }[], volume: number): number {
  let left = volume;
  let sum = 0;
  for (const part of [...parts].sort((a, b) => a.value - b.value)) {
    if (!(left > 0)) break;
    const take = Math.min(left, part.volume);
    sum += take * part.value;
    left -= take;
  }
  return sum;
}

/**
 * The change of money cost and time of the volume of one commodity delivered in both runs, with the
 * scales (the same volume's cost and time before) that residues are judged against.
 */
function rerouting(before: ReadonlyMap<string, RouteUse>, after: ReadonlyMap<string, RouteUse>) {
  let cost = 0;
  let time = 0;
  let costScale = 0;
  let timeScale = 0;
  // Volume that keeps its route: the route's change per unit (time: congestion; a removal changes no
  // money cost, so that part is 0).
  const left: { volume: number; cost: number; time: number }[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    const stay = Math.min(b.volume, a?.volume ?? 0);
    if (a && stay > 0) {
      cost += stay * (a.cost - b.cost);
      time += stay * (a.time - b.time);
      costScale += stay * Math.abs(b.cost);
      timeScale += stay * Math.abs(b.time);
    }
    if (b.volume > stay) left.push({ volume: b.volume - stay, cost: b.cost, time: b.time });
  }
  // Volume that changed route: what it costs on the routes it took, against the cheapest (fastest)
  // of the volume that left routes — the rest of what left is the volume lost, taken to be the dearest.
  let arrived = 0;
  let arrivedCost = 0;
  let arrivedTime = 0;
  for (const [key, a] of after) {
    const volume = a.volume - Math.min(a.volume, before.get(key)?.volume ?? 0);
    arrived += volume;
    arrivedCost += volume * a.cost;
    arrivedTime += volume * a.time;
  }
  const moved = Math.min(
    arrived,
    left.reduce((sum, part) => sum + part.volume, 0),
  );
  if (moved > 0) {
    const leftCost = cheapest(
      left.map((part) => ({ volume: part.volume, value: part.cost })),
      moved,
    );
    const leftTime = cheapest(
      left.map((part) => ({ volume: part.volume, value: part.time })),
      moved,
    );
    cost += (arrivedCost / arrived) * moved - leftCost;
    time += (arrivedTime / arrived) * moved - leftTime;
    costScale += Math.abs(leftCost);
    timeScale += Math.abs(leftTime);
  }
  return { cost, time, costScale, timeScale };
}

/** The effect of a removal: `reference` is the run with the element, `run` the run without. */
function effect(
  reference: SimulationResult,
  referenceRoutes: ReadonlyMap<string, ReadonlyMap<string, RouteUse>>,
  run: SimulationResult,
) {
  const runRoutes = routesOf(run);
  const none = new Map<string, RouteUse>();
  // Market figures are parts of the market's demand; unmet volume is a part of the total demand.
  const market = reference.throughputTeu + reference.divertedTeu + reference.unmetTeu;
  let demand = 0;
  let unmet = 0;
  const after = new Map(run.ods.map((od) => [od.id, od]));
  for (const before of reference.ods) {
    demand += before.demand;
    unmet += (after.get(before.id)?.unmet ?? 0) - before.unmet;
  }
  const added = { cost: 0, time: 0, costScale: 0, timeScale: 0 };
  for (const commodity of new Set([...referenceRoutes.keys(), ...runRoutes.keys()])) {
    const r = rerouting(referenceRoutes.get(commodity) ?? none, runRoutes.get(commodity) ?? none);
    added.cost += r.cost;
    added.time += r.time;
    added.costScale += r.costScale;
    added.timeScale += r.timeScale;
  }
  return {
    lostThroughputTeu: withoutResidue(reference.throughputTeu - run.throughputTeu, market),
    addedDivertedTeu: withoutResidue(run.divertedTeu - reference.divertedTeu, market),
    addedUnmet: withoutResidue(unmet, demand),
    addedCostUsd: withoutResidue(added.cost, added.costScale),
    addedUnitDays: withoutResidue(added.time, added.timeScale),
  };
}

/**
 * Rank links and nodes by the damage their loss does.
 *
 * @param input - network and demand
 * @param options - reference scenario, year, solver, which elements, commodity
 * @returns the reference run and the ranking
 * @throws InvalidArgumentError when input is not { network, demand }, options is not an object or sets
 *   `warmStart`, `options.elements` is not 'links', 'nodes' or 'both', `options.commodity` is not a
 *   commodity of the network, or `options.scenario` is not a Scenario; ValidationError when the
 *   scenario built in code is invalid for the network (argument `options.scenario`)
 * @example const { ranking } = await criticality(eurasia, { year: 2024 }); ranking[0].id
 * @remarks Runs one simulation per flow-carrying element.
 */
export async function criticality(
  input: SimulationInput,
  options: CriticalityOptions = {},
): Promise<CriticalityResult> {
  options = optionsOf(options, MODULE);
  requireSimulationInput(input, MODULE);
  const { scenario, elements = 'both', commodity, ...simulateOptions } = options;
  if (!(ELEMENTS as readonly unknown[]).includes(elements)) {
    throw new InvalidArgumentError(
      MODULE,
      'options.elements',
      `must be 'links', 'nodes' or 'both', got ${describeValue(elements)}`,
    );
  }
  if (
    commodity !== undefined &&
    (typeof commodity !== 'string' || !Object.hasOwn(input.network.commodities, commodity))
  ) {
    throw new InvalidArgumentError(
      MODULE,
      'options.commodity',
      `must be a commodity of the network (${Object.keys(input.network.commodities).join(', ')}), got ${describeValue(commodity)}`,
    );
  }
  if (scenario !== undefined)
    requireScenario(scenario, input.network, input.demand, MODULE, 'options.scenario');
  rejectWarmStart(simulateOptions, MODULE, 'every removal starts from the reference run');
  const base: Scenario = scenario ?? { id: 'baseline', name: 'Baseline', operations: [] };
  const reference = await simulate(input, base, simulateOptions);
  const referenceRoutes = routesOf(reference);
  const candidates: { id: string; kind: 'link' | 'node' }[] = [];
  if (elements !== 'nodes') {
    for (const link of reference.links) {
      if (link.flow > 0 && (commodity === undefined || link.commodity === commodity))
        candidates.push({ id: link.id, kind: 'link' });
    }
  }
  if (elements !== 'links') {
    for (const node of reference.nodes) {
      const carried =
        commodity === undefined
          ? Object.values(node.flow).some((v) => v > 0)
          : (node.flow[commodity] ?? 0) > 0;
      if (carried) candidates.push({ id: node.id, kind: 'node' });
    }
  }
  const ranking: CriticalityEntry[] = [];
  for (const candidate of candidates) {
    const removal: Scenario = {
      id: `${base.id}-without-${candidate.id}`,
      name: `${base.name} without ${candidate.id}`,
      operations: [
        ...base.operations,
        candidate.kind === 'link'
          ? { kind: 'close-links', target: { links: [candidate.id] } }
          : { kind: 'close-nodes', nodes: [candidate.id] },
      ],
    };
    const run = await simulate(input, removal, { ...simulateOptions, warmStart: reference });
    ranking.push({ ...candidate, ...effect(reference, referenceRoutes, run) });
  }
  ranking.sort(
    (a, b) =>
      b.lostThroughputTeu - a.lostThroughputTeu ||
      b.addedUnmet - a.addedUnmet ||
      b.addedCostUsd - a.addedCostUsd ||
      a.id.localeCompare(b.id),
  );
  return { reference, ranking };
}
