/**
 * One entry point for every assignment algorithm
 * ==============================================
 *
 * `solveAssignment(problem, { algorithm, ...options })` dispatches to {@link allOrNothing},
 * {@link msa}, {@link frankWolfe} (`fw`, `cfw`, `bfw`), {@link gradientProjection} (`path`) or
 * {@link logitAssignment} (`logit`), so callers (the CLI, sweeps) can pick one by name.
 */

import { InvalidArgumentError } from '../../model/errors.js';
import { type AllOrNothingOptions, allOrNothing } from './allOrNothing.js';
import { type FrankWolfeOptions, frankWolfe, type MsaOptions, msa } from './frankWolfe.js';
import { type GradientProjectionOptions, gradientProjection } from './gradientProjection.js';
import { type LogitAssignmentOptions, logitAssignment } from './logit.js';
import type { AssignmentProblem } from './problem.js';
import type { AssignmentAlgorithm, AssignmentResult } from './result.js';

/** Options of {@link solveAssignment}: the algorithm and its own options. */
export type SolveAssignmentOptions =
  | ({ readonly algorithm: 'aon' } & AllOrNothingOptions)
  | ({ readonly algorithm: 'msa' } & MsaOptions)
  | ({ readonly algorithm: 'fw' | 'cfw' | 'bfw' } & Omit<FrankWolfeOptions, 'variant'>)
  | ({ readonly algorithm: 'path' } & GradientProjectionOptions)
  | ({ readonly algorithm: 'logit' } & LogitAssignmentOptions);

/** The algorithm names {@link solveAssignment} accepts. */
export const ASSIGNMENT_ALGORITHMS: readonly AssignmentAlgorithm[] = [
  'aon',
  'msa',
  'fw',
  'cfw',
  'bfw',
  'path',
  'logit',
];

/**
 * Run the named assignment algorithm.
 *
 * @param problem - from `createAssignmentProblem`
 * @param options - `algorithm` plus that algorithm's options
 * @returns the algorithm's result
 * @throws InvalidArgumentError on an unknown algorithm or invalid options
 * @example solveAssignment(problem, { algorithm: 'bfw', relativeGap: 1e-5 })
 * @remarks Complexity: that of the chosen algorithm.
 */
export function solveAssignment(
  problem: AssignmentProblem,
  options: SolveAssignmentOptions,
): AssignmentResult {
  switch (options?.algorithm) {
    case 'aon':
      return allOrNothing(problem, options);
    case 'msa':
      return msa(problem, options);
    case 'fw':
    case 'cfw':
    case 'bfw':
      return frankWolfe(problem, { ...options, variant: options.algorithm });
    case 'path':
      return gradientProjection(problem, options);
    case 'logit':
      return logitAssignment(problem, options);
    default:
      throw new InvalidArgumentError(
        'corridor-sim/assignment',
        'options.algorithm',
        `must be one of ${ASSIGNMENT_ALGORITHMS.join(', ')}, got ${JSON.stringify((options as { algorithm?: unknown })?.algorithm)}`,
      );
  }
}
