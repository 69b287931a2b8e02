/**
 * Equilibrium assignment on a corridor network
 * ============================================
 *
 * `assignNetwork(network, demand, options)` compiles a {@link Network} (links, plus node arcs for
 * handling capacities at terminals and borders), turns the demand's shipper segments into user
 * classes, runs an assignment algorithm and maps the result back to ids: link flows, node-arc flows,
 * path flows per (demand flow, segment) with their link ids, and the convergence report.
 *
 * Units: volumes per year in the commodity's unit (TEU/yr, t/yr), times in days, money in USD per
 * unit. A class perceives an arc at  t(v) + dwell + money / VOT  days, where t is the arc's
 * volume-delay function on its free-flow transit time (link `transitDays`, or the dwell of a node
 * arc), dwell at unsplit nodes is a constant, and money is the link's cost plus handling cost plus
 * any per-segment surcharge. Generalized cost in USD = money + VOT · days.
 *
 * Classes: one per (commodity, segment, effectively avoided countries). A segment's
 * `avoidCountries` forbid every arc that touches one of them (a link's `countries` or either
 * endpoint's country, as in routing), except the countries of the flow's own origin and destination;
 * `avoidLinks` forbid those links. Arcs of other commodities and inactive (planned and not yet open,
 * or closed) links are closed. A segment with value of time 0 routes on money only.
 */

import { requireDemand } from '../../data/guards.js';
import { type Demand, flowSegments } from '../../model/demand.js';
import { InvalidArgumentError, NotFoundError } from '../../model/errors.js';
import type { CommodityId, LinkId, NodeId, SegmentId } from '../../model/ids.js';
import type { LinkAttributes, Network } from '../../model/network.js';
import { requireNetwork } from '../../model/network.js';
import { compileNetwork } from '../_internal/compile.js';
import type { AssignmentObjective } from './arcCosts.js';
import type { PathSet } from './pathSet.js';
import { type AssignmentClassInput, createAssignmentProblem } from './problem.js';
import type { AssignmentResult, AssignmentStatus } from './result.js';
import { type SolveAssignmentOptions, solveAssignment } from './solveAssignment.js';
import type { VolumeDelayFunction } from './vdf.js';

const MODULE = 'corridor-sim/assignment';

const DEFAULTS = {
  algorithm: 'path' as const,
  relativeGap: 1e-6,
  maxIterations: 500,
};

/** Algorithms available through {@link assignNetwork}; only `path` and `logit` return path flows. */
export type NetworkAssignmentAlgorithm = 'path' | 'logit' | 'bfw' | 'cfw' | 'fw' | 'msa' | 'aon';

/** Options of {@link assignNetwork}. */
export interface AssignNetworkOptions {
  /** Decimal year: planned links that open on or before it are active. Default: none open. */
  readonly year?: number;
  /** Algorithm (default `path`, gradient projection). */
  readonly algorithm?: NetworkAssignmentAlgorithm;
  /** Target relative gap (default 1e-6; for `logit` the fixed-point residual). */
  readonly relativeGap?: number;
  /** Iteration limit (default 500). */
  readonly maxIterations?: number;
  /** Time limit in seconds. */
  readonly maxSeconds?: number;
  /** `user-equilibrium` (default) or `system-optimum` (not with `logit`). */
  readonly objective?: AssignmentObjective;
  /** Logit dispersion θ per day of generalized time (required for `logit`). */
  readonly theta?: number;
  /** Logit: path-size correction (default false). */
  readonly pathSize?: boolean;
  /** Logit: link-penalty alternatives generated per OD (default 4). */
  readonly pathsPerOd?: number;
  /** Volume-delay function of node arcs (handling capacity); default `network.defaultVdf`. */
  readonly nodeVdf?: VolumeDelayFunction;
  /**
   * Override of a link's volume-delay function (e.g. the capacity-respecting `davidson` form for
   * border crossings and ferries); return undefined to keep `link.vdf ?? network.defaultVdf`.
   */
  readonly linkVdf?: (link: LinkAttributes) => VolumeDelayFunction | undefined;
  /** Extra money per unit on links for one segment: `surcharges[segmentId][linkId]` USD/unit (≥ 0). */
  readonly surcharges?: Readonly<Record<SegmentId, Readonly<Record<LinkId, number>>>>;
  /** An earlier result (`path`/`logit`) whose path flows seed this run (for sweeps). */
  readonly warmStart?: AssignNetworkResult;
}

