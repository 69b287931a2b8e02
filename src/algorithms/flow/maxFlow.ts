/**
 * Maximum flow and minimum cut on arc arrays
 * ==========================================
 *
 * {@link maxFlow} takes a directed multigraph as arrays (`tail`, `head`, `capacity`; node ids
 * `0..nodeCount-1`), a source and a sink, and returns the maximum flow value, the flow on every arc and
 * a minimum cut: the source side of the cut and the arcs that cross it (all saturated). Parallel arcs,
 * self-loops, zero and infinite capacities are allowed.
 *
 * Numbers: capacities that are short decimals (every value equals its rounding to k ≤ 15 decimal
 * places, and the scaled total stays below 2^53) are scaled by 10^k and solved exactly in integers;
 * the result says so (`exact: true`, `scale: 10^k`). Other inputs are solved in floating point
 * (`exact: false`); push-relabel terminates regardless of the values, and the value then matches the cut
 * capacity to a relative 1e-12 or so. See docs/flow.md.
 */

import { InvalidArgumentError } from '../../model/errors.js';
import { scratchArena, type TypedArena } from '../_internal/arena.js';
import { buildCsr } from '../_internal/csr.js';
import { decimalDigits, EXACT_LIMIT, pow10, scaleToIntegers } from './_internal/numeric.js';
import {
  createPushRelabelState,
  pushRelabelMaxFlow,
  pushRelabelStateBytes,
} from './_internal/pushRelabel.js';
import { buildResidual, type Residual, reachesTarget, residualBytes } from './_internal/residual.js';
import { checkArcs, checkNode, checkNumbers, MODULE } from './_internal/validate.js';

/** A directed graph with arc capacities, as arrays. */
export interface CapacitatedGraph {
  /** Number of nodes; nodes are `0..nodeCount-1`. */
  readonly nodeCount: number;
  /** Tail node of each arc. */
  readonly tail: ArrayLike<number>;
  /** Head node of each arc. */
  readonly head: ArrayLike<number>;
  /** Capacity of each arc: ≥ 0, `Infinity` for uncapacitated arcs. */
  readonly capacity: ArrayLike<number>;
}

/** Options of {@link maxFlow}. */
export interface MaxFlowOptions {
  /**
   * `'flow'` (default) returns a flow on every arc. `'cut'` stops once the value and the minimum cut
   * are known (phase 1 of push-relabel; about 10–30 % faster); `flow` is then a maximum *preflow*
   * (capacities hold, conservation may not).
   * @defaultValue 'flow'
   */
  readonly compute?: 'flow' | 'cut';
}

const DEFAULTS = { compute: 'flow' } as const satisfies Required<MaxFlowOptions>;

/** A maximum flow with its minimum cut. */
export interface MaxFlowOptimal {
  readonly status: 'optimal';
  /** The maximum flow value (= capacity of the cut). */
  readonly value: number;
  /** Flow on each arc (a preflow when `compute: 'cut'`). */
  readonly flow: Float64Array;
  /** 1 for nodes on the source side of the minimum cut: those that cannot reach the sink in the residual graph. */
  readonly sourceSide: Uint8Array;
  /** Arcs from the source side to the sink side with positive capacity, ascending; all saturated. */
  readonly cutArcs: Int32Array;
  /** True when the capacities were solved exactly as integers (scaled by `scale`). */
  readonly exact: boolean;
  /** The power of ten the capacities were multiplied by (1 for integers). */
  readonly scale: number;
}

/** Returned when a path of infinite-capacity arcs joins source and sink. */
export interface MaxFlowUnbounded {
  readonly status: 'unbounded';
  /** Arcs of a source–sink path whose capacities are all infinite, in path order. */
  readonly path: Int32Array;
}

/** Result of {@link maxFlow}. */
export type MaxFlowResult = MaxFlowOptimal | MaxFlowUnbounded;

/**
 * Maximum flow from `source` to `sink`, with a minimum cut.
 *
 * @param graph - node count, arc tails, heads and capacities (≥ 0, Infinity allowed)
 * @param source - source node index
 * @param sink - sink node index (≠ source)
 * @param options - see {@link MaxFlowOptions}
 * @returns `optimal` with value, arc flows, source side and cut arcs; or `unbounded` with an infinite path
 * @throws InvalidArgumentError when arrays differ in length, a node index is out of range, a capacity
 *   is negative or NaN, or source = sink
 * @example
 * const r = maxFlow({ nodeCount: 3, tail: [0, 0, 1], head: [1, 2, 2], capacity: [2, 1, 5] }, 0, 2);
 * // r.status === 'optimal', r.value === 3, r.cutArcs = [0, 1]
 * @remarks Push-relabel with highest-label selection, gap and global relabelling heuristics
 * (Goldberg & Tarjan 1988; Cherkassky & Goldberg 1997), the algorithm of LEMON's `Preflow` and of
 * HIPR. O(n²√m) worst case; near-linear on NETGEN-like instances (see bench/flow.ts).
 */
