/**
 * ODs pooled across classes that differ only by forbidden arcs
 * ============================================================
 *
 * Shipper segments that refuse a country see the same cost on every arc they may use as the segment
 * that accepts it (./treeSharing.ts): when class k forbids everything class j forbids, and more, and
 * both have the same constant cost on every arc k may use, any path of j that avoids k's forbidden
 * arcs costs k what it costs j. So while the paths of j's OD (o, d) all avoid k's forbidden arcs, k's
 * OD (o, d) need not keep paths of its own: its demand rides on j's paths (the pool's host), and the
 * pair is one OD to equilibrate, not two. At an equilibrium of the pool, every used path is a
 * shortest path of j, and allowed to k, hence a shortest path of k: the pool split in proportion to
 * demand is an equilibrium of both classes. The relative gap of a round stays the exact gap of the
 * unpooled problem: the total cost is that of the same flows, and each class's shortest paths come
 * from its own tree.
 *
 * A rider leaves its pool as soon as the host takes a path the rider may not use (a new column
 * through a refused country): it takes copies of the host's paths with its share of their flows, and
 * goes on as an OD of its own. At the end of a run every rider leaves, so the result holds each
 * class's paths as without pooling. On the Eurasia dataset 4 of the 8 container segments refuse Iran,
 * and until a scenario makes Iran worth it none of their ODs leaves its pool: half the ODs are not
 * equilibrated, priced or searched for new paths.
 *
 * Pools are made class by class, before a class's ODs get their initial paths: an OD joins the pool
 * of its parent class's same OD (the closest wider class, ./treeSharing.ts), or of the pool that OD
 * rides in, when that host holds one path the OD may use, and the OD holds no path yet or that same
 * one (a warm start). Its initial path would have been a shortest path of the same length.
 *
 * Internal: no public API.
 */

import type { TypedArena } from '../_internal/arena.js';
import type { PathStore } from './pathStore.js';
import type { AssignmentClass, AssignmentProblem } from './problem.js';

/** Pools of ODs across classes (see the module comment). */
export class OdPools {
  /** Per OD: the OD whose paths carry its demand, or -1 when it keeps its own paths. */
  readonly host: Int32Array;
  /** Per OD: the demand its paths carry (its own, plus its riders' while it hosts a pool). */
  readonly demand: Float64Array;
  /** Per OD: its own demand. */
  private readonly own: Float64Array;
  /** Per OD: its class index. */
  private readonly odClass: Int32Array;
  /** Riders of a host: `firstRider[host]`, then `nextRider[rider]`; -1 ends the list. */
  private readonly firstRider: Int32Array;
  private readonly nextRider: Int32Array;
  /** How many ODs ride in a pool now. */
  private riding = 0;

  /**
   * @param p - the problem
   * @param arena - where the arrays come from
   */
  constructor(
    private readonly p: AssignmentProblem,
    arena: TypedArena,
  ) {
    const n = p.odCount;
    this.host = arena.i32(n).fill(-1);
    this.demand = arena.f64(n);
    this.own = arena.f64(n);
    this.odClass = arena.i32(n);
    this.firstRider = arena.i32(n).fill(-1);
    this.nextRider = arena.i32(n).fill(-1);
    for (const cls of p.classes) {
      for (let j = 0; j < cls.destinations.length; j++) {
        const od = cls.odOffset + j;
        this.demand[od] = cls.demand[j]!;
        this.own[od] = cls.demand[j]!;
        this.odClass[od] = cls.index;
      }
    }
  }

  /** How many ODs ride in a pool. */
  get size(): number {
    return this.riding;
  }

  /**
   * Pool class `cls`'s ODs, before they are seeded: its OD (o, d) joins the pool of its parent
   * class's OD (o, d) (`parent[k]`: ./treeSharing.ts `SharedTrees`, -1 for none), or of the pool
   * that OD rides in, when that host holds one path and `cls` may use it, and the OD holds no path
   * yet or the same one (a warm start). The host's path takes the OD's demand.
   *
   * @param cls - the class (its parent's ODs have their initial paths)
   * @param store - the paths
   * @param parent - per class, the closest wider class whose trees it may reuse, or -1
   * @param scratch - scratch of at least 2 × nodeCount int32 entries
   */
  joinClass(cls: AssignmentClass, store: PathStore, parent: Int32Array, scratch: Int32Array): void {
    const up = parent[cls.index]!;
    if (up < 0) return;
    const N = this.p.nodeCount;
    const wider = this.p.classes[up]!;
    // per node: the wider class's origin row of that node, then per destination its OD (-1 when none)
    const originRow = scratch.subarray(0, N).fill(-1);
    const destinationOd = scratch.subarray(N, 2 * N).fill(-1);
    for (let i = 0; i < wider.origins.length; i++) originRow[wider.origins[i]!] = i;
    for (let i = 0; i < cls.origins.length; i++) {
      const row = originRow[cls.origins[i]!]!;
      if (row < 0) continue;
      const from = wider.originStart[row]!;
      const to = wider.originStart[row + 1]!;
      for (let j = from; j < to; j++) destinationOd[wider.destinations[j]!] = wider.odOffset + j;
      for (let j = cls.originStart[i]!; j < cls.originStart[i + 1]!; j++) {
        const match = destinationOd[cls.destinations[j]!]!;
        if (match >= 0)
          this.join(store, cls, cls.odOffset + j, this.host[match]! >= 0 ? this.host[match]! : match);
      }
      for (let j = from; j < to; j++) destinationOd[wider.destinations[j]!] = -1;
    }
  }

