/**
 * Test fixtures for assignment
 * ============================
 *
 * Small named problems with known answers, a fast-check arbitrary of random strongly connected
 * problems, and an equilibrium checker that recomputes costs from the arc flows and compares path
 * costs with an independent Bellman–Ford shortest path (not the library's Dijkstra).
 *
 * Internal: used by tests only, not exported from the package.
 */

import fc from 'fast-check';
import { arcCost } from './arcCosts.js';
import type { PathSet } from './pathSet.js';
import { type AssignmentProblem, type AssignmentProblemInput, createAssignmentProblem } from './problem.js';
import type { VolumeDelayFunction } from './vdf.js';

/** Arcs of a {@link gridNetwork}. */
export interface GridNetwork {
  readonly nodeCount: number;
  readonly tail: number[];
  readonly head: number[];
  readonly freeFlowTime: number[];
  readonly capacity: number[];
}

/**
 * A size × size grid, node (r, c) = r·size + c, with an arc each way between neighbours (right, then
 * down; forward arc first). Free-flow time and capacity are `min + round(u · spread)` with u from a
 * Park–Miller generator started at `seed`, drawn time first, arc by arc: deterministic test networks.
 *
 * @internal
 */
export function gridNetwork(
  size: number,
  seed: number,
  time: { readonly min: number; readonly spread: number },
  capacity: { readonly min: number; readonly spread: number },
): GridNetwork {
  const grid: GridNetwork = { nodeCount: size * size, tail: [], head: [], freeFlowTime: [], capacity: [] };
  let state = seed;
  const next = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const u = r * size + c;
      for (const v of [c + 1 < size ? u + 1 : -1, r + 1 < size ? u + size : -1]) {
        if (v < 0) continue;
        for (const [a, b] of [
          [u, v],
          [v, u],
        ] as const) {
          grid.tail.push(a);
          grid.head.push(b);
          grid.freeFlowTime.push(time.min + Math.round(next() * time.spread));
          grid.capacity.push(capacity.min + Math.round(next() * capacity.spread));
        }
      }
    }
  }
  return grid;
}

/**
 * Two parallel links 0→1 with linear costs t1 = 10 + 0.015·x (BPR α 0.15, β 1, c 100, t0 10) and
 * t2 = 15 + 0.045·y (t0 15, c 50) and demand D. Interior equilibrium when D ≥ 333.3:
 * x = (5 + 0.045·D) / 0.06; system optimum x = (5 + 0.09·D) / 0.12.
 *
 * @internal
 */
export function twoLinkProblem(demand: number, vdf?: VolumeDelayFunction): AssignmentProblem {
  return createAssignmentProblem({
    nodeCount: 2,
    tail: [0, 0],
    head: [1, 1],
    freeFlowTime: [10, 15],
    capacity: [100, 50],
    vdf: vdf ?? { kind: 'bpr', alpha: 0.15, beta: 1 },
    classes: [{ id: 'all', origins: [0], destinations: [1], volumes: [demand] }],
  });
}

/** A random problem: a ring (strongly connected) plus random arcs, BPR costs, a few ODs. */
export interface RandomProblemSpec {
  readonly nodeCount: number;
  readonly extra: readonly { from: number; to: number }[];
  readonly arcs: readonly { t0: number; capacity: number; alpha: number; beta: number }[];
  readonly ods: readonly { origin: number; destination: number; volume: number }[];
}

/**
 * fast-check arbitrary of {@link RandomProblemSpec}s with 3–7 nodes.
 *
 * @internal
 */
