/**
 * corridor-sim command line
 * =========================
 *
 * `corridor-sim <command> [arguments]`. The only module that touches process, fs and console.
 */

import { assignCommand } from './commands/assign.js';
import { compareCommand } from './commands/compare.js';
import { criticalityCommand } from './commands/criticality.js';
import { flowCommand } from './commands/flow.js';
import { infoCommand } from './commands/info.js';
import { projectCommand } from './commands/project.js';
import { runCommand } from './commands/run.js';
import { scenariosCommand } from './commands/scenarios.js';
import { startCommand } from './commands/start.js';
import { sweepCommand } from './commands/sweep.js';
import { validateCommand } from './commands/validate.js';
import { type CliIo, type Command, processIo } from './io.js';

const COMMANDS: Readonly<Record<string, { run: Command; summary: string }>> = {
  validate: {
    run: validateCommand,
    summary: 'validate network, demand or scenario JSON files; list every issue',
  },
  info: { run: infoCommand, summary: 'summarize a network file or bundled dataset' },
  start: {
    run: startCommand,
    summary: 'the main job: baseline and two scenarios on the Eurasia data, compared',
  },
  run: {
    run: runCommand,
    summary: 'simulate one scenario in one year (--scenario, --year, --solver, --json, --csv)',
  },
  compare: {
    run: compareCommand,
    summary: 'compare a scenario with the baseline (--attribute: Shapley split by operation)',
  },
  project: {
    run: projectCommand,
    summary: 'year-by-year results of a scenario or timeline (--years 2024-2030)',
  },
  criticality: {
    run: criticalityCommand,
    summary: 'remove each link and node in turn; rank by lost throughput',
  },
  sweep: { run: sweepCommand, summary: 'one parameter over several values (capacity, cost, demand, avoid)' },
  scenarios: { run: scenariosCommand, summary: 'list bundled datasets and scenarios' },
  flow: {
    run: flowCommand,
    summary: 'DIMACS max-flow (flow max <file.max>) or min-cost flow (flow mincost <file.min>)',
  },
  assign: {
    run: assignCommand,
    summary: 'TNTP user-equilibrium assignment (--net X_net.tntp --trips X_trips.tntp)',
  },
};

function help(io: CliIo): void {
  io.out('usage: corridor-sim <command> [arguments]   (add --json for machine-readable output)');
  io.out('');
  for (const [name, command] of Object.entries(COMMANDS)) io.out(`  ${name.padEnd(12)} ${command.summary}`);
}

/**
 * Run the CLI.
 *
 * @param argv - arguments after the program name
 * @param io - where to write
 * @returns the exit code
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`corridor-sim: unknown command ${JSON.stringify(name)}`);
    help(io);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const err = error as { code?: unknown; message?: unknown };
    if (
      typeof err?.code === 'string' &&
      (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || err.code.startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`corridor-sim ${name}: ${String(err.message)}`);
      return 2;
    }
    io.err(`corridor-sim ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const isEntry = (() => {
  const entry = process.argv[1] ?? '';
  return /cli\.(c?js|mjs)$/.test(entry) || /src[\\/]cli[\\/]main\.ts$/.test(entry);
})();

if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
