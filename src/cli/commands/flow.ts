/**
 * `corridor-sim flow max <file.max>` and `corridor-sim flow mincost <file.min>`: solve a DIMACS
 * max-flow or min-cost flow file.
 *
 * - `flow max FILE [--json]` prints the maximum flow value and the minimum cut; with `--json`:
 *   `{"value": number, "cut": [[from, to], ...]}` (cut arcs as DIMACS node numbers, 1-based).
 * - `flow mincost FILE [--algorithm auto|simplex|cost-scaling] [--json]` prints the optimal cost
 *   (auto: cost scaling from 30,000 nodes, else the network simplex); with
 *   `--json`: `{"status": "optimal", "cost": number}`, or `{"status": "infeasible", "reason": ...,
 *   "unmet": number}`, or `{"status": "unbounded"}`.
 *
 * Exit codes: 0 solved (whatever the status), 1 unreadable or malformed file, 2 usage error.
 */

import { parseArgs } from 'node:util';
import { maxFlow } from '../../algorithms/flow/maxFlow.js';
import { type MinCostFlowAlgorithm, minCostFlow } from '../../algorithms/flow/minCostFlow.js';
import { readDimacsMaxFlow, readDimacsMinCostFlow } from '../../data/dimacs.js';
import { isCorridorSimError } from '../../model/errors.js';
import type { CliIo, Command } from '../io.js';

const USAGE = [
  'usage: corridor-sim flow max <file.max> [--json]',
  '       corridor-sim flow mincost <file.min> [--algorithm auto|simplex|cost-scaling] [--json]',
].join('\n');

const ALGORITHMS: Readonly<Record<string, MinCostFlowAlgorithm | 'auto'>> = {
  auto: 'auto',
  simplex: 'network-simplex',
  'network-simplex': 'network-simplex',
  'cost-scaling': 'cost-scaling',
};

function readFile(io: CliIo, path: string): string | undefined {
  try {
    return io.readText(path);
  } catch (error) {
    io.err(
      `corridor-sim flow: cannot read ${JSON.stringify(path)}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

/** The `flow` command: args are the words after `flow`. */
export const flowCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      algorithm: { type: 'string', default: 'auto' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [mode, path, ...extra] = positionals;
  if ((mode !== 'max' && mode !== 'mincost') || path === undefined || extra.length > 0) {
    io.err(USAGE);
    return 2;
  }
  const algorithm = ALGORITHMS[values.algorithm];
  if (algorithm === undefined) {
    io.err(
      `corridor-sim flow: --algorithm must be simplex or cost-scaling, got ${JSON.stringify(values.algorithm)}`,
    );
    return 2;
  }
  const text = readFile(io, path);
  if (text === undefined) return 1;
  try {
    return mode === 'max' ? solveMax(text, values.json, io) : solveMinCost(text, algorithm, values.json, io);
  } catch (error) {
    if (isCorridorSimError(error)) {
      io.err(`${error.message} (in ${path})`);
      return 1;
    }
    throw error;
  }
};

function solveMax(text: string, json: boolean, io: CliIo): number {
  const problem = readDimacsMaxFlow(text);
  const r = maxFlow(problem, problem.source, problem.sink, { compute: 'cut' });
  if (r.status === 'unbounded') {
    io.out(json ? JSON.stringify({ status: 'unbounded' }) : 'max flow: unbounded');
    return 0;
  }
  const cut = Array.from(r.cutArcs, (e) => [problem.tail[e]! + 1, problem.head[e]! + 1]);
  if (json) {
    io.out(JSON.stringify({ value: r.value, cut }));
  } else {
    io.out(`max flow ${r.value} from node ${problem.source + 1} to node ${problem.sink + 1}`);
    io.out(`minimum cut: ${cut.length} arc${cut.length === 1 ? '' : 's'}`);
    for (const [from, to] of cut.slice(0, 50)) io.out(`  ${from} -> ${to}`);
    if (cut.length > 50) io.out(`  ... and ${cut.length - 50} more (use --json for all)`);
  }
  return 0;
}

function solveMinCost(
  text: string,
  algorithm: MinCostFlowAlgorithm | 'auto',
  json: boolean,
  io: CliIo,
): number {
  const problem = readDimacsMinCostFlow(text);
  const r = minCostFlow(problem, { algorithm });
  if (r.status === 'optimal') {
    io.out(
      json ? JSON.stringify({ status: 'optimal', cost: r.cost }) : `optimal cost ${r.cost} (${r.algorithm})`,
    );
  } else if (r.status === 'infeasible') {
    io.out(
      json
        ? JSON.stringify({ status: 'infeasible', reason: r.reason, unmet: r.unmet })
        : `infeasible (${r.reason === 'unbalanced' ? 'supply ≠ demand' : 'capacities'}): ${r.unmet} units cannot be routed`,
    );
  } else {
    io.out(
      json
        ? JSON.stringify({ status: 'unbounded' })
        : 'unbounded: a negative-cost cycle has unlimited capacity',
    );
  }
  return 0;
}
