/**
 * Network arbitraries
 * ===================
 *
 * fast-check arbitraries that generate valid network documents and networks, with constraints on
 * size, modes, countries and capacities (including awkward floats). Generated values shrink towards
 * small networks with few links.
 */

import fc from 'fast-check';
import { parseNetwork } from '../../data/network-format.js';
import type { NetworkDocument } from '../../data/schema.js';
import { InvalidArgumentError } from '../../model/errors.js';
import { MODES, type Mode, type Network } from '../../model/network.js';

/** Constraints of {@link arbNetworkDocument} and {@link arbNetwork}. */
export interface NetworkConstraints {
  /** Fewest nodes. @defaultValue 2 */
  readonly minNodes?: number;
  /** Most nodes. @defaultValue 8 */
  readonly maxNodes?: number;
  /** Most links. @defaultValue 3 × maxNodes */
  readonly maxLinks?: number;
  /** Modes to draw from. @defaultValue every mode except pipeline */
  readonly modes?: readonly Mode[];
  /** Countries to draw from (ISO alpha-2). @defaultValue CN KZ RU AZ GE TR DE */
  readonly countries?: readonly string[];
  /** Commodities the network declares; links draw from them. @defaultValue ['container'] */
  readonly commodities?: readonly ('container' | 'crude')[];
  /** Largest capacity. @defaultValue 1e6 */
  readonly maxCapacity?: number;
  /** Include awkward values: fractional capacities, zero capacity, very large capacity. @defaultValue true */
  readonly awkwardFloats?: boolean;
  /** Generate corridors (waypoints along a generated walk). @defaultValue true */
  readonly corridors?: boolean;
  /** Allow planned links with opening dates. @defaultValue true */
  readonly planned?: boolean;
  /** Allow parallel links between the same pair. @defaultValue true */
  readonly parallelLinks?: boolean;
}

const DEFAULTS = {
  minNodes: 2,
  maxNodes: 8,
  modes: MODES.filter((m) => m !== 'pipeline'),
  countries: ['CN', 'KZ', 'RU', 'AZ', 'GE', 'TR', 'DE'],
  commodities: ['container'] as const,
  maxCapacity: 1e6,
  awkwardFloats: true,
  corridors: true,
  planned: true,
  parallelLinks: true,
} as const;

function resolve(constraints: NetworkConstraints) {
  const c = { ...DEFAULTS, ...constraints };
  const maxLinks = constraints.maxLinks ?? 3 * c.maxNodes;
  const module = 'corridor-sim/testing: arbNetwork';
  if (!Number.isInteger(c.minNodes) || c.minNodes < 2)
    throw new InvalidArgumentError(module, 'minNodes', `must be an integer ≥ 2, got ${c.minNodes}`);
  if (!Number.isInteger(c.maxNodes) || c.maxNodes < c.minNodes) {
    throw new InvalidArgumentError(
      module,
      'maxNodes',
      `must be an integer ≥ minNodes (${c.minNodes}), got ${c.maxNodes}`,
    );
  }
  if (!Number.isInteger(maxLinks) || maxLinks < 0)
    throw new InvalidArgumentError(module, 'maxLinks', `must be an integer ≥ 0, got ${maxLinks}`);
  if (c.modes.length === 0) throw new InvalidArgumentError(module, 'modes', 'must not be empty');
  if (c.countries.length === 0) throw new InvalidArgumentError(module, 'countries', 'must not be empty');
  if (c.commodities.length === 0) throw new InvalidArgumentError(module, 'commodities', 'must not be empty');
  if (!(c.maxCapacity > 0) || !Number.isFinite(c.maxCapacity)) {
    throw new InvalidArgumentError(
      module,
      'maxCapacity',
      `must be a positive finite number, got ${c.maxCapacity}`,
    );
  }
  return { ...c, maxLinks };
}

const COMMODITY_INFO = {
  container: { name: 'Containers', unit: 'TEU' as const },
  crude: { name: 'Crude oil', unit: 't' as const },
};

/**
 * Valid `corridor-sim/network` documents.
 *
 * @param constraints - sizes, modes, countries, capacities
 * @returns an arbitrary of documents that `parseNetwork` accepts
 * @throws InvalidArgumentError on contradictory constraints (checked eagerly)
 * @example fc.assert(fc.property(arbNetworkDocument({ maxNodes: 5 }), (doc) => safeParseNetwork(doc).success))
 */
