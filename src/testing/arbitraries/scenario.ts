/**
 * Scenario arbitraries
 * ====================
 *
 * fast-check arbitraries of scenario operations and scenarios that are valid against a given
 * network (and demand) *by construction*: every kind of src/model/scenario.ts, dated or not, with
 * selectors that name existing links, nodes, corridors and commodities. `parseScenario(doc, network,
 * demand)` accepts every generated scenario and `applyScenario` applies it without error.
 *
 * Selectors are built around an *anchor* link: each criterion that is drawn (commodity, mode, a
 * country, the link itself, one of its ends, a corridor through it) matches the anchor, so the
 * selection is never empty; a selector with no criterion selects every link.
 *
 * Shrinking: operations are drawn as flat records whose references are list positions, and each one
 * only refers to the base network and demand, never to what an earlier operation added. So fast-check
 * can remove any operation (the scenario stays valid) and shrinks the rest towards an undated
 * operation on the first link with no selector criteria and round numbers; kinds cross-shrink towards
 * `close-links`.
 */

import fc from 'fast-check';
import type { Demand } from '../../model/demand.js';
import { describeValue, InvalidArgumentError } from '../../model/errors.js';
import {
  type LinkAttributes,
  listLinks,
  listNodes,
  MODES,
  type Mode,
  type Network,
  type NodeAttributes,
  type NodeKind,
} from '../../model/network.js';
import {
  type OperationBase,
  SCENARIO_OP_KINDS,
  type Scenario,
  type ScenarioOp,
  type Selector,
} from '../../model/scenario.js';
import { corridorLinks } from '../../scenario/select.js';
import { arbAmount, arbAround } from './_internal/numbers.js';
import { networkCountries } from './_internal/reach.js';
import { UNBOUNDED } from './demand.js';

/** Constraints of {@link arbScenarioOp}. */
export interface ScenarioOpConstraints {
  /**
   * Kinds to draw from. Naming a kind the network cannot support (`close-border` with one country,
   * `demand-level` without demand flows) is an error.
   * @defaultValue every kind the network and demand support
   */
  readonly kinds?: readonly ScenarioOp['kind'][];
  /** Let operations carry `from` / `until` dates (month precision). @defaultValue true */
  readonly dated?: boolean;
  /** Years dates are drawn from. @defaultValue `{ min: 2024, max: 2030 }` */
  readonly years?: { readonly min: number; readonly max: number };
  /** Smallest `scale-capacity` factor (≥ 0). @defaultValue 0 */
  readonly minFactor?: number;
  /** Largest `scale-capacity` factor. @defaultValue 3 */
  readonly maxFactor?: number;
  /** Largest capacity of `set-capacity` and of added links, per year. @defaultValue 1e6 */
  readonly maxCapacity?: number;
  /** Include awkward numbers (0, 1e-9, fractions, the maximum). @defaultValue true */
  readonly awkwardFloats?: boolean;
  /** Largest surcharge, USD per unit. @defaultValue 1000 */
  readonly maxSurchargeUsd?: number;
  /** Largest surcharge, days. @defaultValue 10 */
  readonly maxSurchargeDays?: number;
  /** Largest `demand-growth` factor. @defaultValue 3 */
  readonly maxGrowthFactor?: number;
  /**
   * Let `demand-growth` use `annualRate` + `baseYear`. Such operations need `options.year` (or `date`)
   * when applied, so they are off unless asked for.
   * @defaultValue false
   */
  readonly growthRates?: boolean;
  /** Let `add-link` add a new node at the link's head. @defaultValue true */
  readonly newNodes?: boolean;
  /** Most ids in one list (nodes to close, flows to set, filters). @defaultValue 2 */
  readonly maxSelected?: number;
}

/** Constraints of {@link arbScenario}. */
export interface ScenarioConstraints extends ScenarioOpConstraints {
  /** Fewest operations. @defaultValue 0 */
  readonly minOperations?: number;
  /** Most operations. @defaultValue 4 */
  readonly maxOperations?: number;
  /** Scenario id. @defaultValue 'generated' */
  readonly id?: string;
  /** Scenario name. @defaultValue 'Generated scenario' */
  readonly name?: string;
  /**
   * Let operations name a link or node that an earlier `add-link` added (a new crossing, then a
   * surcharge on it). Such an operation names nothing once that add-link is removed, so with `false`
   * removing any one operation keeps the scenario valid. @defaultValue true
   */
  readonly namesAdded?: boolean;
}

