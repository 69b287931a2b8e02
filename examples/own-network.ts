/**
 * Embedding the engine: your own network, demand and scenario.
 *
 * Builds a six-node network with two corridors from China to Poland (one through Russia, one across
 * the Caspian), a demand with two shipper segments and a scenario, all as plain JSON-like documents
 * written in code, validates them with `parseNetwork` / `parseDemand` / `parseScenario`, simulates,
 * and prints the corridor volumes and shares with and without the scenario. Then it feeds in a broken
 * network and a bad option to show the typed errors (`isCorridorSimError`).
 *
 * The numbers in the documents are illustrative, not data: replace them with your own. The same
 * documents could come from JSON files (`parseNetwork(JSON.parse(text))`).
 *
 * Run from the repository root: npx tsx examples/own-network.ts
 */

import { pathToFileURL } from 'node:url';
import {
  type DemandDocument,
  formatNumber,
  formatPath,
  formatTable,
  isCorridorSimError,
  type NetworkDocument,
  parseDemand,
  parseNetwork,
  parseScenario,
  type ScenarioDocument,
  type SimulationResult,
  simulate,
} from 'corridor-sim';

/** The network: nodes, links (capacities in TEU per year, days, USD per TEU) and corridors. */
export const networkDocument: NetworkDocument = {
  format: 'corridor-sim/network',
  version: 1,
  meta: { name: 'two-routes', description: 'Illustrative network of the own-network example', year: 2025 },
  commodities: { container: { name: 'Containers', unit: 'TEU' } },
  nodes: [
    { id: 'xian', name: "Xi'an", country: 'CN', kind: 'city', lon: 108.94, lat: 34.34 },
    { id: 'almaty', name: 'Almaty', country: 'KZ', kind: 'hub', lon: 76.91, lat: 43.25 },
    { id: 'moscow', name: 'Moscow', country: 'RU', kind: 'hub', lon: 37.62, lat: 55.75 },
    {
      id: 'aktau',
      name: 'Aktau port',
      country: 'KZ',
      kind: 'port',
      lon: 51.16,
      lat: 43.65,
      // a terminal with a handling capacity: it queues when full
      handling: { container: { capacityPerYear: 60_000, costUsdPerUnit: 100, dwellDays: 1 } },
    },
    { id: 'baku', name: 'Baku port', country: 'AZ', kind: 'port', lon: 49.87, lat: 40.41 },
    { id: 'warsaw', name: 'Warsaw', country: 'PL', kind: 'terminal', lon: 21.01, lat: 52.23 },
  ],
  links: [
    link('xian-almaty', 'xian', 'almaty', 'rail', ['CN', 'KZ'], 500_000, 5, 900, 3600),
    link('almaty-moscow', 'almaty', 'moscow', 'rail', ['KZ', 'RU'], 300_000, 5, 1100, 3800),
    link('moscow-warsaw', 'moscow', 'warsaw', 'rail', ['RU', 'BY', 'PL'], 300_000, 2, 600, 1300),
    link('almaty-aktau', 'almaty', 'aktau', 'rail', ['KZ'], 150_000, 3, 500, 2800),
    link('aktau-baku', 'aktau', 'baku', 'ferry', ['KZ', 'AZ'], 80_000, 1, 700, 460),
    link(
      'baku-warsaw',
      'baku',
      'warsaw',
      'rail',
      ['AZ', 'GE', 'TR', 'BG', 'RO', 'PL'],
      150_000,
      6,
      1000,
      4200,
    ),
  ],
  corridors: [
    {
      id: 'northern',
      name: 'via Russia',
      commodity: 'container',
      waypoints: ['almaty', 'moscow', 'warsaw'],
      overland: true,
    },
    {
      id: 'middle',
      name: 'across the Caspian',
      commodity: 'container',
      waypoints: ['aktau', 'baku', 'warsaw'],
      overland: true,
    },
  ],
};

/** A link of the network document (positional arguments keep the table above readable). */
function link(
  id: string,
  from: string,
  to: string,
  mode: 'rail' | 'ferry',
  countries: string[],
  capacityPerYear: number,
  transitDays: number,
  costUsdPerUnit: number,
  distanceKm: number,
): NetworkDocument['links'][number] {
  return {
    id,
    from,
    to,
    mode,
    commodity: 'container',
    countries,
    capacityPerYear,
    transitDays,
    costUsdPerUnit,
    distanceKm,
  };
}

/** The demand: 200,000 TEU a year from Xi'an to Warsaw, a fifth of it from shippers refusing Russia. */
export const demandDocument: DemandDocument = {
  format: 'corridor-sim/demand',
  version: 1,
  segments: [
    { id: 'standard', name: 'Shippers', valueOfTimeUsdPerUnitDay: 40 },
    {
      id: 'no-russia',
      name: 'Shippers refusing Russia',
      valueOfTimeUsdPerUnitDay: 40,
      avoidCountries: ['RU'],
    },
  ],
  flows: [
    {
      id: 'xian-warsaw',
      origin: 'xian',
      destination: 'warsaw',
      commodity: 'container',
      volumePerYear: 200_000,
      segmentShares: { standard: 0.8, 'no-russia': 0.2 },
    },
  ],
};

