import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isCorridorSimError } from '../../model/errors.js';
import { type HighsSolver, loadHighsSolver } from './highsSolver.js';
import { minCostFlow } from './minCostFlow.js';
import {
  type MultiCommodityProblem,
  type MultiCommodityResult,
  multiCommodityFlow,
  solveMultiCommodityFlow,
} from './multiCommodityFlow.js';

const INF = Number.POSITIVE_INFINITY;
const RUNS = Number(process.env.FLOW_FC_RUNS ?? 1);
const SEED = Number(process.env.FLOW_FC_SEED ?? 0);

let solver: HighsSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

function optimal(r: MultiCommodityResult): Extract<MultiCommodityResult, { status: 'optimal' }> {
  expect(r.status).toBe('optimal');
  if (r.status !== 'optimal') throw new Error('not optimal');
  return r;
}

/** Dual feasibility and complementary slackness, and the capacity rows, checked from scratch. */
function certificateIssues(
  p: MultiCommodityProblem,
  r: Extract<MultiCommodityResult, { status: 'optimal' }>,
  tol: number,
): string[] {
  const issues: string[] = [];
  const m = p.tail.length;
  for (let a = 0; a < m; a++) {
    let used = 0;
    p.commodities.forEach((c, k) => {
      const x = r.flows[k]![a]!;
      used += x;
      if (c.cost[a] === INF) {
        if (x !== 0) issues.push(`commodity ${k} uses forbidden arc ${a}`);
        return;
      }
      const pi = r.potential[k]!;
      const rc = c.cost[a]! + pi[p.tail[a]!]! - pi[p.head[a]!]! + r.shadowPrice[a]!;
      if (rc < -tol) issues.push(`commodity ${k} arc ${a}: reduced cost ${rc} < 0`);
      if (x > tol && Math.abs(rc) > tol)
        issues.push(`commodity ${k} arc ${a}: flow ${x} with reduced cost ${rc}`);
    });
    if (used > p.capacity[a]! + tol) issues.push(`arc ${a}: ${used} above capacity ${p.capacity[a]}`);
    if (r.shadowPrice[a]! > tol && used < p.capacity[a]! - tol) issues.push(`arc ${a}: priced but not full`);
  }
  return issues;
}

// Arc 0 (0 → 2, 10 units) is shared; the detour 0 → 1 → 2 costs A 4 per unit and B 10 per unit.
const SHARED: MultiCommodityProblem = {
  nodeCount: 3,
  tail: [0, 0, 1],
  head: [2, 1, 2],
  capacity: [10, INF, INF],
  commodities: [
    { source: 0, sink: 2, amount: 8, cost: [1, 2, 2] },
    { source: 0, sink: 2, amount: 6, cost: [1, 5, 5] },
  ],
};

