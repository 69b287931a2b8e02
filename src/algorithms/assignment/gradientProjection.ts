/**
 * Path-based gradient projection
 * ==============================
 *
 * User equilibrium (or system optimum) on explicit path sets, precise enough for relative gaps of
 * 1e-10 and below. Every outer iteration:
 *
 * 1. recomputes the volumes of the volume-dependent arcs exactly from the path flows (no drift;
 *    every other arc costs its free-flow time at any volume, ./splitPaths.ts), and the arc costs;
 * 2. builds one shortest-path tree per (class, origin), or per (class, destination) when there are
 *    fewer destinations (trees grown backwards, ./treeRoots.ts): the trees give the exact relative
 *    gap of the current flows and, when the run goes on, each OD's shortest path, which joins the
 *    OD's path set when it is new (column generation; the last round's trees only measure the gap).
 *    A class that differs from an earlier one only by forbidden arcs takes that class's tree wherever
 *    its tree paths avoid them (./treeSharing.ts). After the first round, each
 *    (class, root) repairs its tree of the round before instead of growing a new one
 *    (./treeRepair.ts);
 * 3. re-equilibrates the restricted problem with Gauss–Seidel passes over the ODs: flow moves from
 *    every costlier path p to the OD's cheapest path s by the Newton step
 *    Δ = min(f_p, (c_p − c_s) / Σ_{a ∈ p ⊕ s} t'_a) (projected onto f_p ≥ 0), and the costs of the
 *    touched arcs are updated at once. Paths are priced as a constant part plus their
 *    volume-dependent arcs (./splitPaths.ts), which are the only arcs a move reads or writes; an
 *    overshooting step (costs curving upwards) is finished by a safeguarded Newton/bisection on the
 *    pair. After a full pass, passes visit only the ODs that moved flow in the pass before; when
 *    their excess cost is below 2 % of the last full gap, a full pass confirms it over all ODs (or
 *    starts the cycle again). At most 3 × `innerIterations` passes, the last one full; a round that
 *    ends on that budget doubles the next round's (up to 16 times the first). With two or
 *    more classes, ODs of different classes whose moves mirror each other on the same
 *    volume-dependent arcs swap flow, which changes no arc cost (./pathSwaps.ts): before the second
 *    pass among the ODs that moved in the first, and before the tenth among all.
 *    Paths left without flow at two column generations in a row are dropped. Cost differences at the
 *    rounding level of a path's cost (1e-14 relative) count as none: no move is made on them.
 *
 * ODs of classes that differ only by forbidden arcs are pooled while the wider class's paths are
 * allowed to the narrower (./odPools.ts): one OD to equilibrate instead of two, with the same
 * equilibrium and the exact gap of the unpooled problem; every OD leaves its pool before the result.
 * When at most 16 ODs are still moving pass after pass, one joint Newton step moves them together
 * before the next pass (./blockStep.ts).
 *
 * Classes with value of time 0 keep their money-cheapest path. The result carries the path sets with
 * their flows (`result.paths`), which also serve as a warm start for the next run.
 *
 * References: Jayakrishnan, Tsai, Prashker & Rajadhyaksha (1994), "A faster path-based algorithm
 * for traffic assignment", TRR 1443; Chen, Lee & Jayakrishnan (2002), "Computational study of
 * state-of-the-art path-based traffic assignment algorithms", Math. Comput. Simul. 59.
 */

import { InvalidArgumentError, optionsOf } from '../../model/errors.js';
import { scratchArena, TypedArena } from '../_internal/arena.js';
import { refreshArc, updateCosts } from './arcCosts.js';
import { BLOCK_MAX, BlockWorkspace, blockStep } from './blockStep.js';
import { createLoadingWorkspace, type LoadingWorkspace } from './loading.js';
import { OdPools } from './odPools.js';
import { HASH_SEED, hashStep, PathStore } from './pathStore.js';
import {
  finishPathRun,
  loadWarmStart,
  type PathWarmStart,
  pathVolumes,
  rootTree,
  seedMissingPaths,
} from './pathSupport.js';
import { SwapWorkspace, swapAcrossClasses } from './pathSwaps.js';
import type { AssignmentClass, AssignmentProblem } from './problem.js';
import { requireProblem } from './problem.js';
import {
  type AssignmentResult,
  type AssignmentStatus,
  type IterationOptions,
  relativeGapOf,
  resolveIterationOptions,
  StopRule,
} from './result.js';
import { SplitPaths, volumeDependentArcs } from './splitPaths.js';
import { KeptTrees } from './treeRepair.js';
import { TreePathKeys, type TreeRoots, treeRoots } from './treeRoots.js';
import { SharedTrees, type StoredTree } from './treeSharing.js';

