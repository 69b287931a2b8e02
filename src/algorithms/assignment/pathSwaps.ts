/**
 * Flow swaps between classes
 * ==========================
 *
 * Gauss–Seidel over ODs moves one OD at a time, and every move changes the arc costs the other ODs
 * see. When ODs of classes with different constants (money ÷ value of time) share alternatives near
 * capacity — the Caspian ferries, say — each class settles at its own balance point of the
 * alternatives' time difference. An OD of one class moving towards its balance undoes the other
 * class's, which moves back: per pass only what a Newton step allows on the steep arcs changes sides,
 * and the restricted problem converges slowly (avoid-russia 2024: 60 passes for a tenfold fall of its
 * excess cost).
 *
 * A swap settles that at once. If OD A may move from path q to s (set differences X = q \ s and
 * Y = s \ q) and OD B of another class has paths q′, s′ with q′ \ s′ = Y and s′ \ q′ = X, moving m from
 * q to s and m from q′ to s′ changes no arc volume, hence no arc cost, and lowers the objective by
 * m · (e_A + e_B), where e_A = c_q − c_s and e_B = c_q′ − c_s′ (perhaps negative) are the two cost
 * differences. So a profitable pair (e_A + e_B > 0) swaps as much as the flows on q and q′ allow. Two
 * ODs of one class gain nothing (their constants cancel): swaps only re-sort the classes between
 * alternatives, the part Gauss–Seidel is slow at.
 *
 * With paths split into a constant part and their volume-dependent arcs (./splitPaths.ts), X and Y are
 * taken over the volume-dependent arcs only: a swap may then move volume between arcs whose cost does
 * not depend on it, which changes no cost either, and the fall of the objective is still
 * m · (e_A + e_B) with the paths' full costs. (Gradient projection passes its split: avoid-russia 2024
 * then needs 5 rounds instead of 6.)
 *
 * Moves are found by an order-free signature of their arc sets X and Y (a sum of mixed arc ids), and a
 * pair is checked arc by arc before it swaps.
 *
 * Internal: no public API.
 */

import { float64Array, grown, int32Array, type TypedArena } from '../_internal/arena.js';
import type { PathStore } from './pathStore.js';
import type { AssignmentClass } from './problem.js';
import type { SplitPaths } from './splitPaths.js';

/** The arcs of path q are `arcs[start[q] .. start[q] + length[q])`. */
interface PathArcs {
  readonly arcs: Int32Array;
  readonly start: Int32Array;
  readonly length: Int32Array;
}

/** Scratch of {@link swapAcrossClasses}, reused across calls. */
export class SwapWorkspace {
  /** Per arc: the stamp of the arc set last marked (A, B), or a count (C, zero between uses). */
  readonly markA: Int32Array;
  readonly markB: Int32Array;
  readonly countC: Int32Array;
  /** Per arc: its id mixed into 32 bits; a set's signature is the sum over its arcs. */
  readonly mixed: Int32Array;
  /** Candidate moves: OD, class, from path, to path, cost difference, signatures of X and of Y. */
  od: Int32Array;
  cls: Int32Array;
  from: Int32Array;
  to: Int32Array;
  gain: Float64Array;
  sigX: Int32Array;
  sigY: Int32Array;
  count = 0;
  /** Hash table of the move groups: key and first move per slot (-1 = empty); next move of a group. */
  slotKey: Int32Array;
  slotHead: Int32Array;
  link: Int32Array;
  private signatures: Int32Array;
  private stamp = 0;

  /**
   * @param arcCount - arcs of the problem
   * @param moves - candidate moves to make room for at once (more grow the buffers): e.g. two per OD
   * @param arena - where the buffers come from (one allocation each without)
   * @param paths - paths to make room for in the per-path scratch (the path store's room; more grow it)
   */
  constructor(arcCount: number, moves = 256, arena?: TypedArena, paths = 256) {
    this.signatures = int32Array(arena, paths);
    const n = Math.max(16, moves);
    this.od = int32Array(arena, n);
    this.cls = int32Array(arena, n);
    this.from = int32Array(arena, n);
    this.to = int32Array(arena, n);
    this.gain = float64Array(arena, n);
    this.sigX = int32Array(arena, n);
    this.sigY = int32Array(arena, n);
    this.link = int32Array(arena, n);
    let size = 1024;
    while (size < 2 * n) size *= 2;
    this.slotKey = int32Array(arena, size);
    this.slotHead = int32Array(arena, size);
    this.markA = int32Array(arena, arcCount);
    this.markB = int32Array(arena, arcCount);
    this.countC = int32Array(arena, arcCount);
    this.mixed = int32Array(arena, arcCount);
    for (let a = 0; a < arcCount; a++) this.mixed[a] = mix(a);
  }

