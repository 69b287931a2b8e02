/**
 * Applying scenarios
 * ==================
 *
 * `applyScenario(network, demand, scenario, options)` is pure: it returns a new network and demand
 * with the operations applied in order, plus the per-segment surcharges the solvers add to
 * generalized costs and a log of what every operation touched (for explanations and reports).
 * `applyScenarioDeferred` (internal, what simulate runs) does the same, the new network's graphology
 * graph built only when first read: simulate compiles the network from its records.
 *
 * Time (see ./timing.ts): with `year`, dated operations and planned links count with the share of
 * that year they are in effect (annual average); with `date`, those in effect on that day apply in
 * full; with neither, every operation applies in full and planned links stay planned unless an
 * `add-link` opens them.
 *
 * Semantics of each operation kind, weighted by the active fraction `w`:
 * - `close-links`, `close-nodes`, `close-border`, `close-country`: capacity × (1 − w), closed when w = 1.
 *   `close-country` spares links that touch a demand origin or destination in that country (trade
 *   with the country continues, transit stops); `close-border` closes links whose `countries` list
 *   has the two countries next to each other.
 * - `scale-capacity`: capacity × (1 + (factor − 1) w); with `includeNodes` (default when `target.nodes`
 *   is given) the handling capacity of those nodes too.
 * - `set-capacity`: capacity → capacity + (value − capacity) w, on links or on node handling.
 * - `add-link`: a new link (capacity × w), or a planned link opened (capacity × w).
 * - `surcharge`: cost and time + w × amount; for all shippers on the links themselves, or recorded
 *   per segment when `segments` is given.
 * - `avoid-country`: every segment of the selected flows is split into a variant that refuses the
 *   country (share w × s) and one that accepts it; the refusing share becomes exactly w × s.
 * - `demand-growth`: volume × factor, or × (1 + rate)^(year − baseYear); `demand-level`: set volume.
 *   Demand operations apply in full when active at all (they describe the year's demand).
 *
 * `composeScenarios` puts the changes of several scenarios in effect together, each once: an operation
 * two of them include, as operations that do the same (a dataset timeline every bundled scenario starts with),
 * applies once.
 */

import { requireDemand, requireScenario, requireScenarioDemandReferences } from '../data/guards.js';
import { decimalYear, isIsoDate, MAX_YEAR, MIN_YEAR, requireYear } from '../model/dates.js';
import { DEFAULT_SEGMENT, type Demand, type DemandFlow, type ShipperSegment } from '../model/demand.js';
import {
  describeValue,
  InvalidArgumentError,
  NotFoundError,
  optionsOf,
  rejectUnknownKeys,
  requireArray,
  requireObject,
} from '../model/errors.js';
import type { LinkId, NodeId, SegmentId } from '../model/ids.js';
import {
  adoptAttributes,
  deferNetwork,
  type LinkAttributes,
  type Network,
  type NodeAttributes,
  rebuildNetwork,
  requireNetwork,
} from '../model/network.js';
import type { Scenario, ScenarioOp } from '../model/scenario.js';
import { addedIds } from './depends.js';
import { operationFingerprint } from './fingerprint.js';
import { networkRecords, recordTable } from './records.js';
import { linkMatcher } from './select.js';
import { activeFraction, type Timing } from './timing.js';

/** Options of {@link applyScenario}. */
export interface ApplyScenarioOptions {
  /** Evaluate for this calendar year (annual averages of dated operations); an integer in 1000–9999. */
  readonly year?: number;
  /**
   * Evaluate on this date (ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real month and day), operations in
   * effect that day in full. Exclusive with `year`.
   */
  readonly date?: string;
}

/** A surcharge that applies to some shipper segments only. */
export interface SegmentSurcharge {
  /** Segments it applies to (ids of the scenario's output demand, variants included). */
  readonly segments: readonly SegmentId[];
  /** The link. */
  readonly link: LinkId;
  /** Added cost, USD per unit (already weighted by the active fraction). */
  readonly costUsdPerUnit: number;
  /** Added time, days (already weighted). */
  readonly transitDays: number;
}

