/**
 * Routing options and the generalized cost
 * ========================================
 *
 * Every routing function weighs a link by its *generalized cost* for one commodity and one shipper's
 * value of time (VOT, USD per unit per day):
 *
 *     cost(link) = link.costUsdPerUnit + VOT · link.transitDays
 *                + handling cost and VOT · dwell of the node the link arrives at
 *
 * where the arrival node's dwell is `node.dwellDays + node.handling[commodity].dwellDays` and its
 * handling cost `node.handling[commodity].costUsdPerUnit`. The origin's own handling is not charged,
 * the destination's is (the shipment is handled on arrival). The same per-link figures feed both
 * engines (graphology and the typed-array index), so both report bit-identical path totals.
 *
 * A link is closed (weight `Infinity`) when it carries another commodity, is planned and not open by
 * `year`, is listed in `avoidLinks`, or touches a country of `avoidCountries` other than the origin's
 * and the destination's country.
 *
 * Reference: generalized cost as in Ortúzar & Willumsen, *Modelling Transport* (4th ed., 2011), §5.5.
 */

import { decimalYear } from '../../model/dates.js';
import { InvalidArgumentError, NotFoundError } from '../../model/errors.js';
import { type CommodityId, type CountryCode, isCountryCode, type LinkId } from '../../model/ids.js';
import type { LinkAttributes, Network, NodeAttributes } from '../../model/network.js';

const MODULE = 'corridor-sim/routing';

/** Numeric link attributes that can serve as a weight by name. */
export type NumericLinkAttribute = 'costUsdPerUnit' | 'transitDays' | 'distanceKm' | 'capacityPerYear';

/**
 * A custom link weight, graphology style: the name of a numeric link attribute, or a function of the
 * link id and attributes. It must return a finite number ≥ 0, or `Infinity` to close the link. A custom
 * weight replaces the whole generalized cost (node dwell and handling are then not added).
 */
export type LinkWeight = NumericLinkAttribute | ((link: LinkId, attributes: LinkAttributes) => number);

/** Options shared by every routing function. */
export interface RoutingOptions {
  /**
   * Commodity routed; only its links are used.
   * @defaultValue the network's only commodity (required when it declares several)
   */
  readonly commodity?: CommodityId;
  /**
   * Shipper's value of time, USD per unit (TEU or tonne) per day.
   * @defaultValue 0
   */
  readonly valueOfTimeUsdPerUnitDay?: number;
  /**
   * Decimal year: planned links whose opening date is on or before it are open.
   * @defaultValue undefined (only links with status `active`)
   */
  readonly year?: number;
  /**
   * Countries the path may not touch (ISO alpha-2); the origin's and destination's countries are exempt.
   * @defaultValue []
   */
  readonly avoidCountries?: readonly CountryCode[];
  /**
   * Links the path may not use.
   * @defaultValue []
   */
  readonly avoidLinks?: readonly LinkId[];
  /**
   * Custom weight replacing the generalized cost.
   * @defaultValue undefined (generalized cost)
   */
  readonly weight?: LinkWeight;
}

/** Defaults of {@link RoutingOptions}. */
export const DEFAULTS = {
  valueOfTimeUsdPerUnitDay: 0,
  year: undefined,
  avoidCountries: [] as readonly CountryCode[],
  avoidLinks: [] as readonly LinkId[],
  weight: undefined,
} as const;

const NUMERIC_ATTRIBUTES: readonly NumericLinkAttribute[] = [
  'costUsdPerUnit',
  'transitDays',
  'distanceKm',
  'capacityPerYear',
];

/** Routing options after validation, with defaults filled in. */
export interface ResolvedRoutingOptions {
  readonly commodity: CommodityId;
  readonly valueOfTimeUsdPerUnitDay: number;
  readonly year: number | undefined;
  readonly avoidCountries: readonly CountryCode[];
  readonly avoidLinks: ReadonlySet<LinkId>;
  readonly weight: LinkWeight | undefined;
}

/**
 * Validate routing options against a network and fill in the defaults.
 *
 * @param network - the network routed on
 * @param options - user options
 * @returns the resolved options (new objects; the input is not changed)
 * @throws InvalidArgumentError on a bad value; NotFoundError on an unknown commodity or link
 * @internal
 */
