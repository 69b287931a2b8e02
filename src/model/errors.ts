/**
 * corridor-sim errors
 * ===================
 *
 * One base class with a literal `code`, and a few subclasses. Tell errors apart by `code` or by the
 * `isCorridorSimError` guard (which survives the ESM/CJS dual-package hazard because it checks a
 * `Symbol.for` footprint rather than `instanceof`). Messages start with the module name and name the
 * offending value.
 */

const FOOTPRINT: unique symbol = Symbol.for('corridor-sim/error') as never;

/** The machine-readable kinds of error thrown by corridor-sim. */
export type CorridorSimErrorCode =
  | 'validation'
  | 'not-found'
  | 'invalid-argument'
  | 'unit'
  | 'parse'
  | 'invariant';

/** A JSON path into a document: property names and array indices, outermost first. */
export type JsonPath = readonly (string | number)[];

/**
 * Format a JSON path the way humans read it: `$.links[3].capacityPerYear`.
 *
 * @param path - the path segments
 * @returns the dotted/bracketed string, rooted at `$`
 * @example formatPath(['links', 3, 'id']) // '$.links[3].id'
 */
export function formatPath(path: JsonPath): string {
  requireArray(path, 'corridor-sim/errors', 'path');
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Base class of every error corridor-sim throws on purpose. */
export class CorridorSimError extends Error {
  /** Machine-readable kind of the error. */
  readonly code: CorridorSimErrorCode;
  /** @internal brand used by {@link isCorridorSimError}. */
  readonly [FOOTPRINT] = true;

  /**
   * @param code - the error kind
   * @param message - human message, starting with the module name (`corridor-sim/data: ...`)
   * @param options - standard `ErrorOptions` (`cause`)
   */
  protected constructor(code: CorridorSimErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CorridorSimError';
    this.code = code;
  }
}

/**
 * Every error corridor-sim throws, as a union its `code` narrows:
 * `if (isCorridorSimError(e) && e.code === 'validation') e.issues`.
 */
export type AnyCorridorSimError =
  | ValidationError
  | NotFoundError
  | InvalidArgumentError
  | UnitError
  | ParseError
  | (CorridorSimError & { readonly code: 'invariant' });

/**
 * True when `value` is an error thrown by any copy of corridor-sim (ESM or CJS). The guard narrows to
 * {@link AnyCorridorSimError}, so testing `code` then gives the subclass's fields without a cast; an
 * error whose fields do not match its code (made by hand with the base class) is not taken for one.
 *
 * @param value - anything caught
 * @returns whether it is a corridor-sim error
 * @example
 * try { parseNetwork(json); } catch (e) {
 *   if (isCorridorSimError(e) && e.code === 'validation') for (const issue of e.issues) console.log(issue.message);
 * }
 */
export function isCorridorSimError(value: unknown): value is AnyCorridorSimError {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as { [FOOTPRINT]?: unknown; code?: unknown } & Record<string, unknown>;
  if (e[FOOTPRINT] !== true) return false;
  // the fields the code promises must be there (an error made by hand, or by another copy or version
  // of the library, is checked, not trusted)
  switch (e.code) {
    case 'validation':
      return Array.isArray(e.issues) && e.issues.every(isIssue) && typeof e.message === 'string';
    case 'not-found':
      return typeof e.id === 'string' && typeof e.message === 'string';
    case 'invalid-argument':
      return typeof e.argument === 'string' && typeof e.message === 'string';
    case 'parse':
      return Number.isInteger(e.line) && typeof e.message === 'string';
    case 'unit':
    case 'invariant':
      return typeof e.message === 'string';
    default:
      return false;
  }
}

/** Issue codes reported by validation. Open for extension by later modules. */
export type IssueCode =
  | 'invalid_type'
  | 'invalid_value'
  | 'missing'
  | 'unknown_key'
  | 'duplicate_id'
  | 'unknown_node'
  | 'unknown_link'
  | 'unknown_corridor'
  | 'unknown_segment'
  | 'unknown_commodity'
  | 'unknown_country'
  | 'not_finite'
  | 'negative'
  | 'out_of_range'
  | 'bad_unit'
  | 'bad_date'
  | 'broken_chain'
  | 'gauge_mismatch'
  | 'shares_do_not_sum'
  | 'unsupported_version'
  | 'unresolved_source'
  | 'self_loop'
  | (string & {});

/** One problem found in an input document. */
export interface ValidationIssue {
  /** What kind of problem (stable, for programs). */
  readonly code: IssueCode;
  /** Where in the document (JSON path segments). */
  readonly path: JsonPath;
  /** A human sentence naming the offending value. */
  readonly message: string;
}

/** Whether a value has the shape of a {@link ValidationIssue}. */
function isIssue(value: unknown): value is ValidationIssue {
  if (typeof value !== 'object' || value === null) return false;
  const issue = value as Partial<ValidationIssue>;
  return typeof issue.code === 'string' && Array.isArray(issue.path) && typeof issue.message === 'string';
}

/** Thrown by `parse*` functions; carries *all* issues found, not only the first. */
export class ValidationError extends CorridorSimError {
  declare readonly code: 'validation';
  /** Every issue found, in document order. */
  readonly issues: readonly ValidationIssue[];

  /**
   * @param what - what was being validated (`network`, `demand`, `scenario` ...)
   * @param issues - all issues (at least one)
   */
  constructor(what: string, issues: readonly ValidationIssue[]) {
    // a caller may pass anything at run time: keep the issues that are issues
    issues = Array.isArray(issues) ? issues.filter(isIssue) : [];
    const head = issues
      .slice(0, 5)
      .map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`)
      .join('\n');
    const more = issues.length > 5 ? `\n  ... and ${issues.length - 5} more` : '';
    super(
      'validation',
      `corridor-sim/data: invalid ${what}, ${issues.length} issue${issues.length === 1 ? '' : 's'}:\n${head}${more}`,
    );
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** Thrown when an id (node, link, corridor, dataset, scenario) does not exist. */
export class NotFoundError extends CorridorSimError {
  declare readonly code: 'not-found';
  /** The id that was looked up. */
  readonly id: string;
  /**
   * @param module - module name for the message prefix (`corridor-sim/routing`)
   * @param what - kind of thing looked up (`node`, `link` ...)
   * @param id - the id that is missing
   */
  constructor(module: string, what: string, id: string) {
    // a caller may pass anything at run time: the field keeps its declared type, the message shows it
    const text = typeof id === 'string' ? id : describeValue(id);
    super(
      'not-found',
      `${module}: ${what} ${typeof id === 'string' ? JSON.stringify(id) : text} does not exist`,
    );
    this.name = 'NotFoundError';
    this.id = text;
  }
}

/** Thrown when a function argument or option is invalid. */
export class InvalidArgumentError extends CorridorSimError {
  declare readonly code: 'invalid-argument';
  /** Name of the argument or option (a JSON-like path such as `options.maxIterations`). */
  readonly argument: string;
  /**
   * @param module - module name for the message prefix
   * @param argument - the offending argument or option
   * @param message - what is wrong, naming the value
   */
  constructor(module: string, argument: string, message: string) {
    // a caller may pass anything at run time: the field keeps its declared type
    const name = typeof argument === 'string' ? argument : describeValue(argument);
    super('invalid-argument', `${module}: ${name} ${message}`);
    this.name = 'InvalidArgumentError';
    this.argument = name;
  }
}

/** Thrown when a quantity has an unknown or incompatible unit. */
export class UnitError extends CorridorSimError {
  declare readonly code: 'unit';
  /**
   * @param message - what is wrong, naming the value
   */
  constructor(message: string) {
    super('unit', `corridor-sim/units: ${message}`);
    this.name = 'UnitError';
  }
}

/** Thrown by text-format readers (TNTP, DIMACS) on malformed input; names the line. */
export class ParseError extends CorridorSimError {
  declare readonly code: 'parse';
  /** 1-based line number of the offending line. */
  readonly line: number;
  /**
   * @param format - the format name (`DIMACS`, `TNTP net`)
   * @param line - 1-based line number
   * @param message - what is wrong, naming the value
   */
  constructor(format: string, line: number, message: string) {
    // a caller may pass anything at run time: the field keeps its declared type (0 when unknown)
    const at = Number.isInteger(line) && line >= 0 ? line : 0;
    const shown = at === line ? String(line) : describeValue(line);
    super('parse', `corridor-sim/data: ${format} line ${shown}: ${message}`);
    this.name = 'ParseError';
    this.line = at;
  }
}

/**
 * A value as error messages show it: its type when that is what is wrong, e.g. `the string "2023"`,
 * `null`, `an array`, `NaN`, `Infinity`, `a function`; numbers and booleans as they are.
 *
 * @param value - any value
 * @returns a short description for a message
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return `the bigint ${value}`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (Array.isArray(value)) return 'an array';
  return 'an object';
}

/** Edit distance (insertions, deletions, substitutions) between two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Throw on a key of an options object that the function does not know — a misspelt option would
 * otherwise be ignored silently — suggesting the nearest known key.
 *
 * @param value - the options object
 * @param known - the keys the function reads
 * @param module - module name for the message
 * @param argument - the argument's name (`options`)
 * @throws InvalidArgumentError naming `argument.key`
 */
export function rejectUnknownKeys(
  value: object,
  known: readonly string[],
  module: string,
  argument: string,
): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    let nearest: string | undefined;
    let best = 3;
    for (const k of known) {
      const d = editDistance(key.toLowerCase(), k.toLowerCase());
      if (d < best) {
        best = d;
        nearest = k;
      }
    }
    throw new InvalidArgumentError(
      module,
      `${argument}.${key}`,
      `is not an option${nearest ? `; did you mean ${nearest}?` : ''} (options: ${known.join(', ')})`,
    );
  }
}

/**
 * Throw unless `value` is a non-null object (not an array) — the entry check of functions that take a
 * structured argument.
 *
 * @param value - the argument
 * @param module - module name for the message (`corridor-sim/routing`)
 * @param argument - the argument's name
 * @param what - what it must be (`a Demand`, `an assignment problem`)
 * @throws InvalidArgumentError when it is not an object
 */
export function requireObject(
  value: unknown,
  module: string,
  argument: string,
  what: string,
): asserts value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(module, argument, `must be ${what}, got ${describeValue(value)}`);
  }
}

/**
 * The options argument of a function: `{}` when omitted, the object itself when given.
 *
 * @param value - the options argument
 * @param module - module name for the message
 * @returns the options object
 * @throws InvalidArgumentError when it is given but not an object
 */
export function optionsOf<T extends object>(value: T | undefined, module: string): T {
  if (value === undefined) return {} as T;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(module, 'options', `must be an object, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * Throw unless `value` is an array.
 *
 * @param value - the argument
 * @param module - module name for the message
 * @param argument - the argument's name
 * @throws InvalidArgumentError when it is not an array
 */
export function requireArray(
  value: unknown,
  module: string,
  argument: string,
): asserts value is readonly unknown[] {
  if (!Array.isArray(value))
    throw new InvalidArgumentError(module, argument, `must be an array, got ${describeValue(value)}`);
}

/**
 * Throw unless `value` is an object that has every one of `fields` (not undefined) — the cheap entry
 * check of functions that take a structure produced by another corridor-sim function.
 *
 * @param value - the argument
 * @param module - module name for the message
 * @param argument - the argument's name
 * @param what - what it must be
 * @param fields - the fields it needs
 * @throws InvalidArgumentError naming the first missing field
 */
export function requireFields(
  value: unknown,
  module: string,
  argument: string,
  what: string,
  fields: readonly string[],
): void {
  requireObject(value, module, argument, what);
  for (const field of fields) {
    if ((value as Record<string, unknown>)[field] === undefined) {
      throw new InvalidArgumentError(
        module,
        `${argument}.${field}`,
        `is missing: ${argument} must be ${what}`,
      );
    }
  }
}
