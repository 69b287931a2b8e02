/**
 * Operations compared as values
 * =============================
 *
 * Two scenario operations are the same change when they do the same: equal as JSON values once their
 * metadata (`note`, `provenance`) is left out and their dates are spelt out as days; object keys in any
 * order, `undefined` properties left out. A scenario written to JSON and read back keeps its
 * operations' keys, so composing or extending scenarios gives the same answer for a copy as for the
 * original. Internal: not part of the public API.
 */

import { isDeepFrozen } from '../data/validated.js';

/**
 * A key that is equal for two operations exactly when they do the same: equal as JSON values once
 * their metadata (`note`, `provenance`) is left out and their dates (`from`, `until`) are spelt out as
 * days (`2024` as `2024-01-01`); object keys in any order, `undefined` properties left out (as JSON
 * does). Internal: not part of the public API.
 *
 * @param op - an operation (any value: scenarios are validated where they are used, not here)
 * @returns the key, or undefined when `op` is not plain JSON data (a cycle, a function, a bigint, a
 *   Date or Map, a getter): such a value equals nothing but itself
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

/** Fields that describe an operation without changing what it does. */
const METADATA = new Set(['note', 'provenance']);

/** `YYYY` and `YYYY-MM` as the first day they mean, so that equal dates written differently match. */
function fullDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (/^\d{4}$/.test(value)) return `${value}-01-01`;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-01`;
  return value;
}

function fingerprintOf(op: unknown): string | undefined {
  // what the operation does: without its metadata, with its dates spelt out
  if (typeof op === 'object' && op !== null && !Array.isArray(op) && isPlainData(op)) {
    const record = op as Record<string, unknown>;
    const effect: Record<string, unknown> = {};
    for (const key of Object.keys(record)) {
      if (METADATA.has(key)) continue;
      effect[key] = key === 'from' || key === 'until' ? fullDate(record[key]) : record[key];
    }
    op = effect;
  }
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
    // only plain data (what JSON can hold): a Date, a Map or a getter has no JSON value of its own here
    if (ancestors.has(value) || !isPlainData(value)) return undefined;
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

/** Whether an object is an array or a plain record whose properties are all data properties. */
function isPlainData(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return false;
  for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(value))) {
    if (descriptor.get !== undefined || descriptor.set !== undefined) return false;
  }
  return true;
}
