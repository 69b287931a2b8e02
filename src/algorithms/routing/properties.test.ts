/**
 * Invariants of routing on random networks (fast-check): closing a link never shortens a path, skims
 * satisfy the triangle inequality, paths stay out of forbidden countries, inputs are not mutated.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeNetwork } from '../../data/network-format.js';
import { listLinks, rebuildNetwork } from '../../model/network.js';
import { kShortestPaths } from './kShortestPaths.js';
import type { Path } from './path.js';
import { createRoutingIndex } from './routingIndex.js';
import { shortestPath } from './shortestPath.js';
import { shortestPathOnIndex } from './shortestPathOnIndex.js';
import { computeSkims } from './skims.js';
import { arbRoutingCase } from './testNetworks.js';

const weightOf = (r: { status: string; path?: Path }): number =>
  r.status === 'optimal' ? r.path!.weight : Number.POSITIVE_INFINITY;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('routing invariants', () => {
  it('closing a link (avoidLinks or status closed) never shortens a path', () => {
    fc.assert(
      fc.property(arbRoutingCase({ floats: true }), fc.nat(), ([network, options], pick) => {
        const links = network.graph.edges();
        if (links.length === 0) return;
        const closed = links[pick % links.length]!;
        const ids = network.graph.nodes();
        const before = createRoutingIndex(network, options);
        const avoided = createRoutingIndex(network, {
          ...options,
          avoidLinks: [...options.avoidLinks, closed],
        });
        const rebuilt = rebuildNetwork(network, {
          links: listLinks(network).map((l) => (l.id === closed ? { ...l, status: 'closed' } : l)),
        });
        const closedIndex = createRoutingIndex(rebuilt, options);
        for (const o of ids) {
          for (const d of ids) {
            const w0 = weightOf(shortestPathOnIndex(before, o, d));
            expect(weightOf(shortestPathOnIndex(avoided, o, d))).toBeGreaterThanOrEqual(w0);
            expect(weightOf(shortestPathOnIndex(closedIndex, o, d))).toBeGreaterThanOrEqual(w0);
            expect(weightOf(shortestPath(rebuilt, o, d, options))).toBeGreaterThanOrEqual(w0);
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('skims satisfy the triangle inequality d(a,c) ≤ d(a,b) + d(b,c)', () => {
    fc.assert(
      fc.property(arbRoutingCase({ floats: true }), ([network, options]) => {
        // Without country avoidance: exemptions depend on the endpoints, so avoidance is not a metric.
        const s = computeSkims(network, { ...options, avoidCountries: [] });
        const n = s.origins.length;
        for (let a = 0; a < n; a++) {
          for (let b = 0; b < n; b++) {
            for (let c = 0; c < n; c++) {
              const direct = s.weight[a * n + c]!;
              const via = s.weight[a * n + b]! + s.weight[b * n + c]!;
              expect(direct).toBeLessThanOrEqual(via * (1 + 1e-12));
            }
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('paths never touch an avoided country other than the origin and destination countries', () => {
    fc.assert(
      fc.property(arbRoutingCase(), ([network, options]) => {
        const index = createRoutingIndex(network, options);
        const g = network.graph;
        for (const o of g.nodes()) {
          for (const d of g.nodes()) {
            const exempt = new Set([g.getNodeAttribute(o, 'country'), g.getNodeAttribute(d, 'country')]);
            const forbidden = options.avoidCountries.filter((c) => !exempt.has(c));
            const paths: Path[] = [];
            for (const r of [shortestPath(network, o, d, options), shortestPathOnIndex(index, o, d)]) {
              if (r.status === 'optimal') paths.push(r.path);
            }
            const k = kShortestPaths(network, o, d, 3, options);
            if (k.status === 'optimal') paths.push(...k.paths);
            for (const p of paths) {
              for (const c of forbidden) expect(p.countries).not.toContain(c);
              for (const id of p.links) {
                const link = g.getEdgeAttributes(id);
                expect(options.avoidLinks).not.toContain(id);
                expect(link.commodity).toBe('container');
                expect(
                  link.status === 'active' || (link.status === 'planned' && options.year !== undefined),
                ).toBe(true);
              }
            }
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('does not mutate the network or the options', () => {
    fc.assert(
      fc.property(arbRoutingCase(), ([network, options]) => {
        const before = JSON.stringify(serializeNetwork(network));
        const copy = JSON.stringify(options);
        // Frozen inputs: any write attempt throws in strict mode.
        const frozen = deepFreeze(structuredClone(options));
        const ids = network.graph.nodes();
        const o = ids[0]!;
        const d = ids[ids.length - 1]!;
        shortestPath(network, o, d, frozen);
        shortestPathOnIndex(createRoutingIndex(network, frozen), o, d);
        kShortestPaths(network, o, d, 3, frozen);
        computeSkims(network, { ...frozen, origins: deepFreeze([o]), destinations: deepFreeze([d, o]) });
        expect(JSON.stringify(serializeNetwork(network))).toBe(before);
        expect(JSON.stringify(options)).toBe(copy);
      }),
      { numRuns: 60 },
    );
  });
});
