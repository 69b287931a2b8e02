/**
 * Validation issues
 * =================
 *
 * Turns zod issues into corridor-sim {@link ValidationIssue}s (our codes, JSON paths, messages that
 * name the offending value), and provides the `parse` / `safeParse` pair every document format uses.
 */

import type { z } from 'zod';
import { type JsonPath, ValidationError, type ValidationIssue } from '../model/errors.js';

/** Result of a `safeParse*` function: the value, or every issue found. */
export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T; readonly issues?: never }
  | { readonly success: false; readonly data?: never; readonly issues: readonly ValidationIssue[] };

/**
 * Render a value for a message: short, JSON-like, never throwing.
 *
 * @param value - anything
 * @returns a short string (strings quoted, numbers as written, NaN/Infinity named)
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
}

/**
 * The value at a JSON path inside a document (undefined when the path does not resolve).
 *
 * @param root - the document
 * @param path - the path
 * @returns the value found, or undefined
 */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
}

/**
 * Convert zod issues to corridor-sim issues with our codes and value-naming messages.
 *
 * @param issues - zod issues
 * @param input - the document that was validated (to quote offending values)
 * @param basePath - prefix for every path (when validating a sub-document)
 * @returns the converted issues
 */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  basePath: JsonPath = [],
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...toPath(issue.path)];
    const value = valueAt(input, toPath(issue.path));
    const name = path.length > 0 ? String(path[path.length - 1]) : 'document';
    if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
      const options = (issue.options as unknown[]).map((v) => describeValue(v)).join(', ');
      out.push({
        code: value === undefined ? 'missing' : 'invalid_value',
        path,
        message: `${name} must be one of ${options}, got ${describeValue(value)}`,
      });
      continue;
    }
    if (issue.code === 'invalid_union') {
      // Report the branch with the fewest issues: usually the one the author meant.
      const branches = issue.errors;
      let best = branches[0] ?? [];
      for (const branch of branches) if (branch.length < best.length) best = branch;
      if (best.length > 0) {
        out.push(...fromZodIssues(best, valueAt(input, toPath(issue.path)), path));
        continue;
      }
    }
    switch (issue.code) {
      case 'invalid_type': {
        const received = (issue as { received?: string }).received;
        if (
          received === 'NaN' ||
          received === 'Infinity' ||
          (typeof value === 'number' && !Number.isFinite(value))
        ) {
          out.push({
            code: 'not_finite',
            path,
            message: `${name} must be a finite number, got ${describeValue(value)}`,
          });
        } else if (value === undefined) {
          out.push({ code: 'missing', path, message: `${name} is required (expected ${issue.expected})` });
        } else {
          out.push({
            code: 'invalid_type',
            path,
            message: `${name} must be ${issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}, got ${describeValue(value)}`,
          });
        }
        break;
      }
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'number' && min === 0) {
          out.push({
            code: 'negative',
            path,
            message: `${name} must be ${issue.inclusive ? '≥ 0' : '> 0'}, got ${describeValue(value)}`,
          });
        } else if (issue.origin === 'array' || issue.origin === 'string') {
          out.push({
            code: 'invalid_value',
            path,
            message: `${name} must have at least ${min} ${issue.origin === 'array' ? 'item' : 'character'}${min === 1 ? '' : 's'}, got ${describeValue(value)}`,
          });
        } else {
          out.push({
            code: 'out_of_range',
            path,
            message: `${name} must be ${issue.inclusive ? '≥' : '>'} ${min}, got ${describeValue(value)}`,
          });
        }
        break;
      }
      case 'too_big': {
        out.push({
          code: 'out_of_range',
          path,
          message: `${name} must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}, got ${describeValue(value)}`,
        });
        break;
      }
      case 'invalid_value': {
        const options = issue.values.map((v) => describeValue(v)).join(', ');
        out.push({
          code: 'invalid_value',
          path,
          message: `${name} must be one of ${options}, got ${describeValue(value)}`,
        });
        break;
      }
      case 'unrecognized_keys': {
        for (const key of issue.keys) {
          out.push({
            code: 'unknown_key',
            path: [...path, key],
            message: `unknown property ${JSON.stringify(key)}`,
          });
        }
        break;
      }
      case 'custom': {
        const params = (issue.params ?? {}) as { code?: string };
        out.push({ code: params.code ?? 'invalid_value', path, message: issue.message });
        break;
      }
      default:
        out.push({
          code: 'invalid_value',
          path,
          message: `${name}: ${issue.message}, got ${describeValue(value)}`,
        });
    }
  }
  return out;
}

