/**
 * buildClasses against a direct construction (the algorithm as first written: flowSegments per flow,
 * a country index, one pass over the arcs per class): on the Eurasia dataset under every bundled
 * scenario, and on demands that exercise what those do not (avoided links, flows that start in an
 * avoided country, segment surcharges, flows without segment shares, a demand without segments), the
 * classes, their order, arrays and entries are the same, bit for bit.
 */

import { describe, expect, it } from 'vitest';
import { type CompiledNetwork, compileNetwork } from '../algorithms/_internal/compile.js';
import { loadDataset } from '../data/datasets.js';
import { listScenarios, loadScenario } from '../data/scenarios.js';
import {
  type Demand,
  type DemandFlow,
  demandForYear,
  flowSegments,
  type ShipperSegment,
} from '../model/demand.js';
import type { Scenario } from '../model/scenario.js';
import { applyScenario, type SegmentSurcharge } from '../scenario/apply.js';
import { buildClasses, type DemandClass } from './classes.js';

/** The construction as first written (countries indexed here, not shared with other modules). */
function directClasses(compiled: CompiledNetwork, demand: Demand, surcharges: readonly SegmentSurcharge[]) {
  const N = compiled.nodeIds.length;
  const M = compiled.csr.arcCount;
  const L = compiled.linkCount;
  const commodityIndex = new Map(compiled.commodityIds.map((c, i) => [c, i]));
  const countries: string[] = [];
  const indexOf = new Map<string, number>();
  const index = (code: string) => {
    if (!indexOf.has(code)) {
      indexOf.set(code, countries.length);
      countries.push(code);
    }
    return indexOf.get(code)!;
  };
  const nodeCountry = compiled.nodeIds.map((id) =>
    index(compiled.network.graph.getNodeAttributes(id).country),
  );
  const linkCountries = compiled.linkIds.map((id) =>
    compiled.network.graph.getEdgeAttributes(id).countries.map(index),
  );
  const arcCountry = new Int32Array(M);
  for (let e = 0; e < M; e++) {
    arcCountry[e] = nodeCountry[e < L ? compiled.vertexNode[compiled.csr.head[e]!]! : compiled.arcNode[e]!]!;
  }
  const classes = new Map<
    string,
    Omit<DemandClass, 'entries'> & { entries: DemandClass['entries'][number][] }
  >();
  const makeClass = (
    id: string,
    flow: DemandFlow,
    c: number,
    segment: ShipperSegment,
    exempt: readonly string[],
  ) => {
    const avoid = new Uint8Array(countries.length);
    for (const x of segment.avoidCountries ?? []) {
      const i = indexOf.get(x);
      if (i !== undefined && !exempt.includes(x)) avoid[i] = 1;
    }
    const avoidLinks = new Set(segment.avoidLinks ?? []);
    const forbidden = new Uint8Array(M);
    const money = compiled.costUsd.slice();
    for (let e = 0; e < M; e++) {
      if (compiled.arcCommodity[e] !== c) forbidden[e] = 1;
      else if (e < L && avoidLinks.has(compiled.linkIds[e]!)) forbidden[e] = 1;
      else if (avoid[arcCountry[e]!] === 1) forbidden[e] = 1;
      else if (e < L && linkCountries[e]!.some((x) => avoid[x] === 1)) forbidden[e] = 1;
    }
    for (const s of surcharges) {
      if (!s.segments.includes(segment.id)) continue;
      const e = compiled.linkIndex.get(s.link);
      if (e === undefined) continue;
      money[e] = Math.max(0, money[e]! + s.costUsdPerUnit + s.transitDays * segment.valueOfTimeUsdPerUnitDay);
    }
    return {
      id,
      commodity: flow.commodity,
      commodityIndex: c,
      segment,
      valueOfTime: segment.valueOfTimeUsdPerUnitDay,
      moneyCost: money,
      forbidden,
      entries: [] as DemandClass['entries'][number][],
    };
  };
  for (const [flowIndex, flow] of demand.flows.entries()) {
    if (!(flow.volumePerYear > 0)) continue;
    const c = commodityIndex.get(flow.commodity);
    const o = compiled.nodeIndex.get(flow.origin);
    const d = compiled.nodeIndex.get(flow.destination);
    if (c === undefined || o === undefined || d === undefined) continue;
    const ends = [countries[nodeCountry[o]!], countries[nodeCountry[d]!]];
    for (const { segment, share } of flowSegments(demand, flow)) {
      const exempt = (segment.avoidCountries ?? []).filter((x) => ends.includes(x));
      const id = `${flow.commodity}|${segment.id}|${[...exempt].sort().join(',')}`;
      let cls = classes.get(id);
      if (!cls) {
        cls = makeClass(id, flow, c, segment, exempt);
        classes.set(id, cls);
      }
      cls.entries.push({
        flow,
        flowIndex,
        origin: compiled.exitVertex[c * N + o]!,
        destination: compiled.entryVertex[c * N + d]!,
        volume: flow.volumePerYear * share,
      });
    }
  }
  return [...classes.values()];
}

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function expectSameClasses(
  compiled: CompiledNetwork,
  demand: Demand,
  surcharges: readonly SegmentSurcharge[],
) {
  const actual = buildClasses(compiled, demand, surcharges);
  const expected = directClasses(compiled, demand, surcharges);
  expect(actual.map((c) => c.id)).toEqual(expected.map((c) => c.id));
  actual.forEach((cls, k) => {
    const want = expected[k]!;
    expect(Object.keys(cls)).toEqual(Object.keys(want));
    expect(cls.commodity).toBe(want.commodity);
    expect(cls.commodityIndex).toBe(want.commodityIndex);
    expect(cls.segment).toBe(want.segment);
    expect(Object.is(cls.valueOfTime, want.valueOfTime)).toBe(true);
    expect(cls.moneyCost).toBeInstanceOf(Float64Array);
    expect(cls.forbidden).toBeInstanceOf(Uint8Array);
    expect(sameNumbers(cls.moneyCost, want.moneyCost), `${cls.id} moneyCost`).toBe(true);
    expect(sameNumbers(cls.forbidden, want.forbidden), `${cls.id} forbidden`).toBe(true);
    expect(cls.entries.length).toBe(want.entries.length);
    cls.entries.forEach((entry, i) => {
      const w = want.entries[i]!;
      expect(entry.flow).toBe(w.flow);
      expect([entry.origin, entry.destination]).toEqual([w.origin, w.destination]);
      expect(Object.is(entry.volume, w.volume)).toBe(true);
    });
  });
  return actual;
}

