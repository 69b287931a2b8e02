import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../data/network-format.js';
import { evaluatePath } from './path.js';
import { createRoutingIndex } from './routingIndex.js';
import { shortestPath } from './shortestPath.js';
import { computeSkims, computeSkimsOnIndex } from './skims.js';
import { arbRoutingCase, bruteForcePaths } from './testNetworks.js';

const SAMPLE = parseNetwork(
  JSON.parse(readFileSync(new URL('../../../data/samples/two-corridors.json', import.meta.url), 'utf8')),
);

describe('computeSkims(network, options)', () => {
  it('gives row-major matrices with ids, 0 on the diagonal and Infinity when unreachable', () => {
    const s = computeSkims(SAMPLE, {
      origins: ['xian', 'duisburg'],
      destinations: ['duisburg', 'xian', 'poti'],
    });
    expect(s.origins).toEqual(['xian', 'duisburg']);
    expect(s.destinations).toEqual(['duisburg', 'xian', 'poti']);
    // Hand-computed: Xi'an → Duisburg by the Northern corridor, 2,740 USD and 14.7 days (VOT 0).
    expect(s.costUsd[0]).toBe(2740);
    expect(s.transitDays[0]).toBeCloseTo(14.7, 12);
    expect(s.distanceKm[0]).toBe(3500 + 10 + 380 + 4000 + 1050 + 1200);
    expect(s.weight[0]).toBe(2740);
    expect(s.generalizedCostUsd[0]).toBe(2740);
    expect(s.costUsd[1]).toBe(0); // xian → xian
    expect(s.costUsd[3]).toBe(0); // duisburg → duisburg
    for (const m of [s.weight, s.generalizedCostUsd, s.costUsd, s.transitDays, s.distanceKm]) {
      expect(m[4]).toBe(Number.POSITIVE_INFINITY); // duisburg → xian: no link back to China
      expect(m[5]).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it('uses every node by default and agrees with the point-to-point query', () => {
    const options = { valueOfTimeUsdPerUnitDay: 40, avoidCountries: ['RU'] };
    const s = computeSkims(SAMPLE, options);
    const ids = SAMPLE.graph.nodes();
    expect(s.origins).toEqual(ids);
    expect(s.destinations).toEqual(ids);
    ids.forEach((o, i) => {
      ids.forEach((d, j) => {
        const r = shortestPath(SAMPLE, o, d, options);
        const at = i * ids.length + j;
        if (r.status === 'unreachable') expect(s.generalizedCostUsd[at]).toBe(Number.POSITIVE_INFINITY);
        else {
          expect(s.generalizedCostUsd[at]).toBe(r.path.generalizedCostUsd);
          expect(s.costUsd[at]).toBe(r.path.costUsd);
          expect(s.transitDays[at]).toBe(r.path.transitDays);
          expect(s.distanceKm[at]).toBe(r.path.distanceKm);
        }
      });
    });
  });

  it('exempts each destination country separately (Moscow is reachable while RU is avoided)', () => {
    const s = computeSkims(SAMPLE, {
      origins: ['xian'],
      destinations: ['moscow', 'duisburg'],
      avoidCountries: ['RU'],
    });
    expect(s.costUsd[0]).toBe(700 + 50 + 60 + 100 + 900);
    expect(s.costUsd[1]).toBe(4160); // the Middle Corridor
  });

  it('throws NotFoundError on unknown ids and InvalidArgumentError on a bad selection', () => {
    expect(() => computeSkims(SAMPLE, { origins: ['nowhere'] })).toThrow(
      expect.objectContaining({ name: 'NotFoundError' }),
    );
    expect(() => computeSkims(SAMPLE, { destinations: 'xian' as never })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
    expect(() => computeSkims(SAMPLE, null as never)).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
    expect(() => computeSkimsOnIndex(createRoutingIndex(SAMPLE), { origins: [42 as never] })).toThrow(
      expect.objectContaining({ name: 'NotFoundError' }),
    );
  });

  it('matches brute force on random networks: the least cost, and the figures of one least-cost path', () => {
    fc.assert(
      fc.property(arbRoutingCase(), ([network, options]) => {
        const s = computeSkimsOnIndex(createRoutingIndex(network, options));
        const ids = network.graph.nodes();
        ids.forEach((o, i) => {
          ids.forEach((d, j) => {
            const at = i * ids.length + j;
            const brute = bruteForcePaths(network, o, d, options);
            if (brute.length === 0) {
              expect(s.weight[at]).toBe(Number.POSITIVE_INFINITY);
              expect(s.costUsd[at]).toBe(Number.POSITIVE_INFINITY);
              return;
            }
            const best = brute[0]!.cost;
            expect(s.weight[at]).toBe(best);
            expect(s.generalizedCostUsd[at]).toBe(best);
            const witnesses = brute
              .filter((b) => b.cost === best)
              .map((b) => evaluatePath(network, o, b.links, options));
            expect(
              witnesses.some(
                (p) =>
                  p.costUsd === s.costUsd[at] &&
                  p.transitDays === s.transitDays[at] &&
                  p.distanceKm === s.distanceKm[at],
              ),
            ).toBe(true);
          });
        });
      }),
      { numRuns: 120 },
    );
  });
});
