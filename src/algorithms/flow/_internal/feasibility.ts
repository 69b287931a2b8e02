/**
 * Feasibility of a transshipment problem, and the cut that blocks it
 * ==================================================================
 *
 * A supply vector can be routed within capacities exactly when the maximum flow from a super source
 * (joined to every supply node by an arc of capacity = its supply) to a super sink (joined from every
 * demand node) saturates all supply arcs (Gale 1957; Hoffman 1960). When it cannot, the source side S
 * of a minimum cut certifies it: the supply of S exceeds what can leave S by
 * `unmet = Σ supply(S) − Σ cap(arcs leaving S) = total supply − max flow`.
 *
 * Also: detection of negative-cost cycles made of uncapacitated arcs (the only way a min-cost flow
 * problem can be unbounded), by FIFO Bellman–Ford with a periodic check of the predecessor graph for
 * a cycle (the "amortized search" of Cherkassky & Goldberg 1999).
 *
 * Internal: no public API.
 */

import { buildCsr } from '../../_internal/csr.js';
import { createPushRelabelState, pushRelabelMaxFlow } from './pushRelabel.js';
import { buildResidual, reachesTarget } from './residual.js';

/** Result of {@link feasibilityCut}. */
export interface FeasibilityCut {
  /** Total positive supply. */
  readonly total: number;
  /** Maximum routable supply. */
  readonly routed: number;
  /** 1 for nodes on the source side of a minimum cut. */
  readonly sourceSide: Uint8Array;
  /** A maximum routing: flow on each input arc (only when asked for). */
  readonly flow?: Float64Array;
}

/**
 * Maximum routable supply and a minimum cut.
 *
 * @param n - number of nodes
 * @param tail - arc tails
 * @param head - arc heads
 * @param cap - capacities (≥ 0, Infinity allowed)
 * @param supply - supplies (Σ = 0 is not required)
 * @param withFlow - also return the routing (costs phase 2 of push-relabel)
 * @returns total supply, routed amount, source side of a minimum cut, and the routing when asked
 */
export function feasibilityCut(
  n: number,
  tail: Int32Array,
  head: Int32Array,
  cap: Float64Array,
  supply: Float64Array,
  withFlow = false,
): FeasibilityCut {
  const m = tail.length;
  let total = 0;
  let terminals = 0;
  for (let v = 0; v < n; v++) {
    const s = supply[v]!;
    if (s > 0) total += s;
    if (s !== 0) terminals++;
  }
  const s = n;
  const t = n + 1;
  const T = new Int32Array(m + terminals);
  const H = new Int32Array(m + terminals);
  const C = new Float64Array(m + terminals);
  T.set(tail);
  H.set(head);
  // Any flow of value ≤ total decomposes into paths carrying ≤ total on an arc.
  for (let e = 0; e < m; e++) {
    const c = cap[e]!;
    C[e] = Math.min(c, total);
  }
  let k = m;
  for (let v = 0; v < n; v++) {
    const sv = supply[v]!;
    if (sv > 0) {
      T[k] = s;
      H[k] = v;
      C[k++] = sv;
    } else if (sv < 0) {
      T[k] = v;
      H[k] = t;
      C[k++] = -sv;
    }
  }
  const g = buildResidual(n + 2, T, H, C);
  const st = createPushRelabelState(n + 2);
  const routed = pushRelabelMaxFlow(g, s, t, st, withFlow);
  const reach = reachesTarget(g, t, st.queue);
  const sourceSide = new Uint8Array(n);
  for (let v = 0; v < n; v++) sourceSide[v] = 1 - reach[v]!;
  if (!withFlow) return { total, routed, sourceSide };
  const flow = new Float64Array(m);
  for (let e = 0; e < m; e++) flow[e] = g.rcap[g.mate[g.arcPos[e]!]!]!;
  return { total, routed, sourceSide, flow };
}

/**
 * A cycle of negative total cost among the arcs with `use[e] = 1`, or undefined.
 *
 * @param n - number of nodes
 * @param tail - arc tails
 * @param head - arc heads
 * @param cost - arc costs
 * @param use - 1 for arcs to consider
 * @param tolerance - improvements smaller than this are ignored (0 for integer costs)
 * @returns the cycle's arcs in order, or undefined
 * @remarks O(n·m) worst case; fast when the predecessor graph closes a cycle early.
 */
export function findNegativeCycle(
  n: number,
  tail: Int32Array,
  head: Int32Array,
  cost: Float64Array,
  use: Uint8Array,
  tolerance: number,
): Int32Array | undefined {
  const ids: number[] = [];
  for (let e = 0; e < tail.length; e++) if (use[e] === 1) ids.push(e);
  const star = buildCsr(
    n,
    ids.map((e) => tail[e]!),
    ids.map((e) => head[e]!),
  );
  const start = star.outStart;
  const arcs = star.outArcs;
  const dist = new Float64Array(n);
  const parentArc = new Int32Array(n).fill(-1);
  const inQueue = new Uint8Array(n).fill(1);
  const queue = new Int32Array(n);
  const stamp = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) queue[v] = v;
  let qHead = 0;
  let qCount = n;
  let relaxations = 0;
  while (qCount > 0) {
    const u = queue[qHead]!;
    qHead = qHead + 1 === n ? 0 : qHead + 1;
    qCount--;
    inQueue[u] = 0;
    const du = dist[u]!;
    for (let p = start[u]!; p < start[u + 1]!; p++) {
      const e = ids[arcs[p]!]!;
      const v = head[e]!;
      const nd = du + cost[e]!;
      if (nd < dist[v]! - tolerance) {
        dist[v] = nd;
        parentArc[v] = e;
        if (inQueue[v] === 0) {
          inQueue[v] = 1;
          let at = qHead + qCount;
          if (at >= n) at -= n;
          queue[at] = v;
          qCount++;
        }
        if (++relaxations % n === 0) {
          const cycle = parentCycle(n, tail, parentArc, stamp);
          if (cycle !== undefined) return cycle;
        }
      }
    }
  }
  return parentCycle(n, tail, parentArc, stamp);
}

/** A cycle in the predecessor graph (every such cycle has negative cost), or undefined. */
function parentCycle(
  n: number,
  tail: Int32Array,
  parentArc: Int32Array,
  stamp: Int32Array,
): Int32Array | undefined {
  stamp.fill(-1);
  for (let v = 0; v < n; v++) {
    if (stamp[v] !== -1) continue;
    let u = v;
    while (u >= 0 && stamp[u] === -1) {
      stamp[u] = v;
      const e = parentArc[u]!;
      u = e >= 0 ? tail[e]! : -1;
    }
    if (u >= 0 && stamp[u] === v) {
      // u lies on a cycle: collect it backwards, then reverse into path order.
      const cycle: number[] = [];
      let w = u;
      do {
        const e = parentArc[w]!;
        cycle.push(e);
        w = tail[e]!;
      } while (w !== u);
      return Int32Array.from(cycle.reverse());
    }
  }
  return undefined;
}
