/**
 * Argument guards for documents built in code
 * ===========================================
 *
 * Functions that take a demand or a scenario accept objects from `parseDemand` / `parseScenario` /
 * the bundled loaders (validated once, remembered here) and also plain objects written in code. The
 * latter are validated on first use with the same schemas as documents, so a typo in a scenario built
 * in code gets a `ValidationError` with the JSON path, never a TypeError deep inside a solver.
 */

import type { Demand } from '../model/demand.js';
import { InvalidArgumentError, ValidationError } from '../model/errors.js';
import type { Network } from '../model/network.js';
import type { Scenario } from '../model/scenario.js';
import { safeParseDemand } from './demand-format.js';
import { safeParseScenario } from './scenario-format.js';
import { isValidated, markValidated } from './validated.js';

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/**
 * Throw unless `value` is a valid demand for `network`.
 *
 * @param value - the argument
 * @param network - the network it must fit
 * @param module - module name for the message
 * @param argument - argument name for the message
 * @throws InvalidArgumentError when it is not an object; ValidationError listing every issue otherwise
 */
export function requireDemand(
  value: unknown,
  network: Network,
  module: string,
  argument: string,
): asserts value is Demand {
  if (isValidated(value)) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(
      module,
      argument,
      `must be a Demand (segments and flows), got ${describe(value)}`,
    );
  }
  const result = safeParseDemand({ format: 'corridor-sim/demand', version: 1, ...value }, network);
  if (!result.success) throw new ValidationError(argument, result.issues);
  markValidated(value);
}

/**
 * Throw unless `value` is a valid scenario for `network` (and `demand`).
 *
 * @param value - the argument
 * @param network - the network its operations refer to
 * @param demand - the demand its operations refer to
 * @param module - module name for the message
 * @param argument - argument name for the message
 * @throws InvalidArgumentError when it is not an object; ValidationError listing every issue otherwise
 */
export function requireScenario(
  value: unknown,
  network: Network,
  demand: Demand | undefined,
  module: string,
  argument: string,
): asserts value is Scenario {
  if (isValidated(value)) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(
      module,
      argument,
      `must be a Scenario (id, name, operations), got ${describe(value)}`,
    );
  }
  const result = safeParseScenario(
    { format: 'corridor-sim/scenario', version: 1, ...value },
    network,
    demand,
  );
  if (!result.success) throw new ValidationError(argument, result.issues);
  markValidated(value);
}
