/**
 * Flag values
 * ===========
 *
 * Strict parsing of the text a user gives to a command-line flag. `Number()` alone is too lenient for
 * a command line: it reads `''` and `' '` as 0, `0x7e7` as 2023 and `Infinity` as a number. These
 * helpers accept plain decimal numbers only, check the range, and on failure return a message that
 * names the flag and quotes the raw text (`--year must be an integer year in 1000–9999, got ""`).
 * Commands print the message and exit with code 2 (bad arguments).
 */

import { MAX_YEAR, MIN_YEAR } from '../../model/dates.js';
import type { CliIo } from '../io.js';

/** A value or a message for the user. */
export type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };

/** What a number flag accepts. */
export interface NumberRule {
  /** What the value must be, for the message (`a number ≥ 0`, `an integer year in 1000–9999`). */
  readonly what: string;
  /** Whether the value must be an integer (then the text must be digits, without exponent). */
  readonly integer?: boolean;
  /** Smallest accepted value (inclusive). */
  readonly min?: number;
  /** Largest accepted value (inclusive). */
  readonly max?: number;
}

/** A year: an integer in the range dates can express ({@link MIN_YEAR}–{@link MAX_YEAR}, see model/dates.ts). */
export const YEAR_RULE: NumberRule = {
  what: `an integer year in ${MIN_YEAR}–${MAX_YEAR}`,
  integer: true,
  min: MIN_YEAR,
  max: MAX_YEAR,
};

/** Most years one `--years` range may span (a typo such as `2024-9024` must not start 7000 runs). */
export const MAX_YEAR_SPAN = 200;

const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const INTEGER = /^[-+]?\d+$/;

/**
 * The number a text denotes under a rule, or undefined. Surrounding spaces are ignored; the text must
 * be a plain decimal number (`12`, `-0.5`, `1e-4`; integers: digits only), finite and within range.
 *
 * @param text - the raw text
 * @param rule - what is accepted
 * @returns the number, or undefined when the text is not acceptable
 * @example numberOf('0x7e7', YEAR_RULE) // undefined
 */
function numberOf(text: string, rule: NumberRule): number | undefined {
  const trimmed = text.trim();
  if (!(rule.integer ? INTEGER : DECIMAL).test(trimmed)) return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return undefined;
  if (rule.integer && !Number.isSafeInteger(value)) return undefined;
  if (rule.min !== undefined && value < rule.min) return undefined;
  if (rule.max !== undefined && value > rule.max) return undefined;
  return value;
}

/**
 * Parse the value of a number flag.
 *
 * @param text - the raw text given to the flag
 * @param flag - the flag, for the message (`--gap`)
 * @param rule - what is accepted
 * @returns the number, or a message naming the flag and the raw text
 * @example parseNumberFlag('', '--gap', { what: 'a number ≥ 0', min: 0 })
 * // { ok: false, message: '--gap must be a number ≥ 0, got ""' }
 */
export function parseNumberFlag(text: string, flag: string, rule: NumberRule): Resolved<number> {
  const value = numberOf(text, rule);
  if (value === undefined)
    return { ok: false, message: `${flag} must be ${rule.what}, got ${JSON.stringify(text)}` };
  return { ok: true, value };
}

/**
 * Parse the value of a year flag (`--year 2024`).
 *
 * @param text - the raw text
 * @param flag - the flag, for the message
 * @returns the year, or a message naming the flag and the raw text
 * @example parseYearFlag('1e21', '--year') // { ok: false, message: '--year must be an integer year in 1000–9999, got "1e21"' }
 */
export function parseYearFlag(text: string, flag = '--year'): Resolved<number> {
  return parseNumberFlag(text, flag, YEAR_RULE);
}

/**
 * Parse a comma-separated list of numbers (`--values 0.5,1,2`). Every element must satisfy the rule;
 * an empty list or an empty element (`1,,2`, `2024,`) is an error.
 *
 * @param text - the raw text
 * @param flag - the flag, for the message
 * @param rule - what each element must be
 * @returns the numbers in order, or a message naming the flag, the raw text and the bad element
 * @example parseNumberListFlag('1,,2', '--values', { what: 'a number' })
 * // { ok: false, message: '--values must be a comma-separated list, each value a number, got "1,,2" (value 2 is empty)' }
 */
