/**
 * Assignment problem
 * ==================
 *
 * A generic static traffic-assignment problem on typed arrays: a directed graph whose arcs have a
 * free-flow time, a capacity, a volume-delay function and a constant cost term, plus one or more user
 * classes, each with its own origin–destination demand, value of time, money cost per arc and
 * forbidden arcs. Classes share arc capacity: the travel time of an arc depends on the total volume.
 *
 * Class k perceives arc a at cost  t_a(v_a) + fixed_a + money_k(a) / VOT_k  (time units): dividing
 * the generalized cost  money + VOT·time  by the class's value of time makes the cost map symmetric,
 * so the Beckmann objective  Σ_a ∫₀^{v_a} t_a + Σ_k Σ_a x_ka (fixed_a + money_k(a)/VOT_k)  exists and
 * every Frank–Wolfe and path method applies. A class with value of time 0 does not care about time:
 * it is routed all-or-nothing on money (ties broken by free-flow time) and its volume is held fixed
 * as background load that congests everybody else.
 *
 * {@link createAssignmentProblem} validates the input, builds the CSR index, aggregates duplicate
 * OD entries, drops zero and intrazonal demand, and sets aside demand that cannot reach its
 * destination (listed in `unreachable`, never silently dropped).
 *
 * Reference: Beckmann, McGuire & Winsten (1956), Studies in the Economics of Transportation;
 * Dafermos (1972) on multi-class symmetric costs.
 */

import { InvalidArgumentError } from '../../model/errors.js';
import { scratchArena, TypedArena } from '../_internal/arena.js';
import { buildCsr, type Csr } from '../_internal/csr.js';
import { compileVdfInto, type MutableCompiledVdf, type VolumeDelayFunction } from './vdf.js';

const MODULE = 'corridor-sim/assignment';

/** One user class (shipper segment) of an assignment problem. */
export interface AssignmentClassInput {
  /** Class id (unique), used in results and warm starts. */
  readonly id: string;
  /** Origin node of each OD entry. */
  readonly origins: ArrayLike<number>;
  /** Destination node of each OD entry. */
  readonly destinations: ArrayLike<number>;
  /** Volume of each OD entry (≥ 0). Duplicate pairs are summed; o = d entries are ignored. */
  readonly volumes: ArrayLike<number>;
  /** Money per time unit (> 0, or 0 for a time-insensitive class); default 1. */
  readonly valueOfTime?: number;
  /** Money cost per unit on each arc (≥ 0), divided by the value of time; default none. */
  readonly moneyCost?: ArrayLike<number>;
  /** Arcs this class may not use. */
  readonly forbiddenArcs?: ArrayLike<number>;
}

/** Input of {@link createAssignmentProblem}. */
export interface AssignmentProblemInput {
  /** Number of nodes; nodes are `0..nodeCount-1`. */
  readonly nodeCount: number;
  /** Tail node of each arc. */
  readonly tail: ArrayLike<number>;
  /** Head node of each arc. */
  readonly head: ArrayLike<number>;
  /** Free-flow time of each arc (≥ 0). */
  readonly freeFlowTime: ArrayLike<number>;
  /** Capacity of each arc (> 0; Infinity = uncapacitated). */
  readonly capacity: ArrayLike<number>;
  /** One volume-delay function for every arc, or one per arc. */
  readonly vdf: VolumeDelayFunction | readonly VolumeDelayFunction[];
  /** Constant cost per arc in time units, shared by all classes (tolls × factor + length × factor). */
  readonly fixedCost?: ArrayLike<number>;
  /** Arcs closed to every class. */
  readonly closedArcs?: ArrayLike<number>;
  /** Nodes that paths may start or end at but not pass through (TNTP zones below FIRST THRU NODE). */
  readonly throughBlocked?: ArrayLike<number>;
  /** User classes (at least one). */
  readonly classes: readonly AssignmentClassInput[];
}