export function maxFlow(
  graph: CapacitatedGraph,
  source: number,
  sink: number,
  options: MaxFlowOptions = {},
): MaxFlowResult {
  const { nodeCount: n, arcCount: m, tail, head } = checkArcs(graph, 'graph');
  const capacity = checkNumbers(graph?.capacity, m, 'graph.capacity', '+inf', 0);
  checkNode(source, n, 'source');
  checkNode(sink, n, 'sink');
  if (source === sink)
    throw new InvalidArgumentError(MODULE, 'sink', `must differ from the source, both are ${sink}`);
  const compute = options.compute ?? DEFAULTS.compute;
  if (compute !== 'flow' && compute !== 'cut') {
    throw new InvalidArgumentError(
      MODULE,
      'options.compute',
      `must be 'flow' or 'cut', got ${String(compute)}`,
    );
  }

  const infiniteCount = countInfinite(capacity);
  if (infiniteCount > 0) {
    const path = infinitePath(n, tail, head, capacity, source, sink);
    if (path !== undefined) return { status: 'unbounded', path };
  }
  const { work, scale, exact } = integerCapacities(capacity, infiniteCount);
  const g = buildResidual(n, tail, head, work);
  const st = createPushRelabelState(n);
  const value = pushRelabelMaxFlow(g, source, sink, st, compute === 'flow');
  const reach = reachesTarget(g, sink, st.queue);
  const sourceSide = new Uint8Array(n);
  for (let v = 0; v < n; v++) sourceSide[v] = 1 - reach[v]!;
  return {
    status: 'optimal',
    value: scale === 1 ? value : value / scale,
    flow: arcFlows(g, work, scale),
    sourceSide,
    cutArcs: crossingArcs(tail, head, capacity, sourceSide),
    exact,
    scale,
  };
}

/** Value and minimum cut of a maximum flow, or `unbounded` (see {@link maxFlowCut}). */
export type MaxFlowCutResult =
  | {
      readonly status: 'optimal';
      /** The maximum flow value (= capacity of the cut). */
      readonly value: number;
      /** Arcs from the source side to the sink side with positive capacity, ascending. */
      readonly cutArcs: Int32Array;
      /** True when solved exactly in integers. */
      readonly exact: boolean;
    }
  | { readonly status: 'unbounded' };

/**
 * The value and minimum cut of {@link maxFlow} with `compute: 'cut'`, for callers inside the library
 * that build the arrays themselves: no argument checks or copies, no arc flows, no source side, and
 * an unbounded instance is only detected, not given a path. The value, the cut and `exact` are those
 * `maxFlow` returns for the same arrays.
 *
 * @param nodeCount - number of nodes
 * @param tail - tail node of each arc (valid indices)
 * @param head - head node of each arc
 * @param capacity - capacity of each arc (≥ 0, Infinity allowed, no NaN); not modified
 * @param source - source node
 * @param sink - sink node (≠ source)
 * @returns `optimal` with value, cut arcs and exactness, or `unbounded`
 * @remarks As {@link maxFlow}, phase 1 of push-relabel only; its arrays are views of one buffer. With
 *   exact capacities, unboundedness is read off the flow value instead of searched for: infinite
 *   capacities become bigM, one more than the sum of the finite ones, so a source–sink path of infinite
 *   arcs makes every cut, and the maximum flow, at least bigM; without one, the arcs that leave what
 *   infinite arcs reach from the source are finite and form a cut below bigM. In floating point that
 *   sum may round, so the path is searched for first, as `maxFlow` does.
 * @internal
 */
export function maxFlowCut(
  nodeCount: number,
  tail: Int32Array,
  head: Int32Array,
  capacity: Float64Array,
  source: number,
  sink: number,
): MaxFlowCutResult {
  const m = tail.length;
  // the scaled capacities, the residual graph, the push-relabel buffers and the cut's marks: scratch
  const bytes = 8 * m + 8 + residualBytes(nodeCount, m) + pushRelabelStateBytes(nodeCount) + nodeCount + 8;
  const arena = scratchArena(bytes);
  try {
    const infiniteCount = countInfinite(capacity);
    const { work, scale, exact, bigM } = integerCapacities(capacity, infiniteCount, arena);
    if (
      infiniteCount > 0 &&
      !exact &&
      infinitePath(nodeCount, tail, head, capacity, source, sink) !== undefined
    ) {
      return { status: 'unbounded' };
    }
    const g = buildResidual(nodeCount, tail, head, work, arena);
    const st = createPushRelabelState(nodeCount, arena);
    const value = pushRelabelMaxFlow(g, source, sink, st, false);
    if (infiniteCount > 0 && exact && value >= bigM) return { status: 'unbounded' };
    const reach = reachesTarget(g, sink, st.queue, arena);
    // reach is 1 on the sink side: flip it in place into the source side
    for (let v = 0; v < nodeCount; v++) reach[v] = 1 - reach[v]!;
    return {
      status: 'optimal',
      value: scale === 1 ? value : value / scale,
      cutArcs: crossingArcs(tail, head, capacity, reach),
      exact,
    };
  } finally {
    arena.release();
  }
}

