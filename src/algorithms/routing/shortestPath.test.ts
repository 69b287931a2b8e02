import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { dijkstra } from 'graphology-shortest-path';
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../data/network-format.js';
import {
  createNetwork,
  type LinkAttributes,
  type Network,
  type NodeAttributes,
} from '../../model/network.js';
import type { RoutingOptions } from './options.js';
import { evaluatePath, type PathResult } from './path.js';
import { createRoutingIndex } from './routingIndex.js';
import { generalizedCostWeight, shortestPath } from './shortestPath.js';
import { shortestPathOnIndex } from './shortestPathOnIndex.js';
import { arbRoutingCase, bruteForcePaths } from './testNetworks.js';

const SAMPLE = parseNetwork(
  JSON.parse(readFileSync(new URL('../../../data/samples/two-corridors.json', import.meta.url), 'utf8')),
);

// A tiny named network:
//   A(CN) -l1-> B(KZ, dwell 1, handling 10 USD) -l2-> D(DE)    money 210, days 4
//   A -l3 (sea)-> D                                            money 150, days 10
//   A -l4-> C(RU) -l5-> D                                      money 170, days 2
//   A -l6 (planned 2027)-> D                                   money 1, days 1
const node = (id: string, country: string, extra: Partial<NodeAttributes> = {}): NodeAttributes => ({
  id,
  name: id,
  country,
  kind: 'hub',
  lon: 0,
  lat: 0,
  ...extra,
});
const link = (
  id: string,
  from: string,
  to: string,
  costUsdPerUnit: number,
  transitDays: number,
  countries: string[],
  extra: Partial<LinkAttributes> = {},
): LinkAttributes => ({
  id,
  from,
  to,
  mode: 'rail',
  commodity: 'container',
  costUsdPerUnit,
  transitDays,
  distanceKm: 100 * transitDays,
  countries,
  status: 'active',
  ...extra,
});
const TINY_NODES = [
  node('A', 'CN'),
  node('B', 'KZ', { dwellDays: 1, handling: { container: { costUsdPerUnit: 10 } } }),
  node('C', 'RU'),
  node('D', 'DE'),
];
const TINY_LINKS = [
  link('l1', 'A', 'B', 100, 2, ['CN', 'KZ']),
  link('l2', 'B', 'D', 100, 1, ['KZ', 'DE']),
  link('l3', 'A', 'D', 150, 10, ['CN', 'DE'], { mode: 'sea' }),
  link('l4', 'A', 'C', 120, 1, ['CN', 'RU']),
  link('l5', 'C', 'D', 50, 1, ['RU', 'DE']),
  link('l6', 'A', 'D', 1, 1, ['CN', 'DE'], { status: 'planned', opens: '2027' }),
];
const TINY = createNetwork({
  meta: { name: 'tiny' },
  commodities: { container: { name: 'Containers', unit: 'TEU' } },
  nodes: TINY_NODES,
  links: TINY_LINKS,
});

function linksOf(result: PathResult): readonly string[] | 'unreachable' {
  return result.status === 'optimal' ? result.path.links : 'unreachable';
}

