/**
 * `corridor-sim project --scenario <name|file> --years 2024-2030 [--json]`: year-by-year results.
 */

import { parseArgs } from 'node:util';
import { formatProjection } from '../../report/projection.js';
import { summarizeResult } from '../../report/simulation.js';
import { project } from '../../simulate/project.js';
import type { CliIo, Command } from '../io.js';
import { resolveInput, resolveOptions, resolveScenario, SIMULATION_OPTIONS } from './inputs.js';

/**
 * Parse `2024-2030` or `2024,2026,2030` into years.
 *
 * @param text - the argument
 * @returns years, or undefined when malformed
 */
export function parseYears(text: string): number[] | undefined {
  const range = /^(\d{4})-(\d{4})$/.exec(text);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to < from || to - from > 200) return undefined;
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const list = text.split(',').map((x) => Number(x.trim()));
  return list.length > 0 && list.every((y) => Number.isInteger(y)) ? list : undefined;
}

/** The `project` command. */
export const projectCommand: Command = async (args, io: CliIo) => {
  const { values } = parseArgs({
    args: [...args],
    options: { ...SIMULATION_OPTIONS, years: { type: 'string' } },
  });
  const years = values.years === undefined ? undefined : parseYears(values.years);
  if (!years) {
    io.err('usage: corridor-sim project [--scenario <name|file>] --years 2024-2030 [--solver ...] [--json]');
    return 2;
  }
  const input = resolveInput(values, io);
  if (!input.ok) return fail(io, input.message);
  const scenario = resolveScenario(values.scenario ?? 'baseline', input.value, io);
  if (!scenario.ok) return fail(io, scenario.message);
  const options = resolveOptions({ ...values, year: undefined });
  if (!options.ok) return fail(io, options.message);
  const timeline = scenario.value ?? { id: 'baseline', name: 'Baseline', operations: [] };
  const results = await project(input.value, timeline, years, options.value);
  if (values.json) io.out(JSON.stringify(results.map(summarizeResult), null, 2));
  else io.out(formatProjection(results));
  return 0;
};

function fail(io: CliIo, message: string): number {
  io.err(`corridor-sim: ${message}`);
  return 1;
}
