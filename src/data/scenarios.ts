/**
 * Bundled scenarios
 * =================
 *
 * The scenarios shipped in data/scenarios/ for the eurasia dataset: `baseline` (every dated change the
 * dataset records), `avoid-russia`, `titr-x5`, `bakhty-2028`, `iran-sanctions`, `cpc-closure`,
 * `caspian-winter-storm`, `pl-by-border-closure-2025`. Each applies its dataset timelines (listed in
 * data/scenarios/index.json) and then its own operations. JSON is imported as modules (no fs), parsed and
 * validated against the dataset on first use, and cached.
 *
 * The timeline operations of every bundled scenario are the dataset's own operation objects
 * (`loadDataset` caches them, deep-frozen), so two bundled scenarios share them by identity; a copy of
 * one (a scenario written to JSON and parsed back) is recognized by value with
 * {@link bundledTimelineOperation}. `composeScenarios` relies on both to apply a shared timeline once.
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
import type { Scenario, ScenarioOp } from '../model/scenario.js';
import { listDatasets, loadDataset } from './datasets.js';
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

/**
 * A key that is equal for two operations exactly when they are equal as JSON values: object keys
 * sorted, properties that are `undefined` left out (as JSON does). Internal: not part of the public API.
 *
 * @param op - an operation (any value: scenarios are validated where they are used, not here)
 * @returns the key, or undefined when `op` is not a JSON value (a cycle, a function, a bigint, a getter
 *   that throws): such a value equals nothing but itself
 * @example operationFingerprint({ factor: 2, kind: 'scale-capacity', target: {} }) ===
 *   operationFingerprint({ kind: 'scale-capacity', target: {}, factor: 2 }) // true
 * @remarks Complexity O(size of the operation).
 */
export function operationFingerprint(op: unknown): string | undefined {
  const ancestors = new Set<object>();
  const write = (value: unknown): string | undefined => {
    // numbers as JSON writes them (NaN and ±Infinity as null, −0 as 0): a copy through JSON keeps its key
    if (value === null || typeof value !== 'object') {
      return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string'
        ? JSON.stringify(value)
        : value === null
          ? 'null'
          : undefined;
    }
    if (ancestors.has(value)) return undefined;
    ancestors.add(value);
    let parts: (string | undefined)[];
    if (Array.isArray(value)) {
      parts = Array.from(value, (item) => (item === undefined ? 'null' : write(item)));
    } else {
      const record = value as Record<string, unknown>;
      parts = Object.keys(record)
        .sort()
        .filter((key) => record[key] !== undefined)
        .map((key) => {
          const text = write(record[key]);
          return text === undefined ? undefined : `${JSON.stringify(key)}:${text}`;
        });
    }
    ancestors.delete(value);
    if (parts.some((p) => p === undefined)) return undefined;
    return Array.isArray(value) ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
  };
  try {
    return write(op);
  } catch {
    return undefined; // a getter or proxy that throws
  }
}

let timelineOperations: Map<string, ScenarioOp> | undefined;

/**
 * The operation of a bundled dataset timeline that equals, as a JSON value, the operation with this
 * fingerprint: the dataset's own (frozen, shared) object, so that a copy of a timeline operation and
 * the operation itself can be told to be the same change. Internal: not part of the public API.
 *
 * @param fingerprint - {@link operationFingerprint} of an operation
 * @returns the first timeline operation (in dataset and timeline order) with that value, or undefined
 * @example bundledTimelineOperation(operationFingerprint(structuredClone(loadScenario('baseline').operations[0])))
 *   === loadScenario('baseline').operations[0] // true
 * @remarks The first call loads every bundled dataset (O(size of the datasets)); later calls are O(1).
 */
export function bundledTimelineOperation(fingerprint: string): ScenarioOp | undefined {
  if (!timelineOperations) {
    const found = new Map<string, ScenarioOp>();
    for (const { name } of listDatasets()) {
      for (const timeline of loadDataset(name).timelines) {
        for (const op of timeline.operations) {
          const key = operationFingerprint(op);
          if (key !== undefined && !found.has(key)) found.set(key, op);
        }
      }
    }
    timelineOperations = found;
  }
  return timelineOperations.get(fingerprint);
}
