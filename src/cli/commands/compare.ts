/**
 * `corridor-sim compare --scenario <name|file> [--base <name|file>] [--year Y] [--attribute] [--json]`:
 * simulate two scenarios and list the change of every headline figure; with `--attribute`, split the
 * change between the scenario's own operations (Shapley values).
 */

import { parseArgs } from 'node:util';
import { formatComparison } from '../../report/comparison.js';
import { ownOperations } from '../../scenario/extend.js';
import { type Attribution, attribute } from '../../simulate/attribute.js';
import { compare } from '../../simulate/compare.js';
import { simulate } from '../../simulate/simulate.js';
import type { CliIo, Command } from '../io.js';
import { badArguments } from './flags.js';
import { resolveInput, resolveOptions, resolveScenario, SIMULATION_OPTIONS } from './inputs.js';

/** The `compare` command. */
export const compareCommand: Command = async (args, io: CliIo) => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      ...SIMULATION_OPTIONS,
      base: { type: 'string' },
      attribute: { type: 'boolean', default: false },
    },
  });
  if (values.scenario === undefined) {
    io.err(
      'usage: corridor-sim compare --scenario <name|file> [--base <name|file>] [--year Y] [--attribute] [--json]',
    );
    return 2;
  }
  const options = resolveOptions(values);
  if (!options.ok) return badArguments(io, 'compare', options.message);
  const input = resolveInput(values, io);
  if (!input.ok) return fail(io, input.message);
  const base = resolveScenario(values.base ?? 'baseline', input.value, io);
  if (!base.ok) return fail(io, base.message);
  const target = resolveScenario(values.scenario, input.value, io);
  if (!target.ok) return fail(io, target.message);
  // Attribute only the operations the scenario adds to its base: the base's operations must be the
  // first operations of the scenario, or the attribution would not explain the comparison beside it.
  // Checked here, before anything runs, to exit 2 with the flags' names (attribute checks it too).
  if (values.attribute && !ownOperations(target.value?.operations ?? [], base.value?.operations ?? [])) {
    return badArguments(
      io,
      'compare',
      `--attribute needs --scenario to extend --base: the operations of --base ${JSON.stringify(
        values.base ?? 'baseline',
      )} are not the first operations of --scenario ${JSON.stringify(values.scenario)} (compare without --attribute, or give a --base the scenario builds on)`,
    );
  }
  const a = await simulate(input.value, base.value, options.value);
  const b = await simulate(input.value, target.value, options.value);
  const diff = compare(a, b);
  let attribution: Attribution | undefined;
  if (values.attribute && target.value) {
    attribution = await attribute(input.value, target.value, {
      ...options.value,
      ...(base.value ? { base: base.value } : {}),
    });
  }
  if (values.json)
    io.out(JSON.stringify({ comparison: diff, ...(attribution ? { attribution } : {}) }, null, 2));
  else io.out(formatComparison(diff, attribution));
  return 0;
};

function fail(io: CliIo, message: string): number {
  io.err(`corridor-sim: ${message}`);
  return 1;
}
