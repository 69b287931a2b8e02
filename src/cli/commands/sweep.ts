/**
 * `corridor-sim sweep --parameter capacity|cost|demand|avoid --target <kind>:<id> --values a,b,c
 * [--scenario ...] [--year Y] [--json]`: one parameter over several values, warm-started.
 *
 * - `capacity`: scale the capacity of the target by each value (`corridor:middle`, `link:aktau-alat`,
 *   `node:aktau`, `country:KZ`, `mode:ferry`);
 * - `cost`: add each value (USD per unit) to the target's cost;
 * - `demand`: multiply all demand by each value (no target: `--target` is an error);
 * - `avoid`: set the share of shippers refusing the target country (`country:RU`), values in [0, 1].
 *
 * Every flag is checked before anything runs; the target must exist in the dataset or be added by the
 * `--scenario` (an `add-link` operation).
 */

import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '../../model/errors.js';
import { type LinkAttributes, MODES, type Mode, type Network } from '../../model/network.js';
import type { Scenario, ScenarioOp, Selector } from '../../model/scenario.js';
import { summarizeResult } from '../../report/simulation.js';
import { formatTable } from '../../report/table.js';
import { addedIds } from '../../scenario/depends.js';
import type { SimulationResult } from '../../simulate/result.js';
import { sweep } from '../../simulate/sweep.js';
import type { CliIo, Command } from '../io.js';
import {
  badArguments,
  EXIT_BAD_ARGUMENTS,
  type NumberRule,
  parseChoiceFlag,
  parseNumberListFlag,
  type Resolved,
} from './flags.js';
import { resolveInput, resolveOptions, resolveScenario, SIMULATION_OPTIONS } from './inputs.js';

const USAGE =
  'usage: corridor-sim sweep --parameter capacity|cost|demand|avoid [--target kind:id] --values a,b,c [--scenario ...] [--year Y] [--json]';

const PARAMETERS = ['capacity', 'cost', 'demand', 'avoid'] as const;
type Parameter = (typeof PARAMETERS)[number];

/** What each parameter's `--values` must be (the bounds the scenario operation it builds accepts). */
const VALUE_RULES: Readonly<Record<Parameter, NumberRule>> = {
  capacity: { what: 'a capacity factor ≥ 0', min: 0 },
  cost: { what: 'a finite number (USD per unit)' },
  demand: { what: 'a demand factor ≥ 0', min: 0 },
  avoid: { what: 'a share in [0, 1] (--parameter avoid)', min: 0, max: 1 },
};

const TARGET_KINDS = ['corridor', 'link', 'node', 'country', 'mode'] as const;
type TargetKind = (typeof TARGET_KINDS)[number];

/** A parsed `--target kind:id`. */
export interface Target {
  /** What the id names. */
  readonly kind: TargetKind;
  /** The id (`middle`, `aktau-alat`, `KZ`, `ferry`). */
  readonly id: string;
  /** The selector of the links it names. */
  readonly selector: Selector;
}

/**
 * A target from `kind:id` (syntax only; {@link checkTarget} checks it against a network).
 *
 * @param text - e.g. `corridor:middle`
 * @returns the target, or a message naming `--target` and the text
 * @example parseTarget('corridor:middle') // { ok: true, value: { kind: 'corridor', id: 'middle', selector: { corridors: ['middle'] } } }
 */
export function parseTarget(text: string): Resolved<Target> {
  const m = /^(corridor|link|node|country|mode):(.+)$/.exec(text);
  if (!m) {
    return {
      ok: false,
      message: `--target must be kind:id with kind ${TARGET_KINDS.join(', ')} (e.g. corridor:middle), got ${JSON.stringify(text)}`,
    };
  }
  const kind = m[1] as TargetKind;
  const id = m[2]!;
  const selector: Selector = {
    corridor: { corridors: [id] },
    link: { links: [id] },
    node: { nodes: [id] },
    country: { countries: [id] },
    mode: { modes: [id as Mode] },
  }[kind];
  return { ok: true, value: { kind, id, selector } };
}

/**
 * Check that a target names something of the network: a corridor, link or node that exists (or that
 * the base scenario adds with `add-link`), a country some link traverses, a mode some link uses (the
 * links the base scenario adds count too).
 *
 * @param target - the parsed target
 * @param text - the raw `--target` text, for the message
 * @param network - the network of the dataset
 * @param base - the operations of the scenario the sweep starts from (its added links and nodes count)
 * @returns undefined when it exists, else a message naming `--target` and the text
 * @remarks O(links) for countries and modes, O(1) otherwise.
 */
export function checkTarget(
  target: Target,
  text: string,
  network: Network,
  base: readonly ScenarioOp[] = [],
): string | undefined {
  const { graph } = network;
  const got = `got ${JSON.stringify(text)}`;
  const added = addedIds(base);
  switch (target.kind) {
    case 'corridor': {
      const ids = network.corridors.map((c) => c.id);
      return ids.includes(target.id)
        ? undefined
        : `--target must name a corridor of the dataset (${ids.join(', ')}), ${got}`;
    }
    case 'link':
      return graph.hasEdge(target.id) || added.links.has(target.id)
        ? undefined
        : `--target must name a link of the dataset or one the scenario adds, ${got}`;
    case 'node':
      return graph.hasNode(target.id) || added.nodes.has(target.id)
        ? undefined
        : `--target must name a node of the dataset or one the scenario adds, ${got}`;
    case 'country': {
      const countries = new Set<string>();
      forEachLink(network, base, (link) => {
        for (const c of link.countries) countries.add(c);
      });
      return countries.has(target.id)
        ? undefined
        : `--target must name a country the dataset's links or the scenario's added links traverse (${[...countries].sort().join(', ')}), ${got}`;
    }
    default: {
      const modes = new Set<string>();
      forEachLink(network, base, (link) => {
        modes.add(link.mode);
      });
      const known = MODES.filter((m) => modes.has(m));
      return modes.has(target.id)
        ? undefined
        : `--target must name a mode of the dataset's links or the scenario's added links (${known.join(', ')}), ${got}`;
    }
  }
}

