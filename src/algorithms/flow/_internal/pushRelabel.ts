/**
 * Push-relabel maximum flow (highest label, gap, global relabel)
 * ==============================================================
 *
 * Phase 1 computes a maximum preflow: nodes with excess discharge along admissible arcs (label one
 * lower), always the active node with the highest label first; a node with no admissible arc is
 * relabelled to one more than its lowest residual neighbour. Two heuristics make it fast in practice:
 * the *gap* heuristic (when no node is left on a level, every node above it is cut off from the sink)
 * and periodic *global relabelling* (exact distances to the sink by a backward breadth-first search).
 * At the end of phase 1 the excess at the sink is the maximum flow value, and the nodes that cannot
 * reach the sink in the residual graph form the source side of a minimum cut. Phase 2 returns the
 * excess that is stuck at source-side nodes to the source with the same machinery (target = source),
 * which turns the preflow into a flow.
 *
 * With integer capacities (the callers scale decimals to integers) every push moves an integer, so the
 * arithmetic is exact. With general doubles it still terminates: the number of operations is bounded
 * by the labels, not by the values.
 *
 * References: A. V. Goldberg and R. E. Tarjan, "A new approach to the maximum-flow problem", J. ACM 35
 * (1988); B. V. Cherkassky and A. V. Goldberg, "On implementing the push-relabel method for the
 * maximum flow problem", Algorithmica 19 (1997) — highest-label selection, gap and global relabelling.
 *
 * Internal: no public API. Complexity O(n² √m) worst case; near-linear on typical instances.
 */

import { float64Array, int32Array, type TypedArena } from '../../_internal/arena.js';
import type { Residual } from './residual.js';

/** Work (arc scans) allowed between global relabellings, per node and per arc. */
const GLOBAL_RELABEL_NODE_FACTOR = 6;
const GLOBAL_RELABEL_ARC_FACTOR = 1;
/** Fixed work charged per relabel, on top of the scanned arcs. */
const RELABEL_WORK = 12;

/** Buffers of the push-relabel run (allocated once per graph). */
export interface PushRelabelState {
  /** Highest level holding an active node after the last global relabelling. */
  maxActive: number;
  readonly label: Int32Array;
  readonly excess: Float64Array;
  readonly current: Int32Array;
  readonly activeHead: Int32Array;
  readonly activeNext: Int32Array;
  readonly levelHead: Int32Array;
  readonly levelNext: Int32Array;
  readonly levelPrev: Int32Array;
  readonly queue: Int32Array;
}

/**
 * Allocate buffers for a graph of n nodes.
 *
 * @param n - number of nodes
 * @param arena - where to take the buffers from (arrays of their own without one)
 * @returns fresh, zeroed buffers
 */
export function createPushRelabelState(n: number, arena?: TypedArena): PushRelabelState {
  return {
    maxActive: -1,
    label: int32Array(arena, n),
    excess: float64Array(arena, n),
    current: int32Array(arena, n),
    activeHead: int32Array(arena, n + 1),
    activeNext: int32Array(arena, n),
    levelHead: int32Array(arena, n + 1),
    levelNext: int32Array(arena, n),
    levelPrev: int32Array(arena, n),
    queue: int32Array(arena, n),
  };
}

/**
 * Bytes of the buffers {@link createPushRelabelState} takes for n nodes, alignment included: for
 * callers that size an arena.
 *
 * @param n - number of nodes
 * @returns the bytes
 */
export function pushRelabelStateBytes(n: number): number {
  return 8 * n + 6 * 4 * n + 2 * 4 * (n + 1) + 9 * 8;
}

/**
 * Exact distances to the target by backward BFS; rebuilds the level and active lists.
 *
 * @returns the highest non-empty level (st.maxActive is set to the highest active level)
 */
function globalRelabel(g: Residual, st: PushRelabelState, target: number, excluded: number): number {
  const { n, first, to, rcap, mate } = g;
  const { label, excess, current, activeHead, activeNext, levelHead, levelNext, levelPrev, queue } = st;
  label.fill(n);
  label[target] = 0;
  queue[0] = target;
  let qHead = 0;
  let qTail = 1;
  while (qHead < qTail) {
    const w = queue[qHead++]!;
    const lw = label[w]! + 1;
    for (let p = first[w]!, end = first[w + 1]!; p < end; p++) {
      const u = to[p]!;
      if (label[u] === n && u !== excluded && u !== target && rcap[mate[p]!]! > 0) {
        label[u] = lw;
        queue[qTail++] = u;
      }
    }
  }
  levelHead.fill(-1);
  activeHead.fill(-1);
  let maxActive = -1;
  let maxLevel = -1;
  for (let i = 1; i < qTail; i++) {
    const u = queue[i]!;
    const l = label[u]!;
    const h = levelHead[l]!;
    levelNext[u] = h;
    levelPrev[u] = -1;
    if (h >= 0) levelPrev[h] = u;
    levelHead[l] = u;
    if (l > maxLevel) maxLevel = l;
    current[u] = first[u]!;
    if (excess[u]! > 0) {
      activeNext[u] = activeHead[l]!;
      activeHead[l] = u;
      if (l > maxActive) maxActive = l;
    }
  }
  st.maxActive = maxActive;
  return maxLevel;
}

