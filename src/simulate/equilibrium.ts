/**
 * The equilibrium solver of `simulate`
 * ====================================
 *
 * Multi-class user equilibrium with capacity-respecting delays: every shipper segment routes its
 * flows on the paths of least generalized cost (money + value of time × days), and every capacitated
 * link or terminal without an explicit volume-delay function gets the modified Davidson function
 * (time tends to grow without bound as volume approaches capacity; see
 * src/algorithms/assignment/vdf.ts), so border crossings and ferries do not carry more than they can
 * unless no route has spare capacity. Solved by path-based gradient projection, which returns the
 * path flows the corridor and country figures are computed from.
 */

import { scratchArena } from '../algorithms/_internal/arena.js';
import type { CompiledNetwork } from '../algorithms/_internal/compile.js';
import { gradientProjection } from '../algorithms/assignment/gradientProjection.js';
import { logitAssignment } from '../algorithms/assignment/logit.js';
import type { PathSet } from '../algorithms/assignment/pathSet.js';
import { buildAssignmentProblem } from '../algorithms/assignment/problem.js';
import type { VolumeDelayFunction } from '../algorithms/assignment/vdf.js';
import type { DemandClass } from './classes.js';
import { demandEntries } from './demand-entries.js';
import { type PathFlows, splitPathFlows } from './path-flows.js';

/** Parameters of the capacity-respecting delay. */
export interface CapacityDelay {
  /** Davidson delay parameter J (> 0). */
  readonly j: number;
  /** Share of capacity where the function turns linear, in (0, 1). */
  readonly mu: number;
  /**
   * Smallest time scale of the queueing delay, days: Davidson's delay t0·J·x/(1−x) vanishes with t0, so
   * on short links (a border crossing of a few hours) the delay term uses max(t0, this) instead — a
   * saturated crossing queues for days, whatever its running time. @defaultValue 1
   */
  readonly minDelayDays?: number;
}

/** Free-flow times below this count as this (days), so a Davidson delay can be scaled onto them. */
const TINY_DAYS = 1e-6;

/** Inputs of {@link solveEquilibrium} (also the logit stochastic equilibrium, with `choice`). */
export interface EquilibriumInput {
  readonly compiled: CompiledNetwork;
  readonly classes: readonly DemandClass[];
  /** Effective capacity per arc (0 = closed). */
  readonly arcCapacity: Float64Array;
  readonly relativeGap: number;
  readonly maxIterations: number;
  /** Davidson parameters for capacitated arcs without an explicit VDF; undefined uses the network default. */
  readonly capacityDelay: CapacityDelay | undefined;
  /** Path flows of an earlier run to start from. */
  readonly warmStart?: PathSet | undefined;
  /** Deterministic user equilibrium (default) or logit stochastic user equilibrium with dispersion θ per day. */
  readonly choice?: { readonly kind: 'deterministic' } | { readonly kind: 'logit'; readonly theta: number };
}

/** Output of {@link solveEquilibrium}. */
export interface EquilibriumOutput {
  readonly converged: boolean;
  readonly relativeGap: number;
  readonly iterations: number;
  readonly stopReason: string;
  readonly arcFlow: Float64Array;
  readonly arcTimeDays: Float64Array;
  /** Path flows per demand flow (undefined when the solver returns no paths). */
  readonly pathFlows: PathFlows | undefined;
  /** Unmet volume per demand flow id (no usable path). */
  readonly unmet: Map<string, number>;
  /** The raw path set, for warm starts. */
  readonly pathSet: PathSet | undefined;
  /** Largest relative excess of a used path over its OD's cheapest (deterministic equilibrium only). */
  readonly maxPathExcess: number | undefined;
}

/**
 * Solve the multi-class user equilibrium.
 *
 * @param input - compiled network, classes, capacities, convergence settings
 * @returns arc flows and times, path flows split to demand flows, unmet demand
 */
