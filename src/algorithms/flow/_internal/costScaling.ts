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
/** Rounds of price refinement tried before giving up on skipping a phase. */
const PRICE_REFINEMENT_ROUNDS = 16;
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
 * @param g - residual graph holding a feasible flow (e.g. from a max-flow); modified in place
 * @param cost - integer cost of each input arc
 * @param supply - integer supplies (only used to tune the global update frequency)
 * @param unbounded - 1 for arcs whose true capacity is infinite (for the potential recovery)
 * @returns flows and potentials
 */
export function costScaling(
  g: Residual,
  cost: Float64Array,
  supply: Float64Array,
  unbounded: Uint8Array,
): CostScalingOutcome {
  const { n, m, first, to, mate, arcPos } = g;
  const q = n + 1;
  let maxCost = 0;
  for (let e = 0; e < m; e++) maxCost = Math.max(maxCost, Math.abs(cost[e]! * q));
  let maxCap = 0;
  for (let p = 0; p < 2 * m; p++) maxCap = Math.max(maxCap, g.rcap[p]! + g.rcap[mate[p]!]!);
  // Residual capacities stay within [0, capacity] and costs are fixed: when both fit in int32 the
  // hot loops read half the bytes (the scans are memory-bound from ~10^5 nodes on).
  const small = maxCost <= 0x7fffffff && maxCap <= 0x7fffffff;
  const rcap = small ? Int32Array.from(g.rcap) : g.rcap;
  const rcost = small ? new Int32Array(2 * m) : new Float64Array(2 * m);
  for (let e = 0; e < m; e++) {
    const c = cost[e]! * q;
    const p = arcPos[e]!;
    rcost[p] = c;
    rcost[mate[p]!] = -c;
  }
  const price = new Float64Array(n);
  // The residual graph holds a feasible flow: no excess anywhere at the start.
  const excess = new Float64Array(n);
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
  let supplyNodes = 0;
  for (let v = 0; v < n; v++) if (supply[v]! > 0) supplyNodes++;
  // As LEMON: a global update after every n + (supply nodes)² relabels.
  const updateEvery = Math.max(1, Math.floor(GLOBAL_UPDATE_FACTOR * (n + supplyNodes * supplyNodes)));

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
          // The residual arc u → w is the mate of p; its cost is −rcost[p].
          const u = to[p]!;
          if (scanned[u] === 1 || rcap[mate[p]!]! <= 0) continue;
          const rc = price[u]! - rcost[p]! - pw;
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

  // Price refinement (Goldberg 1997; LEMON's priceRefinement): before a phase, try to find prices
  // under which the current flow is already ε-optimal for the new ε, without moving any flow. The
  // admissible arcs (reduced cost < 0) must form a DAG; along it, each arc needs its head lowered by
  // ⌊(−rc − 1)/ε⌋ ε more than its tail. Lower prices by those amounts (propagated over all residual
  // arcs, from the highest rank down) and repeat until no arc needs more (success) or the admissible
  // graph has a cycle (failure: run the phase).
  const order = new Int32Array(n);
  const stackArc = new Int32Array(n);
  const color = new Uint8Array(n);
  const priceRefinement = (eps: number): boolean => {
    for (let round = 0; round < PRICE_REFINEMENT_ROUNDS; round++) {
      // Topological order of the admissible graph by iterative DFS (reverse post-order).
      color.fill(0);
      let count = 0;
      for (let root = 0; root < n; root++) {
        if (color[root] !== 0) continue;
        let depth = 0;
        queue[0] = root;
        stackArc[0] = first[root]!;
        color[root] = 1;
        while (depth >= 0) {
          const u = queue[depth]!;
          const pu = price[u]!;
          const end = first[u + 1]!;
          let p = stackArc[depth]!;
          let pushed = false;
          for (; p < end; p++) {
            if (rcap[p]! > 0) {
              const v = to[p]!;
              if (rcost[p]! + pu - price[v]! < 0) {
                const c = color[v]!;
                if (c === 1) return false; // a cycle of admissible arcs
                if (c === 0) {
                  stackArc[depth] = p + 1;
                  depth++;
                  queue[depth] = v;
                  stackArc[depth] = first[v]!;
                  color[v] = 1;
                  pushed = true;
                  break;
                }
              }
            }
          }
          if (!pushed) {
            color[u] = 2;
            order[count++] = u;
            depth--;
          }
        }
      }
      // Ranks along the topological order (order is reversed: sources last).
      rank.fill(0);
      let topRank = 0;
      for (let i = n - 1; i >= 0; i--) {
        const u = order[i]!;
        const ru = rank[u]!;
        const pu = price[u]!;
        for (let p = first[u]!, end = first[u + 1]!; p < end; p++) {
          if (rcap[p]! > 0) {
            const v = to[p]!;
            const rc = rcost[p]! + pu - price[v]!;
            if (rc < 0) {
              const need = ru + Math.floor((-rc - 1) / eps);
              if (need > rank[v]!) {
                rank[v] = need;
                if (need > topRank) topRank = need;
              }
            }
          }
        }
      }
      if (topRank === 0) return true;
      if (topRank > bucketCount) return false;
      // Propagate over all residual arcs from the top rank down, then lower the prices.
      bucketHead.fill(-1, 0, topRank + 1);
      for (let v = 0; v < n; v++) {
        const r = rank[v]!;
        if (r > 0) {
          const h = bucketHead[r]!;
          bucketNext[v] = h;
          bucketPrev[v] = -1;
          if (h >= 0) bucketPrev[h] = v;
          bucketHead[r] = v;
        }
      }
      for (let r = topRank; r > 0; r--) {
        for (;;) {
          const u = bucketHead[r]!;
          if (u < 0) break;
          const nx = bucketNext[u]!;
          bucketHead[r] = nx;
          if (nx >= 0) bucketPrev[nx] = -1;
          const pu = price[u]!;
          for (let p = first[u]!, end = first[u + 1]!; p < end; p++) {
            if (rcap[p]! <= 0) continue;
            const v = to[p]!;
            const old = rank[v]!;
            if (old >= r) continue;
            const rc = rcost[p]! + pu - price[v]!;
            const want = rc < 0 ? r : r - 1 - Math.floor(rc / eps);
            if (want > old) {
              if (old > 0) {
                const pv = bucketPrev[v]!;
                const nv = bucketNext[v]!;
                if (pv >= 0) bucketNext[pv] = nv;
                else bucketHead[old] = nv;
                if (nv >= 0) bucketPrev[nv] = pv;
              }
              rank[v] = want;
              const h = bucketHead[want]!;
              bucketNext[v] = h;
              bucketPrev[v] = -1;
              if (h >= 0) bucketPrev[h] = v;
              bucketHead[want] = v;
            }
          }
          price[u] = pu - r * eps;
        }
      }
    }
    return false;
  };

  let eps = maxCost;
  let relabels = 0;
  let phase = 0;
  do {
    eps = Math.max(1, Math.floor(eps / ALPHA));
    phase++;
    if (phase >= 2 && priceRefinement(eps)) continue;

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

    let qHead = 0;
    let qCount = 0;
    for (let v = 0; v < n; v++) {
      if (excess[v]! > 0) {
        queue[qCount++] = v;
        inQueue[v] = 1;
      }
    }
    while (qCount > 0) {
      const start = queue[qHead]!;
      qHead = qHead + 1 === n ? 0 : qHead + 1;
      qCount--;
      inQueue[start] = 0;
      while (excess[start]! > 0) {
        // Build a path of admissible arcs from `start`, up to MAX_PATH_LENGTH arcs or a deficit.
        let len = 0;
        let tip = start;
        pathNodes[0] = start;
        while (len < MAX_PATH_LENGTH && (tip === start || excess[tip]! >= 0)) {
          const ptip = price[tip]!;
          const end = first[tip + 1]!;
          const from = current[tip]!;
          let minRc = Number.POSITIVE_INFINITY;
          let p = from;
          for (; p < end; p++) {
            if (rcap[p]! > 0) {
              const rc = rcost[p]! + ptip - price[to[p]!]!;
              if (rc < 0) break;
              if (rc < minRc) minRc = rc;
            }
          }
          if (p < end) {
            current[tip] = p;
            tip = to[p]!;
            pathArcs[len++] = p;
            pathNodes[len] = tip;
            continue;
          }
          // Relabel: lower the price until the cheapest residual arc has reduced cost −ε. The arcs
          // before `current` were inadmissible when passed; scan them for the minimum too. The
          // reverse of the path arc (reduced cost in (0, ε]) caps the drop, which keeps the node
          // close to the path it came from (as LEMON does); any cap ≥ 0 keeps ε-optimality.
          for (let a = first[tip]!; a < from; a++) {
            if (rcap[a]! > 0) {
              const rc = rcost[a]! + ptip - price[to[a]!]!;
              if (rc < minRc) minRc = rc;
            }
          }
          if (len > 0) {
            const back = mate[pathArcs[len - 1]!]!;
            const rc = rcost[back]! + ptip - price[to[back]!]!;
            if (rc < minRc) minRc = rc;
          } else if (minRc === Number.POSITIVE_INFINITY) {
            // An active node always has a residual arc in a feasible problem.
            throw new Error('corridor-sim/flow: internal error: stranded excess in cost scaling');
          }
          price[tip] = ptip - minRc - eps;
          current[tip] = first[tip]!;
          relabels++;
          if (len > 0) tip = pathNodes[--len]!;
        }
        // Push greedily along the path: each arc takes what its tail holds, up to its capacity;
        // nodes left with excess become active.
        for (let i = 0; i < len; i++) {
          const a = pathArcs[i]!;
          const u = pathNodes[i]!;
          const v = pathNodes[i + 1]!;
          const r = rcap[a]!;
          const eu = excess[u]!;
          const delta = Math.min(eu, r);
          if (delta <= 0) break;
          rcap[a] = r - delta;
          rcap[mate[a]!]! += delta;
          excess[u] = eu - delta;
          const ev = excess[v]! + delta;
          excess[v] = ev;
          if (ev > 0 && ev <= delta && inQueue[v] === 0) {
            let at = qHead + qCount;
            if (at >= n) at -= n;
            queue[at] = v;
            qCount++;
            inQueue[v] = 1;
          }
        }
        if (relabels >= updateEvery) {
          relabels = 0;
          globalUpdate(eps);
        }
      }
    }
  } while (eps > 1);

  const flow = new Float64Array(m);
  if (small) g.rcap.set(rcap);
  for (let e = 0; e < m; e++) flow[e] = g.rcap[mate[arcPos[e]!]!]!;
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
  rcost: Float64Array | Int32Array,
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
