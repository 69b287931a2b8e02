/**
 * Primal network simplex with block-search pivoting
 * =================================================
 *
 * Solves min Σ cost·flow subject to 0 ≤ flow ≤ cap and out − in = supply at every node, for a balanced
 * supply vector (Σ supply = 0; callers remove lower bounds and imbalance first).
 *
 * - **Start**: an artificial root joined to every node by an artificial arc (supply nodes send their
 *   supply up to the root at cost 0, demand nodes receive from the root at a cost larger than any simple
 *   path, `(max |cost| + 1)·(n + 1)`), which is a strongly feasible spanning tree. Flow left on artificial
 *   arcs at the end means the problem is infeasible.
 * - **Pricing**: block search (Grigoriadis 1986, as in LEMON): scan arcs cyclically in blocks of
 *   ⌈√m⌉, and take the most negative reduced cost of the first block that has one. Arcs are visited in
 *   an interleaved order (stride max(m/n, 3)) so that a block samples the whole graph.
 * - **Ratio test**: the leaving arc is the *last* blocking arc met when walking the pivot cycle from
 *   the join node in the direction of flow (Cunningham's strongly feasible trees), so degenerate
 *   pivots cannot cycle.
 * - **Tree**: parent, predecessor arc and its direction, preorder thread with reverse thread, subtree
 *   size and last subtree node (the augmented threaded index of Glover, Klingman and Stutz). A pivot
 *   re-roots the subtree cut off by the leaving arc at the entering arc's endpoint and splices its
 *   thread segment after the other endpoint; potentials change on that subtree only.
 *
 * With integer data every value stays an integer (exact while below 2^53). For floating-point data,
 * `flowTolerance` treats residual capacities that small as zero in the ratio test and snaps the leaving
 * arc onto its bound, and `costTolerance` is the reduced-cost threshold for entering arcs.
 *
 * References: G. B. Dantzig, Linear Programming and Extensions (1963), ch. 17; W. H. Cunningham, "A
 * network simplex method", Math. Programming 11 (1976); M. D. Grigoriadis, "An efficient
 * implementation of the network simplex method", Math. Programming Study 26 (1986); P. Kovács,
 * "Minimum-cost flow algorithms: an experimental evaluation", Optim. Methods Softw. 30 (2015) — the
 * study behind LEMON's NetworkSimplex.
 *
 * Internal: no public API. Each pivot costs O(√m + size of the changed subtree + cycle length); the
 * number of pivots is not polynomially bounded but is near-linear in practice.
 */

const STATE_UPPER = -1;
const STATE_TREE = 0;
const STATE_LOWER = 1;
const DIR_UP = 1;
const DIR_DOWN = -1;

/** Outcome of {@link networkSimplex}. */
export interface SimplexOutcome {
  readonly status: 'optimal' | 'infeasible' | 'unbounded';
  /** Flow on each input arc. */
  readonly flow: Float64Array;
  /** Node potentials: cost + potential[tail] − potential[head] is ≥ 0 below capacity, ≤ 0 above zero. */
  readonly potential: Float64Array;
  /** Flow left on the artificial arcs (> 0 only when infeasible). */
  readonly artificialFlow: number;
  /** Number of pivots. */
  readonly pivots: number;
}

/** Tolerances (0 for integer data). */
export interface SimplexTolerances {
  readonly flow: number;
  readonly cost: number;
}

/**
 * Run the network simplex.
 *
 * @param n - number of nodes
 * @param tail - tail of each arc
 * @param head - head of each arc
 * @param cap - capacity of each arc (≥ 0, Infinity allowed)
 * @param cost - cost of each arc (finite)
 * @param supply - supply of each node (Σ = 0)
 * @param tol - flow and cost tolerances
 * @returns status, flows, potentials
 */
