/**
 * Network arbitraries
 * ===================
 *
 * fast-check arbitraries that generate valid network documents and networks, with constraints on
 * size, modes, countries, corridors and capacities (including awkward floats).
 *
 * Shrinking: the document is drawn as flat records (a list of nodes, a list of links whose ends are
 * node *positions*, a list of corridor seeds) and only then assembled, without `chain`. So fast-check
 * shrinks by removing links, nodes and corridors and by moving numbers towards 0: a failing network
 * shrinks to a handful of nodes `n0, n1 …`, links `l0, l1 …` from `n0` to `n1`, round capacities.
 * Link ends are taken modulo the node count, so removing a node never leaves a link dangling.
 *
 * Validity by construction: ids unique, no self-loops, every link's `countries` starts with its
 * tail's country and ends with its head's, planned links carry an opening date, corridors follow
 * links of their commodity (so the waypoint chain is connected).
 */

import fc from 'fast-check';
import { parseNetwork } from '../../data/network-format.js';
import type { NetworkDocument } from '../../data/schema.js';
import { InvalidArgumentError } from '../../model/errors.js';
import { MODES, type Mode, type Network, type VolumeDelay } from '../../model/network.js';
import { withNetworkDescription } from './_internal/describe.js';
import { arbAmount, arbAround } from './_internal/numbers.js';

/** Constraints of {@link arbNetworkDocument} and {@link arbNetwork}. */
export interface NetworkConstraints {
  /** Fewest nodes (≥ 2). @defaultValue 2 */
  readonly minNodes?: number;
  /** Most nodes. @defaultValue 8 */
  readonly maxNodes?: number;
  /** Fewest links (besides the backbone of `connected`). @defaultValue 0 */
  readonly minLinks?: number;
  /** Most links (besides the backbone of `connected`). @defaultValue 3 × maxNodes */
  readonly maxLinks?: number;
  /** Modes to draw from. @defaultValue every mode except pipeline */
  readonly modes?: readonly Mode[];
  /** Countries to draw from (ISO alpha-2). @defaultValue CN KZ RU AZ GE TR DE */
  readonly countries?: readonly string[];
  /** Commodities the network declares; links draw from them. @defaultValue ['container'] */
  readonly commodities?: readonly ('container' | 'crude')[];
  /** Largest capacity, per year. @defaultValue 1e6 */
  readonly maxCapacity?: number;
  /** Include awkward values: fractional and tiny capacities, zero capacity, the maximum itself. @defaultValue true */
  readonly awkwardFloats?: boolean;
  /** Allow links and node handling without a capacity (uncapacitated). @defaultValue true */
  readonly uncapacitated?: boolean;
  /** Generate corridors (waypoints along a walk over links). @defaultValue true */
  readonly corridors?: boolean;
  /** Most corridors (when `corridors`). @defaultValue 3 */
  readonly maxCorridors?: number;
  /** Allow planned links with opening dates. @defaultValue true */
  readonly planned?: boolean;
  /** Allow links with status `closed`. @defaultValue false */
  readonly closed?: boolean;
  /** Allow parallel links between the same ordered pair of nodes. @defaultValue true */
  readonly parallelLinks?: boolean;
  /** Allow handling capacities, costs and dwell at nodes (split nodes in the solvers). @defaultValue true */
  readonly handling?: boolean;
  /** Allow links with their own volume-delay function (BPR, conical, constant). @defaultValue true */
  readonly vdf?: boolean;
  /** Allow links that cross a third country between their ends (`countries: [a, x, b]`). @defaultValue true */
  readonly transitCountries?: boolean;
  /**
   * Add a backbone `n0 → n1 → … → n(k−1)` of active, capacitated links for every commodity, so that
   * every node is reachable from `n0` (ids `b<commodity index>-<i>`). Demand generators then always
   * find origin–destination pairs.
   * @defaultValue false
   */
  readonly connected?: boolean;
}

const DEFAULTS = {
  minNodes: 2,
  maxNodes: 8,
  minLinks: 0,
  modes: MODES.filter((m) => m !== 'pipeline'),
  countries: ['CN', 'KZ', 'RU', 'AZ', 'GE', 'TR', 'DE'],
  commodities: ['container'] as const,
  maxCapacity: 1e6,
  awkwardFloats: true,
  uncapacitated: true,
  corridors: true,
  maxCorridors: 3,
  planned: true,
  closed: false,
  parallelLinks: true,
  handling: true,
  vdf: true,
  transitCountries: true,
  connected: false,
} as const;

