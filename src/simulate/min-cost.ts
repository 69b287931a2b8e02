/**
 * The min-cost solver of `simulate`
 * =================================
 *
 * Hard capacities, system optimum: one LP commodity per (user class, origin) — or per (user class,
 * destination) when the class has fewer destinations than origins — each with its own
 * generalized cost per arc (money + value of time × free-flow days, Infinity where the class may not
 * go), sharing every link and terminal capacity; demand that no route can carry is reported as unmet
 * at a penalty per unit (so the LP is never infeasible). Solved by HiGHS through
 * `multiCommodityFlow`; the capacity duals are the shadow prices of the bottlenecks. Arc flows of each
 * commodity are decomposed into paths for the corridor and country figures.
 */

import type { CompiledNetwork } from '../algorithms/_internal/compile.js';
import { reverseCsr } from '../algorithms/_internal/csr.js';
import { multiCommodityFlow } from '../algorithms/flow/multiCommodityFlow.js';
import { isResidue, type RoutedPath } from './aggregate.js';
import type { DemandClass } from './classes.js';
import { decomposeToSinks } from './decompose.js';

/**
 * HiGHS's presolve, from this many LP columns (commodities × arcs) up. Unlike the single-commodity
 * network LPs of ../shared/bench/BASELINES.md (where presolve costs 3–74×), the large multi-commodity
 * LPs with supply vectors and unmet columns solve faster with presolve: measured on Eurasia 2023 (a
 * new LP each run, commodities per class and destination), simulate with the min-cost solver took
 * 25 ms with presolve against 32 ms without for the baseline (5,390 columns) and 46 against 66 ms for
 * avoid-russia (10,318 columns); with commodities per class and origin it was 93 ms with presolve,
 * 280–350 ms without. On the small crude LP of the equilibrium solver (462 columns) presolve costs
 * more than it saves: simulate took 3.16 ms with it against 2.85 ms without (baseline with a new CPC
 * capacity each run). The threshold lies between the sizes measured.
 */
const PRESOLVE_MIN_COLUMNS = 2000;

/**
 * HiGHS's primal feasibility tolerance (its default, which `multiCommodityFlow` keeps), in units per
 * year: a flow may sit that far below its bound of 0, and clamping it to 0 moves what a destination
 * receives by as much. A destination's shortfall is unmet demand only above this and above the
 * relative residue of its demand (`RESIDUE_RELATIVE`, 1e-9): below both the LP cannot tell it from 0.
 */
const LP_FEASIBILITY_TOLERANCE = 1e-7;

/** Inputs of {@link solveMinCost}. */
export interface MinCostInput {
  readonly compiled: CompiledNetwork;
  readonly classes: readonly DemandClass[];
  /** Effective capacity per arc (0 = closed). */
  readonly arcCapacity: Float64Array;
  /** Cost of a unit of unmet demand, USD. */
  readonly unmetPenaltyUsd: number;
}

/** Output of {@link solveMinCost}. */
export interface MinCostOutput {
  readonly status: 'optimal' | 'failed';
  readonly stopReason: string;
  readonly arcFlow: Float64Array;
  readonly arcTimeDays: Float64Array;
  readonly paths: RoutedPath[];
  /** Unmet volume per demand flow id: 0 when delivered, including a shortfall within the LP's tolerance. */
  readonly unmet: Map<string, number>;
  readonly shadowPrice: Float64Array;
  readonly iterations: number;
}

/**
 * Solve the hard-capacity system optimum.
 *
 * @param input - compiled network, classes, capacities, unmet penalty
 * @returns arc flows, path flows, unmet demand per flow, shadow prices per arc
 */
export async function solveMinCost(input: MinCostInput): Promise<MinCostOutput> {
  const key = problemKey(input);
  const at = CACHE.findIndex((entry) => sameKey(entry.key, key));
  if (at >= 0) {
    // refresh recency
    const [entry] = CACHE.splice(at, 1);
    CACHE.push(entry!);
    return entry!.out;
  }
  const out = await solveUncached(input);
  CACHE.push({ key, out });
  if (CACHE.length > CACHE_SIZE) CACHE.shift();
  return out;
}

/** Everything the LP and its answer depend on: numbers (with a hash of their bits) and ids. */
interface ProblemKey {
  readonly hash: number;
  readonly numbers: Float64Array;
  readonly ids: readonly string[];
}

/**
 * Recently solved problems, least recently used first. Scenarios that leave a commodity's
 * sub-network alone (a container border closure does not touch crude) give the same LP again: the
 * answer is reused, not re-solved. The key holds everything the LP depends on, compared in full, so
 * a hit is the same problem.
 */
