/**
 * corridor-sim command line
 * =========================
 *
 * `corridor-sim <command> [arguments]`. The only module that touches process, fs and console.
 */

import { infoCommand } from './commands/info.js';
import { validateCommand } from './commands/validate.js';
import { type CliIo, type Command, processIo } from './io.js';

const COMMANDS: Readonly<Record<string, { run: Command; summary: string }>> = {
  validate: {
    run: validateCommand,
    summary: 'validate network, demand or scenario JSON files; list every issue',
  },
  info: { run: infoCommand, summary: 'summarize a network file or bundled dataset' },
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
