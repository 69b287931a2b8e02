/**
 * assignNetwork on small named corridor networks with closed-form answers, and on the bundled
 * two-corridor sample.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkRecord, nodeRecord } from '../../../test/support/records.js';
import { parseDemand } from '../../data/demand-format.js';
import { parseNetwork } from '../../data/network-format.js';
import type { Demand } from '../../model/demand.js';
import { InvalidArgumentError } from '../../model/errors.js';
import { createNetwork, type LinkAttributes, type NodeAttributes } from '../../model/network.js';
import { assignNetwork } from './assignNetwork.js';

const node = (id: string, country: string, extra: Partial<NodeAttributes> = {}): NodeAttributes =>
  nodeRecord(id, { country, lon: 0, lat: 0, ...extra });
const link = (id: string, from: string, to: string, extra: Partial<LinkAttributes> = {}): LinkAttributes =>
  linkRecord(id, from, to, { costUsdPerUnit: 0, distanceKm: 100, countries: [], ...extra });

// Xi'an (CN) → Duisburg (DE) by two single-link routes with linear delay (BPR β = 1):
//   north: 10 days, 1000 USD, capacity 100, via RU: t = 10 + 0.015 x
//   south: 15 days, 1000 USD, capacity 50, via KZ: t = 15 + 0.045 y
// plus Moscow (RU) → Duisburg. With VOT 1 USD/day the money is equal, so 600 TEU split
// x = (5 + 0.045 · 600) / 0.06 = 533.33 (both at 18 days), as for two parallel links.
const NET = createNetwork({
  meta: { name: 'two routes' },
  commodities: { container: { name: 'Containers', unit: 'TEU' }, crude: { name: 'Crude', unit: 't' } },
  defaultVdf: { kind: 'bpr', alpha: 0.15, beta: 1 },
  nodes: [
    node('xian', 'CN'),
    node('duisburg', 'DE'),
    node('moscow', 'RU'),
    node('brest', 'BY', { dwellDays: 2 }),
  ],
  links: [
    link('north', 'xian', 'duisburg', {
      transitDays: 10,
      costUsdPerUnit: 1000,
      capacityPerYear: 100,
      countries: ['CN', 'RU', 'DE'],
    }),
    link('south', 'xian', 'duisburg', {
      transitDays: 15,
      costUsdPerUnit: 1000,
      capacityPerYear: 50,
      countries: ['CN', 'KZ', 'DE'],
    }),
    link('moscow-brest', 'moscow', 'brest', { transitDays: 1, costUsdPerUnit: 100, countries: ['RU', 'BY'] }),
    link('brest-duisburg', 'brest', 'duisburg', {
      transitDays: 2,
      costUsdPerUnit: 300,
      countries: ['BY', 'PL', 'DE'],
    }),
    link('pipe', 'moscow', 'brest', {
      mode: 'pipeline',
      commodity: 'crude',
      transitDays: 0.1,
      costUsdPerUnit: 1,
      countries: ['RU', 'BY'],
    }),
    link('shortcut', 'xian', 'duisburg', {
      transitDays: 1,
      costUsdPerUnit: 10,
      countries: ['CN', 'DE'],
      status: 'planned',
      opens: '2030-01',
    }),
  ],
});

const demand = (flows: Demand['flows'], segments: Demand['segments'] = []): Demand => ({ segments, flows });
const STANDARD = { id: 'standard', name: 'standard', valueOfTimeUsdPerUnitDay: 1 };
const AVOID_RU = { id: 'avoid-ru', name: 'avoid RU', valueOfTimeUsdPerUnitDay: 1, avoidCountries: ['RU'] };
const flow = (id: string, origin: string, destination: string, volumePerYear: number, extra = {}) => ({
  id,
  origin,
  destination,
  commodity: 'container',
  volumePerYear,
  ...extra,
});

describe('assignNetwork', () => {
  it('splits a demand at user equilibrium in generalized cost and reports flows by id', () => {
    const result = assignNetwork(NET, demand([flow('f', 'xian', 'duisburg', 600)], [STANDARD]), {
      relativeGap: 1e-12,
    });
    expect(result.status).toBe('converged');
    expect(result.linkFlows.north).toBeCloseTo(32 / 0.06, 7);
    expect(result.linkFlows.south).toBeCloseTo(600 - 32 / 0.06, 7);
    expect(result.linkFlows.shortcut).toBe(0); // planned, not open
    expect(result.linkTimesDays.north).toBeCloseTo(18, 9);
    const [group] = result.paths;
    expect(group).toMatchObject({ flowId: 'f', segmentId: 'standard', volume: 600 });
    expect(group!.paths).toHaveLength(2);
    for (const path of group!.paths) {
      expect(path.timeDays).toBeCloseTo(18, 9);
      expect(path.generalizedCostUsd).toBeCloseTo(1018, 8);
      expect(path.nodes).toEqual(['xian', 'duisburg']);
    }
    expect(result.totalCostUsd).toBeCloseTo(600 * 1018, 5);
    expect(result.unassigned).toEqual([]);
  });

  it('a segment avoiding Russia never transits it, but may start there', () => {
    const result = assignNetwork(
      NET,
      demand(
        [
          flow('cn-de', 'xian', 'duisburg', 600, { segmentShares: { standard: 0.5, 'avoid-ru': 0.5 } }),
          flow('ru-de', 'moscow', 'duisburg', 40, { segmentShares: { 'avoid-ru': 1 } }),
        ],
        [STANDARD, AVOID_RU],
      ),
      { relativeGap: 1e-12 },
    );
    const byKey = new Map(result.paths.map((g) => [`${g.flowId}/${g.segmentId}`, g]));
    const avoiding = byKey.get('cn-de/avoid-ru')!;
    expect(avoiding.paths.map((p) => p.links)).toEqual([['south']]);
    expect(avoiding.paths[0]!.volume).toBeCloseTo(300, 10);
    // origin country exempt: Moscow → Duisburg uses the Russian link
    const fromRussia = byKey.get('ru-de/avoid-ru')!;
    expect(fromRussia.paths[0]!.links).toEqual(['moscow-brest', 'brest-duisburg']);
    expect(fromRussia.paths[0]!.nodes).toEqual(['moscow', 'brest', 'duisburg']);
    // 2 days of dwell at Brest (unsplit node) count in the path time
    expect(fromRussia.paths[0]!.timeDays).toBeCloseTo(5, 12);
    // standard: 300 TEU split with 300 avoiding TEU already on south:
    // 10 + 0.015x = 15 + 0.045(600 − x) → x = 32 / 0.06 in total on north, all of it "standard"
    expect(result.linkFlows.north).toBeCloseTo(300, 6);
    expect(result.linkFlows['brest-duisburg']).toBe(40);
    expect(result.linkFlows.pipe).toBe(0);
  });

  it('opens planned links from their year, and surcharges move a segment away', () => {
    const d = demand([flow('f', 'xian', 'duisburg', 600)], [STANDARD]);
    expect(assignNetwork(NET, d, { year: 2031 }).linkFlows.shortcut).toBe(600);
    const taxed = assignNetwork(NET, d, { relativeGap: 1e-12, surcharges: { standard: { north: 6 } } });
    // 16 + 0.015x = 15 + 0.045(600 − x) → x = 26 / 0.06
    expect(taxed.linkFlows.north).toBeCloseTo(26 / 0.06, 6);
  });

  it('avoiding a country also avoids links that start or end in it', () => {
    const noBelarus = { ...STANDARD, id: 'no-by', avoidCountries: ['BY'] };
    const result = assignNetwork(NET, demand([flow('f', 'moscow', 'duisburg', 5)], [noBelarus]));
    expect(result.unassigned).toEqual([{ flowId: 'f', segmentId: 'no-by', volume: 5, reason: 'no-path' }]);
  });

  it('lists demand without a usable path as unassigned', () => {
    const onlyRussia = { ...AVOID_RU, id: 'no-ru-no-kz', avoidCountries: ['RU', 'KZ'] };
    const result = assignNetwork(NET, demand([flow('f', 'xian', 'duisburg', 10)], [onlyRussia]));
    expect(result.unassigned).toEqual([
      { flowId: 'f', segmentId: 'no-ru-no-kz', volume: 10, reason: 'no-path' },
    ]);
    expect(result.linkFlows.north).toBe(0);
  });

  it('the capacity-respecting form keeps a link under capacity when an alternative exists', () => {
    const d = demand([flow('f', 'xian', 'duisburg', 140)], [STANDARD]);
    const plain = assignNetwork(NET, d, { relativeGap: 1e-10 });
    expect(plain.linkFlows.north).toBeCloseTo(140, 6); // BPR: 10 + 0.015·140 = 12.1 < 15
    expect(plain.overCapacity).toEqual([
      { kind: 'link', id: 'north', commodity: 'container', volume: 140, capacity: 100 },
    ]);
    const hard = assignNetwork(NET, d, {
      relativeGap: 1e-10,
      linkVdf: () => ({ kind: 'davidson', j: 0.1, mu: 0.99 }),
    });
    expect(hard.linkFlows.north).toBeLessThan(100);
    expect(hard.overCapacity).toEqual([]);
    expect(hard.linkTimesDays.north).toBeCloseTo(hard.linkTimesDays.south!, 8);
  });

  it('link-based algorithms give the same link flows without paths; logit gives a softer split', () => {
    const d = demand([flow('f', 'xian', 'duisburg', 600)], [STANDARD]);
    const bfw = assignNetwork(NET, d, { algorithm: 'bfw', relativeGap: 1e-10 });
    expect(bfw.linkFlows.north).toBeCloseTo(32 / 0.06, 4);
    expect(bfw.paths).toEqual([]);
    const logit = assignNetwork(NET, d, { algorithm: 'logit', theta: 0.2, relativeGap: 1e-10 });
    const [a, b] = logit.paths[0]!.paths;
    expect(a!.volume / b!.volume).toBeCloseTo(
      Math.exp(-0.2 * (a!.generalizedCostUsd - b!.generalizedCostUsd)),
      8,
    );
  });

  it('restarts from an earlier result', () => {
    const d = demand([flow('f', 'xian', 'duisburg', 600)], [STANDARD]);
    const first = assignNetwork(NET, d, { relativeGap: 1e-10 });
    const again = assignNetwork(NET, d, { relativeGap: 1e-10, warmStart: first });
    expect(again.iterations).toBe(0);
    const grown = demand([flow('f', 'xian', 'duisburg', 900)], [STANDARD]);
    const warm = assignNetwork(NET, grown, { relativeGap: 1e-10, warmStart: first });
    expect(warm.linkFlows.north).toBeCloseTo((5 + 0.045 * 900) / 0.06, 6);
  });

  it('routes a value-of-time-0 segment (the default) on money only', () => {
    const result = assignNetwork(NET, demand([flow('f', 'moscow', 'duisburg', 600)]), { relativeGap: 1e-10 });
    expect(result.linkFlows['moscow-brest']).toBe(600);
    expect(result.paths[0]!.segmentId).toBe('all');
    expect(result.paths[0]!.paths[0]!.generalizedCostUsd).toBe(400);
  });

  it('reports node-arc flows at nodes with a handling capacity (bundled sample)', () => {
    const network = parseNetwork(
      JSON.parse(readFileSync(new URL('../../../data/samples/two-corridors.json', import.meta.url), 'utf8')),
    );
    const sample = parseDemand(
      JSON.parse(
        readFileSync(new URL('../../../data/samples/two-corridors.demand.json', import.meta.url), 'utf8'),
      ),
      network,
    );
    const result = assignNetwork(network, sample, { relativeGap: 1e-10 });
    expect(result.status).toBe('converged');
    const total = sample.flows[0]!.volumePerYear;
    expect(result.nodeFlows.altynkol!.container).toBeCloseTo(total, 6);
    const throughAktau = result.nodeFlows.aktau!.container!;
    expect(throughAktau).toBeCloseTo(result.linkFlows['aktau-baku']!, 6);
    // avoid-ru shippers never use Russian links
    for (const group of result.paths.filter((g) => g.segmentId === 'avoid-ru')) {
      for (const path of group.paths) expect(path.nodes).not.toContain('moscow');
    }
    const assigned = result.paths.reduce((s, g) => s + g.paths.reduce((t, p) => t + p.volume, 0), 0);
    expect(assigned).toBeCloseTo(total, 6);
  });

  it('throws on unknown ids and bad options', () => {
    const d = demand([flow('f', 'xian', 'duisburg', 600)], [STANDARD]);
    // demand built in code is validated like a document: unknown nodes are a ValidationError with the path
    expect(() => assignNetwork(NET, demand([flow('f', 'xian', 'nowhere', 1)]))).toThrow(
      /\$\.flows\[0\]\.destination: node "nowhere" does not exist/,
    );
    expect(() =>
      assignNetwork(NET, demand([{ ...flow('f', 'xian', 'duisburg', 1), commodity: 'gas' }])),
    ).toThrow(/\$\.flows\[0\]\.commodity: commodity "gas" is not carried by the network/);
    expect(() => assignNetwork(NET, d, { surcharges: { standard: { nope: 1 } } })).toThrow(/link "nope"/);
    expect(() => assignNetwork(NET, d, { surcharges: { other: {} } })).toThrow(/segment "other"/);
    expect(() => assignNetwork(NET, d, { surcharges: { standard: { north: -1 } } })).toThrow(
      InvalidArgumentError,
    );
    expect(() => assignNetwork(NET, d, { algorithm: 'logit' })).toThrow(/theta is required/);
    expect(() => assignNetwork(NET, d, { algorithm: 'simplex' as 'path' })).toThrow(
      /algorithm must be one of/,
    );
    expect(() => assignNetwork(NET, demand([flow('f', 'xian', 'duisburg', -5)]))).toThrow(/volumePerYear/);
    const typo = { ...STANDARD, avoidLinks: ['nort'] };
    expect(() => assignNetwork(NET, demand([flow('f', 'xian', 'duisburg', 1)], [typo]))).toThrow(
      /link "nort" does not exist/,
    );
  });
});