const DEFAULTS = {
  dated: true,
  years: { min: 2024, max: 2030 },
  minFactor: 0,
  maxFactor: 3,
  maxCapacity: 1e6,
  awkwardFloats: true,
  maxSurchargeUsd: 1000,
  maxSurchargeDays: 10,
  maxGrowthFactor: 3,
  growthRates: false,
  newNodes: true,
  maxSelected: 2,
  minOperations: 0,
  maxOperations: 4,
  id: 'generated',
  name: 'Generated scenario',
  namesAdded: true,
} as const;

const MODULE = 'corridor-sim/testing: arbScenario';

type Kind = ScenarioOp['kind'];

/** Scenario constraints after validation. @internal */
export interface ResolvedScenarioConstraints {
  readonly kinds: readonly Kind[] | undefined;
  readonly dated: boolean;
  readonly years: { readonly min: number; readonly max: number };
  readonly minFactor: number;
  readonly maxFactor: number;
  readonly maxCapacity: number;
  readonly awkwardFloats: boolean;
  readonly maxSurchargeUsd: number;
  readonly maxSurchargeDays: number;
  readonly maxGrowthFactor: number;
  readonly growthRates: boolean;
  readonly newNodes: boolean;
  readonly maxSelected: number;
  readonly minOperations: number;
  readonly maxOperations: number;
  readonly id: string;
  readonly name: string;
  readonly namesAdded: boolean;
}

function finiteAtLeast(name: string, value: number, min: number, hint = `≥ ${min}`): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new InvalidArgumentError(
      MODULE,
      `constraints.${name}`,
      `must be a finite number ${hint}, got ${describeValue(value)}`,
    );
  }
}

function integerAtLeast(name: string, value: number, min: number, hint = `≥ ${min}`): void {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidArgumentError(MODULE, `constraints.${name}`, `must be an integer ${hint}, got ${value}`);
  }
}

/**
 * Validate scenario constraints and fill in the defaults.
 *
 * @param constraints - user constraints
 * @returns the resolved constraints
 * @throws InvalidArgumentError on a bad or contradictory constraint
 * @internal
 */
export function resolveScenarioConstraints(
  constraints: ScenarioConstraints = {},
): ResolvedScenarioConstraints {
  if (typeof constraints !== 'object' || constraints === null) {
    throw new InvalidArgumentError(MODULE, 'constraints', `must be an object, got ${String(constraints)}`);
  }
  const c = { ...DEFAULTS, ...constraints };
  if (c.kinds !== undefined) {
    if (!Array.isArray(c.kinds) || c.kinds.length === 0) {
      throw new InvalidArgumentError(
        MODULE,
        'constraints.kinds',
        'must be a non-empty array of operation kinds',
      );
    }
    for (const kind of c.kinds) {
      if (!SCENARIO_OP_KINDS.includes(kind)) {
        throw new InvalidArgumentError(
          MODULE,
          'constraints.kinds',
          `contains ${JSON.stringify(kind)}, not one of ${SCENARIO_OP_KINDS.join(', ')}`,
        );
      }
    }
  }
  integerAtLeast('years.min', c.years.min, 1800);
  integerAtLeast('years.max', c.years.max, c.years.min, `≥ years.min (${c.years.min})`);
  if (c.years.max > 2200) {
    throw new InvalidArgumentError(MODULE, 'constraints.years.max', `must be ≤ 2200, got ${c.years.max}`);
  }
  finiteAtLeast('minFactor', c.minFactor, 0);
  finiteAtLeast('maxFactor', c.maxFactor, c.minFactor, `≥ minFactor (${c.minFactor})`);
  finiteAtLeast('maxCapacity', c.maxCapacity, Number.MIN_VALUE, '> 0');
  finiteAtLeast('maxSurchargeUsd', c.maxSurchargeUsd, 0);
  finiteAtLeast('maxSurchargeDays', c.maxSurchargeDays, 0);
  finiteAtLeast('maxGrowthFactor', c.maxGrowthFactor, 0);
  integerAtLeast('maxSelected', c.maxSelected, 1);
  integerAtLeast('minOperations', c.minOperations, 0);
  integerAtLeast('maxOperations', c.maxOperations, c.minOperations, `≥ minOperations (${c.minOperations})`);
  if (typeof c.namesAdded !== 'boolean') {
    throw new InvalidArgumentError(
      MODULE,
      'constraints.namesAdded',
      `must be true or false, got ${String(c.namesAdded)}`,
    );
  }
  if (typeof c.id !== 'string' || c.id.length === 0) {
    throw new InvalidArgumentError(
      MODULE,
      'constraints.id',
      `must be a non-empty string, got ${String(c.id)}`,
    );
  }
  return {
    kinds: c.kinds,
    dated: c.dated,
    years: { min: c.years.min, max: c.years.max },
    minFactor: c.minFactor,
    maxFactor: c.maxFactor,
    maxCapacity: c.maxCapacity,
    awkwardFloats: c.awkwardFloats,
    maxSurchargeUsd: c.maxSurchargeUsd,
    maxSurchargeDays: c.maxSurchargeDays,
    maxGrowthFactor: c.maxGrowthFactor,
    growthRates: c.growthRates,
    newNodes: c.newNodes,
    maxSelected: c.maxSelected,
    minOperations: c.minOperations,
    maxOperations: c.maxOperations,
    id: c.id,
    name: c.name,
    namesAdded: c.namesAdded,
  };
}

