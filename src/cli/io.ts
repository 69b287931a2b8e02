/**
 * CLI input/output
 * ================
 *
 * Commands write through this interface instead of `console`/`process`, so they can be tested
 * in-process. Only the CLI touches the file system and the console.
 */

import { readFileSync } from 'node:fs';

/** Where a command writes and how it reads files. */
export interface CliIo {
  /** Write a line to standard output. */
  out(line: string): void;
  /** Write a line to standard error. */
  err(line: string): void;
  /** Read a text file (relative paths resolve against the working directory). */
  readText(path: string): string;
}

/** The real console and file system. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readText: (path) => readFileSync(path, 'utf8'),
};

/** A command: receives its own arguments (after the command name), returns the exit code. */
export type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/** An in-memory CliIo for tests: collects output lines. */
export function memoryIo(files: Record<string, string> = {}): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    readText: (path) => {
      const text = files[path];
      if (text !== undefined) return text;
      return readFileSync(path, 'utf8');
    },
  };
}
