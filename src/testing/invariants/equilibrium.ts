/**
 * Invariant: Wardrop equilibrium within the reported gap
 * ======================================================
 *
 * At a user equilibrium every used path of an origin–destination flow and shipper segment costs the
 * same, and no other allowed path costs less (Wardrop's first principle). A solver stops at a
 * relative gap g:
 *
 *     g = Σ_paths v_p (c_p − c_min) / Σ_paths v_p c_min
 *
 * where c_p is the path's generalized cost at the returned link times and c_min the cheapest allowed
 * path of its flow and segment. This checker recomputes c_p from the path's arcs and c_min by a
 * shortest-path search, then checks that (1) no used path is cheaper than c_min (that would mean the
 * path uses an arc its segment may not use, or that times disagree), (2) the recomputed gap does not
 * exceed the reported `convergence.relativeGap` (with a small slack), (3) segments with value of time
 * 0 — routed on money once — use money-cheapest paths, and (4) every used path is within a relative
 * tolerance of c_min: the one given, else the `convergence.maxPathExcess` the solver reports (with the
 * same slack as the gap), else none.
 *
 * Generalized cost of an arc for a segment of value of time VOT (USD per unit per day), as in
 * src/algorithms/routing/options.ts:
 *
 *     money + VOT × time,  money = link cost (+ head handling cost when the head is not split)
 *                                  + segment-specific surcharges,
 *                          time  = the link's reported `timeDays` (+ segment-specific surcharge days)
 *
 * Node-handling arcs cost their handling cost and their time from `result.nodes[].timeDays` (dwell
 * plus queueing), or their free-flow dwell when the result does not report node times (or
 * `nodeTimeDays(arc, utilization)` when given). With the default `time`
 * weighting the gap sums costs divided by each segment's VOT (time units, as the assignment problem
 * does) and leaves VOT-0 segments out; `money` weighting sums USD.
 *
 * Reference: Wardrop (1952), Some theoretical aspects of road traffic research; the relative gap as in
 * Boyce, Ralevic-Dekic & Bar-Gera (2004), Convergence of traffic assignments: how much is enough?
 */

import { describeValue, InvalidArgumentError } from '../../model/errors.js';
import type { SegmentSurcharge } from '../../scenario/apply.js';
import { checkShape, fmt, MODULE, segmentForbids, segmentsById, throwIfAny, tolerance } from './_internal.js';
import { type CompiledArc, compiledArcs, type NodeArc } from './compiledArcs.js';
import type { CheckableResult, CheckedPath, ToleranceOptions, Violation } from './types.js';

/** Options of {@link checkEquilibrium}. */
export interface EquilibriumOptions extends ToleranceOptions {
  /**
   * The arc table of the compiled network, when the runner numbers arcs differently from corridor-sim.
   * @defaultValue compiledArcs(result.applied.network)
   */
  readonly arcs?: readonly CompiledArc[];
  /**
   * Segment-specific surcharges of the scenario (`applyScenario(...).segmentSurcharges`); results do
   * not carry them.
   * @defaultValue []
   */
  readonly segmentSurcharges?: readonly SegmentSurcharge[];
  /**
   * Time of a node-handling arc at its utilisation, days.
   * @defaultValue `result.nodes[].timeDays[commodity]` when reported, else the free-flow dwell
   */
  readonly nodeTimeDays?: (arc: NodeArc, utilization: number) => number;
  /**
   * How path costs are summed into the gap: `time` (cost / VOT; VOT-0 segments left out) or `money` (USD).
   * @defaultValue 'time'
   */
  readonly weighting?: 'time' | 'money';
  /**
   * Relative slack on the reported gap: the recomputed gap may reach `reported × (1 + gapSlack) + absoluteTolerance`.
   * @defaultValue 0.01
   */
  readonly gapSlack?: number;
  /**
   * Commodities whose flows are routed by user equilibrium (a solver may route others differently,
   * e.g. crude by a min-cost program); flows of other commodities are not checked.
   * @defaultValue every commodity
   */
  readonly commodities?: readonly string[];
  /**
   * When set, every used path must cost at most `c_min × (1 + pathTolerance) + absoluteTolerance`.
   * @defaultValue the reported `convergence.maxPathExcess × (1 + gapSlack)` when the result has one
   *   (the equilibrium solver's), else undefined (only the gap is checked; the gap bounds the
   *   *volume-weighted* excess)
   */
  readonly pathTolerance?: number;
}