/** Every link of the network and every full link an `add-link` of `operations` adds. */
function forEachLink(
  network: Network,
  operations: readonly ScenarioOp[],
  visit: (link: Pick<LinkAttributes, 'countries' | 'mode'>) => void,
): void {
  network.graph.forEachEdge((_, link) => {
    visit(link);
  });
  for (const op of operations) if (op.kind === 'add-link' && 'from' in op.link) visit(op.link);
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
  if (values.parameter === undefined || values.values === undefined) {
    io.err(USAGE);
    return EXIT_BAD_ARGUMENTS;
  }
  const parameter = parseChoiceFlag(values.parameter, '--parameter', PARAMETERS);
  if (!parameter.ok) return badArguments(io, 'sweep', parameter.message);
  let target: Target | undefined;
  if (parameter.value === 'demand') {
    if (values.target !== undefined) {
      return badArguments(
        io,
        'sweep',
        `--target is not used with --parameter demand (it scales all demand), got --target ${JSON.stringify(values.target)}`,
      );
    }
  } else {
    if (values.target === undefined) {
      return badArguments(
        io,
        'sweep',
        `--target kind:id is required for --parameter ${parameter.value} (kinds: ${TARGET_KINDS.join(', ')})`,
      );
    }
    const parsed = parseTarget(values.target);
    if (!parsed.ok) return badArguments(io, 'sweep', parsed.message);
    if (parameter.value === 'avoid' && parsed.value.kind !== 'country') {
      return badArguments(
        io,
        'sweep',
        `--target must be country:XX with --parameter avoid, got ${JSON.stringify(values.target)}`,
      );
    }
    target = parsed.value;
  }
  const numbers = parseNumberListFlag(values.values, '--values', VALUE_RULES[parameter.value]);
  if (!numbers.ok) return badArguments(io, 'sweep', numbers.message);
  const options = resolveOptions(values);
  if (!options.ok) return badArguments(io, 'sweep', options.message);
  const input = resolveInput(values, io);
  if (!input.ok) return fail(io, input.message);
  const base = resolveScenario(values.scenario ?? 'baseline', input.value, io);
  if (!base.ok) return fail(io, base.message);
  if (target) {
    const missing = checkTarget(target, values.target ?? '', input.value.network, base.value?.operations);
    if (missing) return badArguments(io, 'sweep', missing);
  }
  const make = operationMaker(parameter.value, target);
  const baseOps = base.value?.operations ?? [];
  const points = await sweep(
    input.value,
    (v: number): Scenario => ({
      id: `${values.parameter}=${v}`,
      name: `${values.parameter} = ${v}`,
      operations: [...baseOps, make(v)],
    }),
    numbers.value,
    options.value,
  );
  const absent = absentInYear(target, values.target ?? '', points[0]!.result);
  if (absent) return badArguments(io, 'sweep', absent);
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

/**
 * A link or node target that the scenario adds with dates that exclude the simulated year is absent
 * from that year's network: sweeping it would change nothing, a flat sweep that looks like a finding.
 *
 * @param target - the parsed target, if any
 * @param text - the raw `--target` text, for the message
 * @param result - the first point's result (every point simulates the same year)
 * @returns undefined when the target exists in that year (or is not a link or node), else a message
 */
function absentInYear(
  target: Target | undefined,
  text: string,
  result: SimulationResult,
): string | undefined {
  if (target?.kind !== 'link' && target?.kind !== 'node') return undefined;
  const graph = result.applied.network.graph;
  const present = target.kind === 'link' ? graph.hasEdge(target.id) : graph.hasNode(target.id);
  if (present) return undefined;
  return `--target ${JSON.stringify(text)} names a ${target.kind} that is not in the ${result.year} network (the scenario's add-link is not in effect that year): sweeping it would change nothing; choose a year in the add-link's from/until`;
}

/**
 * The scenario operation of one swept value.
 *
 * @param parameter - the swept parameter
 * @param target - the target (every parameter but `demand` has one)
 * @returns a function from the value to the operation
 * @throws InvalidArgumentError when a parameter other than `demand` has no target
 */
function operationMaker(parameter: Parameter, target: Target | undefined): (v: number) => ScenarioOp {
  if (parameter === 'demand') return (v) => ({ kind: 'demand-growth', factor: v });
  // The command checks the target first; an empty selector would select every link.
  if (!target)
    throw new InvalidArgumentError('corridor-sim/cli', 'target', `is required for --parameter ${parameter}`);
  switch (parameter) {
    case 'capacity':
      return (v) => ({ kind: 'scale-capacity', target: target.selector, factor: v });
    case 'cost':
      return (v) => ({ kind: 'surcharge', target: target.selector, costUsdPerUnit: v });
    default:
      return (v) => ({ kind: 'avoid-country', country: target.id, share: v });
  }
}

function fail(io: CliIo, message: string): number {
  io.err(`corridor-sim: ${message}`);
  return 1;
}