const CACHE: { readonly key: ProblemKey; readonly out: MinCostOutput }[] = [];
const CACHE_SIZE = 32;

/** Stands for a forbidden arc among money costs (which are finite). */
const FORBIDDEN = Number.NEGATIVE_INFINITY;

function problemKey(input: MinCostInput): ProblemKey {
  const { compiled, classes, arcCapacity } = input;
  const M = compiled.csr.arcCount;
  const used = new Uint8Array(compiled.commodityIds.length);
  for (const c of classes) used[c.commodityIndex] = 1;
  // written straight into a typed array of the exact size (a key is built on every call)
  let size = 3;
  for (let e = 0; e < M; e++) if (used[compiled.arcCommodity[e]!] === 1) size += 6;
  for (const cls of classes) size += 2 + cls.moneyCost.length + 3 * cls.entries.length;
  const numbers = new Float64Array(size);
  let n = 0;
  numbers[n++] = compiled.csr.nodeCount;
  numbers[n++] = input.unmetPenaltyUsd;
  numbers[n++] = classes.length;
  for (let e = 0; e < M; e++) {
    if (used[compiled.arcCommodity[e]!] !== 1) continue;
    numbers[n++] = e;
    numbers[n++] = compiled.csr.tail[e]!;
    numbers[n++] = compiled.csr.head[e]!;
    numbers[n++] = arcCapacity[e]!;
    numbers[n++] = compiled.arcActive[e]!;
    numbers[n++] = compiled.timeDays[e]!;
  }
  const ids: string[] = [];
  for (const cls of classes) {
    ids.push(cls.id);
    numbers[n++] = cls.valueOfTime;
    numbers[n++] = cls.entries.length;
    for (let e = 0; e < cls.moneyCost.length; e++) {
      const allowed = cls.forbidden[e] !== 1 && used[compiled.arcCommodity[e]!] === 1;
      numbers[n++] = allowed ? cls.moneyCost[e]! : FORBIDDEN;
    }
    for (const x of cls.entries) {
      ids.push(x.flow.id);
      numbers[n++] = x.origin;
      numbers[n++] = x.destination;
      numbers[n++] = x.volume;
    }
  }
  const words = new Int32Array(numbers.buffer);
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i]!, 16777619);
  return { hash, numbers, ids };
}

function sameKey(a: ProblemKey, b: ProblemKey): boolean {
  if (a.hash !== b.hash || a.numbers.length !== b.numbers.length || a.ids.length !== b.ids.length)
    return false;
  for (let i = 0; i < a.numbers.length; i++) if (a.numbers[i] !== b.numbers[i]) return false;
  for (let i = 0; i < a.ids.length; i++) if (a.ids[i] !== b.ids[i]) return false;
  return true;
}