const DEFAULTS = { weighting: 'time' as const, gapSlack: 0.01 };

interface Graph {
  readonly vertexCount: number;
  readonly tail: Int32Array;
  readonly head: Int32Array;
  readonly outStart: Int32Array;
  readonly outArcs: Int32Array;
  readonly entry: (node: string, commodity: string) => number;
  readonly exit: (node: string, commodity: string) => number;
}

/** The vertex model of the compiler: one vertex per node, plus entry/exit copies of split nodes. */
function buildGraph(result: Pick<CheckableResult, 'applied'>, arcs: readonly CompiledArc[]): Graph {
  const graph = result.applied.network.graph;
  const nodeIndex = new Map(graph.nodes().map((id, i) => [id, i]));
  const split = new Map<string, number>();
  let vertexCount = nodeIndex.size;
  for (const arc of arcs) {
    if (arc.kind === 'node') {
      split.set(`${arc.node}\u0000${arc.commodity}`, vertexCount);
      vertexCount += 2;
    }
  }
  const entry = (node: string, commodity: string) =>
    split.get(`${node}\u0000${commodity}`) ?? nodeIndex.get(node)!;
  const exit = (node: string, commodity: string) => {
    const s = split.get(`${node}\u0000${commodity}`);
    return s === undefined ? nodeIndex.get(node)! : s + 1;
  };
  const tail = new Int32Array(arcs.length);
  const head = new Int32Array(arcs.length);
  arcs.forEach((arc, a) => {
    if (arc.kind === 'link') {
      tail[a] = exit(arc.link.from, arc.link.commodity);
      head[a] = entry(arc.link.to, arc.link.commodity);
    } else {
      tail[a] = entry(arc.node, arc.commodity);
      head[a] = exit(arc.node, arc.commodity);
    }
  });
  const outStart = new Int32Array(vertexCount + 1);
  for (let a = 0; a < arcs.length; a++) outStart[tail[a]! + 1]!++;
  for (let v = 0; v < vertexCount; v++) outStart[v + 1]! += outStart[v]!;
  const fill = outStart.slice(0, vertexCount);
  const outArcs = new Int32Array(arcs.length);
  for (let a = 0; a < arcs.length; a++) outArcs[fill[tail[a]!]!++] = a;
  return { vertexCount, tail, head, outStart, outArcs, entry, exit };
}

/** Label-correcting shortest paths (FIFO queue) on non-negative costs; Infinity marks forbidden arcs. */
function shortestFrom(g: Graph, source: number, cost: Float64Array): Float64Array {
  const dist = new Float64Array(g.vertexCount).fill(Number.POSITIVE_INFINITY);
  const queued = new Uint8Array(g.vertexCount);
  const queue: number[] = [source];
  dist[source] = 0;
  queued[source] = 1;
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q]!;
    queued[u] = 0;
    for (let p = g.outStart[u]!; p < g.outStart[u + 1]!; p++) {
      const a = g.outArcs[p]!;
      const c = cost[a]!;
      if (c === Number.POSITIVE_INFINITY) continue;
      const v = g.head[a]!;
      const d = dist[u]! + c;
      if (d < dist[v]!) {
        dist[v] = d;
        if (!queued[v]) {
          queued[v] = 1;
          queue.push(v);
        }
      }
    }
  }
  return dist;
}

