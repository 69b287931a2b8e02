/**
 * `corridor-sim compare --scenario <name|file> [--base <name|file>] [--year Y] [--attribute] [--json]`:
 * simulate two scenarios and list the change of every headline figure; with `--attribute`, split the
 * change between the scenario's own operations (Shapley values).
 */

import { parseArgs } from 'node:util';
import type { Scenario } from '../../model/scenario.js';
import { formatComparison } from '../../report/comparison.js';
import { type Attribution, attribute } from '../../simulate/attribute.js';
import { compare } from '../../simulate/compare.js';
import { simulate } from '../../simulate/simulate.js';
import type { CliIo, Command } from '../io.js';
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
  const input = resolveInput(values, io);
  if (!input.ok) return fail(io, input.message);
  const base = resolveScenario(values.base ?? 'baseline', input.value, io);
  if (!base.ok) return fail(io, base.message);
  const target = resolveScenario(values.scenario, input.value, io);
  if (!target.ok) return fail(io, target.message);
  const options = resolveOptions(values);
  if (!options.ok) return fail(io, options.message);
  const a = await simulate(input.value, base.value, options.value);
  const b = await simulate(input.value, target.value, options.value);
  const diff = compare(a, b);
  let attribution: Attribution | undefined;
  if (values.attribute && target.value) {
    // Attribute only the operations the scenario adds to its base.
    const baseOps = base.value?.operations.length ?? 0;
    const own: Scenario = { ...target.value, operations: target.value.operations.slice(baseOps) };
    attribution = await attribute(input.value, own, {
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