  /** Record a candidate move. */
  push(od: number, cls: number, from: number, to: number, gain: number, sigX: number, sigY: number): void {
    if (this.count === this.od.length) this.grow();
    const i = this.count++;
    this.od[i] = od;
    this.cls[i] = cls;
    this.from[i] = from;
    this.to[i] = to;
    this.gain[i] = gain;
    this.sigX[i] = sigX;
    this.sigY[i] = sigY;
  }

  /** Per-path scratch for path signatures, at least `paths` long. */
  pathSignatures(paths: number): Int32Array {
    if (this.signatures.length < paths) this.signatures = new Int32Array(paths);
    return this.signatures;
  }

  /** Clear the table for `moves` moves; returns its size (a power of two, at least twice `moves`). */
  table(moves: number): number {
    let size = this.slotHead.length;
    while (size < 2 * moves) size *= 2;
    if (size !== this.slotHead.length) {
      this.slotKey = new Int32Array(size);
      this.slotHead = new Int32Array(size);
    }
    if (this.link.length < moves) this.link = new Int32Array(this.od.length);
    this.slotHead.fill(-1);
    return size;
  }

  /** A stamp no arc carries yet. */
  nextStamp(): number {
    if (this.stamp > 0x3ffffff0) {
      this.markA.fill(0);
      this.markB.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  private grow(): void {
    const n = this.od.length * 2;
    this.od = grown(this.od, n);
    this.cls = grown(this.cls, n);
    this.from = grown(this.from, n);
    this.to = grown(this.to, n);
    this.sigX = grown(this.sigX, n);
    this.sigY = grown(this.sigY, n);
    this.gain = grown(this.gain, n);
  }
}

/** Mix an arc id into 32 bits (murmur3's finalizer). */
function mix(a: number): number {
  let h = Math.imul(a + 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Signature of an arc set from the sum of its mixed arcs and its size. */
function signature(sum: number, size: number): number {
  return (sum + Math.imul(size, 0x27d4eb2d)) | 0;
}

/**
 * Swap flow between ODs of different classes whose moves are mirror images on the same arcs (see the
 * module comment). Arc costs do not change; the paths' `store.cost` is refreshed.
 *
 * @param store - path sets with flows (flows and costs are updated)
 * @param classes - the problem's classes, by index
 * @param ods - the ODs that may swap, `ods[0..count)`
 * @param odClass - the class index of each listed OD
 * @param count - how many ODs are listed
 * @param cost - current arc costs (each class's constants are added)
 * @param ws - scratch
 * @param split - the paths' split, current for these ODs: moves are compared on their
 *   volume-dependent arcs only, and priced as constant part plus those arcs' costs
 * @returns the fall of the restricted problem's excess cost, Σ m · (e_A + e_B)
 */
export function swapAcrossClasses(
  store: PathStore,
  classes: readonly AssignmentClass[],
  ods: Int32Array,
  odClass: Int32Array,
  count: number,
  cost: Float64Array,
  ws: SwapWorkspace,
  split?: SplitPaths,
): number {
  // with a split, moves are compared on the volume-dependent arcs only (see the module comment)
  const view: PathArcs = split
    ? { arcs: split.varArcs, start: split.varStart, length: split.varLength }
    : { arcs: store.arcs, start: store.start, length: store.length };
  const { arcs, start, length } = view;
  const { markA, mixed } = ws;
  const pathSig = ws.pathSignatures(store.flow.length);
  ws.count = 0;
  for (let i = 0; i < count; i++) {
    const od = ods[i]!;
    if (store.odSize[od]! < 2) continue;
    const cls = classes[odClass[i]!]!;
    const constant = cls.arcConstant;
    // every path's cost and signature
    for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
      let c = split ? split.fixed[q]! : 0;
      let sig = 0;
      for (let k = start[q]!, e = k + length[q]!; k < e; k++) {
        const a = arcs[k]!;
        c += split ? cost[a]! : cost[a]! + constant[a]!;
        sig = (sig + mixed[a]!) | 0;
      }
      store.cost[q] = c;
      pathSig[q] = sig;
    }
    // a move from every path with flow to every other path; X and Y are what the two paths do not share
    for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
      if (!(store.flow[q]! > 0)) continue;
      const inQ = ws.nextStamp();
      for (let k = start[q]!, e = k + length[q]!; k < e; k++) markA[arcs[k]!] = inQ;
      for (let s = store.odHead[od]!; s >= 0; s = store.next[s]!) {
        if (s === q) continue;
        let shared = 0;
        let sharedCount = 0;
        for (let k = start[s]!, e = k + length[s]!; k < e; k++) {
          const a = arcs[k]!;
          if (markA[a] === inQ) {
            shared = (shared + mixed[a]!) | 0;
            sharedCount++;
          }
        }
        ws.push(
          od,
          cls.index,
          q,
          s,
          store.cost[q]! - store.cost[s]!,
          signature(pathSig[q]! - shared, length[q]! - sharedCount),
          signature(pathSig[s]! - shared, length[s]! - sharedCount),
        );
      }
    }
  }
  return matchSwaps(store, view, ws);
}

/** Group key of a move with signatures (x, y). */
function keyOf(x: number, y: number): number {
  return Math.imul(x, 0x9e3779b1) ^ y;
}

/**
 * Pair each profitable move with the mirror move of another class that gains most, and swap; repeat
 * while the move has flow and a profitable mirror is left. Moves are grouped by their signatures in
 * an open-addressing table (slot → first move; the moves of a group are linked).
 */
function matchSwaps(store: PathStore, view: PathArcs, ws: SwapWorkspace): number {
  const n = ws.count;
  if (n < 2) return 0;
  const mask = ws.table(n) - 1;
  const { slotKey, slotHead, link, gain, from, to } = ws;
  const slotOf = (key: number): number => {
    let h = Math.imul(key, 0x85ebca6b) & mask;
    while (slotHead[h] !== -1 && slotKey[h] !== key) h = (h + 1) & mask;
    return h;
  };
  for (let i = 0; i < n; i++) {
    const key = keyOf(ws.sigX[i]!, ws.sigY[i]!);
    const h = slotOf(key);
    slotKey[h] = key;
    link[i] = slotHead[h]!;
    slotHead[h] = i;
  }
  const flow = store.flow;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const gi = gain[i]!;
    if (!(gi > 0)) continue;
    const mirrors = slotOf(keyOf(ws.sigY[i]!, ws.sigX[i]!));
    for (;;) {
      const fi = flow[from[i]!]!;
      if (!(fi > 0)) break;
      let best = -1;
      let bestGain = Number.NEGATIVE_INFINITY;
      for (let k = slotHead[mirrors]!; k >= 0; k = link[k]!) {
        if (ws.cls[k] === ws.cls[i] || !(flow[from[k]!]! > 0)) continue;
        if (gain[k]! > bestGain) {
          bestGain = gain[k]!;
          best = k;
        }
      }
      if (best < 0) break;
      const noise = SWAP_NOISE * (store.cost[from[i]!]! + store.cost[from[best]!]!);
      if (!(gi + bestGain > noise)) break;
      if (!isMirror(view, ws, i, best)) {
        gain[best] = Number.NEGATIVE_INFINITY; // a signature collision: never this move again
        continue;
      }
      const fk = flow[from[best]!]!;
      const m = Math.min(fi, fk);
      flow[from[i]!] = fi - m;
      flow[to[i]!] = flow[to[i]!]! + m;
      flow[from[best]!] = fk - m;
      flow[to[best]!] = flow[to[best]!]! + m;
      total += m * (gi + bestGain);
    }
  }
  return total;
}

/**
 * Gains below this share of the two paths' costs are rounding noise, as in the equilibration's own
 * moves: no swap on them.
 */
const SWAP_NOISE = 1e-14;

/** Whether move k mirrors move i arc for arc: q_k \ s_k = s_i \ q_i and s_k \ q_k = q_i \ s_i. */
function isMirror(view: PathArcs, ws: SwapWorkspace, i: number, k: number): boolean {
  return (
    sameDifference(view, ws, ws.to[i]!, ws.from[i]!, ws.from[k]!, ws.to[k]!) &&
    sameDifference(view, ws, ws.from[i]!, ws.to[i]!, ws.to[k]!, ws.from[k]!)
  );
}

/** Whether path a minus path b equals path c minus path d, as multisets of arcs. */
function sameDifference(
  view: PathArcs,
  ws: SwapWorkspace,
  a: number,
  b: number,
  c: number,
  d: number,
): boolean {
  const { arcs, start, length } = view;
  const { markB, countC } = ws;
  const inB = ws.nextStamp();
  for (let k = start[b]!, e = k + length[b]!; k < e; k++) markB[arcs[k]!] = inB;
  for (let k = start[a]!, e = k + length[a]!; k < e; k++) {
    const x = arcs[k]!;
    if (markB[x] !== inB) countC[x]!++;
  }
  const inD = ws.nextStamp();
  for (let k = start[d]!, e = k + length[d]!; k < e; k++) markB[arcs[k]!] = inD;
  for (let k = start[c]!, e = k + length[c]!; k < e; k++) {
    const x = arcs[k]!;
    if (markB[x] !== inD) countC[x]!--;
  }
  // equal when every count is back to zero (only arcs of a and c were counted); then reset them
  let same = true;
  for (let k = start[a]!, e = k + length[a]!; k < e; k++) if (countC[arcs[k]!] !== 0) same = false;
  for (let k = start[c]!, e = k + length[c]!; k < e; k++) if (countC[arcs[k]!] !== 0) same = false;
  for (let k = start[a]!, e = k + length[a]!; k < e; k++) countC[arcs[k]!] = 0;
  for (let k = start[c]!, e = k + length[c]!; k < e; k++) countC[arcs[k]!] = 0;
  return same;
}
