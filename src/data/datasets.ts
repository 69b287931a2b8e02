/**
 * Bundled datasets
 * ================
 *
 * `loadDataset(name)` returns a validated, ready-to-use dataset shipped with the package: the network,
 * the demand, the dated timelines (scenario documents), the source registry that every figure's
 * provenance points into, and metadata (description and the published figures a calibrated model should
 * reproduce). The JSON is imported as JSON modules, so it is bundled with the code and works in Node
 * (ESM and CJS) and in browsers, with no file-system access. Each dataset is parsed and validated once,
 * on first use, then served from a cache; the returned objects are frozen.
 *
 * `auditProvenance(dataset)` lists every numeric figure of a dataset that lacks provenance, whose
 * source ids do not resolve, or that lies outside its own `low`/`high` range.
 *
 * Datasets: `eurasia` (China–Europe container corridors via Kazakhstan and Kazakh crude exports; see
 * docs/dataset.md) and `sample` (a hand-made two-corridor teaching network).
 */

import { z } from 'zod';
import eurasiaDemand from '../../data/eurasia/demand.json' with { type: 'json' };
import eurasiaMeta from '../../data/eurasia/meta.json' with { type: 'json' };
import eurasiaNetwork from '../../data/eurasia/network.json' with { type: 'json' };
import eurasiaSources from '../../data/eurasia/sources.json' with { type: 'json' };
import aktauPortExpansion from '../../data/eurasia/timelines/aktau-port-expansion.json' with { type: 'json' };
import bakhtyCrossing from '../../data/eurasia/timelines/bakhty-crossing.json' with { type: 'json' };
import bakuAlatExpansion from '../../data/eurasia/timelines/baku-alat-expansion.json' with { type: 'json' };
import btkModernisation from '../../data/eurasia/timelines/btk-modernisation.json' with { type: 'json' };
import caspianFeederFleet from '../../data/eurasia/timelines/caspian-feeder-fleet.json' with { type: 'json' };
import chinaKazakhstanExchange from '../../data/eurasia/timelines/china-kazakhstan-exchange.json' with {
  type: 'json',
};
import dostykMoyyntySecondTrack from '../../data/eurasia/timelines/dostyk-moyynty-second-track.json' with {
  type: 'json',
};
import redSeaDiversion from '../../data/eurasia/timelines/red-sea-diversion.json' with { type: 'json' };
import seaFreightRates from '../../data/eurasia/timelines/sea-freight-rates.json' with { type: 'json' };
import titrFivefold from '../../data/eurasia/timelines/titr-fivefold.json' with { type: 'json' };
import sampleDemand from '../../data/samples/two-corridors.demand.json' with { type: 'json' };
import sampleNetwork from '../../data/samples/two-corridors.json' with { type: 'json' };
import type { Demand } from '../model/demand.js';
import {
  describeValue,
  InvalidArgumentError,
  NotFoundError,
  requireObject,
  ValidationError,
  type ValidationIssue,
} from '../model/errors.js';
import { deepFreeze } from '../model/freeze.js';
import { listLinks, listNodes, type Network, type Provenance, type ProvenanceMap } from '../model/network.js';
import type { Scenario } from '../model/scenario.js';
import { parseDemand } from './demand-format.js';
import { fromZodIssues } from './issues.js';
import { parseNetwork } from './network-format.js';
import { parseScenario } from './scenario-format.js';

const MODULE = 'corridor-sim/datasets';

/** One entry of a dataset's source registry. */
export interface SourceRecord {
  /** Id used in provenance (`S22`, `C1`, `W3` ...). */
  readonly id: string;
  /** Title of the page or document. */
  readonly title: string;
  /** Publisher or outlet. */
  readonly publisher: string;
  /** Publication year, or the year an undated page was read (see `yearKind`). */
  readonly year: number;
  /** Whether `year` is the publication year or the year the page was read. */
  readonly yearKind: 'published' | 'accessed';
  /** URL, or where the document can be found. */
  readonly address: string;
  /** What the source says that the dataset uses. */
  readonly description?: string;
  /** Id of another entry for the same document. */
  readonly sameAs?: string;
  /** `low` for outlets flagged as low reliability and for public files to verify. */
  readonly reliability?: 'low';
}

