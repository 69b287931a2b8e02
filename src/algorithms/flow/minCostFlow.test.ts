import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isCorridorSimError } from '../../model/errors.js';
import { solveMinCostFlowLp } from './_internal/lpReference.js';
import { loadHighsSolver } from './highsSolver.js';
import {
  type MinCostFlowAlgorithm,
  type MinCostFlowProblem,
  type MinCostFlowResult,
  minCostFlow,
} from './minCostFlow.js';
import { verifyMinCostFlow } from './verify.js';

/** Property-test effort: FLOW_FC_RUNS=20 multiplies the runs, FLOW_FC_SEED shifts the seeds. */
const RUNS = Number(process.env.FLOW_FC_RUNS ?? 1);
const SEED = Number(process.env.FLOW_FC_SEED ?? 0);

const ALGORITHMS: readonly MinCostFlowAlgorithm[] = ['network-simplex', 'cost-scaling'];
const INF = Number.POSITIVE_INFINITY;

let highs: Highs;
beforeAll(async () => {
  highs = (await loadHighsSolver()).highs;
});

function expectOptimal(r: MinCostFlowResult): asserts r is Extract<MinCostFlowResult, { status: 'optimal' }> {
  expect(r.status).toBe('optimal');
}

describe.each(ALGORITHMS)('minCostFlow (%s)', (algorithm) => {
  it('routes 5 units: 4 on the cheap path, 1 on the direct arc, cost 13', () => {
    const p = {
      nodeCount: 3,
      tail: [0, 0, 1],
      head: [1, 2, 2],
      capacity: [4, 2, 4],
      cost: [1, 5, 1],
      supply: [5, 0, -5],
    };
    const r = minCostFlow(p, { algorithm });
    expectOptimal(r);
    expect(r.cost).toBe(13);
    expect([...r.flow]).toEqual([4, 1, 4]);
    expect(r.algorithm).toBe(algorithm);
    expect(verifyMinCostFlow(p, r)).toEqual([]);
  });

  it('honours lower bounds (forced flow on an expensive arc)', () => {
    // 0 → 2 directly costs 10 but must carry ≥ 3; the rest goes 0 → 1 → 2 at cost 2.
    const p = {
      nodeCount: 3,
      tail: [0, 0, 1],
      head: [2, 1, 2],
      lower: [3, 0, 0],
      capacity: [10, 10, 10],
      cost: [10, 1, 1],
      supply: [8, 0, -8],
    };
    const r = minCostFlow(p, { algorithm });
    expectOptimal(r);
    expect([...r.flow]).toEqual([3, 5, 5]);
    expect(r.cost).toBe(3 * 10 + 5 * 2);
    expect(verifyMinCostFlow(p, r)).toEqual([]);
  });

  it('saturates a negative-cost cycle of finite capacity', () => {
    const p = { nodeCount: 2, tail: [0, 1], head: [1, 0], capacity: [3, INF], cost: [-5, 2], supply: [0, 0] };
    const r = minCostFlow(p, { algorithm });
    expectOptimal(r);
    expect(r.cost).toBe(-9);
    expect(verifyMinCostFlow(p, r)).toEqual([]);
  });

  it('reports unbounded with a negative cycle of uncapacitated arcs', () => {
    const p = {
      nodeCount: 3,
      tail: [0, 1, 2, 0],
      head: [1, 2, 0, 2],
      capacity: [INF, INF, INF, 1],
      cost: [1, -3, 1, 0],
      supply: [1, 0, -1],
    };
    const r = minCostFlow(p, { algorithm });
    expect(r.status).toBe('unbounded');
    expect(verifyMinCostFlow(p, r)).toEqual([]);
  });

  it('reports infeasible with the blocking cut and the unmet amount', () => {
    // Nodes 0 and 1 supply 6 and 4; only 3 + 2 can leave {0, 1}.
    const p = {
      nodeCount: 4,
      tail: [0, 1, 0, 2],
      head: [1, 2, 3, 3],
      capacity: [10, 3, 2, 10],
      cost: [1, 1, 1, 1],
      supply: [6, 4, 0, -10],
    };
    const r = minCostFlow(p, { algorithm });
    expect(r.status).toBe('infeasible');
    if (r.status !== 'infeasible') return;
    expect(r.reason).toBe('capacity');
    expect(r.unmet).toBe(5);
    expect([...r.cut.sourceSide]).toEqual([1, 1, 0, 0]);
    expect([...r.cut.arcs]).toEqual([1, 2]);
    expect(verifyMinCostFlow(p, r)).toEqual([]);
  });

  it('counts lower bounds into the infeasibility cut', () => {
    // Arc 2 → 0 forces 4 units into {0}, which can only send 5 out; 0 also supplies 3.
    const p = {
      nodeCount: 3,
      tail: [0, 2, 1],
      head: [1, 0, 2],
      lower: [0, 4, 0],
      capacity: [5, 6, 10],
      cost: [1, 1, 1],
      supply: [3, 0, -3],
    };
    const r = minCostFlow(p, { algorithm });
    expect(r.status).toBe('infeasible');
    if (r.status === 'infeasible') {
      expect(r.unmet).toBe(2);
      expect(verifyMinCostFlow(p, r)).toEqual([]);
    }
  });

  it("reports supply ≠ demand as infeasible 'unbalanced', and absorbs it on request", () => {
    const p = {
      nodeCount: 3,
      tail: [0, 1],
      head: [2, 2],
      capacity: [10, 10],
      cost: [1, 3],
      supply: [6, 6, -8],
    };
    const r = minCostFlow(p, { algorithm });
    expect(r.status === 'infeasible' && r.reason).toBe('unbalanced');
    if (r.status === 'infeasible') {
      expect(r.unmet).toBe(4);
      expect(verifyMinCostFlow(p, r)).toEqual([]);
    }
    const a = minCostFlow(p, { algorithm, imbalance: 'absorb' });
    expectOptimal(a);
    expect([...a.flow]).toEqual([6, 2]); // the cheaper source ships everything
    expect([...a.absorbed]).toEqual([0, 4, 0]);
    expect(a.cost).toBe(12);
    expect(verifyMinCostFlow(p, a)).toEqual([]);
    // demand exceeding supply: the more expensive-to-reach demand goes unmet
    const d = {
      nodeCount: 3,
      tail: [0, 0],
      head: [1, 2],
      capacity: [10, 10],
      cost: [1, 3],
      supply: [5, -4, -4],
    };
    const b = minCostFlow(d, { algorithm, imbalance: 'absorb' });
    expectOptimal(b);
    expect([...b.absorbed]).toEqual([0, 0, 3]);
    expect(b.cost).toBe(4 + 3);
  });

  it('never routes flow over a forbidden arc (cost Infinity)', () => {
    const p = {
      nodeCount: 3,
      tail: [0, 0, 1],
      head: [2, 1, 2],
      capacity: [10, 10, 10],
      cost: [INF, 4, 4],
      supply: [5, 0, -5],
    };
    const r = minCostFlow(p, { algorithm });
    expectOptimal(r);
    expect([...r.flow]).toEqual([0, 5, 5]);
    expect(r.cost).toBe(40);
    expect(verifyMinCostFlow(p, r)).toEqual([]);
  });

  it('solves decimal data exactly and reports the scale factors', () => {
    const p = {
      nodeCount: 3,
      tail: [0, 1, 0],
      head: [1, 2, 2],
      capacity: [0.3, 0.3, 0.25],
      cost: [0.1, 0.2, 0.35],
      supply: [0.45, 0, -0.45],
    };
    const r = minCostFlow(p, { algorithm });
    expectOptimal(r);
    expect(r.exact).toBe(true);
    expect(r.scale).toEqual({ flow: 100, cost: 100 });
    expect([...r.flow]).toEqual([0.3, 0.3, 0.15]);
    // 0.3·0.1 + 0.3·0.2 + 0.15·0.35 = 0.1425, exactly as the decimal answer
    expect(r.cost).toBe(0.1425);
  });

  it('solves trivial problems (no arcs, no nodes)', () => {
    expectOptimal(
      minCostFlow({ nodeCount: 0, tail: [], head: [], capacity: [], cost: [], supply: [] }, { algorithm }),
    );
    const r = minCostFlow(
      { nodeCount: 2, tail: [], head: [], capacity: [], cost: [], supply: [1, -1] },
      { algorithm },
    );
    expect(r.status === 'infeasible' && r.unmet).toBe(1);
  });
});

