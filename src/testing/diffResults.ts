/**
 * Differences between two results
 * ===============================
 *
 * A structural comparison of plain data (objects, arrays, typed arrays, numbers, strings), numbers
 * within a tolerance, for laws that require two runs to agree: the empty scenario is a no-op, the same
 * seed gives the same result. Other objects (a graphology graph, a Map) compare by identity; list
 * them in `ignore` when two runs build their own.
 */

import { describeValue, InvalidArgumentError, optionsOf } from '../model/errors.js';

const MODULE = 'corridor-sim/testing: diffResults';

/** Options of {@link diffResults}. */
export interface DiffOptions {
  /**
   * Dotted paths (from the root, array indices as numbers: `links.3.flow`) not compared, with
   * everything under them; `*` matches one segment (`links.*.timeDays`).
   * @defaultValue ['scenario', 'operations', 'applied', 'convergence.seconds']
   */
  readonly ignore?: readonly string[];
  /** Absolute tolerance on numbers. @defaultValue 0 */
  readonly absoluteTolerance?: number;
  /** Relative tolerance on numbers. @defaultValue 0 */
  readonly relativeTolerance?: number;
  /** Most differences reported, an integer ≥ 1. @defaultValue 20 */
  readonly limit?: number;
}

/** One difference. */
export interface Difference {
  /** Dotted path of the value. */
  readonly path: string;
  /** Value in the first result (rendered). */
  readonly a: string;
  /** Value in the second result (rendered). */
  readonly b: string;
}

const DEFAULTS = {
  ignore: ['scenario', 'operations', 'applied', 'convergence.seconds'] as readonly string[],
  absoluteTolerance: 0,
  relativeTolerance: 0,
  limit: 20,
};

function render(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null) {
    if (Array.isArray(value)) return `array(${value.length})`;
    return value.constructor?.name && value.constructor !== Object ? value.constructor.name : 'object';
  }
  return JSON.stringify(value) ?? String(value);
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * List the differences between two results (or any plain data).
 *
 * @param a - first value
 * @param b - second value
 * @param options - paths to ignore, numeric tolerances, limit
 * @returns the differences, at most `limit`, in traversal order (empty when equal)
 * @throws InvalidArgumentError when options is not an object, on a tolerance that is not a finite number
 *   ≥ 0, a `limit` that is not an integer ≥ 1, or an `ignore` that is not an array of non-empty strings
 * @example expect(diffResults(await run(input, undefined), await run(input, empty))).toEqual([]);
 * @remarks Complexity O(size of the values).
 */
export function diffResults(a: unknown, b: unknown, options: DiffOptions = {}): Difference[] {
  options = optionsOf(options, 'corridor-sim/testing');
  const tolerance = (name: 'absoluteTolerance' | 'relativeTolerance'): number => {
    const v: unknown = options[name] === undefined ? DEFAULTS[name] : options[name];
    if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) {
      throw new InvalidArgumentError(
        MODULE,
        `options.${name}`,
        `must be a finite number ≥ 0, got ${describeValue(v)}`,
      );
    }
    return v;
  };
  const abs = tolerance('absoluteTolerance');
  const rel = tolerance('relativeTolerance');
  const limit: unknown = options.limit === undefined ? DEFAULTS.limit : options.limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    // limit 0 or below would report "no differences" for values that differ
    throw new InvalidArgumentError(
      MODULE,
      'options.limit',
      `must be an integer ≥ 1, got ${describeValue(limit)}`,
    );
  }
  const ignore: unknown = options.ignore === undefined ? DEFAULTS.ignore : options.ignore;
  if (!Array.isArray(ignore)) {
    throw new InvalidArgumentError(
      MODULE,
      'options.ignore',
      `must be an array of dotted paths, got ${describeValue(ignore)}`,
    );
  }
  const patterns = ignore.map((p: unknown, i) => {
    if (typeof p !== 'string' || p.length === 0) {
      throw new InvalidArgumentError(
        MODULE,
        `options.ignore[${i}]`,
        `must be a non-empty dotted path, got ${describeValue(p)}`,
      );
    }
    return p.split('.');
  });
  const ignored = (path: readonly string[]) =>
    patterns.some((p) => p.length <= path.length && p.every((seg, i) => seg === '*' || seg === path[i]));
  const out: Difference[] = [];
  const seen = new WeakMap<object, WeakSet<object>>();
  const walk = (x: unknown, y: unknown, path: string[]): void => {
    if (out.length >= limit || ignored(path)) return;
    const push = (): void => {
      out.push({ path: path.join('.') || '(root)', a: render(x), b: render(y) });
    };
    if (typeof x === 'number' && typeof y === 'number') {
      if (Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y))) return;
      if (x === y) return; // 0 and -0
      if (
        Number.isFinite(x) &&
        Number.isFinite(y) &&
        Math.abs(x - y) <= abs + rel * Math.max(Math.abs(x), Math.abs(y))
      ) {
        return;
      }
      push();
      return;
    }
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
      if (x !== y) push();
      return;
    }
    if (x === y) return;
    let pairs = seen.get(x);
    if (pairs?.has(y)) return;
    if (!pairs) {
      pairs = new WeakSet();
      seen.set(x, pairs);
    }
    pairs.add(y);
    const xList = Array.isArray(x) || ArrayBuffer.isView(x);
    const yList = Array.isArray(y) || ArrayBuffer.isView(y);
    if (xList || yList) {
      if (!xList || !yList) {
        push();
        return;
      }
      const xs = x as unknown as ArrayLike<unknown>;
      const ys = y as unknown as ArrayLike<unknown>;
      if (xs.length !== ys.length) {
        out.push({
          path: `${path.join('.') || '(root)'}.length`,
          a: String(xs.length),
          b: String(ys.length),
        });
      }
      for (let i = 0; i < Math.min(xs.length, ys.length); i++) walk(xs[i], ys[i], [...path, String(i)]);
      return;
    }
    if (!isPlain(x) || !isPlain(y)) {
      // different non-plain objects: compared by identity
      push();
      return;
    }
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    for (const key of keys) {
      walk((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key], [...path, key]);
    }
  };
  walk(a, b, []);
  return out;
}
