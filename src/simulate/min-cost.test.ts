/**
 * The min-cost solver groups a class's demand by destination when it has fewer destinations than
 * origins (Eurasia: 4 against 11). Checked against an independent LP with one commodity per OD pair
 * (same costs, capacities and penalty): equal objective; and the decomposed paths run from each
 * flow's origin to its destination, add up to the arc flows, and deliver what is not unmet.
 */

import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../algorithms/_internal/compile.js';
import { multiCommodityFlow } from '../algorithms/flow/multiCommodityFlow.js';
import { loadDataset } from '../data/datasets.js';
import { loadScenario } from '../data/scenarios.js';
import { demandForYear } from '../model/demand.js';
import { applyScenario } from '../scenario/apply.js';
import { buildClasses } from './classes.js';
import { solveMinCost } from './min-cost.js';

/** Below the refusing class's generalized cost of any route: some demand is left unmet. */
const PENALTY = 5000;

describe('solveMinCost with demand grouped by destination', () => {
  it('matches an LP with one commodity per OD pair, and its paths deliver what is not unmet', async () => {
    const eurasia = loadDataset('eurasia');
    const demand = demandForYear(eurasia.demand, 2023);
    const applied = applyScenario(eurasia.network, demand, loadScenario('avoid-russia'), { year: 2023 });
    const compiled = compileNetwork(applied.network);
    const all = buildClasses(compiled, applied.demand, applied.segmentSurcharges);
    // two container classes that refuse different countries, on capacities cut to 2 %: binding
    const classes = all.filter((c) => c.id === 'container|vot-2|' || c.id === 'container|vot-3~avoid-RU|');
    expect(classes).toHaveLength(2);
    const M = compiled.csr.arcCount;
    const arcCapacity = new Float64Array(M);
    for (let e = 0; e < M; e++)
      arcCapacity[e] = compiled.arcActive[e] === 1 ? compiled.capacity[e]! * 0.02 : 0;
    const out = await solveMinCost({ compiled, classes, arcCapacity, unmetPenaltyUsd: PENALTY });
    expect(out.status).toBe('optimal');

    // the independent LP: one commodity per demand entry
    const costOf = (c: (typeof classes)[number]) =>
      Array.from({ length: M }, (_, e) =>
        c.forbidden[e] === 1 || !(arcCapacity[e]! > 0)
          ? Number.POSITIVE_INFINITY
          : c.moneyCost[e]! + c.valueOfTime * compiled.timeDays[e]!,
      );
    const entries = classes.flatMap((c) => c.entries.map((x) => ({ x, cost: costOf(c) })));
    const perOd = await multiCommodityFlow({
      nodeCount: compiled.csr.nodeCount,
      tail: compiled.csr.tail,
      head: compiled.csr.head,
      capacity: arcCapacity,
      commodities: entries.map(({ x, cost }) => ({
        source: x.origin,
        sink: x.destination,
        amount: x.volume,
        cost,
        unmetPenalty: PENALTY,
      })),
    });
    expect(perOd.status).toBe('optimal');
    if (perOd.status !== 'optimal') return;
    const objective = Number(/objective ([0-9.e+-]+)/.exec(out.stopReason)![1]);
    expect(objective).toBeCloseTo(perOd.objective, -Math.log10(perOd.objective) + 6);
    const totalUnmet = [...out.unmet.values()].reduce((a, u) => a + u, 0);
    expect(totalUnmet).toBeGreaterThan(1000); // the cut capacities bind
    expect(totalUnmet).toBeCloseTo(
      Array.from(perOd.unmet).reduce((a, u) => a + u, 0),
      3,
    );

    // paths: contiguous from the flow's origin to its destination; they add up to the arc flows and
    // deliver each flow's volume less its unmet part
    const { tail, head } = compiled.csr;
    // a demand flow has an entry in each class (shipper segment): its volume is theirs together
    const byFlow = new Map<string, { origin: number; destination: number; volume: number }>();
    for (const x of classes.flatMap((c) => c.entries)) {
      const seen = byFlow.get(x.flow.id);
      byFlow.set(x.flow.id, {
        origin: x.origin,
        destination: x.destination,
        volume: (seen?.volume ?? 0) + x.volume,
      });
    }
    const delivered = new Map<string, number>();
    const rebuilt = new Float64Array(M);
    for (const path of out.paths) {
      const x = byFlow.get(path.flowId)!;
      expect(tail[path.arcs[0]!]).toBe(x.origin);
      expect(head[path.arcs.at(-1)!]).toBe(x.destination);
      for (let i = 1; i < path.arcs.length; i++) expect(tail[path.arcs[i]!]).toBe(head[path.arcs[i - 1]!]);
      for (const a of path.arcs) rebuilt[a] = rebuilt[a]! + path.volume;
      delivered.set(path.flowId, (delivered.get(path.flowId) ?? 0) + path.volume);
    }
    for (let e = 0; e < M; e++) expect(rebuilt[e]).toBeCloseTo(out.arcFlow[e]!, 3);
    for (const [id, x] of byFlow) {
      expect((delivered.get(id) ?? 0) + (out.unmet.get(id) ?? 0)).toBeCloseTo(x.volume, 3);
    }
  });

  it('answers a repeated LP from its cache, and only an identical one', async () => {
    const eurasia = loadDataset('eurasia');
    const applied = applyScenario(
      eurasia.network,
      demandForYear(eurasia.demand, 2024),
      loadScenario('baseline'),
      {
        year: 2024,
      },
    );
    const compiled = compileNetwork(applied.network);
    const crude = buildClasses(compiled, applied.demand, applied.segmentSurcharges).filter(
      (c) => c.commodity === 'crude',
    );
    const M = compiled.csr.arcCount;
    const capacity = () => {
      const c = new Float64Array(M);
      for (let e = 0; e < M; e++) c[e] = compiled.arcActive[e] === 1 ? compiled.capacity[e]! : 0;
      return c;
    };
    const input = { compiled, classes: crude, arcCapacity: capacity(), unmetPenaltyUsd: 1e6 };
    const first = await solveMinCost(input);
    // equal inputs in new arrays: the same answer object
    expect(await solveMinCost({ ...input, arcCapacity: capacity() })).toBe(first);
    // one capacity changed by a part in a billion: solved again
    const cpc = compiled.linkIndex.get('oil-cpc')!;
    const nudged = capacity();
    nudged[cpc] = nudged[cpc]! * (1 + 1e-9);
    const again = await solveMinCost({ ...input, arcCapacity: nudged });
    expect(again).not.toBe(first);
    expect(again.status).toBe('optimal');
    // the same numbers under another flow id: solved again, and its paths carry the new id
    const renamed = crude.map((c, k) =>
      k > 0
        ? c
        : {
            ...c,
            entries: c.entries.map((x, i) =>
              i > 0 ? x : { ...x, flow: { ...x.flow, id: `${x.flow.id}-renamed` } },
            ),
          },
    );
    const other = await solveMinCost({ ...input, classes: renamed });
    expect(other).not.toBe(first);
    expect(other.paths.some((p) => p.flowId.endsWith('-renamed'))).toBe(true);
  });
});
