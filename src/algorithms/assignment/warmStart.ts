/**
 * Warm starts
 * ===========
 *
 * Link-based algorithms restart from class flows (a previous result's `classFlows`), path-based ones
 * from a {@link PathSet}. Class flows must be a feasible assignment of the *same* demand: every
 * value finite and ≥ 0, none on a forbidden arc, and flow conservation at every node within 1e-6 of
 * the class's demand. A path set may come from a different demand or network: paths through arcs
 * that are now forbidden or missing are dropped, and each OD's remaining path flows are rescaled to
 * its current demand.
 */

import { InvalidArgumentError } from '../../model/errors.js';
import type { AssignmentProblem } from './problem.js';

const MODULE = 'corridor-sim/assignment';

/** A warm start from class flows. */
export interface FlowWarmStart {
  /** Volume per class per arc, in `problem.classes` order (e.g. a previous result's `classFlows`). */
  readonly classFlows: readonly ArrayLike<number>[];
}

/**
 * Validate class flows against the problem and copy them.
 *
 * @returns one Float64Array per class (undefined entries for value-of-time-0 classes)
 * @throws InvalidArgumentError on a wrong shape, negative/non-finite values, flow on a forbidden
 *   arc, or flow conservation violated by more than 1e-6 · (class demand + 1)
 * @internal
 */
export function checkFlowWarmStart(problem: AssignmentProblem, warm: FlowWarmStart): Float64Array[] {
  const M = problem.arcCount;
  const flows = warm?.classFlows;
  if (!Array.isArray(flows) || flows.length !== problem.classes.length) {
    throw new InvalidArgumentError(
      MODULE,
      'options.warmStart.classFlows',
      `must hold one array per class (${problem.classes.length}), got ${Array.isArray(flows) ? flows.length : String(flows)}`,
    );
  }
  const balance = new Float64Array(problem.nodeCount);
  return problem.classes.map((cls, k) => {
    const name = `options.warmStart.classFlows[${k}]`;
    const given = flows[k];
    if (typeof given !== 'object' || given === null || given.length !== M) {
      throw new InvalidArgumentError(MODULE, name, `must have length ${M}`);
    }
    const x = new Float64Array(M);
    balance.fill(0);
    for (let a = 0; a < M; a++) {
      const value = given[a]!;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new InvalidArgumentError(
          MODULE,
          `${name}[${a}]`,
          `must be finite and ≥ 0, got ${String(value)}`,
        );
      }
      if (value > 0 && cls.arcConstant[a] === Number.POSITIVE_INFINITY) {
        throw new InvalidArgumentError(
          MODULE,
          `${name}[${a}]`,
          `is ${value} on an arc forbidden to class ${JSON.stringify(cls.id)}`,
        );
      }
      x[a] = value;
      balance[problem.csr.tail[a]!]! += value;
      balance[problem.csr.head[a]!]! -= value;
    }
    for (let i = 0; i < cls.origins.length; i++) {
      for (let j = cls.originStart[i]!; j < cls.originStart[i + 1]!; j++) {
        balance[cls.origins[i]!]! -= cls.demand[j]!;
        balance[cls.destinations[j]!]! += cls.demand[j]!;
      }
    }
    const tolerance = 1e-6 * (cls.totalDemand + 1);
    for (let n = 0; n < problem.nodeCount; n++) {
      if (Math.abs(balance[n]!) > tolerance) {
        throw new InvalidArgumentError(
          MODULE,
          name,
          `does not carry class ${JSON.stringify(cls.id)}'s demand: node ${n} is off balance by ${balance[n]!.toPrecision(6)}`,
        );
      }
    }
    return x;
  });
}