/** The scenario: a risk premium on every link touching Russia. */
export const scenarioDocument: ScenarioDocument = {
  format: 'corridor-sim/scenario',
  version: 1,
  id: 'russia-premium',
  name: 'Risk premium of 1,000 USD per TEU through Russia',
  operations: [{ kind: 'surcharge', target: { countries: ['RU'] }, costUsdPerUnit: 1000 }],
};

/** The figures of one run. */
export interface RunFigures {
  readonly scenario: string;
  readonly status: string;
  /** Overland China→Europe TEU per year. */
  readonly throughputTeu: number;
  /** Corridor id → TEU per year and share. */
  readonly corridors: Readonly<Record<string, { readonly volume: number; readonly share: number }>>;
  /** Country → share of overland China→Europe volume transiting it. */
  readonly countryTransitShare: Readonly<Record<string, number>>;
}

/** A typed error caught from bad input. */
export interface CaughtError {
  readonly code: string;
  readonly message: string;
  /** For validation errors: every issue with its JSON path. */
  readonly issues: readonly { readonly path: string; readonly message: string }[];
}

/** The figures this example prints. */
export interface OwnNetworkFigures {
  readonly baseline: RunFigures;
  readonly withScenario: RunFigures;
  readonly errors: readonly CaughtError[];
}

/** What this example reads from a result. */
export function figuresOf(result: SimulationResult): RunFigures {
  return {
    scenario: result.scenario,
    status: result.status,
    throughputTeu: result.throughputTeu,
    corridors: Object.fromEntries(result.corridors.map((c) => [c.id, { volume: c.volume, share: c.share }])),
    countryTransitShare: result.countryTransitShare,
  };
}

/** Run `action` and return the corridor-sim error it throws (other errors are bugs: rethrown). */
async function caught(action: () => unknown): Promise<CaughtError> {
  try {
    await action();
  } catch (error) {
    if (!isCorridorSimError(error)) throw error;
    // `code` tells the kind of error (and narrows its type); a validation error lists every issue with
    // its JSON path
    const issues = error.code === 'validation' ? error.issues : [];
    return {
      code: error.code,
      message: error.message,
      issues: issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  }
  throw new Error('expected a corridor-sim error');
}

/** Validate the documents, simulate with and without the scenario, and provoke two typed errors. */
export async function run(): Promise<OwnNetworkFigures> {
  // Parse once: the parsed network, demand and scenario are frozen and checked once, so they cost
  // nothing to validate again in every simulation.
  const network = parseNetwork(networkDocument);
  const demand = parseDemand(demandDocument, network);
  const scenario = parseScenario(scenarioDocument, network, demand);

  // The year defaults to the network's `meta.year`; the flows are undated, so they apply every year.
  const baseline = await simulate({ network, demand }, undefined);
  const withScenario = await simulate({ network, demand }, scenario);

  const errors = [
    // A broken document: a negative capacity and an unknown country code (both reported at once).
    await caught(() =>
      parseNetwork({
        ...networkDocument,
        links: [
          ...networkDocument.links,
          {
            ...link('baku-warsaw-2', 'baku', 'warsaw', 'rail', ['AZ', 'ZZ'], 1, 1, 1, 1),
            capacityPerYear: -1,
          },
        ],
      }),
    ),
    // A bad option: years are integers.
    await caught(() => simulate({ network, demand }, scenario, { year: 2025.5 })),
  ];

  return { baseline: figuresOf(baseline), withScenario: figuresOf(withScenario), errors };
}

const percent = (share: number) => `${(100 * share).toFixed(1)} %`;

/** The figures as text. */
export function report(figures: OwnNetworkFigures): string {
  const runs = [figures.baseline, figures.withScenario];
  const countries = Object.keys(figures.withScenario.countryTransitShare);
  return [
    formatTable(
      ['', ...runs.map((r) => r.scenario)],
      [
        ['status', ...runs.map((r) => r.status)],
        ['overland TEU/yr', ...runs.map((r) => formatNumber(r.throughputTeu))],
        ...Object.keys(figures.baseline.corridors).map((id) => [
          `${id} TEU/yr (share)`,
          ...runs.map(
            (r) => `${formatNumber(r.corridors[id]?.volume ?? 0)} (${percent(r.corridors[id]?.share ?? 0)})`,
          ),
        ]),
        ...countries.map((c) => [
          `transit share ${c}`,
          ...runs.map((r) => percent(r.countryTransitShare[c] ?? 0)),
        ]),
      ],
    ),
    '',
    'Typed errors from bad input:',
    ...figures.errors.flatMap((e) => [
      `- ${e.code}: ${e.message.split('\n')[0]}`,
      ...e.issues.map((i) => `    ${i.path}: ${i.message}`),
    ]),
  ].join('\n');
}

// Print only when run as a script, not when imported by a test.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(report(await run()));
}
