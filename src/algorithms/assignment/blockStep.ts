/**
 * A joint Newton step for the few ODs still moving
 * ================================================
 *
 * Gauss–Seidel passes move one OD at a time by its own Newton step. When a handful of ODs share the
 * steep arcs of their moves, each step undoes part of the others', and the passes converge linearly:
 * on the Eurasia baseline of 2023 the last round spent 20 passes over the same 9 ODs, each taking
 * 15 % off the excess. Two of them did it all: one moved off a border crossing that the other moved
 * onto, and each move, exact for its own OD, unbalanced the other by 85 % of what it had just
 * balanced.
 *
 * The step here moves them together. Each used path p of each of these ODs but the OD's cheapest
 * s gives a move i, Δ_i from p_i to s_i, and the cost differences e_i = c(p_i) − c(s_i) change, to
 * first order, by −Σ_j J_ij Δ_j with J_ij = Σ_a t′_a σ_ia σ_ja (σ_ia = +1 on the volume-dependent
 * arcs of p_i \ s_i, −1 on those of s_i \ p_i). Solving J Δ = e (a small symmetric positive
 * semi-definite system, by Cholesky) zeroes every difference at once to first order, across ODs and
 * across the paths of one OD. A path the last pass left balanced (e_i = 0) takes part too: the other
 * moves would unbalance it, and its Δ_i may come out negative (flow back from s_i to p_i). Each Δ_i
 * is clipped to f(p_i), and the moves back to one OD's paths together to f(s_i); a move whose row
 * depends on the earlier ones (a pivot that vanishes) is left out. Moving every used path, not only
 * the costliest, matters where ODs have many near-equal paths: on random grids loaded far past
 * capacity by three classes (360 runs to 1e-10), runs that stopped as stalled fell from 11 to 6. The passes minimise a convex objective (Beckmann's, or the total
 * cost for a system optimum), whose slope along the step is −Σ_i Δ_i e_i: the step is taken only when
 * that slope is negative at its start. When it is still ≤ 0 at the end of the step, the objective has
 * fallen (convexity) and the step stays whole; when the step overshot (costs curving upwards), it is
 * cut back to a point short of the minimum along it, found by a few safeguarded secant steps. So
 * passes and steps both lower the objective, and the passes finish what curvature and clipping leave.
 *
 * Internal: no public API.
 */

import { float64Array, int32Array, type TypedArena } from '../_internal/arena.js';
import { refreshArc } from './arcCosts.js';
import type { PathStore } from './pathStore.js';
import type { AssignmentProblem } from './problem.js';
import type { SplitPaths } from './splitPaths.js';

/** Most ODs a step moves together (larger hot lists are left to the passes). */
export const BLOCK_MAX = 16;
/** Most moves a step solves for together (an OD may bring one per used path). */
const MOVES_MAX = 32;
/** Secant steps at most when the joint step overshoots. */
const SECANT_STEPS = 6;
/** Room for the arcs of one OD's move. */
const MOVE_ARCS = 64;

/** Scratch of {@link blockStep}, made once per run. */
export class BlockWorkspace {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly excess: Float64Array;
  readonly delta: Float64Array;
  readonly fromFlow: Float64Array;
  readonly toFlow: Float64Array;
  readonly matrix: Float64Array;
  readonly moveStart: Int32Array;
  readonly moveArc: Int32Array;
  readonly moveSign: Float64Array;
  /**
   * Per arc: the stamp of the last mark — of an OD's cheapest path while its moves are made (step 1),
   * of a move's arcs while J is summed (step 2, their signs in `sign`).
   */
  readonly stampOf: Int32Array;
  readonly sign: Float64Array;
  /** Per arc: the stamp of the last path marked as a move's source (step 1). */
  readonly onPath: Int32Array;
  private stamp = 0;

  /**
   * @param arcCount - arcs of the problem
   * @param arena - where the arrays come from (arrays of their own without one)
   */
  constructor(arcCount: number, arena?: TypedArena) {
    this.from = int32Array(arena, MOVES_MAX);
    this.to = int32Array(arena, MOVES_MAX);
    this.moveStart = int32Array(arena, MOVES_MAX + 1);
    this.moveArc = int32Array(arena, MOVES_MAX * MOVE_ARCS);
    this.stampOf = int32Array(arena, arcCount);
    this.excess = float64Array(arena, MOVES_MAX);
    this.delta = float64Array(arena, MOVES_MAX);
    this.fromFlow = float64Array(arena, MOVES_MAX);
    this.toFlow = float64Array(arena, MOVES_MAX);
    this.matrix = float64Array(arena, MOVES_MAX * MOVES_MAX);
    this.moveSign = float64Array(arena, MOVES_MAX * MOVE_ARCS);
    this.sign = float64Array(arena, arcCount);
    this.onPath = int32Array(arena, arcCount);
  }

