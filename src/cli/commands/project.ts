/**
 * `corridor-sim project --scenario <name|file> --years 2024-2030|2024,2026,2030 [--json]`: year-by-year
 * results (`--year` is not a flag of project: a projection covers `--years`).
 */

import { parseArgs } from 'node:util';
import { formatProjection } from '../../report/projection.js';
import { summarizeResult } from '../../report/simulation.js';
import { project } from '../../simulate/project.js';
import type { CliIo, Command } from '../io.js';
import { badArguments, EXIT_BAD_ARGUMENTS, parseYearsFlag } from './flags.js';
import { resolveInput, resolveOptions, resolveScenario, SIMULATION_OPTIONS } from './inputs.js';

const USAGE =
  'usage: corridor-sim project [--scenario <name|file>] --years 2024-2030|2024,2026,2030 [--solver ...] [--gap g] [--json]';

/** The `project` command. */
export const projectCommand: Command = async (args, io: CliIo) => {
  const { values } = parseArgs({
    args: [...args],
    options: { ...SIMULATION_OPTIONS, years: { type: 'string' } },
  });
  if (values.years === undefined) {
    io.err(USAGE);
    return EXIT_BAD_ARGUMENTS;
  }
  if (values.year !== undefined) {
    return badArguments(
      io,
      'project',
      `--year is not used by project; use --years (got --year ${JSON.stringify(values.year)})`,
    );
  }
  const years = parseYearsFlag(values.years, '--years');
  if (!years.ok) return badArguments(io, 'project', years.message);
  const options = resolveOptions(values);
  if (!options.ok) return badArguments(io, 'project', options.message);
  const input = resolveInput(values, io);
  if (!input.ok) return fail(io, input.message);
  const scenario = resolveScenario(values.scenario ?? 'baseline', input.value, io);
  if (!scenario.ok) return fail(io, scenario.message);
  const timeline = scenario.value ?? { id: 'baseline', name: 'Baseline', operations: [] };
  const results = await project(input.value, timeline, years.value, options.value);
  if (values.json) io.out(JSON.stringify(results.map(summarizeResult), null, 2));
  else io.out(formatProjection(results));
  return 0;
};

function fail(io: CliIo, message: string): number {
  io.err(`corridor-sim: ${message}`);
  return 1;
}
