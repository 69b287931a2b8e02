/**
 * attribute: which operation caused which change
 * ==============================================
 *
 * The Shapley value (Shapley 1953) splits the change of each headline figure between the operations
 * of a scenario: operation i gets its marginal effect averaged over every order in which the
 * operations could be added. The values add up exactly to the total change (efficiency), operations
 * that change nothing get 0, and interacting operations share their joint effect. Exact over all
 * 2^n subsets up to `maxExact` operations; beyond that estimated from `samples` random orders
 * (seeded; same seed, same answer).
 *
 * With `options.base`, the change from the base to the scenario is split between the operations the
 * scenario adds to the base: the scenario must extend the base (start with its operations, compared as
 * values), as every bundled scenario extends `baseline` and `composeScenarios(id, base, mine)` extends
 * `base`. The base's operations run in every coalition and are not players.
 */

import { requireScenario } from '../data/guards.js';
import { describeValue, InvalidArgumentError, optionsOf } from '../model/errors.js';
import type { Scenario } from '../model/scenario.js';
import { groupWithAddedLinks } from '../scenario/depends.js';
import { sharedOperationCount } from '../scenario/extend.js';
import { activeFraction } from '../scenario/timing.js';
import type { SimulationResult } from './result.js';
import { createRng } from './rng.js';
import {
  rejectWarmStart,
  requireSimulationInput,
  requireSimulationResult,
  type SimulateOptions,
  type SimulationInput,
  simulate,
} from './simulate.js';

const MODULE = 'corridor-sim/attribute';

/** Options of {@link attribute}. */
export interface AttributeOptions extends Omit<SimulateOptions, 'warmStart'> {
  /** The figures to attribute: figure name → finite number; default {@link headlineMetrics}. */
  readonly metrics?: (result: SimulationResult) => Readonly<Record<string, number>>;
  /** Exact Shapley values up to this many operations (2^n runs). @defaultValue 8 */
  readonly maxExact?: number;
  /** Random orders when estimating. @defaultValue 64 */
  readonly samples?: number;
  /** Seed of the random orders. @defaultValue 1 */
  readonly seed?: number;
  /**
   * The scenario the change is measured from: the change from the base to `scenario` is split between
   * the operations `scenario` adds to it. `scenario` must extend the base: the base's operations
   * (compared as values) are its first operations, in order, and run in every coalition without being
   * attributed. A bundled scenario extends `loadScenario('baseline')` (both start with the dataset
   * timelines); to attribute operations of your own on top of a base, pass
   * `composeScenarios(id, base, mine)` as the scenario. Default: none (every operation is attributed,
   * from the network and demand as given).
   */
  readonly base?: Scenario;
}

/** Shapley attribution of a scenario's change. */
export interface Attribution {
  /** `exact` or `sampled`. */
  readonly method: 'exact' | 'sampled';
  /** Simulations run. */
  readonly runs: number;
  /** Figures of the run without any attributed operation: the base alone (none without a base). */
  readonly before: Readonly<Record<string, number>>;
  /** Figures of the run with every operation: the scenario itself. */
  readonly after: Readonly<Record<string, number>>;
  /**
   * Per attributed operation, the share of each figure's change: every operation of the scenario
   * after the base's, in order; `index` is its index in `scenario.operations`.
   */
  readonly contributions: readonly {
    readonly index: number;
    readonly kind: string;
    readonly values: Readonly<Record<string, number>>;
    /**
     * Present when this operation is attributed together with others: an `add-link` and the later
     * operations that name what it adds are one player (without the add-link they name nothing).
     * The group's share is reported on its first operation; the others show 0. Their indices.
     */
    readonly together?: readonly number[];
  }[];
}

/**
 * Headline figures: overland throughput, sea diversion, unmet volume, crude delivered, container
 * corridor shares (`share:<corridor>`), crude route shares (`crude:<route>`) and overland transit
 * shares (`transit:<country>`).
 *
 * @param result - a simulation result
 * @returns figure name → value
 */
export function headlineMetrics(result: SimulationResult): Record<string, number> {
  requireSimulationResult(result, MODULE, 'result');
  const out: Record<string, number> = {
    throughputTeu: result.throughputTeu,
    divertedTeu: result.divertedTeu,
    unmetTeu: result.unmetTeu,
    crudeTonnes: result.crude.totalTonnes,
  };
  for (const c of result.corridors) {
    if (c.commodity === 'container') out[`share:${c.id}`] = c.share;
    if (c.commodity === 'crude') out[`crude:${c.id}`] = c.share;
  }
  for (const [country, share] of Object.entries(result.countryTransitShare))
    out[`transit:${country}`] = share;
  return out;
}