/** One path of a (demand flow, segment). */
export interface RoutePath {
  /** Link ids in travel order. */
  readonly links: readonly LinkId[];
  /** Node ids visited, origin first. */
  readonly nodes: readonly NodeId[];
  /** Volume per year on this path. */
  readonly volume: number;
  /** Transit time at the equilibrium volumes, days (congested travel + dwell). */
  readonly timeDays: number;
  /** Money cost, USD per unit (costs, handling, surcharges). */
  readonly moneyUsd: number;
  /** moneyUsd + value of time × timeDays, USD per unit. */
  readonly generalizedCostUsd: number;
}

/** The paths of one (demand flow, segment). */
export interface FlowPaths {
  /** Demand flow id. */
  readonly flowId: string;
  /** Segment id. */
  readonly segmentId: SegmentId;
  /** Assigned volume per year (the flow's volume × the segment's share). */
  readonly volume: number;
  /** Paths with positive volume. */
  readonly paths: readonly RoutePath[];
}

/** Demand that could not be assigned. */
export interface UnassignedFlow {
  /** Demand flow id. */
  readonly flowId: string;
  /** Segment id. */
  readonly segmentId: SegmentId;
  /** Volume per year. */
  readonly volume: number;
  /** Why: no path avoids the segment's forbidden countries/links and closed links. */
  readonly reason: 'no-path';
}

/** A link or node arc whose volume exceeds its capacity. */
export interface OverCapacity {
  /** `link` or `node` (handling capacity). */
  readonly kind: 'link' | 'node';
  /** Link or node id. */
  readonly id: string;
  /** Commodity. */
  readonly commodity: CommodityId;
  /** Volume per year. */
  readonly volume: number;
  /** Capacity per year. */
  readonly capacity: number;
}

/** Result of {@link assignNetwork}. */
export interface AssignNetworkResult {
  /** How the run ended. */
  readonly status: AssignmentStatus;
  /** Why it stopped. */
  readonly stopReason: string;
  /** Algorithm used. */
  readonly algorithm: NetworkAssignmentAlgorithm;
  /** Flow updates performed. */
  readonly iterations: number;
  /** Relative gap reached (logit: fixed-point residual). */
  readonly relativeGap: number;
  /** Gap per iteration. */
  readonly gapHistory: readonly number[];
  /** Beckmann objective, days × units. */
  readonly beckmann: number;
  /** Σ volume × generalized time (days-equivalent × units). */
  readonly totalCostDays: number;
  /** Σ volume × generalized cost in USD (money + VOT × days), per year. */
  readonly totalCostUsd: number;
  /** Wall-clock seconds. */
  readonly seconds: number;
  /** Volume per year by link id (0 for inactive links). */
  readonly linkFlows: Readonly<Record<LinkId, number>>;
  /** Congested transit time by link id, days (VDF time of the link, without node dwell). */
  readonly linkTimesDays: Readonly<Record<LinkId, number>>;
  /** Volume per year through each node's handling (node arcs), by node id and commodity. */
  readonly nodeFlows: Readonly<Record<NodeId, Readonly<Record<CommodityId, number>>>>;
  /** Path flows per (demand flow, segment); empty for the link-based algorithms. */
  readonly paths: readonly FlowPaths[];
  /** Demand left unassigned. */
  readonly unassigned: readonly UnassignedFlow[];
  /** Links and node arcs loaded above capacity. */
  readonly overCapacity: readonly OverCapacity[];
}

interface Entry {
  readonly flowId: string;
  readonly segmentId: SegmentId;
  readonly classIndex: number;
  readonly origin: number;
  readonly destination: number;
  readonly volume: number;
}

function checkNumber(value: unknown, name: string, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new InvalidArgumentError(MODULE, name, `must be a finite number ≥ ${min}, got ${String(value)}`);
  }
  return value;
}