const eurasia = loadDataset('eurasia');

function withoutShares(flow: DemandFlow): DemandFlow {
  const { segmentShares: _, ...rest } = flow;
  return rest;
}

describe('buildClasses', () => {
  it('builds the classes of every bundled scenario as a direct construction does', () => {
    for (const { id } of listScenarios()) {
      for (const year of [2023, 2028]) {
        const applied = applyScenario(
          eurasia.network,
          demandForYear(eurasia.demand, year),
          loadScenario(id),
          {
            year,
          },
        );
        expectSameClasses(compileNetwork(applied.network), applied.demand, applied.segmentSurcharges);
      }
    }
  });

  it('avoided links and countries, exempt ends, segment surcharges, flows without shares, shares in any key order', () => {
    const base = demandForYear(eurasia.demand, 2023);
    const flows = base.flows.filter((f) => f.commodity === 'container');
    // a flow from China to Germany and one from Kazakhstan (in the avoided list of `kz`)
    const origins = new Map(flows.map((f) => [f.origin, f]));
    const kzOrigin = [...eurasia.network.graph.nodes()].find(
      (id) => eurasia.network.graph.getNodeAttributes(id).country === 'KZ',
    )!;
    const some = [...origins.values()].slice(0, 4);
    const segments: ShipperSegment[] = [
      { id: 'plain', name: 'plain', valueOfTimeUsdPerUnitDay: 10 },
      { id: 'kz', name: 'avoid KZ and CN', valueOfTimeUsdPerUnitDay: 25, avoidCountries: ['KZ', 'CN', 'AM'] },
      {
        id: 'links',
        name: 'avoid links',
        valueOfTimeUsdPerUnitDay: 3,
        avoidLinks: [eurasia.network.graph.edges()[0]!, eurasia.network.graph.edges()[7]!],
      },
    ];
    const demand: Demand = {
      segments,
      flows: [
        ...some.map((f, i) => ({
          ...f,
          id: `f${i}`,
          // keys in another order than the segments' for f1: classes follow the segments' order
          segmentShares:
            i === 0
              ? { plain: 0.75, kz: 0.25, links: 0 }
              : i === 1
                ? { links: 0.25, kz: 0.25, plain: 0.5 }
                : { plain: 0.5, kz: 0.25, links: 0.25 },
        })),
        { ...withoutShares(some[0]!), id: 'no-shares' },
        { ...some[1]!, id: 'from-kz', origin: kzOrigin, segmentShares: { kz: 1 } },
        { ...some[2]!, id: 'zero', volumePerYear: 0, segmentShares: { plain: 1 } },
      ],
    };
    const scenario: Scenario = {
      id: 's',
      name: 's',
      operations: [
        {
          kind: 'surcharge',
          target: { countries: ['KZ'] },
          costUsdPerUnit: 40,
          transitDays: 1.5,
          segments: ['kz', 'links'],
        },
        { kind: 'surcharge', target: { modes: ['sea'] }, costUsdPerUnit: -1e9, segments: ['plain'] },
        { kind: 'avoid-country', country: 'RU', share: 0.5 },
      ],
    };
    const applied = applyScenario(eurasia.network, demand, scenario, { year: 2023 });
    expect(applied.segmentSurcharges.length).toBeGreaterThan(0);
    const classes = expectSameClasses(
      compileNetwork(applied.network),
      applied.demand,
      applied.segmentSurcharges,
    );
    expect(classes.some((c) => c.id.endsWith('|KZ'))).toBe(true);
    // no segments at all: every flow in the default segment
    const plain = { segments: [], flows: flows.slice(0, 5).map(withoutShares) };
    expectSameClasses(compileNetwork(eurasia.network), plain, []);
  });

  it('gives every class arrays of its own', () => {
    const applied = applyScenario(
      eurasia.network,
      demandForYear(eurasia.demand, 2023),
      loadScenario('baseline'),
      {
        year: 2023,
      },
    );
    const classes = buildClasses(compileNetwork(applied.network), applied.demand, applied.segmentSurcharges);
    classes[0]!.moneyCost.fill(-1);
    classes[0]!.forbidden.fill(7);
    for (const cls of classes.slice(1)) {
      expect(cls.moneyCost.includes(-1)).toBe(false);
      expect(cls.forbidden.includes(7)).toBe(false);
    }
  });
});
