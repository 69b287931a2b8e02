/**
 * Validation against the TNTP best-known user equilibria
 * ======================================================
 *
 * Data: Transportation Networks for Research Core Team, "Transportation Networks for Research",
 * https://github.com/bstabler/TransportationNetworks (snapshot d1639b4e, 2025-06-19), files in
 * ../shared/validation/tntp/ (not copied into the package). Best-known Beckmann objectives from that
 * folder's README: SiouxFalls 4,231,335.2871074; Anaheim 1,286,032.1710960 (computed from its flow
 * file); ChicagoSketch 17,313,018.7387477 (toll factor 0.02, distance factor 0.04).
 *
 * For every network, through the library API and through the CLI:
 * - our cost function reproduces the flow file's Cost column and its Beckmann objective (checks the
 *   VDF and its closed-form integral independently of any solver);
 * - path-based gradient projection reaches a relative gap ≤ 1e-6 (run to 1e-10), its Beckmann objective
 *   is within 1e-6 relative of the best-known value and every link volume within 0.1 % (or 0.5
 *   vehicles) of the best-known volume (link volumes on lightly loaded links, where costs are nearly
 *   flat, settle only at gaps well below 1e-8: Anaheim at 1.5e-10 still has one link 0.8 off);
 * - bi-conjugate Frank–Wolfe to 1e-4 is within its own gap bound of the optimum.
 * Runtime: about 5–15 s in total on the 2-core CI machine, most of it ChicagoSketch (2950 links,
 * 387 zones, 142,890 OD entries).
 */

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { frankWolfe } from '../../src/algorithms/assignment/frankWolfe.js';
import { tntpAssignmentProblem } from '../../src/algorithms/assignment/fromTntp.js';
import { gradientProjection } from '../../src/algorithms/assignment/gradientProjection.js';
import { vdfIntegral, vdfTime } from '../../src/algorithms/assignment/vdf.js';
import { assignCommand } from '../../src/cli/commands/assign.js';
import { memoryIo } from '../../src/cli/io.js';
import { parseTntpFlow, parseTntpNet, parseTntpTrips } from '../../src/data/tntp.js';

const ROOT = new URL('../../../shared/validation/tntp/', import.meta.url);

interface Case {
  readonly name: string;
  readonly best: number;
  readonly tollFactor: number;
  readonly distanceFactor: number;
}

const CASES: readonly Case[] = [
  { name: 'SiouxFalls', best: 4_231_335.2871074, tollFactor: 0, distanceFactor: 0 },
  { name: 'Anaheim', best: 1_286_032.171096, tollFactor: 0, distanceFactor: 0 },
  { name: 'ChicagoSketch', best: 17_313_018.7387477, tollFactor: 0.02, distanceFactor: 0.04 },
];

const file = (name: string, kind: string) => fileURLToPath(new URL(`${name}/${name}_${kind}.tntp`, ROOT));
const available = CASES.filter((c) => existsSync(file(c.name, 'net')));

/** Largest violation of |v − v*| ≤ max(0.5, 0.1 % · v*), as a fraction of the allowance, and the largest |v − v*|. */
function compareFlows(ours: ArrayLike<number>, best: ArrayLike<number>): { worst: number; maxDiff: number } {
  let worst = 0;
  let maxDiff = 0;
  for (let a = 0; a < best.length; a++) {
    const diff = Math.abs(ours[a]! - best[a]!);
    maxDiff = Math.max(maxDiff, diff);
    worst = Math.max(worst, diff / Math.max(0.5, 1e-3 * best[a]!));
  }
  return { worst, maxDiff };
}

describe.runIf(available.length === CASES.length)('TNTP best-known equilibria', () => {
  describe.each(CASES)('$name', ({ name, best, tollFactor, distanceFactor }) => {
    const net = parseTntpNet(readFileSync(file(name, 'net'), 'utf8'));
    const trips = parseTntpTrips(readFileSync(file(name, 'trips'), 'utf8'));
    const flow = parseTntpFlow(readFileSync(file(name, 'flow'), 'utf8'));
    const problem = tntpAssignmentProblem(net, trips, { tollFactor, distanceFactor });

    it('our cost function and Beckmann integral reproduce the flow file', () => {
      expect(Array.from(flow.from)).toEqual(Array.from(net.links.from));
      expect(Array.from(flow.to)).toEqual(Array.from(net.links.to));
      let beckmann = 0;
      for (let a = 0; a < problem.arcCount; a++) {
        const v = flow.volume[a]!;
        const args = [
          problem.vdfKind[a]!,
          problem.t0[a]!,
          problem.vdfCapacity[a]!,
          problem.p1[a]!,
          problem.p2[a]!,
          v,
        ] as const;
        const cost = vdfTime(...args) + problem.fixedCost[a]!;
        expect(Math.abs(cost - flow.cost[a]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, flow.cost[a]!));
        beckmann += vdfIntegral(...args) + problem.fixedCost[a]! * v;
      }
      expect(Math.abs(beckmann - best) / best).toBeLessThan(1e-12);
    });

    it('gradient projection reproduces the best-known objective and link flows', () => {
      const result = gradientProjection(problem, { relativeGap: 1e-10 });
      expect(result.status).toBe('converged');
      expect(result.relativeGap).toBeLessThanOrEqual(1e-6);
      const objective = Math.abs(result.beckmann - best) / best;
      expect(objective).toBeLessThan(1e-6);
      const { worst, maxDiff } = compareFlows(result.arcFlows, flow.volume);
      expect(worst).toBeLessThanOrEqual(1);
      console.info(
        `${name}: path, ${result.iterations} iterations, gap ${result.relativeGap.toExponential(2)}, ` +
          `objective rel. diff ${objective.toExponential(2)}, max |Δflow| ${maxDiff.toExponential(2)}, ${result.seconds.toFixed(2)} s`,
      );
    });

    it('the CLI reproduces them too', async () => {
      const io = memoryIo();
      const args = [
        '--net',
        file(name, 'net'),
        '--trips',
        file(name, 'trips'),
        '--algorithm',
        'path',
        '--gap',
        '1e-10',
      ];
      args.push(
        '--toll-factor',
        String(tollFactor),
        '--distance-factor',
        String(distanceFactor),
        '--flows',
        '--json',
      );
      expect(await assignCommand(args, io)).toBe(0);
      const out = JSON.parse(io.stdout[0]!) as {
        status: string;
        relativeGap: number;
        beckmann: number;
        flows: { from: number; to: number; volume: number }[];
      };
      expect(out.status).toBe('converged');
      expect(out.relativeGap).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(out.beckmann - best) / best).toBeLessThan(1e-6);
      expect(out.flows.map((f) => [f.from, f.to])).toEqual(
        Array.from(flow.from, (from, a) => [from, flow.to[a]]),
      );
      expect(
        compareFlows(
          out.flows.map((f) => f.volume),
          flow.volume,
        ).worst,
      ).toBeLessThanOrEqual(1);
    });

    it.runIf(name !== 'ChicagoSketch')('bi-conjugate Frank–Wolfe to 1e-4 is within its gap bound', () => {
      const result = frankWolfe(problem, { variant: 'bfw', relativeGap: 1e-4 });
      expect(result.status).toBe('converged');
      expect(result.beckmann).toBeGreaterThanOrEqual(best * (1 - 1e-9));
      expect(result.beckmann - best).toBeLessThanOrEqual(result.relativeGap * result.totalCost);
    });
  });
});
