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

/** Working state of one run (typed arrays sized once; pivot results in the scalar fields). */
interface Tree {
  readonly n: number;
  readonly m: number;
  readonly flowTol: number;
  readonly costTol: number;
  readonly blockSize: number;
  // arcs (real arcs 0..m-1 in interleaved order, then one artificial arc per node)
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly cap: Float64Array;
  readonly cost: Float64Array;
  readonly flow: Float64Array;
  readonly state: Int8Array;
  // nodes (root = n)
  readonly parent: Int32Array;
  readonly pred: Int32Array;
  readonly predDir: Int8Array;
  readonly thread: Int32Array;
  readonly revThread: Int32Array;
  readonly size: Int32Array;
  readonly last: Int32Array;
  readonly pi: Float64Array;
  // pivot scratch
  readonly stem: Int32Array;
  readonly pieceEnd: Int32Array;
  readonly gapFrom: Int32Array;
  readonly gapTo: Int32Array;
  nextArc: number;
  // results of the ratio test
  delta: number;
  result: number;
  uOut: number;
  toUpper: boolean;
  first: number;
  second: number;
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
  const order = interleavedOrder(n, m);
  const T = initialTree(n, m, order, tail, head, cap, cost, supply, tol);
  let pivots = 0;
  let status: 'optimal' | 'unbounded' = 'optimal';
  for (;;) {
    const inArc = findEnteringArc(T);
    if (inArc < 0) break;
    pivots++;
    const join = findJoinNode(T, inArc);
    if (!findLeavingArc(T, inArc, join)) {
      status = 'unbounded';
      break;
    }
    changeFlow(T, inArc, join);
    if (T.result !== 0) {
      const uIn = T.result === 1 ? T.first : T.second;
      const vIn = T.result === 1 ? T.second : T.first;
      updateTree(T, inArc, join, uIn, vIn);
      updatePotential(T, inArc, uIn, vIn);
    }
  }

  const { flow, pi } = T;
  let artificialFlow = 0;
  for (let u = 0; u < n; u++) artificialFlow += flow[m + u]!;
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) out[order[i]!] = flow[i]!;
  const infeasible = artificialFlow > tol.flow * Math.max(1, n);
  return {
    status: status === 'unbounded' ? 'unbounded' : infeasible ? 'infeasible' : 'optimal',
    flow: out,
    potential: pi.slice(0, n),
    artificialFlow,
    pivots,
  };
}

/** Position i holds input arc order[i]: stride max(m/n, 3), so a pricing block samples the whole graph. */
function interleavedOrder(n: number, m: number): Int32Array {
  const order = new Int32Array(m);
  const skip = n > 1 ? Math.max(Math.floor(m / n), 3) : 1;
  let i = 0;
  let j = 0;
  for (let e = 0; e < m; e++) {
    order[i] = e;
    i += skip;
    if (i >= m) i = ++j;
  }
  return order;
}

/** Arrays, and the strongly feasible artificial start tree. */
function initialTree(
  n: number,
  m: number,
  order: Int32Array,
  tail: Int32Array,
  head: Int32Array,
  capIn: Float64Array,
  costIn: Float64Array,
  supply: Float64Array,
  tol: SimplexTolerances,
): Tree {
  const all = m + n;
  const root = n;
  const N = n + 1;
  const src = new Int32Array(all);
  const dst = new Int32Array(all);
  const cap = new Float64Array(all);
  const cost = new Float64Array(all);
  const flow = new Float64Array(all);
  const state = new Int8Array(all);
  let maxCost = 0;
  for (let i = 0; i < m; i++) {
    const e = order[i]!;
    const u = tail[e]!;
    const v = head[e]!;
    src[i] = u;
    dst[i] = v;
    cap[i] = capIn[e]!;
    const c = costIn[e]!;
    cost[i] = c;
    state[i] = STATE_LOWER;
    const a = c < 0 ? -c : c;
    if (a > maxCost) maxCost = a;
  }
  const artCost = (maxCost + 1) * (n + 1);
  const parent = new Int32Array(N);
  const pred = new Int32Array(N);
  const predDir = new Int8Array(N);
  const thread = new Int32Array(N);
  const revThread = new Int32Array(N);
  const size = new Int32Array(N);
  const last = new Int32Array(N);
  const pi = new Float64Array(N);
  parent[root] = -1;
  pred[root] = -1;
  thread[root] = n > 0 ? 0 : root;
  revThread[n > 0 ? 0 : root] = root;
  size[root] = N;
  last[root] = n > 0 ? n - 1 : root;
  for (let u = 0; u < n; u++) {
    const e = m + u;
    parent[u] = root;
    pred[u] = e;
    thread[u] = u + 1;
    revThread[u + 1] = u;
    size[u] = 1;
    last[u] = u;
    cap[e] = Number.POSITIVE_INFINITY;
    state[e] = STATE_TREE;
    const s = supply[u]!;
    if (s >= 0) {
      predDir[u] = DIR_UP;
      src[e] = u;
      dst[e] = root;
      flow[e] = s;
    } else {
      predDir[u] = DIR_DOWN;
      pi[u] = artCost;
      src[e] = root;
      dst[e] = u;
      flow[e] = -s;
      cost[e] = artCost;
    }
  }
  return {
    n,
    m,
    flowTol: tol.flow,
    costTol: tol.cost,
    blockSize: Math.min(m, Math.max(Math.ceil(Math.sqrt(m)), 10)),
    src,
    dst,
    cap,
    cost,
    flow,
    state,
    parent,
    pred,
    predDir,
    thread,
    revThread,
    size,
    last,
    pi,
    stem: new Int32Array(N),
    pieceEnd: new Int32Array(N),
    gapFrom: new Int32Array(N),
    gapTo: new Int32Array(N),
    nextArc: 0,
    delta: 0,
    result: 0,
    uOut: -1,
    toUpper: false,
    first: 0,
    second: 0,
  };
}