  /** `od` (of class `cls`) joins `host`'s pool when the host's one path serves it (see {@link joinClass}). */
  private join(store: PathStore, cls: AssignmentClass, od: number, host: number): void {
    if (store.odSize[host] !== 1) return;
    const h = store.odHead[host]!;
    const size = store.odSize[od]!;
    if (size === 0) {
      if (!allows(cls.arcConstant, store, h)) return;
    } else {
      // a warm start's path: the same as the host's, which then carries its flow
      if (size !== 1 || !samePath(store, store.odHead[od]!, h)) return;
      store.flow[h] = store.flow[h]! + store.flow[store.odHead[od]!]!;
      store.remove(od, store.odHead[od]!, -1);
    }
    if (size === 0) store.flow[h] = store.flow[h]! + this.own[od]!;
    this.host[od] = host;
    this.demand[host] = this.demand[host]! + this.own[od]!;
    this.nextRider[od] = this.firstRider[host]!;
    this.firstRider[host] = od;
    this.riding++;
  }

  /**
   * The host OD `host` has taken path `q`: every rider that may not use it (an arc its class forbids)
   * leaves the pool (see {@link leave}).
   *
   * @param store - the paths
   * @param host - an OD (nothing happens when it hosts no pool)
   * @param q - the new path of `host`
   * @param buffer - scratch for one path's arcs
   */
  admitted(store: PathStore, host: number, q: number, buffer: Int32Array): void {
    let rider = this.firstRider[host]!;
    let prev = -1;
    while (rider >= 0) {
      const after = this.nextRider[rider]!;
      // the store read again for each rider: a rider leaving adds paths, which may move its arcs
      if (allows(this.p.classes[this.odClass[rider]!]!.arcConstant, store, q)) prev = rider;
      else {
        if (prev < 0) this.firstRider[host] = after;
        else this.nextRider[prev] = after;
        this.leave(store, rider, host, q, buffer);
      }
      rider = after;
    }
  }

  /** Every rider leaves its pool (at the end of a run: the result holds each class's own paths). */
  releaseAll(store: PathStore, buffer: Int32Array): void {
    if (this.riding === 0) return;
    const n = this.host.length;
    for (let host = 0; host < n; host++) {
      for (let rider = this.firstRider[host]!; rider >= 0; ) {
        const after = this.nextRider[rider]!;
        this.firstRider[host] = after;
        // the result reads paths with flow only: the others are not copied
        this.leave(store, rider, host, -1, buffer, true);
        rider = after;
      }
    }
  }

  /**
   * `rider` (already unlinked from the host's list) leaves `host`'s pool: it takes a copy of each of
   * the host's paths but `skip` (and but those without flow when `usedOnly`), with its share (own
   * demand / pooled demand) of the path's flow, which the host's path gives up.
   */
  private leave(
    store: PathStore,
    rider: number,
    host: number,
    skip: number,
    buffer: Int32Array,
    usedOnly = false,
  ): void {
    const share = this.own[rider]! / this.demand[host]!;
    for (let q = store.odHead[host]!; q >= 0; q = store.next[q]!) {
      if (q === skip || (usedOnly && !(store.flow[q]! > 0))) continue;
      const len = store.length[q]!;
      const start = store.start[q]!;
      // copied out first: adding may move the store's arcs
      for (let i = 0; i < len; i++) buffer[i] = store.arcs[start + i]!;
      const moved = store.flow[q]! * share;
      const copy = store.add(rider, buffer, len, store.hash[q]!, moved);
      store.flow[q] = store.flow[q]! - moved;
      store.aux[copy] = store.aux[q]!;
      store.cost[copy] = store.cost[q]!;
    }
    this.host[rider] = -1;
    this.nextRider[rider] = -1;
    this.riding--;
    // summed again over the riders left, not decreased: no rounding drift
    let pooled = this.own[host]!;
    for (let r = this.firstRider[host]!; r >= 0; r = this.nextRider[r]!) pooled += this.own[r]!;
    this.demand[host] = pooled;
  }
}

/** Whether a class with arc constants `constant` may use path `q` of the store (no arc it forbids). */
function allows(constant: Float64Array, store: PathStore, q: number): boolean {
  const { arcs } = store;
  for (let at = store.start[q]!, to = at + store.length[q]!; at < to; at++) {
    if (constant[arcs[at]!] === Number.POSITIVE_INFINITY) return false;
  }
  return true;
}

/** Whether paths `a` and `b` of the store have the same arcs. */
function samePath(store: PathStore, a: number, b: number): boolean {
  const len = store.length[a]!;
  if (store.length[b] !== len || store.hash[a] !== store.hash[b]) return false;
  const { arcs } = store;
  const sa = store.start[a]!;
  const sb = store.start[b]!;
  for (let i = 0; i < len; i++) if (arcs[sa + i] !== arcs[sb + i]) return false;
  return true;
}
