/**
 * Reading JSON files for commands, with errors as values (never a stack trace for a user's typo).
 */

import type { CliIo } from '../io.js';

/** Result of {@link readJson}. */
export type ReadResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Read and parse a JSON file.
 *
 * @param file - path
 * @param io - the CLI io
 * @returns the parsed value, or a message naming the file and the problem
 */
export function readJson(file: string, io: CliIo): ReadResult {
  let text: string;
  try {
    text = io.readText(file);
  } catch (cause) {
    return { ok: false, message: `cannot read ${file}: ${(cause as Error).message}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    return { ok: false, message: `${file} is not valid JSON: ${(cause as Error).message}` };
  }
}
