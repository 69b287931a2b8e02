/**
 * What the invariant checkers read and report
 * ===========================================
 *
 * The checkers read a *structural* subset of a simulation result, so that they work on the result
 * of corridor-sim's `simulate` (which has every field below) and on the results of a user's own
 * runner (which needs only the fields a checker reads). The testing kit does not import the
 * simulator: that keeps `corridor-sim/testing` light and lets users test their own solvers.
 */

import { CorridorSimError } from '../../model/errors.js';
import type { SimulationInput } from '../types.js';

/** One link of a result: its volume, effective capacity and time at that volume. */
export interface CheckedLink {
  readonly id: string;
  readonly commodity: string;
  /** Volume per year. */
  readonly flow: number;
  /** Effective capacity per year (Infinity when uncapacitated, 0 when closed or not open). */
  readonly capacity: number;
  /** Transit time at this volume, days, including the dwell at the head node when it is not split. */
  readonly timeDays: number;
}

/** One node of a result: handling utilisation per commodity. */
export interface CheckedNode {
  readonly id: string;
  /** Handling utilisation per commodity, where a capacity is declared. */
  readonly utilization: Readonly<Record<string, number>>;
  /** Time at the node per commodity (dwell plus queueing at this flow), days, where a capacity is declared. */
  readonly timeDays?: Readonly<Record<string, number>>;
  /** Handling capacity per commodity as the solver used it (0 = closed), where declared. */
  readonly capacity?: Readonly<Record<string, number>>;
}

/** One corridor of a result. */
export interface CheckedCorridor {
  readonly id: string;
  readonly commodity: string;
  readonly volume: number;
  readonly share: number;
}

/** One origin–destination flow of a result. */
export interface CheckedOd {
  readonly id: string;
  readonly origin: string;
  readonly destination: string;
  readonly commodity: string;
  readonly demand: number;
  readonly delivered: number;
  readonly unmet: number;
  readonly corridorShares: Readonly<Record<string, number>>;
  readonly countryShares: Readonly<Record<string, number>>;
}

/** One path of a result: a demand flow's segment on a sequence of compiled arcs. */
export interface CheckedPath {
  readonly flowId: string;
  readonly segmentId: string;
  readonly volume: number;
  /** Arc indices: links `0..L−1` in network order, then node-handling arcs (see `compiledArcs`). */
  readonly arcs: readonly number[];
}

/**
 * The parts of a simulation result the checkers read. corridor-sim's `SimulationResult` is one; each
 * checker reads only some fields (named in its documentation).
 */
export interface CheckableResult {
  /** Solver that produced it (`equilibrium`, `min-cost`, `logit`, or a user's own). */
  readonly solver?: string;
  /** How each commodity was routed (`equilibrium`, `logit`, `min-cost`); the equilibrium check covers only `equilibrium` ones. */
  readonly methods?: Readonly<Record<string, string>>;
  /** Simulated year (used to pick the demand flows that apply). */
  readonly year?: number;
  readonly links: readonly CheckedLink[];
  readonly nodes?: readonly CheckedNode[];
  readonly corridors?: readonly CheckedCorridor[];
  readonly ods: readonly CheckedOd[];
  readonly paths?: readonly CheckedPath[];
  readonly convergence?: { readonly relativeGap: number; readonly maxPathExcess?: number };
  /** The network and demand after the scenario. */
  readonly applied: SimulationInput;
}

/** Names of the invariants. */
export type InvariantName =
  | 'non-negative'
  | 'conservation'
  | 'capacity'
  | 'od-balance'
  | 'shares'
  | 'paths'
  | 'equilibrium';

/** One broken invariant, with a sentence that names the offending item and numbers. */
export interface Violation {
  /** Which invariant. */
  readonly invariant: InvariantName;
  /** The link, node, flow, corridor or path concerned (`node n3/container`, `link l2`, `flow f0`). */
  readonly subject: string;
  /** What is wrong, with the numbers. */
  readonly message: string;
  /** The value the invariant requires, when it is a number. */
  readonly expected?: number;
  /** The value found. */
  readonly actual?: number;
}

/** Thrown by the `assert*` checkers: carries every violation found. */
export class InvariantError extends CorridorSimError {
  /** Every violation, in the order found. */
  readonly violations: readonly Violation[];

  /**
   * @param violations - the violations (at least one)
   */
  constructor(violations: readonly Violation[]) {
    const head = violations
      .slice(0, 8)
      .map((v) => `  ${v.invariant} at ${v.subject}: ${v.message}`)
      .join('\n');
    const more = violations.length > 8 ? `\n  ... and ${violations.length - 8} more` : '';
    super(
      'invariant',
      `corridor-sim/testing: ${violations.length} invariant violation${violations.length === 1 ? '' : 's'}:\n${head}${more}`,
    );
    this.name = 'InvariantError';
    this.violations = violations;
  }
}

/** Tolerances shared by the checkers: a difference is accepted when ≤ absolute + relative × scale. */
export interface ToleranceOptions {
  /**
   * Absolute tolerance, in the unit compared (TEU or tonnes per year, days, shares).
   * @defaultValue 1e-6
   */
  readonly absoluteTolerance?: number;
  /**
   * Relative tolerance, times the size of the quantities compared.
   * @defaultValue 1e-6
   */
  readonly relativeTolerance?: number;
}

/** The default tolerances. @internal */
export const TOLERANCE_DEFAULTS = { absoluteTolerance: 1e-6, relativeTolerance: 1e-6 } as const;