/**
 * Assign a demand to a corridor network at user equilibrium (or logit SUE, or system optimum).
 *
 * @param network - the corridor network (not mutated)
 * @param demand - flows and shipper segments (filter a year first with `demandForYear`)
 * @param options - algorithm, convergence, VDF overrides, surcharges, warm start
 * @returns link, node and path flows by id, unassigned demand, overloads and the convergence report
 * @throws NotFoundError when a flow names a missing node or commodity, a segment avoids a missing
 *   link, or a surcharge names a missing segment or link; InvalidArgumentError on invalid options, volumes or values of time
 * @example
 * const result = assignNetwork(network, demand, { relativeGap: 1e-8 });
 * result.linkFlows['aktau-baku']; // TEU/yr on the Caspian ferry
 * result.paths[0].paths.map((p) => [p.links, p.volume]);
 * @remarks Complexity: compile O(N + L), classes O(K·M), then the algorithm's (path: one shortest-path
 *   tree per class and origin per iteration). References: Beckmann et al. (1956); Jayakrishnan et al. (1994).
 */
export function assignNetwork(
  network: Network,
  demand: Demand,
  options: AssignNetworkOptions = {},
): AssignNetworkResult {
  requireNetwork(network, 'corridor-sim/assignment', 'network');
  requireDemand(demand, network, 'corridor-sim/assignment', 'demand');
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(MODULE, 'options', `must be an object, got ${String(options)}`);
  }
  const algorithm = options.algorithm ?? DEFAULTS.algorithm;
  if (options.year !== undefined) checkNumber(options.year, 'options.year', Number.NEGATIVE_INFINITY);
  const compiled = compileNetwork(network, options.year === undefined ? {} : { year: options.year });
  const graph = network.graph;
  const { csr, linkCount, commodityIds } = compiled;
  const M = csr.arcCount;
  const N = compiled.nodeIds.length;

  // Step 1: arcs — VDF on transit time (links) or dwell (node arcs); unsplit-node dwell is constant.
  const freeFlowTime = new Float64Array(M);
  const fixedCost = new Float64Array(M);
  const vdf: VolumeDelayFunction[] = new Array(M);
  const closed: number[] = [];
  for (let e = 0; e < M; e++) {
    if (compiled.arcActive[e] !== 1) closed.push(e);
    if (e < linkCount) {
      const link = graph.getEdgeAttributes(compiled.linkIds[e]!);
      freeFlowTime[e] = link.transitDays;
      fixedCost[e] = Math.max(0, compiled.timeDays[e]! - link.transitDays);
      vdf[e] = options.linkVdf?.(link) ?? link.vdf ?? network.defaultVdf;
    } else {
      freeFlowTime[e] = compiled.timeDays[e]!;
      vdf[e] = options.nodeVdf ?? network.defaultVdf;
    }
  }

  // Step 2: classes from (commodity, segment, effectively avoided countries).
  const surcharges = options.surcharges ?? {};
  const segmentIds = new Set(demand.segments.map((s) => s.id));
  for (const [segmentId, perLink] of Object.entries(surcharges)) {
    if (!segmentIds.has(segmentId)) throw new NotFoundError(MODULE, 'segment', segmentId);
    for (const [linkId, value] of Object.entries(perLink)) {
      if (!compiled.linkIndex.has(linkId)) throw new NotFoundError(MODULE, 'link', linkId);
      checkNumber(value, `options.surcharges[${JSON.stringify(segmentId)}][${JSON.stringify(linkId)}]`, 0);
    }
  }
  // countries a link touches: its `countries` plus its endpoints' (as in routing)
  const linkCountries = compiled.linkIds.map((id) => {
    const link = graph.getEdgeAttributes(id);
    return [
      ...link.countries,
      graph.getNodeAttribute(link.from, 'country'),
      graph.getNodeAttribute(link.to, 'country'),
    ];
  });
  const classKeys = new Map<string, number>();
  const classInputs: (AssignmentClassInput & {
    origins: number[];
    destinations: number[];
    volumes: number[];
  })[] = [];
  const classMoney: Float64Array[] = [];
  const classVot: number[] = [];
  const entries: Entry[] = [];
  demand.flows.forEach((flow, i) => {
    const at = `demand.flows[${i}]`;
    const origin = compiled.nodeIndex.get(flow.origin);
    if (origin === undefined) throw new NotFoundError(MODULE, 'node', flow.origin);
    const destination = compiled.nodeIndex.get(flow.destination);
    if (destination === undefined) throw new NotFoundError(MODULE, 'node', flow.destination);
    const c = commodityIds.indexOf(flow.commodity);
    if (c < 0) throw new NotFoundError(MODULE, 'commodity', flow.commodity);
    checkNumber(flow.volumePerYear, `${at}.volumePerYear`, 0);
    if (origin === destination || flow.volumePerYear === 0) return;
    const exempt = new Set([
      graph.getNodeAttribute(flow.origin, 'country'),
      graph.getNodeAttribute(flow.destination, 'country'),
    ]);
    for (const { segment, share } of flowSegments(demand, flow)) {
      const vot = checkNumber(
        segment.valueOfTimeUsdPerUnitDay,
        `segment ${JSON.stringify(segment.id)}.valueOfTimeUsdPerUnitDay`,
        0,
      );
      const avoid = (segment.avoidCountries ?? []).filter((country) => !exempt.has(country)).sort();
      const key = `${flow.commodity}|${segment.id}|${avoid.join(',')}`;
      let k = classKeys.get(key);
      if (k === undefined) {
        k = classInputs.length;
        classKeys.set(key, k);
        const avoidSet = new Set(avoid);
        const avoidLinks = new Set(segment.avoidLinks ?? []);
        for (const id of avoidLinks)
          if (!compiled.linkIndex.has(id)) throw new NotFoundError(MODULE, 'link', id);
        const money = compiled.costUsd.slice();
        const extra = surcharges[segment.id] ?? {};
        for (const [linkId, value] of Object.entries(extra)) {
          const e = compiled.linkIndex.get(linkId)!;
          money[e] = money[e]! + value;
        }
        const forbidden: number[] = [];
        for (let e = 0; e < M; e++) {
          let banned = compiled.arcCommodity[e] !== c;
          if (!banned && e < linkCount) {
            banned = avoidLinks.has(compiled.linkIds[e]!) || linkCountries[e]!.some((x) => avoidSet.has(x));
          } else if (!banned) {
            banned = avoidSet.has(graph.getNodeAttribute(compiled.nodeIds[compiled.arcNode[e]!]!, 'country'));
          }
          if (banned) forbidden.push(e);
        }
        classInputs.push({
          id: key,
          origins: [],
          destinations: [],
          volumes: [],
          valueOfTime: vot,
          moneyCost: money,
          forbiddenArcs: forbidden,
        });
        classMoney.push(money);
        classVot.push(vot);
      }
      const volume = flow.volumePerYear * share;
      const o = compiled.exitVertex[c * N + origin]!;
      const d = compiled.entryVertex[c * N + destination]!;
      const cls = classInputs[k]!;
      cls.origins.push(o);
      cls.destinations.push(d);
      cls.volumes.push(volume);
      entries.push({
        flowId: flow.id,
        segmentId: segment.id,
        classIndex: k,
        origin: o,
        destination: d,
        volume,
      });
    }
  });
  if (classInputs.length === 0) {
    // nothing to assign: a single empty class keeps the problem well formed
    classInputs.push({ id: 'none', origins: [], destinations: [], volumes: [] });
    classMoney.push(new Float64Array(M));
    classVot.push(1);
  }
  const problem = createAssignmentProblem({
    nodeCount: csr.nodeCount,
    tail: csr.tail,
    head: csr.head,
    freeFlowTime,
    capacity: compiled.capacity,
    vdf,
    fixedCost,
    closedArcs: closed,
    classes: classInputs,
  });

  // Step 3: solve.
  const common = {
    relativeGap: options.relativeGap ?? DEFAULTS.relativeGap,
    maxIterations: options.maxIterations ?? DEFAULTS.maxIterations,
    ...(options.maxSeconds === undefined ? {} : { maxSeconds: options.maxSeconds }),
  };
  const warm = options.warmStart === undefined ? undefined : warmPaths(options.warmStart, compiled, entries);
  let solve: SolveAssignmentOptions;
  if (algorithm === 'logit') {
    if (options.objective === 'system-optimum') {
      throw new InvalidArgumentError(
        MODULE,
        'options.objective',
        "'system-optimum' is not available with 'logit'",
      );
    }
    if (options.theta === undefined) {
      throw new InvalidArgumentError(MODULE, 'options.theta', "is required with algorithm 'logit'");
    }
    solve = {
      algorithm,
      ...common,
      theta: options.theta,
      ...(options.pathSize === undefined ? {} : { pathSize: options.pathSize }),
      ...(options.pathsPerOd === undefined ? {} : { pathsPerOd: options.pathsPerOd }),
      ...(warm === undefined ? {} : { warmStart: { paths: warm } }),
    };
  } else {
    const objective = options.objective === undefined ? {} : { objective: options.objective };
    if (algorithm === 'path') {
      solve = {
        algorithm,
        ...common,
        ...objective,
        ...(warm === undefined ? {} : { warmStart: { paths: warm } }),
      };
    } else if (algorithm === 'aon') {
      solve = { algorithm, relativeGap: common.relativeGap, ...objective };
    } else if (algorithm === 'msa' || algorithm === 'fw' || algorithm === 'cfw' || algorithm === 'bfw') {
      solve = { algorithm, ...common, ...objective };
    } else {
      throw new InvalidArgumentError(
        MODULE,
        'options.algorithm',
        `must be one of path, logit, bfw, cfw, fw, msa, aon, got ${JSON.stringify(algorithm)}`,
      );
    }
  }
  const result = solveAssignment(problem, solve);
  return mapResult(
    result,
    algorithm,
    compiled,
    problem.unreachable,
    classKeys,
    entries,
    classMoney,
    classVot,
    fixedCost,
  );
}

