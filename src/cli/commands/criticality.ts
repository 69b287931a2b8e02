/**
 * `corridor-sim criticality [--scenario ...] [--year Y] [--elements links|nodes|both] [--commodity c]
 * [--top N] [--json]`: remove every link and node in turn, rank by lost throughput and added cost.
 */

import { parseArgs } from 'node:util';
import { formatTable } from '../../report/table.js';
import { criticality } from '../../simulate/criticality.js';
import type { CliIo, Command } from '../io.js';
import { resolveInput, resolveOptions, resolveScenario, SIMULATION_OPTIONS } from './inputs.js';

/** The `criticality` command. */
export const criticalityCommand: Command = async (args, io: CliIo) => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      ...SIMULATION_OPTIONS,
      elements: { type: 'string', default: 'both' },
      commodity: { type: 'string' },
      top: { type: 'string', default: '15' },
    },
  });
  if (!['links', 'nodes', 'both'].includes(values.elements)) {
    io.err(
      `corridor-sim criticality: --elements must be links, nodes or both, got ${JSON.stringify(values.elements)}`,
    );
    return 2;
  }
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 1) {
    io.err(`corridor-sim criticality: --top must be a positive integer, got ${JSON.stringify(values.top)}`);
    return 2;
  }
  const input = resolveInput(values, io);
  if (!input.ok) return fail(io, input.message);
  const scenario = resolveScenario(values.scenario ?? 'baseline', input.value, io);
  if (!scenario.ok) return fail(io, scenario.message);
  const options = resolveOptions(values);
  if (!options.ok) return fail(io, options.message);
  const { reference, ranking } = await criticality(input.value, {
    ...options.value,
    ...(scenario.value ? { scenario: scenario.value } : {}),
    elements: values.elements as 'links' | 'nodes' | 'both',
    ...(values.commodity ? { commodity: values.commodity } : {}),
  });
  if (values.json) {
    io.out(JSON.stringify({ scenario: reference.scenario, year: reference.year, ranking }, null, 2));
    return 0;
  }
  io.out(
    `criticality · ${reference.scenario} · ${reference.year} · ${ranking.length} elements carrying flow`,
  );
  io.out('');
  io.out(
    formatTable(
      ['element', 'kind', 'lost overland TEU', 'to sea TEU', 'unmet', 'added cost USD', 'added unit-days'],
      ranking
        .slice(0, top)
        .map((r) => [
          r.id,
          r.kind,
          r.lostThroughputTeu,
          r.addedDivertedTeu,
          r.addedUnmet,
          r.addedCostUsd,
          r.addedUnitDays,
        ]),
    ),
  );
  return 0;
};

function fail(io: CliIo, message: string): number {
  io.err(`corridor-sim: ${message}`);
  return 1;
}
