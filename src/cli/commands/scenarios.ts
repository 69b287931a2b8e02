/**
 * `corridor-sim scenarios [--json]`: list the bundled scenarios and datasets.
 */

import { parseArgs } from 'node:util';
import { listDatasets } from '../../data/datasets.js';
import { listScenarios } from '../../data/scenarios.js';
import type { CliIo, Command } from '../io.js';

/** The `scenarios` command. */
export const scenariosCommand: Command = async (args, io: CliIo) => {
  const { values } = parseArgs({ args: [...args], options: { json: { type: 'boolean', default: false } } });
  const scenarios = listScenarios();
  const datasets = listDatasets();
  if (values.json) {
    io.out(JSON.stringify({ datasets, scenarios }, null, 2));
    return 0;
  }
  io.out('datasets:');
  for (const d of datasets) io.out(`  ${d.name.padEnd(28)} ${d.title ?? ''}`);
  io.out('');
  io.out('scenarios:');
  for (const s of scenarios) io.out(`  ${s.id.padEnd(28)} ${s.name}`);
  return 0;
};
