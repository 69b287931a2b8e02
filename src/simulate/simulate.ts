/**
 * simulate
 * ========
 *
 * `simulate(input, scenario, options)` evaluates one scenario in one year: it selects the year's
 * demand, applies the scenario (pure), compiles the network to typed arrays once, routes the demand
 * with the chosen solver and reports throughput, corridor volumes and shares, country transit shares,
 * OD costs and times, crude exports by route and the bottlenecks.
 *
 * Solvers:
 * - `equilibrium` (default): multi-class user equilibrium with capacity-respecting delays
 *   (./equilibrium.ts) — how shippers actually choose when borders and ferries congest;
 * - `min-cost`: hard capacities, system optimum of generalized cost, as a multi-commodity LP
 *   (./min-cost.ts) — what the corridor system could carry if routing were planned centrally, with
 *   shadow prices of the binding capacities;
 * - `logit`: stochastic user equilibrium (route-choice dispersion) for share models (./logit.ts).
 */

import { compileNetwork } from '../algorithms/_internal/compile.js';
import { requireDemand, requireScenario } from '../data/guards.js';
import { markValidated } from '../data/validated.js';
import { requireYear } from '../model/dates.js';
import { type Demand, datedYears, demandForYear } from '../model/demand.js';
import { describeValue, InvalidArgumentError, rejectUnknownKeys, requireObject } from '../model/errors.js';
import { isCountryCode } from '../model/ids.js';
import { type Network, requireNetwork } from '../model/network.js';
import type { Scenario } from '../model/scenario.js';
import { applyScenarioDeferred } from '../scenario/apply.js';
import { aggregate, CHINA_EUROPE, type CorridorMarket, type RoutedPath } from './aggregate.js';
import { overlandBindingCut } from './binding-cut.js';
import { buildClasses } from './classes.js';
import { type CapacityDelay, solveEquilibrium } from './equilibrium.js';
import { solveMinCost } from './min-cost.js';
import { type PathFlows, routedPaths } from './path-flows.js';
import type { CrudeSummary, SimulationResult, SimulationStatus, SolverKind } from './result.js';
import { type PathSetState, rememberPathSet, warmStartFor } from './warm-start.js';

/** What `simulate` runs on: a network and its demand (a loaded dataset fits). */
export interface SimulationInput {
  readonly network: Network;
  readonly demand: Demand;
}

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** Year to simulate; default: the latest year of the demand's dated flows, else the network's `meta.year`. */
  readonly year?: number;
  /** Solver. @defaultValue 'equilibrium' */
  readonly solver?: SolverKind;
  /** Target relative gap of the equilibrium and logit solvers. @defaultValue 1e-6 */
  readonly relativeGap?: number;
  /** Iteration limit of the equilibrium and logit solvers. @defaultValue 300 */
  readonly maxIterations?: number;
  /**
   * Capacity-respecting delay for capacitated links and terminals without an explicit VDF
   * (modified Davidson); `false` uses the network's default VDF instead. @defaultValue { j: 1, mu: 0.95 }
   */
  readonly capacityDelay?: CapacityDelay | false;
  /** Which flows form the overland market of `countryTransitShare`. @defaultValue China → Europe containers */
  readonly market?: CorridorMarket;
  /** Utilisation from which a capacity is listed as a bottleneck. @defaultValue 0.98 */
  readonly bottleneckThreshold?: number;
  /**
   * Commodities the equilibrium and logit solvers allocate with hard capacities (min-cost flow) instead
   * of congestion: time does not ration pipelines. @defaultValue ['crude']
   */
  readonly hardCapacityCommodities?: readonly string[];
  /**
   * Logit dispersion θ per day of generalized cost (money is converted to days at each segment's value
   * of time): a route one day dearer carries e^−θ times the flow. Assumption, no published estimate
   * for China–Europe corridor choice was found. @defaultValue 0.2
   */
  readonly logitTheta?: number;
  /** Min-cost allocation: cost of a unit of demand left unmet, USD (above any route's cost). @defaultValue 1e6 */
  readonly unmetPenaltyUsd?: number;
  /** Compute the minimum cut of the overland market (one max-flow). @defaultValue true */
  readonly bindingCut?: boolean;
  /**
   * Start the equilibrium from this earlier result's path flows (sweeps, timelines): classes are
   * matched by id, and a segment split off by a refusal (`s~avoid-XX`) starts from the paths of `s`.
   * Only where the solver starts changes; the result meets the same convergence target.
   */
  readonly warmStart?: SimulationResult;
}

