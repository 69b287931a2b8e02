/**
 * Comparison reports
 * ==================
 *
 * A {@link Comparison} (and optionally a Shapley {@link Attribution}) as readable text. Pure.
 */

import { requireArray, requireFields, requireObject } from '../model/errors.js';
import { withoutResidue } from '../simulate/aggregate.js';
import type { Attribution } from '../simulate/attribute.js';
import type { Comparison, Delta } from '../simulate/compare.js';
import { formatNumber, formatTable } from './table.js';

const MODULE = 'corridor-sim/report';

/** A change with its sign, unless it rounds to zero at the shown precision: `0.0 pp`, not `+0.0 pp` or `-0.0 pp`. */
const signed = (x: number, format: (v: number) => string) => {
  const text = format(x);
  if (Number.isFinite(x) && !/[1-9]/.test(text)) return format(0);
  return x > 0 ? `+${text}` : text;
};
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pp = (x: number) => `${(100 * x).toFixed(1)} pp`;
/** The relative change, or '–' where `compare` gives none (a base of 0, or of floating-point residue). */
const rel = (d: Delta) => (Number.isFinite(d.relative) ? signed(d.relative, pct) : '–');

/** Throw unless `value` has the fields of an {@link Attribution} that the report reads. */
function requireAttribution(value: unknown): asserts value is Attribution {
  const what = 'an Attribution from attribute()';
  requireFields(value, MODULE, 'attribution', what, ['after', 'before', 'contributions', 'method', 'runs']);
  const { before, after, contributions } = value as Attribution;
  requireObject(before, MODULE, 'attribution.before', 'an object of figures');
  requireObject(after, MODULE, 'attribution.after', 'an object of figures');
  requireArray(contributions, MODULE, 'attribution.contributions');
  contributions.forEach((c, i) => {
    requireFields(c, MODULE, `attribution.contributions[${i}]`, 'a contribution of an Attribution', [
      'index',
      'kind',
      'values',
    ]);
    requireObject(c.values, MODULE, `attribution.contributions[${i}].values`, 'an object of figures');
  });
}

/**
 * Format a comparison (and attribution) as text tables.
 *
 * @param diff - from `compare(a, b)`
 * @param attribution - from `attribute(...)`, optional
 * @returns multi-line text. A relative change is shown only from a meaningful base: where `compare`
 *   gives none (a base of 0, or of floating-point residue) the cell is '–', never -100.0 %; a change
 *   that rounds to zero is shown unsigned.
 * @throws InvalidArgumentError when `diff` is not a Comparison, or `attribution` is given and is not an
 *   Attribution (naming the first missing field, e.g. `attribution.after`)
 * @example console.log(formatComparison(compare(before, after), await attribute(eurasia, scenario)));
 * @remarks Complexity O(figures × operations).
 */
export function formatComparison(diff: Comparison, attribution?: Attribution): string {
  const tables = [
    'totals',
    'corridorShare',
    'corridorVolume',
    'countryTransitShare',
    'crudeByRoute',
  ] as const;
  requireFields(diff, MODULE, 'diff', 'a Comparison from compare()', tables);
  for (const table of tables) requireObject(diff[table], MODULE, `diff.${table}`, 'an object of deltas');
  if (attribution !== undefined) requireAttribution(attribution);
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
    // A figure's change and its shares are differences of runs: residue of the figure's size is 0.
    const size = (k: string) =>
      Math.max(Math.abs(attribution.before[k] ?? 0), Math.abs(attribution.after[k] ?? 0));
    const clean = (k: string, value: number) => withoutResidue(value, size(k));
    const keys = Object.keys(attribution.after).filter(
      (k) => Math.abs(clean(k, (attribution.after[k] ?? 0) - (attribution.before[k] ?? 0))) > 1e-9,
    );
    lines.push(
      '',
      `attribution (${attribution.method} Shapley values, ${attribution.runs} runs): change of each figure by operation`,
      formatTable(
        ['figure', 'total change', ...attribution.contributions.map((c) => `#${c.index} ${c.kind}`)],
        keys.map((k) => [
          k,
          clean(k, (attribution.after[k] ?? 0) - (attribution.before[k] ?? 0)),
          ...attribution.contributions.map((c) => formatNumber(clean(k, c.values[k] ?? 0))),
        ]),
      ),
    );
  }
  return lines.join('\n');
}