/** What one operation did. */
export interface AppliedOperation {
  /** Index in the scenario's operations. */
  readonly index: number;
  /** Operation kind. */
  readonly kind: ScenarioOp['kind'];
  /** Share of the evaluated period it was in effect (0 = skipped). */
  readonly weight: number;
  /** Links it changed. */
  readonly links: readonly LinkId[];
  /** Nodes whose handling it changed, or that it added. */
  readonly nodes: readonly NodeId[];
  /** Demand flows it changed. */
  readonly flows: readonly string[];
}

/** The result of {@link applyScenario}. */
export interface AppliedScenario {
  /**
   * The network with the operations applied: the input network itself when no operation changed it,
   * else a new network.
   */
  readonly network: Network;
  /** The demand with the operations applied (new object). */
  readonly demand: Demand;
  /** Surcharges that apply to some segments only. */
  readonly segmentSurcharges: readonly SegmentSurcharge[];
  /** One entry per operation, in order. */
  readonly log: readonly AppliedOperation[];
}

type MutableLink = { -readonly [K in keyof LinkAttributes]: LinkAttributes[K] };
type MutableNode = { -readonly [K in keyof NodeAttributes]: NodeAttributes[K] };

const MODULE = 'corridor-sim/scenario';

/** The keys of {@link ApplyScenarioOptions}. */
const OPTION_KEYS: readonly (keyof ApplyScenarioOptions)[] = ['year', 'date'];

function timingOf(options: ApplyScenarioOptions): Timing {
  rejectUnknownKeys(options, OPTION_KEYS, MODULE, 'options');
  if (options.year !== undefined && options.date !== undefined) {
    throw new InvalidArgumentError(
      MODULE,
      'options',
      `takes year or date, not both (got year ${describeValue(options.year)} and date ${describeValue(options.date)})`,
    );
  }
  if (options.year !== undefined) {
    requireYear(options.year, MODULE, 'options.year');
    return { kind: 'year', year: options.year };
  }
  if (options.date !== undefined) {
    const date: unknown = options.date;
    if (typeof date !== 'string' || !isIsoDate(date) || Number(date.slice(0, 4)) < MIN_YEAR) {
      throw new InvalidArgumentError(
        MODULE,
        'options.date',
        `must be a real ISO date YYYY, YYYY-MM or YYYY-MM-DD (years ${MIN_YEAR}–${MAX_YEAR}), got ${describeValue(date)}`,
      );
    }
    return { kind: 'date', date };
  }
  return { kind: 'all' };
}

function bordersAdjacent(countries: readonly string[], a: string, b: string): boolean {
  for (let i = 1; i < countries.length; i++) {
    const x = countries[i - 1];
    const y = countries[i];
    if ((x === a && y === b) || (x === b && y === a)) return true;
  }
  return false;
}

function scaleCapacity(link: MutableLink, multiplier: number): void {
  if (multiplier <= 0) {
    link.status = 'closed';
    return;
  }
  if (link.capacityPerYear !== undefined) link.capacityPerYear *= multiplier;
}

function splitForCountry(
  segments: Map<string, ShipperSegment>,
  segment: ShipperSegment,
  country: string,
): { refuse: ShipperSegment; accept: ShipperSegment } {
  const avoids = segment.avoidCountries ?? [];
  const refuseId = avoids.includes(country) ? segment.id : `${segment.id}~avoid-${country}`;
  const acceptId = avoids.includes(country) ? `${segment.id}~accept-${country}` : segment.id;
  const variant = (id: string, list: readonly string[]): ShipperSegment => {
    const existing = segments.get(id);
    if (existing) return existing;
    // frozen like everything applyScenario makes: the output demand is marked validated
    const made: ShipperSegment = Object.freeze({
      ...segment,
      id,
      name: `${segment.name} (${id === refuseId ? 'refusing' : 'accepting'} ${country})`,
      avoidCountries: Object.freeze([...list]),
    });
    segments.set(id, made);
    return made;
  };
  return {
    refuse: variant(refuseId, avoids.includes(country) ? avoids : [...avoids, country]),
    accept: variant(
      acceptId,
      avoids.filter((c) => c !== country),
    ),
  };
}