export type { PathWarmStart } from './pathSupport.js';

const DEFAULTS = {
  relativeGap: 1e-6,
  maxIterations: 500,
  innerIterations: 20,
  /**
   * Equilibration passes stop once the restricted problem's excess cost is below this fraction of
   * the last full gap. Solving the restricted problem well is cheap next to a round of trees, and
   * it avoids the slow tail where ODs shifting early in a pass absorb every adjustment (ChicagoSketch
   * to 1e-10: 128 outer iterations at 0.25, 10 at 0.02).
   */
  innerGapFraction: 0.02,
  /** Outer iterations without a new best gap before the run counts as stalled. */
  stallIterations: 25,
};

const MODULE = 'corridor-sim/assignment';

/** Options of {@link gradientProjection}. */
export interface GradientProjectionOptions extends IterationOptions {
  /** Start from these path flows. */
  readonly warmStart?: PathWarmStart;
  /**
   * Equilibration pass budget per outer iteration: at most 3 × this many passes, full or over the ODs
   * still moving (default 20); a round that ends on its budget doubles the next round's, up to 16
   * times this.
   */
  readonly innerIterations?: number;
  /**
   * Pool the ODs of classes that differ only by forbidden arcs while their paths allow it
   * (./odPools.ts): the same equilibrium, fewer ODs to equilibrate. Each class's path flows then split
   * the pool's in proportion to demand. Default true; false keeps every class's ODs apart.
   */
  readonly poolOds?: boolean;
  /**
   * When at most 16 ODs are still moving pass after pass, move them together by one joint Newton
   * step before the next pass (./blockStep.ts): the passes' linear tail, where ODs sharing steep arcs
   * undo each other's moves, ends in a few passes. Default true.
   */
  readonly jointSteps?: boolean;
}

/**
 * Solve a user equilibrium (or system optimum) with path-based gradient projection.
 *
 * @param problem - from `createAssignmentProblem`
 * @param options - target relative gap (1e-6), iteration limit (500), time limit, objective,
 *   inner passes (20), warm start
 * @returns flows, path sets with flows, and the convergence report
 * @throws InvalidArgumentError on invalid options
 * @example
 * const result = gradientProjection(problem, { relativeGap: 1e-10 });
 * listPaths(result.paths!, 0); // the paths of the first OD with their flows
 * @remarks Complexity per outer iteration: one shortest-path tree per (class, origin) or per
 *   (class, destination), whichever are fewer, O(K·min(O, D)·(N + M) log N), plus O(total path
 *   length) per equilibration pass.
 *   References: Jayakrishnan et al. (1994); Chen, Lee & Jayakrishnan (2002).
 */