describe('multiCommodityFlow', () => {
  it('gives the shared arc to the commodity that values it most; shadow price = 3 (hand-derived)', async () => {
    const r = optimal(await multiCommodityFlow(SHARED));
    expect(r.objective).toBeCloseTo(6 * 1 + 4 * 1 + 4 * 4, 9);
    expect([...r.flows[0]!]).toEqual([4, 4, 4]);
    expect([...r.flows[1]!]).toEqual([6, 0, 0]);
    expect(r.shadowPrice[0]).toBeCloseTo(3, 9);
    expect([...r.bindingArcs]).toEqual([0]);
    expect(certificateIssues(SHARED, r, 1e-9)).toEqual([]);
  });

  it('shadow prices are subgradients: the cost change per unit of capacity brackets them', () => {
    const r = optimal(solveMultiCommodityFlow(solver, SHARED));
    const withCapacity = (c: number) =>
      optimal(solveMultiCommodityFlow(solver, { ...SHARED, capacity: [c, INF, INF] })).objective;
    const savingUp = r.objective - withCapacity(11);
    const savingDown = withCapacity(9) - r.objective;
    expect(savingUp).toBeLessThanOrEqual(r.shadowPrice[0]! + 1e-9);
    expect(savingDown).toBeGreaterThanOrEqual(r.shadowPrice[0]! - 1e-9);
  });

  it('reports demand beyond capacity as unmet when a penalty is given', () => {
    const p: MultiCommodityProblem = {
      nodeCount: 2,
      tail: [0],
      head: [1],
      capacity: [5],
      commodities: [{ source: 0, sink: 1, amount: 8, cost: [2], unmetPenalty: 10 }],
    };
    const r = optimal(solveMultiCommodityFlow(solver, p));
    expect(r.flows[0]![0]).toBeCloseTo(5, 9);
    expect(r.unmet[0]).toBeCloseTo(3, 9);
    expect(r.objective).toBeCloseTo(5 * 2 + 3 * 10, 9);
    expect(r.shadowPrice[0]).toBeCloseTo(10 - 2, 9);
    const strict = solveMultiCommodityFlow(solver, {
      ...p,
      commodities: [{ source: 0, sink: 1, amount: 8, cost: [2] }],
    });
    expect(strict).toEqual({ status: 'infeasible', reason: 'capacity' });
  });

  it('leaves demand unmet when delivering costs more than the penalty', () => {
    const p: MultiCommodityProblem = {
      nodeCount: 2,
      tail: [0],
      head: [1],
      capacity: [INF],
      commodities: [{ source: 0, sink: 1, amount: 4, cost: [12], unmetPenalty: 10 }],
    };
    const r = optimal(solveMultiCommodityFlow(solver, p));
    expect(r.unmet[0]).toBeCloseTo(4, 9);
    expect(r.objective).toBeCloseTo(40, 9);
  });

  it('respects per-commodity forbidden arcs (cost Infinity) and supply vectors', () => {
    const p: MultiCommodityProblem = {
      nodeCount: 3,
      tail: [0, 0, 1],
      head: [2, 1, 2],
      capacity: [INF, INF, INF],
      commodities: [
        { supply: [3, 0, -3], cost: [INF, 1, 1] },
        { supply: [2, 0, -2], cost: [5, 1, 1] },
      ],
    };
    const r = optimal(solveMultiCommodityFlow(solver, p));
    expect([...r.flows[0]!]).toEqual([0, 3, 3]);
    expect(r.objective).toBeCloseTo(3 * 2 + 2 * 2, 9);
    expect(certificateIssues(p, r, 1e-9)).toEqual([]);
  });

  it('reports unbalanced supply without penalty, and an unbounded negative cycle', () => {
    const base = { nodeCount: 2, tail: [0, 1], head: [1, 0], capacity: [INF, INF] };
    expect(
      solveMultiCommodityFlow(solver, { ...base, commodities: [{ supply: [3, -2], cost: [1, 1] }] }),
    ).toEqual({
      status: 'infeasible',
      reason: 'unbalanced',
      commodity: 0,
    });
    expect(
      solveMultiCommodityFlow(solver, {
        ...base,
        commodities: [{ source: 0, sink: 1, amount: 1, cost: [-2, 1] }],
      }).status,
    ).toBe('unbounded');
  });

  it('handles no commodities and commodities without usable arcs', () => {
    const base = { nodeCount: 2, tail: [0], head: [1], capacity: [1] };
    expect(optimal(solveMultiCommodityFlow(solver, { ...base, commodities: [] })).objective).toBe(0);
    expect(
      solveMultiCommodityFlow(solver, {
        ...base,
        commodities: [{ source: 0, sink: 1, amount: 1, cost: [INF] }],
      }).status,
    ).toBe('infeasible');
  });

  it('loads HiGHS once: every call shares the same runtime', async () => {
    expect(await loadHighsSolver()).toBe(solver);
  });

  it('rejects malformed input with InvalidArgumentError', () => {
    const base = { nodeCount: 2, tail: [0], head: [1], capacity: [1] };
    const bad: MultiCommodityProblem[] = [
      { ...base, capacity: [-1], commodities: [] },
      { ...base, commodities: [{ source: 0, sink: 0, amount: 1, cost: [1] }] },
      { ...base, commodities: [{ source: 0, sink: 1, amount: -1, cost: [1] }] },
      { ...base, commodities: [{ source: 0, sink: 1, amount: 1, cost: [1, 2] }] },
      { ...base, commodities: [{ source: 0, sink: 1, amount: 1, cost: [1], unmetPenalty: INF }] },
      { ...base, commodities: [{ source: 0, sink: 5, amount: 1, cost: [1] }] },
    ];
    for (const p of bad) {
      try {
        solveMultiCommodityFlow(solver, p);
        expect.unreachable();
      } catch (error) {
        expect(isCorridorSimError(error) && error.code).toBe('invalid-argument');
      }
    }
  });
});