/** A compiled user class. */
export interface AssignmentClass {
  /** Class id. */
  readonly id: string;
  /** Position in `problem.classes`. */
  readonly index: number;
  /** Value of time (money per time unit). */
  readonly valueOfTime: number;
  /** True when the value of time is 0: routed on money once and held fixed. */
  readonly fixedRoute: boolean;
  /** Constant time-equivalent cost per arc (fixed + money / VOT); Infinity marks a forbidden arc. */
  readonly arcConstant: Float64Array;
  /** Money cost per arc (0 when none was given). */
  readonly moneyCost: Float64Array;
  /** Distinct origins with demand. */
  readonly origins: Int32Array;
  /** OD entries of origin `origins[i]` are `originStart[i] .. originStart[i+1]`. */
  readonly originStart: Int32Array;
  /** Destination of each OD entry. */
  readonly destinations: Int32Array;
  /** Demand of each OD entry (> 0). */
  readonly demand: Float64Array;
  /** Index of this class's first OD entry among all classes' entries. */
  readonly odOffset: number;
  /** Total assigned demand of the class. */
  readonly totalDemand: number;
}

/** Demand that has no usable path (left out of the assignment and reported). */
export interface UnreachableDemand {
  /** Class id. */
  readonly classId: string;
  /** Origin node. */
  readonly origin: number;
  /** Destination node. */
  readonly destination: number;
  /** Volume left unassigned. */
  readonly volume: number;
}

/** A validated, compiled assignment problem (treat as immutable). */
export interface AssignmentProblem {
  /** Number of nodes. */
  readonly nodeCount: number;
  /** Number of arcs. */
  readonly arcCount: number;
  /** Graph index. */
  readonly csr: Csr;
  /** Compiled VDF kind code per arc (see vdf.ts). */
  readonly vdfKind: Uint8Array;
  /** Free-flow time per arc (normalised). */
  readonly t0: Float64Array;
  /** Capacity per arc as used by the VDF (1 for constant arcs). */
  readonly vdfCapacity: Float64Array;
  /** Capacity per arc as given (Infinity when uncapacitated). */
  readonly capacity: Float64Array;
  /** First VDF parameter per arc. */
  readonly p1: Float64Array;
  /** Second VDF parameter per arc. */
  readonly p2: Float64Array;
  /** Constant shared cost per arc, time units. */
  readonly fixedCost: Float64Array;
  /** 1 for arcs closed to every class. */
  readonly closed: Uint8Array;
  /** 1 for nodes that may not be passed through; undefined when none. */
  readonly blockedThrough: Uint8Array | undefined;
  /** User classes. */
  readonly classes: readonly AssignmentClass[];
  /** Total number of OD entries over all classes. */
  readonly odCount: number;
  /** Demand set aside because no path exists. */
  readonly unreachable: readonly UnreachableDemand[];
}

function checkArray(value: unknown, name: string, length?: number): ArrayLike<number> {
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof (value as { length?: unknown }).length !== 'number'
  ) {
    throw new InvalidArgumentError(MODULE, name, `must be an array of numbers, got ${String(value)}`);
  }
  const array = value as ArrayLike<number>;
  if (length !== undefined && array.length !== length) {
    throw new InvalidArgumentError(MODULE, name, `must have length ${length}, got ${array.length}`);
  }
  return array;
}

/** `name`, or `name[i]` when an element index is given (built only for the error message). */
function pathOf(name: string, i: number | undefined): string {
  return i === undefined ? name : `${name}[${i}]`;
}

function checkIndex(value: unknown, limit: number, name: string, i?: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= limit) {
    throw new InvalidArgumentError(
      MODULE,
      pathOf(name, i),
      `must be an integer in 0..${limit - 1}, got ${String(value)}`,
    );
  }
  return value;
}

function checkNonNegative(value: unknown, name: string, i?: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(MODULE, pathOf(name, i), `must be finite and ≥ 0, got ${String(value)}`);
  }
  return value;
}

/**
 * Validate and compile an assignment problem.
 *
 * @param input - graph, arc attributes, classes
 * @returns the compiled problem (typed arrays, CSR index, aggregated OD demand)
 * @throws InvalidArgumentError on a non-integer or out-of-range node/arc index, arrays of the wrong
 *   length, negative or non-finite times/costs/volumes, invalid VDF parameters, a negative value of
 *   time, duplicate class ids, or no classes
 * @example
 * const problem = createAssignmentProblem({
 *   nodeCount: 2, tail: [0, 0], head: [1, 1], freeFlowTime: [10, 20], capacity: [100, 100],
 *   vdf: { kind: 'bpr', alpha: 0.15, beta: 4 },
 *   classes: [{ id: 'all', origins: [0], destinations: [1], volumes: [150] }],
 * });
 * @remarks Complexity O(N + M + K·(M + E) + K·O·(N + M)) for K classes, E OD entries, O origins
 *   (a reachability search per class and origin).
 */
