/**
 * Demand arbitraries
 * ==================
 *
 * fast-check arbitraries of demand documents that are valid against a given network *by
 * construction*: every flow joins an origin and a destination connected by usable links of its
 * commodity, segments have values of time and (optionally) countries or links they avoid, and every
 * flow's segment shares sum to 1.
 *
 * Shrinking: flows and segments are drawn as flat records whose references are list positions
 * (pair number, segment weights), assembled afterwards. fast-check removes flows and segments and
 * moves each flow to the first connected pair, so a failing demand shrinks to one flow `f0` on the
 * first pair with a round volume and a single segment.
 *
 * Segment shares are drawn as small integer weights (0–4) and normalised: 3:1 becomes 0.75/0.25. A
 * flow whose weights are all 0 has no `segmentShares` and goes to the first segment (the default).
 */

import fc from 'fast-check';
import { parseDemand } from '../../data/demand-format.js';
import type { DemandDocument } from '../../data/schema.js';
import type { Demand } from '../../model/demand.js';
import { describeValue, InvalidArgumentError } from '../../model/errors.js';
import type { CommodityId, NodeId } from '../../model/ids.js';
import type { Network } from '../../model/network.js';
import { arbAmount } from './_internal/numbers.js';
import { type Connectivity, connectedPairs, networkCountries, type OdPair } from './_internal/reach.js';

/** Constraints of {@link arbDemandDocument} and {@link arbDemand}. */
export interface DemandConstraints {
  /** Fewest flows. @defaultValue 1 */
  readonly minFlows?: number;
  /** Most flows. @defaultValue 5 */
  readonly maxFlows?: number;
  /** Fewest shipper segments (0 means flows use the default segment). @defaultValue 0 */
  readonly minSegments?: number;
  /** Most shipper segments. @defaultValue 3 */
  readonly maxSegments?: number;
  /** Largest volume per flow, per year. @defaultValue 1e5 */
  readonly maxVolume?: number;
  /** Largest value of time, USD per unit per day. @defaultValue 100 */
  readonly maxValueOfTime?: number;
  /** Include awkward volumes and values of time (0, 1e-9, fractions, the maximum). @defaultValue true */
  readonly awkwardFloats?: boolean;
  /** Let segments avoid up to two countries of the network. @defaultValue true */
  readonly avoidCountries?: boolean;
  /** Let segments avoid up to two links. @defaultValue false */
  readonly avoidLinks?: boolean;
  /** Commodities of the flows. @defaultValue every commodity of the network */
  readonly commodities?: readonly CommodityId[];
  /** Origins to draw from. @defaultValue every node */
  readonly origins?: readonly NodeId[];
  /** Destinations to draw from. @defaultValue every node */
  readonly destinations?: readonly NodeId[];
  /** Years flows may be dated with; undated flows apply every year. @defaultValue [] (all undated) */
  readonly years?: readonly number[];
  /**
   * Which links make a pair connected: `usable` (active, capacity not 0) or `any` (planned and closed too).
   * @defaultValue 'usable'
   */
  readonly connectivity?: Connectivity;
}

const DEFAULTS = {
  minFlows: 1,
  maxFlows: 5,
  minSegments: 0,
  maxSegments: 3,
  maxVolume: 1e5,
  maxValueOfTime: 100,
  awkwardFloats: true,
  avoidCountries: true,
  avoidLinks: false,
  years: [] as readonly number[],
  connectivity: 'usable' as Connectivity,
} as const;

const MODULE = 'corridor-sim/testing: arbDemand';

/** Demand constraints after validation. @internal */
export interface ResolvedDemandConstraints {
  readonly minFlows: number;
  readonly maxFlows: number;
  readonly minSegments: number;
  readonly maxSegments: number;
  readonly maxVolume: number;
  readonly maxValueOfTime: number;
  readonly awkwardFloats: boolean;
  readonly avoidCountries: boolean;
  readonly avoidLinks: boolean;
  readonly commodities: readonly CommodityId[] | undefined;
  readonly origins: readonly NodeId[] | undefined;
  readonly destinations: readonly NodeId[] | undefined;
  readonly years: readonly number[];
  readonly connectivity: Connectivity;
}

function positiveFinite(name: string, value: number): void {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new InvalidArgumentError(
      MODULE,
      `constraints.${name}`,
      `must be a positive finite number, got ${describeValue(value)}`,
    );
  }
}

function integerAtLeast(name: string, value: number, min: number, hint = `≥ ${min}`): void {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidArgumentError(
      MODULE,
      `constraints.${name}`,
      `must be an integer ${hint}, got ${describeValue(value)}`,
    );
  }
}

/**
 * Validate demand constraints (against the network when given) and fill in the defaults.
 *
 * @param constraints - user constraints
 * @param network - the network, to check named commodities and nodes
 * @returns the resolved constraints
 * @throws InvalidArgumentError on a bad constraint; NotFoundError-style messages for unknown ids
 * @internal
 */