export function gradientProjection(
  problem: AssignmentProblem,
  options: GradientProjectionOptions = {},
): AssignmentResult {
  requireProblem(problem);
  options = optionsOf(options, 'corridor-sim/assignment');
  const started = performance.now();
  const p = problem;
  const {
    relativeGap: target,
    maxIterations,
    maxSeconds,
    so,
    objective,
  } = resolveIterationOptions(options, DEFAULTS);
  const innerIterations = options.innerIterations ?? DEFAULTS.innerIterations;
  if (!Number.isInteger(innerIterations) || innerIterations < 1) {
    throw new InvalidArgumentError(
      MODULE,
      'options.innerIterations',
      `must be an integer ≥ 1, got ${String(innerIterations)}`,
    );
  }
  for (const key of ['poolOds', 'jointSteps'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'boolean') {
      throw new InvalidArgumentError(
        MODULE,
        `options.${key}`,
        `must be a boolean, got ${String(options[key])}`,
      );
    }
  }
  const M = p.arcCount;
  // the run's scratch arrays share buffers kept between runs (../_internal/arena.ts), given back when it
  // ends; the class flows go into the result and have a buffer of their own
  const arena = scratchArena();
  try {
    const ws = createLoadingWorkspace(p, arena);
    // room for the paths of a Eurasia run from the start (up to 2 per OD at the peak, 11–12 arcs each
    // at the median): pooled buffers make room cheap, growing copies
    const store = new PathStore(p.odCount, p.odCount * 4, p.odCount * 48, arena);
    const buffer = arena.i32(p.nodeCount + 1);
    const V = arena.f64(M);
    const cost = arena.f64(M);
    const deriv = arena.f64(M);
    const markS = arena.i32(M);
    const markP = arena.i32(M);
    const flowsArena = new TypedArena(Math.max(8, 8 * M * p.classes.length));
    const classFlows = p.classes.map(() => flowsArena.f64(M));
    const split = new SplitPaths(p.odCount * 4, p.odCount * 24, arena);
    // what every equilibration pass reads and moves (step 3)
    // ODs of classes that differ only by forbidden arcs share paths while they may (./odPools.ts)
    const pools = new OdPools(p, arena);
    const block = options.jointSteps !== false ? new BlockWorkspace(M, arena) : undefined;
    const state: PassState = {
      p,
      store,
      split,
      V,
      cost,
      deriv,
      so,
      markS,
      markP,
      stamp: 0,
      demand: pools.demand,
    };
    // each OD's shortest cost at the last gap evaluation (the trees' distance)
    const odMin = arena.f64(p.odCount);
    const hot = arena.i32(p.odCount);
    const hotClass = arena.i32(p.odCount);
    const active = p.classes.filter((c) => !c.fixedRoute);
    // swaps between classes (./pathSwaps.ts): every OD of the route-choosing classes, with its class
    const swaps =
      active.length >= 2 ? new SwapWorkspace(M, 2 * p.odCount, arena, store.flow.length) : undefined;
    const allOds = arena.i32(swaps ? p.odCount : 0);
    const allOdClass = arena.i32(allOds.length);
    let allCount = 0;
    for (const cls of swaps ? active : []) {
      for (let j = 0; j < cls.destinations.length; j++) {
        allOds[allCount] = cls.odOffset + j;
        allOdClass[allCount++] = cls.index;
      }
    }

    // Between gap evaluations only the volume-dependent arcs' volumes matter (every other arc costs its
    // free-flow time at any volume, ./splitPaths.ts): they are recomputed exactly from the path flows,
    // with each class's total over its paths' constant parts. All volumes are summed for the result.
    const varList = volumeDependentArcs(p, arena);
    const fixedTotals = arena.f64(p.classes.length);
    const recomputeVolumes = (): void => {
      split.refresh(p, store, p.classes);
      split.varVolumes(store, p.classes, varList, V, classFlows, fixedTotals);
    };

    // Step 1: initial path sets.
    if (options.warmStart !== undefined) loadWarmStart(p, options.warmStart, store, buffer);
    recomputeVolumes();
    updateCosts(p, V, so, cost);
    const roots = treeRoots(p, arena);
    const keys = new TreePathKeys(p.nodeCount, arena);
    const shared = new SharedTrees(p, arena);
    const kept = new KeptTrees(roots, arena);
    shared.nextRound();
    const pooling = options.poolOds !== false;
    const joinScratch = arena.i32(pooling ? 2 * p.nodeCount : 0);
    for (const cls of p.classes) {
      if (pooling) pools.joinClass(cls, store, shared.parent, joinScratch);
      seedMissingPaths(p, roots, cls, cost, ws, store, buffer, shared, kept, keys, pools.host);
    }

    // this round's tree per (class, root), in the order the loops visit them: those of active class c
    // from roundTrees[treeStart[c]]
    const roundTrees: StoredTree[] = [];
    const treeStart = arena.i32(active.length + 1);
    let mostTrees = 0;
    for (let c = 0; c < active.length; c++) {
      const trees = roots.byClass[active[c]!.index]!.rootStart.length - 1;
      treeStart[c + 1] = treeStart[c]! + trees;
      if (trees > mostTrees) mostTrees = trees;
    }
    let iterations = 0;
    let budget = PASS_BUDGET * innerIterations;
    let status: AssignmentStatus;
    let gap = Number.POSITIVE_INFINITY;
    const rule = new StopRule({ target, maxIterations, started, maxSeconds }, DEFAULTS.stallIterations);

    for (;;) {
      // Step 2: exact volumes and costs; trees give the gap and new columns.
      recomputeVolumes();
      updateCosts(p, V, so, cost, deriv);
      shared.nextRound();
      // the trees first, for the gap: the columns are generated only when the run goes on
      gapTrees(
        p,
        active,
        classFlows,
        varList,
        fixedTotals,
        cost,
        roots,
        ws,
        shared,
        kept,
        roundTrees,
        treeStart,
        odMin,
      );
      const tstt = totals[0]!;
      gap = relativeGapOf(tstt, totals[1]!);
      const stop = rule.check(gap, iterations);
      if (stop) {
        status = stop;
        break;
      }
      // Root by root, every class: a class that took a wider class's tree (./treeSharing.ts) comes
      // right after it, and the tree-path keys worked out for that tree serve it too. Each OD is one
      // class's, so the order of the classes does not change what is added to it.
      keys.nextTree();
      for (let i = 0; i < mostTrees; i++) {
        for (let c = 0; c < active.length; c++) {
          const cls = active[c]!;
          if (i >= treeStart[c + 1]! - treeStart[c]!) continue;
          columnsFromTree(
            store,
            roots,
            cls,
            i,
            roundTrees[treeStart[c]! + i]!.predecessorArc,
            keys,
            buffer,
            pools,
          );
        }
      }

      // Step 3: equilibrate the restricted problem (Gauss–Seidel over ODs). After a full pass, passes
      // visit only the ODs that moved flow in the pass before (the others had nothing to move when last
      // visited, though later moves on shared arcs may have changed that); once those are settled a full
      // pass checks every OD, and stops the round or starts the cycle again.
      split.refresh(p, store, p.classes);
      let full = true;
      let hotCount = 0;
      let declined = false;
      let settled = false;
      for (let pass = 0; pass < budget; pass++) {
        if (swaps !== undefined && pass === 1) {
          swapAcrossClasses(store, p.classes, hot, hotClass, hotCount, cost, swaps, split);
        } else if (swaps !== undefined && pass === SWAP_ALL_AT) {
          swapAcrossClasses(store, p.classes, allOds, allOdClass, allCount, cost, swaps, split);
        }
        // a few ODs still moving pass after pass: move them together first (./blockStep.ts); once a
        // step is declined (no descent along it), the round's passes go on without
        if (
          block !== undefined &&
          !declined &&
          !full &&
          pass >= 2 &&
          hotCount >= 2 &&
          hotCount <= BLOCK_MAX
        ) {
          declined = blockStep(p, store, split, hot, hotCount, V, cost, deriv, so, block) === 0;
        }
        hotCount = equilibrationPass(full, hotCount, active, state, hot, hotClass);
        const small = passExcess[0]! <= DEFAULTS.innerGapFraction * gap * tstt;
        if (small && full) {
          settled = true;
          break;
        }
        // the last pass allowed is a full one
        full = small || pass + 2 >= budget;
      }
      // a round that spent its passes without settling the restricted problem starts the next round's
      // passes from a gap they have not reached: the next round may take twice as many
      if (!settled) budget = Math.min(2 * budget, MAX_BUDGET_GROWTH * PASS_BUDGET * innerIterations);
      iterations++;
    }

    // Step 4: report (volumes and flows are those of the last gap evaluation), every OD with its own paths.
    pools.releaseAll(store, buffer);
    pathVolumes(p, store, V, classFlows);
    return finishPathRun(
      p,
      store,
      cost,
      V,
      classFlows,
      { status, target, algorithm: 'path', objective, iterations, gap, history: rule.history, started },
      () => maxUsedExcess(store, active, odMin),
    );
  } finally {
    arena.release();
  }
}

