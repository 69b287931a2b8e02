import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCorridorSimError } from '../../model/errors.js';
import { decimalDigits } from './_internal/numeric.js';
import { type CapacitatedGraph, maxFlow, maxFlowCut } from './maxFlow.js';
import { verifyMaxFlow } from './verify.js';

/** Property-test effort: FLOW_FC_RUNS=20 multiplies the runs, FLOW_FC_SEED shifts the seeds. */
const RUNS = Number(process.env.FLOW_FC_RUNS ?? 1);
const SEED = Number(process.env.FLOW_FC_SEED ?? 0);

/** Minimum s–t cut capacity by enumerating every node subset (the independent answer). */
function bruteForceMinCut(g: CapacitatedGraph, s: number, t: number): number {
  const n = g.nodeCount;
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << n; mask++) {
    if ((mask & (1 << s)) === 0 || (mask & (1 << t)) !== 0) continue;
    let cut = 0;
    for (let e = 0; e < g.tail.length; e++) {
      if (mask & (1 << g.tail[e]!) && !(mask & (1 << g.head[e]!))) cut += g.capacity[e]!;
    }
    if (cut < best) best = cut;
  }
  return best;
}

// CLRS (Cormen et al., Introduction to Algorithms, 3rd ed., Fig. 26.1): maximum flow 23.
const CLRS: CapacitatedGraph = {
  nodeCount: 6,
  tail: [0, 0, 2, 1, 3, 2, 4, 3, 4],
  head: [1, 2, 1, 3, 2, 4, 3, 5, 5],
  capacity: [16, 13, 4, 12, 9, 14, 7, 20, 4],
};