describe('shortestPath(network, origin, destination, options) on a tiny named network', () => {
  it.each([
    [{}, ['l3'], 150],
    [{ valueOfTimeUsdPerUnitDay: 20 }, ['l4', 'l5'], 210],
    [{ valueOfTimeUsdPerUnitDay: 20, avoidCountries: ['RU'] }, ['l1', 'l2'], 290],
    [{ valueOfTimeUsdPerUnitDay: 20, avoidCountries: ['RU', 'KZ'] }, ['l3'], 350],
    [{ valueOfTimeUsdPerUnitDay: 20, avoidLinks: ['l4'] }, ['l1', 'l2'], 290],
    [{ year: 2026.9 }, ['l3'], 150],
    [{ year: 2027 }, ['l6'], 1],
    [{ weight: 'distanceKm' }, ['l4', 'l5'], 200],
  ] as [RoutingOptions, string[], number][])('with %j takes %j at weight %d', (options, links, weight) => {
    for (const result of [
      shortestPath(TINY, 'A', 'D', options),
      shortestPathOnIndex(createRoutingIndex(TINY, options), 'A', 'D'),
    ]) {
      expect(result.status).toBe('optimal');
      if (result.status !== 'optimal') continue;
      expect(result.path.links).toEqual(links);
      expect(result.path.weight).toBe(weight);
    }
  });

  it('charges the arrival node dwell and handling, not the origin ones', () => {
    const r = shortestPath(TINY, 'A', 'B', { valueOfTimeUsdPerUnitDay: 5 });
    expect(r).toMatchObject({
      status: 'optimal',
      path: { nodes: ['A', 'B'], costUsd: 110, transitDays: 3, generalizedCostUsd: 125, distanceKm: 200 },
    });
    const back = createNetwork({
      meta: { name: 'back' },
      commodities: TINY.commodities,
      nodes: TINY_NODES,
      links: [link('bd', 'B', 'D', 100, 1, ['KZ', 'DE'])],
    });
    expect(shortestPath(back, 'B', 'D')).toMatchObject({ path: { costUsd: 100, transitDays: 1 } });
  });

  it('gives the same figures when the arrival node is split by a handling capacity', () => {
    const split = createNetwork({
      meta: { name: 'split' },
      commodities: TINY.commodities,
      nodes: TINY_NODES.map((n) =>
        n.id === 'B' ? { ...n, handling: { container: { costUsdPerUnit: 10, capacityPerYear: 5 } } } : n,
      ),
      links: TINY_LINKS,
    });
    const options = { valueOfTimeUsdPerUnitDay: 20, avoidCountries: ['RU'] };
    for (const r of [
      shortestPath(split, 'A', 'B', options),
      shortestPathOnIndex(createRoutingIndex(split, options), 'A', 'B'),
    ]) {
      expect(r).toMatchObject({ path: { costUsd: 110, transitDays: 3 } });
    }
    expect(shortestPathOnIndex(createRoutingIndex(split, options), 'A', 'D')).toMatchObject({
      path: { links: ['l1', 'l2'], generalizedCostUsd: 290 },
    });
  });

  it('exempts the origin and destination countries from avoidCountries', () => {
    // C is in RU: a path to C may enter RU even when RU is avoided.
    expect(linksOf(shortestPath(TINY, 'A', 'C', { avoidCountries: ['RU'] }))).toEqual(['l4']);
    expect(linksOf(shortestPath(TINY, 'A', 'C', { avoidCountries: ['CN'] }))).toEqual(['l4']);
    expect(
      linksOf(shortestPathOnIndex(createRoutingIndex(TINY, { avoidCountries: ['RU'] }), 'A', 'C')),
    ).toEqual(['l4']);
  });

  it('returns the trivial path when origin = destination', () => {
    expect(shortestPath(TINY, 'C', 'C')).toEqual({
      status: 'optimal',
      path: {
        nodes: ['C'],
        links: [],
        weight: 0,
        generalizedCostUsd: 0,
        costUsd: 0,
        transitDays: 0,
        distanceKm: 0,
        countries: ['RU'],
      },
    });
    expect(shortestPathOnIndex(createRoutingIndex(TINY), 'C', 'C')).toEqual(shortestPath(TINY, 'C', 'C'));
  });

  it("returns status 'unreachable' (not an exception) when no open path exists", () => {
    expect(shortestPath(TINY, 'D', 'A')).toEqual({ status: 'unreachable', origin: 'D', destination: 'A' });
    expect(shortestPath(TINY, 'A', 'B', { avoidLinks: ['l1'] })).toMatchObject({ status: 'unreachable' });
    expect(shortestPathOnIndex(createRoutingIndex(TINY, { avoidLinks: ['l1'] }), 'A', 'B')).toMatchObject({
      status: 'unreachable',
    });
    expect(shortestPath(TINY, 'A', 'D', { avoidCountries: ['RU', 'KZ'], avoidLinks: ['l3'] })).toMatchObject({
      status: 'unreachable',
    });
  });

  it('throws NotFoundError for unknown nodes, commodities and links, InvalidArgumentError for bad options', () => {
    const index = createRoutingIndex(TINY);
    expect(() => shortestPath(TINY, 'X', 'D')).toThrow(
      expect.objectContaining({ code: 'not-found', id: 'X' }),
    );
    expect(() => shortestPath(TINY, 'A', 'Y')).toThrow(expect.objectContaining({ name: 'NotFoundError' }));
    expect(() => shortestPathOnIndex(index, 'A', 'Y')).toThrow(
      expect.objectContaining({ name: 'NotFoundError' }),
    );
    expect(() => shortestPath(TINY, 'A', 'D', { commodity: 'crude' })).toThrow(
      expect.objectContaining({ name: 'NotFoundError' }),
    );
    expect(() => shortestPath(TINY, 'A', 'D', { avoidLinks: ['nope'] })).toThrow(
      expect.objectContaining({ name: 'NotFoundError' }),
    );
    for (const bad of [
      { valueOfTimeUsdPerUnitDay: -1 },
      { valueOfTimeUsdPerUnitDay: Number.NaN },
      { year: Number.POSITIVE_INFINITY },
      { avoidCountries: ['Russia'] },
      { avoidCountries: 'RU' },
      { weight: 'name' },
      { weight: () => -1 },
      { weight: () => Number.NaN },
      { weight: 'capacityPerYear' }, // absent on every tiny link
    ]) {
      expect(() => shortestPath(TINY, 'A', 'D', bad as RoutingOptions)).toThrow(
        expect.objectContaining({ name: 'InvalidArgumentError' }),
      );
      expect(() => createRoutingIndex(TINY, bad as RoutingOptions)).toThrow(
        expect.objectContaining({ name: 'InvalidArgumentError' }),
      );
    }
    expect(() => shortestPathOnIndex({} as never, 'A', 'D')).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
    expect(() => shortestPath(SAMPLE_TWO_COMMODITIES, 'xian', 'duisburg')).toThrow(
      expect.objectContaining({ argument: 'options.commodity' }),
    );
  });

  it('throws InvalidArgumentError (never a silent wrong answer) on NaN or negative link figures', () => {
    for (const bad of [{ costUsdPerUnit: Number.NaN }, { transitDays: -1 }, { distanceKm: Number.NaN }]) {
      const net = createNetwork({
        meta: { name: 'bad' },
        commodities: TINY.commodities,
        nodes: TINY_NODES,
        links: TINY_LINKS.map((l) => (l.id === 'l3' ? { ...l, ...bad } : l)),
      });
      expect(() => shortestPath(net, 'A', 'D')).toThrow(expect.objectContaining({ argument: 'network' }));
      expect(() => createRoutingIndex(net)).toThrow(expect.objectContaining({ argument: 'network' }));
    }
  });

  it('generalizedCostWeight plugs into graphology and closes links with Infinity', () => {
    const w = generalizedCostWeight(TINY, 'A', 'D', { valueOfTimeUsdPerUnitDay: 20, avoidCountries: ['RU'] });
    const g = TINY.graph;
    expect(w('l1', g.getEdgeAttributes('l1'))).toBe(100 + 10 + 20 * 3);
    expect(w('l4', g.getEdgeAttributes('l4'))).toBe(Number.POSITIVE_INFINITY);
    expect(w('l6', g.getEdgeAttributes('l6'))).toBe(Number.POSITIVE_INFINITY);
    expect(dijkstra.bidirectional(g, 'A', 'D', w)).toEqual(['A', 'B', 'D']);
  });
});