export function parseNumberListFlag(text: string, flag: string, rule: NumberRule): Resolved<number[]> {
  const fail = (why: string): Resolved<number[]> => ({
    ok: false,
    message: `${flag} must be a comma-separated list, each value ${rule.what}, got ${JSON.stringify(text)} (${why})`,
  });
  const parts = text.split(',');
  const values: number[] = [];
  for (const [i, part] of parts.entries()) {
    if (part.trim() === '') return fail(`value ${i + 1} is empty`);
    const value = numberOf(part, rule);
    if (value === undefined) return fail(`value ${i + 1} is ${JSON.stringify(part.trim())}`);
    values.push(value);
  }
  return { ok: true, value: values };
}

/**
 * Parse the years of a projection: a range `2024-2030` (at most {@link MAX_YEAR_SPAN} + 1 years) or a
 * list `2024,2026,2030`, every year an integer in {@link MIN_YEAR}–{@link MAX_YEAR}.
 *
 * @param text - the raw text
 * @param flag - the flag, for the message
 * @returns the years in the given order, or a message naming the flag and the raw text
 * @example parseYearsFlag('2024-2026') // { ok: true, value: [2024, 2025, 2026] }
 */
export function parseYearsFlag(text: string, flag = '--years'): Resolved<number[]> {
  const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text);
  if (!range) return parseNumberListFlag(text, flag, YEAR_RULE);
  const fail = (why: string): Resolved<number[]> => ({
    ok: false,
    message: `${flag} must be a range of years (2024-2030) or a list (2024,2026,2030) of integer years in ${MIN_YEAR}–${MAX_YEAR}, got ${JSON.stringify(text)} (${why})`,
  });
  const from = numberOf(range[1]!, YEAR_RULE);
  const to = numberOf(range[2]!, YEAR_RULE);
  if (from === undefined) return fail(`${range[1]} is not a year in ${MIN_YEAR}–${MAX_YEAR}`);
  if (to === undefined) return fail(`${range[2]} is not a year in ${MIN_YEAR}–${MAX_YEAR}`);
  if (to < from) return fail('the range ends before it starts');
  if (to - from > MAX_YEAR_SPAN) return fail(`a range spans at most ${MAX_YEAR_SPAN + 1} years`);
  return { ok: true, value: Array.from({ length: to - from + 1 }, (_, i) => from + i) };
}

/**
 * Check a flag's text against a list of accepted words.
 *
 * @param text - the raw text
 * @param flag - the flag, for the message
 * @param choices - the accepted words
 * @returns the word, or a message listing the choices
 * @example parseChoiceFlag('magic', '--solver', ['equilibrium', 'min-cost', 'logit'])
 * // { ok: false, message: '--solver must be equilibrium, min-cost or logit, got "magic"' }
 */
export function parseChoiceFlag<T extends string>(
  text: string,
  flag: string,
  choices: readonly T[],
): Resolved<T> {
  if ((choices as readonly string[]).includes(text)) return { ok: true, value: text as T };
  const list =
    choices.length > 1
      ? `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`
      : choices.join('');
  return { ok: false, message: `${flag} must be ${list}, got ${JSON.stringify(text)}` };
}

/** Exit code of a command given bad arguments (a missing flag, or a flag's value it cannot use). */
export const EXIT_BAD_ARGUMENTS = 2;

/**
 * Report bad arguments: print `corridor-sim <command>: <message>` to standard error.
 *
 * @param io - where to write
 * @param command - the command's name (`run`)
 * @param message - what is wrong, naming the flag and its raw text
 * @returns {@link EXIT_BAD_ARGUMENTS}, the command's exit code
 */
export function badArguments(io: CliIo, command: string, message: string): number {
  io.err(`corridor-sim ${command}: ${message}`);
  return EXIT_BAD_ARGUMENTS;
}