function countInfinite(capacity: Float64Array): number {
  let count = 0;
  for (let e = 0; e < capacity.length; e++) if (capacity[e] === Number.POSITIVE_INFINITY) count++;
  return count;
}

/**
 * Capacities for the solver: scaled to integers when they are short decimals and the totals fit in
 * 2^53 (exact), else the raw doubles. Infinite capacities become `bigM`, one more than the sum of the
 * finite ones: with no all-infinite source–sink path, every minimum cut is finite and smaller.
 */
function integerCapacities(
  capacity: Float64Array,
  infiniteCount: number,
  arena?: TypedArena,
): { work: Float64Array; scale: number; exact: boolean; bigM: number } {
  const digits = decimalDigits(capacity);
  let scale = digits >= 0 ? pow10(digits) : 1;
  let work = scaleToIntegers(capacity, scale, arena);
  let finiteSum = sumFinite(work);
  const exact = digits >= 0 && finiteSum + infiniteCount * (finiteSum + 1) < EXACT_LIMIT;
  if (!exact) {
    scale = 1;
    work = scaleToIntegers(capacity, 1, arena);
    finiteSum = sumFinite(work);
  }
  const bigM = finiteSum + 1;
  if (infiniteCount > 0) {
    for (let e = 0; e < work.length; e++) if (work[e] === Number.POSITIVE_INFINITY) work[e] = bigM;
  }
  return { work, scale, exact, bigM };
}

function sumFinite(values: Float64Array): number {
  let sum = 0;
  for (let e = 0; e < values.length; e++) {
    const v = values[e]!;
    if (v !== Number.POSITIVE_INFINITY) sum += v;
  }
  return sum;
}

/** Flow per input arc: capacity − forward residual (one random read per arc). */
function arcFlows(g: Residual, capacity: Float64Array, scale: number): Float64Array {
  const { m, rcap, arcPos } = g;
  const flow = new Float64Array(m);
  for (let e = 0; e < m; e++) flow[e] = capacity[e]! - rcap[arcPos[e]!]!;
  if (scale !== 1) for (let e = 0; e < m; e++) flow[e] = flow[e]! / scale;
  return flow;
}

function crossingArcs(
  tail: Int32Array,
  head: Int32Array,
  capacity: Float64Array,
  side: Uint8Array,
): Int32Array {
  let count = 0;
  const m = tail.length;
  for (let e = 0; e < m; e++) if (side[tail[e]!] === 1 && side[head[e]!] === 0 && capacity[e]! > 0) count++;
  const out = new Int32Array(count);
  count = 0;
  for (let e = 0; e < m; e++)
    if (side[tail[e]!] === 1 && side[head[e]!] === 0 && capacity[e]! > 0) out[count++] = e;
  return out;
}

/** A source–sink path of infinite-capacity arcs (BFS), or undefined. */
function infinitePath(
  n: number,
  tail: Int32Array,
  head: Int32Array,
  capacity: Float64Array,
  source: number,
  sink: number,
): Int32Array | undefined {
  // Index of the infinite arcs only (ids mapped back through `ids`).
  const ids: number[] = [];
  for (let e = 0; e < tail.length; e++) if (capacity[e] === Number.POSITIVE_INFINITY) ids.push(e);
  const star = buildCsr(
    n,
    ids.map((e) => tail[e]!),
    ids.map((e) => head[e]!),
  );
  const { outStart, outArcs } = star;
  const via = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  seen[source] = 1;
  queue[0] = source;
  let qHead = 0;
  let qTail = 1;
  while (qHead < qTail) {
    const u = queue[qHead++]!;
    for (let p = outStart[u]!; p < outStart[u + 1]!; p++) {
      const e = ids[outArcs[p]!]!;
      const v = head[e]!;
      if (seen[v] === 1) continue;
      seen[v] = 1;
      via[v] = e;
      if (v === sink) {
        const path: number[] = [];
        for (let w = sink; w !== source; w = tail[via[w]!]!) path.push(via[w]!);
        return Int32Array.from(path.reverse());
      }
      queue[qTail++] = v;
    }
  }
  return undefined;
}
