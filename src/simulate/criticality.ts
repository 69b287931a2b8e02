/**
 * criticality: which links and nodes matter most
 * ==============================================
 *
 * Closes every active link (and every node that carries flow) in turn, re-simulates, and ranks the
 * elements by the overland throughput lost, then by the unmet volume added, then by the cost added.
 * Elements that carry no flow in the reference run cannot change the result and are skipped (their
 * loss is 0 by construction of every solver).
 */

import { requireScenario } from '../data/guards.js';
import { describeValue, InvalidArgumentError, optionsOf } from '../model/errors.js';
import type { Scenario } from '../model/scenario.js';
import type { SimulationResult } from './result.js';
import {
  rejectWarmStart,
  requireSimulationInput,
  type SimulateOptions,
  type SimulationInput,
  simulate,
} from './simulate.js';

const MODULE = 'corridor-sim/criticality';
const ELEMENTS = ['links', 'nodes', 'both'] as const;

/** Options of {@link criticality}. */
export interface CriticalityOptions extends Omit<SimulateOptions, 'warmStart'> {
  /** Scenario to start from (the reference run); baseline when omitted. */
  readonly scenario?: Scenario;
  /** Which elements to remove. @defaultValue 'both' */
  readonly elements?: 'links' | 'nodes' | 'both';
  /** Only elements carrying this commodity. @defaultValue every commodity */
  readonly commodity?: string;
}

/** The effect of removing one element. */
export interface CriticalityEntry {
  readonly id: string;
  readonly kind: 'link' | 'node';
  /** Overland market throughput lost (TEU/yr). */
  readonly lostThroughputTeu: number;
  /** Market volume pushed to sea (TEU/yr). */
  readonly addedDivertedTeu: number;
  /** Volume of every commodity left unserved (units/yr). */
  readonly addedUnmet: number;
  /** Money cost added over all delivered flows (USD/yr). */
  readonly addedCostUsd: number;
  /** Transit time added over all delivered flows (unit-days/yr). */
  readonly addedUnitDays: number;
}

/** Result of {@link criticality}. */
export interface CriticalityResult {
  /** The run with nothing removed. */
  readonly reference: SimulationResult;
  /** Most critical first. */
  readonly ranking: readonly CriticalityEntry[];
}

function totals(r: SimulationResult) {
  let cost = 0;
  let unitDays = 0;
  let unmet = 0;
  for (const od of r.ods) {
    if (od.delivered > 0) {
      cost += od.delivered * od.meanCostUsd;
      unitDays += od.delivered * od.meanTransitDays;
    }
    unmet += od.unmet;
  }
  return { cost, unitDays, unmet };
}

/**
 * Rank links and nodes by the damage their loss does.
 *
 * @param input - network and demand
 * @param options - reference scenario, year, solver, which elements, commodity
 * @returns the reference run and the ranking
 * @throws InvalidArgumentError when input is not { network, demand }, options is not an object or sets
 *   `warmStart`, `options.elements` is not 'links', 'nodes' or 'both', `options.commodity` is not a
 *   commodity of the network, or `options.scenario` is not a Scenario; ValidationError when the
 *   scenario built in code is invalid for the network (argument `options.scenario`)
 * @example const { ranking } = await criticality(eurasia, { year: 2024 }); ranking[0].id
 * @remarks Runs one simulation per flow-carrying element.
 */
export async function criticality(
  input: SimulationInput,
  options: CriticalityOptions = {},
): Promise<CriticalityResult> {
  options = optionsOf(options, MODULE);
  requireSimulationInput(input, MODULE);
  const { scenario, elements = 'both', commodity, ...simulateOptions } = options;
  if (!(ELEMENTS as readonly unknown[]).includes(elements)) {
    throw new InvalidArgumentError(
      MODULE,
      'options.elements',
      `must be 'links', 'nodes' or 'both', got ${describeValue(elements)}`,
    );
  }
  if (
    commodity !== undefined &&
    (typeof commodity !== 'string' || !Object.hasOwn(input.network.commodities, commodity))
  ) {
    throw new InvalidArgumentError(
      MODULE,
      'options.commodity',
      `must be a commodity of the network (${Object.keys(input.network.commodities).join(', ')}), got ${describeValue(commodity)}`,
    );
  }
  if (scenario !== undefined)
    requireScenario(scenario, input.network, input.demand, MODULE, 'options.scenario');
  rejectWarmStart(simulateOptions, MODULE, 'every removal starts from the reference run');
  const base: Scenario = scenario ?? { id: 'baseline', name: 'Baseline', operations: [] };
  const reference = await simulate(input, base, simulateOptions);
  const ref = totals(reference);
  const candidates: { id: string; kind: 'link' | 'node' }[] = [];
  if (elements !== 'nodes') {
    for (const link of reference.links) {
      if (link.flow > 0 && (commodity === undefined || link.commodity === commodity))
        candidates.push({ id: link.id, kind: 'link' });
    }
  }
  if (elements !== 'links') {
    for (const node of reference.nodes) {
      const carried =
        commodity === undefined
          ? Object.values(node.flow).some((v) => v > 0)
          : (node.flow[commodity] ?? 0) > 0;
      if (carried) candidates.push({ id: node.id, kind: 'node' });
    }
  }
  const ranking: CriticalityEntry[] = [];
  for (const candidate of candidates) {
    const removal: Scenario = {
      id: `${base.id}-without-${candidate.id}`,
      name: `${base.name} without ${candidate.id}`,
      operations: [
        ...base.operations,
        candidate.kind === 'link'
          ? { kind: 'close-links', target: { links: [candidate.id] } }
          : { kind: 'close-nodes', nodes: [candidate.id] },
      ],
    };
    const run = await simulate(input, removal, { ...simulateOptions, warmStart: reference });
    const t = totals(run);
    ranking.push({
      ...candidate,
      lostThroughputTeu: reference.throughputTeu - run.throughputTeu,
      addedDivertedTeu: run.divertedTeu - reference.divertedTeu,
      addedUnmet: t.unmet - ref.unmet,
      addedCostUsd: t.cost - ref.cost,
      addedUnitDays: t.unitDays - ref.unitDays,
    });
  }
  ranking.sort(
    (a, b) =>
      b.lostThroughputTeu - a.lostThroughputTeu ||
      b.addedUnmet - a.addedUnmet ||
      b.addedCostUsd - a.addedCostUsd ||
      a.id.localeCompare(b.id),
  );
  return { reference, ranking };
}
