/**
 * Paths split into a constant and a volume-dependent part
 * =======================================================
 *
 * Most arcs of a corridor path cost the same at any volume: rail and road links without a capacity
 * get the constant volume-delay function, and every arc adds its class constant (money ÷ value of
 * time, dwell). On the Eurasia network 123 of 154 arcs are constant and a path of about 9 arcs has
 * about 3 whose cost moves with volume. The equilibration re-prices paths after every move, so it
 * keeps each path as one number — its constant part, Σ_a constant_k(a) + Σ_{a constant} t0(a) — and
 * the list of its volume-dependent arcs:
 *
 *   c_q = fixed[q] + Σ_{a ∈ var(q)} cost[a].
 *
 * Moving flow between two paths changes volumes, costs and derivatives only on those arcs (a constant
 * arc's derivative is 0), so the Newton steps read and write them alone. The constant arcs' volumes
 * are not kept at all while a run goes on: a gap evaluation recomputes the volume-dependent arcs'
 * volumes from the path flows ({@link SplitPaths.varVolumes}), and a run's result all of them.
 *
 * Internal: no public API.
 */

import { float64Array, grown, int32Array, type TypedArena } from '../_internal/arena.js';
import type { PathStore } from './pathStore.js';
import type { AssignmentClass, AssignmentProblem } from './problem.js';
import { VDF_CONSTANT } from './vdf.js';

/** The split of every live path of a {@link PathStore}, indexed by path. */
export class SplitPaths {
  /** Constant part of each path's cost. */
  fixed: Float64Array;
  /** The volume-dependent arcs of path q are `varArcs[varStart[q] .. varStart[q] + varLength[q])`. */
  varStart: Int32Array;
  varLength: Int32Array;
  varArcs: Int32Array;
  /** The store serial each path was split from (0 = none). */
  private splitSerial: Int32Array;
  /** Entries of `varArcs` in use, live or left by paths since removed. */
  private used = 0;
  /** The store's `lastSerial` when every path of the classes last refreshed was split (-1: never). */
  private splitUpTo = -1;
  /** The store and classes of that refresh. */
  private splitStore: PathStore | undefined;
  private splitClasses: readonly AssignmentClass[] | undefined;

  /**
   * @param paths - room for this many paths (grows with the store)
   * @param arcs - room for this many arcs of paths (grows when needed)
   * @param arena - where the first buffers come from
   */
  constructor(paths: number, arcs: number, arena?: TypedArena) {
    this.fixed = float64Array(arena, paths);
    this.varStart = int32Array(arena, paths);
    this.varLength = int32Array(arena, paths);
    this.varArcs = int32Array(arena, arcs);
    this.splitSerial = int32Array(arena, paths);
  }

