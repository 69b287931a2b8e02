import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkRecord as link, nodeRecord as node } from '../../../test/support/records.js';
import { loadDataset } from '../../data/datasets.js';
import { parseNetwork } from '../../data/network-format.js';
import { isCorridorSimError } from '../../model/errors.js';
import { createNetwork, listLinks, rebuildNetwork } from '../../model/network.js';
import { compileNetwork } from '../_internal/compile.js';
import { compiledNetworkMaxFlow, compiledNetworkMinCut, networkMaxFlow } from './networkMaxFlow.js';

const SAMPLE = parseNetwork(
  JSON.parse(readFileSync(new URL('../../../data/samples/two-corridors.json', import.meta.url), 'utf8')),
);

// A → B has an active line (100/yr) and a planned one (50/yr, opens mid-2027); B handles 120/yr;
// B → C carries 500/yr.
const PLANNED = createNetwork({
  meta: { name: 'planned' },
  nodes: [node('A'), node('B', { handling: { container: { capacityPerYear: 120 } } }), node('C')],
  links: [
    link('ab', 'A', 'B', { capacityPerYear: 100 }),
    link('ab-new', 'A', 'B', { capacityPerYear: 50, status: 'planned', opens: '2027-06' }),
    link('bc', 'B', 'C', { capacityPerYear: 500 }),
  ],
});

describe('networkMaxFlow', () => {
  it("Xi'an → Duisburg is bound by the Altynkol gauge-change terminal (400,000 TEU/yr)", () => {
    // Hand-derived: the Altynkol handling capacity (400k) is below khorgos-altynkol (450k) and
    // below what leaves Almaty (Northern 400k + Middle 90k = 490k).
    const r = networkMaxFlow(SAMPLE, 'xian', 'duisburg', 'container');
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    expect(r.value).toBe(400_000);
    expect(r.bindingNodes).toEqual(['altynkol']);
    expect(r.bindingLinks).toEqual([]);
    expect(r.nodeFlows.altynkol).toBe(400_000);
    expect(r.sourceSide).toEqual(expect.arrayContaining(['xian', 'khorgos']));
    expect(r.sourceSide).not.toContain('almaty');
  });

  it('Almaty → Duisburg is bound by Moscow–Brest and the Aktau–Baku ferry (490,000 TEU/yr)', () => {
    const r = networkMaxFlow(SAMPLE, 'almaty', 'duisburg', 'container');
    expect(r.status === 'optimal' && r.value).toBe(490_000);
    if (r.status !== 'optimal') return;
    expect(r.bindingLinks).toEqual(['moscow-brest', 'aktau-baku']);
    expect(r.bindingNodes).toEqual([]);
    expect(r.linkFlows['aktau-baku']).toBe(90_000);
    // flow conservation at Almaty (no other source or sink there)
    const into = r.linkFlows['altynkol-almaty']!;
    const out = r.linkFlows['almaty-moscow']! + r.linkFlows['almaty-aktau']!;
    expect(into).toBe(0);
    expect(out).toBe(490_000);
  });

  it('closedLinks gives the same answer as a network rebuilt with those links closed', () => {
    // closing the Aktau–Baku ferry leaves the route via Moscow–Brest
    const closed = networkMaxFlow(SAMPLE, 'almaty', 'duisburg', 'container', { closedLinks: ['aktau-baku'] });
    const rebuilt = rebuildNetwork(SAMPLE, {
      links: listLinks(SAMPLE).map((l) => (l.id === 'aktau-baku' ? { ...l, status: 'closed' as const } : l)),
    });
    const reference = networkMaxFlow(rebuilt, 'almaty', 'duisburg', 'container');
    expect(closed).toEqual(reference);
    expect(closed.status === 'optimal' && closed.value).toBe(400_000);
  });

  it('the cut certificate: binding capacities sum to the value', () => {
    for (const [s, t] of [
      ['xian', 'duisburg'],
      ['almaty', 'constanta'],
      ['khorgos', 'poti'],
    ] as const) {
      const r = networkMaxFlow(SAMPLE, s, t, 'container');
      if (r.status !== 'optimal') throw new Error('expected optimal');
      const links = r.bindingLinks.reduce(
        (sum, id) => sum + SAMPLE.graph.getEdgeAttribute(id, 'capacityPerYear')!,
        0,
      );
      const nodes = r.bindingNodes.reduce(
        (sum, id) => sum + SAMPLE.graph.getNodeAttribute(id, 'handling')!.container!.capacityPerYear!,
        0,
      );
      expect(links + nodes).toBe(r.value);
    }
  });

  it('opens planned links from their year on', () => {
    const before = networkMaxFlow(PLANNED, 'A', 'C', 'container', { year: 2026 });
    const after = networkMaxFlow(PLANNED, 'A', 'C', 'container', { year: 2028 });
    const active = networkMaxFlow(PLANNED, 'A', 'C', 'container');
    expect(before.status === 'optimal' && [before.value, before.bindingLinks]).toEqual([100, ['ab']]);
    expect(active.status === 'optimal' && active.value).toBe(100);
    expect(after.status === 'optimal' && [after.value, after.bindingNodes]).toEqual([120, ['B']]);
  });

  it('joins several sources and sinks through a super source and sink', () => {
    const r = networkMaxFlow(SAMPLE, ['almaty', 'aktau'], ['duisburg', 'constanta'], 'container');
    expect(r.status === 'optimal' && r.value).toBe(400_000 + 90_000);
  });

  it('reports unbounded throughput over uncapacitated links with the path', () => {
    const net = createNetwork({
      meta: { name: 'open' },
      nodes: [node('A'), node('B'), node('C')],
      links: [link('ab', 'A', 'B'), link('bc', 'B', 'C'), link('ac', 'A', 'C', { capacityPerYear: 5 })],
    });
    const r = networkMaxFlow(net, 'A', 'C', 'container');
    expect(r).toEqual({ status: 'unbounded', path: ['ab', 'bc'] });
  });

  it('rejects unknown nodes and commodities, and overlapping sources and sinks', () => {
    const codes = [
      () => networkMaxFlow(SAMPLE, 'nowhere', 'duisburg', 'container'),
      () => networkMaxFlow(SAMPLE, 'xian', 'duisburg', 'crude'),
      () => networkMaxFlow(SAMPLE, ['xian', 'almaty'], ['almaty'], 'container'),
      () => networkMaxFlow(SAMPLE, [], 'duisburg', 'container'),
      () => networkMaxFlow(SAMPLE, 'xian', 'duisburg', 'container', { year: Number.NaN }),
      () => networkMaxFlow(SAMPLE, 'xian', 'duisburg', 'container', { closedLinks: ['no-such-link'] }),
      () => networkMaxFlow(SAMPLE, 'xian', 'duisburg', 'container', { closedLinks: 'aktau-baku' as never }),
    ].map((f) => {
      try {
        f();
        return 'no error';
      } catch (error) {
        return isCorridorSimError(error) ? error.code : String(error);
      }
    });
    expect(codes).toEqual([
      'not-found',
      'not-found',
      'invalid-argument',
      'invalid-argument',
      'invalid-argument',
      'not-found',
      'invalid-argument',
    ]);
  });
});