const MODULE = 'corridor-sim/testing: arbNetwork';

const COMMODITY_INFO = {
  container: { name: 'Containers', unit: 'TEU' as const },
  crude: { name: 'Crude oil', unit: 't' as const },
};

/** Constraints after validation. @internal */
export interface ResolvedNetworkConstraints {
  readonly minNodes: number;
  readonly maxNodes: number;
  readonly minLinks: number;
  readonly maxLinks: number;
  readonly modes: readonly Mode[];
  readonly countries: readonly string[];
  readonly commodities: readonly ('container' | 'crude')[];
  readonly maxCapacity: number;
  readonly awkwardFloats: boolean;
  readonly uncapacitated: boolean;
  readonly maxCorridors: number;
  readonly planned: boolean;
  readonly closed: boolean;
  readonly parallelLinks: boolean;
  readonly handling: boolean;
  readonly vdf: boolean;
  readonly transitCountries: boolean;
  readonly connected: boolean;
}

function checkInteger(name: string, value: number, min: number, hint = `≥ ${min}`): void {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidArgumentError(MODULE, `constraints.${name}`, `must be an integer ${hint}, got ${value}`);
  }
}

function checkList<T>(name: string, value: readonly T[], allowed: readonly T[] | undefined): void {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidArgumentError(MODULE, `constraints.${name}`, 'must be a non-empty array');
  }
  if (new Set(value).size !== value.length) {
    throw new InvalidArgumentError(MODULE, `constraints.${name}`, `has duplicates: ${JSON.stringify(value)}`);
  }
  for (const item of value) {
    if (allowed && !allowed.includes(item)) {
      throw new InvalidArgumentError(
        MODULE,
        `constraints.${name}`,
        `contains ${JSON.stringify(item)}, not one of ${allowed.join(', ')}`,
      );
    }
  }
}

/**
 * Validate network constraints and fill in the defaults.
 *
 * @param constraints - user constraints
 * @returns the resolved constraints
 * @throws InvalidArgumentError on a bad or contradictory constraint
 * @internal
 */
export function resolveNetworkConstraints(constraints: NetworkConstraints = {}): ResolvedNetworkConstraints {
  if (typeof constraints !== 'object' || constraints === null) {
    throw new InvalidArgumentError(MODULE, 'constraints', `must be an object, got ${String(constraints)}`);
  }
  const c = { ...DEFAULTS, ...constraints };
  checkInteger('minNodes', c.minNodes, 2);
  checkInteger('maxNodes', c.maxNodes, c.minNodes, `≥ minNodes (${c.minNodes})`);
  const maxLinks = constraints.maxLinks ?? Math.max(3 * c.maxNodes, c.minLinks);
  checkInteger('minLinks', c.minLinks, 0);
  checkInteger('maxLinks', maxLinks, c.minLinks, `≥ minLinks (${c.minLinks})`);
  checkInteger('maxCorridors', c.maxCorridors, 0);
  if (!c.parallelLinks && c.minLinks > c.minNodes * (c.minNodes - 1)) {
    throw new InvalidArgumentError(
      MODULE,
      'constraints.minLinks',
      `${c.minLinks} cannot be met without parallel links on ${c.minNodes} nodes (at most ${c.minNodes * (c.minNodes - 1)} ordered pairs)`,
    );
  }
  checkList('modes', c.modes, MODES);
  checkList('countries', c.countries, undefined);
  for (const code of c.countries) {
    if (!/^[A-Z]{2}$/.test(code)) {
      throw new InvalidArgumentError(
        MODULE,
        'constraints.countries',
        `contains ${JSON.stringify(code)}, not an ISO 3166-1 alpha-2 code`,
      );
    }
  }
  checkList('commodities', c.commodities, ['container', 'crude']);
  if (typeof c.maxCapacity !== 'number' || !(c.maxCapacity > 0) || !Number.isFinite(c.maxCapacity)) {
    throw new InvalidArgumentError(
      MODULE,
      'constraints.maxCapacity',
      `must be a positive finite number, got ${c.maxCapacity}`,
    );
  }
  return {
    minNodes: c.minNodes,
    maxNodes: c.maxNodes,
    minLinks: c.minLinks,
    maxLinks,
    modes: c.modes,
    countries: c.countries,
    commodities: c.commodities,
    maxCapacity: c.maxCapacity,
    awkwardFloats: c.awkwardFloats,
    uncapacitated: c.uncapacitated,
    maxCorridors: c.corridors ? c.maxCorridors : 0,
    planned: c.planned,
    closed: c.closed,
    parallelLinks: c.parallelLinks,
    handling: c.handling,
    vdf: c.vdf,
    transitCountries: c.transitCountries,
    connected: c.connected,
  };
}