/**
 * The trees of a round, for the gap: every (class, root) tree of `active` at arc costs `cost` (the
 * i-th of active class c kept in `roundTrees[treeStart[c] + i]` for the column generation), each OD's
 * shortest cost into `odMin`, and the
 * total cost of the current flows and of the shortest paths into `totals` ([tstt, sptt]). A class's
 * total cost is its paths' constant parts (`fixedTotals`) plus its volume on each volume-dependent arc
 * (`varList`) × the arc's cost. A function of its own, compiled apart from the run's long body.
 */
function gapTrees(
  p: AssignmentProblem,
  active: readonly AssignmentClass[],
  classFlows: readonly Float64Array[],
  varList: Int32Array,
  fixedTotals: Float64Array,
  cost: Float64Array,
  roots: TreeRoots,
  ws: LoadingWorkspace,
  shared: SharedTrees,
  kept: KeptTrees,
  roundTrees: StoredTree[],
  treeStart: Int32Array,
  odMin: Float64Array,
): void {
  let tstt = 0;
  let sptt = 0;
  for (let c = 0; c < active.length; c++) {
    const cls = active[c]!;
    const x = classFlows[cls.index]!;
    tstt += fixedTotals[cls.index]!;
    for (let i = 0; i < varList.length; i++) {
      const a = varList[i]!;
      tstt += x[a]! * cost[a]!;
    }
    const weights = { ready: false };
    const { rootStart, entries, far } = roots.byClass[cls.index]!;
    for (let i = 0; i < rootStart.length - 1; i++) {
      const tree = rootTree(p, roots, cls, i, cost, ws, shared, weights, kept);
      roundTrees[treeStart[c]! + i] = tree;
      const distance = tree.distance;
      for (let k = rootStart[i]!, end = rootStart[i + 1]!; k < end; k++) {
        const j = entries[k]!;
        const shortest = distance[far[k]!]!;
        odMin[cls.odOffset + j] = shortest;
        sptt += cls.demand[j]! * shortest;
      }
    }
  }
  totals[0] = tstt;
  totals[1] = sptt;
}