/**
 * Apply a scenario to a network and its demand. Pure: inputs are never mutated.
 *
 * @param network - the network
 * @param demand - the demand
 * @param scenario - operations to apply, in order
 * @param options - `year` (annual averages) or `date` (point in time)
 * @returns the new network and demand, per-segment surcharges, and a log per operation
 * @throws ValidationError when the demand or scenario is invalid or names a link, node, corridor or flow
 *   that does not exist (every issue with its JSON path)
 * @throws InvalidArgumentError when `network` is not a Network, or on bad options: not an object, an
 *   unknown key (`options.yaer`), a year that is not an integer in 1000–9999, a date that is not a real
 *   ISO date (`2024-13-45`, `2024-02-31`), or both `year` and `date`
 * @example
 * const { network: closed } = applyScenario(net, demand, { id: 'x', name: 'x', operations: [
 *   { kind: 'close-border', countries: ['BY', 'PL'] }] });
 * @remarks Complexity O(operations × (links + flows)), plus O(N + L) to build the new network's graph.
 */
export function applyScenario(
  network: Network,
  demand: Demand,
  scenario: Scenario,
  options: ApplyScenarioOptions = {},
): AppliedScenario {
  return applyWith(network, demand, scenario, options, rebuildNetwork, false);
}

/**
 * {@link applyScenario}, except that the new network's graphology graph is built when it is first
 * read (`deferNetwork`): for callers that compile the network (which reads its records) and may never
 * look at its graph. The network, once read, equals the one `applyScenario` returns.
 *
 * @internal Used by simulate, which has validated its arguments (a scenario built in code is not
 *   remembered as validated, so checking it here again would repeat the whole check); not part of the
 *   package API.
 * @param network - the network (validated)
 * @param demand - the demand (validated against `network`): the whole demand or a part of it
 * @param scenario - operations to apply, in order (validated against `network` and the whole demand;
 *   its flow and segment references are checked against `demand` here)
 * @param options - `year` (annual averages) or `date` (point in time)
 * @returns as {@link applyScenario}, the network's graph deferred
 * @throws as {@link applyScenario}
 * @remarks Complexity O(operations × (links + flows)); the graph, O(N + L), when first read.
 */
export function applyScenarioDeferred(
  network: Network,
  demand: Demand,
  scenario: Scenario,
  options: ApplyScenarioOptions = {},
): AppliedScenario {
  return applyWith(network, demand, scenario, options, deferNetwork, true);
}

/** How the network of an application is made from its changed records (rebuilt or deferred). */
type MakeNetwork = (
  network: Network,
  changes: { readonly nodes: readonly NodeAttributes[]; readonly links: readonly LinkAttributes[] },
) => Network;

/**
 * Apply a scenario; `makeNetwork` makes the new network when an operation changed it. `checked`: the
 * caller has validated the arguments.
 */