const SAMPLE_TWO_COMMODITIES: Network = createNetwork({
  meta: SAMPLE.meta,
  commodities: { ...SAMPLE.commodities, crude: { name: 'Crude', unit: 't' } },
  nodes: SAMPLE.graph.mapNodes((_, a) => a),
  links: SAMPLE.graph.mapEdges((_, a) => a),
});

describe('shortestPath on the two-corridors sample (hand-computed totals)', () => {
  it('takes the Northern corridor at value of time 0: 2,740 USD, 14.7 days', () => {
    // 700 + 50 + 60 (Altynkol) + 100 + 900 + 350 + 80 (Brest) + 500
    const r = shortestPath(SAMPLE, 'xian', 'duisburg');
    expect(r).toMatchObject({
      status: 'optimal',
      path: {
        nodes: ['xian', 'khorgos', 'altynkol', 'almaty', 'moscow', 'brest', 'duisburg'],
        costUsd: 2740,
      },
    });
    if (r.status === 'optimal') {
      expect(r.path.transitDays).toBeCloseTo(14.7, 12);
      expect(r.path.countries).toEqual(['CN', 'KZ', 'RU', 'BY', 'PL', 'DE']);
      expect(r.path.distanceKm).toBe(3500 + 10 + 380 + 4000 + 1050 + 1200);
    }
  });

  it('takes the Middle Corridor when Russia is avoided: 4,160 USD, 24.2 days; 4,110 USD once the new line opens', () => {
    const r = shortestPath(SAMPLE, 'xian', 'duisburg', { avoidCountries: ['RU'] });
    expect(r).toMatchObject({ path: { costUsd: 4160 } });
    if (r.status === 'optimal') expect(r.path.transitDays).toBeCloseTo(24.2, 12);
    const later = shortestPathOnIndex(
      createRoutingIndex(SAMPLE, { avoidCountries: ['RU'], year: 2028 }),
      'xian',
      'duisburg',
    );
    expect(later).toMatchObject({ path: { costUsd: 4110 } });
    if (later.status === 'optimal') expect(later.path.links).toContain('almaty-aktau-new');
  });
});