/** What the last {@link gapTrees} summed — [tstt, sptt] — in a typed scratch (see `pair`). */
const totals = new Float64Array(2);

/**
 * One Gauss–Seidel pass of step 3: over every OD of `active` (`full`), or over the ODs that moved in
 * the pass before (`hot[0..hotCount)`, with their classes in `hotClass`). Each OD's paths are priced;
 * an OD whose excess cost is above rounding moves flow to its cheapest path ({@link shiftToCheapest})
 * and is listed as hot for the next pass. Leaves the pass's summed excess cost in `passExcess[0]`;
 * returns how many ODs it listed. A function of its own, compiled apart from the run's long body.
 */
function equilibrationPass(
  full: boolean,
  hotCount: number,
  active: readonly AssignmentClass[],
  state: PassState,
  hot: Int32Array,
  hotClass: Int32Array,
): number {
  const { store } = state;
  passExcess[0] = 0;
  let nextHot = 0;
  if (full) {
    for (const cls of active) {
      for (let od = cls.odOffset, end = cls.odOffset + cls.destinations.length; od < end; od++) {
        if (store.odSize[od]! < 2) continue;
        if (visitOd(od, state)) {
          hot[nextHot] = od;
          hotClass[nextHot++] = cls.index;
        }
      }
    }
  } else {
    for (let i = 0; i < hotCount; i++) {
      const od = hot[i]!;
      if (store.odSize[od]! < 2) continue;
      // nextHot ≤ i: the list is rewritten behind the reading
      if (visitOd(od, state)) {
        hot[nextHot] = od;
        hotClass[nextHot++] = hotClass[i]!;
      }
    }
  }
  return nextHot;
}

/**
 * Price the paths of `od` (into `store.cost`), add its excess cost to `passExcess[0]`, and when that
 * is above rounding move flow to its cheapest path; returns whether it moved.
 */
function visitOd(od: number, state: PassState): boolean {
  const { store, split, cost } = state;
  const { fixed, varStart, varLength, varArcs } = split;
  let best = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  let weighted = 0;
  for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
    let c = fixed[q]!;
    for (let k = varStart[q]!, stop = k + varLength[q]!; k < stop; k++) c += cost[varArcs[k]!]!;
    store.cost[q] = c;
    weighted += store.flow[q]! * c;
    if (c < bestCost) {
      bestCost = c;
      best = q;
    }
  }
  const odExcess = weighted - state.demand[od]! * bestCost;
  passExcess[0]! += odExcess;
  if (!(odExcess > ROUNDING * weighted)) return false;
  state.stamp = shiftToCheapest(
    state.p,
    store,
    split,
    od,
    best,
    bestCost,
    state.V,
    cost,
    state.deriv,
    state.so,
    state.markS,
    state.markP,
    state.stamp,
  );
  return true;
}

