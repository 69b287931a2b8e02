/**
 * Law: applying a scenario never mutates its inputs
 * =================================================
 */

import fc from 'fast-check';
import { serializeNetwork } from '../../data/network-format.js';
import type { Demand } from '../../model/demand.js';
import { describeValue, InvalidArgumentError } from '../../model/errors.js';
import type { Network } from '../../model/network.js';
import type { Scenario } from '../../model/scenario.js';
import { type ApplyScenarioOptions, applyScenario } from '../../scenario/apply.js';
import type { ScenarioConstraints } from '../arbitraries/scenario.js';
import { arbCase, type LawCase, type LawInput, lawInput, MODULE } from './_internal.js';

/** Options of {@link applyNeverMutatesInputs}. */
export interface ApplyPurityLawOptions {
  /** A fixed input (a dataset) or an arbitrary of inputs. @defaultValue arbSimulationInput() */
  readonly input?: LawInput;
  /** Constraints of the scenarios. @defaultValue up to 4 operations of any kind */
  readonly scenario?: ScenarioConstraints;
  /** Evaluation options (`year`, `date`, or none). @defaultValue none, or a year in 2024–2030 */
  readonly when?: fc.Arbitrary<ApplyScenarioOptions>;
  /**
   * The scenario engine under test (a wrapper of corridor-sim's, or a user's own).
   * @defaultValue applyScenario
   */
  readonly apply?: (
    network: Network,
    demand: Demand,
    scenario: Scenario,
    options: ApplyScenarioOptions,
  ) => { readonly network: Network; readonly demand: Demand };
}

function snapshot(kase: LawCase): string[] {
  return [
    JSON.stringify(serializeNetwork(kase.input.network)),
    JSON.stringify(kase.input.demand),
    JSON.stringify(kase.scenario),
  ];
}

/**
 * The law "applyScenario is pure": it changes neither the network, the demand nor the scenario, and
 * applying twice gives equal networks and demand. Needs no runner; `apply` substitutes another
 * scenario engine.
 *
 * @param options - input, scenario constraints, evaluation options
 * @returns a (synchronous) property for `fc.assert`
 * @throws InvalidArgumentError on bad options (eagerly)
 * @example fc.assert(laws.applyNeverMutatesInputs({ input: eurasia }));
 * @remarks Each case serialises the input three times: O(N + L + flows).
 */
export function applyNeverMutatesInputs(
  options: ApplyPurityLawOptions = {},
): fc.IPropertyWithHooks<[LawCase, ApplyScenarioOptions]> {
  const law = 'applyNeverMutatesInputs';
  const apply = options.apply ?? applyScenario;
  if (typeof apply !== 'function') {
    throw new InvalidArgumentError(
      MODULE,
      `${law}: options.apply`,
      `must be a function, got ${describeValue(apply)}`,
    );
  }
  const cases = arbCase(lawInput(law, options.input), { ...options.scenario });
  const when =
    options.when ??
    fc
      .option(fc.integer({ min: 2024, max: 2030 }), { nil: undefined })
      .map((year) => (year === undefined ? {} : { year }));
  return fc.property(cases, when, (kase, at) => {
    const before = snapshot(kase);
    const first = apply(kase.input.network, kase.input.demand, kase.scenario, at);
    const after = snapshot(kase);
    const changed = ['network', 'demand', 'scenario'].filter((_name, i) => after[i] !== before[i]);
    if (changed.length > 0) {
      throw new Error(`${MODULE}.${law}: applying the scenario changed its ${changed.join(' and ')}`);
    }
    const second = apply(kase.input.network, kase.input.demand, kase.scenario, at);
    const a = JSON.stringify([serializeNetwork(first.network), first.demand]);
    const b = JSON.stringify([serializeNetwork(second.network), second.demand]);
    if (a !== b) {
      throw new Error(`${MODULE}.${law}: applying the same scenario twice gave different results`);
    }
  });
}