function applyWith(
  network: Network,
  demand: Demand,
  scenario: Scenario,
  options: ApplyScenarioOptions,
  makeNetwork: MakeNetwork,
  checked: boolean,
): AppliedScenario {
  if (checked) {
    // validated against the whole demand: only its flow and segment references may miss in this part
    requireScenarioDemandReferences(scenario, demand, 'scenario');
  } else {
    requireNetwork(network, MODULE, 'network');
    requireDemand(demand, network, MODULE, 'demand');
    requireScenario(scenario, network, demand, MODULE, 'scenario');
  }
  const timing = timingOf(optionsOf(options, MODULE));
  // Copy-on-write: attribute objects of the input network are frozen and shared until an operation
  // changes them; `editLink` / `editNode` make the private copy the first time.
  const records = networkRecords(network);
  const nodes = recordTable(records.nodes, records.nodeIndex);
  const links = recordTable(records.links, records.linkIndex);
  const copied = new Set<object>();
  let changed = false;
  const editLink = (link: LinkAttributes): MutableLink => {
    if (copied.has(link)) return link as MutableLink;
    // shallow: operations set scalar fields only; nested values stay shared and frozen
    const copy = { ...link } as MutableLink;
    copied.add(copy);
    links.set(copy);
    changed = true;
    return copy;
  };
  const editNode = (node: NodeAttributes): MutableNode => {
    if (copied.has(node)) return node as MutableNode;
    // shallow: operations replace `handling` whole, never edit it in place
    const copy = { ...node } as MutableNode;
    copied.add(copy);
    nodes.set(copy);
    changed = true;
    return copy;
  };
  const segments = new Map<string, ShipperSegment>(
    (demand.segments.length > 0 ? demand.segments : [DEFAULT_SEGMENT]).map((s) => [s.id, s]),
  );
  // the input's flow objects until an operation changes them (flows keep their positions)
  let flows: readonly DemandFlow[] = demand.flows;
  const surcharges: SegmentSurcharge[] = [];
  const log: AppliedOperation[] = [];

  // Planned links of the network itself open with the same timing rule as dated operations.
  if (timing.kind !== 'all') {
    for (const i of records.plannedLinks) {
      const original = records.links[i]!;
      const w = activeFraction({ from: original.opens! }, timing);
      if (w > 0) {
        changed = true;
        const link = editLink(original);
        link.status = 'active';
        if (w < 1 && link.capacityPerYear !== undefined) link.capacityPerYear *= w;
      }
    }
  }

  // origins and destinations of the flows (close-country spares them), made when first needed
  let endpoints: Set<string> | undefined;
  const endpointsOfFlows = (): Set<string> => {
    if (!endpoints) {
      endpoints = new Set<string>();
      for (const f of demand.flows) {
        endpoints.add(f.origin);
        endpoints.add(f.destination);
      }
    }
    return endpoints;
  };

  // nodes an add-link of the scenario brings: an operation may name one (validation allows it after
  // the add-link); while the add-link is not in effect the node is absent and the operation skips it
  const addable = addedIds(scenario.operations);
  const missingNode = (id: string): void => {
    if (!addable.nodes.has(id)) throw new NotFoundError(MODULE, 'node', id);
  };

  const applyOperation = (op: ScenarioOp, index: number): void => {
    const w = activeFraction(op, timing);
    const touchedLinks: string[] = [];
    const touchedNodes: string[] = [];
    const touchedFlows: string[] = [];
    const record = () =>
      log.push({
        index,
        kind: op.kind,
        weight: w,
        links: touchedLinks,
        nodes: touchedNodes,
        flows: touchedFlows,
      });
    if (w <= 0) {
      record();
      return;
    }
    // `only`: a selector's explicit link list, so that link-targeted operations (many in timelines)
    // do not scan the whole network; `edit: false` when the operation reads links without changing them.
    const matchLinks = (
      match: (link: LinkAttributes) => boolean,
      apply: (link: MutableLink) => void,
      only?: readonly string[],
      edit = true,
    ) => {
      const candidates = only
        ? only.map((id) => links.get(id)).filter((l): l is LinkAttributes => l !== undefined)
        : links.values();
      for (const link of candidates) {
        if (match(link)) {
          apply(edit ? editLink(link) : (link as MutableLink));
          touchedLinks.push(link.id);
        }
      }
    };
    switch (op.kind) {
      case 'close-links':
        matchLinks(linkMatcher(network, op.target), (l) => scaleCapacity(l, 1 - w), op.target.links);
        break;
      case 'close-nodes':
        for (const id of op.nodes) if (!nodes.has(id)) missingNode(id);
        matchLinks(
          (l) => op.nodes.includes(l.from) || op.nodes.includes(l.to),
          (l) => scaleCapacity(l, 1 - w),
        );
        break;
      case 'close-country': {
        const scope = op.scope ? linkMatcher(network, op.scope) : () => true;
        const exempt = (id: string) => endpointsOfFlows().has(id) && nodes.get(id)?.country === op.country;
        matchLinks(
          (l) => l.countries.includes(op.country) && scope(l) && !exempt(l.from) && !exempt(l.to),
          (l) => scaleCapacity(l, 1 - w),
        );
        break;
      }
      case 'close-border': {
        const [a, b] = op.countries;
        const scope = op.scope ? linkMatcher(network, op.scope) : () => true;
        matchLinks(
          (l) => bordersAdjacent(l.countries, a, b) && scope(l),
          (l) => scaleCapacity(l, 1 - w),
        );
        break;
      }
      case 'scale-capacity': {
        const multiplier = 1 + (op.factor - 1) * w;
        matchLinks(linkMatcher(network, op.target), (l) => scaleCapacity(l, multiplier), op.target.links);
        if (op.target.nodes && (op.includeNodes ?? true)) {
          for (const id of op.target.nodes) {
            const found = nodes.get(id);
            if (!found) {
              missingNode(id);
              continue;
            }
            const handling = found.handling;
            if (!handling) continue;
            const node = editNode(found);
            node.handling = Object.fromEntries(
              Object.entries(handling).map(([c, h]) => [
                c,
                h.capacityPerYear === undefined
                  ? h
                  : { ...h, capacityPerYear: h.capacityPerYear * multiplier },
              ]),
            );
            touchedNodes.push(id);
          }
        }
        break;
      }
      case 'set-capacity': {
        // An uncapacitated link or node gets the new capacity outright (no average with infinity).
        const blend = (old: number | undefined) =>
          old === undefined ? op.capacityPerYear : old + (op.capacityPerYear - old) * w;
        if (op.nodeHandling) {
          for (const id of op.target.nodes ?? []) {
            const found = nodes.get(id);
            if (!found) {
              missingNode(id);
              continue;
            }
            const node = editNode(found);
            const commodities = op.target.commodities ?? Object.keys(network.commodities);
            const handling = { ...(node.handling ?? {}) };
            for (const c of commodities) {
              const h = handling[c] ?? {};
              handling[c] = { ...h, capacityPerYear: blend(h.capacityPerYear) };
            }
            node.handling = handling;
            touchedNodes.push(id);
          }
        } else {
          matchLinks(linkMatcher(network, op.target), (l) => {
            l.capacityPerYear = blend(l.capacityPerYear);
            if (l.capacityPerYear <= 0) l.status = 'closed';
          });
        }
        break;
      }
      case 'add-link': {
        for (const node of op.nodes ?? []) {
          if (!nodes.has(node.id)) {
            const copy = structuredClone(node) as MutableNode;
            copied.add(copy);
            nodes.set(copy);
            changed = true;
            touchedNodes.push(node.id);
          }
        }
        const spec = op.link;
        if ('from' in spec) {
          // a link to a node that another add-link brings, not in effect yet, cannot exist yet either
          const absent = [spec.from, spec.to].filter((id) => !nodes.has(id));
          for (const id of absent) missingNode(id);
          if (absent.length > 0) break;
          const link = structuredClone(spec) as MutableLink;
          copied.add(link);
          link.status = 'active';
          delete link.opens;
          if (w < 1 && link.capacityPerYear !== undefined) link.capacityPerYear *= w;
          links.set(link);
          changed = true;
        } else {
          const found = links.get(spec.id);
          if (!found && addable.links.has(spec.id)) break; // added by an add-link not in effect yet
          if (!found) throw new NotFoundError(MODULE, 'link', spec.id);
          if (found.status !== 'active') {
            const link = editLink(found);
            link.status = 'active';
            if (w < 1 && link.capacityPerYear !== undefined) link.capacityPerYear *= w;
          }
        }
        touchedLinks.push(spec.id);
        break;
      }
      case 'surcharge': {
        const cost = (op.costUsdPerUnit ?? 0) * w;
        const time = (op.transitDays ?? 0) * w;
        const matcher = linkMatcher(network, op.target);
        if (op.segments) {
          // Variants made by avoid-country inherit their parent's surcharges.
          const targets = [...segments.keys()].filter((id) => op.segments!.includes(id.split('~')[0]!));
          matchLinks(
            matcher,
            (l) => {
              surcharges.push({ segments: targets, link: l.id, costUsdPerUnit: cost, transitDays: time });
            },
            op.target.links,
            false,
          );
        } else {
          matchLinks(
            matcher,
            (l) => {
              l.costUsdPerUnit = Math.max(0, l.costUsdPerUnit + cost);
              l.transitDays = Math.max(0, l.transitDays + time);
            },
            op.target.links,
          );
        }
        break;
      }
      case 'avoid-country': {
        const share = op.share * w;
        const firstSegment = segments.values().next().value!.id;
        // one split per segment, shared by every flow of the segment
        const splits = new Map<string, ReturnType<typeof splitForCountry>>();
        flows = flows.map((flow) => {
          if (op.commodities && !op.commodities.includes(flow.commodity)) return flow;
          const shares = flow.segmentShares ?? { [firstSegment]: 1 };
          const next: Record<string, number> = {};
          for (const [id, p] of Object.entries(shares)) {
            let split = splits.get(id);
            if (!split) {
              const segment = segments.get(id);
              if (!segment) throw new NotFoundError(MODULE, 'segment', id);
              split = splitForCountry(segments, segment, op.country);
              splits.set(id, split);
            }
            const { refuse, accept } = split;
            if (share > 0) next[refuse.id] = (next[refuse.id] ?? 0) + p * share;
            if (share < 1) next[accept.id] = (next[accept.id] ?? 0) + p * (1 - share);
          }
          touchedFlows.push(flow.id);
          return { ...flow, segmentShares: Object.freeze(next) };
        });
        break;
      }
      case 'demand-growth': {
        let multiplier = op.factor ?? 1;
        if (op.annualRate !== undefined) {
          const year =
            timing.kind === 'year'
              ? timing.year
              : timing.kind === 'date'
                ? Math.floor(decimalYear(timing.date))
                : undefined;
          if (year === undefined || op.baseYear === undefined) {
            throw new InvalidArgumentError(
              MODULE,
              `operations[${index}]`,
              'demand-growth with annualRate needs a year (options.year or options.date) and baseYear',
            );
          }
          multiplier *= (1 + op.annualRate) ** (year - op.baseYear);
        }
        flows = flows.map((flow) => {
          if (op.commodities && !op.commodities.includes(flow.commodity)) return flow;
          if (op.origins && !op.origins.includes(flow.origin)) return flow;
          if (op.destinations && !op.destinations.includes(flow.destination)) return flow;
          touchedFlows.push(flow.id);
          return { ...flow, volumePerYear: flow.volumePerYear * multiplier };
        });
        break;
      }
      case 'demand-level': {
        const known = new Set(flows.map((f) => f.id));
        for (const id of op.flows) if (!known.has(id)) throw new NotFoundError(MODULE, 'demand flow', id);
        flows = flows.map((flow) => {
          if (!op.flows.includes(flow.id)) return flow;
          touchedFlows.push(flow.id);
          return { ...flow, volumePerYear: op.volumePerYear };
        });
        break;
      }
    }
    record();
  };
  // indexed: forEach takes a slow path on frozen arrays (parsed scenarios)
  const operations = scenario.operations;
  for (let i = 0; i < operations.length; i++) applyOperation(operations[i]!, i);

  // the private copies are final now: the new network takes them as they are
  for (const value of copied) adoptAttributes(value);
  const output = changed ? makeNetwork(network, { nodes: nodes.values(), links: links.values() }) : network;
  // Flows an operation changed and split segments are this function's copies: frozen. A flow no
  // operation changed is shared when the caller's object is frozen already, else copied and frozen (the
  // caller's is not touched). The demand is not marked as validated: its other parts are the caller's,
  // which the caller may still edit (a demand passed back in, e.g. a result's `applied.demand`, is
  // checked like any other).
  const outputFlows = flows.map((flow, i) =>
    flow !== demand.flows[i]
      ? Object.freeze(flow)
      : Object.isFrozen(flow)
        ? flow
        : Object.freeze({ ...flow }),
  );
  return {
    network: output,
    demand: Object.freeze({
      segments: Object.freeze([...segments.values()]),
      flows: Object.freeze(outputFlows),
    }),
    segmentSurcharges: surcharges,
    log,
  };
}

