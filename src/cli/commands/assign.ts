/**
 * `corridor-sim assign --net X_net.tntp --trips X_trips.tntp [--algorithm bfw|cfw|fw|msa|path|aon]
 * [--gap 1e-4] [--max-iterations N] [--toll-factor f] [--distance-factor f] [--flows] [--json]`:
 * static traffic assignment of a TNTP network (user equilibrium). Prints the convergence report, and
 * with `--flows` the link volumes; `--json` prints
 * `{"status","relativeGap","iterations","beckmann","seconds","flows":[{"from","to","volume"}]}`.
 * Exit 0 on a finished run (converged or not: the status says which), 1 on unreadable or malformed
 * input, 2 on bad arguments.
 */

import { parseArgs } from 'node:util';
import { tntpAssignmentProblem } from '../../algorithms/assignment/fromTntp.js';
import { type SolveAssignmentOptions, solveAssignment } from '../../algorithms/assignment/solveAssignment.js';
import { parseTntpNet, parseTntpTrips } from '../../data/tntp.js';
import { isCorridorSimError } from '../../model/errors.js';
import type { CliIo, Command } from '../io.js';
import { parseNumberFlag } from './flags.js';

const USAGE =
  'usage: corridor-sim assign --net X_net.tntp --trips X_trips.tntp [--algorithm bfw|cfw|fw|msa|path|aon] ' +
  '[--gap 1e-4] [--max-iterations N] [--toll-factor f] [--distance-factor f] [--flows] [--json]';

const DEFAULTS = { algorithm: 'bfw', gap: 1e-4, maxIterations: 1000 } as const;

const ALGORITHMS = ['bfw', 'cfw', 'fw', 'msa', 'path', 'aon'] as const;
type CliAlgorithm = (typeof ALGORITHMS)[number];

function numberOption(
  raw: string | undefined,
  name: string,
  fallback: number,
  integer: boolean,
): number | string {
  if (raw === undefined) return fallback;
  const parsed = parseNumberFlag(
    raw,
    `--${name}`,
    integer ? { what: 'a non-negative integer', integer: true, min: 0 } : { what: 'a number ≥ 0', min: 0 },
  );
  return parsed.ok ? parsed.value : parsed.message;
}

/** The `assign` command. */
export const assignCommand: Command = async (args, io: CliIo) => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        net: { type: 'string' },
        trips: { type: 'string' },
        algorithm: { type: 'string', default: DEFAULTS.algorithm },
        gap: { type: 'string' },
        'max-iterations': { type: 'string' },
        'toll-factor': { type: 'string' },
        'distance-factor': { type: 'string' },
        flows: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    io.err(`corridor-sim assign: ${(error as Error).message}`);
    io.err(USAGE);
    return 2;
  }
  const net = values.net as string | undefined;
  const tripsFile = values.trips as string | undefined;
  if (net === undefined || tripsFile === undefined) {
    io.err(USAGE);
    return 2;
  }
  const algorithm = values.algorithm as string;
  if (!(ALGORITHMS as readonly string[]).includes(algorithm)) {
    io.err(
      `corridor-sim assign: --algorithm must be one of ${ALGORITHMS.join(', ')}, got ${JSON.stringify(algorithm)}`,
    );
    return 2;
  }
  const gap = numberOption(values.gap as string | undefined, 'gap', DEFAULTS.gap, false);
  const maxIterations = numberOption(
    values['max-iterations'] as string | undefined,
    'max-iterations',
    DEFAULTS.maxIterations,
    true,
  );
  const tollFactor = numberOption(values['toll-factor'] as string | undefined, 'toll-factor', 0, false);
  const distanceFactor = numberOption(
    values['distance-factor'] as string | undefined,
    'distance-factor',
    0,
    false,
  );
  for (const value of [gap, maxIterations, tollFactor, distanceFactor]) {
    if (typeof value === 'string') {
      io.err(`corridor-sim assign: ${value}`);
      return 2;
    }
  }

  let netText: string;
  let tripsText: string;
  try {
    netText = io.readText(net);
    tripsText = io.readText(tripsFile);
  } catch (error) {
    io.err(`corridor-sim assign: cannot read input: ${(error as Error).message}`);
    return 1;
  }
  try {
    const network = parseTntpNet(netText);
    const trips = parseTntpTrips(tripsText);
    const problem = tntpAssignmentProblem(network, trips, {
      tollFactor: tollFactor as number,
      distanceFactor: distanceFactor as number,
    });
    const options = {
      algorithm: algorithm as CliAlgorithm,
      relativeGap: gap as number,
      maxIterations: maxIterations as number,
    } as SolveAssignmentOptions;
    const result = solveAssignment(problem, options);
    const flows = values.flows
      ? Array.from({ length: network.linkCount }, (_, a) => ({
          from: network.links.from[a]!,
          to: network.links.to[a]!,
          volume: result.arcFlows[a]!,
        }))
      : undefined;
    if (values.json) {
      io.out(
        JSON.stringify({
          status: result.status,
          relativeGap: result.relativeGap,
          iterations: result.iterations,
          beckmann: result.beckmann,
          seconds: result.seconds,
          ...(flows ? { flows } : {}),
        }),
      );
      return 0;
    }
    const demand = problem.classes.reduce((sum, c) => sum + c.totalDemand, 0);
    io.out(
      `${net}: ${network.nodeCount} nodes, ${network.linkCount} links, ${network.zoneCount} zones, ` +
        `${problem.odCount} OD pairs, demand ${demand.toLocaleString('en-US', { maximumFractionDigits: 2 })}`,
    );
    io.out(`${algorithm}: ${result.status} — ${result.stopReason} (${result.seconds.toFixed(3)} s)`);
    io.out(
      `Beckmann objective ${result.beckmann.toPrecision(15)}, total cost ${result.totalCost.toPrecision(15)}`,
    );
    if (problem.unreachable.length > 0) {
      io.out(`unassigned: ${problem.unreachable.length} OD pairs without a path`);
    }
    if (flows) {
      io.out('');
      io.out('from\tto\tvolume');
      for (const row of flows) io.out(`${row.from}\t${row.to}\t${row.volume}`);
    }
    return 0;
  } catch (error) {
    if (isCorridorSimError(error)) {
      io.err(`corridor-sim assign: ${error.message}`);
      return 1;
    }
    throw error;
  }
};