/** What operations can refer to: the base network and demand, as lists. @internal */
export interface ScenarioContext {
  readonly network: Network;
  readonly demand: Demand | undefined;
  readonly links: readonly LinkAttributes[];
  readonly nodes: readonly NodeAttributes[];
  readonly countries: readonly string[];
  readonly borders: readonly (readonly [string, string])[];
  readonly planned: readonly string[];
  readonly modes: readonly Mode[];
  readonly commodities: readonly string[];
  readonly segments: readonly string[];
  readonly flows: readonly string[];
  readonly origins: readonly string[];
  readonly destinations: readonly string[];
}

/**
 * Gather what operations can refer to.
 *
 * @param network - the network
 * @param demand - the demand, if any
 * @returns the context
 * @internal
 */
export function scenarioContext(network: Network, demand: Demand | undefined): ScenarioContext {
  const links = listLinks(network);
  const countries = networkCountries(network);
  const borders: [string, string][] = [];
  const seen = new Set<string>();
  for (const link of links) {
    for (let i = 1; i < link.countries.length; i++) {
      const a = link.countries[i - 1]!;
      const b = link.countries[i]!;
      if (a === b || seen.has(`${a}|${b}`) || seen.has(`${b}|${a}`)) continue;
      seen.add(`${a}|${b}`);
      borders.push([a, b]);
    }
  }
  if (borders.length === 0 && countries.length >= 2) borders.push([countries[0]!, countries[1]!]);
  const modes = [...new Set(links.map((l) => l.mode))];
  const flows = demand ? [...new Set(demand.flows.map((f) => f.id))] : [];
  return {
    network,
    demand,
    links,
    nodes: listNodes(network),
    countries,
    borders,
    planned: links.filter((l) => l.status === 'planned').map((l) => l.id),
    modes: modes.length > 0 ? modes : ['road'],
    commodities: Object.keys(network.commodities),
    segments: demand ? demand.segments.map((s) => s.id) : [],
    flows,
    origins: demand ? [...new Set(demand.flows.map((f) => f.origin))] : [],
    destinations: demand ? [...new Set(demand.flows.map((f) => f.destination))] : [],
  };
}

/**
 * The kinds a network (and demand) can support.
 *
 * @param ctx - the context
 * @param newNodes - whether add-link may add a node
 * @returns the kinds, in {@link SCENARIO_OP_KINDS} order
 * @internal
 */
export function supportedKinds(ctx: ScenarioContext, newNodes: boolean): Kind[] {
  return SCENARIO_OP_KINDS.filter((kind) => {
    switch (kind) {
      case 'close-border':
        return ctx.borders.length > 0;
      case 'add-link':
        return ctx.nodes.length >= 2 || (newNodes && ctx.nodes.length >= 1);
      case 'demand-level':
        return ctx.flows.length > 0;
      default:
        return ctx.nodes.length > 0;
    }
  });
}

/** A selector as drawn: criteria that all match the anchor link. @internal */
export interface RawSelector {
  readonly anchor: number;
  readonly commodities?: boolean;
  readonly modes?: boolean;
  readonly country?: number;
  readonly link?: boolean;
  readonly end?: boolean;
  readonly corridor?: boolean;
}