export function createAssignmentProblem(input: AssignmentProblemInput): AssignmentProblem {
  return buildAssignmentProblem(input, new TypedArena());
}

/**
 * {@link createAssignmentProblem} with the problem's typed arrays drawn from `arena` (a caller whose
 * problem dies with the call can lend it pooled buffers).
 *
 * @param input - graph, arc attributes, classes
 * @param arena - where the problem's arrays come from
 * @returns the compiled problem
 * @throws InvalidArgumentError as createAssignmentProblem
 * @internal
 */
export function buildAssignmentProblem(input: AssignmentProblemInput, arena: TypedArena): AssignmentProblem {
  const scratch = scratchArena();
  try {
    return buildWith(input, arena, scratch);
  } finally {
    scratch.release();
  }
}

/** {@link buildAssignmentProblem}, with the work lists of the build in `temp` (dead when it returns). */
function buildWith(input: AssignmentProblemInput, arena: TypedArena, temp: TypedArena): AssignmentProblem {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidArgumentError(MODULE, 'input', `must be an object, got ${String(input)}`);
  }
  const nodeCount = input.nodeCount;
  if (typeof nodeCount !== 'number' || !Number.isInteger(nodeCount) || nodeCount < 1) {
    throw new InvalidArgumentError(
      MODULE,
      'input.nodeCount',
      `must be a positive integer, got ${String(nodeCount)}`,
    );
  }
  const tailIn = checkArray(input.tail, 'input.tail');
  const M = tailIn.length;
  const headIn = checkArray(input.head, 'input.head', M);
  const fftIn = checkArray(input.freeFlowTime, 'input.freeFlowTime', M);
  const capIn = checkArray(input.capacity, 'input.capacity', M);
  // the problem's typed arrays share the arena's buffers (../_internal/arena.ts): dozens of them per call
  const tail = arena.i32(M);
  const head = arena.i32(M);
  for (let a = 0; a < M; a++) {
    tail[a] = checkIndex(tailIn[a], nodeCount, 'input.tail', a);
    head[a] = checkIndex(headIn[a], nodeCount, 'input.head', a);
  }

  // Step 1: volume-delay functions.
  const vdfKind = arena.u8(M);
  const t0 = arena.f64(M);
  const vdfCapacity = arena.f64(M);
  const capacity = arena.f64(M);
  const p1 = arena.f64(M);
  const p2 = arena.f64(M);
  const vdfs = input.vdf;
  const perArc = Array.isArray(vdfs);
  if (perArc && vdfs.length !== M) {
    throw new InvalidArgumentError(
      MODULE,
      'input.vdf',
      `must be one function or ${M} functions, got ${vdfs.length}`,
    );
  }
  // one record for every arc's compiled function (its fields are copied out at once)
  const compiledVdf: MutableCompiledVdf = { kind: 0, t0: 0, capacity: 1, p1: 0, p2: 0 };
  for (let a = 0; a < M; a++) {
    const vdf = (perArc ? (vdfs as readonly VolumeDelayFunction[])[a] : vdfs) as VolumeDelayFunction;
    const c = capIn[a]!;
    const f = compileVdfInto(compiledVdf, vdf, fftIn[a]!, c, a);
    vdfKind[a] = f.kind;
    t0[a] = f.t0;
    vdfCapacity[a] = f.capacity;
    capacity[a] = c;
    p1[a] = f.p1;
    p2[a] = f.p2;
  }

  // Step 2: shared constant costs, closures, through-blocking.
  const fixedCost = arena.f64(M);
  if (input.fixedCost !== undefined) {
    const fixed = checkArray(input.fixedCost, 'input.fixedCost', M);
    for (let a = 0; a < M; a++) fixedCost[a] = checkNonNegative(fixed[a], 'input.fixedCost', a);
  }
  const closed = arena.u8(M);
  if (input.closedArcs !== undefined) {
    const list = checkArray(input.closedArcs, 'input.closedArcs');
    for (let i = 0; i < list.length; i++) closed[checkIndex(list[i], M, 'input.closedArcs', i)] = 1;
  }
  let blockedThrough: Uint8Array | undefined;
  if (input.throughBlocked !== undefined && input.throughBlocked.length > 0) {
    const list = checkArray(input.throughBlocked, 'input.throughBlocked');
    blockedThrough = arena.u8(nodeCount);
    for (let i = 0; i < list.length; i++) {
      blockedThrough[checkIndex(list[i], nodeCount, 'input.throughBlocked', i)] = 1;
    }
  }
  const csr = buildCsr(nodeCount, tail, head, arena);

  // Step 3: classes.
  if (!Array.isArray(input.classes) || input.classes.length === 0) {
    throw new InvalidArgumentError(MODULE, 'input.classes', 'must be a non-empty array of classes');
  }
  const seen = new Set<string>();
  const classes: AssignmentClass[] = [];
  const unreachable: UnreachableDemand[] = [];
  let odOffset = 0;
  const reach = temp.u8(nodeCount);
  const queue = temp.i32(nodeCount);
  // scratch per node, -1 between uses: an origin's, a destination's and a reachability root's slot
  const slots = temp.i32(3 * nodeCount).fill(-1);
  const originSlot = slots.subarray(0, nodeCount);
  const destSlot = slots.subarray(nodeCount, 2 * nodeCount);
  const endSlot = slots.subarray(2 * nodeCount);
  /** Reachability searches done backwards, by destinations and forbidden arcs. */
  const searched: { ends: Int32Array; constant: Float64Array; reachTo: Uint8Array }[] = [];
  const scratch = new EntryScratch(temp);
  const specs = input.classes;
  for (let k = 0; k < specs.length; k++) {
    const spec = specs[k]!;
    const name = `input.classes[${k}]`;
    if (typeof spec !== 'object' || spec === null || typeof spec.id !== 'string') {
      throw new InvalidArgumentError(MODULE, `${name}.id`, 'must be a string');
    }
    if (seen.has(spec.id))
      throw new InvalidArgumentError(MODULE, `${name}.id`, `duplicates ${JSON.stringify(spec.id)}`);
    seen.add(spec.id);
    const valueOfTime = spec.valueOfTime ?? 1;
    checkNonNegative(valueOfTime, `${name}.valueOfTime`);
    const fixedRoute = valueOfTime === 0;
    const moneyCost = arena.f64(M);
    if (spec.moneyCost !== undefined) {
      const money = checkArray(spec.moneyCost, `${name}.moneyCost`, M);
      const at = `${name}.moneyCost`;
      for (let a = 0; a < M; a++) moneyCost[a] = checkNonNegative(money[a], at, a);
    }
    const arcConstant = arena.f64(M);
    for (let a = 0; a < M; a++) {
      arcConstant[a] =
        closed[a] === 1
          ? Number.POSITIVE_INFINITY
          : fixedCost[a]! + (fixedRoute ? 0 : moneyCost[a]! / valueOfTime);
    }
    if (spec.forbiddenArcs !== undefined) {
      const forbiddenAt = `${name}.forbiddenArcs`;
      const list = checkArray(spec.forbiddenArcs, forbiddenAt);
      for (let i = 0; i < list.length; i++) {
        arcConstant[checkIndex(list[i], M, forbiddenAt, i)] = Number.POSITIVE_INFINITY;
      }
    }

    // Aggregate OD entries per (origin, destination): origins in first-seen order, each origin's
    // destinations in first-seen order.
    const originsAt = `${name}.origins`;
    const destinationsAt = `${name}.destinations`;
    const volumesAt = `${name}.volumes`;
    const originsIn = checkArray(spec.origins, originsAt);
    const E = originsIn.length;
    const destinationsIn = checkArray(spec.destinations, destinationsAt, E);
    const volumesIn = checkArray(spec.volumes, volumesAt, E);
    // Pass 1: the valid entries, and the origins in first-seen order with their entry counts (in
    // typed scratch, reused by every class: a class's lists are at most E long).
    const sc = scratch.ensure(E);
    const { originList, originCount, entryO, entryD, entryV } = sc;
    let O = 0;
    let entries = 0;
    for (let i = 0; i < E; i++) {
      const o = checkIndex(originsIn[i], nodeCount, originsAt, i);
      const d = checkIndex(destinationsIn[i], nodeCount, destinationsAt, i);
      const volume = checkNonNegative(volumesIn[i], volumesAt, i);
      if (o === d || volume === 0) continue;
      let slot = originSlot[o]!;
      if (slot < 0) {
        slot = originSlot[o] = O;
        originList[O] = o;
        originCount[O++] = 0;
      }
      originCount[slot]!++;
      entryO[entries] = o;
      entryD[entries] = d;
      entryV[entries++] = volume;
    }
    // Pass 2: entries grouped by origin (stably), then summed per destination in first-seen order.
    const { fill, grouped, rowStart, rowD, rowV } = sc;
    for (let s = 0, at = 0; s < O; s++) {
      fill[s] = at;
      at += originCount[s]!;
    }
    for (let i = 0; i < entries; i++) grouped[fill[originSlot[entryO[i]!]!]!++] = i;
    let rows = 0;
    rowStart[0] = 0;
    for (let s = 0, at = 0; s < O; s++) {
      const first = rows;
      for (let stop = at + originCount[s]!; at < stop; at++) {
        const i = grouped[at]!;
        const d = entryD[i]!;
        const t = destSlot[d]!;
        if (t < 0) {
          destSlot[d] = rows;
          rowD[rows] = d;
          rowV[rows++] = entryV[i]!;
        } else {
          rowV[t] = rowV[t]! + entryV[i]!;
        }
      }
      for (let t = first; t < rows; t++) destSlot[rowD[t]!] = -1;
      rowStart[s + 1] = rows;
    }
    for (let s = 0; s < O; s++) originSlot[originList[s]!] = -1;

    const { origins, originStart, destinations, demand, ends } = sc;
    let originsKept = 0;
    let kept = 0;
    originStart[0] = 0;
    let totalDemand = 0;
    // Reachability avoiding forbidden arcs and through-blocked nodes: searched backwards from each
    // destination when there are fewer destinations than origins (as the trees are, ./treeRoots.ts).
    let endCount = 0;
    for (let t = 0; t < rows; t++) {
      const d = rowD[t]!;
      if (endSlot[d]! < 0) {
        endSlot[d] = endCount;
        ends[endCount++] = d;
      }
    }
    const backwards = endCount < O;
    // an earlier class with the same forbidden arcs and destinations has searched already (classes
    // that differ only in value of time)
    const earlier = backwards
      ? searched.find((x) => sameList(x.ends, ends, endCount) && sameForbidden(x.constant, arcConstant))
      : undefined;
    let reachTo = earlier?.reachTo;
    if (backwards && reachTo === undefined) {
      reachTo = temp.u8(endCount * nodeCount);
      for (let slot = 0; slot < endCount; slot++) {
        const into = reachTo.subarray(slot * nodeCount, (slot + 1) * nodeCount);
        markReachable(csr, arcConstant, blockedThrough, ends[slot]!, true, into, queue);
      }
      searched.push({ ends: ends.slice(0, endCount), constant: arcConstant, reachTo });
    }
    for (let s = 0; s < O; s++) {
      const o = originList[s]!;
      if (!reachTo) {
        reach.fill(0);
        markReachable(csr, arcConstant, blockedThrough, o, false, reach, queue);
      }
      const before = kept;
      for (let t = rowStart[s]!; t < rowStart[s + 1]!; t++) {
        const d = rowD[t]!;
        const volume = rowV[t]!;
        if (reachTo ? reachTo[endSlot[d]! * nodeCount + o] === 1 : reach[d] === 1) {
          destinations[kept] = d;
          demand[kept++] = volume;
          totalDemand += volume;
        } else {
          unreachable.push({ classId: spec.id, origin: o, destination: d, volume });
        }
      }
      if (kept > before) {
        origins[originsKept++] = o;
        originStart[originsKept] = kept;
      }
    }
    for (let t = 0; t < endCount; t++) endSlot[ends[t]!] = -1;
    classes.push({
      id: spec.id,
      index: k,
      valueOfTime,
      fixedRoute,
      arcConstant,
      moneyCost,
      origins: arena.i32From(origins.subarray(0, originsKept)),
      originStart: arena.i32From(originStart.subarray(0, originsKept + 1)),
      destinations: arena.i32From(destinations.subarray(0, kept)),
      demand: arena.f64From(demand.subarray(0, kept)),
      odOffset,
      totalDemand,
    });
    odOffset += kept;
  }

  return {
    nodeCount,
    arcCount: M,
    csr,
    vdfKind,
    t0,
    vdfCapacity,
    capacity,
    p1,
    p2,
    fixedCost,
    closed,
    blockedThrough,
    classes,
    odCount: odOffset,
    unreachable,
  };
}