export function networkSimplex(
  n: number,
  tail: Int32Array,
  head: Int32Array,
  cap: Float64Array,
  cost: Float64Array,
  supply: Float64Array,
  tol: SimplexTolerances,
): SimplexOutcome {
  const m = tail.length;
  const root = n;
  const all = m + n;
  const flowTol = tol.flow;
  const costTol = tol.cost;

  // Arc arrays in interleaved order; position i holds input arc order[i]; artificial arcs follow.
  const src = new Int32Array(all);
  const dst = new Int32Array(all);
  const capA = new Float64Array(all);
  const costA = new Float64Array(all);
  const flow = new Float64Array(all);
  const state = new Int8Array(all);
  const order = new Int32Array(m);
  {
    const skip = n > 1 ? Math.max(Math.floor(m / n), 3) : 1;
    let i = 0;
    let j = 0;
    for (let e = 0; e < m; e++) {
      order[i] = e;
      i += skip;
      if (i >= m) i = ++j;
    }
  }
  let maxCost = 0;
  for (let i = 0; i < m; i++) {
    const e = order[i]!;
    src[i] = tail[e]!;
    dst[i] = head[e]!;
    capA[i] = cap[e]!;
    const c = cost[e]!;
    costA[i] = c;
    state[i] = STATE_LOWER;
    const a = c < 0 ? -c : c;
    if (a > maxCost) maxCost = a;
  }
  const artCost = (maxCost + 1) * (n + 1);

  // Node arrays (root included).
  const N = n + 1;
  const parent = new Int32Array(N);
  const pred = new Int32Array(N);
  const predDir = new Int8Array(N);
  const thread = new Int32Array(N);
  const revThread = new Int32Array(N);
  const size = new Int32Array(N);
  const last = new Int32Array(N);
  const pi = new Float64Array(N);
  // Pivot scratch.
  const stem = new Int32Array(N);
  const pieceEnd = new Int32Array(N);
  const gapFrom = new Int32Array(N);
  const gapTo = new Int32Array(N);

  parent[root] = -1;
  pred[root] = -1;
  thread[root] = n > 0 ? 0 : root;
  revThread[n > 0 ? 0 : root] = root;
  size[root] = N;
  last[root] = n > 0 ? n - 1 : root;
  pi[root] = 0;
  for (let u = 0; u < n; u++) {
    const e = m + u;
    parent[u] = root;
    pred[u] = e;
    thread[u] = u + 1;
    revThread[u + 1] = u;
    size[u] = 1;
    last[u] = u;
    capA[e] = Number.POSITIVE_INFINITY;
    state[e] = STATE_TREE;
    const s = supply[u]!;
    if (s >= 0) {
      predDir[u] = DIR_UP;
      pi[u] = 0;
      src[e] = u;
      dst[e] = root;
      flow[e] = s;
      costA[e] = 0;
    } else {
      predDir[u] = DIR_DOWN;
      pi[u] = artCost;
      src[e] = root;
      dst[e] = u;
      flow[e] = -s;
      costA[e] = artCost;
    }
  }

  const blockSize = Math.min(m, Math.max(Math.ceil(Math.sqrt(m)), 10));
  let nextArc = 0;
  let pivots = 0;
  let status: 'optimal' | 'unbounded' = 'optimal';

  for (;;) {
    // --- Pricing: block search for an entering arc. ---
    let inArc = -1;
    let best = -costTol;
    let cnt = blockSize;
    let found = false;
    let e = nextArc;
    for (; e < m; e++) {
      // Tree arcs have state 0, hence c = 0: never below `best` ≤ 0, no branch needed.
      const c = state[e]! * (costA[e]! + pi[src[e]!]! - pi[dst[e]!]!);
      if (c < best) {
        best = c;
        inArc = e;
      }
      if (--cnt === 0) {
        if (inArc >= 0) {
          found = true;
          break;
        }
        cnt = blockSize;
      }
    }
    if (!found) {
      for (e = 0; e < nextArc; e++) {
        const c = state[e]! * (costA[e]! + pi[src[e]!]! - pi[dst[e]!]!);
        if (c < best) {
          best = c;
          inArc = e;
        }
        if (--cnt === 0) {
          if (inArc >= 0) {
            found = true;
            break;
          }
          cnt = blockSize;
        }
      }
    }
    if (inArc < 0) break;
    if (found) nextArc = e;
    pivots++;

    // --- Join node: the lowest common ancestor of the entering arc's endpoints. ---
    const inState = state[inArc]!;
    let a = src[inArc]!;
    let b = dst[inArc]!;
    while (a !== b) {
      if (size[a]! < size[b]!) a = parent[a]!;
      else b = parent[b]!;
    }
    const join = a;

    // --- Ratio test: flow goes first → second along the entering arc, back via join. ---
    const first = inState === STATE_LOWER ? src[inArc]! : dst[inArc]!;
    const second = inState === STATE_LOWER ? dst[inArc]! : src[inArc]!;
    let delta = capA[inArc]!;
    let result = 0;
    let uOut = -1;
    let toUpper = inState === STATE_LOWER;
    for (let u = first; u !== join; u = parent[u]!) {
      const arc = pred[u]!;
      let d = flow[arc]!;
      let up = false;
      if (predDir[u] === DIR_DOWN) {
        d = capA[arc]! - d;
        up = true;
      }
      if (d <= flowTol) d = 0;
      if (d < delta) {
        delta = d;
        uOut = u;
        result = 1;
        toUpper = up;
      }
    }
    for (let u = second; u !== join; u = parent[u]!) {
      const arc = pred[u]!;
      let d = flow[arc]!;
      let up = false;
      if (predDir[u] === DIR_UP) {
        d = capA[arc]! - d;
        up = true;
      }
      if (d <= flowTol) d = 0;
      if (d <= delta) {
        delta = d;
        uOut = u;
        result = 2;
        toUpper = up;
      }
    }
    if (delta === Number.POSITIVE_INFINITY) {
      status = 'unbounded';
      break;
    }

    // --- Augment along the cycle. ---
    if (delta > 0) {
      const val = inState * delta;
      flow[inArc]! += val;
      for (let u = src[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!]! -= predDir[u]! * val;
      for (let u = dst[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!]! += predDir[u]! * val;
    }
    if (result === 0) {
      // The entering arc itself blocks: it moves to its other bound, the tree stays.
      state[inArc] = -inState as -1 | 1;
      flow[inArc] = inState === STATE_LOWER ? capA[inArc]! : 0;
      continue;
    }
    const leaving = pred[uOut]!;
    flow[leaving] = toUpper ? capA[leaving]! : 0;
    state[leaving] = toUpper ? STATE_UPPER : STATE_LOWER;
    state[inArc] = STATE_TREE;
    const uIn = result === 1 ? first : second;
    const vIn = result === 1 ? second : first;

    // --- Tree update: re-root the subtree of uOut at uIn and hang it under vIn. ---
    const vOut = parent[uOut]!;
    const subSize = size[uOut]!;
    const subLast = last[uOut]!;
    const before = revThread[uOut]!;
    const after = thread[subLast]!;
    // Stem: uIn, parent(uIn), ..., uOut.
    let k = 0;
    stem[0] = uIn;
    while (stem[k] !== uOut) {
      stem[k + 1] = parent[stem[k]!]!;
      k++;
    }
    // New preorder of the re-rooted subtree: subtree(stem[0]), then for each i ≥ 1 the subtree of
    // stem[i] without that of stem[i-1]. Read everything before writing any thread pointer.
    pieceEnd[0] = last[uIn]!;
    for (let i = 1; i <= k; i++) {
      const c = stem[i - 1]!;
      const s = stem[i]!;
      const lc = last[c]!;
      const rc = revThread[c]!;
      if (lc === last[s]!) {
        pieceEnd[i] = rc;
        gapFrom[i] = -1;
      } else {
        pieceEnd[i] = last[s]!;
        gapFrom[i] = rc;
        gapTo[i] = thread[lc]!;
      }
    }
    for (let i = 1; i <= k; i++) {
      const s = stem[i]!;
      const pe = pieceEnd[i - 1]!;
      thread[pe] = s;
      revThread[s] = pe;
      const gf = gapFrom[i]!;
      if (gf >= 0) {
        const gt = gapTo[i]!;
        thread[gf] = gt;
        revThread[gt] = gf;
      }
    }
    const newLast = pieceEnd[k]!;
    // Cut the old segment out of the thread, then splice the new one in after vIn.
    thread[before] = after;
    revThread[after] = before;
    const afterIn = thread[vIn]!;
    thread[vIn] = uIn;
    revThread[uIn] = vIn;
    thread[newLast] = afterIn;
    revThread[afterIn] = newLast;
    // Subtree sizes between the cut/splice points and the join; last-successor chains.
    for (let u = vOut; u !== join; u = parent[u]!) size[u]! -= subSize;
    for (let u = vIn; u !== join; u = parent[u]!) size[u]! += subSize;
    for (let u = vOut; u >= 0 && last[u] === subLast; u = parent[u]!) last[u] = before;
    for (let u = vIn; u >= 0 && last[u] === vIn; u = parent[u]!) last[u] = newLast;
    // Reverse the stem: parents, predecessor arcs, directions, sizes, last successors.
    for (let i = k; i >= 1; i--) {
      const s = stem[i]!;
      const c = stem[i - 1]!;
      parent[s] = c;
      pred[s] = pred[c]!;
      predDir[s] = -predDir[c]! as -1 | 1;
      size[s] = subSize - size[c]!;
      last[s] = newLast;
    }
    parent[uIn] = vIn;
    pred[uIn] = inArc;
    predDir[uIn] = src[inArc] === uIn ? DIR_UP : DIR_DOWN;
    size[uIn] = subSize;
    last[uIn] = newLast;

    // --- Potentials: shift the moved subtree so the entering arc has zero reduced cost. ---
    const sigma = pi[vIn]! - pi[uIn]! - predDir[uIn]! * costA[inArc]!;
    let u = uIn;
    for (let i = 0; i < subSize; i++) {
      pi[u]! += sigma;
      u = thread[u]!;
    }
  }

  let artificialFlow = 0;
  for (let u = 0; u < n; u++) artificialFlow += flow[m + u]!;
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) out[order[i]!] = flow[i]!;
  const potential = pi.slice(0, n);
  const infeasible = artificialFlow > flowTol * Math.max(1, n);
  return {
    status: status === 'unbounded' ? 'unbounded' : infeasible ? 'infeasible' : 'optimal',
    flow: out,
    potential,
    artificialFlow,
    pivots,
  };
}