describe('minCostFlow on the classic float traps', () => {
  it('0.1 + 0.2 of supply meets 0.3 of demand (exact decimal scaling, no false imbalance)', () => {
    const p = {
      nodeCount: 3,
      tail: [0, 1],
      head: [2, 2],
      capacity: [0.1, 0.2],
      cost: [1, 1],
      supply: [0.1, 0.2, -0.3],
    };
    expect(0.1 + 0.2 - 0.3).not.toBe(0); // the trap
    const r = minCostFlow(p);
    expectOptimal(r);
    expect(r.exact).toBe(true);
    expect([...r.flow]).toEqual([0.1, 0.2]);
    expect(r.cost).toBe(0.3);
  });

  it('float-mode supplies that cancel only up to rounding count as balanced', () => {
    // 1/3 forces floating-point mode; 0.1 + 0.7 − 0.8 = −1.1e-16 in doubles
    const p = {
      nodeCount: 3,
      tail: [0, 1, 0],
      head: [2, 2, 1],
      capacity: [1, 1, 1 / 3],
      cost: [1, 1, 1 / 7],
      supply: [0.1, 0.7, -0.8],
    };
    const r = minCostFlow(p);
    expectOptimal(r);
    expect(r.exact).toBe(false);
    expect(r.cost).toBeCloseTo(0.8, 12);
    expect(verifyMinCostFlow(p, r, 1e-12)).toEqual([]);
  });

  it('does not stall on many degenerate parallel float arcs (1/3 capacities, 1/7 costs)', () => {
    const k = 300;
    const tail: number[] = [];
    const head: number[] = [];
    const capacity: number[] = [];
    const cost: number[] = [];
    for (let i = 0; i < k; i++) {
      tail.push(0, 1);
      head.push(1, 2);
      capacity.push(1 / 3, 1 / 3);
      cost.push(1 / 7, (i % 3) / 7);
    }
    const p = { nodeCount: 3, tail, head, capacity, cost, supply: [50, 0, -50] };
    const lp = solveMinCostFlowLp(highs, p);
    const r = minCostFlow(p);
    expectOptimal(r);
    expect(lp.status).toBe('optimal');
    if (lp.status === 'optimal') expect(r.cost).toBeCloseTo(lp.objective, 9);
    expect(verifyMinCostFlow(p, r, 1e-9)).toEqual([]);
  });
});