describe('maxFlow', () => {
  it('finds the CLRS Fig. 26.1 maximum flow 23 with a certified cut', () => {
    const r = maxFlow(CLRS, 0, 5);
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    expect(r.value).toBe(23);
    expect(r.exact).toBe(true);
    expect(verifyMaxFlow(CLRS, 0, 5, r)).toEqual([]);
    // the cut nearest the sink: {s, v1, v2, v4} | {v3, t}: arcs v1→v3 (12), v4→v3 (7), v4→t (4)
    expect([...r.cutArcs]).toEqual([3, 6, 8]);
  });

  it("compute: 'cut' gives the same value and cut as the full flow", () => {
    const full = maxFlow(CLRS, 0, 5);
    const cut = maxFlow(CLRS, 0, 5, { compute: 'cut' });
    expect(cut.status === 'optimal' && full.status === 'optimal').toBe(true);
    if (cut.status !== 'optimal' || full.status !== 'optimal') return;
    expect(cut.value).toBe(full.value);
    expect([...cut.cutArcs]).toEqual([...full.cutArcs]);
  });

  it('handles parallel arcs, self-loops and zero capacities', () => {
    const g = {
      nodeCount: 3,
      tail: [0, 0, 1, 1, 0, 1],
      head: [1, 1, 1, 2, 2, 2],
      capacity: [2, 3, 9, 4, 0, 7],
    };
    const r = maxFlow(g, 0, 2);
    expect(r.status === 'optimal' && r.value).toBe(bruteForceMinCut(g, 0, 2));
    if (r.status === 'optimal') {
      expect(r.value).toBe(5);
      expect(r.flow[2]).toBe(0); // the self-loop carries nothing
      expect(verifyMaxFlow(g, 0, 2, r)).toEqual([]);
    }
  });

  it('returns value 0 and an empty cut when the sink is unreachable', () => {
    const g = { nodeCount: 4, tail: [0, 2], head: [1, 3], capacity: [5, 5] };
    const r = maxFlow(g, 0, 3);
    expect(r.status === 'optimal' && r.value).toBe(0);
    if (r.status === 'optimal') {
      expect(r.cutArcs.length).toBe(0);
      expect(verifyMaxFlow(g, 0, 3, r)).toEqual([]);
    }
  });

  it('is unbounded when an all-infinite path joins source and sink, and reports the path', () => {
    const inf = Number.POSITIVE_INFINITY;
    const g = { nodeCount: 4, tail: [0, 1, 0, 2], head: [1, 3, 2, 3], capacity: [inf, inf, 5, inf] };
    const r = maxFlow(g, 0, 3);
    expect(r.status).toBe('unbounded');
    if (r.status === 'unbounded') {
      expect([...r.path]).toEqual([0, 1]);
      expect(verifyMaxFlow(g, 0, 3, r)).toEqual([]);
    }
  });

  it('bounds infinite arcs by the finite cut when no infinite path exists', () => {
    const inf = Number.POSITIVE_INFINITY;
    const g = { nodeCount: 4, tail: [0, 1, 1, 2], head: [1, 2, 3, 3], capacity: [inf, 3, 4, inf] };
    const r = maxFlow(g, 0, 3);
    expect(r.status === 'optimal' && r.value).toBe(7);
    if (r.status === 'optimal') expect(verifyMaxFlow(g, 0, 3, r)).toEqual([]);
  });

  it('solves decimal capacities exactly by scaling (0.1 + 0.2 = 0.3)', () => {
    const g = { nodeCount: 3, tail: [0, 0, 1, 2], head: [1, 2, 2, 1], capacity: [0.1, 0.2, 0.3, 0.05] };
    const r = maxFlow(g, 0, 2);
    expect(r.status).toBe('optimal');
    if (r.status === 'optimal') {
      expect(r.exact).toBe(true);
      expect(r.scale).toBe(100);
      expect(r.value).toBe(0.3);
    }
  });

  it('falls back to floating point for non-decimal capacities and still certifies the cut', () => {
    const g = { nodeCount: 3, tail: [0, 0, 1], head: [1, 2, 2], capacity: [1 / 3, 2 / 3, 1 / 7] };
    const r = maxFlow(g, 0, 2);
    expect(r.status).toBe('optimal');
    if (r.status === 'optimal') {
      expect(r.exact).toBe(false);
      expect(r.value).toBeCloseTo(2 / 3 + 1 / 7, 14);
      expect(verifyMaxFlow(g, 0, 2, r, 1e-12)).toEqual([]);
    }
  });

  it('rejects malformed input with InvalidArgumentError naming the value', () => {
    const cases: [CapacitatedGraph, number, number][] = [
      [{ nodeCount: 2, tail: [0], head: [1], capacity: [-1] }, 0, 1],
      [{ nodeCount: 2, tail: [0], head: [1], capacity: [Number.NaN] }, 0, 1],
      [{ nodeCount: 2, tail: [0], head: [2], capacity: [1] }, 0, 1],
      [{ nodeCount: 2, tail: [0, 1], head: [1], capacity: [1] }, 0, 1],
      [{ nodeCount: 2, tail: [0], head: [1], capacity: [1, 2] }, 0, 1],
      [{ nodeCount: 2, tail: [0], head: [1], capacity: [1] }, 0, 0],
      [{ nodeCount: 2, tail: [0], head: [1], capacity: [1] }, 0, 5],
      [{ nodeCount: 1.5, tail: [], head: [], capacity: [] }, 0, 1],
    ];
    for (const [g, s, t] of cases) {
      try {
        maxFlow(g, s, t);
        expect.unreachable();
      } catch (error) {
        expect(isCorridorSimError(error) && error.code).toBe('invalid-argument');
        expect((error as Error).message.startsWith('corridor-sim/flow: ')).toBe(true);
      }
    }
  });

  it('does not modify its input', () => {
    const capacity = [16, 13, 4, 12, 9, 14, 7, 20, 4];
    const g = { ...CLRS, capacity };
    maxFlow(g, 0, 5);
    expect(capacity).toEqual([16, 13, 4, 12, 9, 14, 7, 20, 4]);
  });
});

const capacityArb = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 30 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2000 }).map((c) => c / 100) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }).map((c) => c * 1e12) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 50, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(Number.POSITIVE_INFINITY) },
);

const graphArb = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc.record({
    graph: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), capacityArb), { maxLength: 18 }).map((arcs) => ({
      nodeCount: n,
      tail: arcs.map((a) => a[0]),
      head: arcs.map((a) => a[1]),
      capacity: arcs.map((a) => a[2]),
    })),
    s: fc.nat(n - 1),
    t: fc.nat(n - 1),
  }),
);

