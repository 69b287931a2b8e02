/**
 * Objects already validated
 * =========================
 *
 * Demand and scenario objects that passed validation (from the parse functions and the bundled
 * loaders) are remembered here, so that functions taking them do not validate them again.
 */

const VALIDATED = new WeakSet<object>();

/**
 * Remember that an object has been validated.
 *
 * @param value - a demand or scenario that passed validation
 * @returns the same value
 */
export function markValidated<T extends object>(value: T): T {
  VALIDATED.add(value);
  return value;
}

/**
 * Whether an object has been validated.
 *
 * @param value - anything
 * @returns true when {@link markValidated} saw it
 */
export function isValidated(value: unknown): boolean {
  return typeof value === 'object' && value !== null && VALIDATED.has(value);
}