export function arbNetworkDocument(constraints: NetworkConstraints = {}): fc.Arbitrary<NetworkDocument> {
  const c = resolve(constraints);
  const capacity = c.awkwardFloats
    ? fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 1, max: Math.max(1, Math.floor(c.maxCapacity)) }) },
        {
          weight: 2,
          arbitrary: fc.double({ min: 0, max: c.maxCapacity, noNaN: true, noDefaultInfinity: true }),
        },
        { weight: 1, arbitrary: fc.constantFrom(0, 0.1, 1e-9, c.maxCapacity) },
      )
    : fc.integer({ min: 1, max: Math.max(1, Math.floor(c.maxCapacity)) });
  const nonNegative = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });
  const node = fc.record({
    country: fc.constantFrom(...c.countries),
    kind: fc.constantFrom('city', 'hub', 'port', 'border-crossing', 'terminal', 'junction'),
    lon: fc.double({ min: -180, max: 180, noNaN: true }),
    lat: fc.double({ min: -90, max: 90, noNaN: true }),
    dwellDays: fc.option(nonNegative(5), { nil: undefined }),
    handlingCapacity: fc.option(capacity, { nil: undefined, freq: 4 }),
  });
  return fc
    .integer({ min: c.minNodes, max: c.maxNodes })
    .chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(node, { minLength: n, maxLength: n }),
        fc.array(
          fc.record({
            from: fc.nat({ max: n - 1 }),
            step: fc.integer({ min: 1, max: n - 1 }),
            mode: fc.constantFrom(...c.modes),
            commodity: fc.constantFrom(...c.commodities),
            capacity: fc.option(capacity, { nil: undefined, freq: 5 }),
            transitDays: nonNegative(30),
            costUsdPerUnit: nonNegative(5000),
            distanceKm: nonNegative(10000),
            planned: c.planned ? fc.boolean() : fc.constant(false),
            opensYear: fc.integer({ min: 2020, max: 2035 }),
          }),
          { maxLength: c.maxLinks },
        ),
        fc.array(fc.nat(), { maxLength: c.corridors ? 3 : 0 }),
      ),
    )
    .map(([n, nodes, rawLinks, corridorSeeds]) => {
      const nodeDocs = nodes.map((x, i) => ({
        id: `n${i}`,
        name: `Node ${i}`,
        country: x.country,
        kind: x.kind,
        lon: x.lon,
        lat: x.lat,
        ...(x.dwellDays === undefined ? {} : { dwellDays: x.dwellDays }),
        ...(x.handlingCapacity === undefined
          ? {}
          : { handling: { [c.commodities[0]!]: { capacityPerYear: x.handlingCapacity } } }),
      }));
      const seenPairs = new Set<string>();
      const links: NetworkDocument['links'] = [];
      rawLinks.forEach((l) => {
        const to = (l.from + l.step) % n;
        const pair = `${l.from}>${to}`;
        if (!c.parallelLinks && seenPairs.has(pair)) return;
        seenPairs.add(pair);
        const a = nodeDocs[l.from]!.country;
        const b = nodeDocs[to]!.country;
        links.push({
          id: `l${links.length}`,
          from: `n${l.from}`,
          to: `n${to}`,
          mode: l.mode,
          commodity: l.commodity,
          ...(l.capacity === undefined ? {} : { capacityPerYear: l.capacity }),
          transitDays: l.transitDays,
          costUsdPerUnit: l.costUsdPerUnit,
          distanceKm: l.distanceKm,
          countries: a === b ? [a] : [a, b],
          status: l.planned ? 'planned' : 'active',
          ...(l.planned ? { opens: String(l.opensYear) } : {}),
        });
      });
      const corridors: NonNullable<NetworkDocument['corridors']> = [];
      corridorSeeds.forEach((seed, k) => {
        if (links.length === 0) return;
        // Walk forward along links from a seeded start: the waypoints are connected by construction.
        const commodity = links[seed % links.length]!.commodity;
        const ofCommodity = links.filter((l) => l.commodity === commodity);
        let link = ofCommodity[seed % ofCommodity.length]!;
        const waypoints = [link.from, link.to];
        const used = [link.id];
        for (let step = 1; step < 3; step++) {
          const next = ofCommodity.filter((l) => l.from === link.to);
          if (next.length === 0) break;
          link = next[(seed + step) % next.length]!;
          if (waypoints.includes(link.to)) break;
          waypoints.push(link.to);
          used.push(link.id);
        }
        corridors.push({ id: `c${k}`, name: `Corridor ${k}`, commodity, waypoints, links: used });
      });
      const commodities = Object.fromEntries(c.commodities.map((id) => [id, COMMODITY_INFO[id]]));
      return {
        format: 'corridor-sim/network' as const,
        version: 1 as const,
        meta: { name: 'generated' },
        commodities,
        nodes: nodeDocs,
        links,
        corridors,
      } as NetworkDocument;
    });
}

/**
 * Valid networks (parsed {@link arbNetworkDocument}s).
 *
 * @param constraints - see {@link NetworkConstraints}
 * @returns an arbitrary of networks
 */
export function arbNetwork(constraints: NetworkConstraints = {}): fc.Arbitrary<Network> {
  return arbNetworkDocument(constraints).map((doc) => parseNetwork(doc));
}