const DEFAULTS = {
  solver: 'equilibrium' as SolverKind,
  relativeGap: 1e-6,
  maxIterations: 300,
  capacityDelay: { j: 1, mu: 0.95 } as CapacityDelay,
  unmetPenaltyUsd: 1e6,
  hardCapacityCommodities: ['crude'] as readonly string[],
  logitTheta: 0.2,
};

const MODULE = 'corridor-sim/simulate';
/** Capacities below this many units per year count as zero (closed). */
export const MIN_CAPACITY = 1e-6;
const EMPTY: Scenario = { id: 'baseline', name: 'Baseline', operations: [] };

/** Results of {@link simulate} carry this non-enumerable footprint (shared by ESM and CJS copies). */
const RESULT: unique symbol = Symbol.for('corridor-sim/simulation-result') as never;

/**
 * Whether a value is a result returned by {@link simulate}.
 *
 * @param value - anything
 * @returns true for simulation results
 */
export function isSimulationResult(value: unknown): value is SimulationResult {
  return typeof value === 'object' && value !== null && (value as { [RESULT]?: boolean })[RESULT] === true;
}

/**
 * Throw unless `input` is a network with its demand, as {@link simulate} and the functions built on it
 * take (a loaded dataset fits).
 *
 * @param input - the argument
 * @param module - module name for the message
 * @throws InvalidArgumentError when it is not an object or its network is not a Network; ValidationError
 *   when its demand is invalid or names what the network lacks
 */
export function requireSimulationInput(input: unknown, module: string): asserts input is SimulationInput {
  requireObject(input, module, 'input', "{ network, demand } (e.g. loadDataset('eurasia'))");
  const { network, demand } = input as SimulationInput;
  requireNetwork(network, module, 'input.network');
  requireDemand(demand, network, module, 'input.demand');
}

/**
 * Throw when the options of a function that warm-starts its own runs (project, sweep, attribute,
 * criticality) set `warmStart`.
 *
 * @param options - the function's options
 * @param module - module name for the message (`corridor-sim/sweep`)
 * @param how - how the function warm-starts (`each value starts from the one before`)
 * @throws InvalidArgumentError naming `options.warmStart`
 */
export function rejectWarmStart(options: object, module: string, how: string): void {
  if ((options as SimulateOptions).warmStart === undefined) return;
  const name = module.slice(module.lastIndexOf('/') + 1);
  throw new InvalidArgumentError(
    module,
    'options.warmStart',
    `is not used by ${name}, which sets it itself (${how}): leave it out`,
  );
}

/**
 * Throw unless `value` is a result returned by {@link simulate}.
 *
 * @param value - the argument
 * @param module - module name for the message
 * @param argument - argument name for the message
 * @throws InvalidArgumentError when it is not
 */
export function requireSimulationResult(
  value: unknown,
  module: string,
  argument: string,
): asserts value is SimulationResult {
  if (!isSimulationResult(value)) {
    throw new InvalidArgumentError(
      module,
      argument,
      `must be a result of simulate(), got ${value === null ? 'null' : typeof value}`,
    );
  }
}

/**
 * The year whose demand a simulation of `year` uses: that year when the demand has flows dated in it;
 * otherwise the latest earlier year with dated flows (demand carried forward: scenarios grow it with
 * `demand-growth`), or the earliest later one. Undefined when the demand has no dated flows.
 */
function resolveDemandYear(demand: Demand, year: number): number | undefined {
  const sorted = datedYears(demand.flows);
  if (sorted.length === 0) return undefined;
  if (sorted.includes(year)) return year;
  const earlier = sorted.filter((y) => y < year);
  return earlier.length > 0 ? earlier[earlier.length - 1] : sorted[0];
}

function resolveYear(input: SimulationInput, year: number | undefined): number {
  if (year !== undefined) {
    requireYear(year, MODULE, 'options.year');
    return year;
  }
  const fallback = datedYears(input.demand.flows).at(-1) ?? input.network.meta.year;
  if (fallback === undefined) {
    throw new InvalidArgumentError(
      MODULE,
      'options.year',
      'is required: the demand has no dated flows and the network no meta.year',
    );
  }
  return fallback;
}

