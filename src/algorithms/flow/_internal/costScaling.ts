/**
 * Cost scaling with partial augment-relabel
 * =========================================
 *
 * Goldberg's cost-scaling push-relabel method for min-cost flow. Costs are multiplied by n + 1, so a
 * flow that is ε-optimal for ε = 1 is optimal for the integer costs. Each *refine* phase divides ε by
 * `alpha`, saturates every residual arc with negative reduced cost (the flow becomes 0-optimal but
 * unbalanced), then moves the excesses to deficits along admissible arcs (reduced cost < 0), lowering
 * the price of a node by at least ε whenever it has none.
 *
 * - **Partial augment-relabel** (Goldberg 2008; the default method of LEMON's CostScaling): from an
 *   active node, extend a path of admissible arcs up to 4 arcs or until a deficit node, relabelling
 *   and retreating at dead ends, then push along the whole path. This avoids the many small pushes
 *   of the plain push-relabel.
 * - **Global price updates** (Goldberg 1997, "set relabel"): a Dial bucket search backwards from the
 *   deficit nodes computes, in units of ε, how far every node is from a deficit, and lowers prices by
 *   that much, which opens admissible paths for all active nodes at once. Run at the start of every
 *   phase and after every `n` relabels.
 *
 * Requires integer capacities and costs (callers scale decimals), a balanced and feasible supply
 * vector, and finite capacities (callers bound infinite ones). Prices stay integers; their magnitude
 * is below ~3.2·n²·max|cost| (callers check it is below 2^53).
 *
 * At the end, exact node potentials for the original costs are recovered from the prices by a
 * Bellman–Ford pass started at ⌈price / (n+1)⌉, which moves each node by at most one unit.
 *
 * References: A. V. Goldberg and R. E. Tarjan, "Finding minimum-cost circulations by successive
 * approximation", Math. Oper. Res. 15 (1990); A. V. Goldberg, "An efficient implementation of a
 * scaling minimum-cost flow algorithm", J. Algorithms 22 (1997); A. V. Goldberg, "The partial
 * augment-relabel algorithm for the maximum flow problem", ESA 2008; P. Kovács (2015), see
 * networkSimplex.ts.
 *
 * Internal: no public API. O(n²·m·log(nC)) worst case.
 */

import type { Residual } from './residual.js';

/** Longest path built by one partial augment. */
const MAX_PATH_LENGTH = 4;
/** ε is divided by this at each phase. */
const ALPHA = 16;
/** Relabels between global price updates, per node. */
const GLOBAL_UPDATE_FACTOR = 1;

/** Outcome of {@link costScaling}. */
export interface CostScalingOutcome {
  /** Flow on each input arc. */
  readonly flow: Float64Array;
  /** Exact potentials for the original costs, or undefined when recovery failed (should not happen). */
  readonly potential: Float64Array | undefined;
}

/**
 * Solve a feasible, balanced min-cost flow problem with integer data.
 *
 * @param g - residual graph built with the capacities (zero flow); modified in place
 * @param cost - integer cost of each input arc
 * @param supply - integer supplies (Σ = 0, feasible)
 * @param unbounded - 1 for arcs whose true capacity is infinite (for the potential recovery)
 * @returns flows and potentials
 */
