/**
 * Extending a scenario
 * ====================
 *
 * A scenario extends a base when the base's operations are its first operations, in order: running
 * the base and then the rest of the scenario is running the scenario. Every bundled scenario extends
 * the bundled `baseline` (both start with the dataset timelines); `composeScenarios(id, base, mine)`
 * extends `base`. `attribute` (with `options.base`) and the CLI's `compare --attribute --base` split
 * the change from a base to a scenario between the operations the scenario adds, and need it to
 * extend the base so that their runs are the two scenarios themselves.
 *
 * Operations are compared by what they do (the same object, or equal as JSON values without their
 * `note` and `provenance`, dates spelt out as days; key order and `undefined` properties do not
 * matter), so a scenario file that copies its base's operations extends
 * it too: what matters here is what runs, and equal operations apply alike.
 */

import type { ScenarioOp } from '../model/scenario.js';
import { operationFingerprint } from './fingerprint.js';

/** Whether two operations are the same object or do the same (./fingerprint.ts). */
function sameOperation(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const fingerprint = operationFingerprint(a);
  return fingerprint !== undefined && fingerprint === operationFingerprint(b);
}

/**
 * How many leading operations two lists share: the length of their longest common prefix, operations
 * compared as values. Internal: not part of the public API.
 *
 * @param operations - a scenario's operations
 * @param baseOperations - the base's operations
 * @returns the number of leading positions where both lists hold equal operations
 * @example sharedOperationCount(loadScenario('avoid-russia').operations, loadScenario('baseline').operations)
 *   === loadScenario('baseline').operations.length // true
 * @remarks Complexity O(size of the shared operations).
 */
export function sharedOperationCount(
  operations: readonly ScenarioOp[],
  baseOperations: readonly ScenarioOp[],
): number {
  const n = Math.min(operations.length, baseOperations.length);
  let i = 0;
  while (i < n && sameOperation(operations[i], baseOperations[i])) i++;
  return i;
}

/**
 * The operations a scenario adds to its base, when it extends the base (the base's operations,
 * compared as values, are its first operations). Internal: not part of the public API.
 *
 * @param operations - the scenario's operations
 * @param baseOperations - the base's operations
 * @returns the scenario's operations after the base's (the scenario's own objects; empty when the
 *   scenario is the base), or undefined when the scenario does not extend the base
 * @example ownOperations(loadScenario('avoid-russia').operations, loadScenario('baseline').operations)
 *   // [{ kind: 'avoid-country', ... }]: avoid-russia's own operation, after the dataset timelines
 * @remarks Complexity O(size of the base's operations).
 */
export function ownOperations(
  operations: readonly ScenarioOp[],
  baseOperations: readonly ScenarioOp[],
): ScenarioOp[] | undefined {
  if (sharedOperationCount(operations, baseOperations) < baseOperations.length) return undefined;
  return operations.slice(baseOperations.length);
}
