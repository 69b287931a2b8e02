/**
 * What if shippers avoid Russia?
 *
 * Simulates 2023 on the bundled Eurasia dataset twice, with the bundled `baseline` scenario and with
 * `avoid-russia` (a share of China→Europe container shippers refuse to transit Russia), and prints:
 * - the container corridors' volumes, shares and transit times in both runs,
 * - Kazakhstan's share of overland China→Europe transit (`countryTransitShare.KZ`),
 * - the full comparison, with the change split between the scenario's own operations (Shapley values).
 *
 * Run from the repository root: npx tsx examples/avoid-russia.ts
 */

import { pathToFileURL } from 'node:url';
import {
  type Attribution,
  attribute,
  type Comparison,
  compare,
  formatComparison,
  formatTable,
  loadDataset,
  loadScenario,
  simulate,
} from 'corridor-sim';

/** One container corridor, before (baseline) and after (avoid-russia). */
export interface CorridorRow {
  readonly id: string;
  readonly name: string;
  /** TEU per year. */
  readonly volumeBefore: number;
  readonly volumeAfter: number;
  /** Share of delivered containers. */
  readonly shareBefore: number;
  readonly shareAfter: number;
  /** Mean transit time, days (NaN when the corridor carries nothing). */
  readonly daysBefore: number;
  readonly daysAfter: number;
}

/** The figures this example prints. */
export interface AvoidRussiaFigures {
  readonly year: number;
  readonly corridors: readonly CorridorRow[];
  /** Share of overland China→Europe transit that passes through Kazakhstan. */
  readonly kazakhstanShare: { readonly baseline: number; readonly avoidRussia: number };
  /** Every figure's change from the baseline to avoid-russia. */
  readonly comparison: Comparison;
  /** The change split between the operations avoid-russia adds to the baseline. */
  readonly attribution: Attribution;
}

/** Simulate both scenarios, compare them and attribute the change. */
export async function run(year = 2023): Promise<AvoidRussiaFigures> {
  const eurasia = loadDataset('eurasia'); // network, demand, timelines and sources, validated
  const baseline = loadScenario('baseline');
  const avoidRussia = loadScenario('avoid-russia');

  // The default solver is the multi-class equilibrium: each shipper segment picks its cheapest route
  // given congestion, and the refusing segment cannot use Russian links.
  const before = await simulate(eurasia, baseline, { year });
  const after = await simulate(eurasia, avoidRussia, { year });

  const corridors = before.corridors
    .filter((c) => c.commodity === 'container')
    .map((c): CorridorRow => {
      const a = after.corridors.find((x) => x.commodity === 'container' && x.id === c.id);
      return {
        id: c.id,
        name: c.name,
        volumeBefore: c.volume,
        volumeAfter: a?.volume ?? 0,
        shareBefore: c.share,
        shareAfter: a?.share ?? 0,
        daysBefore: c.meanTransitDays,
        daysAfter: a?.meanTransitDays ?? Number.NaN,
      };
    });

  // `attribute` runs the scenario with every subset of the operations it adds to `base`. Each bundled
  // scenario starts with the dataset timelines, exactly the baseline's operations, and then lists its
  // own: the timelines run in every run and share none of the change. avoid-russia adds a single
  // operation, which therefore carries the whole change; a scenario of several gets each one's share.
  const attribution = await attribute(eurasia, avoidRussia, { year, base: baseline });

  return {
    year,
    corridors,
    kazakhstanShare: {
      baseline: before.countryTransitShare.KZ ?? 0,
      avoidRussia: after.countryTransitShare.KZ ?? 0,
    },
    comparison: compare(before, after),
    attribution,
  };
}

const percent = (share: number) => `${(100 * share).toFixed(1)} %`;
const days = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

/** The figures as text. */
export function report(figures: AvoidRussiaFigures): string {
  return [
    `Container corridors in ${figures.year}: baseline → avoid-russia (TEU per year)`,
    '',
    formatTable(
      ['corridor', 'TEU before', 'TEU after', 'share before', 'share after', 'days before', 'days after'],
      figures.corridors.map((c) => [
        c.id,
        c.volumeBefore,
        c.volumeAfter,
        percent(c.shareBefore),
        percent(c.shareAfter),
        days(c.daysBefore),
        days(c.daysAfter),
      ]),
    ),
    '',
    `Kazakhstan's share of overland China→Europe transit: ${percent(figures.kazakhstanShare.baseline)}` +
      ` → ${percent(figures.kazakhstanShare.avoidRussia)}`,
    '',
    formatComparison(figures.comparison, figures.attribution),
  ].join('\n');
}

// Print only when run as a script (`npx tsx examples/avoid-russia.ts`), not when imported by a test.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(report(await run()));
}