export function solveEquilibrium(input: EquilibriumInput): EquilibriumOutput {
  const { compiled, classes, arcCapacity } = input;
  const M = compiled.csr.arcCount;
  const closed: number[] = [];
  const vdf: VolumeDelayFunction[] = new Array(M);
  const capacity = new Float64Array(M);
  const constant: VolumeDelayFunction = { kind: 'constant' };
  // Dwell at an unsplit arrival node is a constant (it does not grow with the link's volume);
  // terminals with a handling capacity are node arcs whose dwell does congest.
  const freeFlowTime = new Float64Array(M);
  for (let e = 0; e < M; e++)
    freeFlowTime[e] = Math.max(0, compiled.timeDays[e]! - compiled.arrivalDwellDays[e]!);
  const minDelay = input.capacityDelay?.minDelayDays ?? 1;
  for (let e = 0; e < M; e++) {
    const c = arcCapacity[e]!;
    if (compiled.arcActive[e] !== 1 || !(c > 0)) {
      closed.push(e);
      capacity[e] = Number.POSITIVE_INFINITY;
      vdf[e] = constant;
      continue;
    }
    capacity[e] = c;
    const explicit = e < compiled.linkCount ? compiled.links[e]!.vdf : undefined;
    if (explicit) vdf[e] = explicit;
    else if (c === Number.POSITIVE_INFINITY) vdf[e] = constant;
    else if (input.capacityDelay) {
      // delay = t0·J'·x/(1−x) with J' = J·max(1, minDelay / t0): short links queue on the day scale
      if (freeFlowTime[e]! < TINY_DAYS) freeFlowTime[e] = TINY_DAYS;
      const scale = Math.max(1, minDelay / freeFlowTime[e]!);
      vdf[e] = { kind: 'davidson', j: input.capacityDelay.j * scale, mu: input.capacityDelay.mu };
    } else vdf[e] = compiled.network.defaultVdf;
  }
  // the problem is scratch of this call: its arrays take pooled buffers, given back at the end
  const arena = scratchArena();
  try {
    const problem = buildAssignmentProblem(
      {
        nodeCount: compiled.csr.nodeCount,
        tail: compiled.csr.tail,
        head: compiled.csr.head,
        freeFlowTime,
        fixedCost: compiled.arrivalDwellDays,
        capacity,
        vdf,
        closedArcs: closed,
        // the classes' lists in the same pooled arena (the problem copies them)
        classes: classes.map((cls) => {
          let count = 0;
          for (let e = 0; e < M; e++) if (cls.forbidden[e] === 1) count++;
          const forbidden = arena.i32(count);
          for (let e = 0, i = 0; e < M; e++) if (cls.forbidden[e] === 1) forbidden[i++] = e;
          const E = cls.entries.length;
          const origins = arena.i32(E);
          const destinations = arena.i32(E);
          const volumes = arena.f64(E);
          for (let i = 0; i < E; i++) {
            const x = cls.entries[i]!;
            origins[i] = x.origin;
            destinations[i] = x.destination;
            volumes[i] = x.volume;
          }
          return {
            id: cls.id,
            origins,
            destinations,
            volumes,
            valueOfTime: cls.valueOfTime,
            moneyCost: cls.moneyCost,
            forbiddenArcs: forbidden,
          };
        }),
      },
      arena,
    );
    const settings = {
      relativeGap: input.relativeGap,
      maxIterations: input.maxIterations,
      ...(input.warmStart ? { warmStart: { paths: input.warmStart } } : {}),
    };
    const result =
      input.choice?.kind === 'logit'
        ? logitAssignment(problem, { ...settings, theta: input.choice.theta })
        : gradientProjection(problem, settings);

    const entries = demandEntries(classes, compiled.csr.nodeCount, arena);

    // Unreachable demand, split back to demand flows by volume.
    const unmet = new Map<string, number>();
    if (problem.unreachable.length > 0) {
      const byId = new Map(classes.map((c, k) => [c.id, k]));
      for (const u of problem.unreachable) {
        const count = entries.collect(byId.get(u.classId)!, u.origin, u.destination);
        const total = entries.total;
        for (let g = 0; g < count; g++) {
          const x = entries.list[entries.group[g]!]!;
          unmet.set(x.flow.id, (unmet.get(x.flow.id) ?? 0) + (total > 0 ? (u.volume * x.volume) / total : 0));
        }
      }
    }

    // Path flows, split back to demand flows by volume (routed-path objects are made when read).
    const set = result.paths;
    const pathFlows = set ? splitPathFlows(set, classes, entries) : undefined;
    return {
      converged: result.status === 'converged',
      relativeGap: result.relativeGap,
      iterations: result.iterations,
      stopReason: result.stopReason,
      arcFlow: result.arcFlows,
      arcTimeDays: withArrivalDwell(result.arcTimes, compiled.arrivalDwellDays),
      pathFlows,
      unmet,
      pathSet: set,
      maxPathExcess: result.maxPathExcess,
    };
  } finally {
    arena.release();
  }
}

/** Arc times plus the constant dwell at each arc's (unsplit) head. */
function withArrivalDwell(times: Float64Array, dwell: Float64Array): Float64Array {
  const out = new Float64Array(times.length);
  for (let e = 0; e < out.length; e++) out[e] = times[e]! + dwell[e]!;
  return out;
}