/** The options {@link simulate} reads; any other key is a mistake (a misspelt option). */
const OPTION_KEYS: readonly (keyof SimulateOptions)[] = [
  'year',
  'solver',
  'relativeGap',
  'maxIterations',
  'capacityDelay',
  'market',
  'bottleneckThreshold',
  'hardCapacityCommodities',
  'logitTheta',
  'unmetPenaltyUsd',
  'bindingCut',
  'warmStart',
];

function requireNumber(value: unknown, argument: string, ok: (x: number) => boolean, what: string): void {
  if (typeof value !== 'number' || !ok(value)) {
    throw new InvalidArgumentError(MODULE, argument, `must be ${what}, got ${describeValue(value)}`);
  }
}

/** A list of ids of `known` things (`kind`): an array of strings, each one of them. */
function requireIdList(value: unknown, argument: string, known: readonly string[], kind: string): void {
  if (!Array.isArray(value)) {
    throw new InvalidArgumentError(
      MODULE,
      argument,
      `must be an array of ${kind} ids, got ${describeValue(value)}`,
    );
  }
  value.forEach((id, i) => {
    if (typeof id !== 'string' || !known.includes(id)) {
      throw new InvalidArgumentError(
        MODULE,
        `${argument}[${i}]`,
        `must be a ${kind} of the network (${known.join(', ')}), got ${describeValue(id)}`,
      );
    }
  });
}

function checkOptions(options: SimulateOptions, network: Network): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError(MODULE, 'options', `must be an object, got ${describeValue(options)}`);
  }
  rejectUnknownKeys(options, OPTION_KEYS, MODULE, 'options');
  const solver = options.solver ?? DEFAULTS.solver;
  if (!['equilibrium', 'min-cost', 'logit'].includes(solver)) {
    throw new InvalidArgumentError(
      MODULE,
      'options.solver',
      `must be 'equilibrium', 'min-cost' or 'logit', got ${describeValue(solver)}`,
    );
  }
  const finite = (x: number) => Number.isFinite(x);
  if (options.relativeGap !== undefined)
    requireNumber(
      options.relativeGap,
      'options.relativeGap',
      (x) => finite(x) && x >= 0,
      'a finite number ≥ 0',
    );
  if (options.maxIterations !== undefined)
    requireNumber(
      options.maxIterations,
      'options.maxIterations',
      (x) => Number.isInteger(x) && x >= 0,
      'an integer ≥ 0',
    );
  if (options.logitTheta !== undefined)
    requireNumber(options.logitTheta, 'options.logitTheta', (x) => finite(x) && x > 0, 'a finite number > 0');
  if (options.unmetPenaltyUsd !== undefined) {
    // zero would make leaving demand unmet free: the min-cost solver would deliver nothing
    requireNumber(
      options.unmetPenaltyUsd,
      'options.unmetPenaltyUsd',
      (x) => finite(x) && x > 0,
      'a finite number > 0',
    );
  }
  if (options.bottleneckThreshold !== undefined) {
    requireNumber(
      options.bottleneckThreshold,
      'options.bottleneckThreshold',
      (x) => finite(x) && x > 0,
      'a finite utilisation > 0',
    );
  }
  if (options.bindingCut !== undefined && typeof options.bindingCut !== 'boolean') {
    throw new InvalidArgumentError(
      MODULE,
      'options.bindingCut',
      `must be true or false, got ${describeValue(options.bindingCut)}`,
    );
  }
  const delay = options.capacityDelay;
  if (delay !== undefined && delay !== false) {
    if (typeof delay !== 'object' || delay === null || Array.isArray(delay)) {
      throw new InvalidArgumentError(
        MODULE,
        'options.capacityDelay',
        `must be { j, mu, minDelayDays? } or false, got ${describeValue(delay)}`,
      );
    }
    rejectUnknownKeys(delay, ['j', 'mu', 'minDelayDays'], MODULE, 'options.capacityDelay');
    requireNumber(delay.j, 'options.capacityDelay.j', (x) => finite(x) && x > 0, 'a finite number > 0');
    requireNumber(delay.mu, 'options.capacityDelay.mu', (x) => x > 0 && x < 1, 'a number in (0, 1)');
    if (delay.minDelayDays !== undefined) {
      requireNumber(
        delay.minDelayDays,
        'options.capacityDelay.minDelayDays',
        (x) => finite(x) && x >= 0,
        'a finite number of days ≥ 0',
      );
    }
  }
  if (options.hardCapacityCommodities !== undefined) {
    requireIdList(
      options.hardCapacityCommodities,
      'options.hardCapacityCommodities',
      Object.keys(network.commodities),
      'commodity',
    );
  }
  if (options.warmStart !== undefined)
    requireSimulationResult(options.warmStart, MODULE, 'options.warmStart');
  checkMarket(options.market, network);
}

