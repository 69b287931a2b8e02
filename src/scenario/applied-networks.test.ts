/**
 * Remembered applied networks: `sameValue` against node's `isDeepStrictEqual` (plus key order), and
 * applyScenario returning a remembered network only when the records are the same, with the content a
 * new build would have.
 */

import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/datasets.js';
import { loadScenario } from '../data/scenarios.js';
import { demandForYear } from '../model/demand.js';
import { listLinks, listNodes, type Network, rebuildNetwork } from '../model/network.js';
import type { Scenario } from '../model/scenario.js';
import { appliedNetwork, sameValue } from './applied-networks.js';
import { applyScenario } from './apply.js';

const data = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.double(),
    fc.constantFrom(0, -0, Number.NaN, 1, 'a', true, null, undefined),
    fc.string({ maxLength: 3 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('value'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;

describe('sameValue', () => {
  it('is isDeepStrictEqual with key order, for plain data', () => {
    fc.assert(
      fc.property(data, data, (a, b) => {
        const same = sameValue(a, b);
        if (same) expect(isDeepStrictEqual(a, b)).toBe(true);
        const ordered =
          isDeepStrictEqual(a, b) && JSON.stringify(a, replacer) === JSON.stringify(b, replacer);
        expect(same).toBe(ordered);
        expect(sameValue(a, structuredClone(a))).toBe(true);
      }),
    );
  });

  it('tells key order, -0 from 0, a hole from undefined, and compares anything but plain data by identity', () => {
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameValue([-0], [0])).toBe(false);
    expect(sameValue([Number.NaN], [Number.NaN])).toBe(true);
    expect(sameValue({ a: undefined }, {})).toBe(false);
    // biome-ignore lint/suspicious/noSparseArray: a hole on purpose
    expect(sameValue([, 1], [undefined, 1])).toBe(false);
    expect(sameValue(new Map([[1, 2]]), new Map())).toBe(false);
    const map = new Map();
    expect(sameValue({ m: map }, { m: map })).toBe(true);
  });
});

/** JSON that keeps -0, NaN, undefined and holes apart (for the reference comparison). */
function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : Number.isNaN(value) ? 'NaN' : value;
  if (value === undefined) return '__undefined';
  return value;
}

const eurasia = loadDataset('eurasia');

function content(network: Network) {
  return { nodes: listNodes(network), links: listLinks(network), meta: network.meta };
}

describe('applyScenario with remembered networks', () => {
  it('gives the same network for the same records, and a network with the content of a new build', () => {
    const demand = demandForYear(eurasia.demand, 2024);
    const scenario = loadScenario('titr-x5');
    const first = applyScenario(eurasia.network, demand, scenario, { year: 2024 });
    const again = applyScenario(eurasia.network, demand, scenario, { year: 2024 });
    expect(again.network).toBe(first.network);
    // an equal scenario written in code (another object) gives equal records: the same network
    const copy: Scenario = structuredClone(scenario);
    expect(applyScenario(eurasia.network, demand, copy, { year: 2024 }).network).toBe(first.network);
    // another year changes weights: another network, with the content of a direct build
    const other = applyScenario(eurasia.network, demand, scenario, { year: 2028 });
    expect(other.network).not.toBe(first.network);
    const direct = rebuildNetwork(eurasia.network, {
      nodes: listNodes(other.network),
      links: listLinks(other.network),
    });
    expect(content(other.network)).toEqual(content(direct));
    expect(applyScenario(eurasia.network, demand, scenario, { year: 2024 }).network).toBe(first.network);
  });

  it('builds when no remembered network has the records, and remembers a few per network', () => {
    const base = eurasia.network;
    const links = listLinks(base);
    const nodes = listNodes(base);
    let builds = 0;
    const variant = (cost: number) =>
      appliedNetwork(
        base,
        nodes,
        links.map((l, i) => (i === 0 ? { ...l, costUsdPerUnit: cost } : l)),
        () => {
          builds++;
          return rebuildNetwork(base, {
            nodes,
            links: links.map((l, i) => (i === 0 ? { ...l, costUsdPerUnit: cost } : l)),
          });
        },
      );
    const a = variant(1);
    expect(variant(1)).toBe(a);
    expect(builds).toBe(1);
    const b = variant(-0);
    expect(variant(0)).not.toBe(b);
    expect(builds).toBe(3);
    for (let cost = 10; cost < 20; cost++) variant(cost);
    expect(variant(1)).not.toBe(a);
    expect(listLinks(variant(2))[0]!.costUsdPerUnit).toBe(2);
  });
});