/** Translate an earlier result's link-id paths into a PathSet on this compiled network. */
function warmPaths(
  previous: AssignNetworkResult,
  compiled: ReturnType<typeof compileNetwork>,
  entries: readonly Entry[],
): PathSet {
  const { csr, linkIndex } = compiled;
  const byFlow = new Map<string, Entry>();
  for (const entry of entries) byFlow.set(`${entry.flowId}\u0000${entry.segmentId}`, entry);
  const odClass: number[] = [];
  const odOrigin: number[] = [];
  const odDestination: number[] = [];
  const odPathStart: number[] = [0];
  const pathArcStart: number[] = [0];
  const pathArcs: number[] = [];
  const pathFlow: number[] = [];
  for (const group of previous?.paths ?? []) {
    const entry = byFlow.get(`${group.flowId}\u0000${group.segmentId}`);
    if (entry === undefined) continue;
    for (const path of group.paths) {
      const arcs: number[] = [];
      let ok = true;
      for (const id of path.links) {
        const e = linkIndex.get(id);
        if (e === undefined) {
          ok = false;
          break;
        }
        const previousArc = arcs[arcs.length - 1];
        if (previousArc !== undefined && csr.head[previousArc] !== csr.tail[e]) {
          // a split node between the two links: insert its node arc
          const from = csr.head[previousArc]!;
          let bridge = -1;
          for (let q = csr.outStart[from]!; q < csr.outStart[from + 1]!; q++) {
            const a = csr.outArcs[q]!;
            if (compiled.arcNode[a]! >= 0 && csr.head[a] === csr.tail[e]) bridge = a;
          }
          if (bridge < 0) {
            ok = false;
            break;
          }
          arcs.push(bridge);
        }
        arcs.push(e);
      }
      if (!ok || arcs.length === 0) continue;
      pathArcs.push(...arcs);
      pathArcStart.push(pathArcs.length);
      pathFlow.push(path.volume);
    }
    odClass.push(entry.classIndex);
    odOrigin.push(entry.origin);
    odDestination.push(entry.destination);
    odPathStart.push(pathFlow.length);
  }
  return {
    odClass: Int32Array.from(odClass),
    odOrigin: Int32Array.from(odOrigin),
    odDestination: Int32Array.from(odDestination),
    odDemand: new Float64Array(odClass.length),
    odPathStart: Int32Array.from(odPathStart),
    pathArcStart: Int32Array.from(pathArcStart),
    pathArcs: Int32Array.from(pathArcs),
    pathFlow: Float64Array.from(pathFlow),
    pathCost: new Float64Array(pathFlow.length),
  };
}

