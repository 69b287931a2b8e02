/**
 * Flow decomposition
 * ==================
 *
 * Split a single-commodity arc flow from one source to one sink into paths (Ford & Fulkerson 1962,
 * flow decomposition theorem): repeatedly follow arcs that still carry flow from the source, take the
 * bottleneck, subtract it. Cycles met on the way are cancelled (they carry no volume from source to
 * sink). At most `arcCount` paths; each step zeroes at least one arc.
 *
 * Complexity O(m · (n + m)) in the worst case; for corridor networks a handful of paths per commodity.
 */

import type { Csr } from '../algorithms/_internal/csr.js';

/** One path of a decomposition. */
export interface DecomposedPath {
  /** Arc ids from source to sink. */
  readonly arcs: number[];
  /** Volume on the path. */
  readonly volume: number;
}

/**
 * Decompose `flow` (per arc) into source→sink paths.
 *
 * @param csr - the graph
 * @param flow - flow per arc id (not modified)
 * @param source - source vertex
 * @param sink - sink vertex
 * @param tolerance - flows at or below this are treated as zero (default 1e-9 × the largest arc flow)
 * @returns paths with volumes, largest first
 */
export function decomposePaths(
  csr: Csr,
  flow: Float64Array,
  source: number,
  sink: number,
  tolerance?: number,
): DecomposedPath[] {
  if (source === sink) return [];
  // One sink that absorbs whatever reaches it.
  return decomposeToSinks(csr, flow, source, new Map([[sink, Number.POSITIVE_INFINITY]]), tolerance).map(
    ({ arcs, volume }) => ({ arcs, volume }),
  );
}

/** One path of a one-source, many-sinks decomposition. */
export interface DecomposedSinkPath extends DecomposedPath {
  /** The sink the path ends at. */
  readonly sink: number;
}

/**
 * Decompose a flow from one source to several sinks into paths: like {@link decomposePaths}, with
 * each sink absorbing (at most) its `absorbed` amount — as if every sink had an arc to a super sink.
 * A walk stops at the first sink on its way that still absorbs.
 *
 * @param csr - the graph
 * @param flow - flow per arc (not modified)
 * @param source - source vertex
 * @param absorbed - amount each sink vertex takes out (inflow − outflow at it)
 * @param tolerance - flows at or below this are zero (default 1e-9 × the largest arc flow)
 * @returns paths with their sinks and volumes, largest first
 */
export function decomposeToSinks(
  csr: Csr,
  flow: Float64Array,
  source: number,
  absorbed: ReadonlyMap<number, number>,
  tolerance?: number,
): DecomposedSinkPath[] {
  const rest = Float64Array.from(flow);
  const sinkRest = new Map(absorbed);
  let largest = 0;
  for (let e = 0; e < rest.length; e++) if (rest[e]! > largest) largest = rest[e]!;
  for (const v of sinkRest.values()) if (v > largest && Number.isFinite(v)) largest = v;
  const eps = tolerance ?? largest * 1e-9;
  const paths: DecomposedSinkPath[] = [];
  const onPath = new Int32Array(csr.nodeCount).fill(-1);
  const next = Int32Array.from(csr.outStart.subarray(0, csr.nodeCount));
  const remaining = () => {
    for (const v of sinkRest.values()) if (v > eps) return true;
    return false;
  };
  for (let guard = 0; guard <= rest.length + absorbed.size && remaining(); guard++) {
    const walk: number[] = [];
    const nodes: number[] = [source];
    onPath[source] = 0;
    let u = source;
    let stuck = false;
    while (!(u !== source && (sinkRest.get(u) ?? 0) > eps)) {
      let arc = -1;
      for (let p = next[u]!; p < csr.outStart[u + 1]!; p++) {
        const e = csr.outArcs[p]!;
        if (rest[e]! > eps) {
          arc = e;
          next[u] = p;
          break;
        }
      }
      if (arc < 0) {
        next[u] = csr.outStart[u + 1]!;
        stuck = true;
        break;
      }
      const v = csr.head[arc]!;
      if (onPath[v]! >= 0) {
        const from = onPath[v]!;
        let min = Number.POSITIVE_INFINITY;
        const cycle = [...walk.slice(from), arc];
        for (const e of cycle) min = Math.min(min, rest[e]!);
        for (const e of cycle) rest[e] = rest[e]! - min;
        for (let i = from + 1; i < nodes.length; i++) onPath[nodes[i]!] = -1;
        walk.length = from;
        nodes.length = from + 1;
        u = v;
        continue;
      }
      walk.push(arc);
      nodes.push(v);
      onPath[v] = nodes.length - 1;
      u = v;
    }
    for (const n of nodes) onPath[n] = -1;
    if (stuck) break;
    let volume = sinkRest.get(u)!;
    for (const e of walk) volume = Math.min(volume, rest[e]!);
    for (const e of walk) rest[e] = rest[e]! - volume;
    sinkRest.set(u, sinkRest.get(u)! - volume);
    paths.push({ arcs: walk, volume, sink: u });
  }
  return paths.sort((a, b) => b.volume - a.volume);
}
