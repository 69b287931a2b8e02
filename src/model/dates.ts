import { InvalidArgumentError } from './errors.js';
/**
 * Dates
 * =====
 *
 * Dates in documents are ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (UTC). Computations use decimal years.
 */

/**
 * The decimal year of an ISO date: `2027` → 2027, `2024-07` → 2024.5, `2025-09-12` → 2025.70.
 *
 * @param iso - `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @returns year plus the elapsed fraction of the year (UTC days)
 * @example decimalYear('2024-07-01') // 2024.4972677595629 (2024 is a leap year)
 */
export function decimalYear(iso: string): number {
  if (typeof iso !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(iso)) {
    throw new InvalidArgumentError(
      'corridor-sim/dates',
      'iso',
      `must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(iso)}`,
    );
  }
  const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
  const start = Date.UTC(y, 0, 1);
  const next = Date.UTC(y + 1, 0, 1);
  const at = Date.UTC(y, (m ?? 1) - 1, d ?? 1);
  return y + (at - start) / (next - start);
}