/** Whether two lists hold the same numbers in the same order. */
/** Whether `a` is `b[0..n)`. */
function sameList(a: Int32Array, b: Int32Array, n: number): boolean {
  if (a.length !== n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Typed lists of one class's OD entries, reused by the classes of a problem (see `ensure`). */
class EntryScratch {
  /** Room of every list (−1: none yet). */
  private capacity = -1;
  originList!: Int32Array;
  originCount!: Int32Array;
  entryO!: Int32Array;
  entryD!: Int32Array;
  entryV!: Float64Array;
  fill!: Int32Array;
  grouped!: Int32Array;
  rowStart!: Int32Array;
  rowD!: Int32Array;
  rowV!: Float64Array;
  origins!: Int32Array;
  originStart!: Int32Array;
  destinations!: Int32Array;
  demand!: Float64Array;
  ends!: Int32Array;

  constructor(private readonly arena: TypedArena) {}

  /** Room for a class of `entries` entries (every list of a class is at most that long). */
  ensure(entries: number): this {
    if (this.capacity >= entries) return this;
    const n = Math.max(entries, 2 * this.capacity, 16);
    this.capacity = n;
    const a = this.arena;
    this.originList = a.i32(n);
    this.originCount = a.i32(n);
    this.entryO = a.i32(n);
    this.entryD = a.i32(n);
    this.entryV = a.f64(n);
    this.fill = a.i32(n);
    this.grouped = a.i32(n);
    this.rowStart = a.i32(n + 1);
    this.rowD = a.i32(n);
    this.rowV = a.f64(n);
    this.origins = a.i32(n);
    this.originStart = a.i32(n + 1);
    this.destinations = a.i32(n);
    this.demand = a.f64(n);
    this.ends = a.i32(n);
    return this;
  }
}

/** Whether two classes' constants forbid (Infinity) the same arcs. */
function sameForbidden(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] === Number.POSITIVE_INFINITY) !== (b[i] === Number.POSITIVE_INFINITY)) return false;
  }
  return true;
}