/** A node as drawn, before assembly. @internal */
export interface RawNode {
  readonly country: number;
  readonly kind: 'city' | 'hub' | 'port' | 'border-crossing' | 'terminal' | 'junction';
  readonly lon: number;
  readonly lat: number;
  readonly dwellDays?: number | undefined;
  readonly handling?:
    | {
        readonly commodity: number;
        readonly capacityPerYear?: number | undefined;
        readonly costUsdPerUnit?: number | undefined;
        readonly dwellDays?: number | undefined;
      }
    | undefined;
}

/** The attributes of a link as drawn, before assembly. @internal */
export interface RawLinkAttributes {
  readonly mode: number;
  readonly commodity: number;
  readonly capacity?: number | undefined;
  readonly transitDays: number;
  readonly costUsdPerUnit: number;
  readonly distanceKm: number;
  readonly vdf?: VolumeDelay | undefined;
}

/** A link as drawn: ends as node positions (taken modulo the node count). @internal */
export interface RawLink extends RawLinkAttributes {
  readonly from: number;
  readonly step: number;
  readonly status: 'active' | 'planned' | 'closed';
  readonly opensYear: number;
  readonly via?: number | undefined;
}

/** A corridor as drawn: a walk start and length. @internal */
export interface RawCorridor {
  readonly start: number;
  readonly turns: number;
  readonly length: number;
  readonly declareLinks: boolean;
  readonly overland?: boolean | undefined;
}

/** A network as drawn. @internal */
export interface RawNetwork {
  readonly nodes: readonly RawNode[];
  readonly backbone: readonly RawLinkAttributes[];
  readonly links: readonly RawLink[];
  readonly corridors: readonly RawCorridor[];
}

function optional<T>(arb: fc.Arbitrary<T>, enabled: boolean, freq = 3): fc.Arbitrary<T | undefined> {
  return enabled ? fc.option(arb, { nil: undefined, freq }) : fc.constant(undefined);
}

/** Drop `undefined` properties so that generated objects satisfy exactOptionalPropertyTypes. */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

/**
 * The arbitrary of raw networks (flat records, assembled by {@link buildNetworkDocument}).
 *
 * @param c - resolved constraints
 * @returns the arbitrary
 * @internal
 */