export function resolveRoutingOptions(
  network: Network,
  options: RoutingOptions = {},
): ResolvedRoutingOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(MODULE, 'options', `must be an object, got ${String(options)}`);
  }
  const commodities = Object.keys(network.commodities);
  let commodity = options.commodity;
  if (commodity === undefined) {
    if (commodities.length !== 1) {
      throw new InvalidArgumentError(
        MODULE,
        'options.commodity',
        `is required: the network declares ${commodities.length} commodities (${commodities.join(', ')})`,
      );
    }
    commodity = commodities[0]!;
  } else if (!Object.hasOwn(network.commodities, commodity)) {
    throw new NotFoundError(MODULE, 'commodity', String(commodity));
  }

  const vot = options.valueOfTimeUsdPerUnitDay ?? DEFAULTS.valueOfTimeUsdPerUnitDay;
  if (typeof vot !== 'number' || !Number.isFinite(vot) || vot < 0) {
    throw new InvalidArgumentError(
      MODULE,
      'options.valueOfTimeUsdPerUnitDay',
      `must be a finite number ≥ 0, got ${String(vot)}`,
    );
  }

  const year = options.year ?? DEFAULTS.year;
  if (year !== undefined && (typeof year !== 'number' || !Number.isFinite(year))) {
    throw new InvalidArgumentError(MODULE, 'options.year', `must be a finite number, got ${String(year)}`);
  }

  const avoidCountries = options.avoidCountries ?? DEFAULTS.avoidCountries;
  if (!Array.isArray(avoidCountries)) {
    throw new InvalidArgumentError(MODULE, 'options.avoidCountries', 'must be an array of country codes');
  }
  avoidCountries.forEach((code, i) => {
    if (!isCountryCode(code)) {
      throw new InvalidArgumentError(
        MODULE,
        `options.avoidCountries[${i}]`,
        `is not an ISO 3166-1 alpha-2 code: ${JSON.stringify(code)}`,
      );
    }
  });

  const avoidLinks = options.avoidLinks ?? DEFAULTS.avoidLinks;
  if (!Array.isArray(avoidLinks)) {
    throw new InvalidArgumentError(MODULE, 'options.avoidLinks', 'must be an array of link ids');
  }
  for (const id of avoidLinks) {
    if (typeof id !== 'string' || !network.graph.hasEdge(id))
      throw new NotFoundError(MODULE, 'link', String(id));
  }

  const weight = options.weight ?? DEFAULTS.weight;
  if (
    weight !== undefined &&
    typeof weight !== 'function' &&
    !NUMERIC_ATTRIBUTES.includes(weight as NumericLinkAttribute)
  ) {
    throw new InvalidArgumentError(
      MODULE,
      'options.weight',
      `must be a function or one of ${NUMERIC_ATTRIBUTES.join(', ')}, got ${JSON.stringify(weight)}`,
    );
  }

  return {
    commodity,
    valueOfTimeUsdPerUnitDay: vot,
    year,
    avoidCountries: [...new Set(avoidCountries)],
    avoidLinks: new Set(avoidLinks),
    weight,
  };
}

/** Money, time and distance of one link including its arrival node, as charged by routing. */
export interface ArrivalMetrics {
  /** Link cost plus handling cost at the head, USD per unit. */
  readonly costUsd: number;
  /** Link transit time plus dwell at the head, days. */
  readonly transitDays: number;
  /** Link length, km. */
  readonly distanceKm: number;
}

/**
 * The money, time and distance a link adds to a path for a commodity, its arrival node included.
 * This is the single definition both routing engines use.
 *
 * @throws InvalidArgumentError when a figure is negative or NaN (networks built with `createNetwork`
 *   are not validated; `parseNetwork` rejects such values earlier)
 * @param link - the link's attributes
 * @param head - the attributes of the node it arrives at
 * @param commodity - the commodity routed
 * @returns the link's contribution to a path
 * @internal
 */
