/**
 * Every invariant that applies to a result
 * ========================================
 */

import { describeValue, InvalidArgumentError } from '../../model/errors.js';
import { checkShape, MODULE, throwIfAny } from './_internal.js';
import { type CapacityMode, capacityModeOf, checkCapacities } from './capacity.js';
import type { CompiledArc } from './compiledArcs.js';
import { checkConservation } from './conservation.js';
import { checkEquilibrium, type EquilibriumOptions } from './equilibrium.js';
import { checkNonNegative } from './nonNegative.js';
import { checkOdBalance } from './odBalance.js';
import { checkPaths } from './paths.js';
import { checkShares } from './shares.js';
import type { CheckableResult, InvariantName, ToleranceOptions, Violation } from './types.js';

/** Options of {@link checkResult}. */
export interface CheckResultOptions extends ToleranceOptions {
  /** Invariants not to check. @defaultValue [] */
  readonly skip?: readonly InvariantName[];
  /**
   * Capacity regime.
   * @defaultValue by solver: `delay` for equilibrium and logit, `strict` otherwise
   */
  readonly capacityMode?: CapacityMode;
  /**
   * Check Wardrop equilibrium conditions.
   * @defaultValue true when `result.solver` is `equilibrium` and the result has paths
   */
  readonly equilibrium?: boolean;
  /** Options of the equilibrium check (segment surcharges, node times, slack ...). @defaultValue {} */
  readonly equilibriumOptions?: Omit<EquilibriumOptions, keyof ToleranceOptions | 'arcs'>;
  /** The arc table, when the runner numbers arcs differently. @defaultValue compiledArcs(result.applied.network) */
  readonly arcs?: readonly CompiledArc[];
}

const NAMES: readonly InvariantName[] = [
  'non-negative',
  'conservation',
  'capacity',
  'od-balance',
  'shares',
  'paths',
  'equilibrium',
];

/**
 * Check every invariant that applies to a result: non-negative volumes, conservation at every node,
 * OD balance, shares, path validity (when paths are given), capacities (strict or as delay, by
 * solver) and, for equilibrium results, Wardrop conditions within the reported gap.
 *
 * @param result - a simulation result (corridor-sim's, or a user runner's with the fields of {@link CheckableResult})
 * @param options - tolerances, invariants to skip, capacity regime, equilibrium options
 * @returns every violation found (empty when the result is consistent)
 * @throws InvalidArgumentError on bad options or a result without `links`, `ods` or `applied`
 * @example
 * const result = await simulate(input, scenario, { solver: 'min-cost' });
 * expect(checkResult(result)).toEqual([]);
 * @remarks Complexity dominated by the equilibrium check (see {@link checkEquilibrium}).
 */
export function checkResult(result: CheckableResult, options: CheckResultOptions = {}): Violation[] {
  checkShape(result, 'checkResult', ['links', 'ods', 'applied']);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError(
      MODULE,
      'checkResult: options',
      `must be an object, got ${describeValue(options)}`,
    );
  }
  const skipped: unknown = options.skip ?? [];
  if (!Array.isArray(skipped)) {
    // a string would otherwise be read character by character
    throw new InvalidArgumentError(
      MODULE,
      'checkResult: options.skip',
      `must be an array of invariant names (${NAMES.join(', ')}), got ${describeValue(skipped)}`,
    );
  }
  skipped.forEach((name: unknown, i) => {
    if (!NAMES.includes(name as InvariantName)) {
      throw new InvalidArgumentError(
        MODULE,
        `checkResult: options.skip[${i}]`,
        `is ${describeValue(name)}, not one of ${NAMES.join(', ')}`,
      );
    }
  });
  const skip = new Set(options.skip ?? []);
  const tolerances: ToleranceOptions = {
    ...(options.absoluteTolerance === undefined ? {} : { absoluteTolerance: options.absoluteTolerance }),
    ...(options.relativeTolerance === undefined ? {} : { relativeTolerance: options.relativeTolerance }),
  };
  const arcs = options.arcs ? { arcs: options.arcs } : {};
  const out: Violation[] = [];
  if (!skip.has('non-negative')) out.push(...checkNonNegative(result, tolerances));
  if (!skip.has('conservation')) out.push(...checkConservation(result, tolerances));
  if (!skip.has('od-balance')) out.push(...checkOdBalance(result, tolerances));
  if (!skip.has('shares')) out.push(...checkShares(result, tolerances));
  if (!skip.has('paths')) out.push(...checkPaths(result, { ...tolerances, ...arcs }));
  if (!skip.has('capacity')) {
    out.push(
      ...checkCapacities(result, {
        ...tolerances,
        ...arcs,
        mode: options.capacityMode ?? capacityModeOf(result.solver),
      }),
    );
  }
  const equilibrium =
    options.equilibrium ?? (result.solver === 'equilibrium' && (result.paths?.length ?? 0) > 0);
  if (equilibrium && !skip.has('equilibrium')) {
    // Commodities the result says were routed otherwise (crude by min-cost) are not held to Wardrop.
    const routed = result.methods
      ? Object.entries(result.methods)
          .filter(([, method]) => method === 'equilibrium')
          .map(([commodity]) => commodity)
      : undefined;
    out.push(
      ...checkEquilibrium(result, {
        ...(routed ? { commodities: routed } : {}),
        ...options.equilibriumOptions,
        ...tolerances,
        ...arcs,
      }),
    );
  }
  return out;
}

/**
 * Like {@link checkResult}, but throws.
 *
 * @param result - see {@link checkResult}
 * @param options - see {@link CheckResultOptions}
 * @throws InvariantError carrying every violation
 * @example await fc.assert(fc.asyncProperty(arbScenario(net, demand), async (s) => assertResult(await simulate(input, s))));
 */
export function assertResult(result: CheckableResult, options: CheckResultOptions = {}): void {
  throwIfAny(checkResult(result, options));
}