function checkMarket(market: unknown, network: Network): void {
  if (market === undefined) return;
  const at = 'options.market';
  if (typeof market !== 'object' || market === null || Array.isArray(market)) {
    throw new InvalidArgumentError(
      MODULE,
      at,
      `must be { origins, destinations, commodity }, got ${describeValue(market)}`,
    );
  }
  rejectUnknownKeys(market, ['origins', 'destinations', 'commodity'], MODULE, at);
  const m = market as Record<string, unknown>;
  const countries = new Set<string>();
  network.graph.forEachNode((_id, node) => {
    countries.add(node.country);
  });
  for (const key of ['origins', 'destinations'] as const) {
    const list = m[key];
    if (!Array.isArray(list) || list.length === 0) {
      throw new InvalidArgumentError(
        MODULE,
        `${at}.${key}`,
        `must be a non-empty array of country codes, got ${Array.isArray(list) ? 'an empty array' : describeValue(list)}`,
      );
    }
    list.forEach((code, i) => {
      if (typeof code !== 'string' || !isCountryCode(code)) {
        throw new InvalidArgumentError(
          MODULE,
          `${at}.${key}[${i}]`,
          `must be an ISO 3166 alpha-2 country code (upper case), got ${describeValue(code)}`,
        );
      }
    });
    // a market of countries the network does not reach is empty: surely a mistake
    if (!list.some((code) => countries.has(code))) {
      throw new InvalidArgumentError(
        MODULE,
        `${at}.${key}`,
        `names no country of the network (${JSON.stringify(list)})`,
      );
    }
  }
  if (typeof m.commodity !== 'string' || !Object.hasOwn(network.commodities, m.commodity)) {
    throw new InvalidArgumentError(
      MODULE,
      `${at}.commodity`,
      `must be a commodity of the network (${Object.keys(network.commodities).join(', ')}), got ${describeValue(m.commodity)}`,
    );
  }
}

function crudeSummary(result: ReturnType<typeof aggregate>): CrudeSummary {
  const byRoute: Record<string, number> = {};
  let total = 0;
  for (const c of result.corridors) {
    if (c.commodity !== 'crude') continue;
    byRoute[c.id] = c.volume;
    total += c.volume;
  }
  const shares = Object.fromEntries(Object.entries(byRoute).map(([k, v]) => [k, total > 0 ? v / total : 0]));
  const unmetTonnes = result.ods.filter((o) => o.commodity === 'crude').reduce((a, o) => a + o.unmet, 0);
  return { totalTonnes: total, byRoute, shares, unmetTonnes };
}

/**
 * Simulate one scenario in one year.
 *
 * @param input - network and demand (e.g. `loadDataset('eurasia')`)
 * @param scenario - operations to apply; the baseline when omitted
 * @param options - year, solver, convergence, market definition
 * @returns the simulation result
 * @throws InvalidArgumentError on bad options or a non-Network input; ValidationError (every issue with
 *   its JSON path) when a demand or scenario built in code is invalid or names unknown ids
 * @example
 * const eurasia = loadDataset('eurasia');
 * const result = await simulate(eurasia, undefined, { year: 2023 });
 * result.countryTransitShare.KZ; // share of overland China→Europe TEU transiting Kazakhstan
 * @remarks Complexity: one scenario application O(L), one compile O(N + L), then the solver.
 */
