/**
 * TNTP networks as assignment problems
 * ====================================
 *
 * Builds an {@link AssignmentProblem} from a parsed TNTP link table and trip table: nodes `1..n`
 * become `0..n−1`, every link gets BPR(B, power) on its free-flow time and capacity, the constant
 * cost `toll_factor · toll + distance_factor · length` is shared by all trips, zones below
 * FIRST THRU NODE may not be passed through, and intrazonal trips are ignored.
 *
 * Reference: Transportation Networks for Research Core Team, "Transportation Networks for Research",
 * https://github.com/bstabler/TransportationNetworks.
 */

import type { TntpNetwork, TntpTrips } from '../../data/tntp.js';
import { InvalidArgumentError, optionsOf, requireFields } from '../../model/errors.js';
import { type AssignmentProblem, createAssignmentProblem } from './problem.js';
import type { VolumeDelayFunction } from './vdf.js';

const DEFAULTS = { tollFactor: 0, distanceFactor: 0, classId: 'all' };

/** Options of {@link tntpAssignmentProblem}. */
export interface TntpProblemOptions {
  /** Multiplier of the toll column in the link cost (ChicagoSketch: 0.02). Default 0. */
  readonly tollFactor?: number;
  /** Multiplier of the length column in the link cost (ChicagoSketch: 0.04). Default 0. */
  readonly distanceFactor?: number;
}

function checkFactor(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(
      'corridor-sim/assignment',
      name,
      `must be finite and ≥ 0, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * Make the assignment problem of a TNTP network and trip table.
 *
 * @param net - from `parseTntpNet`
 * @param trips - from `parseTntpTrips`
 * @param options - toll and distance factors
 * @returns a single-class problem; arc `i` is link row `i`
 * @throws InvalidArgumentError on negative factors, a negative constant cost (negative toll), or a
 *   trip zone beyond the network's nodes
 * @example
 * const problem = tntpAssignmentProblem(parseTntpNet(netText), parseTntpTrips(tripsText),
 *   { tollFactor: 0.02, distanceFactor: 0.04 });
 * @remarks Complexity O(links + trip entries).
 */
export function tntpAssignmentProblem(
  net: TntpNetwork,
  trips: TntpTrips,
  options: TntpProblemOptions = {},
): AssignmentProblem {
  requireFields(net, 'corridor-sim/assignment', 'net', 'a TNTP network from parseTntpNet', [
    'links',
    'linkCount',
    'nodeCount',
    'firstThruNode',
  ]);
  requireFields(trips, 'corridor-sim/assignment', 'trips', 'a TNTP trip table from parseTntpTrips', [
    'origins',
    'destinations',
    'volumes',
  ]);
  options = optionsOf(options, 'corridor-sim/assignment');
  const tollFactor = checkFactor(options.tollFactor ?? DEFAULTS.tollFactor, 'options.tollFactor');
  const distanceFactor = checkFactor(
    options.distanceFactor ?? DEFAULTS.distanceFactor,
    'options.distanceFactor',
  );
  const L = net.linkCount;
  const { from, to, capacity, length, freeFlowTime, b, power, toll } = net.links;
  const tail = new Int32Array(L);
  const head = new Int32Array(L);
  const cap = new Float64Array(L);
  const fixedCost = new Float64Array(L);
  const vdf: VolumeDelayFunction[] = [];
  for (let i = 0; i < L; i++) {
    tail[i] = from[i]! - 1;
    head[i] = to[i]! - 1;
    const constant = b[i]! === 0 || power[i]! === 0;
    cap[i] = capacity[i]! > 0 ? capacity[i]! : Number.POSITIVE_INFINITY;
    if (constant && !(capacity[i]! > 0)) cap[i] = 1;
    vdf.push({ kind: 'bpr', alpha: b[i]!, beta: power[i]! });
    fixedCost[i] = tollFactor * toll[i]! + distanceFactor * length[i]!;
  }
  const throughBlocked: number[] = [];
  for (let z = 1; z < net.firstThruNode && z <= net.nodeCount; z++) throughBlocked.push(z - 1);
  const origins = new Int32Array(trips.origins.length);
  const destinations = new Int32Array(trips.origins.length);
  for (let i = 0; i < origins.length; i++) {
    origins[i] = trips.origins[i]! - 1;
    destinations[i] = trips.destinations[i]! - 1;
  }
  return createAssignmentProblem({
    nodeCount: net.nodeCount,
    tail,
    head,
    freeFlowTime,
    capacity: cap,
    vdf,
    fixedCost,
    throughBlocked,
    classes: [{ id: DEFAULTS.classId, origins, destinations, volumes: trips.volumes }],
  });
}