/** A published figure a calibrated model should reproduce (a check on output, never an input). */
export interface DatasetTarget {
  /** Stable id. */
  readonly id: string;
  /** What is measured. */
  readonly description: string;
  /** Unit (`share`, `TEU/yr`, `days` ...). */
  readonly unit: string;
  /** Single published value. */
  readonly value?: number;
  /** Lowest published value. */
  readonly low?: number;
  /** Highest published value. */
  readonly high?: number;
  /** Values by year. */
  readonly byYear?: Readonly<Record<string, number>>;
  /** Source ids (resolvable in the dataset's sources). */
  readonly sources: readonly string[];
  /** Caveats. */
  readonly note?: string;
}

/** Descriptive metadata of a dataset. */
export interface DatasetMeta {
  /** Dataset name (`eurasia`). */
  readonly name: string;
  /** Human title. */
  readonly title: string;
  /** Longer description. */
  readonly description: string;
  /** Reference year of capacities, times and costs. */
  readonly referenceYear?: number;
  /** Years covered by the demand, per commodity. */
  readonly demandYears: Readonly<Record<string, readonly number[]>>;
  /** Published figures to compare model output with. */
  readonly targets: readonly DatasetTarget[];
}

/** A loaded dataset. */
export interface Dataset {
  /** Dataset name. */
  readonly name: string;
  /** The validated network. */
  readonly network: Network;
  /** The validated demand. */
  readonly demand: Demand;
  /** Dated capacity changes, one scenario each (compose them with the user's own scenarios). */
  readonly timelines: readonly Scenario[];
  /** Source registry, by id. */
  readonly sources: ReadonlyMap<string, SourceRecord>;
  /** Description and calibration targets. */
  readonly meta: DatasetMeta;
}

/** Summary of a bundled dataset, from {@link listDatasets}. */
export interface DatasetInfo {
  /** Name to pass to {@link loadDataset}. */
  readonly name: string;
  /** Human title. */
  readonly title: string;
  /** Longer description. */
  readonly description: string;
}

interface RawDataset {
  readonly title: string;
  readonly description: string;
  readonly network: unknown;
  readonly demand: unknown;
  readonly timelines: readonly unknown[];
  readonly sources?: unknown;
  readonly meta?: unknown;
}

const RAW: Readonly<Record<string, RawDataset>> = {
  eurasia: {
    title: eurasiaMeta.title,
    description: eurasiaMeta.description,
    network: eurasiaNetwork,
    demand: eurasiaDemand,
    timelines: [
      titrFivefold,
      dostykMoyyntySecondTrack,
      bakhtyCrossing,
      btkModernisation,
      aktauPortExpansion,
      bakuAlatExpansion,
      caspianFeederFleet,
      chinaKazakhstanExchange,
      seaFreightRates,
      redSeaDiversion,
    ],
    sources: eurasiaSources,
    meta: eurasiaMeta,
  },
  sample: {
    title: 'Two corridors (teaching sample)',
    description:
      "A hand-made network of a dozen nodes: the Northern and Middle corridors from Xi'an to Duisburg. Capacities, times and costs are round illustrative assumptions, not data.",
    network: sampleNetwork,
    demand: sampleDemand,
    timelines: [],
  },
};

const sourceSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().min(1),
  year: z.number().int().min(1900).max(2100),
  yearKind: z.enum(['published', 'accessed']),
  address: z.string().min(1),
  description: z.string().optional(),
  sameAs: z.string().optional(),
  reliability: z.literal('low').optional(),
});

const sourcesDocumentSchema = z.strictObject({
  format: z.literal('corridor-sim/sources'),
  version: z.literal(1),
  dataset: z.string(),
  note: z.string().optional(),
  sources: z.array(sourceSchema),
});

const targetSchema = z.strictObject({
  id: z.string().min(1),
  description: z.string(),
  unit: z.string(),
  value: z.number().optional(),
  low: z.number().optional(),
  high: z.number().optional(),
  byYear: z.record(z.string(), z.number()).optional(),
  sources: z.array(z.string()).min(1),
  note: z.string().optional(),
});