/** Block search: the most negative reduced cost in the first block (of ⌈√m⌉ arcs) that has one. */
function findEnteringArc(T: Tree): number {
  const { m, state, cost, pi, src, dst, blockSize } = T;
  let inArc = -1;
  let best = -T.costTol;
  let cnt = blockSize;
  const stop = T.nextArc;
  // Two segments, nextArc..m-1 then 0..nextArc-1; blocks continue across the wrap.
  for (let segment = 0; segment < 2; segment++) {
    let e = segment === 0 ? stop : 0;
    const to = segment === 0 ? m : stop;
    while (e < to) {
      const chunkEnd = Math.min(to, e + cnt);
      cnt -= chunkEnd - e;
      for (; e < chunkEnd; e++) {
        // Tree arcs have state 0, hence c = 0: never below `best` ≤ 0, no branch needed.
        const c = state[e]! * (cost[e]! + pi[src[e]!]! - pi[dst[e]!]!);
        if (c < best) {
          best = c;
          inArc = e;
        }
      }
      if (cnt === 0) {
        if (inArc >= 0) {
          T.nextArc = e - 1;
          return inArc;
        }
        cnt = blockSize;
      }
    }
  }
  return inArc;
}

/** Lowest common ancestor of the entering arc's endpoints (subtree sizes grow towards the root). */
function findJoinNode(T: Tree, inArc: number): number {
  const { size, parent } = T;
  let a = T.src[inArc]!;
  let b = T.dst[inArc]!;
  while (a !== b) {
    if (size[a]! < size[b]!) a = parent[a]!;
    else b = parent[b]!;
  }
  return a;
}

/**
 * Ratio test along the cycle; flow goes first → second on the entering arc and back through the
 * join. The leaving arc is the last blocking one from the join in that direction (strongly feasible).
 *
 * @returns false when nothing blocks (unbounded)
 */
function findLeavingArc(T: Tree, inArc: number, join: number): boolean {
  const { parent, pred, predDir, flow, cap, flowTol } = T;
  const inState = T.state[inArc]!;
  const first = inState === STATE_LOWER ? T.src[inArc]! : T.dst[inArc]!;
  const second = inState === STATE_LOWER ? T.dst[inArc]! : T.src[inArc]!;
  let delta = cap[inArc]!;
  let result = 0;
  let uOut = -1;
  let toUpper = inState === STATE_LOWER;
  for (let u = first; u !== join; u = parent[u]!) {
    const arc = pred[u]!;
    let d = flow[arc]!;
    let up = false;
    if (predDir[u] === DIR_DOWN) {
      d = cap[arc]! - d;
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
      d = cap[arc]! - d;
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
  T.first = first;
  T.second = second;
  T.delta = delta;
  T.result = result;
  T.uOut = uOut;
  T.toUpper = toUpper;
  return delta !== Number.POSITIVE_INFINITY;
}

/** Push delta around the cycle; the leaving arc lands exactly on its bound. */
function changeFlow(T: Tree, inArc: number, join: number): void {
  const { parent, pred, predDir, flow, state, cap } = T;
  const delta = T.delta;
  const inState = state[inArc]!;
  if (delta > 0) {
    const val = inState * delta;
    flow[inArc]! += val;
    for (let u = T.src[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!]! -= predDir[u]! * val;
    for (let u = T.dst[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!]! += predDir[u]! * val;
  }
  if (T.result === 0) {
    // The entering arc itself blocks: it moves to its other bound, the tree stays.
    state[inArc] = -inState;
    flow[inArc] = inState === STATE_LOWER ? cap[inArc]! : 0;
    return;
  }
  const leaving = pred[T.uOut]!;
  flow[leaving] = T.toUpper ? cap[leaving]! : 0;
  state[leaving] = T.toUpper ? STATE_UPPER : STATE_LOWER;
  state[inArc] = STATE_TREE;
}

/** Re-root the subtree cut off at uOut at uIn and hang it under vIn (thread, sizes, last, parents). */
function updateTree(T: Tree, inArc: number, join: number, uIn: number, vIn: number): void {
  const { parent, pred, predDir, thread, revThread, size, last, stem, pieceEnd, gapFrom, gapTo } = T;
  const uOut = T.uOut;
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
    predDir[s] = -predDir[c]!;
    size[s] = subSize - size[c]!;
    last[s] = newLast;
  }
  parent[uIn] = vIn;
  pred[uIn] = inArc;
  predDir[uIn] = T.src[inArc] === uIn ? DIR_UP : DIR_DOWN;
  size[uIn] = subSize;
  last[uIn] = newLast;
}

/** Shift the potentials of the moved subtree so that the entering arc has zero reduced cost. */
function updatePotential(T: Tree, inArc: number, uIn: number, vIn: number): void {
  const { pi, thread } = T;
  const sigma = pi[vIn]! - pi[uIn]! - T.predDir[uIn]! * T.cost[inArc]!;
  const count = T.size[uIn]!;
  let u = uIn;
  for (let i = 0; i < count; i++) {
    pi[u]! += sigma;
    u = thread[u]!;
  }
}