export function arbProblemSpec(): fc.Arbitrary<RandomProblemSpec> {
  return fc.integer({ min: 3, max: 7 }).chain((n) =>
    fc
      .record({
        extra: fc.array(
          fc.record({ from: fc.integer({ min: 0, max: n - 1 }), to: fc.integer({ min: 0, max: n - 1 }) }),
          { minLength: 1, maxLength: 2 * n },
        ),
        ods: fc.array(
          fc.record({
            origin: fc.integer({ min: 0, max: n - 1 }),
            destination: fc.integer({ min: 0, max: n - 1 }),
            volume: fc.integer({ min: 1, max: 60 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      })
      .chain(({ extra, ods }) => {
        const links = extra.filter((e) => e.from !== e.to);
        const m = n + links.length;
        return fc
          .array(
            fc.record({
              t0: fc.integer({ min: 1, max: 20 }),
              capacity: fc.integer({ min: 5, max: 60 }),
              alpha: fc.constantFrom(0.15, 0.5, 1),
              beta: fc.constantFrom(1, 2, 4),
            }),
            { minLength: m, maxLength: m },
          )
          .map((arcs) => ({ nodeCount: n, extra: links, arcs, ods }));
      }),
  );
}

/**
 * Problem input of a spec; `capacityScale` and `closed` let properties perturb one arc.
 *
 * @internal
 */
export function specInput(
  spec: RandomProblemSpec,
  change: { arc?: number; capacityFactor?: number; close?: boolean } = {},
): AssignmentProblemInput {
  const n = spec.nodeCount;
  const tail: number[] = [];
  const head: number[] = [];
  for (let i = 0; i < n; i++) {
    tail.push(i);
    head.push((i + 1) % n);
  }
  for (const e of spec.extra) {
    tail.push(e.from);
    head.push(e.to);
  }
  const capacity = spec.arcs.map((a, i) =>
    i === change.arc ? a.capacity * (change.capacityFactor ?? 1) : a.capacity,
  );
  return {
    nodeCount: n,
    tail,
    head,
    freeFlowTime: spec.arcs.map((a) => a.t0),
    capacity,
    vdf: spec.arcs.map((a) => ({ kind: 'bpr', alpha: a.alpha, beta: a.beta })),
    ...(change.close && change.arc !== undefined ? { closedArcs: [change.arc] } : {}),
    classes: [
      {
        id: 'all',
        origins: spec.ods.map((o) => o.origin),
        destinations: spec.ods.map((o) => o.destination),
        volumes: spec.ods.map((o) => o.volume),
      },
    ],
  };
}

/**
 * Shortest distances from `source` by Bellman–Ford on `weight` (Infinity = absent), honouring the
 * problem's through-blocked nodes. Independent of the library's Dijkstra.
 *
 * @internal
 */
export function bellmanFord(
  problem: AssignmentProblem,
  weight: ArrayLike<number>,
  source: number,
): Float64Array {
  const dist = new Float64Array(problem.nodeCount).fill(Number.POSITIVE_INFINITY);
  dist[source] = 0;
  const { tail, head } = problem.csr;
  for (let round = 0; round < problem.nodeCount; round++) {
    let changed = false;
    for (let a = 0; a < problem.arcCount; a++) {
      const u = tail[a]!;
      if (u !== source && problem.blockedThrough?.[u] === 1) continue;
      const nd = dist[u]! + weight[a]!;
      if (nd < dist[head[a]!]!) {
        dist[head[a]!] = nd;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return dist;
}

/** What {@link checkEquilibrium} measured. */
export interface EquilibriumCheck {
  /** Largest (c_p − π_od) / π_od over paths with flow, π from Bellman–Ford. */
  readonly maxUsedExcess: number;
  /**
   * Relative gap Σ f_p (c_p − π_od) / Σ f_p c_p over the route-choosing classes' paths, π from
   * Bellman–Ford: the measure a run's `relativeGap` target bounds (it weighs each path's excess by its
   * flow, so one path may exceed it).
   */
  readonly relativeGap: number;
  /** Largest |Σ_p f_p − demand| / demand over ODs. */
  readonly maxDemandError: number;
  /** Largest |x_a − Σ paths through a| over arcs and classes. */
  readonly maxFlowMismatch: number;
}

/**
 * Check the Wardrop conditions of a path-based result: costs recomputed from `arcFlows`, every used
 * path within the returned excess of the OD's Bellman–Ford shortest cost, demand conserved, and path
 * flows adding up to the class arc flows.
 *
 * @internal
 */
export function checkEquilibrium(
  problem: AssignmentProblem,
  arcFlows: Float64Array,
  classFlows: readonly Float64Array[],
  paths: PathSet,
  systemOptimum = false,
): EquilibriumCheck {
  const cost = new Float64Array(problem.arcCount);
  for (let a = 0; a < problem.arcCount; a++) cost[a] = arcCost(problem, a, arcFlows[a]!, systemOptimum);
  let maxUsedExcess = 0;
  let maxDemandError = 0;
  let excess = 0;
  let total = 0;
  const rebuilt = classFlows.map((x) => new Float64Array(x.length));
  const cache = new Map<string, Float64Array>();
  for (let od = 0; od < paths.odClass.length; od++) {
    const k = paths.odClass[od]!;
    const cls = problem.classes[k]!;
    const origin = paths.odOrigin[od]!;
    const weight = Array.from(cost, (c, a) => c + cls.arcConstant[a]!);
    const key = `${k}:${origin}`;
    let dist = cache.get(key);
    if (dist === undefined) {
      dist = bellmanFord(problem, weight, origin);
      cache.set(key, dist);
    }
    const pi = dist[paths.odDestination[od]!]!;
    let odTotal = 0;
    for (let q = paths.odPathStart[od]!; q < paths.odPathStart[od + 1]!; q++) {
      let c = 0;
      for (let i = paths.pathArcStart[q]!; i < paths.pathArcStart[q + 1]!; i++) {
        const a = paths.pathArcs[i]!;
        c += weight[a]!;
        rebuilt[k]![a] = rebuilt[k]![a]! + paths.pathFlow[q]!;
      }
      const f = paths.pathFlow[q]!;
      odTotal += f;
      if (f > 0 && !cls.fixedRoute) {
        maxUsedExcess = Math.max(maxUsedExcess, (c - pi) / pi);
        excess += f * (c - pi);
        total += f * c;
      }
    }
    maxDemandError = Math.max(maxDemandError, Math.abs(odTotal - paths.odDemand[od]!) / paths.odDemand[od]!);
  }
  let maxFlowMismatch = 0;
  rebuilt.forEach((x, k) => {
    for (let a = 0; a < x.length; a++)
      maxFlowMismatch = Math.max(maxFlowMismatch, Math.abs(x[a]! - classFlows[k]![a]!));
  });
  return { maxUsedExcess, relativeGap: total > 0 ? excess / total : 0, maxDemandError, maxFlowMismatch };
}
