/**
 * Dataset arbitraries
 * ===================
 *
 * Random perturbations of a real dataset (such as the bundled Eurasia network and its demand): link
 * capacities, costs and transit times, node handling capacities and demand volumes, each multiplied
 * by a factor `1 + δ` with `|δ|` within a given relative bound. The result stays valid (capacities,
 * costs, times and volumes stay ≥ 0; ids and structure are untouched).
 *
 * Shrinking: perturbations are a sparse list of `{ link, capacity?, cost?, time? }` (and
 * `{ node, capacity }`, `{ flow, volume }`) entries, so fast-check removes entries and moves each δ
 * towards 0. A failing property prints only the perturbations, e.g.
 * `eurasia with l12.capacity ×0.83 · f3.volume ×1.1`, never the whole network.
 */

import fc from 'fast-check';
import type { Demand, DemandFlow } from '../../model/demand.js';
import { describeValue, InvalidArgumentError, requireObject } from '../../model/errors.js';
import type { LinkId, NodeId } from '../../model/ids.js';
import {
  type LinkAttributes,
  listLinks,
  listNodes,
  type NodeAttributes,
  rebuildNetwork,
  requireNetwork,
} from '../../model/network.js';
import type { SimulationInput } from '../types.js';
import { arbAround } from './_internal/numbers.js';

/** Constraints of {@link arbDataset}: relative bounds (0.2 = ±20 %) and what may change. */
export interface DatasetConstraints {
  /** Relative bound on link and node-handling capacities, in [0, 1]. @defaultValue 0.2 */
  readonly capacity?: number;
  /** Relative bound on link costs, in [0, 1]. @defaultValue 0.2 */
  readonly cost?: number;
  /** Relative bound on link transit times, in [0, 1]. @defaultValue 0.2 */
  readonly time?: number;
  /** Relative bound on demand volumes, in [0, 1]. @defaultValue 0.2 */
  readonly demand?: number;
  /** Links that may change. @defaultValue every link */
  readonly links?: readonly LinkId[];
  /** Demand flows (ids) that may change. @defaultValue every flow */
  readonly flows?: readonly string[];
  /** Most perturbed links (and, separately, nodes and flows) per value. @defaultValue every one */
  readonly maxPerturbed?: number;
}

/** A change to one link: each present field is the multiplier applied. */
export interface LinkPerturbation {
  readonly link: LinkId;
  readonly capacity?: number;
  readonly cost?: number;
  readonly time?: number;
}

/** A change to the handling capacities of one node (every commodity). */
export interface NodePerturbation {
  readonly node: NodeId;
  readonly capacity: number;
}

/** A change to the volume of one demand flow (every year it is listed for). */
export interface FlowPerturbation {
  readonly flow: string;
  readonly volume: number;
}

/** What {@link arbDataset} changed. */
export interface DatasetPerturbations {
  readonly links: readonly LinkPerturbation[];
  readonly nodes: readonly NodePerturbation[];
  readonly flows: readonly FlowPerturbation[];
}

/** A perturbed dataset: the new network and demand, and the list of changes. */
export interface PerturbedDataset extends SimulationInput {
  /** The multipliers applied. */
  readonly perturbations: DatasetPerturbations;
}

const DEFAULTS = { capacity: 0.2, cost: 0.2, time: 0.2, demand: 0.2 } as const;

const MODULE = 'corridor-sim/testing: arbDataset';

function bound(name: keyof typeof DEFAULTS, value: number): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new InvalidArgumentError(
      MODULE,
      `constraints.${name}`,
      `must be a relative bound in [0, 1], got ${describeValue(value)}`,
    );
  }
  return value;
}

function factor(delta: number): number {
  return 1 + delta;
}

function print(name: string, p: DatasetPerturbations): string {
  const x = (v: number) => `×${Number(v.toPrecision(4))}`;
  const parts = [
    ...p.links.flatMap((l) => [
      ...(l.capacity === undefined ? [] : [`${l.link}.capacity ${x(l.capacity)}`]),
      ...(l.cost === undefined ? [] : [`${l.link}.cost ${x(l.cost)}`]),
      ...(l.time === undefined ? [] : [`${l.link}.time ${x(l.time)}`]),
    ]),
    ...p.nodes.map((n) => `${n.node}.handling ${x(n.capacity)}`),
    ...p.flows.map((f) => `${f.flow}.volume ${x(f.volume)}`),
  ];
  return `${name} with ${parts.length === 0 ? 'no change' : parts.join(' · ')}`;
}

