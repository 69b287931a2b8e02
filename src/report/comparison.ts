/**
 * Comparison reports
 * ==================
 *
 * A {@link Comparison} (and optionally a Shapley {@link Attribution}) as readable text. Pure.
 */

import { requireFields } from '../model/errors.js';
import type { Attribution } from '../simulate/attribute.js';
import type { Comparison, Delta } from '../simulate/compare.js';
import { formatNumber, formatTable } from './table.js';

const signed = (x: number, format: (v: number) => string) => (x > 0 ? `+${format(x)}` : format(x));
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pp = (x: number) => `${(100 * x).toFixed(1)} pp`;
const rel = (d: Delta) => (Number.isFinite(d.relative) ? signed(d.relative, pct) : '–');

/**
 * Format a comparison (and attribution) as text tables.
 *
 * @param diff - from `compare(a, b)`
 * @param attribution - from `attribute(...)`, optional
 * @returns multi-line text
 */
export function formatComparison(diff: Comparison, attribution?: Attribution): string {
  requireFields(diff, 'corridor-sim/report', 'diff', 'a Comparison from compare()', [
    'totals',
    'corridorShare',
    'corridorVolume',
    'countryTransitShare',
    'crudeByRoute',
  ]);
  const lines = [`${diff.from} → ${diff.to} (${diff.year})`, ''];
  lines.push(
    formatTable(
      ['figure', 'before', 'after', 'change', 'relative'],
      Object.entries(diff.totals).map(([k, d]) => [
        k,
        d.before,
        d.after,
        signed(d.change, formatNumber),
        rel(d),
      ]),
    ),
  );
  const shares = Object.entries(diff.corridorShare).filter(([, d]) => d.before !== 0 || d.after !== 0);
  if (shares.length > 0) {
    lines.push(
      '',
      formatTable(
        ['corridor', 'volume before', 'volume after', 'share before', 'share after', 'share change'],
        shares.map(([k, d]) => {
          const v = diff.corridorVolume[k];
          return [k, v?.before ?? 0, v?.after ?? 0, pct(d.before), pct(d.after), signed(d.change, pp)];
        }),
      ),
    );
  }
  const countries = Object.entries(diff.countryTransitShare).filter(([, d]) => Math.abs(d.change) > 1e-9);
  if (countries.length > 0) {
    lines.push(
      '',
      `overland transit share: ${countries.map(([c, d]) => `${c} ${pct(d.before)} → ${pct(d.after)}`).join(', ')}`,
    );
  }
  const crude = Object.entries(diff.crudeByRoute).filter(([, d]) => Math.abs(d.change) > 1e-6);
  if (crude.length > 0) {
    lines.push(
      '',
      formatTable(
        ['crude route', 'Mt before', 'Mt after', 'change'],
        crude.map(([k, d]) => [k, d.before / 1e6, d.after / 1e6, signed(d.change / 1e6, formatNumber)]),
      ),
    );
  }
  if (attribution) {
    const keys = Object.keys(attribution.after).filter(
      (k) => Math.abs((attribution.after[k] ?? 0) - (attribution.before[k] ?? 0)) > 1e-9,
    );
    lines.push(
      '',
      `attribution (${attribution.method} Shapley values, ${attribution.runs} runs): change of each figure by operation`,
      formatTable(
        ['figure', 'total change', ...attribution.contributions.map((c) => `#${c.index} ${c.kind}`)],
        keys.map((k) => [
          k,
          (attribution.after[k] ?? 0) - (attribution.before[k] ?? 0),
          ...attribution.contributions.map((c) => formatNumber(c.values[k] ?? 0)),
        ]),
      ),
    );
  }
  return lines.join('\n');
}