function mapResult(
  result: AssignmentResult,
  algorithm: NetworkAssignmentAlgorithm,
  compiled: ReturnType<typeof compileNetwork>,
  unreachable: ReturnType<typeof createAssignmentProblem>['unreachable'],
  classKeys: ReadonlyMap<string, number>,
  entries: readonly Entry[],
  classMoney: readonly Float64Array[],
  classVot: readonly number[],
  fixedCost: Float64Array,
): AssignNetworkResult {
  const { csr, linkCount, linkIds, nodeIds, commodityIds } = compiled;
  const V = result.arcFlows;
  const times = result.arcTimes;
  const linkFlows: Record<LinkId, number> = {};
  const linkTimesDays: Record<LinkId, number> = {};
  for (let e = 0; e < linkCount; e++) {
    linkFlows[linkIds[e]!] = V[e]!;
    linkTimesDays[linkIds[e]!] = times[e]!;
  }
  const nodeFlows: Record<NodeId, Record<CommodityId, number>> = {};
  const overCapacity: OverCapacity[] = [];
  for (let e = 0; e < csr.arcCount; e++) {
    const isNode = e >= linkCount;
    const commodity = commodityIds[compiled.arcCommodity[e]!]!;
    const id = isNode ? nodeIds[compiled.arcNode[e]!]! : linkIds[e]!;
    if (isNode) {
      const row = nodeFlows[id] ?? {};
      row[commodity] = V[e]!;
      nodeFlows[id] = row;
    }
    const capacity = compiled.capacity[e]!;
    if (V[e]! > capacity * (1 + 1e-9)) {
      overCapacity.push({ kind: isNode ? 'node' : 'link', id, commodity, volume: V[e]!, capacity });
    }
  }
  // generalized cost in USD per class: Σ money + VOT · (time + dwell)
  let totalCostUsd = 0;
  result.classFlows.forEach((flows, k) => {
    const money = classMoney[k]!;
    const vot = classVot[k]!;
    for (let e = 0; e < flows.length; e++) {
      const x = flows[e]!;
      if (x !== 0) totalCostUsd += x * (money[e]! + vot * (times[e]! + fixedCost[e]!));
    }
  });

  // Entries grouped by (class, origin, destination) to split OD path flows back to demand flows.
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = `${entry.classIndex}:${entry.origin}:${entry.destination}`;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [entry]);
    else list.push(entry);
  }
  const unassigned: UnassignedFlow[] = [];
  for (const u of unreachable) {
    const k = Number(classKeys.get(u.classId));
    const list = groups.get(`${k}:${u.origin}:${u.destination}`) ?? [];
    for (const entry of list) {
      unassigned.push({
        flowId: entry.flowId,
        segmentId: entry.segmentId,
        volume: entry.volume,
        reason: 'no-path',
      });
    }
  }
  const pathsByEntry = new Map<Entry, RoutePath[]>();
  const set = result.paths;
  if (set !== undefined) {
    for (let od = 0; od < set.odClass.length; od++) {
      const k = set.odClass[od]!;
      const list = groups.get(`${k}:${set.odOrigin[od]}:${set.odDestination[od]}`) ?? [];
      const total = list.reduce((sum, x) => sum + x.volume, 0);
      if (!(total > 0)) continue;
      for (let q = set.odPathStart[od]!; q < set.odPathStart[od + 1]!; q++) {
        const arcs = set.pathArcs.subarray(set.pathArcStart[q]!, set.pathArcStart[q + 1]!);
        const links: LinkId[] = [];
        const nodes: NodeId[] = [nodeIds[compiled.vertexNode[csr.tail[arcs[0]!]!]!]!];
        let timeDays = 0;
        let moneyUsd = 0;
        for (const a of arcs) {
          if (a < linkCount) links.push(linkIds[a]!);
          const node = nodeIds[compiled.vertexNode[csr.head[a]!]!]!;
          if (nodes[nodes.length - 1] !== node) nodes.push(node);
          timeDays += times[a]! + fixedCost[a]!;
          moneyUsd += classMoney[k]![a]!;
        }
        const generalizedCostUsd = moneyUsd + classVot[k]! * timeDays;
        for (const entry of list) {
          const route: RoutePath = {
            links,
            nodes,
            volume: (set.pathFlow[q]! * entry.volume) / total,
            timeDays,
            moneyUsd,
            generalizedCostUsd,
          };
          const bucket = pathsByEntry.get(entry);
          if (bucket === undefined) pathsByEntry.set(entry, [route]);
          else bucket.push(route);
        }
      }
    }
  }
  const paths: FlowPaths[] = entries
    .filter((entry) => pathsByEntry.has(entry))
    .map((entry) => ({
      flowId: entry.flowId,
      segmentId: entry.segmentId,
      volume: entry.volume,
      paths: pathsByEntry.get(entry)!,
    }));
  return {
    status: result.status,
    stopReason: result.stopReason,
    algorithm,
    iterations: result.iterations,
    relativeGap: result.relativeGap,
    gapHistory: result.gapHistory,
    beckmann: result.beckmann,
    totalCostDays: result.totalCost,
    totalCostUsd,
    seconds: result.seconds,
    linkFlows,
    linkTimesDays,
    nodeFlows,
    paths,
    unassigned,
    overCapacity,
  };
}
