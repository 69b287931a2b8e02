/**
 * Argument guards for documents built in code
 * ===========================================
 *
 * Functions that take a demand or a scenario accept objects from `parseDemand` / `parseScenario` /
 * the bundled loaders, and also plain objects written in code. Both are checked with the same schemas
 * as documents, so a typo in a scenario built in code gets a `ValidationError` with the JSON path,
 * never a TypeError deep inside a solver.
 *
 * What was validated is remembered (src/data/validated.ts) with the network and demand it was checked
 * against: the same network and demand skip the checks (O(1)); another network or demand gets its
 * references checked again. A caller's own object is remembered only when it is deep-frozen: an
 * unfrozen one could be edited after its check, so it is validated again on every use. Its operations
 * taken from a parsed or loaded scenario are not parsed again (src/data/scenario-format.ts), only its
 * own, and the checks on the whole list still run: for the baseline's 56 operations plus one, 0.03 ms
 * timed alone and 0.08 ms within simulate (0.45 ms when every operation was parsed); 2 ms for the 240
 * flows of the eurasia demand.
 */

import type { Demand } from '../model/demand.js';
import { describeValue, InvalidArgumentError, ValidationError } from '../model/errors.js';
import type { Network } from '../model/network.js';
import type { Scenario } from '../model/scenario.js';
import { requireValidDemand } from './demand-format.js';
import { namesDemandParts, scenarioDocumentIssues, scenarioReferenceIssues } from './scenario-format.js';
import { isDeepFrozen, isValidated, markValidated } from './validated.js';

/** Validated scenarios (immutable) by whether an operation names a flow or a segment of the demand. */
const NAMES_DEMAND = new WeakMap<Scenario, boolean>();

/** Whether a validated scenario names flows or segments (otherwise any demand fits it). */
function namesDemand(scenario: Scenario): boolean {
  let names = NAMES_DEMAND.get(scenario);
  if (names === undefined) {
    names = scenario.operations.some(namesDemandParts);
    NAMES_DEMAND.set(scenario, names);
  }
  return names;
}

/**
 * Throw unless `value` is a valid demand for `network`.
 *
 * @param value - the argument
 * @param network - the network it must fit
 * @param module - module name for the message
 * @param argument - argument name for the message
 * @throws InvalidArgumentError when it is not an object; ValidationError listing every issue otherwise
 * @example requireDemand(input.demand, input.network, 'corridor-sim/simulate', 'input.demand')
 * @remarks Complexity O(1) for a demand validated against `network` (parseDemand, loadDataset);
 *   O(flows) for one validated against another network or none; O(size of the demand) for an object
 *   built in code.
 */
export function requireDemand(
  value: unknown,
  network: Network,
  module: string,
  argument: string,
): asserts value is Demand {
  requireValidDemand(value, network, module, argument);
}

/**
 * Throw unless `value` is a valid scenario for `network` (and `demand`).
 *
 * @param value - the argument
 * @param network - the network its operations refer to
 * @param demand - the demand its operations refer to (a validated Demand)
 * @param module - module name for the message
 * @param argument - argument name for the message
 * @throws InvalidArgumentError when it is not an object; ValidationError listing every issue otherwise
 * @example requireScenario(scenario, input.network, input.demand, 'corridor-sim/simulate', 'scenario')
 * @remarks Complexity O(1) for a scenario validated against `network` and `demand` (parseScenario,
 *   loadScenario); O(operations) for one validated against the same network and another demand;
 *   O(operations × selector size) against another network; O(size of the scenario) for an object built
 *   in code.
 */
export function requireScenario(
  value: unknown,
  network: Network,
  demand: Demand | undefined,
  module: string,
  argument: string,
): asserts value is Scenario {
  if (isValidated(value, 'scenario')) {
    const scenario = value as Scenario;
    const networkChecked = isValidated(scenario, 'scenario', network);
    const demandChecked =
      demand === undefined || !namesDemand(scenario) || isValidated(scenario, 'scenario', undefined, demand);
    if (networkChecked && demandChecked) return;
    const issues = scenarioReferenceIssues(
      scenario,
      networkChecked ? undefined : network,
      demandChecked ? undefined : demand,
    );
    if (issues.length > 0) throw new ValidationError(argument, issues);
    markValidated(scenario, 'scenario', network, demandChecked ? undefined : demand);
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(
      module,
      argument,
      `must be a Scenario (id, name, operations), got ${describeValue(value)}`,
    );
  }
  const issues = scenarioDocumentIssues(
    { format: 'corridor-sim/scenario', version: 1, ...value },
    network,
    demand,
  );
  if (issues.length > 0) throw new ValidationError(argument, issues);
  // only an object that cannot change is remembered (a caller's unfrozen one is checked on every use)
  if (isDeepFrozen(value)) markValidated(value, 'scenario', network, demand);
}

/**
 * For a scenario already validated against a network and a demand: check its flow and segment
 * references against another demand, a part of that one (the flows of one year), as
 * {@link requireScenario} would for that demand.
 *
 * @param scenario - a scenario that passed {@link requireScenario}
 * @param demand - the demand it is applied with
 * @param argument - the argument's name, for the error
 * @throws ValidationError listing the flows and segments `demand` lacks
 * @remarks Complexity O(1) when the scenario names no flow or segment (remembered for immutable
 *   scenarios), else O(operations + flows).
 */
export function requireScenarioDemandReferences(scenario: Scenario, demand: Demand, argument: string): void {
  if (!namesDemand(scenario) || isValidated(scenario, 'scenario', undefined, demand)) return;
  const issues = scenarioReferenceIssues(scenario, undefined, demand);
  if (issues.length > 0) throw new ValidationError(argument, issues);
}