  /** A stamp no arc holds yet. */
  nextStamp(): number {
    if (++this.stamp > 0x3ffffff0) {
      this.stampOf.fill(0);
      this.onPath.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }
}

/**
 * Move the listed ODs together by the joint Newton step (see the module comment), updating arc
 * volumes, costs and derivatives and the path flows. Path costs are priced afresh (into
 * `store.cost`); an OD whose only used path is its cheapest takes no part, and ODs whose moves
 * would pass 32 in all are left to the passes (callers list at most {@link BLOCK_MAX}).
 *
 * @param p - the problem
 * @param store - the paths
 * @param split - the paths' constant parts and volume-dependent arcs (./splitPaths.ts)
 * @param ods - the ODs, `ods[0 .. count)`
 * @param count - how many
 * @param V - arc volumes
 * @param cost - arc costs
 * @param deriv - arc cost derivatives
 * @param so - system optimum (marginal costs)
 * @param ws - scratch
 * @returns how many moves were made (0 when the step was declined)
 */
export function blockStep(
  p: AssignmentProblem,
  store: PathStore,
  split: SplitPaths,
  ods: Int32Array,
  count: number,
  V: Float64Array,
  cost: Float64Array,
  deriv: Float64Array,
  so: boolean,
  ws: BlockWorkspace,
): number {
  const { varStart, varLength, varArcs } = split;
  const { from, to, excess, delta, fromFlow, toFlow, matrix, moveStart, moveArc, moveSign } = ws;
  const { stampOf, sign, onPath } = ws;
  // 1. each OD's moves: from every used path but the cheapest, to the cheapest
  let n = 0;
  moveStart[0] = 0;
  for (let h = 0; h < count; h++) {
    const od = ods[h]!;
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    let used = 0;
    for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
      const c = priced(split, cost, q);
      store.cost[q] = c;
      if (c < bestCost) {
        bestCost = c;
        best = q;
      }
      if (store.flow[q]! > 0) used++;
    }
    // the OD's moves must all fit, or it and the ODs after it take no part
    if (n + used > MOVES_MAX) break;
    const bestStamp = ws.nextStamp();
    for (let k = varStart[best]!, stop = k + varLength[best]!; k < stop; k++)
      stampOf[varArcs[k]!] = bestStamp;
    // an OD the last pass balanced takes part too, as the others' moves unbalance it (its Δ may come
    // out < 0)
    for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
      if (q === best || !(store.flow[q]! > 0)) continue;
      // the move's arcs: +1 on q \ best, −1 on best \ q (volume-dependent arcs only)
      const pathStamp = ws.nextStamp();
      let at = moveStart[n]!;
      const room = at + MOVE_ARCS;
      let fits = true;
      for (let k = varStart[q]!, stop = k + varLength[q]!; k < stop; k++) {
        const a = varArcs[k]!;
        onPath[a] = pathStamp;
        if (stampOf[a] === bestStamp) continue;
        if (at === room) fits = false;
        else {
          moveArc[at] = a;
          moveSign[at++] = 1;
        }
      }
      for (let k = varStart[best]!, stop = k + varLength[best]!; k < stop; k++) {
        const a = varArcs[k]!;
        if (onPath[a] === pathStamp) continue;
        if (at === room) fits = false;
        else {
          moveArc[at] = a;
          moveSign[at++] = -1;
        }
      }
      if (!fits) continue;
      from[n] = q;
      to[n] = best;
      excess[n] = store.cost[q]! - bestCost;
      moveStart[++n] = at;
    }
  }
  if (n < 2) return 0;

  // 2. J_ij = Σ_a t′_a σ_ia σ_ja, by marking i's arcs with their signs and reading j's
  for (let i = 0; i < n; i++) {
    const stamp = ws.nextStamp();
    for (let k = moveStart[i]!; k < moveStart[i + 1]!; k++) {
      stampOf[moveArc[k]!] = stamp;
      sign[moveArc[k]!] = moveSign[k]!;
    }
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = moveStart[j]!; k < moveStart[j + 1]!; k++) {
        const a = moveArc[k]!;
        if (stampOf[a] === stamp) s += deriv[a]! * sign[a]! * moveSign[k]!;
      }
      matrix[i * MOVES_MAX + j] = s;
      matrix[j * MOVES_MAX + i] = s;
    }
  }

  // 3. J Δ = e by Cholesky (in place, lower triangle); a pivot that vanishes leaves its move out
  for (let i = 0; i < n; i++) delta[i] = excess[i]!;
  for (let i = 0; i < n; i++) {
    let d = matrix[i * MOVES_MAX + i]!;
    for (let k = 0; k < i; k++) d -= matrix[i * MOVES_MAX + k]! * matrix[i * MOVES_MAX + k]!;
    if (!(d > 1e-9 * matrix[i * MOVES_MAX + i]!)) {
      // dependent on the moves before it (or no volume-dependent arc): left out of this step
      for (let k = 0; k < i; k++) matrix[i * MOVES_MAX + k] = 0;
      matrix[i * MOVES_MAX + i] = 1;
      for (let j = i + 1; j < n; j++) matrix[j * MOVES_MAX + i] = 0;
      delta[i] = 0;
      continue;
    }
    const l = Math.sqrt(d);
    matrix[i * MOVES_MAX + i] = l;
    for (let j = i + 1; j < n; j++) {
      let s = matrix[j * MOVES_MAX + i]!;
      for (let k = 0; k < i; k++) s -= matrix[j * MOVES_MAX + k]! * matrix[i * MOVES_MAX + k]!;
      matrix[j * MOVES_MAX + i] = s / l;
    }
  }
  for (let i = 0; i < n; i++) {
    let s = delta[i]!;
    for (let k = 0; k < i; k++) s -= matrix[i * MOVES_MAX + k]! * delta[k]!;
    delta[i] = s / matrix[i * MOVES_MAX + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = delta[i]!;
    for (let k = i + 1; k < n; k++) s -= matrix[k * MOVES_MAX + i]! * delta[k]!;
    delta[i] = s / matrix[i * MOVES_MAX + i]!;
  }

  // 4. the moves, clipped to the flows: Δ_i ≤ f(p_i), and the moves back from one OD's cheapest path
  // (Δ < 0) at most its flow together; taken only along a descent direction of the objective the
  // passes minimise (Σ Δ_i e_i > 0 at the start)
  for (let i = 0; i < n; i++) {
    fromFlow[i] = store.flow[from[i]!]!;
    toFlow[i] = store.flow[to[i]!]!;
    if (delta[i]! > fromFlow[i]!) delta[i] = fromFlow[i]!;
  }
  for (let i = 0; i < n; ) {
    // the moves of one OD are consecutive and share their cheapest path
    let end = i + 1;
    while (end < n && to[end] === to[i]) end++;
    let back = 0;
    for (let k = i; k < end; k++) if (delta[k]! < 0) back -= delta[k]!;
    if (back > toFlow[i]!) {
      const scale = toFlow[i]! / back;
      for (let k = i; k < end; k++) if (delta[k]! < 0) delta[k] = delta[k]! * scale;
    }
    i = end;
  }
  let slope = 0;
  for (let i = 0; i < n; i++) slope += delta[i]! * excess[i]!;
  if (!(slope > 0)) return 0;
  // h(s) = Σ Δ_i e_i after a step s·Δ: the objective's slope along the step is −h(s), and h falls
  // with s (convexity); h(0) = slope > 0. The whole step is kept when h(1) ≥ 0; when it overshot
  // (costs curving upwards), the step goes back to the last point found where h ≥ 0, narrowed
  // towards the minimum by safeguarded secant steps. There the objective is below its start.
  let at = 0;
  const moveTo = (target: number): number => {
    for (let i = 0; i < n; i++) {
      const m = delta[i]!;
      if (m === 0) continue;
      shift(p, moveArc, moveSign, moveStart[i]!, moveStart[i + 1]!, (target - at) * m, V, cost, deriv, so);
    }
    // flows from the start, as the moves of one OD share their cheapest path
    for (let i = 0; i < n; i++) store.flow[to[i]!] = toFlow[i]!;
    for (let i = 0; i < n; i++) {
      const moved = target * delta[i]!;
      const f = fromFlow[i]!;
      store.flow[from[i]!] = moved === f ? 0 : f - moved;
      const t = store.flow[to[i]!]! + moved;
      store.flow[to[i]!] = Math.max(t, 0);
    }
    at = target;
    let h = 0;
    for (let i = 0; i < n; i++) {
      if (delta[i] !== 0) h += delta[i]! * (priced(split, cost, from[i]!) - priced(split, cost, to[i]!));
    }
    return h;
  };
  let lo = 0;
  let hLo = slope;
  let hi = 1;
  let hHi = moveTo(1);
  if (hHi >= 0) return n;
  for (let it = 0; it < SECANT_STEPS && hLo > 1e-3 * slope; it++) {
    let next = lo + (hLo * (hi - lo)) / (hLo - hHi);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    const h = moveTo(next);
    if (h >= 0) {
      lo = next;
      hLo = h;
    } else {
      hi = next;
      hHi = h;
    }
  }
  moveTo(lo);
  return lo > 0 ? n : 0;
}

/** Move `m` along one OD's move (arcs `moveArc[start .. end)` with their signs): volumes and costs. */
function shift(
  p: AssignmentProblem,
  moveArc: Int32Array,
  moveSign: Float64Array,
  start: number,
  end: number,
  m: number,
  V: Float64Array,
  cost: Float64Array,
  deriv: Float64Array,
  so: boolean,
): void {
  for (let k = start; k < end; k++) {
    const a = moveArc[k]!;
    let v = V[a]! - moveSign[k]! * m;
    if (v < 0) v = 0;
    V[a] = v;
    refreshArc(p, a, v, so, cost, deriv);
  }
}

/** The cost of path `q` at arc costs `cost`: its constant part plus its volume-dependent arcs. */
function priced(split: SplitPaths, cost: Float64Array, q: number): number {
  let c = split.fixed[q]!;
  for (let k = split.varStart[q]!, stop = k + split.varLength[q]!; k < stop; k++)
    c += cost[split.varArcs[k]!]!;
  return c;
}