export function arbRawNetwork(c: ResolvedNetworkConstraints): fc.Arbitrary<RawNetwork> {
  const capacity = arbAmount(c.maxCapacity, c.awkwardFloats);
  const positiveCapacity = arbAmount(c.maxCapacity, c.awkwardFloats, true);
  const vdf: fc.Arbitrary<VolumeDelay> = fc.oneof(
    fc.constant<VolumeDelay>({ kind: 'constant' }),
    fc.record({
      kind: fc.constant('bpr' as const),
      alpha: fc.constantFrom(0.15, 0, 0.5, 1),
      beta: fc.constantFrom(4, 1, 2, 6),
    }),
    fc.record({ kind: fc.constant('conical' as const), alpha: fc.constantFrom(4, 1.5, 10) }),
  );
  const node: fc.Arbitrary<RawNode> = fc.record({
    country: fc.nat({ max: c.countries.length - 1 }),
    kind: fc.constantFrom('city', 'hub', 'port', 'border-crossing', 'terminal', 'junction'),
    lon: arbAround(-180, 180, 0, false),
    lat: arbAround(-90, 90, 0, false),
    dwellDays: optional(arbAmount(5, c.awkwardFloats), true),
    handling: optional(
      fc.record({
        commodity: fc.nat({ max: c.commodities.length - 1 }),
        capacityPerYear: c.uncapacitated ? optional(capacity, true, 5) : capacity,
        costUsdPerUnit: optional(arbAmount(500, c.awkwardFloats), true),
        dwellDays: optional(arbAmount(5, c.awkwardFloats), true),
      }),
      c.handling,
      4,
    ),
  });
  const attributes = (cap: fc.Arbitrary<number | undefined>) => ({
    mode: fc.nat({ max: c.modes.length - 1 }),
    commodity: fc.nat({ max: c.commodities.length - 1 }),
    capacity: cap,
    transitDays: arbAmount(30, c.awkwardFloats),
    costUsdPerUnit: arbAmount(5000, c.awkwardFloats),
    distanceKm: arbAmount(10000, c.awkwardFloats),
    vdf: optional(vdf, c.vdf, 4),
  });
  const statuses = [
    'active' as const,
    ...(c.planned ? (['planned'] as const) : []),
    ...(c.closed ? (['closed'] as const) : []),
  ];
  const link: fc.Arbitrary<RawLink> = fc.record({
    from: fc.nat({ max: c.maxNodes - 1 }),
    step: fc.nat({ max: Math.max(0, c.maxNodes - 2) }),
    ...attributes(c.uncapacitated ? optional(capacity, true, 5) : capacity),
    status: fc.constantFrom(...statuses),
    opensYear: fc.integer({ min: 2020, max: 2035 }),
    via: optional(fc.nat({ max: c.countries.length - 1 }), c.transitCountries, 5),
  });
  const backboneLength = c.connected ? (c.maxNodes - 1) * c.commodities.length : 0;
  const backbone: fc.Arbitrary<RawLinkAttributes> = fc.record({
    ...attributes(positiveCapacity),
    commodity: fc.constant(0),
  });
  const corridor: fc.Arbitrary<RawCorridor> = fc.record({
    start: fc.nat({ max: c.maxLinks + backboneLength }),
    turns: fc.nat({ max: 3 }),
    length: fc.integer({ min: 1, max: 3 }),
    declareLinks: fc.boolean(),
    overland: fc.option(fc.boolean(), { nil: undefined }),
  });
  return fc.record({
    nodes: fc.array(node, { minLength: c.minNodes, maxLength: c.maxNodes }),
    backbone: fc.array(backbone, { minLength: backboneLength, maxLength: backboneLength }),
    links: fc.array(link, { minLength: c.minLinks, maxLength: c.maxLinks }),
    corridors: fc.array(corridor, { maxLength: c.maxCorridors }),
  });
}

/**
 * Assemble a raw network into a valid document.
 *
 * @param c - resolved constraints
 * @param raw - the drawn network
 * @returns a document that `parseNetwork` accepts
 * @internal
 */
