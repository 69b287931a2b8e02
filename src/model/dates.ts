/**
 * Dates
 * =====
 *
 * Dates in documents are ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (UTC). Computations use decimal years.
 * Years are the four-digit years these dates can express.
 */

import { describeValue, InvalidArgumentError } from './errors.js';

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Earliest year a simulation, projection or date may name. */
export const MIN_YEAR = 1000;
/** Latest year a simulation, projection or date may name. */
export const MAX_YEAR = 9999;

/**
 * Whether a string is a real ISO date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (month 1–12, a day the month has).
 *
 * @param text - candidate
 * @returns true for `2027`, `2024-05`, `2025-09-12`; false for `2024-13`, `2024-02-30`
 */
export function isIsoDate(text: string): boolean {
  if (typeof text !== 'string') return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) return false;
  const days = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

/**
 * Throw unless `value` is an integer year in {@link MIN_YEAR}..{@link MAX_YEAR}.
 *
 * @param value - the argument
 * @param module - module name for the message (`corridor-sim/simulate`)
 * @param argument - the argument's name (`options.year`)
 * @throws InvalidArgumentError naming the argument and the value
 */
export function requireYear(value: unknown, module: string, argument: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) {
    throw new InvalidArgumentError(
      module,
      argument,
      `must be an integer year in ${MIN_YEAR}–${MAX_YEAR}, got ${describeValue(value)}`,
    );
  }
}

/** Decimal years of the dates seen so far (a pure function's results). */
const DECIMAL_YEARS = new Map<string, number>();

/**
 * The decimal year of an ISO date: `2027` → 2027, `2024-07` → 2024.5, `2025-09-12` → 2025.70.
 *
 * @param iso - `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @returns year plus the elapsed fraction of the year (UTC days)
 * @example decimalYear('2024-07-01') // 2024.4972677595629 (2024 is a leap year)
 */
export function decimalYear(iso: string): number {
  const known = DECIMAL_YEARS.get(iso);
  if (known !== undefined) return known;
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
  const value = y + (at - start) / (next - start);
  // scenarios ask for the same few dates on every run: remember them (bounded)
  if (DECIMAL_YEARS.size >= 4096) DECIMAL_YEARS.clear();
  DECIMAL_YEARS.set(iso, value);
  return value;
}
