/**
 * Operations compared as values
 * =============================
 *
 * Two scenario operations are the same change when they are equal as JSON values once their metadata
 * (`note`, `provenance`, names and descriptions of what they add) is left out, their dates are spelt
 * out as days and their selector lists are taken as sets; object keys in any order, `undefined`
 * properties left out. A scenario written to JSON and read back keeps its
 * operations' keys, so composing or extending scenarios gives the same answer for a copy as for the
 * original. Internal: not part of the public API.
 */

import { isDeepFrozen } from '../data/validated.js';

/**
 * A key for what an operation does: equal for two operations that are equal as JSON values once
 * their metadata is left out (`note`, `provenance`, and the `name`, `description` and `provenance` of
 * a link or node they add), their dates are spelt out as days (`2024` is `2024-01-01`), and their
 * selector lists and border pair are taken as sets; object keys in any order, `undefined` properties
 * left out (as JSON does). Operations that differ otherwise, if only by a default written out
 * (`factor: 1`), get different keys. Internal: not part of the public API.
 *
 * @param op - an operation (any value: scenarios are validated where they are used, not here)
 * @returns the key, or undefined when `op` is not plain JSON data (a cycle, a function, a bigint, a
 *   Date or Map, a getter): such a value equals nothing but itself
 * @example operationFingerprint({ factor: 2, kind: 'scale-capacity', target: {} }) ===
 *   operationFingerprint({ kind: 'scale-capacity', target: {}, factor: 2 }) // true
 * @remarks Complexity O(size of the operation).
 */
export function operationFingerprint(op: unknown): string | undefined {
  try {
    // a deep-frozen operation (as the parsers and loaders return) cannot change: its key is remembered
    const frozen = typeof op === 'object' && op !== null && Object.isFrozen(op);
    if (frozen && remembered.has(op)) return remembered.get(op);
    const key = fingerprintOf(op);
    if (frozen && isDeepFrozen(op)) remembered.set(op, key);
    return key;
  } catch {
    return undefined; // a proxy or getter that throws
  }
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

/** Fields of an added link or node that name or describe it without changing what it does. */
const DESCRIPTIVE = ['name', 'description', 'provenance'];

/** A selector's lists are sets: sorted, without repeats (when they hold strings only). */
function asSet(value: unknown): unknown {
  if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) return value;
  return [...new Set(value as string[])].sort();
}

function withoutDescriptive(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !isPlainData(value))
    return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .filter((k) => !DESCRIPTIVE.includes(k))
      .map((k) => [k, record[k]]),
  );
}

/**
 * What an operation does, as plain data: without its metadata (and the names and descriptions of what
 * it adds), dates spelt out as days, selector lists and the border pair as sets.
 */
function effectOf(op: unknown): unknown {
  if (typeof op !== 'object' || op === null || Array.isArray(op) || !isPlainData(op)) return op;
  const record = op as Record<string, unknown>;
  const effect: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (METADATA.has(key)) continue;
    let value = record[key];
    if (key === 'from' || key === 'until') value = fullDate(value);
    else if ((key === 'target' || key === 'scope') && typeof value === 'object' && value !== null) {
      if (!Array.isArray(value) && isPlainData(value)) {
        const selector = value as Record<string, unknown>;
        value = Object.fromEntries(Object.keys(selector).map((k) => [k, asSet(selector[k])]));
      }
    } else if (key === 'countries' && record.kind === 'close-border') value = asSet(value);
    else if (key === 'nodes' && record.kind === 'close-nodes') value = asSet(value);
    else if (key === 'link' && record.kind === 'add-link') value = withoutDescriptive(value);
    else if (key === 'nodes' && record.kind === 'add-link' && Array.isArray(value)) {
      value = value.map(withoutDescriptive);
    }
    effect[key] = value;
  }
  return effect;
}

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
  return write(effectOf(op));
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
