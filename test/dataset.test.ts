/**
 * The bundled Eurasia dataset: generated, valid, fully sourced, connected, and consistent with the
 * published figures it was not calibrated on.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEurasiaFiles } from '../scripts/build-eurasia.js';
import { shortestPath } from '../src/algorithms/routing/shortestPath.js';
import { auditProvenance, loadDataset } from '../src/data/datasets.js';
import { pathMatchesCorridor } from '../src/model/corridor.js';
import { getLink, listLinks, listNodes, type Network } from '../src/model/network.js';
import { applyScenario } from '../src/scenario/apply.js';

const dataset = loadDataset('eurasia');
const { network, demand, timelines, meta } = dataset;

function timeline(id: string) {
  const t = timelines.find((s) => s.id === id);
  if (!t) throw new Error(`timeline ${id} missing`);
  return t;
}

/** Nodes reachable from `start` on open links of a commodity (planned links count when `planned`). */
function reachable(net: Network, start: string, commodity: string, planned = false): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const id of net.graph.outEdges(node)) {
      const link = net.graph.getEdgeAttributes(id);
      if (link.commodity !== commodity) continue;
      if (link.status === 'closed' || (link.status === 'planned' && !planned)) continue;
      if (!seen.has(link.to)) {
        seen.add(link.to);
        queue.push(link.to);
      }
    }
  }
  return seen;
}

const FASTEST = { valueOfTimeUsdPerUnitDay: 1e6 };

function fastest(origin: string, destination: string, options: Record<string, unknown> = {}) {
  const result = shortestPath(network, origin, destination, {
    commodity: 'container',
    ...FASTEST,
    ...options,
  });
  if (result.status !== 'optimal') throw new Error(`${origin} → ${destination} unreachable`);
  return result.path;
}

describe('generation', () => {
  it('the committed data/eurasia JSON is exactly what scripts/build-eurasia.ts produces', () => {
    for (const [path, content] of buildEurasiaFiles()) {
      const committed = readFileSync(new URL(`../data/eurasia/${path}`, import.meta.url), 'utf8');
      expect(committed, `data/eurasia/${path} is stale: run npx tsx scripts/build-eurasia.ts`).toBe(content);
    }
  });
});

describe('contents', () => {
  it('has at least 50 container nodes, with the places the corridors need', () => {
    const containerNodes = new Set<string>();
    for (const link of listLinks(network)) {
      if (link.commodity !== 'container') continue;
      containerNodes.add(link.from);
      containerNodes.add(link.to);
    }
    expect(containerNodes.size).toBeGreaterThanOrEqual(50);
    for (const id of [
      'xian',
      'chongqing',
      'chengdu',
      'yiwu',
      'zhengzhou',
      'wuhan',
      'changsha',
      'harbin',
      'tianjin',
      'shanghai',
      'ningbo',
      'alashankou',
      'dostyk',
      'khorgos',
      'altynkol',
      'tacheng',
      'bakhty',
      'manzhouli',
      'zabaikalsk',
      'erenhot',
      'zamyn-uud',
      'ulaanbaatar',
      'naushki',
      'almaty',
      'moyynty',
      'astana',
      'aktobe',
      'saryagash',
      'petropavl',
      'semey',
      'oral',
      'brest',
      'malaszewicze',
      'lodz',
      'duisburg',
      'hamburg',
      'rotterdam',
      'aktau',
      'kuryk',
      'alat',
      'turkmenbashi',
      'tbilisi',
      'poti',
      'batumi',
      'kars',
      'istanbul',
      'constanta',
      'bolashak',
      'etrek',
      'inche-burun',
      'sarakhs',
      'tehran',
      'bandar-abbas',
      'suez',
      'cape',
    ]) {
      expect(containerNodes.has(id), id).toBe(true);
    }
  });

  it('border crossings and gauge changes carry a dwell time; gauge changes join two gauges', () => {
    for (const node of listNodes(network)) {
      if (node.kind !== 'border-crossing' && node.kind !== 'gauge-change') continue;
      const dwell = (node.dwellDays ?? 0) + (node.handling?.container?.dwellDays ?? 0);
      if (node.id === 'inche-burun') continue; // its dwell is counted at Etrek, the other side of the break
      expect(dwell, node.id).toBeGreaterThan(0);
      if (node.kind === 'gauge-change')
        expect(node.gaugesMm, node.id).toEqual(expect.arrayContaining([1435, 1520]));
    }
  });

  it('the crude sub-network links the three fields to Atyrau and the export routes to the markets', () => {
    for (const [from, to] of [
      ['tengiz', 'novorossiysk'],
      ['kashagan', 'novorossiysk'],
      ['karachaganak', 'novorossiysk'],
      ['atyrau', 'samara'],
      ['atyrau', 'alashankou'],
      ['aktau', 'ceyhan'],
      ['aktau', 'makhachkala'],
      ['novorossiysk', 'rotterdam'],
      ['ceyhan', 'rotterdam'],
    ] as const) {
      expect(reachable(network, from, 'crude').has(to), `${from} → ${to}`).toBe(true);
    }
  });

  it('lists the corridors from specific to general, overland ones flagged', () => {
    expect(network.corridors.map((c) => `${c.commodity}:${c.id}`)).toEqual([
      'container:middle',
      'container:southern',
      'container:kti',
      'container:trans-manchurian',
      'container:trans-mongolian',
      'container:northern',
      'container:maritime-suez',
      'container:maritime-cape',
      'crude:btc-via-baku',
      'crude:makhachkala',
      'crude:kazakhstan-china',
      'crude:atyrau-samara',
      'crude:cpc',
    ]);
    for (const c of network.corridors) {
      expect(c.waypoints?.length, c.id).toBeGreaterThan(0);
      expect(c.links?.length, c.id).toBeGreaterThan(0);
      expect(c.overland, c.id).toBe(c.commodity === 'container' && !c.id.startsWith('maritime'));
    }
  });

  it('Tacheng–Bakhty is planned, opening 2027', () => {
    const link = getLink(network, 'tacheng-bakhty');
    expect(link.status).toBe('planned');
    expect(link.opens).toBe('2027');
  });
});

