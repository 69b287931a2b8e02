/**
 * Shared machinery of the laws
 * ============================
 *
 * A law quantifies over *cases*: an input (fixed, such as the Eurasia dataset, or drawn) and, for
 * most laws, a scenario valid against it. With a fixed input only the scenario is drawn and printed;
 * with a drawn input both shrink together (scenario operations refer to the input by list position).
 *
 * @internal
 */

import fc from 'fast-check';
import { describeValue, InvalidArgumentError } from '../../model/errors.js';
import type { Scenario, ScenarioOp } from '../../model/scenario.js';
import { SCENARIO_OP_KINDS } from '../../model/scenario.js';
import { describeInput } from '../arbitraries/_internal/describe.js';
import { arbSimulationInput } from '../arbitraries/input.js';
import {
  arbRawOp,
  boundsOf,
  buildScenario,
  kindsFor,
  type ResolvedScenarioConstraints,
  resolveScenarioConstraints,
  type ScenarioConstraints,
  scenarioContext,
  UNBOUNDED_SCENARIO,
} from '../arbitraries/scenario.js';
import type { SimulationInput } from '../types.js';

/** The module prefix of law messages. */
export const MODULE = 'corridor-sim/testing: laws';

/** A simulation call under test: corridor-sim's `simulate`, or a user's own runner. */
export type Runner<R> = (input: SimulationInput, scenario: Scenario | undefined) => Promise<R> | R;

/** A stochastic simulation call under test, given a seed. */
export type SeededRunner<R> = (
  input: SimulationInput,
  scenario: Scenario | undefined,
  seed: number,
) => Promise<R> | R;

/** Where a law's inputs come from: one fixed input (a dataset) or an arbitrary of inputs. */
export type LawInput = SimulationInput | fc.Arbitrary<SimulationInput>;

/** One case of a law: an input and a scenario. */
export interface LawCase {
  readonly input: SimulationInput;
  readonly scenario: Scenario;
}

/**
 * Whether a value is a fast-check arbitrary (duck-typed, so that a second copy of fast-check works).
 *
 * @param value - anything
 * @returns true for arbitraries
 */
export function isArbitrary(value: unknown): value is fc.Arbitrary<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { generate?: unknown }).generate === 'function' &&
    typeof (value as { shrink?: unknown }).shrink === 'function'
  );
}

/**
 * Validate a law's input option.
 *
 * @param law - law name
 * @param input - the option
 * @returns the input, or the default arbitrary of small generated inputs
 * @throws InvalidArgumentError when it is neither an input nor an arbitrary
 */
export function lawInput(law: string, input: LawInput | undefined): LawInput {
  if (input === undefined) return arbSimulationInput();
  if (isArbitrary(input)) return input;
  const i = input as Partial<SimulationInput>;
  if (
    typeof i !== 'object' ||
    i === null ||
    typeof i.network?.graph?.hasNode !== 'function' ||
    !Array.isArray(i.demand?.flows)
  ) {
    throw new InvalidArgumentError(
      MODULE,
      `${law}: options.input`,
      'must be { network, demand } or an arbitrary of them',
    );
  }
  return input;
}

/**
 * Validate a law's runner option.
 *
 * @param law - law name
 * @param run - the option
 * @throws InvalidArgumentError when it is not a function
 */
export function checkRunner(law: string, run: unknown): void {
  if (typeof run !== 'function') {
    throw new InvalidArgumentError(
      MODULE,
      `${law}: options.run`,
      `must be a function (input, scenario) => result, got ${describeValue(run)}`,
    );
  }
}

function caseOf(input: SimulationInput, scenario: Scenario, fixed: boolean): LawCase {
  const value = { input, scenario };
  Object.defineProperty(value, fc.toStringMethod, {
    value: () =>
      fixed
        ? `{ scenario: ${fc.stringify(scenario)} } on ${input.network.meta.name}`
        : `{ input: ${describeInput(input.network, input.demand)}, scenario: ${fc.stringify(scenario)} }`,
    enumerable: false,
  });
  return Object.freeze(value);
}

/**
 * Cases of an input with scenarios drawn under the given constraints.
 *
 * @param input - fixed input or arbitrary of inputs
 * @param constraints - scenario constraints (validated)
 * @returns the arbitrary of cases
 * @throws InvalidArgumentError on a bad constraint, or a kind a fixed input cannot support
 */