export async function simulate(
  input: SimulationInput,
  scenario: Scenario | undefined = undefined,
  options: SimulateOptions = {},
): Promise<SimulationResult> {
  requireSimulationInput(input, MODULE);
  if (scenario !== undefined) requireScenario(scenario, input.network, input.demand, MODULE, 'scenario');
  checkOptions(options, input.network);
  const year = resolveYear(input, options.year);
  const solver = options.solver ?? DEFAULTS.solver;
  const started = performance.now();
  const demandYear = resolveDemandYear(input.demand, year);
  // a subset of a validated demand is valid
  const demand = markValidated(demandForYear(input.demand, demandYear ?? year), 'demand', input.network);
  // the applied network's graph is built only if the caller reads it (result.applied.network.graph):
  // everything here runs on the compiled records
  const applied = applyScenarioDeferred(input.network, demand, scenario ?? EMPTY, { year });
  const compiled = compileNetwork(applied.network);
  // Capacities below MIN_CAPACITY (units per year) are zero: the link or terminal is closed. Without
  // this, a capacity like 5e-324 overflows the volume/capacity ratio of the delay functions.
  const arcCapacity = new Float64Array(compiled.capacity.length);
  for (let e = 0; e < arcCapacity.length; e++) {
    const c = compiled.capacity[e]!;
    arcCapacity[e] = compiled.arcActive[e] === 1 && c >= MIN_CAPACITY ? c : 0;
  }
  const classes = buildClasses(compiled, applied.demand, applied.segmentSurcharges);

  let status: SimulationStatus;
  let relativeGap: number;
  let iterations: number;
  let stopReason: string;
  let arcFlow: Float64Array;
  let arcTimeDays: Float64Array;
  // routed paths: the min-cost solver's, and those the equilibrium's path flows stand for (made when read)
  let paths: readonly RoutedPath[];
  let pathFlows: PathFlows | undefined;
  let unmet: Map<string, number>;
  let pathSet: PathSetState | undefined;
  let shadowPrice: Float64Array | undefined;
  let maxPathExcess: number | undefined;

  switch (solver) {
    case 'equilibrium':
    case 'logit': {
      // Commodities with hard capacities (crude: pipelines and terminals cannot carry more, and time
      // does not ration them) are allocated by min-cost flow; the others by the equilibrium.
      const hard = new Set(options.hardCapacityCommodities ?? DEFAULTS.hardCapacityCommodities);
      const flexible = classes.filter((c) => !hard.has(c.commodity));
      const fixed = classes.filter((c) => hard.has(c.commodity));
      const out =
        flexible.length > 0
          ? solveEquilibrium({
              compiled,
              classes: flexible,
              arcCapacity,
              relativeGap: options.relativeGap ?? DEFAULTS.relativeGap,
              maxIterations: options.maxIterations ?? DEFAULTS.maxIterations,
              capacityDelay:
                options.capacityDelay === false
                  ? undefined
                  : (options.capacityDelay ?? DEFAULTS.capacityDelay),
              warmStart: warmStartFor(
                options.warmStart,
                flexible.map((c) => c.id),
              ),
              choice:
                solver === 'logit'
                  ? { kind: 'logit', theta: options.logitTheta ?? DEFAULTS.logitTheta }
                  : { kind: 'deterministic' },
            })
          : undefined;
      const allocated =
        fixed.length > 0
          ? await solveMinCost({
              compiled,
              classes: fixed,
              arcCapacity,
              unmetPenaltyUsd: options.unmetPenaltyUsd ?? DEFAULTS.unmetPenaltyUsd,
            })
          : undefined;
      status = !out || out.converged ? 'converged' : 'not-converged';
      if (allocated && allocated.status !== 'optimal') status = 'not-converged';
      relativeGap = out?.relativeGap ?? 0;
      maxPathExcess = out?.maxPathExcess;
      iterations = out?.iterations ?? 0;
      stopReason = [out?.stopReason, allocated && `${fixed[0]!.commodity}: ${allocated.stopReason}`]
        .filter(Boolean)
        .join('; ');
      arcFlow = new Float64Array(compiled.csr.arcCount);
      arcTimeDays = compiled.timeDays.slice();
      const hardCommodity = compiled.commodityIds.map((id) => hard.has(id));
      const hardArc = (e: number) => hardCommodity[compiled.arcCommodity[e]!]!;
      for (let e = 0; e < arcFlow.length; e++) {
        const source = hardArc(e) ? allocated : out;
        if (!source) continue;
        arcFlow[e] = source.arcFlow[e]!;
        arcTimeDays[e] = source.arcTimeDays[e]!;
      }
      pathFlows = out?.pathFlows;
      paths = allocated?.paths ?? [];
      unmet = new Map(out?.unmet);
      if (allocated) for (const [id, volume] of allocated.unmet) unmet.set(id, volume);
      if (allocated) {
        shadowPrice = new Float64Array(allocated.shadowPrice.length);
        for (let e = 0; e < shadowPrice.length; e++)
          if (hardArc(e)) shadowPrice[e] = allocated.shadowPrice[e]!;
      }
      pathSet = out?.pathSet && { paths: out.pathSet, classIds: flexible.map((c) => c.id) };
      break;
    }
    case 'min-cost': {
      const out = await solveMinCost({
        compiled,
        classes,
        arcCapacity,
        unmetPenaltyUsd: options.unmetPenaltyUsd ?? DEFAULTS.unmetPenaltyUsd,
      });
      const totalUnmet = [...out.unmet.values()].reduce((a, x) => a + x, 0);
      const totalDemand = classes.reduce((a, c) => a + c.entries.reduce((b, x) => b + x.volume, 0), 0);
      status =
        out.status !== 'optimal'
          ? 'not-converged'
          : totalUnmet > 1e-9 * Math.max(1, totalDemand)
            ? 'capacity-limited'
            : 'converged';
      relativeGap = 0;
      iterations = out.iterations;
      ({ stopReason, arcFlow, arcTimeDays, paths, unmet, shadowPrice } = out);
      break;
    }
    default:
      throw new InvalidArgumentError(
        MODULE,
        'options.solver',
        `${JSON.stringify(solver)} is not available yet`,
      );
  }

  let broken = -1;
  for (let e = 0; e < arcFlow.length && broken < 0; e++) {
    if (!Number.isFinite(arcFlow[e]!) || !Number.isFinite(arcTimeDays[e]!)) broken = e;
  }
  if (broken >= 0) {
    status = 'not-converged';
    stopReason = `numerical failure: flow ${arcFlow[broken]} and time ${arcTimeDays[broken]} on arc ${broken}; ${stopReason}`;
  }
  const market = options.market ?? CHINA_EUROPE;
  const figures = aggregate({
    compiled,
    demand: applied.demand,
    ...(pathFlows ? { pathFlows } : {}),
    paths,
    arcFlow,
    arcTimeDays,
    arcCapacity,
    unmet,
    ...(shadowPrice ? { shadowPrice } : {}),
    market,
    ...(options.bottleneckThreshold === undefined
      ? {}
      : { bottleneckThreshold: options.bottleneckThreshold }),
  });
  let made: readonly RoutedPath[] | undefined;
  const result: SimulationResult = {
    scenario: scenario?.id ?? 'baseline',
    methods: Object.fromEntries(
      Object.keys(input.network.commodities).map((c) => [
        c,
        solver === 'min-cost' ||
        (options.hardCapacityCommodities ?? DEFAULTS.hardCapacityCommodities).includes(c)
          ? ('min-cost' as const)
          : solver,
      ]),
    ),
    year,
    demandYear: demandYear ?? year,
    solver,
    status,
    convergence: {
      relativeGap,
      ...(maxPathExcess === undefined ? {} : { maxPathExcess }),
      iterations,
      stopReason,
      seconds: (performance.now() - started) / 1000,
    },
    ...figures,
    crude: crudeSummary(figures),
    bindingCut:
      options.bindingCut === false ? undefined : overlandBindingCut(compiled, applied.demand, market),
    // made when first read, then an ordinary property (see `settle`)
    get paths(): readonly RoutedPath[] {
      made ??= pathFlows ? [...routedPaths(pathFlows, applied.demand.flows), ...paths] : paths;
      settle(this, 'paths', made);
      return made;
    },
    set paths(value: readonly RoutedPath[]) {
      if (!settle(this, 'paths', value)) throw new TypeError("Cannot assign to read only property 'paths'");
    },
    operations: applied.log,
    applied: { network: applied.network, demand: applied.demand },
  };
  if (pathSet) rememberPathSet(result, pathSet);
  Object.defineProperty(result, RESULT, { value: true, enumerable: false });
  return result;
}

/**
 * Make `object[key]` the ordinary data property `value` (enumerable, in the same key position:
 * spreads, `JSON.stringify` and `structuredClone` read it like any other), in place of the accessor
 * that computes it on first read. False, and the accessor stays, when the object is frozen or sealed
 * (its getter then answers from its memo).
 */
function settle<T extends object, K extends keyof T>(object: T, key: K, value: T[K]): boolean {
  return Reflect.defineProperty(object, key, { value, configurable: true, enumerable: true, writable: true });
}