/**
 * Mark in `reach` (all 0 on entry) the nodes reachable from `root` on arcs with a finite constant,
 * passing through no blocked node but the root; `backwards` searches the reversed graph (the nodes
 * from which `root` is reachable: each may start a path, only unblocked ones may be passed through).
 */
function markReachable(
  csr: Csr,
  arcConstant: Float64Array,
  blockedThrough: Uint8Array | undefined,
  root: number,
  backwards: boolean,
  reach: Uint8Array,
  queue: Int32Array,
): void {
  const start = backwards ? csr.inStart : csr.outStart;
  const arcs = backwards ? csr.inArcs : csr.outArcs;
  const other = backwards ? csr.tail : csr.head;
  reach[root] = 1;
  let qh = 0;
  let qt = 0;
  queue[qt++] = root;
  while (qh < qt) {
    const u = queue[qh++]!;
    if (blockedThrough !== undefined && blockedThrough[u] === 1 && u !== root) continue;
    for (let p = start[u]!, end = start[u + 1]!; p < end; p++) {
      const a = arcs[p]!;
      if (arcConstant[a] === Number.POSITIVE_INFINITY) continue;
      const v = other[a]!;
      if (reach[v] === 0) {
        reach[v] = 1;
        queue[qt++] = v;
      }
    }
  }
}

/**
 * Throw unless `value` looks like a problem made by {@link createAssignmentProblem}.
 *
 * @param value - the argument
 * @throws InvalidArgumentError otherwise
 */
export function requireProblem(value: unknown): asserts value is AssignmentProblem {
  const p = value as Partial<AssignmentProblem> | null;
  if (
    typeof p !== 'object' ||
    p === null ||
    typeof p.arcCount !== 'number' ||
    !Array.isArray(p.classes) ||
    p.csr === undefined
  ) {
    throw new InvalidArgumentError(
      MODULE,
      'problem',
      'must be an assignment problem made by createAssignmentProblem or tntpAssignmentProblem',
    );
  }
}
