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
  constructor(code: CorridorSimErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CorridorSimError';
    this.code = code;
  }
}

/**
 * True when `value` is an error thrown by any copy of corridor-sim (ESM or CJS).
 *
 * @param value - anything caught
 * @returns whether it is a {@link CorridorSimError}
 */
export function isCorridorSimError(value: unknown): value is CorridorSimError {
  return (
    typeof value === 'object' && value !== null && (value as { [FOOTPRINT]?: unknown })[FOOTPRINT] === true
  );
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

/** Thrown by `parse*` functions; carries *all* issues found, not only the first. */
export class ValidationError extends CorridorSimError {
  /** Every issue found, in document order. */
  readonly issues: readonly ValidationIssue[];

  /**
   * @param what - what was being validated (`network`, `demand`, `scenario` ...)
   * @param issues - all issues (at least one)
   */
  constructor(what: string, issues: readonly ValidationIssue[]) {
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
  /** The id that was looked up. */
  readonly id: string;
  /**
   * @param module - module name for the message prefix (`corridor-sim/routing`)
   * @param what - kind of thing looked up (`node`, `link` ...)
   * @param id - the id that is missing
   */
  constructor(module: string, what: string, id: string) {
    super('not-found', `${module}: ${what} ${JSON.stringify(id)} does not exist`);
    this.name = 'NotFoundError';
    this.id = id;
  }
}

/** Thrown when a function argument or option is invalid. */
export class InvalidArgumentError extends CorridorSimError {
  /** Name of the argument or option (a JSON-like path such as `options.maxIterations`). */
  readonly argument: string;
  /**
   * @param module - module name for the message prefix
   * @param argument - the offending argument or option
   * @param message - what is wrong, naming the value
   */
  constructor(module: string, argument: string, message: string) {
    super('invalid-argument', `${module}: ${argument} ${message}`);
    this.name = 'InvalidArgumentError';
    this.argument = argument;
  }
}

/** Thrown when a quantity has an unknown or incompatible unit. */
export class UnitError extends CorridorSimError {
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
  /** 1-based line number of the offending line. */
  readonly line: number;
  /**
   * @param format - the format name (`DIMACS`, `TNTP net`)
   * @param line - 1-based line number
   * @param message - what is wrong, naming the value
   */
  constructor(format: string, line: number, message: string) {
    super('parse', `corridor-sim/data: ${format} line ${line}: ${message}`);
    this.name = 'ParseError';
    this.line = line;
  }
}
