/**
 * Assignment results and shared options
 * =====================================
 *
 * Every assignment algorithm returns an {@link AssignmentResult}: the flows and a convergence report
 * (status, stop reason, relative gap per iteration, iterations, Beckmann objective, total cost,
 * seconds). Not converging within the limits is a status, never an exception.
 *
 * Relative gap = (TSTT − SPTT) / TSTT, where TSTT = Σ_k Σ_a x_ka · (cost_a + constant_ka) is the total
 * cost at the current flows and SPTT = Σ_k Σ_od d_od · π_od the total cost if everybody used a
 * current shortest path (Boyce, Ralevic-Dekic & Bar-Gera 2004). Classes with value of time 0 do not
 * choose and are left out of both sums.
 */

import { InvalidArgumentError } from '../../model/errors.js';
import type { AssignmentObjective } from './arcCosts.js';
import type { PathSet } from './pathSet.js';
import type { AssignmentProblem } from './problem.js';

/** How a run ended. */
export type AssignmentStatus = 'converged' | 'max-iterations' | 'stalled' | 'time-limit';

/** The algorithms. */
export type AssignmentAlgorithm = 'aon' | 'msa' | 'fw' | 'cfw' | 'bfw' | 'path' | 'logit';

/** Flows and convergence report of one assignment run. */
export interface AssignmentResult {
  /** `converged` when the target gap was reached; otherwise why it stopped. */
  readonly status: AssignmentStatus;
  /** One sentence: why the run stopped, with the reached and the target gap. */
  readonly stopReason: string;
  /** Algorithm that produced the result. */
  readonly algorithm: AssignmentAlgorithm;
  /** User equilibrium or system optimum. */
  readonly objective: AssignmentObjective;
  /** Flow updates performed (the initial loading is iteration 0). */
  readonly iterations: number;
  /** Relative gap of the returned flows (for `logit`: the path-flow fixed-point residual). */
  readonly relativeGap: number;
  /** Gap at the start of every iteration; the last entry is the gap of the returned flows. */
  readonly gapHistory: readonly number[];
  /** Beckmann objective Σ_a ∫₀^{v_a} t_a + Σ_k Σ_a x_ka · constant_ka of the returned flows. */
  readonly beckmann: number;
  /** Total cost Σ_k Σ_a x_ka · (t_a(v_a) + constant_ka) (time units; the SO objective). */
  readonly totalCost: number;
  /** Wall-clock seconds. */
  readonly seconds: number;
  /** Total volume per arc. */
  readonly arcFlows: Float64Array;
  /** Travel time per arc at `arcFlows` (without constant terms). */
  readonly arcTimes: Float64Array;
  /** Volume per class per arc (same order as `problem.classes`). */
  readonly classFlows: readonly Float64Array[];
  /** Path sets with flows (path-based algorithms), else undefined. */
  readonly paths: PathSet | undefined;
  /**
   * Path-based user equilibrium and system optimum only: the largest relative excess cost of a used
   * path over the cheapest path of its OD at the returned flows, max (c_p − π_od) / π_od over paths
   * with flow (costs the objective equalises: marginal costs under system optimum; constant terms
   * included). The relative gap weighs each path's excess by its flow, so one path may exceed it; this
   * bounds every used path. Classes with value of time 0 keep their route and are left out.
   */
  readonly maxPathExcess?: number;
  /** Demand left out because it has no path (see `problem.unreachable`). */
  readonly unassignedVolume: number;
}

/** Options shared by the iterative algorithms. */
export interface IterationOptions {
  /** Stop when the relative gap is at or below this. */
  readonly relativeGap?: number;
  /** Stop after this many flow updates. */
  readonly maxIterations?: number;
  /** Stop after this many seconds (checked once per iteration). */
  readonly maxSeconds?: number;
  /** `user-equilibrium` (default) or `system-optimum`. */
  readonly objective?: AssignmentObjective;
}

const MODULE = 'corridor-sim/assignment';

/**
 * Validate the shared options.
 *
 * @internal
 */
export function resolveIterationOptions(
  options: IterationOptions,
  defaults: { relativeGap: number; maxIterations: number },
): {
  relativeGap: number;
  maxIterations: number;
  maxSeconds: number;
  so: boolean;
  objective: AssignmentObjective;
} {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(MODULE, 'options', `must be an object, got ${String(options)}`);
  }
  const relativeGap = options.relativeGap ?? defaults.relativeGap;
  if (typeof relativeGap !== 'number' || Number.isNaN(relativeGap) || relativeGap < 0) {
    throw new InvalidArgumentError(
      MODULE,
      'options.relativeGap',
      `must be a number ≥ 0, got ${String(relativeGap)}`,
    );
  }
  const maxIterations = options.maxIterations ?? defaults.maxIterations;
  if (typeof maxIterations !== 'number' || !Number.isInteger(maxIterations) || maxIterations < 0) {
    throw new InvalidArgumentError(
      MODULE,
      'options.maxIterations',
      `must be an integer ≥ 0, got ${String(maxIterations)}`,
    );
  }
  const maxSeconds = options.maxSeconds ?? Number.POSITIVE_INFINITY;
  if (typeof maxSeconds !== 'number' || Number.isNaN(maxSeconds) || maxSeconds <= 0) {
    throw new InvalidArgumentError(
      MODULE,
      'options.maxSeconds',
      `must be a number > 0, got ${String(maxSeconds)}`,
    );
  }
  const objective = options.objective ?? 'user-equilibrium';
  if (objective !== 'user-equilibrium' && objective !== 'system-optimum') {
    throw new InvalidArgumentError(
      MODULE,
      'options.objective',
      `must be 'user-equilibrium' or 'system-optimum', got ${JSON.stringify(objective)}`,
    );
  }
  return { relativeGap, maxIterations, maxSeconds, so: objective === 'system-optimum', objective };
}

