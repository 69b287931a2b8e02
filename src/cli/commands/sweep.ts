/**
 * `corridor-sim sweep --parameter capacity|cost|demand|avoid --target <kind>:<id> --values a,b,c
 * [--scenario ...] [--year Y] [--json]`: one parameter over several values, warm-started.
 *
 * - `capacity`: scale the capacity of the target by each value (`corridor:middle`, `link:aktau-alat`,
 *   `node:aktau`, `country:KZ`, `mode:ferry`);
 * - `cost`: add each value (USD per unit) to the target's cost;
 * - `demand`: multiply all demand by each value (no target);
 * - `avoid`: set the share of shippers refusing the target country (`country:RU`).
 */

import { parseArgs } from 'node:util';
import type { Mode } from '../../model/network.js';
import type { Scenario, ScenarioOp, Selector } from '../../model/scenario.js';
import { summarizeResult } from '../../report/simulation.js';
import { formatTable } from '../../report/table.js';
import { sweep } from '../../simulate/sweep.js';
import type { CliIo, Command } from '../io.js';
import { resolveInput, resolveOptions, resolveScenario, SIMULATION_OPTIONS } from './inputs.js';

/**
 * A selector from `kind:id`.
 *
 * @param text - e.g. `corridor:middle`
 * @returns the selector, or undefined when malformed
 */
export function parseTarget(text: string): Selector | undefined {
  const m = /^(corridor|link|node|country|mode):(.+)$/.exec(text);
  if (!m) return undefined;
  const id = m[2]!;
  switch (m[1]) {
    case 'corridor':
      return { corridors: [id] };
    case 'link':
      return { links: [id] };
    case 'node':
      return { nodes: [id] };
    case 'country':
      return { countries: [id] };
    default:
      return { modes: [id as Mode] };
  }
}

/** The `sweep` command. */
export const sweepCommand: Command = async (args, io: CliIo) => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      ...SIMULATION_OPTIONS,
      parameter: { type: 'string' },
      target: { type: 'string' },
      values: { type: 'string' },
    },
  });
  const usage =
    'usage: corridor-sim sweep --parameter capacity|cost|demand|avoid [--target kind:id] --values a,b,c [--scenario ...] [--year Y] [--json]';
  const numbers = values.values?.split(',').map((x) => Number(x.trim()));
  if (!values.parameter || !numbers || numbers.some((x) => !Number.isFinite(x))) {
    io.err(usage);
    return 2;
  }
  const target = values.target === undefined ? undefined : parseTarget(values.target);
  if (values.parameter !== 'demand' && !target) {
    io.err(
      `corridor-sim sweep: --target kind:id is required for ${values.parameter} (kinds: corridor, link, node, country, mode)`,
    );
    return 2;
  }
  let make: (v: number) => ScenarioOp;
  switch (values.parameter) {
    case 'capacity':
      make = (v) => ({ kind: 'scale-capacity', target: target!, factor: v });
      break;
    case 'cost':
      make = (v) => ({ kind: 'surcharge', target: target!, costUsdPerUnit: v });
      break;
    case 'demand':
      make = (v) => ({ kind: 'demand-growth', factor: v });
      break;
    case 'avoid': {
      const country = target?.countries?.[0];
      if (!country) {
        io.err('corridor-sim sweep: avoid needs --target country:XX');
        return 2;
      }
      make = (v) => ({ kind: 'avoid-country', country, share: v });
      break;
    }
    default:
      io.err(usage);
      return 2;
  }
  const input = resolveInput(values, io);
  if (!input.ok) return fail(io, input.message);
  const base = resolveScenario(values.scenario ?? 'baseline', input.value, io);
  if (!base.ok) return fail(io, base.message);
  const options = resolveOptions(values);
  if (!options.ok) return fail(io, options.message);
  const baseOps = base.value?.operations ?? [];
  const points = await sweep(
    input.value,
    (v: number): Scenario => ({
      id: `${values.parameter}=${v}`,
      name: `${values.parameter} = ${v}`,
      operations: [...baseOps, make(v)],
    }),
    numbers,
    options.value,
  );
  if (values.json) {
    io.out(
      JSON.stringify(
        points.map((p) => ({ value: p.value, ...summarizeResult(p.result) })),
        null,
        2,
      ),
    );
    return 0;
  }
  const corridors = points[0]!.result.corridors.filter(
    (c) => c.commodity === 'container' && c.id !== 'other',
  );
  io.out(
    formatTable(
      [values.parameter, ...corridors.map((c) => c.id), 'sea TEU', 'unmet TEU', 'KZ share', 'iterations'],
      points.map((p) => [
        p.value,
        ...corridors.map(
          (c) => p.result.corridors.find((x) => x.id === c.id && x.commodity === 'container')?.volume ?? 0,
        ),
        p.result.divertedTeu,
        p.result.unmetTeu,
        `${(100 * (p.result.countryTransitShare.KZ ?? 0)).toFixed(1)}%`,
        p.result.convergence.iterations,
      ]),
    ),
  );
  return 0;
};

function fail(io: CliIo, message: string): number {
  io.err(`corridor-sim: ${message}`);
  return 1;
}
