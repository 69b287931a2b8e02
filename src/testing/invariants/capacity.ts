/**
 * Invariant: capacities respected, or exceedance reported as delay
 * ================================================================
 *
 * Two regimes, chosen by the solver:
 * - `strict` (min-cost and other capacity-constrained solvers): no link carries more than its
 *   capacity, no node handles more than its handling capacity;
 * - `delay` (equilibrium, logit: capacity enters through volume-delay functions): a link may carry
 *   more than its capacity, but then its reported time must exceed its free-flow time, provided its
 *   volume-delay function can express delay (not `constant`, BPR α > 0, free-flow time > 0); and no
 *   link is ever reported faster than free flow.
 *
 * In both regimes closed links (status `closed`, or reported capacity 0) carry nothing.
 */

import { InvalidArgumentError } from '../../model/errors.js';
import type { VolumeDelay } from '../../model/network.js';
import { checkShape, fmt, MODULE, throwIfAny, tolerance } from './_internal.js';
import { type CompiledArc, compiledArcs } from './compiledArcs.js';
import type { CheckableResult, ToleranceOptions, Violation } from './types.js';

/** How capacity binds. */
export type CapacityMode = 'strict' | 'delay';

/** Options of {@link checkCapacities}. */
export interface CapacityOptions extends ToleranceOptions {
  /**
   * `strict` or `delay` (see the module header).
   * @defaultValue `delay` when `result.solver` is `equilibrium` or `logit`, else `strict`
   */
  readonly mode?: CapacityMode;
  /**
   * The arc table of the compiled network, when the runner numbers arcs differently from corridor-sim.
   * @defaultValue compiledArcs(result.applied.network)
   */
  readonly arcs?: readonly CompiledArc[];
}

function canDelay(vdf: VolumeDelay): boolean {
  if (vdf.kind === 'constant') return false;
  if (vdf.kind === 'bpr') return vdf.alpha > 0;
  return true;
}

/**
 * The capacity regime of a solver.
 *
 * @param solver - `result.solver`
 * @returns `delay` for equilibrium and logit, `strict` otherwise
 */
export function capacityModeOf(solver: string | undefined): CapacityMode {
  return solver === 'equilibrium' || solver === 'logit' ? 'delay' : 'strict';
}

/**
 * Check that capacities are respected, or their exceedance reported as delay.
 *
 * @param result - reads `links` (flow, capacity, timeDays), `nodes` (utilization), `solver` and
 *   `applied.network` (status, volume-delay functions, free-flow times)
 * @param options - regime, tolerances (relative: times the capacity)
 * @returns the violations (empty when the invariant holds)
 * @throws InvalidArgumentError on a bad mode or a result without `links` / `applied`
 * @example expect(checkCapacities(minCostResult)).toEqual([]); // strict: solver 'min-cost'
 * @remarks Complexity O(L + N · C).
 */
export function checkCapacities(
  result: Pick<CheckableResult, 'links' | 'nodes' | 'applied' | 'solver'>,
  options: CapacityOptions = {},
): Violation[] {
  checkShape(result, 'checkCapacities', ['links', 'applied']);
  const tol = tolerance(options, 'checkCapacities');
  const mode = options.mode ?? capacityModeOf(result.solver);
  if (mode !== 'strict' && mode !== 'delay') {
    throw new InvalidArgumentError(
      MODULE,
      'checkCapacities: options.mode',
      `must be 'strict' or 'delay', got ${JSON.stringify(mode)}`,
    );
  }
  const network = result.applied.network;
  const graph = network.graph;
  const arcs = options.arcs ?? compiledArcs(network);
  const freeFlow = new Map<string, number>();
  for (const arc of arcs) if (arc.kind === 'link') freeFlow.set(arc.link.id, arc.freeFlowDays);
  const out: Violation[] = [];
  for (const link of result.links) {
    if (!graph.hasEdge(link.id)) continue; // reported by conservation
    const attrs = graph.getEdgeAttributes(link.id);
    const subject = `link ${link.id}`;
    if ((attrs.status === 'closed' || link.capacity === 0) && link.flow > tol.absolute) {
      out.push({
        invariant: 'capacity',
        subject,
        message: `is ${attrs.status === 'closed' ? 'closed' : 'of capacity 0'} but carries ${fmt(link.flow)}`,
        expected: 0,
        actual: link.flow,
      });
      continue;
    }
    const over = !tol.atMost(link.flow, link.capacity, link.capacity);
    const t0 = freeFlow.get(link.id) ?? attrs.transitDays;
    if (mode === 'strict') {
      if (over) {
        out.push({
          invariant: 'capacity',
          subject,
          message: `carries ${fmt(link.flow)}, above its capacity ${fmt(link.capacity)} (utilization ${fmt(link.flow / link.capacity)})`,
          expected: link.capacity,
          actual: link.flow,
        });
      }
      continue;
    }
    if (link.flow > tol.absolute && !tol.atMost(t0, link.timeDays, t0)) {
      out.push({
        invariant: 'capacity',
        subject,
        message: `reports ${fmt(link.timeDays)} days, below its free-flow time ${fmt(t0)} days`,
        expected: t0,
        actual: link.timeDays,
      });
      continue;
    }
    const vdf = attrs.vdf ?? network.defaultVdf;
    if (over && attrs.transitDays > 0 && canDelay(vdf) && !(link.timeDays > t0)) {
      out.push({
        invariant: 'capacity',
        subject,
        message: `carries ${fmt(link.flow)}, above its capacity ${fmt(link.capacity)}, but reports no delay (${fmt(link.timeDays)} days = free flow, ${vdf.kind} volume-delay)`,
        expected: t0,
        actual: link.timeDays,
      });
    }
  }
  if (mode === 'strict') {
    for (const node of result.nodes ?? []) {
      for (const [commodity, u] of Object.entries(node.utilization)) {
        const capacity = graph.hasNode(node.id)
          ? graph.getNodeAttributes(node.id).handling?.[commodity]?.capacityPerYear
          : undefined;
        const slack = tol.relative + (capacity !== undefined && capacity > 0 ? tol.absolute / capacity : 0);
        if (u > 1 + slack) {
          out.push({
            invariant: 'capacity',
            subject: `node ${node.id}/${commodity}`,
            message: `handles ${fmt(u)} × its handling capacity${capacity === undefined ? '' : ` ${fmt(capacity)}`}`,
            expected: 1,
            actual: u,
          });
        }
      }
    }
  }
  return out;
}

/**
 * Like {@link checkCapacities}, but throws.
 *
 * @param result - see {@link checkCapacities}
 * @param options - regime and tolerances
 * @throws InvariantError carrying every violation
 * @example assertCapacities(result, { mode: 'strict' });
 */
export function assertCapacities(
  result: Pick<CheckableResult, 'links' | 'nodes' | 'applied' | 'solver'>,
  options: CapacityOptions = {},
): void {
  throwIfAny(checkCapacities(result, options));
}
