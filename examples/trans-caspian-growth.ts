/**
 * What if the Trans-Caspian route really reaches 500,000 containers a year?
 *
 * The seed article of the project (Euractiv, on Kazakhstan's place in Eurasia) cites the goal of
 * 500,000 containers a year on the Trans-Caspian route (the Middle Corridor). The bundled `titr-x5`
 * scenario carries that goal as a timeline: the Middle Corridor's Caspian crossings get five times
 * their capacity from 2030. This example projects it year by year and prints, next to the goal:
 * - the capacity of the Caspian crossings the dataset assigns to the Middle Corridor,
 * - the China→Europe containers the model sends over the Middle Corridor,
 * once with titr-x5 alone and once with titr-x5 plus avoid-russia's refusing shippers.
 *
 * Read the volumes with care: the Eurasia dataset models China→Europe containers only (README, "Known
 * limitations"); other traffic on the route is represented only through capacities. The goal counts
 * every container on the route, so compare it with the capacity first and the China→Europe volume
 * second.
 *
 * Run from the repository root: npx tsx examples/trans-caspian-growth.ts
 */

import { pathToFileURL } from 'node:url';
import {
  composeScenarios,
  corridorLinks,
  DEFAULT_UNIT_FACTORS,
  formatNumber,
  formatTable,
  loadDataset,
  loadScenario,
  project,
  type Scenario,
  toTeuPerYear,
} from 'corridor-sim';

/** The seed figure, in the seed article's unit (Euractiv 2023: source E1 in data/eurasia/sources.json). */
export const SEED_GOAL = '500000 container/year';

/** One projected year. */
export interface YearRow {
  readonly year: number;
  /** The demand year used (the latest dated demand is carried forward past its last year). */
  readonly demandYear: number;
  readonly status: string;
  /** Capacity of the Middle Corridor's Caspian crossings, TEU per year. */
  readonly caspianCapacityTeu: number;
  /** China→Europe containers on the Middle Corridor, TEU per year. */
  readonly middleCorridorTeu: number;
}

/** One projected timeline. */
export interface Projection {
  readonly scenario: string;
  readonly name: string;
  readonly rows: readonly YearRow[];
}

/** The figures this example prints. */
export interface TransCaspianFigures {
  /** The seed goal in TEU per year. */
  readonly goalTeu: number;
  /** TEU per container used for the conversion. */
  readonly teuPerContainer: number;
  readonly projections: readonly Projection[];
}

/** Project titr-x5, alone and with shippers avoiding Russia, over `years`. */
export async function run(
  years: readonly number[] = [2024, 2025, 2026, 2027, 2028, 2029, 2030],
): Promise<TransCaspianFigures> {
  const eurasia = loadDataset('eurasia');

  // Containers → TEU with the library's unit factors. DEFAULT_UNIT_FACTORS.containerTeu is 1 TEU per
  // container, because the Kazakh presidency states the same goal as 500,000 TEU a year by 2030
  // (source S34 in data/eurasia/sources.json; the reasoning is in the docs of `UnitFactors`). Pass
  // `{ containerTeu: 2 }` to toTeuPerYear if you read the goal as forty-foot containers.
  const goalTeu = toTeuPerYear(SEED_GOAL);

  // titr-x5 is the baseline's timelines plus the fivefold Caspian capacity from 2030.
  const titr = loadScenario('titr-x5');
  // The same, with avoid-russia's own operation added: a share of shippers refuse Russian transit.
  // Both bundled scenarios start with the dataset timelines; composeScenarios applies an operation
  // they both include once, so the composition is titr-x5 followed by avoid-russia's own operation.
  const titrAndRefusal = composeScenarios('titr-x5+avoid-russia', titr, loadScenario('avoid-russia'));

  // The links of the Middle Corridor, as the dataset defines it (its Caspian crossings).
  const middleLinks = corridorLinks(eurasia.network, 'middle');

  const projectTimeline = async (timeline: Scenario): Promise<Projection> => {
    // One simulation per year, each warm-started from the year before. Past the last year of the
    // dataset's demand (2025) the latest demand is carried forward (`demandYear`); add a
    // `demand-growth` operation to the timeline to grow it.
    const results = await project(eurasia, timeline, years);
    return {
      scenario: timeline.id,
      name: timeline.name,
      rows: results.map((r) => ({
        year: r.year,
        demandYear: r.demandYear,
        status: r.status,
        // link capacities in the result are annual averages after the scenario's dated operations
        caspianCapacityTeu: r.links
          .filter((l) => middleLinks.has(l.id))
          .reduce((sum, l) => sum + l.capacity, 0),
        middleCorridorTeu:
          r.corridors.find((c) => c.commodity === 'container' && c.id === 'middle')?.volume ?? 0,
      })),
    };
  };

  return {
    goalTeu,
    teuPerContainer: DEFAULT_UNIT_FACTORS.containerTeu,
    projections: [await projectTimeline(titr), await projectTimeline(titrAndRefusal)],
  };
}

const percent = (share: number) => `${(100 * share).toFixed(1)} %`;

/** The figures as text. */
export function report(figures: TransCaspianFigures): string {
  const lines = [
    `Seed goal: ${SEED_GOAL} = ${formatNumber(figures.goalTeu)} TEU/year` +
      ` (${figures.teuPerContainer} TEU per container, the library's default factor)`,
  ];
  for (const p of figures.projections) {
    lines.push(
      '',
      `${p.scenario}: ${p.name}`,
      formatTable(
        [
          'year',
          'demand of',
          'status',
          'Caspian capacity TEU',
          '% of goal',
          'Middle Corridor TEU',
          '% of goal',
        ],
        p.rows.map((r) => [
          String(r.year),
          String(r.demandYear),
          r.status,
          r.caspianCapacityTeu,
          percent(r.caspianCapacityTeu / figures.goalTeu),
          r.middleCorridorTeu,
          percent(r.middleCorridorTeu / figures.goalTeu),
        ]),
      ),
    );
  }
  return lines.join('\n');
}

// Print only when run as a script, not when imported by a test.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(report(await run()));
}