describe('minCostFlow input checks', () => {
  const ok: MinCostFlowProblem = {
    nodeCount: 2,
    tail: [0],
    head: [1],
    capacity: [1],
    cost: [1],
    supply: [1, -1],
  };
  it.each([
    ['a capacity below the lower bound', { ...ok, lower: [2] }],
    ['NaN cost', { ...ok, cost: [Number.NaN] }],
    ['-Infinity cost', { ...ok, cost: [Number.NEGATIVE_INFINITY] }],
    ['infinite supply', { ...ok, supply: [INF, -1] }],
    ['a node index out of range', { ...ok, head: [2] }],
    ['a forbidden arc with a positive lower bound', { ...ok, cost: [INF], lower: [1] }],
    ['a short supply array', { ...ok, supply: [1] }],
  ])('rejects %s with InvalidArgumentError', (_name, p) => {
    try {
      minCostFlow(p as MinCostFlowProblem);
      expect.unreachable();
    } catch (error) {
      expect(isCorridorSimError(error) && error.code).toBe('invalid-argument');
    }
  });

  it('rejects an unknown algorithm', () => {
    expect(() => minCostFlow(ok, { algorithm: 'magic' as MinCostFlowAlgorithm })).toThrow(
      /options.algorithm/,
    );
  });

  it('does not modify its input', () => {
    const p = {
      nodeCount: 3,
      tail: [0, 1],
      head: [1, 2],
      capacity: [5, 5],
      cost: [INF, 1],
      supply: [0, 2, -2],
      lower: [0, 1],
    };
    const copy = structuredClone(p);
    minCostFlow(p);
    expect(p).toEqual(copy);
  });
});