export function resolveDemandConstraints(
  constraints: DemandConstraints = {},
  network?: Network,
): ResolvedDemandConstraints {
  if (typeof constraints !== 'object' || constraints === null) {
    throw new InvalidArgumentError(
      MODULE,
      'constraints',
      `must be an object, got ${describeValue(constraints)}`,
    );
  }
  const c = { ...DEFAULTS, ...constraints };
  integerAtLeast('minFlows', c.minFlows, 0);
  integerAtLeast('maxFlows', c.maxFlows, c.minFlows, `≥ minFlows (${c.minFlows})`);
  integerAtLeast('minSegments', c.minSegments, 0);
  integerAtLeast('maxSegments', c.maxSegments, c.minSegments, `≥ minSegments (${c.minSegments})`);
  positiveFinite('maxVolume', c.maxVolume);
  positiveFinite('maxValueOfTime', c.maxValueOfTime);
  if (c.connectivity !== 'usable' && c.connectivity !== 'any') {
    throw new InvalidArgumentError(
      MODULE,
      'constraints.connectivity',
      `must be 'usable' or 'any', got ${JSON.stringify(c.connectivity)}`,
    );
  }
  c.years.forEach((year, i) => {
    if (!Number.isInteger(year) || year < 1800 || year > 2200) {
      throw new InvalidArgumentError(
        MODULE,
        `constraints.years[${i}]`,
        `must be an integer year in [1800, 2200], got ${describeValue(year)}`,
      );
    }
  });
  if (network) {
    for (const commodity of c.commodities ?? []) {
      if (!Object.hasOwn(network.commodities, commodity)) {
        throw new InvalidArgumentError(
          MODULE,
          'constraints.commodities',
          `names ${JSON.stringify(commodity)}, which the network does not carry`,
        );
      }
    }
    for (const key of ['origins', 'destinations'] as const) {
      for (const node of c[key] ?? []) {
        if (!network.graph.hasNode(node)) {
          throw new InvalidArgumentError(
            MODULE,
            `constraints.${key}`,
            `names node ${JSON.stringify(node)}, which does not exist`,
          );
        }
      }
    }
  }
  return {
    minFlows: c.minFlows,
    maxFlows: c.maxFlows,
    minSegments: c.minSegments,
    maxSegments: c.maxSegments,
    maxVolume: c.maxVolume,
    maxValueOfTime: c.maxValueOfTime,
    awkwardFloats: c.awkwardFloats,
    avoidCountries: c.avoidCountries,
    avoidLinks: c.avoidLinks,
    commodities: c.commodities,
    origins: c.origins,
    destinations: c.destinations,
    years: c.years,
    connectivity: c.connectivity,
  };
}

/** A segment as drawn. @internal */
export interface RawSegment {
  readonly valueOfTime: number;
  readonly avoidCountries: readonly number[];
  readonly avoidLinks: readonly number[];
}

/** A flow as drawn: its pair and year are list positions. @internal */
export interface RawFlow {
  readonly pair: number;
  readonly volume: number;
  readonly weights: readonly number[];
  readonly year?: number | undefined;
}

/** Demand as drawn. @internal */
export interface RawDemand {
  readonly segments: readonly RawSegment[];
  readonly flows: readonly RawFlow[];
}

/** Upper bound of list positions when the network is not known yet (joint generation). @internal */
export const UNBOUNDED = 1 << 20;

/**
 * The arbitrary of raw demand.
 *
 * @param c - resolved constraints
 * @param bounds - how many pairs, countries and links there are (positions are drawn below these; use
 *   {@link UNBOUNDED} when unknown, positions are then taken modulo the real counts)
 * @returns the arbitrary
 * @internal
 */
export function arbRawDemand(
  c: ResolvedDemandConstraints,
  bounds: { readonly pairs: number; readonly countries: number; readonly links: number },
): fc.Arbitrary<RawDemand> {
  const positions = (count: number, enabled: boolean) =>
    enabled && count > 0
      ? fc.uniqueArray(fc.nat({ max: count - 1 }), { maxLength: 2 })
      : fc.constant<number[]>([]);
  const segment = fc.record({
    valueOfTime: arbAmount(c.maxValueOfTime, c.awkwardFloats),
    avoidCountries: positions(bounds.countries, c.avoidCountries),
    avoidLinks: positions(bounds.links, c.avoidLinks),
  });
  const year =
    c.years.length > 0
      ? fc.option(fc.nat({ max: c.years.length - 1 }), { nil: undefined })
      : fc.constant(undefined);
  const flow = fc.record({
    pair: fc.nat({ max: Math.max(0, bounds.pairs - 1) }),
    volume: arbAmount(c.maxVolume, c.awkwardFloats),
    weights: fc.array(fc.nat({ max: 4 }), { maxLength: c.maxSegments }),
    year,
  });
  return fc.record({
    segments: fc.array(segment, { minLength: c.minSegments, maxLength: c.maxSegments }),
    flows: fc.array(flow, { minLength: bounds.pairs > 0 ? c.minFlows : 0, maxLength: c.maxFlows }),
  });
}

