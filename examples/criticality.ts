/**
 * Which links matter most? A criticality ranking.
 *
 * `criticality` closes every link that carries flow in the reference run, one at a time, simulates
 * again, and ranks the links by the overland China→Europe throughput lost (then by the volume left
 * unserved, then by the cost added). This example ranks the links of the bundled Eurasia network under
 * the `baseline` scenario of 2024 and prints the top ten, with what each closure does.
 *
 * The added cost is what the volume still delivered pays more (or less) a year on the routes it takes
 * after the closure, each origin–destination flow (and shipper segment) against the routes it used
 * before; volume that can no longer be delivered is counted as unserved, not priced, so a closure that
 * loses volume never shows as a saving, and one flow's move is never priced against another flow's
 * lost volume. It is negative when the volume still delivered moves to cheaper routes, such as a sea
 * route that is cheaper but slower. docs/simulation.md ("criticality") gives the rule in full.
 *
 * Run from the repository root: npx tsx examples/criticality.ts
 */

import { pathToFileURL } from 'node:url';
import {
  type CriticalityEntry,
  criticality,
  formatNumber,
  formatTable,
  loadDataset,
  loadScenario,
} from 'corridor-sim';

/** The figures this example prints. */
export interface CriticalityFigures {
  readonly year: number;
  /** Overland China→Europe throughput of the reference run, TEU per year. */
  readonly referenceThroughputTeu: number;
  /** Links whose closures were simulated. */
  readonly linksTested: number;
  /** The most critical links first. */
  readonly top: readonly CriticalityEntry[];
}

/** Rank the links of the Eurasia network for `year`. */
export async function run(year = 2024, top = 10): Promise<CriticalityFigures> {
  const eurasia = loadDataset('eurasia');
  const { reference, ranking } = await criticality(eurasia, {
    year,
    scenario: loadScenario('baseline'),
    elements: 'links', // or 'nodes' (terminals, border stations), or 'both'
  });
  return {
    year,
    referenceThroughputTeu: reference.throughputTeu,
    linksTested: ranking.length,
    top: ranking.slice(0, top),
  };
}

/** The figures as text. */
export function report(figures: CriticalityFigures): string {
  return [
    `The ${figures.top.length} most critical of ${figures.linksTested} flow-carrying links` +
      ` in ${figures.year} (baseline overland throughput` +
      ` ${formatNumber(figures.referenceThroughputTeu)} TEU/yr)`,
    '',
    // Differences that are floating-point residue are exact zeros in the ranking, so every figure
    // prints as is: a 0 is no change at all.
    formatTable(
      [
        'link closed',
        'overland TEU lost',
        'TEU to sea',
        'TEU unserved',
        'crude t unserved',
        'added cost, M USD/yr',
      ],
      figures.top.map((e) => [
        e.id,
        e.lostThroughputTeu,
        e.addedDivertedTeu,
        e.addedUnmetByCommodity.container ?? 0,
        e.addedUnmetByCommodity.crude ?? 0,
        e.addedCostUsd / 1e6,
      ]),
    ),
  ].join('\n');
}

// Print only when run as a script, not when imported by a test.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(report(await run()));
}
