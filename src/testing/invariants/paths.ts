/**
 * Invariant: every path is a usable route of its flow
 * ===================================================
 *
 * A path of flow f and segment s must be a walk over the compiled arcs from f's origin to its
 * destination: each link arc leaves the node the walk is at, carries f's commodity, is open
 * (not `closed`, reported capacity not 0), and is allowed to s (not in its `avoidLinks`, crossing none
 * of its `avoidCountries` other than the origin's and destination's); each node arc handles f's
 * commodity at the node the walk is at. The result's link list must follow the arc numbering.
 */

import { checkShape, segmentForbids, segmentsById, throwIfAny, tolerance } from './_internal.js';
import { type CompiledArc, compiledArcs } from './compiledArcs.js';
import type { CheckableResult, ToleranceOptions, Violation } from './types.js';

/** Options of {@link checkPaths}. */
export interface PathsOptions extends ToleranceOptions {
  /**
   * The arc table of the compiled network, when the runner numbers arcs differently from corridor-sim.
   * @defaultValue compiledArcs(result.applied.network)
   */
  readonly arcs?: readonly CompiledArc[];
}

/**
 * Check that every path is a usable route of its flow and segment.
 *
 * @param result - reads `paths`, `ods`, `links` (capacities, order) and `applied` (network, segments)
 * @param options - the arc table (tolerances are not used)
 * @returns the violations (empty when the invariant holds, or when the result has no paths)
 * @throws InvalidArgumentError when `result` lacks `links`, `ods` or `applied`
 * @example expect(checkPaths(result)).toEqual([]);
 * @remarks Complexity O(Σ path length × countries per link).
 */
export function checkPaths(
  result: Pick<CheckableResult, 'paths' | 'ods' | 'links' | 'applied'>,
  options: PathsOptions = {},
): Violation[] {
  checkShape(result, 'checkPaths', ['links', 'ods', 'applied']);
  tolerance(options, 'checkPaths');
  const out: Violation[] = [];
  if (!result.paths) return out;
  const { network, demand } = result.applied;
  const graph = network.graph;
  const arcs = options.arcs ?? compiledArcs(network);
  for (let a = 0; a < result.links.length && a < arcs.length; a++) {
    const arc = arcs[a]!;
    if (arc.kind !== 'link' || arc.link.id !== result.links[a]!.id) {
      out.push({
        invariant: 'paths',
        subject: 'result.links',
        message: `entry ${a} is link ${result.links[a]!.id} but arc ${a} is ${arc.kind === 'link' ? `link ${arc.link.id}` : `the node arc of ${arc.node}`}: links must follow the arc numbering (or pass options.arcs)`,
      });
      return out;
    }
  }
  const ods = new Map(result.ods.map((od) => [od.id, od]));
  const segments = segmentsById(demand);
  result.paths.forEach((path, i) => {
    const subject = `path ${i} (flow ${path.flowId}/${path.segmentId})`;
    const od = ods.get(path.flowId);
    if (!od) {
      out.push({ invariant: 'paths', subject, message: `flow ${path.flowId} is not in result.ods` });
      return;
    }
    const segment = segments.get(path.segmentId);
    if (!segment) {
      out.push({
        invariant: 'paths',
        subject,
        message: `segment ${path.segmentId} is not in the applied demand`,
      });
      return;
    }
    const exempt = new Set(
      [od.origin, od.destination]
        .filter((n) => graph.hasNode(n))
        .map((n) => graph.getNodeAttributes(n).country),
    );
    let at = od.origin;
    const fail = (message: string) => out.push({ invariant: 'paths', subject, message });
    for (let k = 0; k < path.arcs.length; k++) {
      const index = path.arcs[k]!;
      const arc = arcs[index];
      if (!arc) {
        fail(`arc ${index} (step ${k}) does not exist (${arcs.length} arcs)`);
        return;
      }
      if (arc.kind === 'node') {
        if (arc.node !== at || arc.commodity !== od.commodity) {
          fail(
            `step ${k} is the ${arc.commodity} handling of ${arc.node}, but the walk is at ${at} with ${od.commodity}`,
          );
          return;
        }
        continue;
      }
      const link = arc.link;
      if (link.from !== at) {
        fail(`step ${k} is link ${link.id} from ${link.from}, but the walk is at ${at}`);
        return;
      }
      if (link.commodity !== od.commodity)
        fail(`link ${link.id} carries ${link.commodity}, not ${od.commodity}`);
      const capacity = result.links[index]?.capacity;
      if (link.status === 'closed' || capacity === 0) {
        fail(`link ${link.id} is ${link.status === 'closed' ? 'closed' : 'not open (capacity 0)'}`);
      }
      const why = segmentForbids(segment, link, exempt);
      if (why) fail(`uses link ${link.id}, but ${why}`);
      at = link.to;
    }
    if (at !== od.destination) {
      fail(`ends at ${at}, not at the destination ${od.destination}`);
    }
  });
  return out;
}

/**
 * Like {@link checkPaths}, but throws.
 *
 * @param result - see {@link checkPaths}
 * @param options - the arc table
 * @throws InvariantError carrying every violation
 * @example assertPaths(result);
 */
export function assertPaths(
  result: Pick<CheckableResult, 'paths' | 'ods' | 'links' | 'applied'>,
  options: PathsOptions = {},
): void {
  throwIfAny(checkPaths(result, options));
}