  /**
   * Split the paths of the listed classes' ODs that are new since the last call (paths are
   * immutable: a split stays right while the store holds the same path, which its serial tells).
   * When the list of volume-dependent arcs would outgrow its buffer, every path is split anew into
   * a fresh one (the space of removed paths is then reclaimed). Returns at once when the store has had
   * no path added since the last refresh of the same store and classes.
   *
   * @param p - the problem (volume-delay kinds and free-flow times)
   * @param store - the paths
   * @param classes - the classes whose ODs to split (their constants price the paths)
   */
  refresh(p: AssignmentProblem, store: PathStore, classes: readonly AssignmentClass[]): void {
    // no path added since the last refresh of the same classes: nothing new to split
    if (store === this.splitStore && store.lastSerial === this.splitUpTo && classes === this.splitClasses) {
      return;
    }
    const paths = store.flow.length;
    if (this.fixed.length < paths) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => grown(a, paths);
      this.fixed = grow(this.fixed);
      this.varStart = grow(this.varStart);
      this.varLength = grow(this.varLength);
      this.splitSerial = grow(this.splitSerial);
    }
    if (!this.splitNew(p, store, classes)) {
      // out of room: start over in a buffer twice the live paths' arcs
      this.splitSerial.fill(0);
      this.used = 0;
      this.varArcs = new Int32Array(Math.max(this.varArcs.length, 2 * liveArcs(store, classes)));
      this.splitNew(p, store, classes);
    }
    this.splitUpTo = store.lastSerial;
    this.splitStore = store;
    this.splitClasses = classes;
  }

  /** Split the paths not split yet; false (and stop) when `varArcs` runs out of room. */
  private splitNew(p: AssignmentProblem, store: PathStore, classes: readonly AssignmentClass[]): boolean {
    const { fixed, varStart, varLength, splitSerial, varArcs } = this;
    const { vdfKind, t0 } = p;
    const arcs = store.arcs;
    let w = this.used;
    for (const cls of classes) {
      const constant = cls.arcConstant;
      for (let od = cls.odOffset, end = od + cls.destinations.length; od < end; od++) {
        for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
          if (splitSerial[q] === store.serial[q]) continue;
          const s = store.start[q]!;
          const len = store.length[q]!;
          if (w + len > varArcs.length) {
            this.used = w;
            return false;
          }
          let f = 0;
          varStart[q] = w;
          for (let k = s; k < s + len; k++) {
            const a = arcs[k]!;
            f += constant[a]!;
            if (vdfKind[a] === VDF_CONSTANT) f += t0[a]!;
            else varArcs[w++] = a;
          }
          fixed[q] = f;
          varLength[q] = w - varStart[q]!;
          splitSerial[q] = store.serial[q]!;
        }
      }
    }
    this.used = w;
    return true;
  }

  /**
   * Exact volumes of the volume-dependent arcs `varList` from the path flows of `classes` (every class
   * of the problem, all split): per class into `classFlows`, in total into `volume`, summed in the order
   * `pathVolumes` (./pathSupport.ts) sums them, so these arcs get the same volumes to the last bit; the
   * entries of other arcs are left as they are. Also Σ flow × constant part over each class's paths
   * into `fixedTotals` (by class index): a class's total cost is that plus Σ over `varList` of its volume
   * × the arc's cost.
   *
   * @param store - the paths
   * @param classes - every class of the problem, in problem order
   * @param varList - the volume-dependent arcs
   * @param volume - total volume per arc
   * @param classFlows - volume per arc of each class
   * @param fixedTotals - per class: Σ flow × constant part of its paths
   */
  varVolumes(
    store: PathStore,
    classes: readonly AssignmentClass[],
    varList: Int32Array,
    volume: Float64Array,
    classFlows: readonly Float64Array[],
    fixedTotals: Float64Array,
  ): void {
    const { fixed, varStart, varLength, varArcs } = this;
    const n = varList.length;
    for (let i = 0; i < n; i++) volume[varList[i]!] = 0;
    for (const cls of classes) {
      const x = classFlows[cls.index]!;
      for (let i = 0; i < n; i++) x[varList[i]!] = 0;
      let total = 0;
      for (let od = cls.odOffset, end = od + cls.destinations.length; od < end; od++) {
        for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
          const f = store.flow[q]!;
          if (f === 0) continue;
          total += f * fixed[q]!;
          for (let k = varStart[q]!, stop = k + varLength[q]!; k < stop; k++) {
            const a = varArcs[k]!;
            x[a] = x[a]! + f;
          }
        }
      }
      fixedTotals[cls.index] = total;
      for (let i = 0; i < n; i++) {
        const a = varList[i]!;
        volume[a] = volume[a]! + x[a]!;
      }
    }
  }

  /** Cost of path q at arc costs `cost`. */
  costOf(q: number, cost: Float64Array): number {
    const varArcs = this.varArcs;
    let c = this.fixed[q]!;
    for (let k = this.varStart[q]!, end = k + this.varLength[q]!; k < end; k++) c += cost[varArcs[k]!]!;
    return c;
  }
}

/**
 * The problem's volume-dependent arcs (every arc whose volume-delay function is not the constant one),
 * in arc order: the arcs a split path lists, and the only ones whose volumes a round needs.
 *
 * @param p - the problem
 * @param arena - where the list comes from
 * @returns the arc indices
 * @internal
 */
export function volumeDependentArcs(p: AssignmentProblem, arena: TypedArena): Int32Array {
  let count = 0;
  for (let a = 0; a < p.arcCount; a++) if (p.vdfKind[a] !== VDF_CONSTANT) count++;
  const list = arena.i32(count);
  for (let a = 0, i = 0; a < p.arcCount; a++) if (p.vdfKind[a] !== VDF_CONSTANT) list[i++] = a;
  return list;
}

/** Arcs of the listed classes' paths. */
function liveArcs(store: PathStore, classes: readonly AssignmentClass[]): number {
  let n = 0;
  for (const cls of classes) {
    for (let od = cls.odOffset, end = od + cls.destinations.length; od < end; od++) {
      for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) n += store.length[q]!;
    }
  }
  return n;
}