const metaDocumentSchema = z.strictObject({
  format: z.literal('corridor-sim/dataset-meta'),
  version: z.literal(1),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  referenceYear: z.number().int().optional(),
  demandYears: z.record(z.string(), z.array(z.number().int())),
  timelines: z.array(z.string()),
  targets: z.array(targetSchema),
});

function parseSources(input: unknown): Map<string, SourceRecord> {
  const parsed = sourcesDocumentSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError('sources', fromZodIssues(parsed.error.issues, input));
  const out = new Map<string, SourceRecord>();
  const issues: ValidationIssue[] = [];
  parsed.data.sources.forEach((s, i) => {
    if (out.has(s.id)) {
      issues.push({
        code: 'duplicate_id',
        path: ['sources', i, 'id'],
        message: `duplicate source id ${JSON.stringify(s.id)}`,
      });
    }
    const clean = Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined));
    out.set(s.id, deepFreeze(clean as unknown as SourceRecord));
  });
  if (issues.length > 0) throw new ValidationError('sources', issues);
  return out;
}

function parseMeta(name: string, raw: RawDataset): DatasetMeta {
  if (raw.meta === undefined) {
    return deepFreeze({ name, title: raw.title, description: raw.description, demandYears: {}, targets: [] });
  }
  const parsed = metaDocumentSchema.safeParse(raw.meta);
  if (!parsed.success)
    throw new ValidationError('dataset meta', fromZodIssues(parsed.error.issues, raw.meta));
  const { format: _f, version: _v, timelines: _t, ...rest } = parsed.data;
  const targets = rest.targets.map((t) =>
    Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)),
  );
  return deepFreeze({ ...rest, targets } as unknown as DatasetMeta);
}

const cache = new Map<string, Dataset>();

/**
 * The bundled datasets.
 *
 * @returns name, title and description of each dataset, in a stable order
 * @example listDatasets().map((d) => d.name) // ['eurasia', 'sample']
 * @remarks Complexity O(number of datasets); parses nothing.
 */
export function listDatasets(): DatasetInfo[] {
  return Object.entries(RAW).map(([name, raw]) => ({ name, title: raw.title, description: raw.description }));
}

/**
 * Load a bundled dataset: validate its network, demand, timelines, sources and metadata on first use,
 * then return the cached, frozen result.
 *
 * @param name - dataset name (see {@link listDatasets}): `eurasia` or `sample`
 * @returns the dataset
 * @throws InvalidArgumentError when `name` is not a string; NotFoundError for an unknown name;
 *   ValidationError if a bundled document is invalid (a packaging bug)
 * @example
 * const { network, demand, timelines } = loadDataset('eurasia');
 * @remarks The first call parses the documents (O(size of the dataset)); later calls are O(1).
 */
export function loadDataset(name: string): Dataset {
  if (typeof name !== 'string') {
    throw new InvalidArgumentError(
      MODULE,
      'name',
      `must be a dataset name string, got ${describeValue(name)}`,
    );
  }
  const cached = cache.get(name);
  if (cached) return cached;
  const raw = Object.hasOwn(RAW, name) ? RAW[name] : undefined;
  if (!raw) throw new NotFoundError(MODULE, 'dataset', name);
  const network = parseNetwork(raw.network);
  const demand = parseDemand(raw.demand, network);
  const timelines = Object.freeze(raw.timelines.map((t) => deepFreeze(parseScenario(t, network, demand))));
  const sources = raw.sources === undefined ? new Map<string, SourceRecord>() : parseSources(raw.sources);
  const dataset: Dataset = Object.freeze({
    name,
    network,
    demand,
    timelines,
    sources,
    meta: parseMeta(name, raw),
  });
  cache.set(name, dataset);
  return dataset;
}

/** One problem found by {@link auditProvenance}. */
export interface ProvenanceIssue {
  /** Where: `node xian`, `link dostyk-moyynty`, `flow xian-duisburg@2023`, `timeline titr-fivefold#0` ... */
  readonly where: string;
  /** The field (`capacityPerYear`, `coordinates`, `handling.container.dwellDays` ...). */
  readonly field: string;
  /** What is wrong. */
  readonly message: string;
}