/**
 * The scenario's first `shared` operations (the base's), then the chosen ones of the rest, in the
 * scenario's order: with every operation chosen, the scenario itself.
 */
function subScenario(scenario: Scenario, shared: number, chosen: readonly number[]): Scenario {
  const ordered = [...chosen].sort((a, b) => a - b);
  return {
    id: `${scenario.id}#${ordered.join('+')}`,
    name: scenario.name,
    operations: [...scenario.operations.slice(0, shared), ...ordered.map((i) => scenario.operations[i]!)],
  };
}

/**
 * The number of leading operations of `scenario` that are the base's, when the scenario extends the
 * base (0 without a base).
 *
 * @throws InvalidArgumentError naming `options.base` when the scenario does not start with the base's
 *   operations: the attribution could not explain the change from one to the other
 */
function baseLength(scenario: Scenario, base: Scenario | undefined): number {
  if (base === undefined) return 0;
  const ops = scenario.operations;
  const baseOps = base.operations;
  const shared = sharedOperationCount(ops, baseOps);
  if (shared === baseOps.length) return shared;
  const [inBase, inScenario] = [baseOps[shared]!.kind, ops[shared]?.kind];
  const where =
    inScenario === undefined
      ? `the base has ${baseOps.length} operations, the scenario only ${ops.length}`
      : inScenario === inBase
        ? `operation ${shared} (${inBase}) differs between them`
        : `operation ${shared} is ${inBase} in the base, ${inScenario} in the scenario`;
  throw new InvalidArgumentError(
    MODULE,
    'options.base',
    `must be the start of the scenario (its operations first, in order), got base ${JSON.stringify(base.id)} for scenario ${JSON.stringify(scenario.id)}: ${where}. attribute splits the change from the base to the scenario between the operations the scenario adds; to attribute operations of your own on top of a base, pass composeScenarios(id, base, yours) as the scenario`,
  );
}

/**
 * Attribute the change a scenario causes to its operations (Shapley values).
 *
 * @param input - network and demand
 * @param scenario - the scenario whose operations are attributed (with `options.base`, those after
 *   the base's)
 * @param options - year, solver, metrics, exact/sampled settings, seed, base
 * @returns per-operation contributions that sum to the total change of every figure, from the base
 *   (or no operation) to the scenario
 * @throws InvalidArgumentError when input is not { network, demand }, scenario or `options.base` is
 *   not a Scenario, the scenario does not start with the operations of `options.base` (compared as
 *   values), options is not an object or sets `warmStart`, `options.metrics` is not a function
 *   or returns anything but an object of finite numbers, `options.maxExact` / `options.samples` are out
 *   of range or `options.seed` is not an integer; ValidationError when the scenario or the base
 *   (argument `options.base`, paths into the base itself) built in code is invalid for the network
 * @example const a = await attribute(eurasia, scenario, { year: 2023 }); a.contributions[0].values.throughputTeu
 * @example
 * // avoid-russia's own operation gets the whole change from the baseline; the timelines both share
 * // run in every coalition, once
 * await attribute(eurasia, loadScenario('avoid-russia'), { year: 2024, base: loadScenario('baseline') });
 * @remarks Exact: 2^n simulations; sampled: samples × n simulations (memoized by subset). Each
 *   simulation is warm-started from the previous one, so figures are exact up to the equilibrium's
 *   convergence tolerance: an operation in effect that changes nothing gets 0 within that tolerance.
 */