/**
 * What an equilibration pass reads and moves: the problem, paths and their split, arc volumes, costs
 * and derivatives (system optimum or not), and the path marks of {@link shiftToCheapest} with the
 * last stamp given out.
 */
interface PassState {
  readonly p: AssignmentProblem;
  readonly store: PathStore;
  readonly split: SplitPaths;
  readonly V: Float64Array;
  readonly cost: Float64Array;
  readonly deriv: Float64Array;
  readonly so: boolean;
  readonly markS: Int32Array;
  readonly markP: Int32Array;
  stamp: number;
  /** Per OD: the demand its paths carry (./odPools.ts). */
  readonly demand: Float64Array;
}

/**
 * Column generation from one tree: for each OD the tree serves (class `cls`, root `i`), drop paths
 * that carried no flow after the last IDLE_ROUNDS + 1 equilibrations (store.aux counts them; add()
 * starts it at 0), then add the tree path when the OD lacks it. Trees from origins yield it last arc
 * first (hashed while walking); trees from destinations yield it in order, keyed by `keys`. A function
 * of its own: called once per tree, its loop is compiled apart from the run's long body.
 */
function columnsFromTree(
  store: PathStore,
  roots: TreeRoots,
  cls: AssignmentClass,
  i: number,
  predecessorArc: Int32Array,
  keys: TreePathKeys,
  buffer: Int32Array,
  pools: OdPools,
): void {
  const { rootStart, entries, far } = roots.byClass[cls.index]!;
  const treeTail = roots.csr.tail;
  const from = rootStart[i]!;
  const to = rootStart[i + 1]!;
  if (roots.reverse) {
    keys.forTree(predecessorArc);
    keys.settleEnds(far, from, to, predecessorArc, treeTail);
  }
  for (let k = from; k < to; k++) {
    const d = far[k]!;
    const od = cls.odOffset + entries[k]!;
    // a pooled OD's paths are its host's (./odPools.ts)
    if (pools.host[od]! >= 0) continue;
    for (let q = store.odHead[od]!, prev = -1; q >= 0; ) {
      const after = store.next[q]!;
      if (store.flow[q] !== 0) {
        store.aux[q] = 0;
        prev = q;
      } else if (store.aux[q]! >= IDLE_ROUNDS) {
        store.remove(od, q, prev);
      } else {
        store.aux[q] = store.aux[q]! + 1;
        prev = q;
      }
      q = after;
    }
    if (roots.reverse) {
      const h = keys.hash[d]!;
      const len = keys.length[d]!;
      if (store.findTreePath(od, h, len, d, predecessorArc, treeTail) < 0) {
        pools.admitted(store, od, store.addTreePath(od, d, predecessorArc, treeTail, len, h, 0), buffer);
      }
      continue;
    }
    let len = 0;
    let h = HASH_SEED;
    for (let v = d, e = predecessorArc[v]!; e >= 0; e = predecessorArc[v]!) {
      buffer[len++] = e;
      h = hashStep(h, e);
      v = treeTail[e]!;
    }
    if (store.findReversed(od, buffer, len, h) < 0) {
      for (let a = 0, b = len - 1; a < b; a++, b--) {
        const t = buffer[a]!;
        buffer[a] = buffer[b]!;
        buffer[b] = t;
      }
      pools.admitted(store, od, store.add(od, buffer, len, h, 0), buffer);
    }
  }
}

/**
 * The largest relative excess (c_p − π_od) / π_od of a path with flow over its OD's shortest cost
 * `odMin`, over the ODs of `classes`, from the costs in `store.cost` (0 when every used path is a
 * shortest one; an excess below 0, rounding between the tree's sum and the path's, counts as 0).
 */
