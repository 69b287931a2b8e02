import { optionsOf, requireArray } from '../model/errors.js';
/**
 * Plain-text tables
 * =================
 *
 * Formats rows as an aligned text table (numbers right-aligned) for CLI output and docs. Pure.
 */

/** A cell: text or number (numbers are formatted with `format`). */
export type Cell = string | number;

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** Number formatter; default: thousands separators, up to 3 decimals (2 significant below 1). */
  readonly format?: (value: number) => string;
}

/**
 * Format a number for a table: `1,234,567`, `12.3`, `0.0042`, `NaN`.
 *
 * @param value - the number
 * @returns text
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && abs < 1) return value.toPrecision(2);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 2 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/**
 * Format rows as an aligned table with a header line.
 *
 * @param header - column titles
 * @param rows - cells, one array per row
 * @param options - number formatter
 * @returns the table as one string (lines joined by `\n`)
 * @example formatTable(['mode', 'links'], [['rail', 12]])
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions = {},
): string {
  requireArray(header, 'corridor-sim/report', 'header');
  requireArray(rows, 'corridor-sim/report', 'rows');
  rows.forEach((row, i) => {
    requireArray(row, 'corridor-sim/report', `rows[${i}]`);
  });
  options = optionsOf(options, 'corridor-sim/report');
  const format = options.format ?? formatNumber;
  const text = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? format(cell) : cell)));
  const numeric = header.map((_, j) => rows.length > 0 && rows.every((row) => typeof row[j] === 'number'));
  const widths = header.map((h, j) => Math.max(h.length, ...text.map((row) => (row[j] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, j) => (numeric[j] ? cell.padStart(widths[j]!) : cell.padEnd(widths[j]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}