// ---------------------------------------------------------------------------------------------
// Differential and property tests against HiGHS (an independent LP solver).

const numberArb = (ints: fc.Arbitrary<number>) =>
  fc.oneof({ weight: 4, arbitrary: ints }, { weight: 1, arbitrary: ints.map((v) => v / 4) });

const problemArb = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc
    .record({
      arcs: fc.array(
        fc.record({
          tail: fc.nat(n - 1),
          head: fc.nat(n - 1),
          cap: fc.oneof(
            { weight: 6, arbitrary: numberArb(fc.integer({ min: 0, max: 15 })) },
            { weight: 1, arbitrary: fc.constant(INF) },
            { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }).map((c) => c * 1e9) },
          ),
          low: fc.oneof(
            { weight: 5, arbitrary: fc.constant(0) },
            { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 }) },
          ),
          cost: fc.oneof(
            { weight: 8, arbitrary: numberArb(fc.integer({ min: -4, max: 20 })) },
            { weight: 1, arbitrary: fc.constant(INF) },
          ),
        }),
        { maxLength: 16 },
      ),
      supply: fc.array(numberArb(fc.integer({ min: -12, max: 12 })), { minLength: n, maxLength: n }),
      balance: fc.boolean(),
    })
    .map(({ arcs, supply, balance }) => {
      const s = [...supply];
      if (balance) s[n - 1] = s[n - 1]! - s.reduce((a, b) => a + b, 0);
      const usable = arcs.map((a) => ({
        ...a,
        low: a.cost === INF ? 0 : Math.min(a.low, a.cap),
      }));
      return {
        nodeCount: n,
        tail: usable.map((a) => a.tail),
        head: usable.map((a) => a.head),
        capacity: usable.map((a) => a.cap),
        lower: usable.map((a) => a.low),
        cost: usable.map((a) => a.cost),
        supply: s,
      } satisfies MinCostFlowProblem;
    }),
);

/** Slack for the certificate: 0 for integers; decimal rounding of sums otherwise. */
function tolerance(p: MinCostFlowProblem, r: MinCostFlowResult): number {
  if (r.status === 'optimal' && r.exact && r.scale.flow === 1 && r.scale.cost === 1) return 0;
  const mags = [...Array.from(p.capacity), ...Array.from(p.supply), ...Array.from(p.lower ?? [])]
    .map(Math.abs)
    .filter((v) => v !== INF);
  return 1e-13 * Math.max(1, ...mags) * (p.nodeCount + p.tail.length);
}

