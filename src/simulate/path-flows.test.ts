/**
 * The routed paths of an equilibrium result are made when first read, from the same split path set the
 * figures were summed from: their volumes add up, flow by flow and in list order, to each OD's
 * delivered volume exactly (aggregation visits them in that order), and, arc by arc, to the link flows
 * the solver reports. The list behaves as an ordinary property: enumerable in its place, serialised
 * and cloned, replaceable.
 */

import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/datasets.js';
import { loadScenario } from '../data/scenarios.js';
import { simulate } from './simulate.js';

const eurasia = loadDataset('eurasia');

describe('routed paths of the equilibrium', () => {
  it.each(['equilibrium', 'logit'] as const)(
    'add up to the delivered volumes and link flows (%s, avoid-russia 2024)',
    async (solver) => {
      const r = await simulate(eurasia, loadScenario('avoid-russia'), { year: 2024, solver });
      const delivered = new Map<string, number>();
      for (const p of r.paths) delivered.set(p.flowId, (delivered.get(p.flowId) ?? 0) + p.volume);
      let flows = 0;
      for (const od of r.ods) {
        if (od.delivered === 0) continue;
        expect(delivered.get(od.id)).toBe(od.delivered);
        flows++;
      }
      expect(flows).toBeGreaterThan(40);
      // both segments of a split flow and both commodities are there
      expect(new Set(r.paths.map((p) => p.segmentId)).size).toBeGreaterThan(8);
      const compiledLinks = r.links.length;
      const onArc = new Float64Array(compiledLinks);
      for (const p of r.paths) for (const a of p.arcs) if (a < compiledLinks) onArc[a]! += p.volume;
      for (let e = 0; e < compiledLinks; e++) {
        const flow = r.links[e]!.flow;
        expect(Math.abs(onArc[e]! - flow)).toBeLessThanOrEqual(1e-9 * Math.max(1, flow));
      }
    },
  );

  it('are made from buffers that later simulations leave intact', async () => {
    const unread = await simulate(eurasia, undefined, { year: 2023 });
    const read = await simulate(eurasia, undefined, { year: 2023 });
    const paths = read.paths;
    const figures = JSON.stringify(read);
    for (const name of ['avoid-russia', 'iran-sanctions', 'cpc-closure'])
      await simulate(eurasia, loadScenario(name), { year: 2024 });
    // read only now, after other runs reused the solver's scratch buffers
    expect(unread.paths).toEqual(paths);
    expect(JSON.stringify(read)).toBe(figures);
    expect(JSON.stringify({ ...unread, convergence: read.convergence })).toBe(figures);
  });

  it('are an ordinary property once read, and before', async () => {
    const r = await simulate(eurasia, undefined, { year: 2023 });
    const other = await simulate(eurasia, undefined, { year: 2023, solver: 'min-cost' });
    // the same key order as a result whose paths were made at once
    expect(Object.keys(r)).toEqual(Object.keys(other));
    const json = JSON.parse(JSON.stringify(r));
    expect(json.paths.length).toBeGreaterThan(300);
    const clone = structuredClone(r);
    expect(clone.paths).toEqual(r.paths);
    expect(Object.getOwnPropertyDescriptor(r, 'paths')).toMatchObject({ enumerable: true, writable: true });
    expect(r.paths).toBe(r.paths); // made once
    const fresh = await simulate(eurasia, undefined, { year: 2023 });
    (fresh as { paths: unknown }).paths = [];
    expect(fresh.paths).toEqual([]);
    // a result frozen before its paths are read still gives them, the same each time, and refuses
    // an assignment as a frozen property does
    const frozen = Object.freeze(await simulate(eurasia, undefined, { year: 2023 }));
    expect(frozen.paths).toEqual(r.paths);
    expect(frozen.paths).toBe(frozen.paths);
    expect(() => {
      (frozen as { paths: unknown }).paths = [];
    }).toThrow(TypeError);
  });
});
