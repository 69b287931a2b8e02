/**
 * `corridor-sim compare --scenario <name|file> [--base <name|file>] [--year Y] [--attribute] [--json]`:
 * simulate two scenarios and list the change of every headline figure; with `--attribute`, split the
 * change between the scenario's own operations (Shapley values).
 */

import { isDeepStrictEqual, parseArgs } from 'node:util';
import type { ScenarioOp } from '../../model/scenario.js';
import { formatComparison } from '../../report/comparison.js';
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
  const baseOps = base.value?.operations ?? [];
  const own = values.attribute ? ownOperations(target.value?.operations ?? [], baseOps) : undefined;
  if (values.attribute && !own) {
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
  if (target.value && own) {
    attribution = await attribute(
      input.value,
      { ...target.value, operations: own },
      { ...options.value, ...(base.value ? { base: base.value } : {}) },
    );
  }
  if (values.json)
    io.out(JSON.stringify({ comparison: diff, ...(attribution ? { attribution } : {}) }, null, 2));
  else io.out(formatComparison(diff, attribution));
  return 0;
};

/**
 * The operations a scenario adds to its base, when it extends the base: the base's operations,
 * compared by value, are the scenario's first operations.
 *
 * @param ops - the scenario's operations
 * @param baseOps - the base's operations
 * @returns the scenario's remaining operations, or undefined when it does not extend the base
 */
function ownOperations(ops: readonly ScenarioOp[], baseOps: readonly ScenarioOp[]): ScenarioOp[] | undefined {
  if (baseOps.length > ops.length) return undefined;
  if (!baseOps.every((op, i) => isDeepStrictEqual(op, ops[i]))) return undefined;
  return ops.slice(baseOps.length);
}

function fail(io: CliIo, message: string): number {
  io.err(`corridor-sim: ${message}`);
  return 1;
}
