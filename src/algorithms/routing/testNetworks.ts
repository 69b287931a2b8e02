/**
 * Test support for routing: random small networks and an independent brute-force router
 * =====================================================================================
 *
 * Used only by the routing tests (not exported from the package). The brute force enumerates every
 * node-simple path with its own, deliberately naive, cost arithmetic written from the definition in
 * docs/routing.md, so that it is an independent answer.
 *
 * @internal
 */

import fc from 'fast-check';
import type { CountryCode, LinkId, NodeId } from '../../model/ids.js';
import {
  createNetwork,
  type LinkAttributes,
  type LinkStatus,
  type Network,
  type NodeAttributes,
} from '../../model/network.js';

const COUNTRIES = ['CN', 'KZ', 'RU', 'AZ', 'GE', 'TR'] as const;

/** Constraints of {@link arbRoutingNetwork}. */
export interface RoutingNetworkConstraints {
  readonly maxNodes?: number;
  readonly maxLinks?: number;
  /** Integer figures (exact sums, ties likely) or arbitrary non-negative floats. */
  readonly floats?: boolean;
  /** Generate crude links and planned/closed links too. */
  readonly mixed?: boolean;
}

/**
 * Random networks with parallel links, self-loops, dwell and handling (split nodes), two commodities,
 * planned and closed links.
 *
 * @param constraints - sizes and number kinds
 * @returns an arbitrary of networks
 */
export function arbRoutingNetwork(constraints: RoutingNetworkConstraints = {}): fc.Arbitrary<Network> {
  const maxNodes = constraints.maxNodes ?? 6;
  const maxLinks = constraints.maxLinks ?? 20;
  const mixed = constraints.mixed ?? true;
  const num = (max: number): fc.Arbitrary<number> =>
    constraints.floats
      ? fc
          .double({ min: 0, max, noNaN: true, noDefaultInfinity: true })
          .map((x) => (Object.is(x, -0) ? 0 : x))
      : fc.integer({ min: 0, max });
  const node = fc.record({
    country: fc.constantFrom(...COUNTRIES),
    dwellDays: fc.option(num(3), { nil: undefined }),
    handling: fc.option(
      fc.record({
        capacityPerYear: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
        costUsdPerUnit: fc.option(num(constraints.floats ? 50 : 5), { nil: undefined }),
        dwellDays: fc.option(num(2), { nil: undefined }),
      }),
      { nil: undefined },
    ),
  });
  return fc.integer({ min: 2, max: maxNodes }).chain((n) => {
    const link = fc.record({
      from: fc.nat(n - 1),
      to: fc.nat(n - 1),
      commodityCrude: mixed ? fc.integer({ min: 0, max: 9 }).map((k) => k === 0) : fc.constant(false),
      status: mixed
        ? fc.constantFrom<LinkStatus>(
            'active',
            'active',
            'active',
            'active',
            'active',
            'active',
            'planned',
            'closed',
          )
        : fc.constant<LinkStatus>('active'),
      opens: fc.integer({ min: 2024, max: 2031 }),
      transitDays: num(constraints.floats ? 10 : 4),
      costUsdPerUnit: num(constraints.floats ? 100 : 12),
      distanceKm: num(1000),
      via: fc.option(fc.constantFrom(...COUNTRIES), { nil: undefined }),
    });
    return fc
      .tuple(
        fc.array(node, { minLength: n, maxLength: n }),
        fc.array(link, { minLength: Math.min(3 * n, maxLinks), maxLength: maxLinks }),
      )
      .map(([nodes, links]) => {
        const nodeAttrs: NodeAttributes[] = nodes.map((x, i) => ({
          id: `n${i}`,
          name: `Node ${i}`,
          country: x.country,
          kind: 'hub',
          lon: -170 + 50 * i,
          lat: 10 * i - 20,
          ...(x.dwellDays === undefined ? {} : { dwellDays: x.dwellDays }),
          ...(x.handling === undefined
            ? {}
            : {
                handling: {
                  container: Object.fromEntries(
                    Object.entries(x.handling).filter(([, v]) => v !== undefined),
                  ),
                },
              }),
        }));
        const linkAttrs: LinkAttributes[] = links.map((l, i) => {
          const from = nodeAttrs[l.from]!;
          const to = nodeAttrs[l.to]!;
          const countries = [...new Set([from.country, ...(l.via === undefined ? [] : [l.via]), to.country])];
          return {
            id: `l${i}`,
            from: from.id,
            to: to.id,
            mode: 'rail',
            commodity: l.commodityCrude ? 'crude' : 'container',
            transitDays: l.transitDays,
            costUsdPerUnit: l.costUsdPerUnit,
            distanceKm: l.distanceKm,
            countries,
            status: l.status,
            ...(l.status === 'planned' ? { opens: String(l.opens) } : {}),
          };
        });
        return createNetwork({
          meta: { name: 'random' },
          commodities: {
            container: { name: 'Containers', unit: 'TEU' },
            crude: { name: 'Crude', unit: 't' },
          },
          nodes: nodeAttrs,
          links: linkAttrs,
        });
      });
  });
}

