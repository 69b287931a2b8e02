/**
 * `corridor-sim run [--dataset eurasia] [--scenario <name|file>] [--year Y] [--solver ...] [--json]
 * [--csv links|corridors|ods|countries|bottlenecks]`: simulate one scenario in one year.
 */

import { parseArgs } from 'node:util';
import { formatResult, type ResultTable, resultToCsv, summarizeResult } from '../../report/simulation.js';
import { simulate } from '../../simulate/simulate.js';
import type { CliIo, Command } from '../io.js';
import { badArguments } from './flags.js';
import { resolveInput, resolveOptions, resolveScenario, SIMULATION_OPTIONS } from './inputs.js';

const TABLES: readonly ResultTable[] = ['links', 'corridors', 'ods', 'countries', 'bottlenecks'];

/** The `run` command. */
export const runCommand: Command = async (args, io: CliIo) => {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { ...SIMULATION_OPTIONS, csv: { type: 'string' } },
  });
  if (positionals.length > 0) {
    io.err(`corridor-sim run: unexpected argument ${JSON.stringify(positionals[0])}`);
    return 2;
  }
  if (values.csv !== undefined && !TABLES.includes(values.csv as ResultTable)) {
    io.err(`corridor-sim run: --csv must be one of ${TABLES.join(', ')}, got ${JSON.stringify(values.csv)}`);
    return 2;
  }
  const options = resolveOptions(values);
  if (!options.ok) return badArguments(io, 'run', options.message);
  const input = resolveInput(values, io);
  if (!input.ok) return fail(io, input.message);
  const scenario = resolveScenario(values.scenario ?? 'baseline', input.value, io);
  if (!scenario.ok) return fail(io, scenario.message);
  const result = await simulate(input.value, scenario.value, options.value);
  if (values.csv !== undefined) io.out(resultToCsv(result, values.csv as ResultTable).trimEnd());
  else if (values.json) io.out(JSON.stringify(summarizeResult(result), null, 2));
  else io.out(formatResult(result));
  return 0;
};

function fail(io: CliIo, message: string): number {
  io.err(`corridor-sim: ${message}`);
  return 1;
}
