/**
 * Argument checks shared by the flow solvers
 * ==========================================
 *
 * Every public flow function validates its arrays on entry and copies them into typed arrays, so a
 * bad value is reported with its index instead of surfacing later as NaN or a hang, and the caller's
 * arrays are never touched.
 *
 * Internal: no public API. Complexity O(n + m).
 */

import { InvalidArgumentError } from '../../../model/errors.js';

/** Module name used in error messages. */
export const MODULE = 'corridor-sim/flow';

/** Largest node or arc count accepted (typed-array indices stay in int32). */
export const MAX_COUNT = 0x3fffffff;

/** Arc arrays after validation (copies). */
export interface CheckedArcs {
  readonly nodeCount: number;
  readonly arcCount: number;
  readonly tail: Int32Array;
  readonly head: Int32Array;
}

function isArrayLike(value: unknown): value is ArrayLike<number> {
  return (
    (Array.isArray(value) || ArrayBuffer.isView(value)) &&
    typeof (value as { length: unknown }).length === 'number'
  );
}

/**
 * Check `nodeCount`, `tail` and `head` and copy the endpoints.
 *
 * @param graph - the graph-like input
 * @param name - argument name for messages (`graph`, `problem`)
 * @returns typed copies
 * @throws InvalidArgumentError naming the offending field and value
 */
export function checkArcs(
  graph: { readonly nodeCount: unknown; readonly tail: unknown; readonly head: unknown } | null | undefined,
  name: string,
): CheckedArcs {
  if (typeof graph !== 'object' || graph === null) {
    throw new InvalidArgumentError(
      MODULE,
      name,
      `must be an object with nodeCount, tail and head, got ${graph}`,
    );
  }
  const n = graph.nodeCount;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_COUNT) {
    throw new InvalidArgumentError(
      MODULE,
      `${name}.nodeCount`,
      `must be an integer in 0..${MAX_COUNT}, got ${String(n)}`,
    );
  }
  const { tail, head } = graph;
  if (!isArrayLike(tail))
    throw new InvalidArgumentError(MODULE, `${name}.tail`, 'must be an array of node indices');
  if (!isArrayLike(head))
    throw new InvalidArgumentError(MODULE, `${name}.head`, 'must be an array of node indices');
  const m = tail.length;
  if (head.length !== m) {
    throw new InvalidArgumentError(MODULE, `${name}.head`, `has length ${head.length}, tail has ${m}`);
  }
  if (m > MAX_COUNT)
    throw new InvalidArgumentError(MODULE, `${name}.tail`, `has ${m} arcs, more than ${MAX_COUNT}`);
  const t = new Int32Array(m);
  const h = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const u = tail[e]!;
    const v = head[e]!;
    if (!Number.isInteger(u) || u < 0 || u >= n) {
      throw new InvalidArgumentError(MODULE, `${name}.tail[${e}]`, `${u} is not a node index in 0..${n - 1}`);
    }
    if (!Number.isInteger(v) || v < 0 || v >= n) {
      throw new InvalidArgumentError(MODULE, `${name}.head[${e}]`, `${v} is not a node index in 0..${n - 1}`);
    }
    t[e] = u;
    h[e] = v;
  }
  return { nodeCount: n, arcCount: m, tail: t, head: h };
}

/**
 * Check a per-arc or per-node numeric array and copy it.
 *
 * @param values - the input
 * @param length - required length
 * @param name - argument name for messages
 * @param allow - which non-finite values are accepted (`+inf` accepts +Infinity)
 * @param min - smallest accepted value (default -Infinity)
 * @returns a Float64Array copy
 * @throws InvalidArgumentError on a wrong length, NaN, disallowed infinity or a value below `min`
 */
export function checkNumbers(
  values: unknown,
  length: number,
  name: string,
  allow: 'finite' | '+inf',
  min = Number.NEGATIVE_INFINITY,
): Float64Array {
  if (!isArrayLike(values)) throw new InvalidArgumentError(MODULE, name, 'must be an array of numbers');
  if (values.length !== length) {
    throw new InvalidArgumentError(MODULE, name, `has length ${values.length}, expected ${length}`);
  }
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || Number.isNaN(v)) {
      throw new InvalidArgumentError(MODULE, `${name}[${i}]`, `must be a number, got ${String(v)}`);
    }
    if (v === Number.NEGATIVE_INFINITY || (v === Number.POSITIVE_INFINITY && allow === 'finite')) {
      throw new InvalidArgumentError(MODULE, `${name}[${i}]`, `must be finite, got ${v}`);
    }
    if (v < min) throw new InvalidArgumentError(MODULE, `${name}[${i}]`, `must be ≥ ${min}, got ${v}`);
    out[i] = v;
  }
  return out;
}

/**
 * Check a node index argument.
 *
 * @param value - the input
 * @param nodeCount - number of nodes
 * @param name - argument name
 * @returns the index
 * @throws InvalidArgumentError when it is not an integer in range
 */
export function checkNode(value: unknown, nodeCount: number, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= nodeCount) {
    throw new InvalidArgumentError(
      MODULE,
      name,
      `${String(value)} is not a node index in 0..${nodeCount - 1}`,
    );
  }
  return value;
}