export async function attribute(
  input: SimulationInput,
  scenario: Scenario,
  options: AttributeOptions = {},
): Promise<Attribution> {
  options = optionsOf(options, MODULE);
  requireSimulationInput(input, MODULE);
  requireScenario(scenario, input.network, input.demand, MODULE, 'scenario');
  const {
    metrics = headlineMetrics,
    maxExact = 8,
    samples = 64,
    seed = 1,
    base,
    ...simulateOptions
  } = options;
  if (typeof metrics !== 'function') {
    throw new InvalidArgumentError(
      MODULE,
      'options.metrics',
      `must be a function from a result to { figure: number }, got ${describeValue(metrics)}`,
    );
  }
  if (base !== undefined) requireScenario(base, input.network, input.demand, MODULE, 'options.base');
  const shared = baseLength(scenario, base);
  if (!Number.isInteger(maxExact) || maxExact < 0 || maxExact > 16) {
    throw new InvalidArgumentError(
      MODULE,
      'options.maxExact',
      `must be an integer in 0..16, got ${describeValue(maxExact)}`,
    );
  }
  if (!Number.isInteger(samples) || samples < 1) {
    throw new InvalidArgumentError(
      MODULE,
      'options.samples',
      `must be an integer ≥ 1, got ${describeValue(samples)}`,
    );
  }
  if (!Number.isInteger(seed)) {
    throw new InvalidArgumentError(MODULE, 'options.seed', `must be an integer, got ${describeValue(seed)}`);
  }
  rejectWarmStart(simulateOptions, MODULE, 'each coalition starts from the one before');
  const measure = (result: SimulationResult): Record<string, number> => figuresOf(metrics(result));
  const cache = new Map<number, Record<string, number>>();
  // the players: the operations after the base's (their indices in the scenario), an add-link
  // together with the operations that name what it adds
  const groups = groupWithAddedLinks(scenario.operations, shared);
  let players: number[][] = groups;
  // Coalitions between the empty and the full one start from the equilibrium of the coalition
  // simulated before them (visited in a fixed order, so the result is deterministic): consecutive
  // coalitions share most operations. The empty and full coalitions run cold, as `simulate` alone
  // would run them, so `before` and `after` are the figures of the two scenarios themselves.
  let start: SimulationResult | undefined;
  let full = 0;
  const value = async (mask: number) => {
    let v = cache.get(mask);
    if (!v) {
      const chosen = players.filter((_, p) => (mask >> p) & 1).flat();
      const r = await simulate(input, subScenario(scenario, shared, chosen), {
        ...simulateOptions,
        ...(mask !== full && start !== undefined ? { warmStart: start } : {}),
      });
      start = r;
      v = measure(r);
      cache.set(mask, v);
    }
    return v;
  };
  // Operations not in effect in the simulated year change nothing in any coalition: they are null
  // players with Shapley value 0 exactly, and leaving them out does not change the others' values.
  const probe = await simulate(input, subScenario(scenario, shared, []), simulateOptions);
  start = probe;
  const timing = { kind: 'year', year: probe.year } as const;
  players = players.filter((group) => group.some((i) => activeFraction(scenario.operations[i]!, timing) > 0));
  const n = players.length;
  if (n > 30) {
    throw new InvalidArgumentError(
      'corridor-sim/attribute',
      'scenario.operations',
      `has ${n} operations in effect; at most 30 are supported`,
    );
  }
  cache.set(0, measure(probe));
  full = (1 << n) - 1;
  const before = await value(0);
  const after = await value(full);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const get = (v: Record<string, number>, k: string) => v[k] ?? 0;
  const phi = Array.from(
    { length: n },
    () => Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>,
  );
  let method: Attribution['method'];
  if (n <= maxExact) {
    method = 'exact';
    const factorial = [1];
    for (let i = 1; i <= n; i++) factorial.push(factorial[i - 1]! * i);
    for (let mask = 0; mask <= full; mask++) {
      const size = popcount(mask);
      const vs = await value(mask);
      for (let i = 0; i < n; i++) {
        if ((mask >> i) & 1) continue;
        const weight = (factorial[size]! * factorial[n - size - 1]!) / factorial[n]!;
        const vi = await value(mask | (1 << i));
        for (const k of keys) phi[i]![k]! += weight * (get(vi, k) - get(vs, k));
      }
    }
  } else {
    method = 'sampled';
    const rng = createRng(seed);
    for (let s = 0; s < samples; s++) {
      const order = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let mask = 0;
      let prev = before;
      for (const i of order) {
        mask |= 1 << i;
        const next = await value(mask);
        for (const k of keys) phi[i]![k]! += (get(next, k) - get(prev, k)) / samples;
        prev = next;
      }
    }
  }
  const zero = Object.fromEntries(keys.map((k) => [k, 0]));
  const groupOf = new Map<number, number[]>();
  for (const group of groups) for (const i of group) groupOf.set(i, group);
  return {
    method,
    runs: cache.size,
    before,
    after,
    contributions: scenario.operations.slice(shared).map((op, i) => {
      const index = shared + i;
      const p = players.findIndex((group) => group[0] === index);
      const group = groupOf.get(index);
      return {
        index,
        kind: op.kind,
        values: p >= 0 ? phi[p]! : zero,
        ...(group !== undefined && group.length > 1 ? { together: group } : {}),
      };
    }),
  };
}

/** A copy of what `options.metrics` returned, checked to be an object of finite numbers. */
function figuresOf(figures: unknown): Record<string, number> {
  if (typeof figures !== 'object' || figures === null || Array.isArray(figures)) {
    throw new InvalidArgumentError(
      MODULE,
      'options.metrics',
      `must return an object of finite numbers, got ${describeValue(figures)}`,
    );
  }
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(figures)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InvalidArgumentError(
        MODULE,
        'options.metrics',
        `must return an object of finite numbers; got ${describeValue(value)} at key ${JSON.stringify(key)}`,
      );
    }
    out[key] = value;
  }
  return out;
}

function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}