describe('differential: graphology engine = typed-array engine = brute force', () => {
  it('agree exactly on costs for every OD pair of random integer networks', () => {
    fc.assert(
      fc.property(arbRoutingCase(), ([network, options]) => {
        const index = createRoutingIndex(network, options);
        for (const o of network.graph.nodes()) {
          for (const d of network.graph.nodes()) {
            const brute = bruteForcePaths(network, o, d, options);
            const a = shortestPath(network, o, d, options);
            const b = shortestPathOnIndex(index, o, d);
            if (brute.length === 0) {
              expect(a.status).toBe('unreachable');
              expect(b.status).toBe('unreachable');
              continue;
            }
            expect(a.status).toBe('optimal');
            expect(b.status).toBe('optimal');
            if (a.status !== 'optimal' || b.status !== 'optimal') continue;
            expect(a.path.generalizedCostUsd).toBe(brute[0]!.cost);
            expect(b.path.generalizedCostUsd).toBe(brute[0]!.cost);
            // Each returned path is one of the enumerated simple paths, priced the same.
            for (const p of [a.path, b.path]) {
              const same = brute.find((x) => x.links.join() === p.links.join());
              expect(same?.cost).toBe(p.generalizedCostUsd);
              expect(p.nodes).toEqual(same?.nodes);
              expect(evaluatePath(network, o, p.links, options)).toEqual(p);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('agree within 1e-9 (relative) on random float networks, with ties in any order', () => {
    fc.assert(
      fc.property(arbRoutingCase({ floats: true }), ([network, options]) => {
        const index = createRoutingIndex(network, options);
        for (const o of network.graph.nodes()) {
          for (const d of network.graph.nodes()) {
            const brute = bruteForcePaths(network, o, d, options);
            const a = shortestPath(network, o, d, options);
            const b = shortestPathOnIndex(index, o, d);
            expect(a.status).toBe(brute.length === 0 ? 'unreachable' : 'optimal');
            expect(b.status).toBe(a.status);
            if (a.status !== 'optimal' || b.status !== 'optimal') continue;
            const best = brute[0]!.cost;
            const tol = 1e-9 * Math.max(1, best);
            expect(Math.abs(a.path.generalizedCostUsd - best)).toBeLessThanOrEqual(tol);
            expect(Math.abs(b.path.generalizedCostUsd - best)).toBeLessThanOrEqual(tol);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('agree with a custom weight (attribute name or function): the least total of that weight', () => {
    fc.assert(
      fc.property(arbRoutingCase(), fc.boolean(), ([network, options], byName) => {
        const weight = byName ? ('distanceKm' as const) : (_id: string, l: LinkAttributes) => l.distanceKm;
        const custom = { ...options, weight };
        const index = createRoutingIndex(network, custom);
        for (const o of network.graph.nodes()) {
          for (const d of network.graph.nodes()) {
            const brute = bruteForcePaths(network, o, d, options);
            const best = Math.min(...brute.map((b) => evaluatePath(network, o, b.links, options).distanceKm));
            const a = shortestPath(network, o, d, custom);
            const b = shortestPathOnIndex(index, o, d);
            expect(a.status === 'optimal' ? a.path.weight : Number.POSITIVE_INFINITY).toBe(best);
            expect(b.status === 'optimal' ? b.path.weight : Number.POSITIVE_INFINITY).toBe(best);
            if (a.status === 'optimal') expect(a.path.distanceKm).toBe(best);
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});