/**
 * Apply perturbations to a dataset.
 *
 * @param dataset - the dataset
 * @param perturbations - multipliers per link, node and flow (ids must exist)
 * @returns the new network and demand (the inputs are not changed)
 * @throws InvalidArgumentError on an unknown id or a negative or non-finite multiplier
 * @example perturbDataset(eurasia, { links: [{ link: 'khorgos-altynkol', capacity: 0.5 }], nodes: [], flows: [] })
 * @remarks Complexity O(N + L + flows).
 */
export function perturbDataset(
  dataset: SimulationInput,
  perturbations: DatasetPerturbations,
): SimulationInput {
  requireObject(dataset, 'corridor-sim/testing', 'dataset', 'a SimulationInput ({ network, demand })');
  requireNetwork(dataset.network, 'corridor-sim/testing', 'dataset.network');
  requireObject(perturbations, 'corridor-sim/testing', 'perturbations', 'DatasetPerturbations');
  for (const key of ['links', 'nodes', 'flows'] as const) {
    if (!Array.isArray(perturbations[key])) {
      throw new InvalidArgumentError(
        MODULE,
        `perturbations.${key}`,
        `must be an array, got ${describeValue(perturbations[key])}`,
      );
    }
  }
  const check = (what: string, v: number | undefined) => {
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) {
      throw new InvalidArgumentError(
        MODULE,
        `perturbations.${what}`,
        `must be a finite multiplier ≥ 0, got ${describeValue(v)}`,
      );
    }
  };
  const linkChanges = new Map(perturbations.links.map((p) => [p.link, p]));
  const nodeChanges = new Map(perturbations.nodes.map((p) => [p.node, p]));
  const flowChanges = new Map(perturbations.flows.map((p) => [p.flow, p]));
  for (const p of perturbations.links) {
    if (!dataset.network.graph.hasEdge(p.link)) {
      throw new InvalidArgumentError(
        MODULE,
        'perturbations.links',
        `names link ${JSON.stringify(p.link)}, which does not exist`,
      );
    }
    check(`${p.link}.capacity`, p.capacity);
    check(`${p.link}.cost`, p.cost);
    check(`${p.link}.time`, p.time);
  }
  for (const p of perturbations.nodes) {
    if (!dataset.network.graph.hasNode(p.node)) {
      throw new InvalidArgumentError(
        MODULE,
        'perturbations.nodes',
        `names node ${JSON.stringify(p.node)}, which does not exist`,
      );
    }
    check(`${p.node}.capacity`, p.capacity);
  }
  const flowIds = new Set(dataset.demand.flows.map((f) => f.id));
  for (const p of perturbations.flows) {
    if (!flowIds.has(p.flow)) {
      throw new InvalidArgumentError(
        MODULE,
        'perturbations.flows',
        `names flow ${JSON.stringify(p.flow)}, which does not exist`,
      );
    }
    check(`${p.flow}.volume`, p.volume);
  }
  const links = listLinks(dataset.network).map((link): LinkAttributes => {
    const p = linkChanges.get(link.id);
    if (!p) return link;
    return {
      ...link,
      ...(p.capacity !== undefined && link.capacityPerYear !== undefined
        ? { capacityPerYear: link.capacityPerYear * p.capacity }
        : {}),
      ...(p.cost !== undefined ? { costUsdPerUnit: link.costUsdPerUnit * p.cost } : {}),
      ...(p.time !== undefined ? { transitDays: link.transitDays * p.time } : {}),
    };
  });
  const nodes = listNodes(dataset.network).map((node): NodeAttributes => {
    const p = nodeChanges.get(node.id);
    if (!p || !node.handling) return node;
    return {
      ...node,
      handling: Object.fromEntries(
        Object.entries(node.handling).map(([c, h]) => [
          c,
          h.capacityPerYear === undefined ? h : { ...h, capacityPerYear: h.capacityPerYear * p.capacity },
        ]),
      ),
    };
  });
  const flows = dataset.demand.flows.map((flow): DemandFlow => {
    const p = flowChanges.get(flow.id);
    return p ? { ...flow, volumePerYear: flow.volumePerYear * p.volume } : flow;
  });
  const demand: Demand = Object.freeze({ segments: dataset.demand.segments, flows: Object.freeze(flows) });
  return { network: rebuildNetwork(dataset.network, { nodes, links }), demand };
}

/**
 * Random perturbations of a real dataset, still valid.
 *
 * @param dataset - `{ network, demand }`, e.g. the bundled Eurasia dataset
 * @param constraints - relative bounds and what may change (see {@link DatasetConstraints})
 * @returns an arbitrary of `{ network, demand, perturbations }`; failing properties print the perturbations
 * @throws InvalidArgumentError on a bound outside [0, 1] or an unknown link or flow id (eagerly)
 * @example
 * fc.assert(fc.property(arbDataset(eurasia, { capacity: 0.3, cost: 0 }), ({ network }) => network.graph.size > 0));
 * @remarks Each value costs O(N + L + flows) (the network is rebuilt). Perturbation as in Monte-Carlo
 * sensitivity analysis: independent multiplicative noise per parameter.
 */