describe('provenance', () => {
  it('every numeric figure has provenance whose sources resolve, or an assumption, within its low/high', () => {
    expect(auditProvenance(dataset)).toEqual([]);
  });

  it('every cited source resolves to a title, publisher, year and address', () => {
    const cited = new Set<string>();
    const collect = (p: unknown) => {
      for (const v of Object.values((p ?? {}) as Record<string, { sources?: string[] }>)) {
        for (const id of v.sources ?? []) cited.add(id);
      }
    };
    for (const n of listNodes(network)) collect(n.provenance);
    for (const l of listLinks(network)) collect(l.provenance);
    for (const s of demand.segments) collect(s.provenance);
    for (const f of demand.flows) collect(f.provenance);
    for (const t of timelines) for (const op of t.operations) collect(op.provenance);
    expect(cited.size).toBeGreaterThan(100);
    for (const id of cited) {
      const s = dataset.sources.get(id);
      expect(s, id).toBeDefined();
      expect(s!.title && s!.publisher && s!.address && s!.year, id).toBeTruthy();
    }
  });
});

describe('connectivity', () => {
  it('every corridor resolves to a connected path from a demand origin to a demand destination', () => {
    for (const corridor of network.corridors) {
      const flows = demand.flows.filter((f) => f.commodity === corridor.commodity);
      const origins = [...new Set(flows.map((f) => f.origin))];
      const destinations = [...new Set(flows.map((f) => f.destination))];
      const reach = new Map<string, Set<string>>();
      const from = (node: string) => {
        let set = reach.get(node);
        if (!set) {
          set = reachable(network, node, corridor.commodity);
          reach.set(node, set);
        }
        return set;
      };
      const waypoints = corridor.waypoints ?? [];
      const chained = (seq: readonly string[]) => seq.every((n, i) => i === 0 || from(seq[i - 1]!).has(n));
      // The corridor link may sit before, between or after the waypoints: try every position k.
      const found = (corridor.links ?? []).some((linkId) => {
        const link = getLink(network, linkId);
        if (link.status !== 'active') return false;
        return origins.some((o) =>
          destinations.some(
            (d) =>
              waypoints.some((_, k) => {
                const before = [o, ...waypoints.slice(0, k), link.from];
                const after = [link.to, ...waypoints.slice(k), d];
                return (
                  chained(before) &&
                  chained(after) &&
                  pathMatchesCorridor(corridor, [...before, ...after], [linkId])
                );
              }) ||
              (chained([o, ...waypoints, link.from]) &&
                chained([link.to, d]) &&
                pathMatchesCorridor(corridor, [o, ...waypoints, link.from, link.to, d], [linkId])),
          ),
        );
      });
      expect(found, corridor.id).toBe(true);
    }
  });

  it('every demand pair is connected for its commodity in every year of the demand', () => {
    for (const [commodity, years] of Object.entries(meta.demandYears)) {
      for (const year of years) {
        const flows = demand.flows.filter((f) => f.commodity === commodity && f.year === year);
        expect(flows.length, `${commodity} ${year}`).toBeGreaterThan(0);
        for (const f of flows) {
          expect(reachable(network, f.origin, commodity).has(f.destination), `${f.id}@${year}`).toBe(true);
        }
      }
    }
  });
});

describe('demand totals equal the published totals they were built from', () => {
  it('containers: 420,000 TEU a year China → Europe (S148), 2021–2025', () => {
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      const total = demand.flows
        .filter((f) => f.commodity === 'container' && f.year === year)
        .reduce((a, f) => a + f.volumePerYear, 0);
      expect(Math.abs(total - 420_000), String(year)).toBeLessThan(5);
    }
  });

  it('crude: Kazakh exports 64.3 Mt (2022, S19), 70.5 Mt (2023, S19), 78.7 Mt (2025, W13)', () => {
    const total = (year: number) =>
      demand.flows
        .filter((f) => f.commodity === 'crude' && f.year === year)
        .reduce((a, f) => a + f.volumePerYear, 0);
    expect(Math.abs(total(2022) - 64_300_000)).toBeLessThan(10);
    expect(Math.abs(total(2023) - 70_500_000)).toBeLessThan(10);
    expect(Math.abs(total(2025) - 78_700_000)).toBeLessThan(10);
  });
});