export function costScaling(
  g: Residual,
  cost: Float64Array,
  supply: Float64Array,
  unbounded: Uint8Array,
): CostScalingOutcome {
  const { n, m, first, to, rcap, mate, arcPos } = g;
  const q = n + 1;
  const rcost = new Float64Array(2 * m);
  let maxCost = 0;
  for (let e = 0; e < m; e++) {
    const c = cost[e]! * q;
    const p = arcPos[e]!;
    rcost[p] = c;
    rcost[mate[p]!] = -c;
    const a = c < 0 ? -c : c;
    if (a > maxCost) maxCost = a;
  }
  const price = new Float64Array(n);
  const excess = Float64Array.from(supply);
  const current = new Int32Array(n);
  const queue = new Int32Array(n);
  const inQueue = new Uint8Array(n);
  const pathNodes = new Int32Array(MAX_PATH_LENGTH + 1);
  const pathArcs = new Int32Array(MAX_PATH_LENGTH);
  // Global update buffers.
  const bucketCount = n + 1;
  const bucketHead = new Int32Array(bucketCount + 1);
  const bucketNext = new Int32Array(n);
  const bucketPrev = new Int32Array(n);
  const rank = new Int32Array(n);
  const scanned = new Uint8Array(n);
  const updateEvery = Math.max(1, Math.floor(GLOBAL_UPDATE_FACTOR * n));

  const globalUpdate = (eps: number): void => {
    const NONE = bucketCount + 1;
    rank.fill(NONE);
    scanned.fill(0);
    bucketHead.fill(-1);
    let activeLeft = 0;
    for (let v = 0; v < n; v++) {
      const ex = excess[v]!;
      if (ex > 0) activeLeft++;
      else if (ex < 0) {
        rank[v] = 0;
        const h = bucketHead[0]!;
        bucketNext[v] = h;
        bucketPrev[v] = -1;
        if (h >= 0) bucketPrev[h] = v;
        bucketHead[0] = v;
      }
    }
    let b = 0;
    for (; b <= bucketCount && activeLeft > 0; b++) {
      for (;;) {
        const w = bucketHead[b]!;
        if (w < 0) break;
        const nx = bucketNext[w]!;
        bucketHead[b] = nx;
        if (nx >= 0) bucketPrev[nx] = -1;
        scanned[w] = 1;
        if (excess[w]! > 0) activeLeft--;
        const pw = price[w]!;
        for (let p = first[w]!, end = first[w + 1]!; p < end; p++) {
          const a = mate[p]!;
          if (rcap[a]! <= 0) continue;
          const u = to[p]!;
          if (scanned[u] === 1) continue;
          const rc = rcost[a]! + price[u]! - pw;
          const nd = b + Math.floor(rc / eps) + 1;
          const ru = rank[u]!;
          if (nd < ru && nd <= bucketCount) {
            if (ru !== NONE) {
              const pv = bucketPrev[u]!;
              const nv = bucketNext[u]!;
              if (pv >= 0) bucketNext[pv] = nv;
              else bucketHead[ru] = nv;
              if (nv >= 0) bucketPrev[nv] = pv;
            }
            rank[u] = nd;
            const h = bucketHead[nd]!;
            bucketNext[u] = h;
            bucketPrev[u] = -1;
            if (h >= 0) bucketPrev[h] = u;
            bucketHead[nd] = u;
          }
        }
      }
    }
    const far = b * eps;
    for (let v = 0; v < n; v++) {
      price[v]! -= scanned[v] === 1 ? rank[v]! * eps : far;
      current[v] = first[v]!;
    }
  };

  let eps = maxCost;
  do {
    eps = Math.max(1, Math.floor(eps / ALPHA));

    // Saturate every residual arc with negative reduced cost: the flow becomes 0-optimal.
    for (let u = 0; u < n; u++) {
      const pu = price[u]!;
      for (let p = first[u]!, end = first[u + 1]!; p < end; p++) {
        const r = rcap[p]!;
        if (r > 0) {
          const v = to[p]!;
          if (rcost[p]! + pu - price[v]! < 0) {
            rcap[p] = 0;
            rcap[mate[p]!]! += r;
            excess[u]! -= r;
            excess[v]! += r;
          }
        }
      }
      current[u] = first[u]!;
    }
    globalUpdate(eps);

    let qHead = 0;
    let qCount = 0;
    for (let v = 0; v < n; v++) {
      if (excess[v]! > 0) {
        queue[qCount++] = v;
        inQueue[v] = 1;
      }
    }
    let relabels = 0;
    while (qCount > 0) {
      const start = queue[qHead]!;
      qHead = qHead + 1 === n ? 0 : qHead + 1;
      qCount--;
      inQueue[start] = 0;
      while (excess[start]! > 0) {
        // Build a path of admissible arcs from `start`.
        let len = 0;
        let tip = start;
        pathNodes[0] = start;
        for (;;) {
          const ptip = price[tip]!;
          const end = first[tip + 1]!;
          let p = current[tip]!;
          for (; p < end; p++) {
            if (rcap[p]! > 0 && rcost[p]! + ptip - price[to[p]!]! < 0) break;
          }
          if (p < end) {
            current[tip] = p;
            const w = to[p]!;
            pathArcs[len++] = p;
            pathNodes[len] = w;
            if (excess[w]! < 0 || len === MAX_PATH_LENGTH) break;
            tip = w;
          } else {
            // Relabel: the lowest price keeping every residual arc ε-optimal, making one admissible.
            let bestPrice = Number.NEGATIVE_INFINITY;
            let bestArc = first[tip]!;
            for (let a = first[tip]!; a < end; a++) {
              if (rcap[a]! > 0) {
                const val = price[to[a]!]! - rcost[a]!;
                if (val > bestPrice) {
                  bestPrice = val;
                  bestArc = a;
                }
              }
            }
            if (bestPrice === Number.NEGATIVE_INFINITY) {
              // A dead end (no residual arc out): any lower price keeps ε-optimality; ε is enough to
              // make the path arc into it inadmissible. An active node cannot be one: the problem is
              // feasible, so its excess has somewhere to go.
              if (tip === start)
                throw new Error('corridor-sim/flow: internal error: stranded excess in cost scaling');
              bestPrice = ptip;
            }
            price[tip] = bestPrice - eps;
            current[tip] = bestArc;
            relabels++;
            if (len > 0) {
              len--;
              tip = pathNodes[len]!;
            }
          }
        }
        // Push along the path.
        let delta = excess[start]!;
        for (let i = 0; i < len; i++) {
          const r = rcap[pathArcs[i]!]!;
          if (r < delta) delta = r;
        }
        for (let i = 0; i < len; i++) {
          const a = pathArcs[i]!;
          rcap[a]! -= delta;
          rcap[mate[a]!]! += delta;
        }
        excess[start]! -= delta;
        const last = pathNodes[len]!;
        const before = excess[last]!;
        excess[last] = before + delta;
        if (before <= 0 && before + delta > 0 && inQueue[last] === 0) {
          let at = qHead + qCount;
          if (at >= n) at -= n;
          queue[at] = last;
          qCount++;
          inQueue[last] = 1;
        }
        if (relabels >= updateEvery) {
          relabels = 0;
          globalUpdate(eps);
        }
      }
    }
  } while (eps > 1);

  const flow = new Float64Array(m);
  for (let e = 0; e < m; e++) flow[e] = rcap[mate[arcPos[e]!]!]!;
  return { flow, potential: recoverPotentials(g, rcost, price, unbounded) };
}