/** Dates as drawn. @internal */
export interface RawDates {
  readonly year: number;
  readonly month: number;
  readonly months?: number;
}

/** An operation as drawn: its kind and list positions. @internal */
export type RawOp = { readonly kind: Kind; readonly dates?: RawDates } & Readonly<Record<string, unknown>>;

/** Sizes of the lists positions are drawn from ({@link UNBOUNDED} when the network is not known). @internal */
export interface ScenarioBounds {
  readonly links: number;
  readonly nodes: number;
  readonly countries: number;
  readonly borders: number;
  readonly planned: number;
  readonly modes: number;
  readonly commodities: number;
  readonly segments: number;
  readonly flows: number;
  readonly origins: number;
  readonly destinations: number;
}

/**
 * List sizes of a context, as bounds for the raw arbitraries.
 *
 * @param ctx - the context
 * @returns the bounds
 * @internal
 */
export function boundsOf(ctx: ScenarioContext): ScenarioBounds {
  return {
    links: ctx.links.length,
    nodes: ctx.nodes.length,
    countries: ctx.countries.length,
    borders: ctx.borders.length,
    planned: ctx.planned.length,
    modes: ctx.modes.length,
    commodities: ctx.commodities.length,
    segments: ctx.segments.length,
    flows: ctx.flows.length,
    origins: ctx.origins.length,
    destinations: ctx.destinations.length,
  };
}

/** Bounds for when the network is drawn at the same time. @internal */
export const UNBOUNDED_SCENARIO: ScenarioBounds = {
  links: UNBOUNDED,
  nodes: UNBOUNDED,
  countries: UNBOUNDED,
  borders: UNBOUNDED,
  planned: UNBOUNDED,
  modes: UNBOUNDED,
  commodities: UNBOUNDED,
  segments: UNBOUNDED,
  flows: UNBOUNDED,
  origins: UNBOUNDED,
  destinations: UNBOUNDED,
};

const NEW_NODE_KINDS: readonly NodeKind[] = ['terminal', 'port', 'hub'];

/**
 * The arbitrary of one raw operation of the given kinds.
 *
 * @param c - resolved constraints
 * @param kinds - kinds to draw from (non-empty)
 * @param b - list sizes
 * @returns the arbitrary
 * @internal
 */
