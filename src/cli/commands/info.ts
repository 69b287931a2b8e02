/**
 * `corridor-sim info <file|dataset>`: a summary of a network (nodes, links by mode, countries,
 * corridors). Exit 1 when the input is invalid.
 */

import { parseArgs } from 'node:util';
import { formatNetworkSummary, summarizeNetwork } from '../../report/network-summary.js';
import type { CliIo, Command } from '../io.js';
import { loadNetworkArgument } from './resolve.js';

/** The `info` command. */
export const infoCommand: Command = async (args, io: CliIo) => {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const target = positionals[0];
  if (target === undefined || positionals.length > 1) {
    io.err('usage: corridor-sim info <network.json | dataset name> [--json]');
    return 2;
  }
  const loaded = loadNetworkArgument(target, io);
  if (!loaded.ok) {
    io.err(loaded.message);
    return 1;
  }
  const summary = summarizeNetwork(loaded.network);
  io.out(values.json ? JSON.stringify(summary, null, 2) : formatNetworkSummary(summary));
  return 0;
};