/** Options understood by the brute force (a subset of RoutingOptions, always with a commodity). */
export interface BruteOptions {
  readonly commodity: string;
  readonly valueOfTimeUsdPerUnitDay: number;
  readonly year?: number;
  readonly avoidCountries?: readonly CountryCode[];
  readonly avoidLinks?: readonly LinkId[];
}

/** One simple path found by brute force. */
export interface BrutePath {
  readonly nodes: NodeId[];
  readonly links: LinkId[];
  readonly cost: number;
}

/**
 * Every node-simple path from origin to destination, with its generalized cost summed in path order,
 * sorted by cost. Written independently of the library's routing code.
 *
 * @param network - the network
 * @param origin - origin id
 * @param destination - destination id
 * @param options - commodity, VOT, year, avoidances
 * @returns all simple paths, cheapest first
 */
export function bruteForcePaths(
  network: Network,
  origin: NodeId,
  destination: NodeId,
  options: BruteOptions,
): BrutePath[] {
  const g = network.graph;
  const exempt = new Set([g.getNodeAttribute(origin, 'country'), g.getNodeAttribute(destination, 'country')]);
  const banned = new Set((options.avoidCountries ?? []).filter((c) => !exempt.has(c)));
  const avoided = new Set(options.avoidLinks ?? []);
  const open = (l: LinkAttributes): boolean => {
    if (l.status === 'active') return true;
    if (l.status !== 'planned' || options.year === undefined || l.opens === undefined) return false;
    return Number(l.opens) <= options.year; // test networks use whole-year dates
  };
  const usable = (l: LinkAttributes): boolean =>
    l.commodity === options.commodity &&
    open(l) &&
    !avoided.has(l.id) &&
    !banned.has(g.getNodeAttribute(l.from, 'country')) &&
    !banned.has(g.getNodeAttribute(l.to, 'country')) &&
    !l.countries.some((c) => banned.has(c));
  const step = (l: LinkAttributes): number => {
    const head = g.getNodeAttributes(l.to);
    const h = head.handling?.[options.commodity];
    const money = l.costUsdPerUnit + (h?.costUsdPerUnit ?? 0);
    const days = l.transitDays + ((head.dwellDays ?? 0) + (h?.dwellDays ?? 0));
    return money + options.valueOfTimeUsdPerUnitDay * days;
  };
  const out: BrutePath[] = [];
  const nodes: NodeId[] = [origin];
  const links: LinkId[] = [];
  const costs: number[] = [0];
  const visit = (at: NodeId): void => {
    if (at === destination) {
      out.push({ nodes: [...nodes], links: [...links], cost: costs[costs.length - 1]! });
      return;
    }
    for (const id of g.outEdges(at)) {
      const l = g.getEdgeAttributes(id);
      if (!usable(l) || nodes.includes(l.to)) continue;
      nodes.push(l.to);
      links.push(id);
      costs.push(costs[costs.length - 1]! + step(l));
      visit(l.to);
      nodes.pop();
      links.pop();
      costs.pop();
    }
  };
  visit(origin);
  return out.sort((a, b) => a.cost - b.cost);
}

/** Routing options drawn for a network (always with `commodity: 'container'`). */
export interface ArbRoutingOptions {
  readonly commodity: 'container';
  readonly valueOfTimeUsdPerUnitDay: number;
  readonly year?: number;
  readonly avoidCountries: readonly CountryCode[];
  readonly avoidLinks: readonly LinkId[];
}

/**
 * A random network together with random routing options for it.
 *
 * @param constraints - network constraints; with `floats`, the value of time is a float too
 * @returns an arbitrary of `[network, options]`
 */
export function arbRoutingCase(
  constraints: RoutingNetworkConstraints = {},
): fc.Arbitrary<[Network, ArbRoutingOptions]> {
  return arbRoutingNetwork(constraints).chain((network) => {
    const edges = network.graph.edges();
    const options = fc
      .record({
        vot: constraints.floats
          ? fc.double({ min: 0, max: 50, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x))
          : fc.integer({ min: 0, max: 20 }),
        year: fc.option(fc.integer({ min: 2024, max: 2031 }), { nil: undefined }),
        avoidCountries: fc.subarray([...COUNTRIES], { maxLength: 2 }),
        avoidLinks: fc.subarray(edges, { maxLength: Math.min(3, edges.length) }),
      })
      .map(
        ({ vot, year, avoidCountries, avoidLinks }): ArbRoutingOptions => ({
          commodity: 'container',
          valueOfTimeUsdPerUnitDay: vot,
          ...(year === undefined ? {} : { year }),
          avoidCountries,
          avoidLinks,
        }),
      );
    return fc.tuple(fc.constant(network), options);
  });
}
