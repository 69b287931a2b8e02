/**
 * Path sets
 * =========
 *
 * The path flows of a path-based assignment in compact typed arrays: OD entries (class, origin,
 * destination, demand), the paths of each OD, and the arcs of each path in travel order. The same
 * structure is accepted back as a warm start. {@link listPaths} turns one OD's paths into objects.
 */

import { InvalidArgumentError, requireFields } from '../../model/errors.js';

/** Path flows per OD and class, as typed arrays. */
export interface PathSet {
  /** Class index of each OD entry. */
  readonly odClass: Int32Array;
  /** Origin node of each OD entry. */
  readonly odOrigin: Int32Array;
  /** Destination node of each OD entry. */
  readonly odDestination: Int32Array;
  /** Demand of each OD entry. */
  readonly odDemand: Float64Array;
  /** Paths of OD `i` are `odPathStart[i] .. odPathStart[i+1]`. */
  readonly odPathStart: Int32Array;
  /** Arcs of path `p` are `pathArcs[pathArcStart[p] .. pathArcStart[p+1]]`, origin first. */
  readonly pathArcStart: Int32Array;
  /** Arc ids of all paths. */
  readonly pathArcs: Int32Array;
  /** Flow on each path. */
  readonly pathFlow: Float64Array;
  /** Class cost of each path at the returned flows (time units, constant terms included). */
  readonly pathCost: Float64Array;
}

/** One path of an OD. */
export interface PathFlow {
  /** Arc ids, origin first. */
  readonly arcs: Int32Array;
  /** Volume on the path. */
  readonly flow: number;
  /** Class cost of the path (time units). */
  readonly cost: number;
}

/**
 * The paths of one OD entry of a path set, as objects.
 *
 * @param paths - a path set (from `gradientProjection` or `logitAssignment`)
 * @param od - OD entry index
 * @returns the OD's paths (arcs are copies)
 * @throws InvalidArgumentError when `od` is out of range
 * @example listPaths(result.paths!, 0).map((p) => p.flow)
 * @remarks Complexity O(total arcs of the OD's paths).
 */
export function listPaths(paths: PathSet, od: number): PathFlow[] {
  requireFields(
    paths,
    'corridor-sim/assignment',
    'paths',
    'a PathSet (result.paths of a path-based assignment)',
    ['odClass', 'odPathStart', 'pathArcStart', 'pathArcs', 'pathFlow', 'pathCost'],
  );
  const odCount = paths.odClass.length;
  if (!Number.isInteger(od) || od < 0 || od >= odCount) {
    throw new InvalidArgumentError(
      'corridor-sim/assignment',
      'od',
      `must be an integer in 0..${odCount - 1}, got ${od}`,
    );
  }
  const out: PathFlow[] = [];
  for (let p = paths.odPathStart[od]!; p < paths.odPathStart[od + 1]!; p++) {
    out.push({
      arcs: paths.pathArcs.slice(paths.pathArcStart[p]!, paths.pathArcStart[p + 1]!),
      flow: paths.pathFlow[p]!,
      cost: paths.pathCost[p]!,
    });
  }
  return out;
}