describe('compiledNetworkMinCut', () => {
  /** Deterministic draws (a linear congruential generator): tests use no Math.random either. */
  function draws(seed: number): (n: number) => number {
    let x = seed >>> 0;
    return (n) => {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      return x % n;
    };
  }

  it('gives the value, binding links and nodes and exactness of compiledNetworkMaxFlow', () => {
    const open = createNetwork({
      meta: { name: 'open' },
      nodes: [node('A'), node('B'), node('C')],
      links: [link('ab', 'A', 'B'), link('bc', 'B', 'C'), link('ac', 'A', 'C', { capacityPerYear: 5 })],
    });
    const networks = [
      compileNetwork(SAMPLE),
      compileNetwork(SAMPLE, { year: 2030 }),
      compileNetwork(loadDataset('eurasia').network),
      compileNetwork(open),
    ];
    const draw = draws(20260505);
    let optimal = 0;
    let unbounded = 0;
    for (const compiled of networks) {
      const N = compiled.nodeIds.length;
      for (let trial = 0; trial < 40; trial++) {
        const c = draw(compiled.commodityIds.length);
        const nodes = Array.from({ length: N }, (_, i) => i);
        for (let i = N - 1; i > 0; i--) {
          const j = draw(i + 1);
          [nodes[i], nodes[j]] = [nodes[j]!, nodes[i]!];
        }
        const sources = nodes.slice(0, 1 + draw(3));
        const sinks = nodes.slice(sources.length, sources.length + 1 + draw(3));
        const shut = new Uint8Array(compiled.csr.arcCount);
        for (let a = 0; a < shut.length; a++) if (draw(8) === 0) shut[a] = 1;
        const full = compiledNetworkMaxFlow(compiled, sources, sinks, c, shut);
        const cut = compiledNetworkMinCut(compiled, sources, sinks, c, shut);
        expect(cut.status).toBe(full.status);
        if (cut.status === 'unbounded') unbounded++;
        if (cut.status !== 'optimal' || full.status !== 'optimal') continue;
        optimal++;
        expect(cut.value).toBe(full.value);
        expect(cut.bindingLinks).toEqual(full.bindingLinks);
        expect(cut.bindingNodes).toEqual(full.bindingNodes);
        expect(cut.exact).toBe(full.exact);
      }
    }
    expect(optimal).toBeGreaterThan(50);
    expect(unbounded).toBeGreaterThan(0);
  });
});
