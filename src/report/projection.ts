/**
 * Projection reports
 * ==================
 *
 * Year-by-year results as a table of corridor volumes, Kazakhstan's overland transit share, sea
 * diversion and crude by route. Pure.
 */

import { requireArray } from '../model/errors.js';
import type { SimulationResult } from '../simulate/result.js';
import { requireSimulationResult } from '../simulate/simulate.js';
import { formatTable } from './table.js';

/**
 * Format results of several years as one table per commodity.
 *
 * @param results - ascending years
 * @returns multi-line text
 */
export function formatProjection(results: readonly SimulationResult[]): string {
  requireArray(results, 'corridor-sim/report', 'results');
  results.forEach((r, i) => {
    requireSimulationResult(r, 'corridor-sim/report', `results[${i}]`);
  });
  if (results.length === 0) return '(no years)';
  const first = results[0]!;
  const containerCorridors = first.corridors.filter((c) => c.commodity === 'container' && c.id !== 'other');
  const crudeCorridors = first.corridors.filter((c) => c.commodity === 'crude' && c.id !== 'other');
  const lines = [
    `${first.scenario}: ${results[0]!.year}–${results[results.length - 1]!.year}`,
    '',
    formatTable(
      ['year', 'status', ...containerCorridors.map((c) => c.id), 'sea TEU', 'unmet TEU', 'KZ share'],
      results.map((r) => [
        String(r.year),
        r.status,
        ...containerCorridors.map(
          (c) => r.corridors.find((x) => x.id === c.id && x.commodity === 'container')?.volume ?? 0,
        ),
        r.divertedTeu,
        r.unmetTeu,
        `${(100 * (r.countryTransitShare.KZ ?? 0)).toFixed(1)}%`,
      ]),
    ),
  ];
  if (crudeCorridors.length > 0) {
    lines.push(
      '',
      formatTable(
        ['year', ...crudeCorridors.map((c) => `${c.id} Mt`), 'unmet Mt'],
        results.map((r) => [
          String(r.year),
          ...crudeCorridors.map((c) => (r.crude.byRoute[c.id] ?? 0) / 1e6),
          r.crude.unmetTonnes / 1e6,
        ]),
      ),
    );
  }
  return lines.join('\n');
}