describe('maxFlow properties', () => {
  it('equals the brute-force minimum cut and passes the certificate (random graphs incl. floats, zero, huge, infinite capacities, parallel arcs, self-loops)', () => {
    fc.assert(
      fc.property(graphArb, ({ graph, s, t }) => {
        fc.pre(s !== t);
        const expected = bruteForceMinCut(graph, s, t);
        const r = maxFlow(graph, s, t);
        if (expected === Number.POSITIVE_INFINITY) {
          expect(r.status).toBe('unbounded');
          if (r.status === 'unbounded') expect(verifyMaxFlow(graph, s, t, r)).toEqual([]);
          return;
        }
        expect(r.status).toBe('optimal');
        if (r.status !== 'optimal') return;
        // float mode: errors are relative to the largest capacity in the data, not to the value
        const magnitude = Math.max(1, ...graph.capacity.filter((c) => c !== Number.POSITIVE_INFINITY));
        const tolerance = r.exact && r.scale === 1 ? 0 : 1e-12 * magnitude * graph.tail.length;
        expect(Math.abs(r.value - expected)).toBeLessThanOrEqual(tolerance);
        expect(verifyMaxFlow(graph, s, t, r, tolerance)).toEqual([]);
      }),
      { numRuns: 400 * RUNS, seed: 20260101 + SEED },
    );
  });

  it('never decreases when a capacity is raised (monotonicity)', () => {
    fc.assert(
      fc.property(graphArb, fc.nat(), fc.integer({ min: 1, max: 50 }), ({ graph, s, t }, pick, extra) => {
        fc.pre(s !== t && graph.tail.length > 0);
        const e = pick % graph.tail.length;
        const before = maxFlow(graph, s, t);
        const capacity = [...graph.capacity];
        capacity[e] = capacity[e]! + extra;
        const after = maxFlow({ ...graph, capacity }, s, t);
        if (before.status === 'unbounded') expect(after.status).toBe('unbounded');
        else if (after.status === 'optimal')
          expect(after.value).toBeGreaterThanOrEqual(before.value * (1 - 1e-12));
      }),
      { numRuns: 200 * RUNS, seed: 7 + SEED },
    );
  });
});

describe('maxFlowCut', () => {
  it("gives maxFlow's value, cut and exactness, and its unboundedness (random graphs as above)", () => {
    // unbounded instances met, with exact capacities (told by the flow value) and with capacities that
    // are no short decimals (searched for)
    const unbounded = { exact: 0, floating: 0 };
    fc.assert(
      fc.property(graphArb, ({ graph, s, t }) => {
        fc.pre(s !== t);
        const tail = Int32Array.from(graph.tail);
        const head = Int32Array.from(graph.head);
        const capacity = Float64Array.from(graph.capacity);
        const r = maxFlowCut(graph.nodeCount, tail, head, capacity, s, t);
        const full = maxFlow(graph, s, t);
        expect(r.status).toBe(full.status);
        if (r.status === 'unbounded') {
          if (graph.capacity.every((c) => c === Number.POSITIVE_INFINITY || (Number.isInteger(c) && c <= 30)))
            unbounded.exact++;
          else if (decimalDigits(capacity) < 0) unbounded.floating++;
        }
        if (r.status !== 'optimal' || full.status !== 'optimal') return;
        expect(r.value).toBe(full.value);
        expect([...r.cutArcs]).toEqual([...full.cutArcs]);
        expect(r.exact).toBe(full.exact);
        // the input is not modified
        expect([...capacity]).toEqual(graph.capacity);
      }),
      { numRuns: 400 * RUNS, seed: 20260505 + SEED },
    );
    expect(unbounded.exact).toBeGreaterThan(0);
    expect(unbounded.floating).toBeGreaterThan(0);
  });

  it('finds the unbounded CLRS variant with an all-infinite path, and the bounded one without', () => {
    const inf = Number.POSITIVE_INFINITY;
    const tail = Int32Array.from(CLRS.tail);
    const head = Int32Array.from(CLRS.head);
    // s→v2 (13), v2→v4 (14), v4→t (4) made infinite: unbounded; with v4→t finite again: bounded
    const capacity = Float64Array.from(CLRS.capacity, (c, e) => (e === 1 || e === 5 || e === 8 ? inf : c));
    expect(maxFlowCut(6, tail, head, capacity, 0, 5).status).toBe('unbounded');
    capacity[8] = 4;
    const r = maxFlowCut(6, tail, head, capacity, 0, 5);
    const full = maxFlow({ ...CLRS, capacity: [...capacity] }, 0, 5);
    expect(r.status).toBe('optimal');
    expect(full.status).toBe('optimal');
    if (r.status === 'optimal' && full.status === 'optimal') expect(r.value).toBe(full.value);
  });
});
