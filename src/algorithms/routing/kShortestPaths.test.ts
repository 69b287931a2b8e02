import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNetwork, type LinkAttributes, type NodeAttributes } from '../../model/network.js';
import { kShortestPaths, kShortestPathsOnIndex } from './kShortestPaths.js';
import { evaluatePath } from './path.js';
import { createRoutingIndex } from './routingIndex.js';
import { arbRoutingCase, bruteForcePaths } from './testNetworks.js';

// A diamond with a parallel pair and a tie:
//   S -a1(1)-> M -b1(1)-> T        cost 2
//   S -a2(1)-> M                   parallel to a1, same cost: S-a2-M-b1-T also costs 2
//   S -c(3)-> T                    cost 3
//   M -b2(2)-> T                   S-a1-M-b2-T and S-a2-M-b2-T cost 3
//   T -back(0)-> S                 never on a loopless S→T path
const nodes: NodeAttributes[] = ['S', 'M', 'T'].map((id) => ({
  id,
  name: id,
  country: 'KZ',
  kind: 'hub',
  lon: 0,
  lat: 0,
}));
const link = (id: string, from: string, to: string, costUsdPerUnit: number): LinkAttributes => ({
  id,
  from,
  to,
  mode: 'rail',
  commodity: 'container',
  costUsdPerUnit,
  transitDays: 0,
  distanceKm: 0,
  countries: ['KZ'],
  status: 'active',
});
const DIAMOND = createNetwork({
  meta: { name: 'diamond' },
  commodities: { container: { name: 'Containers', unit: 'TEU' } },
  nodes,
  links: [
    link('a1', 'S', 'M', 1),
    link('a2', 'S', 'M', 1),
    link('b1', 'M', 'T', 1),
    link('c', 'S', 'T', 3),
    link('b2', 'M', 'T', 2),
    link('back', 'T', 'S', 0),
  ],
});

describe('kShortestPaths(network, origin, destination, k)', () => {
  it('lists parallel links as distinct paths, ties included, cheapest first', () => {
    const r = kShortestPaths(DIAMOND, 'S', 'T', 10);
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    expect(r.paths.map((p) => p.weight)).toEqual([2, 2, 3, 3, 3]);
    expect(new Set(r.paths.map((p) => p.links.join('-')))).toEqual(
      new Set(['a1-b1', 'a2-b1', 'c', 'a1-b2', 'a2-b2']),
    );
  });

  it('stops at k', () => {
    const r = kShortestPaths(DIAMOND, 'S', 'T', 3);
    expect(r.status === 'optimal' && r.paths.map((p) => p.weight)).toEqual([2, 2, 3]);
  });

  it("returns 'unreachable' when there is no path, and throws on bad k or unknown nodes", () => {
    expect(kShortestPaths(DIAMOND, 'S', 'T', 2, { avoidLinks: ['a1', 'a2', 'c'] })).toEqual({
      status: 'unreachable',
      origin: 'S',
      destination: 'T',
    });
    for (const k of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => kShortestPaths(DIAMOND, 'S', 'T', k)).toThrow(
        expect.objectContaining({ name: 'InvalidArgumentError' }),
      );
    }
    expect(() => kShortestPaths(DIAMOND, 'S', 'Q', 1)).toThrow(
      expect.objectContaining({ name: 'NotFoundError' }),
    );
  });

  it('a k of the wrong type is named with its type: the string "3" is not shown as 3', () => {
    const index = createRoutingIndex(DIAMOND);
    for (const run of [
      () => kShortestPaths(DIAMOND, 'S', 'T', '3' as never),
      () => kShortestPathsOnIndex(index, 'S', 'T', '3' as never),
    ]) {
      expect(run).toThrow(
        expect.objectContaining({
          name: 'InvalidArgumentError',
          argument: 'k',
          message: 'corridor-sim/routing: k must be an integer ≥ 1, got the string "3"',
        }),
      );
    }
  });

  it('gives the single trivial path when origin = destination', () => {
    const r = kShortestPaths(DIAMOND, 'M', 'M', 4);
    expect(r.status === 'optimal' && r.paths.map((p) => p.nodes)).toEqual([['M']]);
  });

  it('matches brute-force enumeration of all simple paths on random integer networks (ties, parallel links)', () => {
    fc.assert(
      fc.property(arbRoutingCase(), fc.integer({ min: 1, max: 8 }), ([network, options], k) => {
        const index = createRoutingIndex(network, options);
        const ids = network.graph.nodes();
        for (const o of ids) {
          for (const d of ids) {
            const brute = bruteForcePaths(network, o, d, options);
            const r = kShortestPathsOnIndex(index, o, d, k);
            if (brute.length === 0) {
              expect(r.status).toBe('unreachable');
              continue;
            }
            expect(r.status).toBe('optimal');
            if (r.status !== 'optimal') continue;
            // The k smallest costs, in order (integer data: sums are exact).
            expect(r.paths.map((p) => p.weight)).toEqual(brute.slice(0, k).map((p) => p.cost));
            const keys = new Set<string>();
            for (const p of r.paths) {
              const key = p.links.join(',');
              expect(keys.has(key)).toBe(false);
              keys.add(key);
              const same = brute.find((b) => b.links.join(',') === key);
              expect(same, `path ${key} is a simple ${o}→${d} path`).toBeDefined();
              expect(p.nodes).toEqual(same!.nodes);
              expect(evaluatePath(network, o, p.links, options)).toEqual(p);
            }
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('returns nondecreasing weights on random float networks, each a valid simple path', () => {
    fc.assert(
      fc.property(arbRoutingCase({ floats: true }), ([network, options]) => {
        const ids = network.graph.nodes();
        const o = ids[0]!;
        const d = ids[ids.length - 1]!;
        const r = kShortestPaths(network, o, d, 6, options);
        const brute = bruteForcePaths(network, o, d, options);
        expect(r.status).toBe(brute.length === 0 ? 'unreachable' : 'optimal');
        if (r.status !== 'optimal') return;
        expect(r.paths.length).toBe(Math.min(6, brute.length));
        for (let i = 1; i < r.paths.length; i++)
          expect(r.paths[i]!.weight).toBeGreaterThanOrEqual(r.paths[i - 1]!.weight);
        r.paths.forEach((p, i) => {
          expect(new Set(p.nodes).size).toBe(p.nodes.length);
          expect(Math.abs(p.weight - brute[i]!.cost)).toBeLessThanOrEqual(1e-9 * Math.max(1, brute[i]!.cost));
        });
      }),
      { numRuns: 150 },
    );
  });
});