/**
 * Assemble raw demand into a valid document for `network`.
 *
 * @param c - resolved constraints
 * @param network - the network
 * @param raw - the drawn demand
 * @param pairs - the connected pairs to draw from
 * @param countries - the countries segments may avoid
 * @returns a demand document valid against the network
 * @internal
 */
export function buildDemandDocument(
  c: ResolvedDemandConstraints,
  network: Network,
  raw: RawDemand,
  pairs: readonly OdPair[],
  countries: readonly string[],
): DemandDocument {
  const links = network.graph.edges();
  const segments = raw.segments.map((s, i) => {
    const avoidCountries = [...new Set(s.avoidCountries.map((k) => countries[k % countries.length]!))];
    const avoidLinks =
      links.length === 0 ? [] : [...new Set(s.avoidLinks.map((k) => links[k % links.length]!))];
    return {
      id: `s${i}`,
      name: `Segment ${i}`,
      valueOfTimeUsdPerUnitDay: s.valueOfTime,
      ...(avoidCountries.length > 0 ? { avoidCountries } : {}),
      ...(avoidLinks.length > 0 ? { avoidLinks } : {}),
    };
  });
  const flows =
    pairs.length === 0
      ? []
      : raw.flows.map((f, i) => {
          const pair = pairs[f.pair % pairs.length]!;
          const weights = segments.map((_s, k) => f.weights[k] ?? 0);
          const total = weights.reduce((a, b) => a + b, 0);
          const shares =
            total > 0 && segments.length > 0
              ? Object.fromEntries(weights.flatMap((w, k) => (w > 0 ? [[`s${k}`, w / total] as const] : [])))
              : undefined;
          return {
            id: `f${i}`,
            origin: pair.origin,
            destination: pair.destination,
            commodity: pair.commodity,
            volumePerYear: f.volume,
            ...(f.year === undefined || c.years.length === 0
              ? {}
              : { year: c.years[f.year % c.years.length]! }),
            ...(shares ? { segmentShares: shares } : {}),
          };
        });
  return {
    format: 'corridor-sim/demand',
    version: 1,
    ...(segments.length > 0 ? { segments } : {}),
    flows,
  } as DemandDocument;
}

/**
 * The connected pairs a demand generator draws from.
 *
 * @param network - the network
 * @param c - resolved constraints
 * @returns the pairs
 * @internal
 */
export function demandPairs(network: Network, c: ResolvedDemandConstraints): OdPair[] {
  return connectedPairs(network, {
    commodities: c.commodities,
    origins: c.origins,
    destinations: c.destinations,
    connectivity: c.connectivity,
  });
}

function checkNetwork(network: Network, module: string): void {
  if (typeof network !== 'object' || network === null || typeof network.graph?.hasNode !== 'function') {
    throw new InvalidArgumentError(module, 'network', `must be a Network, got ${describeValue(network)}`);
  }
}

/**
 * Valid `corridor-sim/demand` documents for a network.
 *
 * @param network - the network the demand is for
 * @param constraints - see {@link DemandConstraints}
 * @returns an arbitrary of documents that `parseDemand(doc, network)` accepts
 * @throws InvalidArgumentError on a bad constraint, or when `minFlows > 0` and no pair of nodes is
 *   connected (checked eagerly, when called)
 * @example
 * fc.assert(fc.property(arbDemandDocument(network, { maxFlows: 3 }), (doc) => safeParseDemand(doc, network).success));
 * @remarks Building the arbitrary costs O(C · N · (N + L)) (connected pairs); each value O(flows · segments).
 */
export function arbDemandDocument(
  network: Network,
  constraints: DemandConstraints = {},
): fc.Arbitrary<DemandDocument> {
  checkNetwork(network, MODULE);
  const c = resolveDemandConstraints(constraints, network);
  const pairs = demandPairs(network, c);
  if (pairs.length === 0 && c.minFlows > 0) {
    throw new InvalidArgumentError(
      MODULE,
      'network',
      `has no origin–destination pair connected by ${c.connectivity} links of ${c.commodities?.join('/') ?? 'any commodity'}${c.origins ? ` from ${c.origins.join(',')}` : ''}${c.destinations ? ` to ${c.destinations.join(',')}` : ''}, so minFlows ${c.minFlows} cannot be met`,
    );
  }
  const countries = networkCountries(network);
  return arbRawDemand(c, {
    pairs: pairs.length,
    countries: countries.length,
    links: network.graph.size,
  }).map((raw) => buildDemandDocument(c, network, raw, pairs, countries));
}

/**
 * Valid demand for a network (parsed {@link arbDemandDocument}s).
 *
 * @param network - the network the demand is for
 * @param constraints - see {@link DemandConstraints}
 * @returns an arbitrary of demand
 * @throws InvalidArgumentError on a bad constraint or an unconnected network (see {@link arbDemandDocument})
 * @example
 * const input = arbNetwork({ connected: true }).chain((network) =>
 *   arbDemand(network, { origins: ['n0'] }).map((demand) => ({ network, demand })));
 */
export function arbDemand(network: Network, constraints: DemandConstraints = {}): fc.Arbitrary<Demand> {
  return arbDemandDocument(network, constraints).map((doc) => parseDemand(doc, network));
}