function maxUsedExcess(store: PathStore, classes: readonly AssignmentClass[], odMin: Float64Array): number {
  let max = 0;
  for (const cls of classes) {
    for (let od = cls.odOffset, end = cls.odOffset + cls.destinations.length; od < end; od++) {
      const shortest = odMin[od]!;
      for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
        if (!(store.flow[q]! > 0)) continue;
        const excess = (store.cost[q]! - shortest) / shortest;
        if (excess > max) max = excess;
      }
    }
  }
  return max;
}

/**
 * Gauss–Seidel step of one OD: move flow from every costlier path to the cheapest path `best`
 * (Newton step on the pair, projected on f ≥ 0), updating volumes, costs and derivatives of the
 * arcs not shared by the pair. Returns the updated stamp counter.
 */
function shiftToCheapest(
  p: AssignmentProblem,
  store: PathStore,
  split: SplitPaths,
  od: number,
  best: number,
  bestCost: number,
  V: Float64Array,
  cost: Float64Array,
  deriv: Float64Array,
  so: boolean,
  markS: Int32Array,
  markP: Int32Array,
  stamp: number,
): number {
  const { fixed, varStart, varLength, varArcs: arcs } = split;
  if (stamp > 0x3ffffff0) {
    markS.fill(0);
    markP.fill(0);
    stamp = 0;
  }
  const stampS = ++stamp;
  const sStart = varStart[best]!;
  const sEnd = sStart + varLength[best]!;
  for (let k = sStart; k < sEnd; k++) markS[arcs[k]!] = stampS;
  let q = store.odHead[od]!;
  let sCostFresh = true; // no shift yet: store.cost holds every path's current cost
  let cs = bestCost;
  while (q >= 0) {
    const after = store.next[q]!;
    if (q === best) {
      q = after;
      continue;
    }
    const f = store.flow[q]!;
    if (f === 0) {
      // Unused paths stay until the next column generation: a path that is not the cheapest now
      // may become so later in the pass (other ODs shift flow too).
      q = after;
      continue;
    }
    const qStart = varStart[q]!;
    const qEnd = qStart + varLength[q]!;
    let cq = store.cost[q]!;
    if (!sCostFresh) {
      // a shift in this OD changed arc costs: recompute both paths' costs
      cq = fixed[q]!;
      for (let k = qStart; k < qEnd; k++) cq += cost[arcs[k]!]!;
      cs = fixed[best]!;
      for (let k = sStart; k < sEnd; k++) cs += cost[arcs[k]!]!;
    }
    const delta = cq - cs;
    // Differences at the rounding level of a path's cost are not worth a move (and a Newton
    // refinement on rounding noise never meets its tolerance).
    const noise = ROUNDING * cq;
    if (!(delta > noise)) {
      q = after;
      continue;
    }
    const stampP = ++stamp;
    let h = 0;
    for (let k = qStart; k < qEnd; k++) {
      const a = arcs[k]!;
      markP[a] = stampP;
      if (markS[a] !== stampS) h += deriv[a]!;
    }
    for (let k = sStart; k < sEnd; k++) {
      const a = arcs[k]!;
      if (markP[a] !== stampP) h += deriv[a]!;
    }
    let shift = h > 0 ? delta / h : f;
    if (shift >= f) shift = f;
    movePair(
      p,
      arcs,
      qStart,
      qEnd,
      sStart,
      sEnd,
      markS,
      stampS,
      markP,
      stampP,
      V,
      cost,
      deriv,
      so,
      fixed[q]! - fixed[best]!,
      shift,
    );
    let g = pair[0]!;
    if (g < -Math.max(1e-12 * delta, noise) && h > 0) {
      // Newton overshot (costs curve upwards): safeguarded Newton/bisection on the pair.
      let lo = 0;
      let hi = shift;
      for (let it = 0; it < 20; it++) {
        if (g < 0) hi = shift;
        else lo = shift;
        if (Math.abs(g) <= Math.max(1e-12 * delta, noise) || hi - lo <= 1e-15 * hi) break;
        let next = shift + g / pair[1]!;
        if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
        movePair(
          p,
          arcs,
          qStart,
          qEnd,
          sStart,
          sEnd,
          markS,
          stampS,
          markP,
          stampP,
          V,
          cost,
          deriv,
          so,
          fixed[q]! - fixed[best]!,
          next - shift,
        );
        g = pair[0]!;
        shift = next;
      }
    }
    sCostFresh = false;
    store.flow[best] = store.flow[best]! + shift;
    store.flow[q] = shift === f ? 0 : f - shift;
    q = after;
  }
  return stamp;
}

