/**
 * Warm starts between simulations
 * ===============================
 *
 * A result of `simulate` remembers the equilibrium's path flows and the classes they belong to (kept
 * out of the public result type). A later run started from it (`warmStart`: sweeps, timelines,
 * criticality) begins from those path flows instead of all-or-nothing, and converges in fewer rounds.
 *
 * Classes are matched by id. A class the earlier run did not have starts from the class it was split
 * from: a scenario that makes a share of a segment refuse a country splits segment `s` into `s` and
 * `s~avoid-XX`, and the new class starts from the paths of `s` (those through the refused country
 * are dropped by the solver's warm-start check, and every OD's flows are rescaled to its demand).
 * Classes with no match start from all-or-nothing as in a cold run.
 *
 * A warm start changes only where the solver starts: the result meets the same convergence target.
 *
 * Internal: no public API.
 */

import type { PathSet } from '../algorithms/assignment/pathSet.js';
import type { SimulationResult } from './result.js';

/** Path flows of an equilibrium and the ids of the classes its `odClass` indices refer to. */
export interface PathSetState {
  readonly paths: PathSet;
  readonly classIds: readonly string[];
}

const STATES = new WeakMap<SimulationResult, PathSetState>();

/**
 * Remember the path flows a result was computed from.
 *
 * @param result - a result of `simulate`
 * @param state - its equilibrium's path set and class ids
 */
export function rememberPathSet(result: SimulationResult, state: PathSetState): void {
  STATES.set(result, state);
}

/**
 * The class of `previous` a class with id `id` starts from: the same id; else, for a segment split
 * off by a refusal (`segment~avoid-XX`), the class of the segment it was split from (with the same
 * exempt countries, else with none).
 */
function sourceClass(id: string, previous: ReadonlyMap<string, number>): number | undefined {
  const same = previous.get(id);
  if (same !== undefined) return same;
  // ids are `commodity|segment|exempt countries`
  const first = id.indexOf('|');
  const last = id.lastIndexOf('|');
  if (first < 0 || last <= first) return undefined;
  const commodity = id.slice(0, first);
  const exempt = id.slice(last + 1);
  let segment = id.slice(first + 1, last);
  for (let cut = segment.lastIndexOf('~'); cut > 0; cut = segment.lastIndexOf('~')) {
    segment = segment.slice(0, cut);
    const found =
      previous.get(`${commodity}|${segment}|${exempt}`) ?? previous.get(`${commodity}|${segment}|`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The warm start of a run with classes `classIds` from an earlier result: its path set, with class
 * indices translated to this run's classes (see the module notes). Undefined when there is no
 * earlier result, it has no path set, or no class matches.
 *
 * @param previous - the earlier result, if any
 * @param classIds - this run's class ids, in the solver's order
 * @returns a path set whose `odClass` indices refer to `classIds`
 */
export function warmStartFor(
  previous: SimulationResult | undefined,
  classIds: readonly string[],
): PathSet | undefined {
  const state = previous && STATES.get(previous);
  if (!state) return undefined;
  if (state.classIds.length === classIds.length && state.classIds.every((id, i) => id === classIds[i]))
    return state.paths;
  const previousIndex = new Map(state.classIds.map((id, k) => [id, k]));
  // the classes of this run each earlier class serves
  const targets: number[][] = state.classIds.map(() => []);
  let mapped = false;
  classIds.forEach((id, k) => {
    const j = sourceClass(id, previousIndex);
    if (j === undefined) return;
    targets[j]!.push(k);
    mapped = true;
  });
  return mapped ? translate(state.paths, targets) : undefined;
}

/** Copy of `set` with every OD entry of class j repeated once per class in `targets[j]`. */
function translate(set: PathSet, targets: readonly (readonly number[])[]): PathSet {
  const W = set.odClass.length;
  let ods = 0;
  let paths = 0;
  let arcs = 0;
  for (let w = 0; w < W; w++) {
    const copies = targets[set.odClass[w]!]!.length;
    if (copies === 0) continue;
    const p0 = set.odPathStart[w]!;
    const p1 = set.odPathStart[w + 1]!;
    ods += copies;
    paths += copies * (p1 - p0);
    arcs += copies * (set.pathArcStart[p1]! - set.pathArcStart[p0]!);
  }
  const odClass = new Int32Array(ods);
  const odOrigin = new Int32Array(ods);
  const odDestination = new Int32Array(ods);
  const odDemand = new Float64Array(ods);
  const odPathStart = new Int32Array(ods + 1);
  const pathArcStart = new Int32Array(paths + 1);
  const pathArcs = new Int32Array(arcs);
  const pathFlow = new Float64Array(paths);
  const pathCost = new Float64Array(paths);
  let o = 0;
  let q = 0;
  let a = 0;
  for (let w = 0; w < W; w++) {
    for (const k of targets[set.odClass[w]!]!) {
      odClass[o] = k;
      odOrigin[o] = set.odOrigin[w]!;
      odDestination[o] = set.odDestination[w]!;
      odDemand[o] = set.odDemand[w]!;
      for (let p = set.odPathStart[w]!; p < set.odPathStart[w + 1]!; p++) {
        for (let i = set.pathArcStart[p]!; i < set.pathArcStart[p + 1]!; i++)
          pathArcs[a++] = set.pathArcs[i]!;
        pathFlow[q] = set.pathFlow[p]!;
        pathCost[q] = set.pathCost[p]!;
        pathArcStart[++q] = a;
      }
      odPathStart[++o] = q;
    }
  }
  return {
    odClass,
    odOrigin,
    odDestination,
    odDemand,
    odPathStart,
    pathArcStart,
    pathArcs,
    pathFlow,
    pathCost,
  };
}