async function solveUncached(input: MinCostInput): Promise<MinCostOutput> {
  const { compiled, classes, arcCapacity } = input;
  const M = compiled.csr.arcCount;
  const V = compiled.csr.nodeCount;
  // One LP commodity per (class, origin) with a supply vector, or per (class, destination) with a
  // demand vector when the class has fewer destinations than origins: ~10× fewer columns than one per
  // OD (Eurasia: 4 destinations against 11 origins per class).
  type Group = {
    cls: DemandClass;
    /** The group's common end: its origin, or its destination when `toRoot`. */
    root: number;
    /** True when the entries share their destination (flows run from many origins to the root). */
    toRoot: boolean;
    entries: DemandClass['entries'][number][];
    cost: Float64Array;
  };
  const groups: Group[] = [];
  for (const cls of classes) {
    const cost = new Float64Array(M);
    for (let e = 0; e < M; e++) {
      cost[e] =
        cls.forbidden[e] === 1 || compiled.arcActive[e] !== 1 || !(arcCapacity[e]! > 0)
          ? Number.POSITIVE_INFINITY
          : cls.moneyCost[e]! + cls.valueOfTime * compiled.timeDays[e]!;
    }
    const used = cls.entries.filter((x) => x.volume > 0 && x.origin !== x.destination);
    const toRoot = new Set(used.map((x) => x.destination)).size < new Set(used.map((x) => x.origin)).size;
    const byRoot = new Map<number, Group>();
    for (const entry of used) {
      const root = toRoot ? entry.destination : entry.origin;
      let group = byRoot.get(root);
      if (!group) {
        group = { cls, root, toRoot, entries: [], cost };
        byRoot.set(root, group);
        groups.push(group);
      }
      group.entries.push(entry);
    }
  }
  const arcFlow = new Float64Array(M);
  const unmet = new Map<string, number>();
  const paths: RoutedPath[] = [];
  const addUnmet = (id: string, amount: number) => {
    unmet.set(id, (unmet.get(id) ?? 0) + amount);
  };
  if (groups.length === 0) {
    return {
      status: 'optimal',
      stopReason: 'no demand',
      arcFlow,
      arcTimeDays: compiled.timeDays.slice(),
      paths,
      unmet,
      shadowPrice: new Float64Array(M),
      iterations: 0,
    };
  }
  const result = await multiCommodityFlow(
    {
      nodeCount: V,
      tail: compiled.csr.tail,
      head: compiled.csr.head,
      capacity: arcCapacity,
      commodities: groups.map((g) => {
        const supply = new Float64Array(V);
        for (const x of g.entries) {
          supply[x.origin]! += x.volume;
          supply[x.destination]! -= x.volume;
        }
        return { supply, cost: g.cost, unmetPenalty: input.unmetPenaltyUsd };
      }),
    },
    { presolve: groups.length * M >= PRESOLVE_MIN_COLUMNS },
  );
  if (result.status !== 'optimal') {
    const reason =
      result.status === 'stopped' ? `HiGHS stopped (${result.highsStatus})` : `the LP is ${result.status}`;
    for (const g of groups) for (const x of g.entries) addUnmet(x.flow.id, x.volume);
    return {
      status: 'failed',
      stopReason: reason,
      arcFlow,
      arcTimeDays: compiled.timeDays.slice(),
      paths,
      unmet,
      shadowPrice: new Float64Array(M),
      iterations: 0,
    };
  }
  const { head, tail } = compiled.csr;
  const reversed = groups.some((g) => g.toRoot) ? reverseCsr(compiled.csr) : undefined;
  groups.forEach((g, k) => {
    // The LP returns flows within its feasibility tolerance: clamp tiny negatives to zero.
    const raw = result.flows[k]!;
    const flow = new Float64Array(raw.length);
    for (let e = 0; e < flow.length; e++) flow[e] = Math.max(0, raw[e]!);
    // net[v]: what the flow delivers at v (inflow − outflow); at origins, minus what they ship
    const net = new Float64Array(V);
    for (let e = 0; e < M; e++) {
      arcFlow[e]! += flow[e]!;
      net[head[e]!]! += flow[e]!;
      net[tail[e]!]! -= flow[e]!;
    }
    // What each far end (a destination, or an origin when the group shares its destination) delivered
    // or shipped, shared among the demand flows there by their volume.
    const farOf = (x: DemandClass['entries'][number]) => (g.toRoot ? x.origin : x.destination);
    const byFar = new Map<number, DemandClass['entries'][number][]>();
    for (const x of g.entries) byFar.set(farOf(x), [...(byFar.get(farOf(x)) ?? []), x]);
    const moved = new Map<number, number>();
    for (const [v, entries] of byFar) {
      const wanted = entries.reduce((a, x) => a + x.volume, 0);
      const got = Math.min(wanted, Math.max(0, g.toRoot ? -net[v]! : net[v]!));
      moved.set(v, got);
      // A shortfall within the LP's tolerance is rounding of the flows, not unmet demand: 0, recorded
      // as such so that no later step recomputes it from the path flows.
      const short = isResidue(wanted - got, wanted, LP_FEASIBILITY_TOLERANCE) ? 0 : wanted - got;
      for (const x of entries) addUnmet(x.flow.id, (x.volume / wanted) * short);
    }
    // Paths from the root to each far end; on the reversed graph for a shared destination (they come
    // out destination first, and are turned round).
    const decomposed = decomposeToSinks(g.toRoot ? reversed! : compiled.csr, flow, g.root, moved);
    for (const path of decomposed) {
      const entries = byFar.get(path.sink) ?? [];
      const wanted = entries.reduce((a, x) => a + x.volume, 0);
      const arcs = g.toRoot ? path.arcs.slice().reverse() : path.arcs;
      for (const x of entries) {
        paths.push({
          flowId: x.flow.id,
          segmentId: g.cls.segment.id,
          volume: (path.volume * x.volume) / wanted,
          arcs,
        });
      }
    }
  });
  for (const path of paths) Object.freeze(path);
  return {
    status: 'optimal',
    stopReason: `optimal after ${result.iterations} simplex iterations (objective ${result.objective.toExponential(6)} USD/yr)`,
    arcFlow,
    arcTimeDays: compiled.timeDays.slice(),
    paths,
    unmet,
    shadowPrice: result.shadowPrice,
    iterations: result.iterations,
  };
}
