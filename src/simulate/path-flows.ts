/**
 * Path flows of the equilibrium, split to demand flows
 * ====================================================
 *
 * The equilibrium and logit solvers route user classes, not demand flows: one OD of a class carries
 * the volume of every demand flow of that class with the same origin and destination (the flows of a
 * segment between two cities, one per year or source). Each path of such an OD is split between those
 * flows in proportion to their volumes. {@link PathFlows} keeps that split in typed arrays beside the
 * solver's path set: aggregation (./aggregate.ts) reads it as it is, and the routed-path objects of a
 * result ({@link routedPaths}, one per demand flow and path) are made only when someone reads them.
 * Both visit the paths in the same order (OD, then path, then demand flow), so the figures summed from
 * either are the same to the last bit.
 *
 * Internal: no public API.
 */

import type { PathSet } from '../algorithms/assignment/pathSet.js';
import type { DemandFlow } from '../model/demand.js';
import type { RoutedPath } from './aggregate.js';
import { createArcListPool } from './arc-lists.js';
import type { DemandClass } from './classes.js';
import type { DemandEntries } from './demand-entries.js';

/** A solver's path set with the demand flows each of its ODs carries. */
export interface PathFlows {
  /** The solver's paths (compiled-network arcs, origin first) and their flows. */
  readonly set: PathSet;
  /** The demand flows of set OD `od` are `flowIndex[groupStart[od] .. groupStart[od + 1])`. */
  readonly groupStart: Int32Array;
  /** Index of each demand flow in the demand's `flows`. */
  readonly flowIndex: Int32Array;
  /** Volume of each demand flow in the OD's class. */
  readonly flowVolume: Float64Array;
  /** Σ `flowVolume` of each set OD's flows, summed in their order (0: the OD carries no flow). */
  readonly groupTotal: Float64Array;
  /** Shipper segment id of each set OD (its class's segment). */
  readonly segmentId: readonly string[];
}

/**
 * The demand flows each OD of `set` carries.
 *
 * @param set - the solver's path set (its `odClass` indexes `classes`)
 * @param classes - the classes the solver routed
 * @param entries - their entries, found by class, origin and destination
 * @returns the split
 */
export function splitPathFlows(
  set: PathSet,
  classes: readonly DemandClass[],
  entries: DemandEntries,
): PathFlows {
  const odCount = set.odClass.length;
  const groupStart = new Int32Array(odCount + 1);
  const groupTotal = new Float64Array(odCount);
  // each entry belongs to one OD at most: the entries bound the flows
  const flowIndex = new Int32Array(entries.list.length);
  const flowVolume = new Float64Array(entries.list.length);
  const segmentId: string[] = new Array(odCount);
  let at = 0;
  for (let od = 0; od < odCount; od++) {
    const k = set.odClass[od]!;
    segmentId[od] = classes[k]!.segment.id;
    const count = entries.collect(k, set.odOrigin[od]!, set.odDestination[od]!);
    groupTotal[od] = entries.total;
    for (let g = 0; g < count; g++) {
      const x = entries.list[entries.group[g]!]!;
      flowIndex[at] = x.flowIndex;
      flowVolume[at++] = x.volume;
    }
    groupStart[od + 1] = at;
  }
  return { set, groupStart, flowIndex, flowVolume, groupTotal, segmentId };
}

/**
 * The routed paths of `pathFlows`: one per demand flow and path with flow, in the order aggregation
 * reads them; paths with the same arcs share one arc array.
 *
 * @param pathFlows - the split path set
 * @param flows - the demand's flows (`flowIndex` indexes them)
 * @returns the paths
 */
export function routedPaths(pathFlows: PathFlows, flows: readonly DemandFlow[]): RoutedPath[] {
  const { set, groupStart, flowIndex, flowVolume, groupTotal, segmentId } = pathFlows;
  const paths: RoutedPath[] = [];
  const arcLists = createArcListPool(set.pathFlow.length);
  for (let od = 0; od < set.odClass.length; od++) {
    const total = groupTotal[od]!;
    if (!(total > 0)) continue;
    const segment = segmentId[od]!;
    for (let p = set.odPathStart[od]!; p < set.odPathStart[od + 1]!; p++) {
      const f = set.pathFlow[p]!;
      if (!(f > 0)) continue;
      const arcs = arcLists.take(set.pathArcs, set.pathArcStart[p]!, set.pathArcStart[p + 1]!);
      for (let g = groupStart[od]!; g < groupStart[od + 1]!; g++) {
        paths.push({
          flowId: flows[flowIndex[g]!]!.id,
          segmentId: segment,
          volume: (f * flowVolume[g]!) / total,
          arcs,
        });
      }
    }
  }
  return paths;
}