describe('minCostFlow agrees with the HiGHS LP (random graphs: decimals, zero/huge/infinite capacities, lower bounds, negative and forbidden costs, parallel arcs, self-loops, unbalanced and infeasible cases)', () => {
  it.each(ALGORITHMS)('%s: same status and optimum; certificates hold', (algorithm) => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const lp = solveMinCostFlowLp(highs, p);
        const r = minCostFlow(p, { algorithm });
        expect(verifyMinCostFlow(p, r, tolerance(p, r))).toEqual([]);
        if (r.status === 'optimal') {
          expect(lp.status).toBe('optimal');
          if (lp.status === 'optimal') {
            expect(Math.abs(r.cost - lp.objective)).toBeLessThanOrEqual(
              1e-7 * Math.max(1, Math.abs(lp.objective)),
            );
          }
        } else if (r.status === 'infeasible') {
          expect(['infeasible', 'infeasible-or-unbounded']).toContain(lp.status);
        } else {
          expect(['unbounded', 'infeasible-or-unbounded']).toContain(lp.status);
        }
      }),
      { numRuns: 300 * RUNS, seed: 42 + SEED },
    );
  });

  it('network simplex and cost scaling give the same status and cost', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const a = minCostFlow(p, { algorithm: 'network-simplex' });
        const b = minCostFlow(p, { algorithm: 'cost-scaling' });
        expect(b.status).toBe(a.status);
        if (a.status === 'optimal' && b.status === 'optimal') expect(b.cost).toBe(a.cost);
        if (a.status === 'infeasible' && b.status === 'infeasible') expect(b.unmet).toBe(a.unmet);
      }),
      { numRuns: 300 * RUNS, seed: 43 + SEED },
    );
  });

  it('absorb mode matches the LP with explicit free disposal arcs', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const r = minCostFlow(p, { imbalance: 'absorb' });
        const total = p.supply.reduce((a, b) => a + b, 0);
        // Reference: a hub node n with free arcs from sources (surplus) or to sinks (deficit).
        const n = p.nodeCount;
        const side = p.supply.map((s, v) => ({ s, v })).filter(({ s }) => (total > 0 ? s > 0 : s < 0));
        const ref: MinCostFlowProblem = {
          nodeCount: n + 1,
          tail: [...p.tail, ...side.map(({ v }) => (total > 0 ? v : n))],
          head: [...p.head, ...side.map(({ v }) => (total > 0 ? n : v))],
          capacity: [...p.capacity, ...side.map(({ s }) => Math.abs(s))],
          lower: [...(p.lower ?? []), ...side.map(() => 0)],
          cost: [...p.cost, ...side.map(() => 0)],
          supply: [...p.supply, -total],
        };
        const lp = solveMinCostFlowLp(highs, total === 0 ? p : ref);
        if (r.status === 'optimal') {
          expect(lp.status).toBe('optimal');
          if (lp.status === 'optimal')
            expect(Math.abs(r.cost - lp.objective)).toBeLessThanOrEqual(
              1e-7 * Math.max(1, Math.abs(lp.objective)),
            );
        } else {
          expect(lp.status).not.toBe('optimal');
        }
      }),
      { numRuns: 200 * RUNS, seed: 44 + SEED },
    );
  });
});

/** Random feasible problems with arbitrary doubles: a known flow x defines supplies and capacities. */
const floatProblemArb = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc
    .array(
      fc.record({
        tail: fc.nat(n - 1),
        head: fc.nat(n - 1),
        x: fc.double({ min: 0, max: 1e6, noNaN: true }),
        slack: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(0)),
        cost: fc.double({ min: 0, max: 1e3, noNaN: true }),
      }),
      { minLength: 1, maxLength: 16 },
    )
    .map((arcs) => {
      const supply = new Array<number>(n).fill(0);
      for (const a of arcs) {
        supply[a.tail]! += a.x;
        supply[a.head]! -= a.x;
      }
      return {
        problem: {
          nodeCount: n,
          tail: arcs.map((a) => a.tail),
          head: arcs.map((a) => a.head),
          capacity: arcs.map((a) => a.x + a.slack),
          cost: arcs.map((a) => a.cost),
          supply,
        } satisfies MinCostFlowProblem,
        knownCost: arcs.reduce((s, a) => s + a.x * a.cost, 0),
      };
    }),
);

describe('minCostFlow on arbitrary doubles (floating-point mode)', () => {
  it('is never falsely infeasible, never worse than a known feasible flow, and matches HiGHS', () => {
    fc.assert(
      fc.property(floatProblemArb, ({ problem, knownCost }) => {
        const r = minCostFlow(problem);
        expectOptimal(r);
        // Float mode treats amounts below ~1e-12 of the largest one as noise: compare flows relative
        // to the largest amount, and costs relative to (largest cost) × (largest amount).
        const magnitude = Math.max(1, ...problem.capacity, ...problem.supply.map(Math.abs));
        const costMagnitude = magnitude * Math.max(1, ...problem.cost);
        expect(r.cost).toBeLessThanOrEqual(knownCost + 1e-9 * costMagnitude);
        expect(verifyMinCostFlow(problem, r, 1e-9 * magnitude)).toEqual([]);
        const lp = solveMinCostFlowLp(highs, problem);
        if (lp.status === 'optimal') {
          expect(Math.abs(r.cost - lp.objective)).toBeLessThanOrEqual(1e-9 * costMagnitude);
        }
      }),
      { numRuns: 300 * RUNS, seed: 45 + SEED },
    );
  });
});
