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
 * is counted in `addedUnmet` and not priced. The volume is matched by its shippers first, one demand
 * flow and segment (a "party": same origin, destination, commodity, value of time and refusals) at a
 * time:
 *
 * 1. volume that keeps its route is priced at the route's change per unit (time: congestion; a
 *    removal changes no money cost);
 * 2. volume that changed route within the party is priced at the mean cost per unit of what arrived
 *    on the party's other routes minus the mean cost per unit of what left its routes: the units of a
 *    party are interchangeable, the runs do not say which of those that left were lost and which
 *    moved, so each is taken to be as likely as any other (a proportional split; the same units for
 *    cost and time). When one route lost volume — the closed one, the usual case — there is no choice
 *    and the figure is exact; so it is when the party loses nothing. The party's lost volume is its own
 *    drop in delivered volume, not priced;
 * 3. only what a party cannot match itself is pooled, per commodity: volume a party delivers in
 *    addition (its unmet demand falls: under hard capacities, capacity that another party's loss left
 *    free and it could not get before) is priced at its mean cost per unit against as much of the
 *    volume the commodity's other parties lost, at their mean cost per unit, up to the smaller of the
 *    two.
 *
 * Flows that take each other's capacity need no pooling as long as each still delivers what it did:
 * closing the Samara crude route (Eurasia, 2024), the other fields' crude takes the Aktau slots of the
 * crude refusing Russian routes, which cannot leave; the moved crude is priced against the Samara route
 * it left (step 2), the refusing crude is lost.
 *
 * So the volume priced is, per commodity, the smaller of the volume delivered before and after, and
 * the volume left unpriced is exactly the commodity's net change in delivered volume (its part of
 * `addedUnmet` when a removal loses volume; a removal that lets more through leaves the gain
 * unpriced). Under the min-cost solver, when two flows could equally be the one dropped at a shared
 * bottleneck, which one the solver drops, and so the added cost, is a choice among equal optima. A loss never shows as a saving, as it would if added cost were the change of the total
 * cost of delivered volume: closing the CPC pipeline (Eurasia, 2024) would "save" the 1.7 billion USD a
 * year its 45 Mt no longer cost to ship. Nor does a loss inflate the cost of what moved: a party's move
 * is never priced against another party's lost volume (pooling every route of a commodity priced a
 * flow moved from a 10,000 to a 12,000 USD route against a lost flow's 1,000 USD route: 1.1 million
 * instead of 200,000 USD for 100 TEU). Pricing the lost volume at the min-cost solver's `unmetPenaltyUsd` was not chosen: the penalty
 * is a modelling device (1e6 USD per unit by default, only required to exceed every route's cost), so
 * the sum would be an artefact of that choice; the ranking already puts unmet volume before cost.
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
  /**
   * Volume of every commodity left unserved, summed over commodities (units/yr: TEU + tonnes). A sum of
   * unlike units: it only orders the ranking after lost throughput; read the volumes from
   * `addedUnmetByCommodity`.
   */
  readonly addedUnmet: number;
  /**
   * Volume left unserved per commodity, in the commodity's unit (`network.commodities[c].unit`: TEU/yr
   * for containers, t/yr for crude); every commodity with demand in the reference run, 0 when it
   * loses nothing. Negative when a removal lets more of a commodity through.
   */
  readonly addedUnmetByCommodity: Readonly<Record<string, number>>;
  /**
   * Money cost added to the volume delivered in both runs (USD/yr), matched per demand flow and
   * segment: volume that keeps its route × the route's change of cost per unit, plus volume that changes
   * route within its flow and segment × (mean cost per unit of the routes it took − mean cost per unit
   * of the routes it left: which of the units that left were lost is not known, so they are taken in
   * proportion), plus, per commodity, volume a flow delivers in addition × its mean cost per unit − as
   * much of what other flows lost × theirs. The volume left unpriced is the commodity's net change in
   * delivered volume (its part of `addedUnmet` when volume is lost): what the lost volume cost neither lowers nor raises
   * this. It is negative only when volume moves to cheaper routes: a sea route that is cheaper but
   * slower, or, under hard capacities, a cheap route whose capacity the lost volume left free.
   */
  readonly addedCostUsd: number;
  /** Transit time added to the volume delivered in both runs (unit-days/yr), matched as `addedCostUsd` (the same units). */
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

/** The routes of one demand flow and segment in one run, keyed by the route's link and terminal ids. */
interface Party {
  readonly commodity: string;
  readonly routes: Map<string, RouteUse>;
}

/**
 * The routes of a run per demand flow and segment (keyed by their ids; arc indices are not compared
 * across runs). Cost and time per unit are those `aggregate` averages into each flow's means: Σ money
 * cost and Σ time (at the run's congested times) of the route's arcs.
 */
function routesOf(result: SimulationResult): Map<string, Party> {
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
  const out = new Map<string, Party>();
  for (const path of result.paths) {
    const flow = flows.get(path.flowId);
    if (!flow || !(path.volume > 0)) continue;
    const partyKey = `${flow.id}\u0000${path.segmentId}`;
    let party = out.get(partyKey);
    if (!party) {
      party = { commodity: flow.commodity, routes: new Map() };
      out.set(partyKey, party);
    }
    const key = path.arcs.map((e) => arcKey[e]).join(' ');
    const known = party.routes.get(key);
    if (known) known.volume += path.volume;
    else {
      const origin = compiled.nodeIndex.get(flow.origin)!;
      const { cost, time } = classifier.classify(path.arcs, origin, flow.commodity);
      party.routes.set(key, { volume: path.volume, cost, time });
    }
  }
  return out;
}

/** Volume with the Σ of its money cost and time (the means per unit are `cost / volume`, `time / volume`). */
interface Lot {
  volume: number;
  cost: number;
  time: number;
}

const emptyLot = (): Lot => ({ volume: 0, cost: 0, time: 0 });

/** `share` (0..1) of `lot`, in the same proportions of its routes. */
const part = (lot: Lot, share: number): Lot => ({
  volume: lot.volume * share,
  cost: lot.cost * share,
  time: lot.time * share,
});

/** Add `lot` to `into`. */
function addTo(into: Lot, lot: Lot): void {
  into.volume += lot.volume;
  into.cost += lot.cost;
  into.time += lot.time;
}

/** Change of cost and time, with the same volume's cost and time before (the scales of residue). */
interface Added {
  cost: number;
  time: number;
  costScale: number;
  timeScale: number;
}

/**
 * Price `volume` units taken in proportion from `from` (before) against as many taken in proportion
 * from `to` (after): `volume × (mean of to − mean of from)`, for cost and time.
 */
function price(added: Added, volume: number, from: Lot, to: Lot): void {
  if (!(volume > 0)) return;
  const fromCost = (from.cost / from.volume) * volume;
  const fromTime = (from.time / from.volume) * volume;
  added.cost += (to.cost / to.volume) * volume - fromCost;
  added.time += (to.time / to.volume) * volume - fromTime;
  added.costScale += Math.abs(fromCost);
  added.timeScale += Math.abs(fromTime);
}

/**
 * Match one party's volume between the runs (steps 1 and 2 of the module's rule), adding to `added`
 * the change for what it delivers in both, and return what it cannot match: volume it lost (delivered
 * before only) and volume it gained (delivered after only), each in the proportions of its routes.
 */
function matchParty(
  before: ReadonlyMap<string, RouteUse>,
  after: ReadonlyMap<string, RouteUse>,
  added: Added,
): { lost: Lot; gained: Lot } {
  // Volume that keeps its route: the route's change per unit.
  const left = emptyLot();
  for (const [key, b] of before) {
    const a = after.get(key);
    const stay = Math.min(b.volume, a?.volume ?? 0);
    if (a && stay > 0) {
      added.cost += stay * (a.cost - b.cost);
      added.time += stay * (a.time - b.time);
      added.costScale += stay * Math.abs(b.cost);
      added.timeScale += stay * Math.abs(b.time);
    }
    const gone = b.volume - stay;
    if (gone > 0) {
      left.volume += gone;
      left.cost += gone * b.cost;
      left.time += gone * b.time;
    }
  }
  const arrived = emptyLot();
  for (const [key, a] of after) {
    const come = a.volume - Math.min(a.volume, before.get(key)?.volume ?? 0);
    if (come > 0) {
      arrived.volume += come;
      arrived.cost += come * a.cost;
      arrived.time += come * a.time;
    }
  }
  // Volume that changed route: as much as both left and arrived, in proportion on both sides.
  const moved = Math.min(left.volume, arrived.volume);
  price(added, moved, left, arrived);
  return {
    lost: left.volume > moved ? part(left, 1 - moved / left.volume) : emptyLot(),
    gained: arrived.volume > moved ? part(arrived, 1 - moved / arrived.volume) : emptyLot(),
  };
}

/**
 * The change of money cost and time of the volume delivered in both runs (the module's rule), with
 * the scales (the same volume's cost and time before) that residues are judged against.
 */
function rerouting(before: ReadonlyMap<string, Party>, after: ReadonlyMap<string, Party>): Added {
  const added: Added = { cost: 0, time: 0, costScale: 0, timeScale: 0 };
  const none = new Map<string, RouteUse>();
  // What the parties of each commodity could not match themselves.
  const pools = new Map<string, { lost: Lot; gained: Lot }>();
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(key);
    const a = after.get(key);
    const { lost, gained } = matchParty(b?.routes ?? none, a?.routes ?? none, added);
    const commodity = (b ?? a)!.commodity;
    const pool = pools.get(commodity) ?? { lost: emptyLot(), gained: emptyLot() };
    pools.set(commodity, pool);
    addTo(pool.lost, lost);
    addTo(pool.gained, gained);
  }
  // Step 3: volume a party delivers in addition against what the commodity's other parties lost.
  for (const { lost, gained } of pools.values())
    price(added, Math.min(lost.volume, gained.volume), lost, gained);
  return added;
}

