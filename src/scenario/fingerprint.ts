/**
 * Operations compared as values
 * =============================
 *
 * Two scenario operations are the same change when they are equal as JSON values: object keys in any
 * order, `undefined` properties left out. A scenario written to JSON and read back keeps its
 * operations' keys, so composing or extending scenarios gives the same answer for a copy as for the
 * original. Internal: not part of the public API.
 */

import { isDeepFrozen } from '../data/validated.js';

/**
 * A key that is equal for two operations exactly when they are equal as JSON values: object keys
 * sorted, properties that are `undefined` left out (as JSON does). Internal: not part of the public API.
 *
 * @param op - an operation (any value: scenarios are validated where they are used, not here)
 * @returns the key, or undefined when `op` is not a JSON value (a cycle, a function, a bigint, a getter
 *   that throws): such a value equals nothing but itself
 * @example operationFingerprint({ factor: 2, kind: 'scale-capacity', target: {} }) ===
 *   operationFingerprint({ kind: 'scale-capacity', target: {}, factor: 2 }) // true
 * @remarks Complexity O(size of the operation).
 */
export function operationFingerprint(op: unknown): string | undefined {
  // a deep-frozen operation (as the parsers and loaders return) cannot change: its key is remembered
  const frozen = typeof op === 'object' && op !== null && Object.isFrozen(op);
  if (frozen && remembered.has(op)) return remembered.get(op);
  const key = fingerprintOf(op);
  if (frozen && isDeepFrozen(op)) remembered.set(op, key);
  return key;
}

const remembered = new WeakMap<object, string | undefined>();

function fingerprintOf(op: unknown): string | undefined {
  const ancestors = new Set<object>();
  const write = (value: unknown): string | undefined => {
    // numbers as JSON writes them (NaN and ±Infinity as null, −0 as 0): a copy through JSON keeps its key
    if (value === null || typeof value !== 'object') {
      return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string'
        ? JSON.stringify(value)
        : value === null
          ? 'null'
          : undefined;
    }
    if (ancestors.has(value)) return undefined;
    ancestors.add(value);
    let parts: (string | undefined)[];
    if (Array.isArray(value)) {
      parts = Array.from(value, (item) => (item === undefined ? 'null' : write(item)));
    } else {
      const record = value as Record<string, unknown>;
      parts = Object.keys(record)
        .sort()
        .filter((key) => record[key] !== undefined)
        .map((key) => {
          const text = write(record[key]);
          return text === undefined ? undefined : `${JSON.stringify(key)}:${text}`;
        });
    }
    ancestors.delete(value);
    if (parts.some((p) => p === undefined)) return undefined;
    return Array.isArray(value) ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
  };
  try {
    return write(op);
  } catch {
    return undefined; // a getter or proxy that throws
  }
}