/**
 * Compose scenarios: the result puts every change of every scenario in effect, each change once.
 *
 * The operations come scenario after scenario, in order; an operation equal to one an earlier
 * scenario already put in applies once, where it first appears. Operations are compared by what they
 * do: as JSON values without their `note` and `provenance`, dates spelt out as days (`2024` is
 * `2024-01-01`), key order and `undefined` properties not mattering; so the result is the same for scenarios built
 * in code, loaded, or written to JSON and read back: the dataset timelines that every bundled scenario
 * starts with apply once, and so does a timeline of your own that two of your scenario files copy.
 * Within one scenario nothing is merged: an operation it lists twice applies twice. The result holds
 * each distinct operation as often as the scenario that lists it most (a multiset union), so composing
 * a scenario with itself gives that scenario. To apply an equal change twice across scenarios, list it
 * twice in one of them, or write one operation with the combined effect (×4 rather than ×2 twice).
 *
 * @param id - id of the composed scenario (a non-empty string)
 * @param scenarios - scenarios to compose, in order; not modified
 * @returns a new scenario named after the inputs (`a + b`), whose operations are the inputs' own
 *   operation objects, each distinct one as often as the scenario that lists it most
 * @throws InvalidArgumentError when `id` is not a non-empty string, or a scenario is not an object with
 *   an `operations` array (the operations themselves are validated where the scenario is used)
 * @example
 * // the dataset timelines once, then cpc-closure's own operations, then avoid-russia's
 * const both = composeScenarios('both', loadScenario('cpc-closure'), loadScenario('avoid-russia'));
 * @example
 * // your own change on top of the baseline; composeScenarios('b', baseline, baseline) is the baseline
 * composeScenarios('mine', loadScenario('baseline'), { id: 'x2', name: 'BTK ×2', operations: [
 *   { kind: 'scale-capacity', target: { links: ['tbilisi-akhalkalaki'] }, factor: 2 }] });
 * @remarks Complexity O(total size of the operations); the keys of deep-frozen operations (parsed or
 *   loaded) are computed once and remembered.
 */
export function composeScenarios(id: string, ...scenarios: readonly Scenario[]): Scenario {
  if (typeof id !== 'string' || id.length === 0) {
    throw new InvalidArgumentError(MODULE, 'id', `must be a non-empty string, got ${describeValue(id)}`);
  }
  scenarios.forEach((s, i) => {
    requireObject(s, MODULE, `scenarios[${i}]`, 'a Scenario');
    requireArray(s.operations, MODULE, `scenarios[${i}].operations`);
  });
  // times each operation (by value; an operation that is no JSON value by identity) is in the result
  const taken = new Map<unknown, number>();
  const operations: ScenarioOp[] = [];
  for (const scenario of scenarios) {
    const seen = new Map<unknown, number>();
    for (const op of scenario.operations) {
      // not an object: no operation at all, kept for validation to report where the scenario is used
      if (typeof op !== 'object' || op === null) {
        operations.push(op);
        continue;
      }
      const key = operationFingerprint(op) ?? op;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      const count = taken.get(key) ?? 0;
      if (count < occurrence) {
        operations.push(op);
        taken.set(key, count + 1);
      }
    }
  }
  return {
    id,
    name: scenarios.map((s) => s.name).join(' + ') || id,
    operations,
  };
}