describe('consistency with published figures not used to build the links', () => {
  it("Xi'an → Duisburg by rail: 13–20 days (S79) for US$4,500–9,000 per FEU (S179)", () => {
    const path = fastest('xian', 'duisburg');
    expect(path.transitDays).toBeGreaterThanOrEqual(13);
    expect(path.transitDays).toBeLessThanOrEqual(20);
    expect(path.costUsd * 2).toBeGreaterThanOrEqual(4_500);
    expect(path.costUsd * 2).toBeLessThanOrEqual(9_000);
  });

  it('Dostyk → Brest across the 1520 network: 6–8 days (S79)', () => {
    const path = fastest('dostyk', 'brest');
    expect(path.transitDays).toBeGreaterThanOrEqual(6);
    expect(path.transitDays).toBeLessThanOrEqual(8);
  });

  it("Xi'an → Baku (Alat) without Russia: 11–17 days (S44, S45, S46)", () => {
    const path = fastest('xian', 'alat', { avoidCountries: ['RU'] });
    expect(path.transitDays).toBeGreaterThanOrEqual(11);
    expect(path.transitDays).toBeLessThanOrEqual(17);
  });

  it('Yiwu → Tehran: 14 days (S91, S92), within two days', () => {
    const path = fastest('yiwu', 'tehran', { avoidCountries: ['RU'] });
    expect(Math.abs(path.transitDays - 14)).toBeLessThanOrEqual(2);
  });

  it('Shanghai → Rotterdam by sea via Suez: 30–45 days (S36); via the Cape 10–18 days more (W1, S79, S188)', () => {
    const suez = fastest('shanghai', 'rotterdam');
    expect(suez.links).toContain('suez-rotterdam');
    expect(suez.transitDays).toBeGreaterThanOrEqual(30);
    expect(suez.transitDays).toBeLessThanOrEqual(45);
    const cape = fastest('shanghai', 'rotterdam', { avoidLinks: ['suez-rotterdam'] });
    expect(cape.transitDays - suez.transitDays).toBeGreaterThanOrEqual(10);
    expect(cape.transitDays - suez.transitDays).toBeLessThanOrEqual(18);
  });

  it('the Trans-Caspian schedule Altynkol → Constanța is 20–22 days (S43; calibration check)', () => {
    const path = fastest('altynkol', 'constanta', { avoidCountries: ['RU', 'TR'] });
    expect(path.links).toContain('poti-constanta');
    expect(path.transitDays).toBeGreaterThanOrEqual(20);
    expect(path.transitDays).toBeLessThanOrEqual(22);
  });
});

describe('timelines', () => {
  it('BTK capacity is five times higher after 20 May 2024 (S69)', () => {
    const before = getLink(network, 'akhalkalaki-kars').capacityPerYear!;
    const after = applyScenario(network, demand, timeline('btk-modernisation'), { date: '2024-06-01' });
    expect(getLink(after.network, 'akhalkalaki-kars').capacityPerYear).toBeCloseTo(5 * before, 6);
    const earlier = applyScenario(network, demand, timeline('btk-modernisation'), { date: '2024-05-01' });
    expect(getLink(earlier.network, 'akhalkalaki-kars').capacityPerYear).toBe(before);
  });

  it('the Bakhty crossing opens the planned links in 2027 and connects Tacheng to Ayagoz', () => {
    expect(reachable(network, 'tacheng', 'container').has('ayagoz')).toBe(false);
    const opened = applyScenario(network, demand, timeline('bakhty-crossing'), { date: '2027-06-01' });
    expect(getLink(opened.network, 'tacheng-bakhty').status).toBe('active');
    expect(reachable(opened.network, 'tacheng', 'container').has('ayagoz')).toBe(true);
  });

  it('the Trans-Caspian ×5 multiplies the capacity of every Caspian crossing in 2030', () => {
    const applied = applyScenario(network, demand, timeline('titr-fivefold'), { date: '2030-06-01' });
    for (const id of ['aktau-alat', 'kuryk-alat', 'turkmenbashi-alat']) {
      expect(getLink(applied.network, id).capacityPerYear).toBeCloseTo(
        5 * getLink(network, id).capacityPerYear!,
        6,
      );
    }
  });

  it('the Red Sea diversion sends Shanghai → Rotterdam round the Cape', () => {
    const applied = applyScenario(network, demand, timeline('red-sea-diversion'), { date: '2024-03-01' });
    const result = shortestPath(applied.network, 'shanghai', 'rotterdam', {
      commodity: 'container',
      ...FASTEST,
    });
    expect(result.status).toBe('optimal');
    if (result.status === 'optimal') expect(result.path.nodes).toContain('cape');
  });
});