function describePath(arcs: readonly CompiledArc[], path: readonly number[]): string {
  return path
    .map((a) => {
      const arc = arcs[a];
      return !arc ? `#${a}` : arc.kind === 'link' ? arc.link.id : `[${arc.node}]`;
    })
    .join(',');
}

interface Group {
  readonly flowId: string;
  readonly segmentId: string;
  readonly paths: CheckedPath[];
}

/**
 * Check Wardrop equilibrium conditions within the reported relative gap.
 *
 * @param result - reads `paths`, `ods`, `links` (timeDays, capacity), `nodes` (utilization, when
 *   `nodeTimeDays` is given), `convergence.relativeGap` (0 when absent) and `applied`
 * @param options - arc table, segment surcharges, node times, weighting, slack, per-path tolerance
 * @returns the violations (empty when the invariant holds, or when the result has no paths)
 * @throws InvalidArgumentError on bad options or a result without `links`, `ods` or `applied`
 * @example expect(checkEquilibrium(await simulate(input, s, { solver: 'equilibrium' }))).toEqual([]);
 * @remarks Complexity O(G · V · A) in the worst case for G distinct (origin, destination country,
 * segment) groups (label-correcting search), usually near O(G · A).
 */
export function checkEquilibrium(
  result: Pick<CheckableResult, 'paths' | 'ods' | 'links' | 'nodes' | 'convergence' | 'applied'>,
  options: EquilibriumOptions = {},
): Violation[] {
  checkShape(result, 'checkEquilibrium', ['links', 'ods', 'applied']);
  const tol = tolerance(options, 'checkEquilibrium');
  const weighting = options.weighting ?? DEFAULTS.weighting;
  if (weighting !== 'time' && weighting !== 'money') {
    throw new InvalidArgumentError(
      MODULE,
      'checkEquilibrium: options.weighting',
      `must be 'time' or 'money', got ${JSON.stringify(weighting)}`,
    );
  }
  const gapSlack = options.gapSlack ?? DEFAULTS.gapSlack;
  if (typeof gapSlack !== 'number' || !(gapSlack >= 0) || !Number.isFinite(gapSlack)) {
    throw new InvalidArgumentError(
      MODULE,
      'checkEquilibrium: options.gapSlack',
      `must be a finite number ≥ 0, got ${describeValue(gapSlack)}`,
    );
  }
  if (options.commodities !== undefined && !Array.isArray(options.commodities)) {
    throw new InvalidArgumentError(
      MODULE,
      'checkEquilibrium: options.commodities',
      'must be an array of commodity ids',
    );
  }
  const given = options.pathTolerance;
  if (given !== undefined && (typeof given !== 'number' || !(given >= 0))) {
    throw new InvalidArgumentError(
      MODULE,
      'checkEquilibrium: options.pathTolerance',
      `must be a number ≥ 0, got ${describeValue(given)}`,
    );
  }
  // without a tolerance of its own, every used path is held to the excess the solver reports
  const claimed = result.convergence?.maxPathExcess;
  const pathTolerance =
    given ?? (typeof claimed === 'number' && claimed >= 0 ? claimed * (1 + gapSlack) : undefined);
  const out: Violation[] = [];
  if (!result.paths || result.paths.length === 0) return out;
  const { network, demand } = result.applied;
  const graph = network.graph;
  const arcs = options.arcs ?? compiledArcs(network);
  const g = buildGraph(result, arcs);
  const segments = segmentsById(demand);
  const ods = new Map(result.ods.map((od) => [od.id, od]));
  const nodesById = new Map((result.nodes ?? []).map((n) => [n.id, n]));

  // Arc money and time, shared by every segment.
  const baseMoney = new Float64Array(arcs.length);
  const baseTime = new Float64Array(arcs.length);
  const open = new Uint8Array(arcs.length);
  arcs.forEach((arc, a) => {
    baseMoney[a] = arc.costUsd;
    if (arc.kind === 'link') {
      const reported = result.links[a];
      baseTime[a] = reported?.timeDays ?? arc.freeFlowDays;
      const capacity = reported?.capacity ?? (arc.link.status === 'active' ? 1 : 0);
      open[a] = arc.link.status !== 'closed' && capacity > 0 ? 1 : 0;
    } else {
      const node = nodesById.get(arc.node);
      baseTime[a] = options.nodeTimeDays
        ? options.nodeTimeDays(arc, node?.utilization[arc.commodity] ?? 0)
        : (node?.timeDays?.[arc.commodity] ?? arc.freeFlowDays);
      // the result's own capacity when reported (a solver may treat tiny capacities as closed)
      open[a] = (node?.capacity?.[arc.commodity] ?? arc.capacityPerYear) > 0 ? 1 : 0;
    }
  });
  const surchargeMoney = new Map<string, Float64Array>();
  const surchargeTime = new Map<string, Float64Array>();
  const linkArc = new Map<string, number>();
  arcs.forEach((arc, a) => {
    if (arc.kind === 'link') linkArc.set(arc.link.id, a);
  });
  for (const s of options.segmentSurcharges ?? []) {
    const a = linkArc.get(s.link);
    if (a === undefined) continue;
    for (const segment of s.segments) {
      if (!surchargeMoney.has(segment)) {
        surchargeMoney.set(segment, new Float64Array(arcs.length));
        surchargeTime.set(segment, new Float64Array(arcs.length));
      }
      surchargeMoney.get(segment)![a]! += s.costUsdPerUnit;
      surchargeTime.get(segment)![a]! += s.transitDays;
    }
  }

  const groups = new Map<string, Group>();
  for (const path of result.paths) {
    if (!(path.volume > tol.absolute)) continue;
    const key = `${path.flowId}\u0000${path.segmentId}`;
    let group = groups.get(key);
    if (!group) {
      group = { flowId: path.flowId, segmentId: path.segmentId, paths: [] };
      groups.set(key, group);
    }
    group.paths.push(path);
  }

  const searches = new Map<string, { dist: Float64Array; cost: Float64Array }>();
  let excessTotal = 0;
  let baseTotal = 0;
  const contributions: { subject: string; excess: number; detail: string }[] = [];
  for (const group of groups.values()) {
    const od = ods.get(group.flowId);
    const segment = segments.get(group.segmentId);
    if (!od || !segment || !graph.hasNode(od.origin) || !graph.hasNode(od.destination)) continue; // checkPaths reports these
    if (options.commodities && !options.commodities.includes(od.commodity)) continue;
    const subject = `flow ${group.flowId}/${group.segmentId}`;
    const vot = segment.valueOfTimeUsdPerUnitDay;
    const extraMoney = surchargeMoney.get(segment.id);
    const extraTime = surchargeTime.get(segment.id);
    // A segment with value of time 0 ignores time altogether (even an infinite one).
    const arcCost = (a: number) =>
      baseMoney[a]! + (extraMoney?.[a] ?? 0) + (vot > 0 ? vot * (baseTime[a]! + (extraTime?.[a] ?? 0)) : 0);
    const exempt = new Set([
      graph.getNodeAttributes(od.origin).country,
      graph.getNodeAttributes(od.destination).country,
    ]);
    const key = `${od.origin}\u0000${[...exempt].sort().join(',')}\u0000${od.commodity}\u0000${segment.id}`;
    let search = searches.get(key);
    if (!search) {
      const cost = new Float64Array(arcs.length);
      arcs.forEach((arc, a) => {
        const commodity = arc.kind === 'link' ? arc.link.commodity : arc.commodity;
        const allowed =
          open[a] === 1 &&
          commodity === od.commodity &&
          (arc.kind === 'node' || segmentForbids(segment, arc.link, exempt) === undefined);
        cost[a] = allowed ? arcCost(a) : Number.POSITIVE_INFINITY;
      });
      search = { dist: shortestFrom(g, g.exit(od.origin, od.commodity), cost), cost };
      searches.set(key, search);
    }
    const cMin = search.dist[g.entry(od.destination, od.commodity)]!;
    // Path costs as charged (forbidden arcs at their would-be cost, so that the comparison stays finite).
    const pathCost = (path: CheckedPath) => {
      let c = 0;
      for (const a of path.arcs) {
        if (a < 0 || a >= arcs.length) return Number.NaN;
        c += arcCost(a);
      }
      return c;
    };
    if (cMin === Number.POSITIVE_INFINITY) {
      out.push({
        invariant: 'equilibrium',
        subject,
        message: 'is routed, but no allowed path joins its origin and destination',
      });
      continue;
    }
    let excess = 0;
    let volume = 0;
    let worst = { cost: cMin, path: group.paths[0]! };
    for (const path of group.paths) {
      const c = pathCost(path);
      if (Number.isNaN(c)) continue; // checkPaths reports unknown arcs
      volume += path.volume;
      if (c < cMin - tol.absolute - tol.relative * cMin) {
        out.push({
          invariant: 'equilibrium',
          subject,
          message: `path ${describePath(arcs, path.arcs)} costs ${fmt(c)}, less than the cheapest allowed path ${fmt(cMin)}: it uses an arc the segment may not use, or link times disagree`,
          expected: cMin,
          actual: c,
        });
      }
      excess += path.volume * Math.max(0, c - cMin);
      if (c > worst.cost) worst = { cost: c, path };
      const limit = vot === 0 && weighting === 'time' ? 0 : pathTolerance;
      if (limit !== undefined && !(c <= cMin * (1 + limit) + tol.absolute + tol.relative * cMin)) {
        out.push({
          invariant: 'equilibrium',
          subject,
          message: `used path ${describePath(arcs, path.arcs)} costs ${fmt(c)}, above the cheapest ${fmt(cMin)}${vot === 0 ? ' (value of time 0: routed on money, must be cheapest)' : ` by more than ${fmt(limit * 100)} %`}`,
          expected: cMin,
          actual: c,
        });
      }
    }
    if (weighting === 'time' && vot === 0) continue;
    const scale = weighting === 'time' ? 1 / vot : 1;
    excessTotal += excess * scale;
    baseTotal += volume * cMin * scale;
    if (excess > 0) {
      contributions.push({
        subject,
        excess: excess * scale,
        detail: `${subject}: path ${describePath(arcs, worst.path.arcs)} costs ${fmt(worst.cost)} vs cheapest ${fmt(cMin)}`,
      });
    }
  }
  const reported = result.convergence?.relativeGap ?? 0;
  const gap = baseTotal > 0 ? excessTotal / baseTotal : excessTotal > 0 ? Number.POSITIVE_INFINITY : 0;
  if (gap > reported * (1 + gapSlack) + tol.absolute) {
    contributions.sort((a, b) => b.excess - a.excess);
    out.push({
      invariant: 'equilibrium',
      subject: 'result',
      message: `relative gap recomputed from paths and link times is ${fmt(gap)}, above the reported ${fmt(reported)}; largest contributions: ${contributions
        .slice(0, 3)
        .map((c) => c.detail)
        .join('; ')}`,
      expected: reported,
      actual: gap,
    });
  }
  return out;
}

/**
 * Like {@link checkEquilibrium}, but throws.
 *
 * @param result - see {@link checkEquilibrium}
 * @param options - see {@link EquilibriumOptions}
 * @throws InvariantError carrying every violation
 * @example assertEquilibrium(result, { segmentSurcharges: applied.segmentSurcharges });
 */
export function assertEquilibrium(
  result: Pick<CheckableResult, 'paths' | 'ods' | 'links' | 'nodes' | 'convergence' | 'applied'>,
  options: EquilibriumOptions = {},
): void {
  throwIfAny(checkEquilibrium(result, options));
}
