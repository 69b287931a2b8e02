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
 */

import { requireScenario } from '../data/guards.js';
import { describeValue, InvalidArgumentError, optionsOf } from '../model/errors.js';
import type { Scenario } from '../model/scenario.js';
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
  /** Operations applied first in every run and not attributed (e.g. the baseline's timelines). */
  readonly base?: Scenario;
}

/** Shapley attribution of a scenario's change. */
export interface Attribution {
  /** `exact` or `sampled`. */
  readonly method: 'exact' | 'sampled';
  /** Simulations run. */
  readonly runs: number;
  /** Figures of the run without any operation. */
  readonly before: Readonly<Record<string, number>>;
  /** Figures of the run with every operation. */
  readonly after: Readonly<Record<string, number>>;
  /** Per operation (index in the scenario), the share of each figure's change. */
  readonly contributions: readonly {
    readonly index: number;
    readonly kind: string;
    readonly values: Readonly<Record<string, number>>;
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

function subScenario(scenario: Scenario, chosen: readonly number[], base: Scenario | undefined): Scenario {
  return {
    id: `${scenario.id}#${chosen.join('+')}`,
    name: scenario.name,
    operations: [...(base?.operations ?? []), ...chosen.map((i) => scenario.operations[i]!)],
  };
}

/**
 * Attribute the change a scenario causes to its operations (Shapley values).
 *
 * @param input - network and demand
 * @param scenario - the scenario whose operations are attributed
 * @param options - year, solver, metrics, exact/sampled settings, seed
 * @returns per-operation contributions that sum to the total change of every figure
 * @throws InvalidArgumentError when input is not { network, demand }, scenario or `options.base` is
 *   not a Scenario, options is not an object or sets `warmStart`, `options.metrics` is not a function
 *   or returns anything but an object of finite numbers, `options.maxExact` / `options.samples` are out
 *   of range or `options.seed` is not an integer; ValidationError when the scenario or the base
 *   (argument `options.base`, paths into the base itself) built in code is invalid for the network
 * @example const a = await attribute(eurasia, scenario, { year: 2023 }); a.contributions[0].values.throughputTeu
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
  let players: number[] = scenario.operations.map((_, i) => i);
  // Coalitions between the empty and the full one start from the equilibrium of the coalition
  // simulated before them (visited in a fixed order, so the result is deterministic): consecutive
  // coalitions share most operations. The empty and full coalitions run cold, as `simulate` alone
  // would run them, so `before` and `after` are the figures of the two scenarios themselves.
  let start: SimulationResult | undefined;
  let full = 0;
  const value = async (mask: number) => {
    let v = cache.get(mask);
    if (!v) {
      const chosen = players.filter((_, p) => (mask >> p) & 1);
      const r = await simulate(input, subScenario(scenario, chosen, base), {
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
  const probe = await simulate(input, subScenario(scenario, [], base), simulateOptions);
  start = probe;
  const timing = { kind: 'year', year: probe.year } as const;
  players = players.filter((i) => activeFraction(scenario.operations[i]!, timing) > 0);
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
  return {
    method,
    runs: cache.size,
    before,
    after,
    contributions: scenario.operations.map((op, index) => {
      const p = players.indexOf(index);
      return { index, kind: op.kind, values: p >= 0 ? phi[p]! : zero };
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