/**
 * Build the `parse` (throws) and `safeParse` (returns) pair for a validator that collects issues.
 *
 * @param what - name of the document kind for the error message
 * @param validate - returns the value or the issues
 * @returns `[parse, safeParse]`
 */
export function parsePair<T, A extends unknown[]>(
  what: string,
  validate: (input: unknown, ...args: A) => SafeParseResult<T>,
): [(input: unknown, ...args: A) => T, (input: unknown, ...args: A) => SafeParseResult<T>] {
  const parse = (input: unknown, ...args: A): T => {
    const result = validate(input, ...args);
    if (!result.success) throw new ValidationError(what, result.issues);
    return result.data;
  };
  return [parse, validate];
}

/** Outcome of {@link parseByItem}: the document with only the valid items, and every shape issue. */
export interface ItemwiseParse<T> {
  /** The document; in list properties, items that failed their schema are `null` (indices are kept). */
  readonly data: T | undefined;
  /** Shape and value issues of the document and of every item. */
  readonly issues: ValidationIssue[];
  /** For each list property, the `id` of items that failed (so references to them are not reported twice). */
  readonly failedIds: ReadonlyMap<string, ReadonlySet<string>>;
}

function unwrapArray(schema: z.ZodType): z.ZodType | undefined {
  let current = schema as unknown as { def?: { type?: string; innerType?: unknown; element?: unknown } };
  while (current?.def?.type === 'optional') current = current.def.innerType as typeof current;
  return current?.def?.type === 'array' ? (current.def.element as z.ZodType) : undefined;
}

/**
 * Validate a document item by item: the top level against `schema` with its list properties relaxed,
 * then each item of each list property against the item schema. This reports the issues of every
 * item at once, and lets cross-reference checks run on the valid items so that one bad item does not
 * hide the other problems.
 *
 * @param schema - a zod object schema whose list properties are arrays of item schemas
 * @param listKeys - the list properties to check item by item
 * @param input - the document
 * @returns the document with only valid items, the issues, and the ids of failed items
 */
export function parseByItem<T>(
  schema: z.ZodObject,
  listKeys: readonly string[],
  input: unknown,
): ItemwiseParse<T> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const itemSchemas = new Map<string, z.ZodType>();
  for (const key of listKeys) {
    const field = shape[key];
    const item = field ? unwrapArray(field) : undefined;
    if (!field || !item) throw new Error(`parseByItem: ${key} is not a list property`);
    itemSchemas.set(key, item);
  }
  const top = schema.safeParse(input);
  if (top.success) return { data: top.data as T, issues: [], failedIds: new Map() };
  // Top-level issues (outside list items) as zod found them; then each item on its own.
  const issues: ValidationIssue[] = [];
  const topIssues = top.error.issues.filter(
    (issue) => !listKeys.includes(String(issue.path[0])) || issue.path.length === 1,
  );
  issues.push(...fromZodIssues(topIssues, input));
  const doc = { ...(input as Record<string, unknown>) };
  const failedIds = new Map<string, Set<string>>();
  for (const key of listKeys) {
    const list = doc[key];
    const failed = new Set<string>();
    failedIds.set(key, failed);
    if (!Array.isArray(list)) continue;
    const item = itemSchemas.get(key)!;
    // Failed items become null so that the valid ones keep their original indices (JSON paths).
    const kept: unknown[] = [];
    list.forEach((element, i) => {
      const result = item.safeParse(element);
      if (result.success) kept.push(result.data);
      else {
        kept.push(null);
        issues.push(...fromZodIssues(result.error.issues, element, [key, i]));
        const id = (element as { id?: unknown } | null)?.id;
        if (typeof id === 'string') failed.add(id);
      }
    });
    doc[key] = kept;
  }
  const topOk = topIssues.length === 0;
  return { data: topOk ? (doc as T) : undefined, issues, failedIds };
}