export function buildNetworkDocument(c: ResolvedNetworkConstraints, raw: RawNetwork): NetworkDocument {
  const n = raw.nodes.length;
  const nodeDocs = raw.nodes.map((x, i) => {
    const handling = x.handling;
    return compact({
      id: `n${i}`,
      name: `Node ${i}`,
      country: c.countries[x.country]!,
      kind: x.kind,
      lon: x.lon,
      lat: x.lat,
      dwellDays: x.dwellDays,
      handling:
        handling === undefined
          ? undefined
          : {
              [c.commodities[handling.commodity]!]: compact({
                capacityPerYear: handling.capacityPerYear,
                costUsdPerUnit: handling.costUsdPerUnit,
                dwellDays: handling.dwellDays,
              }),
            },
    });
  });
  const links: NetworkDocument['links'] = [];
  const countriesOf = (from: number, to: number, via: number | undefined) => {
    const a = nodeDocs[from]!.country;
    const b = nodeDocs[to]!.country;
    const x = via === undefined ? undefined : c.countries[via];
    const list = [a];
    if (x !== undefined && x !== a && x !== b) list.push(x);
    if (b !== list[list.length - 1]) list.push(b);
    return list;
  };
  const pushLink = (
    id: string,
    from: number,
    to: number,
    attrs: RawLinkAttributes,
    status: 'active' | 'planned' | 'closed',
    opensYear: number,
    via: number | undefined,
  ) => {
    links.push(
      compact({
        id,
        from: `n${from}`,
        to: `n${to}`,
        mode: c.modes[attrs.mode]!,
        commodity: c.commodities[attrs.commodity]!,
        capacityPerYear: attrs.capacity,
        transitDays: attrs.transitDays,
        costUsdPerUnit: attrs.costUsdPerUnit,
        distanceKm: attrs.distanceKm,
        countries: countriesOf(from, to, via),
        vdf: attrs.vdf,
        status,
        opens: status === 'planned' ? String(opensYear) : undefined,
      }) as NetworkDocument['links'][number],
    );
  };
  if (c.connected) {
    for (let k = 0; k < c.commodities.length; k++) {
      for (let i = 0; i + 1 < n; i++) {
        const attrs = raw.backbone[k * (c.maxNodes - 1) + i]!;
        pushLink(`b${k}-${i}`, i, i + 1, { ...attrs, commodity: k }, 'active', 0, undefined);
      }
    }
  }
  const seenPairs = new Set<string>();
  let index = 0;
  for (const l of raw.links) {
    const from = l.from % n;
    let to = (from + 1 + (l.step % (n - 1))) % n;
    if (!c.parallelLinks) {
      // Move to the next free head; drop the link when every pair from this tail is taken.
      let tries = 0;
      while (seenPairs.has(`${from}>${to}`) && tries < n - 1) {
        to = (to + 1) % n;
        if (to === from) to = (to + 1) % n;
        tries++;
      }
      if (seenPairs.has(`${from}>${to}`)) continue;
      seenPairs.add(`${from}>${to}`);
    }
    pushLink(`l${index++}`, from, to, l, l.status, l.opensYear, l.via);
  }
  const corridors: NonNullable<NetworkDocument['corridors']> = [];
  raw.corridors.forEach((seed, k) => {
    if (links.length === 0) return;
    // Walk forward along links of one commodity from a drawn start: the waypoints are connected.
    let link = links[seed.start % links.length]!;
    const commodity = link.commodity;
    const ofCommodity = links.filter((l) => l.commodity === commodity);
    const waypoints = [link.from, link.to];
    const used = [link.id];
    for (let step = 1; step <= seed.length - 1; step++) {
      const next = ofCommodity.filter((l) => l.from === link.to);
      if (next.length === 0) break;
      link = next[(seed.turns + step) % next.length]!;
      if (waypoints.includes(link.to)) break;
      waypoints.push(link.to);
      used.push(link.id);
    }
    corridors.push(
      compact({
        id: `c${k}`,
        name: `Corridor ${k}`,
        commodity,
        waypoints,
        links: seed.declareLinks ? used : undefined,
        overland: seed.overland,
      }),
    );
  });
  return {
    format: 'corridor-sim/network',
    version: 1,
    meta: { name: 'generated' },
    commodities: Object.fromEntries(c.commodities.map((id) => [id, COMMODITY_INFO[id]])),
    nodes: nodeDocs,
    links,
    corridors,
  } as NetworkDocument;
}

/**
 * Valid `corridor-sim/network` documents.
 *
 * @param constraints - sizes, modes, countries, capacities (see {@link NetworkConstraints})
 * @returns an arbitrary of documents that `parseNetwork` accepts
 * @throws InvalidArgumentError on a bad or contradictory constraint (checked eagerly, when called)
 * @example fc.assert(fc.property(arbNetworkDocument({ maxNodes: 5 }), (doc) => safeParseNetwork(doc).success))
 * @remarks Each value costs O(maxNodes + maxLinks · maxNodes) to assemble (the parallel-link check).
 * Modelled on fast-check's own builders: a constraints object validated eagerly, values that shrink.
 */
export function arbNetworkDocument(constraints: NetworkConstraints = {}): fc.Arbitrary<NetworkDocument> {
  const c = resolveNetworkConstraints(constraints);
  return arbRawNetwork(c).map((raw) => buildNetworkDocument(c, raw));
}

/**
 * Valid networks (parsed {@link arbNetworkDocument}s). A failing property prints the network as a
 * short listing of nodes, links and corridors.
 *
 * @param constraints - see {@link NetworkConstraints}
 * @returns an arbitrary of networks
 * @throws InvalidArgumentError on a bad or contradictory constraint
 * @example
 * fc.assert(fc.property(arbNetwork({ maxNodes: 4, connected: true }), (net) => net.graph.order >= 2));
 * @remarks Complexity per value O(N + L) plus parsing.
 */
export function arbNetwork(constraints: NetworkConstraints = {}): fc.Arbitrary<Network> {
  return arbNetworkDocument(constraints).map((doc) => withNetworkDescription(parseNetwork(doc)));
}