const problemArb = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc
    .record({
      arcs: fc.array(
        fc.record({
          tail: fc.nat(n - 1),
          head: fc.nat(n - 1),
          cap: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(INF)),
        }),
        { maxLength: 12 },
      ),
      commodities: fc.array(
        fc.record({
          source: fc.nat(n - 1),
          sink: fc.nat(n - 1),
          amount: fc.integer({ min: 0, max: 10 }),
          costs: fc.array(
            fc.oneof(
              { weight: 5, arbitrary: fc.integer({ min: 0, max: 9 }) },
              { weight: 1, arbitrary: fc.constant(INF) },
            ),
            {
              minLength: 12,
              maxLength: 12,
            },
          ),
          penalty: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    })
    .map(({ arcs, commodities }) => ({
      nodeCount: n,
      tail: arcs.map((a) => a.tail),
      head: arcs.map((a) => a.head),
      capacity: arcs.map((a) => a.cap),
      commodities: commodities
        .filter((c) => c.source !== c.sink)
        .map((c) => ({
          source: c.source,
          sink: c.sink,
          amount: c.amount,
          cost: c.costs.slice(0, arcs.length),
          ...(c.penalty === undefined ? {} : { unmetPenalty: c.penalty }),
        })),
    })),
);

describe('multiCommodityFlow properties (random instances)', () => {
  it('one commodity without penalty: same status and cost as minCostFlow (network simplex)', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        fc.pre(p.commodities.length > 0);
        const c = p.commodities[0]!;
        const single = {
          ...p,
          commodities: [{ source: c.source!, sink: c.sink!, amount: c.amount!, cost: c.cost }],
        };
        const supply = new Array<number>(p.nodeCount).fill(0);
        supply[c.source!] = c.amount!;
        supply[c.sink!] = -c.amount!;
        const ns = minCostFlow({ ...p, cost: c.cost, supply });
        const lp = solveMultiCommodityFlow(solver, single);
        expect(lp.status).toBe(ns.status);
        if (lp.status === 'optimal' && ns.status === 'optimal') expect(lp.objective).toBeCloseTo(ns.cost, 6);
      }),
      { numRuns: 200 * RUNS, seed: 11 + SEED },
    );
  });

  it('optimal results satisfy capacities, dual feasibility, complementary slackness and the objective', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const r = solveMultiCommodityFlow(solver, p);
        if (r.status !== 'optimal') return;
        expect(certificateIssues(p, r, 1e-7)).toEqual([]);
        let objective = 0;
        p.commodities.forEach((c, k) => {
          for (let a = 0; a < p.tail.length; a++)
            if (c.cost[a] !== INF) objective += c.cost[a]! * r.flows[k]![a]!;
          objective += (c.unmetPenalty ?? 0) * r.unmet[k]!;
          // conservation: the source ships amount − unmet
          let out = 0;
          for (let a = 0; a < p.tail.length; a++) {
            if (p.tail[a] === c.source && p.head[a] !== c.source) out += r.flows[k]![a]!;
            if (p.head[a] === c.source && p.tail[a] !== c.source) out -= r.flows[k]![a]!;
          }
          expect(out).toBeCloseTo(c.amount! - r.unmet[k]!, 6);
        });
        expect(r.objective).toBeCloseTo(objective, 6);
      }),
      { numRuns: 200 * RUNS, seed: 12 + SEED },
    );
  });

  it('with a penalty on every commodity the LP is never infeasible, and raising a capacity never raises the cost', () => {
    fc.assert(
      fc.property(problemArb, fc.nat(), (p, pick) => {
        const penalized = { ...p, commodities: p.commodities.map((c) => ({ ...c, unmetPenalty: 50 })) };
        const r = solveMultiCommodityFlow(solver, penalized);
        if (r.status === 'unbounded') return;
        const base = optimal(r);
        if (p.tail.length === 0) return;
        const a = pick % p.tail.length;
        const capacity = [...p.capacity];
        capacity[a] = capacity[a]! + 3;
        const more = optimal(solveMultiCommodityFlow(solver, { ...penalized, capacity }));
        expect(more.objective).toBeLessThanOrEqual(base.objective + 1e-7);
        // and the saving is at most 3 × the shadow price (convexity)
        expect(base.objective - more.objective).toBeLessThanOrEqual(3 * base.shadowPrice[a]! + 1e-6);
      }),
      { numRuns: 150 * RUNS, seed: 13 + SEED },
    );
  });
});

describe('multiCommodityFlow aggregation of commodities sharing source and costs', () => {
  /** Net outflow of one commodity's flow at node v. */
  const netOut = (p: MultiCommodityProblem, flow: Float64Array, v: number) => {
    let out = 0;
    for (let a = 0; a < p.tail.length; a++) {
      if (p.tail[a] === p.head[a]) continue;
      if (p.tail[a] === v) out += flow[a]!;
      if (p.head[a] === v) out -= flow[a]!;
    }
    return out;
  };

  it('gives the same optimum as the unaggregated LP, and every member keeps conservation', () => {
    fc.assert(
      fc.property(problemArb, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (p, share) => {
        fc.pre(p.commodities.length > 1);
        const lead = p.commodities[0]!;
        // members copy the lead's source and costs (and penalty), keeping their own sink and amount
        const commodities = p.commodities.map((c, k) =>
          k > 0 && share[k % 4] && c.sink !== lead.source
            ? {
                source: lead.source!,
                sink: c.sink!,
                amount: c.amount!,
                cost: lead.cost,
                ...(lead.unmetPenalty === undefined ? {} : { unmetPenalty: lead.unmetPenalty }),
              }
            : c,
        );
        const problem = { ...p, commodities };
        const merged = solveMultiCommodityFlow(solver, problem);
        const separate = solveMultiCommodityFlow(solver, problem, { aggregate: false });
        expect(merged.status).toBe(separate.status);
        if (merged.status !== 'optimal' || separate.status !== 'optimal') return;
        expect(merged.objective).toBeCloseTo(separate.objective, 6);
        expect(certificateIssues(problem, merged, 1e-7)).toEqual([]);
        commodities.forEach((c, k) => {
          const delivered = c.amount! - merged.unmet[k]!;
          const f = merged.flows[k]!;
          for (let v = 0; v < p.nodeCount; v++) {
            const expected = v === c.source ? delivered : v === c.sink ? -delivered : 0;
            expect(netOut(problem, f, v)).toBeCloseTo(expected, 6);
          }
        });
      }),
      { numRuns: 200 * RUNS, seed: 14 + SEED },
    );
  });
});