/** The effect of a removal: `reference` is the run with the element, `run` the run without. */
function effect(
  reference: SimulationResult,
  referenceRoutes: ReadonlyMap<string, Party>,
  run: SimulationResult,
) {
  // Market figures are parts of the market's demand; unmet volume is a part of the total demand.
  const market = reference.throughputTeu + reference.divertedTeu + reference.unmetTeu;
  // each commodity's unmet volume is a part of its demand, the sum a part of the total demand
  let demand = 0;
  let unmet = 0;
  const byCommodity = new Map<string, { demand: number; unmet: number }>();
  const after = new Map(run.ods.map((od) => [od.id, od]));
  for (const before of reference.ods) {
    const change = (after.get(before.id)?.unmet ?? 0) - before.unmet;
    demand += before.demand;
    unmet += change;
    const sums = byCommodity.get(before.commodity) ?? { demand: 0, unmet: 0 };
    byCommodity.set(before.commodity, sums);
    sums.demand += before.demand;
    sums.unmet += change;
  }
  const addedUnmetByCommodity: Record<string, number> = {};
  for (const [commodity, sums] of byCommodity)
    addedUnmetByCommodity[commodity] = withoutResidue(sums.unmet, sums.demand);
  const added = rerouting(referenceRoutes, routesOf(run));
  return {
    lostThroughputTeu: withoutResidue(reference.throughputTeu - run.throughputTeu, market),
    addedDivertedTeu: withoutResidue(run.divertedTeu - reference.divertedTeu, market),
    addedUnmet: withoutResidue(unmet, demand),
    addedUnmetByCommodity,
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
  // figures that differ only by rounding (links in series have the same effect, summed in another
  // order) rank as ties, broken by id in code-unit order (not the machine's locale): each figure is
  // compared at 12 significant digits — a key of its own, so the order is total and does not depend on
  // the order of the demand's flows
  const rounded = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(12)) : x);
  const descending = (x: number, y: number) => rounded(y) - rounded(x);
  ranking.sort(
    (a, b) =>
      descending(a.lostThroughputTeu, b.lostThroughputTeu) ||
      descending(a.addedUnmet, b.addedUnmet) ||
      descending(a.addedCostUsd, b.addedCostUsd) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { reference, ranking };
}