export function arrivalMetrics(
  link: LinkAttributes,
  head: NodeAttributes,
  commodity: CommodityId,
): ArrivalMetrics {
  const handling = head.handling?.[commodity];
  const costUsd = link.costUsdPerUnit + (handling?.costUsdPerUnit ?? 0);
  const transitDays = link.transitDays + ((head.dwellDays ?? 0) + (handling?.dwellDays ?? 0));
  const distanceKm = link.distanceKm;
  // NaN fails every comparison: `!(x >= 0)` catches NaN, negatives and non-numbers alike.
  if (!(costUsd >= 0) || !(transitDays >= 0) || !(distanceKm >= 0)) {
    throw new InvalidArgumentError(
      MODULE,
      'network',
      `link ${JSON.stringify(link.id)} (arrival at ${JSON.stringify(head.id)} included) has a negative or NaN figure: ` +
        `cost ${String(costUsd)} USD, time ${String(transitDays)} days, distance ${String(distanceKm)} km`,
    );
  }
  return { costUsd, transitDays, distanceKm };
}

/**
 * The generalized cost of a link's contribution: money + VOT × time.
 *
 * @param metrics - from {@link arrivalMetrics}
 * @param valueOfTimeUsdPerUnitDay - the shipper's value of time
 * @returns USD per unit
 * @internal
 */
export function generalizedCost(metrics: ArrivalMetrics, valueOfTimeUsdPerUnitDay: number): number {
  return metrics.costUsd + valueOfTimeUsdPerUnitDay * metrics.transitDays;
}

/**
 * Evaluate a custom weight on a link and check the value.
 *
 * @param weight - the custom weight
 * @param id - link id
 * @param attributes - link attributes
 * @returns the weight (finite ≥ 0, or Infinity)
 * @throws InvalidArgumentError when the value is not a number ≥ 0 (NaN, negative, missing attribute)
 * @internal
 */
export function customWeight(weight: LinkWeight, id: LinkId, attributes: LinkAttributes): number {
  const value = typeof weight === 'function' ? weight(id, attributes) : attributes[weight];
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new InvalidArgumentError(
      MODULE,
      'options.weight',
      `must give a number ≥ 0 (or Infinity to close the link) for every link; link ${JSON.stringify(id)} got ${String(value)}`,
    );
  }
  return value;
}

/**
 * Whether a link is in service in a year: active, or planned with an opening date on or before it
 * (the rule of `compileNetwork`).
 *
 * @param link - link attributes
 * @param year - decimal year, or undefined for "active links only"
 * @returns true when the link is in service
 * @internal
 */
export function linkInService(link: LinkAttributes, year: number | undefined): boolean {
  if (link.status === 'active') return true;
  return link.opens !== undefined && year !== undefined && decimalYear(link.opens) <= year;
}

/**
 * Whether a link may be used under the resolved options, country avoidance aside.
 *
 * @param link - link attributes
 * @param options - resolved options
 * @returns true when the link carries the commodity, is in service and not avoided
 * @internal
 */
export function linkAllowed(link: LinkAttributes, options: ResolvedRoutingOptions): boolean {
  return (
    link.commodity === options.commodity &&
    !options.avoidLinks.has(link.id) &&
    linkInService(link, options.year)
  );
}

/**
 * The avoided countries a path from `originCountry` to `destinationCountry` must really stay out of.
 *
 * @param options - resolved options
 * @param originCountry - the origin node's country
 * @param destinationCountry - the destination node's country
 * @returns the forbidden countries (avoidCountries minus the two exempt ones)
 * @internal
 */
export function forbiddenCountries(
  options: ResolvedRoutingOptions,
  originCountry: CountryCode,
  destinationCountry: CountryCode,
): ReadonlySet<CountryCode> {
  return new Set(options.avoidCountries.filter((c) => c !== originCountry && c !== destinationCountry));
}

/**
 * Whether a link touches a forbidden country (its own countries, or either endpoint's country).
 *
 * @param link - link attributes
 * @param tail - tail node attributes
 * @param head - head node attributes
 * @param forbidden - forbidden countries
 * @returns true when the link must not be used
 * @internal
 */
export function touchesForbidden(
  link: LinkAttributes,
  tail: NodeAttributes,
  head: NodeAttributes,
  forbidden: ReadonlySet<CountryCode>,
): boolean {
  if (forbidden.size === 0) return false;
  if (forbidden.has(tail.country) || forbidden.has(head.country)) return true;
  for (const c of link.countries) if (forbidden.has(c)) return true;
  return false;
}