/**
 * Exact potentials for the unscaled costs from ε-optimal prices (ε = 1 on costs × (n+1)).
 *
 * Start from ⌈price/(n+1)⌉ and lower values until c + π(u) − π(w) ≥ 0 on every residual arc (an
 * arc of infinite capacity always counts as residual forwards). Each node moves by at most one, so
 * the FIFO Bellman–Ford pass is O(m); more movement means the flow is not optimal: undefined.
 */
function recoverPotentials(
  g: Residual,
  rcost: Float64Array,
  price: Float64Array,
  unbounded: Uint8Array,
): Float64Array | undefined {
  const { n, m, first, to, rcap, arcPos } = g;
  const q = n + 1;
  const forcedResidual = new Uint8Array(2 * m);
  for (let e = 0; e < m; e++) if (unbounded[e] === 1) forcedResidual[arcPos[e]!] = 1;
  const pi = new Float64Array(n);
  const start = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    pi[v] = Math.ceil(price[v]! / q);
    start[v] = pi[v]!;
  }
  const queue = new Int32Array(n);
  const inQueue = new Uint8Array(n).fill(1);
  for (let v = 0; v < n; v++) queue[v] = v;
  let qHead = 0;
  let qCount = n;
  while (qCount > 0) {
    const u = queue[qHead]!;
    qHead = qHead + 1 === n ? 0 : qHead + 1;
    qCount--;
    inQueue[u] = 0;
    const pu = pi[u]!;
    for (let p = first[u]!, end = first[u + 1]!; p < end; p++) {
      if (rcap[p]! <= 0 && forcedResidual[p] === 0) continue;
      const w = to[p]!;
      const cand = pu + rcost[p]! / q;
      if (cand < pi[w]!) {
        if (cand < start[w]! - 2) return undefined;
        pi[w] = cand;
        if (inQueue[w] === 0) {
          inQueue[w] = 1;
          let at = qHead + qCount;
          if (at >= n) at -= n;
          queue[at] = w;
          qCount++;
        }
      }
    }
  }
  return pi;
}