/**
 * The stop sentence of a run.
 *
 * @internal
 */
export function stopSentence(
  status: AssignmentStatus,
  gap: number,
  target: number,
  iterations: number,
): string {
  const g = gap.toExponential(3);
  const t = target.toExponential(1);
  switch (status) {
    case 'converged':
      return `relative gap ${g} reached the target ${t} after ${iterations} iterations`;
    case 'max-iterations':
      return `stopped at the iteration limit (${iterations}) with relative gap ${g} above the target ${t}`;
    case 'stalled':
      return `stalled after ${iterations} iterations at relative gap ${g} (target ${t}): no further descent in floating point`;
    case 'time-limit':
      return `stopped at the time limit after ${iterations} iterations with relative gap ${g} (target ${t})`;
  }
}

/**
 * Relative gap from TSTT and SPTT (0 when there is no cost at all).
 *
 * @internal
 */
export function relativeGapOf(tstt: number, sptt: number): number {
  return tstt > 0 ? (tstt - sptt) / tstt : 0;
}

/**
 * Why an iterative run stops now: the target gap is reached, the iteration or the time limit is hit;
 * undefined to go on. (Each algorithm adds its own stall rule.)
 *
 * @internal
 */
export function stopStatus(
  gap: number,
  target: number,
  iterations: number,
  maxIterations: number,
  started: number,
  maxSeconds: number,
): AssignmentStatus | undefined {
  if (gap <= target) return 'converged';
  if (iterations >= maxIterations) return 'max-iterations';
  if ((performance.now() - started) / 1000 > maxSeconds) return 'time-limit';
  return undefined;
}

/**
 * When an iterative run stops: {@link stopStatus}, or `stalled` once `stallLimit` iterations in a row
 * brought no gap below the best so far by more than the relative `margin`. Keeps the gap history.
 *
 * @internal
 */
export class StopRule {
  /** The gap of every iteration checked, in order. */
  readonly history: number[] = [];
  private best = Number.POSITIVE_INFINITY;
  private since = 0;

  /**
   * @param limits - target gap, iteration and time limits, and the run's start (`performance.now()`)
   * @param stallLimit - iterations without a new best gap that make a stall
   * @param margin - relative improvement a new best gap needs @defaultValue 0
   */
  constructor(
    private readonly limits: {
      readonly target: number;
      readonly maxIterations: number;
      readonly started: number;
      readonly maxSeconds: number;
    },
    private readonly stallLimit: number,
    private readonly margin = 0,
  ) {}

  /** Record the gap of the run after `iterations` updates; the status to stop with, or undefined. */
  check(gap: number, iterations: number): AssignmentStatus | undefined {
    this.history.push(gap);
    if (gap < this.best * (1 - this.margin)) {
      this.best = gap;
      this.since = 0;
    } else {
      this.since++;
    }
    const { target, maxIterations, started, maxSeconds } = this.limits;
    return (
      stopStatus(gap, target, iterations, maxIterations, started, maxSeconds) ??
      (this.since >= this.stallLimit ? 'stalled' : undefined)
    );
  }
}

/**
 * Assemble the result of a run: the fields every algorithm reports the same way (stop sentence,
 * seconds since `started`, a copy of the volumes, unassigned volume) around its own figures.
 *
 * @internal
 */
export function finishResult(
  p: AssignmentProblem,
  run: {
    readonly status: AssignmentStatus;
    readonly target: number;
    readonly algorithm: AssignmentAlgorithm;
    readonly objective: AssignmentObjective;
    readonly iterations: number;
    readonly gap: number;
    readonly history: readonly number[];
    readonly started: number;
    readonly volume: Float64Array;
    readonly report: {
      readonly arcTimes: Float64Array;
      readonly beckmann: number;
      readonly totalCost: number;
    };
    readonly classFlows: readonly Float64Array[];
    readonly paths: PathSet | undefined;
    readonly maxPathExcess?: number;
  },
): AssignmentResult {
  return {
    status: run.status,
    stopReason: stopSentence(run.status, run.gap, run.target, run.iterations),
    algorithm: run.algorithm,
    objective: run.objective,
    iterations: run.iterations,
    relativeGap: run.gap,
    gapHistory: run.history,
    beckmann: run.report.beckmann,
    totalCost: run.report.totalCost,
    seconds: (performance.now() - run.started) / 1000,
    arcFlows: run.volume.slice(),
    arcTimes: run.report.arcTimes,
    classFlows: run.classFlows,
    paths: run.paths,
    unassignedVolume: p.unreachable.reduce((sum, u) => sum + u.volume, 0),
    ...(run.maxPathExcess === undefined ? {} : { maxPathExcess: run.maxPathExcess }),
  };
}