export function arbDataset(
  dataset: SimulationInput,
  constraints: DatasetConstraints = {},
): fc.Arbitrary<PerturbedDataset> {
  if (
    typeof dataset !== 'object' ||
    dataset === null ||
    typeof dataset.network?.graph?.hasNode !== 'function' ||
    !Array.isArray(dataset.demand?.flows)
  ) {
    throw new InvalidArgumentError(MODULE, 'dataset', 'must be { network, demand }');
  }
  if (typeof constraints !== 'object' || constraints === null) {
    throw new InvalidArgumentError(
      MODULE,
      'constraints',
      `must be an object, got ${describeValue(constraints)}`,
    );
  }
  const b = {
    capacity: bound('capacity', constraints.capacity ?? DEFAULTS.capacity),
    cost: bound('cost', constraints.cost ?? DEFAULTS.cost),
    time: bound('time', constraints.time ?? DEFAULTS.time),
    demand: bound('demand', constraints.demand ?? DEFAULTS.demand),
  };
  const network = dataset.network;
  const linkIds = constraints.links ? [...constraints.links] : network.graph.edges();
  for (const id of linkIds) {
    if (!network.graph.hasEdge(id)) {
      throw new InvalidArgumentError(
        MODULE,
        'constraints.links',
        `names link ${JSON.stringify(id)}, which does not exist`,
      );
    }
  }
  const allFlows = [...new Set(dataset.demand.flows.map((f) => f.id))];
  const flowIds = constraints.flows ? [...constraints.flows] : allFlows;
  for (const id of flowIds) {
    if (!allFlows.includes(id)) {
      throw new InvalidArgumentError(
        MODULE,
        'constraints.flows',
        `names flow ${JSON.stringify(id)}, which does not exist`,
      );
    }
  }
  const max = constraints.maxPerturbed;
  if (max !== undefined && (!Number.isInteger(max) || max < 0)) {
    throw new InvalidArgumentError(
      MODULE,
      'constraints.maxPerturbed',
      `must be an integer ≥ 0, got ${describeValue(max)}`,
    );
  }
  const nodeIds = network.graph.filterNodes(
    (_id, node) =>
      b.capacity > 0 && Object.values(node.handling ?? {}).some((h) => h.capacityPerYear !== undefined),
  );
  const delta = (bound: number) => arbAround(-bound, bound, 0).map(factor);
  const list = <T>(
    ids: readonly string[],
    enabled: boolean,
    item: (ids: readonly string[]) => fc.Arbitrary<T>,
    key: (t: T) => string,
  ) =>
    enabled && ids.length > 0
      ? fc.uniqueArray(item(ids), {
          selector: key,
          maxLength: Math.min(ids.length, max ?? ids.length),
        })
      : fc.constant<T[]>([]);
  const linkItem = (ids: readonly string[]): fc.Arbitrary<LinkPerturbation> =>
    fc.record(
      {
        link: fc.constantFrom(...ids),
        ...(b.capacity > 0 ? { capacity: delta(b.capacity) } : {}),
        ...(b.cost > 0 ? { cost: delta(b.cost) } : {}),
        ...(b.time > 0 ? { time: delta(b.time) } : {}),
      },
      { requiredKeys: ['link'] },
    ) as fc.Arbitrary<LinkPerturbation>;
  const anyLinkChange = b.capacity > 0 || b.cost > 0 || b.time > 0;
  const name = network.meta.name;
  return fc
    .record({
      links: list(linkIds, anyLinkChange, linkItem, (p) => p.link),
      nodes: list(
        nodeIds,
        b.capacity > 0,
        (ids) => fc.record({ node: fc.constantFrom(...ids), capacity: delta(b.capacity) }),
        (p) => p.node,
      ),
      flows: list(
        flowIds,
        b.demand > 0,
        (ids) => fc.record({ flow: fc.constantFrom(...ids), volume: delta(b.demand) }),
        (p) => p.flow,
      ),
    })
    .map((perturbations) => {
      // Entries with no field left (every optional key shrunk away) change nothing: drop them.
      const clean: DatasetPerturbations = {
        links: perturbations.links.filter(
          (p) => p.capacity !== undefined || p.cost !== undefined || p.time !== undefined,
        ),
        nodes: perturbations.nodes,
        flows: perturbations.flows,
      };
      const out = perturbDataset(dataset, clean);
      const value = { network: out.network, demand: out.demand, perturbations: clean };
      Object.defineProperty(value, fc.toStringMethod, { value: () => print(name, clean), enumerable: false });
      return Object.freeze(value);
    });
}
