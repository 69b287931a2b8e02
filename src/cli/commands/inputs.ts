/**
 * Shared inputs of the simulation commands: dataset (bundled name, or network + demand files),
 * scenario (bundled name, or file), year and solver options.
 */

import { listDatasets, loadDataset } from '../../data/datasets.js';
import { safeParseDemand } from '../../data/demand-format.js';
import { safeParseScenario } from '../../data/scenario-format.js';
import { listScenarios, loadScenario } from '../../data/scenarios.js';
import { formatPath } from '../../model/errors.js';
import type { Scenario } from '../../model/scenario.js';
import type { SolverKind } from '../../simulate/result.js';
import type { SimulateOptions, SimulationInput } from '../../simulate/simulate.js';
import type { CliIo } from '../io.js';
import { parseChoiceFlag, parseNumberFlag, parseYearFlag, type Resolved } from './flags.js';
import { readJson } from './read.js';
import { loadNetworkArgument } from './resolve.js';

/** Options every simulation command accepts (for `node:util` parseArgs). */
export const SIMULATION_OPTIONS = {
  dataset: { type: 'string', default: 'eurasia' },
  network: { type: 'string' },
  demand: { type: 'string' },
  scenario: { type: 'string' },
  year: { type: 'string' },
  solver: { type: 'string' },
  gap: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** Values of {@link SIMULATION_OPTIONS} after parsing. */
export interface SimulationArgs {
  readonly dataset?: string | undefined;
  readonly network?: string | undefined;
  readonly demand?: string | undefined;
  readonly scenario?: string | undefined;
  readonly year?: string | undefined;
  readonly solver?: string | undefined;
  readonly gap?: string | undefined;
}

export type { Resolved } from './flags.js';

const issuesText = (issues: readonly { path: readonly (string | number)[]; message: string }[]) =>
  issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`).join('\n');

/**
 * The network and demand: `--network` + `--demand` files, or the bundled `--dataset`.
 *
 * @param args - parsed arguments
 * @param io - the CLI io
 * @returns the input or a message
 */
export function resolveInput(args: SimulationArgs, io: CliIo): Resolved<SimulationInput> {
  if (args.network !== undefined || args.demand !== undefined) {
    if (args.network === undefined || args.demand === undefined) {
      return { ok: false, message: '--network and --demand go together' };
    }
    const network = loadNetworkArgument(args.network, io);
    if (!network.ok) return network;
    const doc = readJson(args.demand, io);
    if (!doc.ok) return doc;
    const demand = safeParseDemand(doc.value, network.network);
    if (!demand.success)
      return { ok: false, message: `${args.demand}: invalid demand:\n${issuesText(demand.issues)}` };
    return { ok: true, value: { network: network.network, demand: demand.data } };
  }
  const name = args.dataset ?? 'eurasia';
  if (!listDatasets().some((d) => d.name === name)) {
    return {
      ok: false,
      message: `unknown dataset ${JSON.stringify(name)}; bundled: ${listDatasets()
        .map((d) => d.name)
        .join(', ')}`,
    };
  }
  return { ok: true, value: loadDataset(name) };
}

/**
 * The scenario: a bundled scenario name, a JSON file, or none (baseline).
 *
 * @param arg - the `--scenario` value
 * @param input - the network and demand it must fit
 * @param io - the CLI io
 * @returns the scenario (undefined for the baseline) or a message
 */
export function resolveScenario(
  arg: string | undefined,
  input: SimulationInput,
  io: CliIo,
): Resolved<Scenario | undefined> {
  const name = arg ?? 'baseline';
  const bundled = listScenarios().find((s) => s.id === name);
  if (bundled && !name.endsWith('.json')) {
    // Bundled scenarios belong to their dataset; on other inputs `baseline` means no operations.
    if (loadDataset(bundled.dataset).network === input.network)
      return { ok: true, value: loadScenario(name) };
    if (name === 'baseline') return { ok: true, value: undefined };
    return {
      ok: false,
      message: `scenario ${JSON.stringify(name)} belongs to the ${bundled.dataset} dataset`,
    };
  }
  if (arg === undefined) return { ok: true, value: undefined };
  if (!arg.endsWith('.json') && !arg.includes('/')) {
    return {
      ok: false,
      message: `unknown scenario ${JSON.stringify(arg)}; bundled: ${listScenarios()
        .map((s) => s.id)
        .join(', ')} (or give a .json file)`,
    };
  }
  const doc = readJson(arg, io);
  if (!doc.ok) return doc;
  const parsed = safeParseScenario(doc.value, input.network, input.demand);
  if (!parsed.success)
    return { ok: false, message: `${arg}: invalid scenario:\n${issuesText(parsed.issues)}` };
  return { ok: true, value: parsed.data };
}

/** Solvers `--solver` accepts. */
const SOLVERS: readonly SolverKind[] = ['equilibrium', 'min-cost', 'logit'];

/**
 * Simulation options from `--year`, `--solver`, `--gap`. Call it before loading any input, and exit
 * with code 2 (`badArguments` in flags.ts) on a message: every message names the flag and its raw text.
 *
 * @param args - parsed arguments
 * @returns options or a message
 */
export function resolveOptions(args: SimulationArgs): Resolved<SimulateOptions> {
  const options: { year?: number; solver?: SolverKind; relativeGap?: number } = {};
  if (args.year !== undefined) {
    const year = parseYearFlag(args.year, '--year');
    if (!year.ok) return year;
    options.year = year.value;
  }
  if (args.solver !== undefined) {
    const solver = parseChoiceFlag(args.solver, '--solver', SOLVERS);
    if (!solver.ok) return solver;
    options.solver = solver.value;
  }
  if (args.gap !== undefined) {
    const gap = parseNumberFlag(args.gap, '--gap', { what: 'a finite number ≥ 0', min: 0 });
    if (!gap.ok) return gap;
    options.relativeGap = gap.value;
  }
  return { ok: true, value: options };
}
