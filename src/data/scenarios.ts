/**
 * Bundled scenarios
 * =================
 *
 * The scenarios shipped in data/scenarios/ for the eurasia dataset: `baseline` (every dated change the
 * dataset records), `avoid-russia`, `titr-x5`, `bakhty-2028`, `iran-sanctions`, `cpc-closure`,
 * `caspian-winter-storm`, `pl-by-border-closure-2025`. Each applies its dataset timelines (listed in
 * data/scenarios/index.json) and then its own operations. JSON is imported as modules (no fs), parsed and
 * validated against the dataset on first use, and cached.
 */

import avoidRussia from '../../data/scenarios/avoid-russia.json' with { type: 'json' };
import bakhty2028 from '../../data/scenarios/bakhty-2028.json' with { type: 'json' };
import baseline from '../../data/scenarios/baseline.json' with { type: 'json' };
import caspianWinterStorm from '../../data/scenarios/caspian-winter-storm.json' with { type: 'json' };
import cpcClosure from '../../data/scenarios/cpc-closure.json' with { type: 'json' };
import index from '../../data/scenarios/index.json' with { type: 'json' };
import iranSanctions from '../../data/scenarios/iran-sanctions.json' with { type: 'json' };
import plByBorderClosure2025 from '../../data/scenarios/pl-by-border-closure-2025.json' with { type: 'json' };
import titrX5 from '../../data/scenarios/titr-x5.json' with { type: 'json' };
import { describeValue, InvalidArgumentError, NotFoundError } from '../model/errors.js';
import type { Scenario } from '../model/scenario.js';
import { loadDataset } from './datasets.js';
import { parseScenario } from './scenario-format.js';
import { markValidated } from './validated.js';

const MODULE = 'corridor-sim/scenarios';

const DOCUMENTS: Readonly<Record<string, unknown>> = {
  baseline,
  'avoid-russia': avoidRussia,
  'titr-x5': titrX5,
  'bakhty-2028': bakhty2028,
  'iran-sanctions': iranSanctions,
  'cpc-closure': cpcClosure,
  'caspian-winter-storm': caspianWinterStorm,
  'pl-by-border-closure-2025': plByBorderClosure2025,
};

interface IndexEntry {
  readonly id: string;
  readonly dataset: string;
  readonly timelines: readonly string[];
}

const ENTRIES = (index as { scenarios: IndexEntry[] }).scenarios;

/** What {@link listScenarios} returns per scenario. */
export interface ScenarioInfo {
  /** Scenario id. */
  readonly id: string;
  /** Human name. */
  readonly name: string;
  /** Description. */
  readonly description: string;
  /** Dataset it applies to. */
  readonly dataset: string;
  /** Dataset timelines applied before its own operations. */
  readonly timelines: readonly string[];
}

/**
 * The bundled scenarios.
 *
 * @returns id, name, description, dataset and included timelines of each
 */
export function listScenarios(): ScenarioInfo[] {
  return ENTRIES.map((entry) => {
    const doc = DOCUMENTS[entry.id] as { name: string; description?: string };
    return {
      id: entry.id,
      name: doc.name,
      description: doc.description ?? '',
      dataset: entry.dataset,
      timelines: entry.timelines,
    };
  });
}

const cache = new Map<string, Scenario>();

/**
 * Load a bundled scenario: its dataset timelines followed by its own operations, validated against the
 * dataset.
 *
 * @param id - scenario id (see {@link listScenarios})
 * @returns the scenario (deep-frozen, cached), remembered as validated against its dataset's network
 *   and demand: with them, functions taking it skip its validation
 * @throws InvalidArgumentError when `id` is not a string; NotFoundError for an unknown id or timeline;
 *   ValidationError if a bundled file is invalid (a packaging bug)
 * @example simulate(loadDataset('eurasia'), loadScenario('cpc-closure'), { year: 2024 })
 * @remarks The first call per id parses the document (O(size)); later calls are O(1).
 */
export function loadScenario(id: string): Scenario {
  if (typeof id !== 'string') {
    throw new InvalidArgumentError(MODULE, 'id', `must be a scenario id string, got ${describeValue(id)}`);
  }
  const cached = cache.get(id);
  if (cached) return cached;
  const entry = ENTRIES.find((e) => e.id === id);
  const doc = Object.hasOwn(DOCUMENTS, id) ? DOCUMENTS[id] : undefined;
  if (!entry || doc === undefined) throw new NotFoundError(MODULE, 'scenario', id);
  const dataset = loadDataset(entry.dataset);
  const own = parseScenario(doc, dataset.network, dataset.demand);
  const operations = entry.timelines.flatMap((timelineId) => {
    const timeline = dataset.timelines.find((t) => t.id === timelineId);
    if (!timeline) throw new NotFoundError(MODULE, 'timeline', timelineId);
    return timeline.operations;
  });
  // the operations come deep-frozen from parseScenario (timelines and own): freezing the new
  // containers makes the whole scenario deep-frozen
  const scenario: Scenario = Object.freeze({
    id: own.id,
    name: own.name,
    ...(own.description === undefined ? {} : { description: own.description }),
    operations: Object.freeze([...operations, ...own.operations]),
  });
  markValidated(scenario, 'scenario', dataset.network, dataset.demand);
  cache.set(id, scenario);
  return scenario;
}