export function arbCase(input: LawInput, constraints: ScenarioConstraints): fc.Arbitrary<LawCase> {
  const c: ResolvedScenarioConstraints = resolveScenarioConstraints(constraints);
  const array = (ops: fc.Arbitrary<ReturnType<typeof arbRawOp> extends fc.Arbitrary<infer T> ? T : never>) =>
    fc.array(ops, { minLength: c.minOperations, maxLength: c.maxOperations });
  if (isArbitrary(input)) {
    const kinds = c.kinds ?? SCENARIO_OP_KINDS;
    return fc
      .tuple(input as fc.Arbitrary<SimulationInput>, array(arbRawOp(c, kinds, UNBOUNDED_SCENARIO)))
      .map(([i, raws]) => caseOf(i, buildScenario(c, scenarioContext(i.network, i.demand), raws), false));
  }
  const fixed = input as SimulationInput;
  const ctx = scenarioContext(fixed.network, fixed.demand);
  const kinds = kindsFor(c, ctx);
  return array(arbRawOp(c, kinds, boundsOf(ctx))).map((raws) =>
    caseOf(fixed, buildScenario(c, ctx, raws), true),
  );
}

/**
 * Cases of an input alone (the scenario is empty): for laws that need no scenario.
 *
 * @param input - fixed input or arbitrary of inputs
 * @returns the arbitrary of inputs (a fixed input is a constant)
 */
export function arbInputOnly(input: LawInput): fc.Arbitrary<SimulationInput> {
  if (isArbitrary(input)) return input as fc.Arbitrary<SimulationInput>;
  const fixed = input as SimulationInput;
  const value = { network: fixed.network, demand: fixed.demand };
  Object.defineProperty(value, fc.toStringMethod, {
    value: () => fixed.network.meta.name,
    enumerable: false,
  });
  return fc.constant(Object.freeze(value));
}

/** Tolerances of a law: b ≤ a within absolute + relative × max(|a|, |b|). */
export interface LawTolerance {
  /** Absolute tolerance. @defaultValue 1e-6 */
  readonly absoluteTolerance?: number;
  /** Relative tolerance. @defaultValue 1e-6 */
  readonly relativeTolerance?: number;
}

/**
 * Validate a law's tolerances.
 *
 * @param law - law name
 * @param options - the options
 * @returns `[absolute, relative]`
 * @throws InvalidArgumentError on a negative or non-finite tolerance
 */
export function lawTolerance(law: string, options: LawTolerance): readonly [number, number] {
  const abs = options.absoluteTolerance ?? 1e-6;
  const rel = options.relativeTolerance ?? 1e-6;
  for (const [name, v] of [
    ['absoluteTolerance', abs],
    ['relativeTolerance', rel],
  ] as const) {
    if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) {
      throw new InvalidArgumentError(
        MODULE,
        `${law}: options.${name}`,
        `must be a finite number ≥ 0, got ${describeValue(v)}`,
      );
    }
  }
  return [abs, rel];
}

/**
 * The default throughput measure: the volume delivered over every demand flow (`Σ ods.delivered`).
 *
 * @param result - a result with `ods`
 * @returns the total delivered volume
 * @throws InvalidArgumentError when the result has no `ods` (pass `measure`)
 */
export function totalDelivered(result: unknown): number {
  const ods = (result as { ods?: readonly { delivered: number }[] } | null)?.ods;
  if (!Array.isArray(ods)) {
    throw new InvalidArgumentError(
      MODULE,
      'measure',
      'the result has no ods: pass options.measure (result) => number',
    );
  }
  let total = 0;
  for (const od of ods) total += od.delivered;
  return total;
}

/**
 * A cache of baseline results per input object, so that a law on a fixed dataset runs its baseline once.
 *
 * @param run - the runner
 * @returns `(input) => baseline result`
 */
export function baselineCache<R>(run: Runner<R>): (input: SimulationInput) => Promise<R> {
  const cache = new WeakMap<SimulationInput, Promise<R>>();
  return (input) => {
    let hit = cache.get(input);
    if (!hit) {
      hit = Promise.resolve(run(input, undefined));
      cache.set(input, hit);
      // A failed run must not poison later cases.
      hit.catch(() => cache.delete(input));
    }
    return hit;
  };
}

/**
 * Throw unless every kind in `kinds` is one the law allows.
 *
 * @internal
 */
export function checkLawKinds(
  law: string,
  kinds: readonly ScenarioOp['kind'][] | undefined,
  allowed: readonly ScenarioOp['kind'][],
  what: string,
): void {
  for (const kind of kinds ?? []) {
    if (!allowed.includes(kind)) {
      throw new InvalidArgumentError(
        MODULE,
        `${law}: options.scenario.kinds`,
        `contains ${JSON.stringify(kind)}, not ${what} (${allowed.join(', ')})`,
      );
    }
  }
}