/**
 * Run one push-relabel phase: move all excess (except at `excluded`) towards `target`.
 *
 * Labels are distances to `target`; `n` means "cut off". Nodes cut off keep their excess.
 *
 * @param g - residual graph (rcap is updated in place)
 * @param st - buffers; `excess` must hold the current excesses
 * @param target - the node that absorbs flow
 * @param excluded - a node that never becomes active and never receives flow (source in phase 1)
 */
function runPhase(g: Residual, st: PushRelabelState, target: number, excluded: number): void {
  const { n, first, to, rcap, mate } = g;
  const { label, excess, current, activeHead, activeNext, levelHead, levelNext, levelPrev } = st;
  const workLimit = GLOBAL_RELABEL_NODE_FACTOR * n + GLOBAL_RELABEL_ARC_FACTOR * g.m;
  let work = 0;

  let maxLevel = globalRelabel(g, st, target, excluded);
  let maxActive = st.maxActive;
  while (maxActive >= 0) {
    const v = activeHead[maxActive]!;
    if (v < 0) {
      maxActive--;
      continue;
    }
    activeHead[maxActive] = activeNext[v]!;
    if (label[v]! !== maxActive) continue; // stale entry (relabelled by a gap or global update)

    // Discharge v: push along admissible arcs, relabel when none is left.
    let dv = label[v]!;
    let ex = excess[v]!;
    const start = first[v]!;
    const end = first[v + 1]!;
    for (;;) {
      let p = current[v]!;
      const want = dv - 1;
      for (; p < end; p++) {
        const r = rcap[p]!;
        if (r > 0) {
          const w = to[p]!;
          if (label[w] === want) {
            const delta = Math.min(ex, r);
            rcap[p] = r - delta;
            rcap[mate[p]!]! += delta;
            const ew = excess[w]!;
            if (ew === 0 && w !== target) {
              activeNext[w] = activeHead[want]!;
              activeHead[want] = w;
            }
            excess[w] = ew + delta;
            ex -= delta;
            if (ex === 0) break;
          }
        }
      }
      if (ex === 0) {
        current[v] = p;
        break;
      }
      // Relabel v.
      work += RELABEL_WORK + end - start;
      let newLabel = n;
      let newCurrent = start;
      for (let q = start; q < end; q++) {
        if (rcap[q]! > 0) {
          const l = label[to[q]!]! + 1;
          if (l < newLabel) {
            newLabel = l;
            newCurrent = q;
          }
        }
      }
      // Unlink v from its level.
      const prev = levelPrev[v]!;
      const next = levelNext[v]!;
      if (prev >= 0) levelNext[prev] = next;
      else levelHead[dv] = next;
      if (next >= 0) levelPrev[next] = prev;
      if (levelHead[dv]! < 0) {
        // Gap: nothing is left on level dv, so nothing above it can reach the target.
        for (let j = dv + 1; j <= maxLevel; j++) {
          for (let u = levelHead[j]!; u >= 0; u = levelNext[u]!) label[u] = n;
          levelHead[j] = -1;
          activeHead[j] = -1;
        }
        label[v] = n;
        maxLevel = dv - 1;
        if (maxActive > maxLevel) maxActive = maxLevel;
        break;
      }
      if (newLabel >= n) {
        label[v] = n;
        break;
      }
      label[v] = newLabel;
      current[v] = newCurrent;
      const h = levelHead[newLabel]!;
      levelNext[v] = h;
      levelPrev[v] = -1;
      if (h >= 0) levelPrev[h] = v;
      levelHead[newLabel] = v;
      if (newLabel > maxLevel) maxLevel = newLabel;
      dv = newLabel;
    }
    excess[v] = ex;
    if (dv - 1 > maxActive && dv - 1 <= maxLevel) maxActive = dv - 1;
    if (work > workLimit) {
      work = 0;
      maxLevel = globalRelabel(g, st, target, excluded);
      maxActive = st.maxActive;
    }
  }
}

/**
 * Maximum flow from `s` to `t` on a residual graph with zero initial flow.
 *
 * @param g - residual graph; on return `rcap` holds the residual capacities of a maximum flow
 * @param s - source
 * @param t - sink (≠ s)
 * @param st - buffers from {@link createPushRelabelState}
 * @param complete - when false, stop after phase 1 (a maximum preflow: value and cut are final, arc
 *   flows are not yet a flow)
 * @returns the flow value (excess at t)
 */
export function pushRelabelMaxFlow(
  g: Residual,
  s: number,
  t: number,
  st: PushRelabelState,
  complete = true,
): number {
  const { first, to, rcap, mate } = g;
  const excess = st.excess;
  excess.fill(0);
  for (let p = first[s]!, end = first[s + 1]!; p < end; p++) {
    const c = rcap[p]!;
    const v = to[p]!;
    if (c > 0 && v !== s) {
      rcap[p] = 0;
      rcap[mate[p]!]! += c;
      excess[v]! += c;
      excess[s]! -= c;
    }
  }
  runPhase(g, st, t, s);
  const value = excess[t]!;
  if (complete) runPhase(g, st, s, t);
  return value;
}
