/**
 * `corridor-sim start [--year 2023]` (what `npm start` runs): the main job on the bundled Eurasia data —
 * the baseline and two scenarios (shippers avoiding Russia; the CPC pipeline stopping), and what each
 * changes against the baseline.
 */

import { parseArgs } from 'node:util';
import { loadDataset } from '../../data/datasets.js';
import { loadScenario } from '../../data/scenarios.js';
import { formatComparison } from '../../report/comparison.js';
import { formatResult } from '../../report/simulation.js';
import { compare } from '../../simulate/compare.js';
import { simulate } from '../../simulate/simulate.js';
import type { CliIo, Command } from '../io.js';
import { badArguments, parseYearFlag } from './flags.js';

const DEFAULTS = { year: '2023', scenarios: ['avoid-russia', 'cpc-closure'] };

/** The `start` command. */
export const startCommand: Command = async (args, io: CliIo) => {
  const { values } = parseArgs({
    args: [...args],
    options: { year: { type: 'string', default: DEFAULTS.year } },
  });
  const parsed = parseYearFlag(values.year, '--year');
  if (!parsed.ok) return badArguments(io, 'start', parsed.message);
  const year = parsed.value;
  const eurasia = loadDataset('eurasia');
  io.out(
    `corridor-sim · ${eurasia.network.meta.name}: ${eurasia.network.graph.order} nodes, ${eurasia.network.graph.size} links, ${eurasia.network.corridors.length} corridors`,
  );
  io.out('');
  const baseline = await simulate(eurasia, loadScenario('baseline'), { year });
  io.out(formatResult(baseline));
  for (const id of DEFAULTS.scenarios) {
    const scenario = loadScenario(id);
    const result = await simulate(eurasia, scenario, { year });
    io.out('');
    io.out(`== ${scenario.name}`);
    io.out(formatComparison(compare(baseline, result)));
  }
  io.out('');
  io.out(
    'More: corridor-sim run --scenario <name> --year <Y> [--json] · corridor-sim scenarios · corridor-sim --help',
  );
  return 0;
};
