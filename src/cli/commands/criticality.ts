/**
 * `corridor-sim criticality [--scenario ...] [--year Y] [--elements links|nodes|both] [--commodity c]
 * [--top N] [--json]`: remove every link and node in turn, rank by lost overland throughput, then
 * unmet volume, then added cost; the table has one unmet column per commodity, in its unit. Added
 * cost and unit-days are those of the volume delivered in both runs (what it pays more, or less, on
 * the routes it takes without the element), matched per demand flow and segment: a flow's moved
 * volume is priced against the routes that flow left, never against another flow's lost volume.
 * Volume no longer delivered is in the unmet columns and not priced, so a loss neither shows as a
 * saving nor inflates the cost of what moved. See `criticality` for the rule.
 */

import { parseArgs } from 'node:util';
import { formatTable } from '../../report/table.js';
import { criticality } from '../../simulate/criticality.js';
import type { CliIo, Command } from '../io.js';
import { badArguments, parseChoiceFlag, parseNumberFlag } from './flags.js';
import { resolveInput, resolveOptions, resolveScenario, SIMULATION_OPTIONS } from './inputs.js';

const ELEMENTS = ['links', 'nodes', 'both'] as const;

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
  const elements = parseChoiceFlag(values.elements, '--elements', ELEMENTS);
  if (!elements.ok) return badArguments(io, 'criticality', elements.message);
  const top = parseNumberFlag(values.top, '--top', { what: 'a positive integer', integer: true, min: 1 });
  if (!top.ok) return badArguments(io, 'criticality', top.message);
  const options = resolveOptions(values);
  if (!options.ok) return badArguments(io, 'criticality', options.message);
  const input = resolveInput(values, io);
  if (!input.ok) return fail(io, input.message);
  const commodities = Object.keys(input.value.network.commodities);
  if (values.commodity !== undefined && !commodities.includes(values.commodity)) {
    return badArguments(
      io,
      'criticality',
      `--commodity must be a commodity of the dataset (${commodities.join(', ')}), got ${JSON.stringify(values.commodity)}`,
    );
  }
  const scenario = resolveScenario(values.scenario ?? 'baseline', input.value, io);
  if (!scenario.ok) return fail(io, scenario.message);
  const { reference, ranking } = await criticality(input.value, {
    ...options.value,
    ...(scenario.value ? { scenario: scenario.value } : {}),
    elements: elements.value,
    ...(values.commodity !== undefined ? { commodity: values.commodity } : {}),
  });
  if (values.json) {
    io.out(JSON.stringify({ scenario: reference.scenario, year: reference.year, ranking }, null, 2));
    return 0;
  }
  io.out(
    `criticality · ${reference.scenario} · ${reference.year} · ${ranking.length} elements carrying flow`,
  );
  // unmet volume per commodity, each in its own unit
  const unmetOf = Object.keys(ranking[0]?.addedUnmetByCommodity ?? {});
  const network = input.value.network;
  io.out('');
  io.out(
    formatTable(
      [
        'element',
        'kind',
        'lost overland TEU/yr',
        'to sea TEU/yr',
        ...unmetOf.map((c) => `unmet ${c} ${network.commodities[c]?.unit ?? 'units'}/yr`),
        'added cost USD/yr',
        'added unit-days/yr',
      ],
      ranking
        .slice(0, top.value)
        .map((r) => [
          r.id,
          r.kind,
          r.lostThroughputTeu,
          r.addedDivertedTeu,
          ...unmetOf.map((c) => r.addedUnmetByCommodity[c] ?? 0),
          r.addedCostUsd,
          r.addedUnitDays,
        ]),
    ),
  );
  io.out('');
  io.out(
    'added cost and unit-days: of the volume delivered in both runs, each flow against its own routes before; unmet volume is not priced',
  );
  return 0;
};

function fail(io: CliIo, message: string): number {
  io.err(`corridor-sim: ${message}`);
  return 1;
}