/**
 * Column generations a path may stay without flow before it is dropped. Dropping an emptied path at
 * once made ODs cycle: when several ODs share alternatives of similar cost (the Caspian crossings),
 * each round moved them all to the alternative the trees had just found, filled it, and found the
 * one they had left cheaper again, one column per round (avoid-russia 2024: 15 rounds, 10 of them on
 * a plateau between 3e-3 and 1.5e-4). Keeping an emptied path one more round lets the equilibration
 * split the ODs between the alternatives (10 rounds). Keeping paths longer costs more in every pass
 * than it saves in trees.
 */
const IDLE_ROUNDS = 1;

/**
 * The pass of a round before which ODs of different classes swap flow across all ODs
 * (./pathSwaps.ts), when the round is still equilibrating then. Before the second pass they swap among
 * the ODs that moved in the first, which is cheap and settles most rounds; a round that takes this
 * many passes is one where classes keep undoing each other's moves, with partners that had stopped
 * moving.
 */
const SWAP_ALL_AT = 10;

/**
 * Passes per outer iteration, full or over the ODs still moving, as a multiple of `innerIterations`
 * (which counted full passes only before passes were restricted to the moving ODs).
 */
const PASS_BUDGET = 3;

/**
 * How far the pass budget of a round may grow: a round that ends on its budget doubles the next
 * one's, up to this many times the first. On random grids loaded far past capacity by three classes
 * (360 runs to 1e-10), runs that stopped as stalled fell from 26 to 11, and their rounds from 6,066 to
 * 3,842; the bundled scenarios' rounds rarely reach the budget.
 */
const MAX_BUDGET_GROWTH = 16;

/**
 * Relative size of rounding noise in a path cost (a sum of a few dozen arc costs carries a few 1e-15):
 * cost differences below this fraction of the path's cost count as equal. Far below any reachable
 * relative gap (the tests reach 1e-13).
 */
const ROUNDING = 1e-14;

/**
 * What the last {@link movePair} measured — [c_q − c_s, Σ t'] — in a typed scratch: a double returned
 * from a call, or held in a module `let`, is boxed in a new heap number every time.
 */
const pair = new Float64Array(2);

/**
 * The excess cost summed over the ODs of an equilibration pass, in a typed scratch: a double the pass's
 * per-OD function adds to in its enclosing scope would be boxed in a new heap number at every OD.
 */
const passExcess = new Float64Array(1);

/**
 * Move `amount` of flow from path q to path s on the volume-dependent arcs they do not share
 * (./splitPaths.ts), refreshing those arcs' costs. Leaves c_q − c_s afterwards (`fixedGap`, the
 * difference of the paths' constant parts, plus the arcs' costs; shared arcs cancel) and Σ t' over the
 * arcs in `pair`.
 */
function movePair(
  p: AssignmentProblem,
  arcs: Int32Array,
  qStart: number,
  qEnd: number,
  sStart: number,
  sEnd: number,
  markS: Int32Array,
  stampS: number,
  markP: Int32Array,
  stampP: number,
  V: Float64Array,
  cost: Float64Array,
  deriv: Float64Array,
  so: boolean,
  fixedGap: number,
  amount: number,
): void {
  let g = fixedGap;
  let h = 0;
  for (let k = qStart; k < qEnd; k++) {
    const a = arcs[k]!;
    if (markS[a] === stampS) continue;
    let v = V[a]! - amount;
    if (v < 0) v = 0;
    V[a] = v;
    refreshArc(p, a, v, so, cost, deriv);
    g += cost[a]!;
    h += deriv[a]!;
  }
  for (let k = sStart; k < sEnd; k++) {
    const a = arcs[k]!;
    if (markP[a] === stampP) continue;
    let v = V[a]! + amount;
    if (v < 0) v = 0;
    V[a] = v;
    refreshArc(p, a, v, so, cost, deriv);
    g -= cost[a]!;
    h += deriv[a]!;
  }
  pair[0] = g;
  pair[1] = h;
}