function checkOne(
  where: string,
  field: string,
  value: number | undefined,
  provenance: ProvenanceMap | undefined,
  sources: ReadonlyMap<string, SourceRecord>,
  out: ProvenanceIssue[],
): void {
  const p: Provenance | undefined = provenance?.[field];
  if (!p) {
    out.push({ where, field, message: 'has no provenance' });
    return;
  }
  const ids = p.sources ?? [];
  if (ids.length === 0 && !p.assumption) {
    out.push({ where, field, message: 'provenance names neither a source nor an assumption' });
  }
  for (const id of ids) {
    if (!sources.has(id))
      out.push({ where, field, message: `source ${JSON.stringify(id)} does not resolve` });
  }
  if (value !== undefined && Number.isFinite(value)) {
    if (p.low !== undefined && value < p.low - 1e-9)
      out.push({ where, field, message: `value ${value} is below low ${p.low}` });
    if (p.high !== undefined && value > p.high + 1e-9)
      out.push({ where, field, message: `value ${value} is above high ${p.high}` });
  }
}

/**
 * Audit the provenance of every numeric figure of a dataset: node coordinates, dwell, gauges and
 * handling; link capacity, time, cost and distance; segment values of time; flow volumes and segment
 * shares; the figures and dates of timeline operations. Each must have provenance naming sources that
 * resolve in the dataset's registry, or an explicit assumption, and lie inside its own `low`/`high`.
 *
 * @param dataset - a loaded dataset
 * @returns every problem found (empty when the dataset is fully sourced)
 * @example auditProvenance(loadDataset('eurasia')) // []
 * @remarks Complexity O(figures × sources per figure).
 */
export function auditProvenance(dataset: Dataset): ProvenanceIssue[] {
  requireObject(dataset, MODULE, 'dataset', 'a Dataset from loadDataset');
  const out: ProvenanceIssue[] = [];
  const { sources } = dataset;
  for (const node of listNodes(dataset.network)) {
    const where = `node ${node.id}`;
    checkOne(where, 'coordinates', undefined, node.provenance, sources, out);
    if (node.dwellDays !== undefined)
      checkOne(where, 'dwellDays', node.dwellDays, node.provenance, sources, out);
    if (node.gaugesMm !== undefined) checkOne(where, 'gaugesMm', undefined, node.provenance, sources, out);
    for (const [commodity, h] of Object.entries(node.handling ?? {})) {
      for (const key of ['capacityPerYear', 'costUsdPerUnit', 'dwellDays'] as const) {
        const v = h[key];
        if (v !== undefined)
          checkOne(where, `handling.${commodity}.${key}`, v, node.provenance, sources, out);
      }
    }
  }
  for (const link of listLinks(dataset.network)) {
    const where = `link ${link.id}`;
    for (const key of ['capacityPerYear', 'transitDays', 'costUsdPerUnit', 'distanceKm'] as const) {
      const v = link[key];
      if (v !== undefined) checkOne(where, key, v, link.provenance, sources, out);
    }
  }
  for (const segment of dataset.demand.segments) {
    checkOne(
      `segment ${segment.id}`,
      'valueOfTimeUsdPerUnitDay',
      segment.valueOfTimeUsdPerUnitDay,
      segment.provenance,
      sources,
      out,
    );
  }
  for (const flow of dataset.demand.flows) {
    const where = `flow ${flow.id}@${flow.year ?? '*'}`;
    checkOne(where, 'volumePerYear', flow.volumePerYear, flow.provenance, sources, out);
    if (flow.segmentShares) checkOne(where, 'segmentShares', undefined, flow.provenance, sources, out);
  }
  dataset.timelines.forEach((scenario) => {
    scenario.operations.forEach((op, i) => {
      const where = `timeline ${scenario.id}#${i}`;
      for (const [key, value] of Object.entries(op)) {
        if (typeof value === 'number') checkOne(where, key, value, op.provenance, sources, out);
      }
      if (op.from !== undefined) checkOne(where, 'from', undefined, op.provenance, sources, out);
      if (op.until !== undefined) checkOne(where, 'until', undefined, op.provenance, sources, out);
    });
  });
  for (const target of dataset.meta.targets) {
    for (const id of target.sources) {
      if (!sources.has(id))
        out.push({
          where: `target ${target.id}`,
          field: 'sources',
          message: `source ${JSON.stringify(id)} does not resolve`,
        });
    }
  }
  return out;
}