/**
 * {@link parseByItem}, except that the items of the list property `listKey` that `known` accepts are
 * taken as they are (their shape was validated before, and they cannot have changed) and only the
 * others are parsed; issues keep the items' indices in the document. `passed` is called with every
 * parsed item of `listKey` that passed its schema (to remember it).
 *
 * @param schema - as {@link parseByItem}
 * @param listKeys - as {@link parseByItem}; must include `listKey`
 * @param listKey - the list property whose known items are not parsed again
 * @param input - the document
 * @param known - whether an item's shape is known to be valid
 * @param passed - called with each item of `listKey` that was parsed and passed
 * @returns as {@link parseByItem}
 * @remarks Complexity O(size of the items parsed + items of `listKey`).
 */
export function parseByItemExceptKnown<T>(
  schema: z.ZodObject,
  listKeys: readonly string[],
  listKey: string,
  input: unknown,
  known: (item: unknown) => boolean,
  passed: (item: unknown) => void,
): ItemwiseParse<T> {
  const items = (input as Record<string, unknown>)[listKey];
  if (!Array.isArray(items)) return parseByItem<T>(schema, listKeys, input);
  const fresh: number[] = [];
  for (let i = 0; i < items.length; i++) if (!known(items[i])) fresh.push(i);
  const parsed =
    fresh.length === items.length
      ? parseByItem<T>(schema, listKeys, input)
      : withKnownItems(
          parseByItem<T>(schema, listKeys, {
            ...(input as object),
            [listKey]: fresh.map((i) => items[i]),
          }),
          listKey,
          items,
          fresh,
        );
  const kept = (parsed.data as Record<string, unknown> | undefined)?.[listKey] as unknown[] | undefined;
  for (const i of fresh) if (kept?.[i]) passed(items[i]);
  return parsed;
}

/**
 * A parse of a document whose list `listKey` held only the items at `fresh` (of `items`): the other
 * items put back in place, as given, and the issues' paths naming the items' indices in `items`.
 */
function withKnownItems<T>(
  parsed: ItemwiseParse<T>,
  listKey: string,
  items: readonly unknown[],
  fresh: readonly number[],
): ItemwiseParse<T> {
  const issues = parsed.issues.map((issue) =>
    issue.path[0] === listKey && typeof issue.path[1] === 'number'
      ? { ...issue, path: [listKey, fresh[issue.path[1]]!, ...issue.path.slice(2)] }
      : issue,
  );
  if (!parsed.data) return { ...parsed, issues };
  const own = (parsed.data as Record<string, unknown>)[listKey] as unknown[];
  const merged = [...items];
  fresh.forEach((i, j) => {
    merged[i] = own[j];
  });
  return { ...parsed, issues, data: { ...parsed.data, [listKey]: merged } as T };
}

function comparePaths(a: JsonPath, b: JsonPath, keyOrder: readonly string[]): number {
  // Only the top-level key and the item index order issues; within an item, checks keep their order.
  const n = Math.min(a.length, b.length, 2);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (i === 0) {
      const rx = keyOrder.indexOf(String(x));
      const ry = keyOrder.indexOf(String(y));
      if (rx !== ry) return (rx < 0 ? keyOrder.length : rx) - (ry < 0 ? keyOrder.length : ry);
    }
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * Sort issues by JSON path (top-level keys in `keyOrder`, then indices in order), keeping the order of
 * issues at the same path.
 *
 * @param issues - issues from several passes
 * @param keyOrder - order of the document's top-level keys
 * @returns a new sorted array
 */
export function sortIssues(
  issues: readonly ValidationIssue[],
  keyOrder: readonly string[] = [],
): ValidationIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => comparePaths(a.issue.path, b.issue.path, keyOrder) || a.i - b.i)
    .map(({ issue }) => issue);
}

/**
 * The non-null items of a list with their original indices (see {@link parseByItem}).
 *
 * @param list - a list where failed items are null
 * @returns `[item, index]` pairs
 */
export function present<T>(list: readonly (T | null)[] | undefined): [T, number][] {
  const out: [T, number][] = [];
  (list ?? []).forEach((item, i) => {
    if (item !== null) out.push([item, i]);
  });
  return out;
}