export function arbRawOp(
  c: ResolvedScenarioConstraints,
  kinds: readonly Kind[],
  b: ScenarioBounds,
): fc.Arbitrary<RawOp> {
  const position = (count: number) => fc.nat({ max: Math.max(0, count - 1) });
  const some = (count: number) =>
    fc.uniqueArray(position(count), { minLength: 1, maxLength: Math.max(1, Math.min(c.maxSelected, count)) });
  const selector = (withCountries: boolean): fc.Arbitrary<RawSelector> =>
    fc.record(
      {
        anchor: position(b.links),
        commodities: fc.constant(true),
        modes: fc.constant(true),
        ...(withCountries ? { country: fc.nat({ max: 3 }), end: fc.boolean(), link: fc.constant(true) } : {}),
        corridor: fc.constant(true),
      },
      { requiredKeys: ['anchor'] },
    );
  const dates: fc.Arbitrary<RawDates | undefined> = c.dated
    ? fc.option(
        fc.record(
          {
            year: fc.integer({ min: c.years.min, max: c.years.max }),
            month: fc.integer({ min: 1, max: 12 }),
            months: fc.integer({ min: 1, max: 36 }),
          },
          { requiredKeys: ['year', 'month'] },
        ),
        { nil: undefined, freq: 3 },
      )
    : fc.constant(undefined);
  const capacity = arbAmount(c.maxCapacity, c.awkwardFloats);
  const op = (
    kind: Kind,
    fields: Record<string, fc.Arbitrary<unknown>>,
    optionalKeys: readonly string[] = [],
  ) =>
    fc
      .record(
        { kind: fc.constant(kind), dates, ...fields },
        {
          requiredKeys: [
            'kind',
            'dates',
            ...Object.keys(fields).filter((k) => !optionalKeys.includes(k)),
          ] as never,
        },
      )
      .map((raw) => raw as unknown as RawOp);
  const byKind: Record<Kind, fc.Arbitrary<RawOp>> = {
    'close-links': op('close-links', { target: selector(true) }),
    'close-nodes': op('close-nodes', { nodes: some(b.nodes) }),
    'close-country': op('close-country', { country: position(b.countries), scope: selector(false) }, [
      'scope',
    ]),
    'close-border': op('close-border', { border: position(b.borders), scope: selector(false) }, ['scope']),
    'scale-capacity': op(
      'scale-capacity',
      {
        target: selector(true),
        factor: arbAround(
          c.minFactor,
          c.maxFactor,
          Math.min(c.maxFactor, Math.max(c.minFactor, 1)),
          c.awkwardFloats,
        ),
        includeNodes: fc.boolean(),
      },
      ['includeNodes'],
    ),
    'set-capacity': op(
      'set-capacity',
      { target: selector(true), capacityPerYear: capacity, nodeHandling: fc.constant(true) },
      ['nodeHandling'],
    ),
    'add-link': op(
      'add-link',
      {
        open: position(b.planned),
        from: position(b.nodes),
        step: position(b.nodes),
        mode: position(b.modes),
        commodity: position(b.commodities),
        capacity: capacity,
        transitDays: arbAmount(30, c.awkwardFloats),
        costUsdPerUnit: arbAmount(5000, c.awkwardFloats),
        distanceKm: arbAmount(10000, c.awkwardFloats),
        newNode: fc.record({ country: position(b.countries), kind: fc.constantFrom(...NEW_NODE_KINDS) }),
      },
      ['open', 'capacity', ...(c.newNodes ? ['newNode'] : [])],
    ),
    surcharge: op(
      'surcharge',
      {
        target: selector(true),
        costUsdPerUnit: arbAmount(c.maxSurchargeUsd, c.awkwardFloats),
        transitDays: arbAmount(c.maxSurchargeDays, c.awkwardFloats),
        segments: b.segments > 0 ? some(b.segments) : fc.constant([]),
      },
      ['costUsdPerUnit', 'transitDays', 'segments'],
    ),
    'avoid-country': op(
      'avoid-country',
      {
        country: position(b.countries),
        share: arbAround(0, 1, 0, c.awkwardFloats),
        commodities: some(b.commodities),
      },
      ['commodities'],
    ),
    'demand-growth': op(
      'demand-growth',
      {
        factor: arbAround(0, c.maxGrowthFactor, Math.min(1, c.maxGrowthFactor), c.awkwardFloats),
        rate: c.growthRates
          ? fc.record({
              annualRate: arbAround(-0.5, 0.3, 0, c.awkwardFloats),
              baseYear: fc.integer({ min: c.years.min, max: c.years.max }),
            })
          : fc.constant(undefined),
        commodities: some(b.commodities),
        origins: some(b.origins),
        destinations: some(b.destinations),
      },
      ['commodities', 'origins', 'destinations', ...(c.growthRates ? ['rate'] : [])],
    ),
    'demand-level': op('demand-level', { flows: some(b.flows), volumePerYear: capacity }),
  };
  if (!c.newNodes) {
    byKind['add-link'] = byKind['add-link'].map((raw) => {
      const { newNode: _drop, ...rest } = raw as RawOp & { newNode?: unknown };
      return rest as RawOp;
    });
  }
  return fc.oneof({ withCrossShrink: true }, ...kinds.map((kind) => byKind[kind]));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function resolveDates(raw: RawDates | undefined): Pick<OperationBase, 'from' | 'until'> {
  if (!raw) return {};
  const from = `${raw.year}-${pad(raw.month)}`;
  if (raw.months === undefined) return { from };
  const end = raw.year * 12 + (raw.month - 1) + raw.months;
  return { from, until: `${Math.floor(end / 12)}-${pad((end % 12) + 1)}` };
}

function resolveSelector(ctx: ScenarioContext, raw: RawSelector | undefined): Selector {
  if (!raw || ctx.links.length === 0) return {};
  const anchor = ctx.links[raw.anchor % ctx.links.length]!;
  const out: { -readonly [K in keyof Selector]: Selector[K] } = {};
  if (raw.commodities) out.commodities = [anchor.commodity];
  if (raw.modes) out.modes = [anchor.mode];
  if (raw.country !== undefined && anchor.countries.length > 0) {
    out.countries = [anchor.countries[raw.country % anchor.countries.length]!];
  }
  if (raw.link) out.links = [anchor.id];
  if (raw.end !== undefined) out.nodes = [raw.end ? anchor.to : anchor.from];
  if (raw.corridor) {
    const corridor = ctx.network.corridors.find((k) => corridorLinks(ctx.network, k.id).has(anchor.id));
    if (corridor) out.corridors = [corridor.id];
  }
  return out;
}

function pick<T>(list: readonly T[], positions: unknown): T[] {
  if (list.length === 0 || !Array.isArray(positions)) return [];
  return [...new Set((positions as number[]).map((p) => list[p % list.length]!))];
}

function at<T>(list: readonly T[], position: unknown): T | undefined {
  return list.length === 0 ? undefined : list[(position as number) % list.length];
}

function freshId(taken: (id: string) => boolean, base: string): string {
  let id = base;
  for (let k = 1; taken(id); k++) id = `${base}-${k}`;
  return id;
}

/**
 * Turn a raw operation into a scenario operation valid against the context.
 *
 * @param ctx - the base network and demand
 * @param raw - the drawn operation
 * @param index - its position in the scenario (names added links and nodes uniquely)
 * @returns the operation, or undefined when the network cannot support its kind
 * @internal
 */
export function resolveOp(ctx: ScenarioContext, raw: RawOp, index: number): ScenarioOp | undefined {
  const base = resolveDates(raw.dates);
  const r = raw as RawOp & Record<string, never>;
  switch (raw.kind) {
    case 'close-links':
      return { kind: 'close-links', target: resolveSelector(ctx, r.target), ...base };
    case 'close-nodes': {
      const nodes = pick(
        ctx.nodes.map((n) => n.id),
        r.nodes,
      );
      return nodes.length === 0 ? undefined : { kind: 'close-nodes', nodes, ...base };
    }
    case 'close-country': {
      const country = at(ctx.countries, r.country);
      if (country === undefined) return undefined;
      return {
        kind: 'close-country',
        country,
        ...(r.scope ? { scope: resolveSelector(ctx, r.scope) } : {}),
        ...base,
      };
    }
    case 'close-border': {
      const border = at(ctx.borders, r.border);
      if (border === undefined) return undefined;
      return {
        kind: 'close-border',
        countries: [border[0], border[1]],
        ...(r.scope ? { scope: resolveSelector(ctx, r.scope) } : {}),
        ...base,
      };
    }
    case 'scale-capacity': {
      const target = resolveSelector(ctx, r.target);
      return {
        kind: 'scale-capacity',
        target,
        factor: r.factor as unknown as number,
        ...(r.includeNodes !== undefined && target.nodes
          ? { includeNodes: r.includeNodes as unknown as boolean }
          : {}),
        ...base,
      };
    }
    case 'set-capacity': {
      let target = resolveSelector(ctx, r.target);
      const nodeHandling = r.nodeHandling !== undefined && ctx.links.length > 0;
      if (nodeHandling) {
        // Node handling applies to target.nodes (for target.commodities); documents reject the link
        // criteria with it, as they would be ignored.
        target = {
          nodes: target.nodes ?? [
            ctx.links[(r.target as unknown as RawSelector).anchor % ctx.links.length]!.from,
          ],
          ...(target.commodities ? { commodities: target.commodities } : {}),
        };
      }
      return {
        kind: 'set-capacity',
        target,
        capacityPerYear: r.capacityPerYear as unknown as number,
        ...(nodeHandling ? { nodeHandling: true } : {}),
        ...base,
      };
    }
    case 'add-link':
      return resolveAddLink(ctx, r as unknown as RawAddLink, index, base);
    case 'surcharge': {
      const cost = r.costUsdPerUnit as unknown as number | undefined;
      const days = r.transitDays as unknown as number | undefined;
      const segments = pick(ctx.segments, r.segments);
      return {
        kind: 'surcharge',
        target: resolveSelector(ctx, r.target),
        ...(cost !== undefined || days === undefined ? { costUsdPerUnit: cost ?? 0 } : {}),
        ...(days !== undefined ? { transitDays: days } : {}),
        ...(segments.length > 0 ? { segments } : {}),
        ...base,
      };
    }
    case 'avoid-country': {
      const country = at(ctx.countries, r.country);
      if (country === undefined) return undefined;
      const commodities = pick(ctx.commodities, r.commodities);
      return {
        kind: 'avoid-country',
        country,
        share: r.share as unknown as number,
        ...(commodities.length > 0 ? { commodities } : {}),
        ...base,
      };
    }
    case 'demand-growth': {
      const rate = r.rate as unknown as { annualRate: number; baseYear: number } | undefined;
      const commodities = pick(ctx.commodities, r.commodities);
      const origins = pick(ctx.origins, r.origins);
      const destinations = pick(ctx.destinations, r.destinations);
      return {
        kind: 'demand-growth',
        ...(rate
          ? { annualRate: rate.annualRate, baseYear: rate.baseYear }
          : { factor: r.factor as unknown as number }),
        ...(commodities.length > 0 ? { commodities } : {}),
        ...(origins.length > 0 ? { origins } : {}),
        ...(destinations.length > 0 ? { destinations } : {}),
        ...base,
      };
    }
    case 'demand-level': {
      const flows = pick(ctx.flows, r.flows);
      if (flows.length === 0) return undefined;
      return { kind: 'demand-level', flows, volumePerYear: r.volumePerYear as unknown as number, ...base };
    }
  }
}

interface RawAddLink {
  readonly open?: number;
  readonly from: number;
  readonly step: number;
  readonly mode: number;
  readonly commodity: number;
  readonly capacity?: number;
  readonly transitDays: number;
  readonly costUsdPerUnit: number;
  readonly distanceKm: number;
  readonly newNode?: { readonly country: number; readonly kind: NodeKind };
}

function resolveAddLink(
  ctx: ScenarioContext,
  raw: RawAddLink,
  index: number,
  base: Pick<OperationBase, 'from' | 'until'>,
): ScenarioOp | undefined {
  if (raw.open !== undefined && ctx.planned.length > 0) {
    return { kind: 'add-link', link: { id: ctx.planned[raw.open % ctx.planned.length]! }, ...base };
  }
  const n = ctx.nodes.length;
  if (n === 0 || (n === 1 && !raw.newNode)) return undefined;
  const from = ctx.nodes[raw.from % n]!;
  const graph = ctx.network.graph;
  let to: NodeAttributes;
  let added: NodeAttributes | undefined;
  if (raw.newNode && ctx.countries.length > 0) {
    const id = freshId((x) => graph.hasNode(x), `new-n${index}`);
    const country = ctx.countries[raw.newNode.country % ctx.countries.length]!;
    added = { id, name: `New node ${index}`, country, kind: raw.newNode.kind, lon: from.lon, lat: from.lat };
    to = added;
  } else {
    if (n < 2) return undefined;
    to = ctx.nodes[((raw.from % n) + 1 + (raw.step % (n - 1))) % n]!;
  }
  let mode: Mode = ctx.modes[raw.mode % ctx.modes.length] ?? 'road';
  // A rail link must join nodes that share a gauge.
  if (
    mode === 'rail' &&
    from.gaugesMm &&
    to.gaugesMm &&
    !from.gaugesMm.some((g) => to.gaugesMm!.includes(g))
  ) {
    mode = 'road';
  }
  const countries = from.country === to.country ? [from.country] : [from.country, to.country];
  const link: LinkAttributes = {
    id: freshId((x) => graph.hasEdge(x), `new-l${index}`),
    from: from.id,
    to: to.id,
    mode: MODES.includes(mode) ? mode : 'road',
    commodity: ctx.commodities[raw.commodity % ctx.commodities.length]!,
    ...(raw.capacity === undefined ? {} : { capacityPerYear: raw.capacity }),
    transitDays: raw.transitDays,
    costUsdPerUnit: raw.costUsdPerUnit,
    distanceKm: raw.distanceKm,
    countries,
    status: 'active',
  };
  return { kind: 'add-link', link, ...(added ? { nodes: [added] } : {}), ...base };
}

/**
 * The kinds to draw: the requested ones (each must be supported) or every supported kind.
 *
 * @param c - resolved constraints
 * @param ctx - the base network and demand
 * @returns the kinds
 * @throws InvalidArgumentError when a requested kind is not supported
 * @internal
 */
export function kindsFor(c: ResolvedScenarioConstraints, ctx: ScenarioContext): Kind[] {
  const supported = supportedKinds(ctx, c.newNodes);
  if (!c.kinds) return supported;
  for (const kind of c.kinds) {
    if (!supported.includes(kind)) {
      const why =
        kind === 'demand-level'
          ? 'needs demand with at least one flow'
          : kind === 'close-border'
            ? 'needs a network with two countries'
            : 'needs a network with two nodes';
      throw new InvalidArgumentError(
        MODULE,
        'constraints.kinds',
        `contains ${JSON.stringify(kind)}, which ${why}`,
      );
    }
  }
  return [...c.kinds];
}

function checkInputs(network: Network, demand: Demand | undefined): void {
  if (typeof network !== 'object' || network === null || typeof network.graph?.hasNode !== 'function') {
    throw new InvalidArgumentError(MODULE, 'network', `must be a Network, got ${String(network)}`);
  }
  if (
    demand !== undefined &&
    (typeof demand !== 'object' || demand === null || !Array.isArray(demand.flows))
  ) {
    throw new InvalidArgumentError(MODULE, 'demand', `must be a Demand or undefined, got ${String(demand)}`);
  }
}

/**
 * Scenario operations valid against a network (and demand).
 *
 * @param network - the network the operation applies to
 * @param demand - its demand; needed for `demand-level` and segment-scoped surcharges
 * @param constraints - see {@link ScenarioOpConstraints}
 * @returns an arbitrary of operations that `parseScenario` accepts in a scenario with that network and demand
 * @throws InvalidArgumentError on a bad constraint, or a requested kind the network cannot support (eagerly)
 * @example
 * fc.assert(fc.property(arbScenarioOp(network, demand, { kinds: ['close-border'] }), (op) => op.kind === 'close-border'));
 * @remarks Building the arbitrary is O(N + L + flows); each value O(L) (corridor lookup of the anchor).
 */
export function arbScenarioOp(
  network: Network,
  demand?: Demand,
  constraints: ScenarioOpConstraints = {},
): fc.Arbitrary<ScenarioOp> {
  checkInputs(network, demand);
  const c = resolveScenarioConstraints(constraints);
  const ctx = scenarioContext(network, demand);
  const kinds = kindsFor(c, ctx);
  return arbRawOp(c, kinds, boundsOf(ctx))
    .map((raw) => resolveOp(ctx, raw, 0))
    .filter((op): op is ScenarioOp => op !== undefined);
}

/**
 * Scenarios valid against a network (and demand): a list of operations that shrinks by removing
 * operations.
 *
 * @param network - the network
 * @param demand - its demand (optional; see {@link arbScenarioOp})
 * @param constraints - see {@link ScenarioConstraints}
 * @returns an arbitrary of scenarios that `parseScenario(serializeScenario(s), network, demand)` accepts
 * @throws InvalidArgumentError on a bad constraint, or a requested kind the network cannot support (eagerly)
 * @example
 * fc.assert(fc.property(arbScenario(network, demand, { kinds: ['close-links'], maxOperations: 3 }), (s) =>
 *   s.operations.length <= 3));
 * @remarks Each value O(operations × L).
 */
export function arbScenario(
  network: Network,
  demand?: Demand,
  constraints: ScenarioConstraints = {},
): fc.Arbitrary<Scenario> {
  checkInputs(network, demand);
  const c = resolveScenarioConstraints(constraints);
  const ctx = scenarioContext(network, demand);
  const kinds = kindsFor(c, ctx);
  return fc
    .array(arbRawOp(c, kinds, boundsOf(ctx)), { minLength: c.minOperations, maxLength: c.maxOperations })
    .map((raws) => buildScenario(c, ctx, raws));
}

/**
 * Assemble raw operations into a scenario (operations the context cannot support are dropped).
 *
 * @param c - resolved constraints
 * @param ctx - the base network and demand
 * @param raws - drawn operations
 * @returns the scenario
 * @internal
 */
export function buildScenario(
  c: ResolvedScenarioConstraints,
  ctx: ScenarioContext,
  raws: readonly RawOp[],
): Scenario {
  const operations: ScenarioOp[] = [];
  let current = ctx;
  raws.forEach((raw, i) => {
    const op = resolveOp(current, raw, i);
    if (!op) return;
    operations.push(op);
    if (c.namesAdded && op.kind === 'add-link' && 'from' in op.link) {
      // later operations may name what it adds (a new crossing, then a surcharge on it): first in the
      // lists, so that the anchors drawn for the base network reach them
      current = {
        ...current,
        links: [op.link, ...current.links],
        nodes: [...(op.nodes ?? []), ...current.nodes],
      };
    }
  });
  return { id: c.id, name: c.name, operations };
}
