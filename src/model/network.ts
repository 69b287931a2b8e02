/**
 * The corridor network
 * ====================
 *
 * A network is a graphology directed multigraph (parallel links allowed: a rail line and a road
 * between the same cities, or two ferry operators on the same crossing) whose node and link
 * attributes are typed below, plus the network's commodities and corridors.
 *
 * Units (fixed, and named in the field names where a brand would otherwise be needed):
 * - capacities and volumes: per year, in the commodity's unit (TEU for `container`, tonnes for `crude`);
 * - times: days (`transitDays`, `dwellDays`);
 * - money: US dollars per unit of the commodity (`costUsdPerUnit`).
 *
 * Networks are immutable by contract: corridor-sim never mutates a network it is given; functions
 * that change one (`applyScenario`) return a new network.
 */

import { MultiDirectedGraph } from 'graphology';
import type { Corridor } from './corridor.js';
import { describeValue, InvalidArgumentError, NotFoundError, requireObject } from './errors.js';
import { deepFreeze } from './freeze.js';
import type { CommodityId, CountryCode, LinkId, NodeId } from './ids.js';

/** The format version of network documents this library reads and writes. */
export const NETWORK_FORMAT_VERSION = 1;

/** Transport modes. `transfer` is a transshipment or connector link inside a terminal. */
export type Mode = 'rail' | 'road' | 'sea' | 'ferry' | 'pipeline' | 'transfer';

/** All modes, in a stable order. */
export const MODES: readonly Mode[] = ['rail', 'road', 'sea', 'ferry', 'pipeline', 'transfer'];

/** Kinds of node. */
export type NodeKind =
  | 'city'
  | 'hub'
  | 'junction'
  | 'port'
  | 'border-crossing'
  | 'terminal'
  | 'gauge-change'
  | 'oil-field'
  | 'oil-terminal'
  | 'refinery'
  | 'zone';

/** All node kinds, in a stable order. */
export const NODE_KINDS: readonly NodeKind[] = [
  'city',
  'hub',
  'junction',
  'port',
  'border-crossing',
  'terminal',
  'gauge-change',
  'oil-field',
  'oil-terminal',
  'refinery',
  'zone',
];

/**
 * Where a figure comes from: one or more source ids (resolved in the dataset's sources file), or an
 * explicit assumption with its rationale. When sources disagree, `low`/`high` keep the range and
 * `note` says which value the model uses.
 */
export interface Provenance {
  /** Source ids (`S22`, `C1` ...) resolvable in the dataset's sources file. */
  readonly sources?: readonly string[];
  /** When no source gives the figure: a one-line rationale of the assumed value. */
  readonly assumption?: string;
  /** How the value was derived from sourced figures (formula in words). */
  readonly derivation?: string;
  /** Lowest published value, when sources disagree. */
  readonly low?: number;
  /** Highest published value, when sources disagree. */
  readonly high?: number;
  /** True when the source itself calls the figure an estimate, forecast or plan. */
  readonly estimate?: boolean;
  /** Anything else a reader should know. */
  readonly note?: string;
}

/** Provenance per numeric field (`capacityPerYear`, `transitDays`, `coordinates` ...). */
export type ProvenanceMap = Readonly<Record<string, Provenance>>;

/** A commodity the network carries, and its unit of volume. */
export interface CommodityInfo {
  /** Human name. */
  readonly name: string;
  /** Unit of volumes and capacities of this commodity (`TEU`, `t`). */
  readonly unit: 'TEU' | 't';
}

/** The commodities a network declares when its document does not list any. */
export const DEFAULT_COMMODITIES: Readonly<Record<CommodityId, CommodityInfo>> = {
  container: { name: 'Containers', unit: 'TEU' },
  crude: { name: 'Crude oil', unit: 't' },
};

/** Handling of one commodity at a node (terminal, port, border crossing). */
export interface NodeHandling {
  /** Annual handling capacity in the commodity's unit (TEU/yr or t/yr). */
  readonly capacityPerYear?: number;
  /** Handling cost, USD per unit (TEU or tonne). */
  readonly costUsdPerUnit?: number;
  /** Dwell time of this commodity at the node, days (customs, transshipment, waiting). */
  readonly dwellDays?: number;
}

/** Attributes of a node. */
export interface NodeAttributes {
  /** Unique id. */
  readonly id: NodeId;
  /** Human name. */
  readonly name: string;
  /** ISO 3166-1 alpha-2 country the node lies in. */
  readonly country: CountryCode;
  /** What the node is. */
  readonly kind: NodeKind;
  /** Longitude, decimal degrees WGS84, in [-180, 180]. */
  readonly lon: number;
  /** Latitude, decimal degrees WGS84, in [-90, 90]. */
  readonly lat: number;
  /** Dwell time for every commodity passing the node, days (added to per-commodity dwell). */
  readonly dwellDays?: number;
  /** Handling capacity, cost and dwell per commodity. */
  readonly handling?: Readonly<Record<CommodityId, NodeHandling>>;
  /**
   * Track gauges at the node, in mm (1520 broad, 1435 standard, 1000 metre). A node with two gauges
   * is a transshipment (gauge-change) point; a rail link must join nodes that share a gauge.
   */
  readonly gaugesMm?: readonly number[];
  /** Free text. */
  readonly description?: string;
  /** Provenance of the numeric fields (`coordinates`, `dwellDays`, `handling.container.capacityPerYear` ...). */
  readonly provenance?: ProvenanceMap;
}

/** Volume-delay function of a link: how transit time grows with volume. */
export type VolumeDelay =
  | {
      /** BPR: t = t0 · (1 + α (v/c)^β). */
      readonly kind: 'bpr';
      readonly alpha: number;
      readonly beta: number;
    }
  | {
      /** Spiess (1990) conical: t = t0 · (2 + √(α²(1−x)² + β²) − α(1−x) − β), β = (2α−1)/(2α−2). */
      readonly kind: 'conical';
      readonly alpha: number;
    }
  | {
      /**
       * Capacity-respecting (modified Davidson): t = t0 · (1 + J x/(1−x)) up to x = μ, linear beyond;
       * for hard capacities (border crossings, ferries, terminals).
       */
      readonly kind: 'davidson';
      readonly j: number;
      readonly mu?: number;
    }
  | {
      /** Constant: transit time does not depend on volume. */
      readonly kind: 'constant';
    };

/** Whether a link is in service, planned to open on a date, or closed (by a scenario, or out of service). */
export type LinkStatus = 'active' | 'planned' | 'closed';

/** Attributes of a link (a directed leg between two nodes). */
export interface LinkAttributes {
  /** Unique id. */
  readonly id: LinkId;
  /** Tail node. */
  readonly from: NodeId;
  /** Head node. */
  readonly to: NodeId;
  /** Transport mode. */
  readonly mode: Mode;
  /** Commodity the link carries (declared in the network's `commodities`). */
  readonly commodity: CommodityId;
  /** Annual capacity in the commodity's unit (TEU/yr, t/yr); `Infinity` is not allowed, omit for uncapacitated. */
  readonly capacityPerYear?: number;
  /** Free-flow transit time, days. */
  readonly transitDays: number;
  /** Cost, USD per unit of the commodity (TEU or tonne). */
  readonly costUsdPerUnit: number;
  /** Length, km. */
  readonly distanceKm: number;
  /** Countries the link traverses (ISO alpha-2), in order; endpoints' countries included. */
  readonly countries: readonly CountryCode[];
  /** Volume-delay function; the network default applies when omitted. */
  readonly vdf?: VolumeDelay;
  /** Service status; `planned` links open on `opens`; `closed` links carry nothing. */
  readonly status: LinkStatus;
  /** Opening date (ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`) of a planned link. */
  readonly opens?: string;
  /** Operator or line name. */
  readonly name?: string;
  /** Provenance of the numeric fields. */
  readonly provenance?: ProvenanceMap;
}

/** Descriptive metadata of a network. */
export interface NetworkMeta {
  /** Short name. */
  readonly name: string;
  /** Longer description. */
  readonly description?: string;
  /** Reference year of the capacities and costs. */
  readonly year?: number;
}

/** The graphology graph type underlying a {@link Network}. */
export type NetworkGraph = MultiDirectedGraph<NodeAttributes, LinkAttributes>;

/** A corridor network: graph, commodities, corridors and metadata. Treat as immutable. */
export interface Network {
  /** Descriptive metadata. */
  readonly meta: NetworkMeta;
  /** Commodities carried, by id. */
  readonly commodities: Readonly<Record<CommodityId, CommodityInfo>>;
  /** The directed multigraph; node keys are node ids, edge keys are link ids. Do not mutate. */
  readonly graph: NetworkGraph;
  /** Named corridors for reporting. */
  readonly corridors: readonly Corridor[];
  /** Default volume-delay function for links that declare none. */
  readonly defaultVdf: VolumeDelay;
}

/** Input of {@link createNetwork}. */
export interface NetworkInit {
  /** Descriptive metadata. */
  readonly meta: NetworkMeta;
  /** Commodities; defaults to {@link DEFAULT_COMMODITIES}. */
  readonly commodities?: Readonly<Record<CommodityId, CommodityInfo>>;
  /** Nodes. */
  readonly nodes: readonly NodeAttributes[];
  /** Links. */
  readonly links: readonly LinkAttributes[];
  /** Corridors. */
  readonly corridors?: readonly Corridor[];
  /** Default volume-delay function; BPR(0.15, 4) when omitted. */
  readonly defaultVdf?: VolumeDelay;
}

/** The BPR parameters of the US Bureau of Public Roads (1964), used when nothing else is given. */
export const DEFAULT_VDF: VolumeDelay = Object.freeze({ kind: 'bpr', alpha: 0.15, beta: 4 });

/**
 * Graphs made by {@link createNetwork} carry this non-enumerable footprint. A `Symbol.for` key is
 * shared by every copy of corridor-sim loaded in a process (ESM and CJS), and the graph object is
 * shared by shallow copies of a network.
 */
const NETWORK_GRAPH: unique symbol = Symbol.for('corridor-sim/network-graph') as never;

/**
 * Whether a value is a {@link Network} made by this library (createNetwork, parseNetwork, loadDataset,
 * applyScenario). A plain object with the same fields is not: its attributes were never checked.
 *
 * @param value - anything
 * @returns true for networks made by corridor-sim
 */
export function isNetwork(value: unknown): value is Network {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Network>;
  return (
    typeof v.graph === 'object' &&
    v.graph !== null &&
    (v.graph as unknown as { [NETWORK_GRAPH]?: boolean })[NETWORK_GRAPH] === true &&
    Array.isArray(v.corridors) &&
    typeof v.commodities === 'object' &&
    v.commodities !== null &&
    typeof v.meta === 'object' &&
    v.meta !== null &&
    typeof v.defaultVdf === 'object'
  );
}

/**
 * Throw unless `value` is a {@link Network} made by this library.
 *
 * @param value - the argument
 * @param module - module name for the message @defaultValue 'corridor-sim/network'
 * @param argument - argument name for the message @defaultValue 'network'
 * @throws InvalidArgumentError when it is not
 */
export function requireNetwork(
  value: unknown,
  module = 'corridor-sim/network',
  argument = 'network',
): asserts value is Network {
  if (!isNetwork(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new InvalidArgumentError(
      module,
      argument,
      `must be a Network made by parseNetwork, createNetwork or loadDataset, got ${got}`,
    );
  }
}

/** Attribute objects made (copied and deep-frozen) by {@link createNetwork}: safe to share, never copied twice. */
const OWNED = new WeakSet<object>();

function own<T extends object>(value: T): T {
  if (OWNED.has(value)) return value;
  const copy = deepFreeze(structuredClone(value));
  OWNED.add(copy);
  return copy;
}

/**
 * Hand an attribute object the caller made itself over to networks: it is deep-frozen and marked as
 * owned, so {@link createNetwork} shares it instead of copying it. For private copies that will not
 * change again (their nested values may be shared with owned objects: those are frozen already).
 *
 * @internal Used by applyScenario's copy-on-write; not part of the package API.
 * @param value - the private attribute object
 * @returns the same object, frozen
 */
export function adoptAttributes<T extends object>(value: T): T {
  // deepFreeze, with the frozen nested values (shared with owned objects) skipped without a call
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) {
      const nested = (value as Record<string, unknown>)[key];
      if (typeof nested === 'object' && nested !== null && !Object.isFrozen(nested)) deepFreeze(nested);
    }
  }
  OWNED.add(value);
  return value;
}

/**
 * Build a {@link Network} from already-valid parts. It checks referential integrity (ids unique, link
 * endpoints exist) and throws on the first problem; for documents from users prefer `parseNetwork`,
 * which validates everything and reports every issue with its JSON path. Attribute objects are copied
 * and deep-frozen, so later changes to the inputs do not leak into the network; attribute objects
 * taken from another network (already frozen copies) are shared, not copied again.
 *
 * @param init - metadata, nodes, links, corridors
 * @returns a new immutable network
 * @throws InvalidArgumentError on duplicate ids; NotFoundError when a link names a missing node
 * @example
 * const net = createNetwork({ meta: { name: 'tiny' }, nodes: [a, b], links: [ab] });
 * @remarks Complexity O(N + L).
 */
export function createNetwork(init: NetworkInit): Network {
  if (typeof init !== 'object' || init === null) {
    throw new InvalidArgumentError(
      'corridor-sim/network',
      'init',
      `must be an object with meta, nodes and links, got ${String(init)}`,
    );
  }
  for (const key of ['nodes', 'links'] as const) {
    if (!Array.isArray(init[key])) {
      throw new InvalidArgumentError(
        'corridor-sim/network',
        `init.${key}`,
        `must be an array, got ${typeof init[key]}`,
      );
    }
  }
  if (typeof init.meta !== 'object' || init.meta === null) {
    throw new InvalidArgumentError(
      'corridor-sim/network',
      'init.meta',
      `must be an object with a name, got ${String(init.meta)}`,
    );
  }
  const graph: NetworkGraph = new MultiDirectedGraph<NodeAttributes, LinkAttributes>({
    allowSelfLoops: true,
  });
  const nodes = init.nodes;
  const links = init.links;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (typeof node !== 'object' || node === null || typeof node.id !== 'string') {
      throw new InvalidArgumentError(
        'corridor-sim/network',
        `init.nodes[${i}]`,
        'must be a node object with a string id (parseNetwork validates every field)',
      );
    }
  }
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    if (
      typeof link !== 'object' ||
      link === null ||
      typeof link.id !== 'string' ||
      typeof link.from !== 'string' ||
      typeof link.to !== 'string'
    ) {
      throw new InvalidArgumentError(
        'corridor-sim/network',
        `init.links[${i}]`,
        'must be a link object with string id, from and to (parseNetwork validates every field)',
      );
    }
  }
  // graphology refuses a duplicate id or a missing endpoint itself; only then are the ids checked
  // here, in this order, for this module's errors
  for (const node of nodes) {
    try {
      graph.addNode(node.id, own(node));
    } catch (error) {
      if (graph.hasNode(node.id)) {
        throw new InvalidArgumentError(
          'corridor-sim/network',
          'nodes',
          `has duplicate node id ${JSON.stringify(node.id)}`,
        );
      }
      throw error;
    }
  }
  for (const link of links) {
    try {
      graph.addEdgeWithKey(link.id, link.from, link.to, own(link));
    } catch (error) {
      if (graph.hasEdge(link.id)) {
        throw new InvalidArgumentError(
          'corridor-sim/network',
          'links',
          `has duplicate link id ${JSON.stringify(link.id)}`,
        );
      }
      if (!graph.hasNode(link.from)) throw new NotFoundError('corridor-sim/network', 'node', link.from);
      if (!graph.hasNode(link.to)) throw new NotFoundError('corridor-sim/network', 'node', link.to);
      throw error;
    }
  }
  const network: Network = Object.freeze({
    meta: own(init.meta),
    commodities: own(init.commodities ?? DEFAULT_COMMODITIES),
    graph,
    corridors: own(init.corridors ?? []),
    defaultVdf: own(init.defaultVdf ?? DEFAULT_VDF),
  });
  Object.defineProperty(graph, NETWORK_GRAPH, { value: true, enumerable: false });
  return network;
}

/**
 * Make a new network from an existing one with some parts replaced; the input is not changed.
 *
 * @param network - the network to start from
 * @param changes - parts to replace (nodes/links as full lists)
 * @returns a new network
 */
export function rebuildNetwork(
  network: Network,
  changes: {
    readonly meta?: NetworkMeta;
    readonly nodes?: readonly NodeAttributes[];
    readonly links?: readonly LinkAttributes[];
    readonly corridors?: readonly Corridor[];
  },
): Network {
  requireNetwork(network, 'corridor-sim/network', 'network');
  requireObject(changes, 'corridor-sim/network', 'changes', 'an object of parts to replace');
  const rebuilt = createNetwork({
    meta: changes.meta ?? network.meta,
    commodities: network.commodities,
    nodes: changes.nodes ?? listNodes(network),
    links: changes.links ?? listLinks(network),
    corridors: changes.corridors ?? network.corridors,
    defaultVdf: network.defaultVdf,
  });
  ORIGINS.set(rebuilt, networkOrigin(network));
  return rebuilt;
}

/** The network each rebuilt network was (ultimately) rebuilt from. */
const ORIGINS = new WeakMap<Network, Network>();

/**
 * Make a new network from an existing one with its nodes and links replaced, as
 * {@link rebuildNetwork} does, except that the graphology graph is built when `graph` is first read
 * (then remembered). Until then the records are served by {@link networkRecordLists}, which is what the
 * compiled form reads: a simulation that never looks at the graph of its applied network does not
 * pay for building it. The network is a real {@link Network}: reading `graph` (as `isNetwork`,
 * `JSON.stringify` and `structuredClone` do) gives the same graph `rebuildNetwork` would have built.
 *
 * The records must form a valid network (unique ids, endpoints among the nodes), as the ones
 * `applyScenario` makes do: `createNetwork`'s checks run when the graph is built. Records not owned by
 * a network yet are copied and frozen here, as `createNetwork` copies them.
 *
 * @internal Used by simulate, through applyScenario's deferred variant; not part of the package API.
 * @param network - the network to start from (its metadata, commodities, corridors and default VDF)
 * @param changes - the full node and link lists
 * @returns a new network whose graph is built on first read
 * @remarks Complexity O(N + L) to own the records; the graph, O(N + L), on first read.
 */
export function deferNetwork(
  network: Network,
  changes: { readonly nodes: readonly NodeAttributes[]; readonly links: readonly LinkAttributes[] },
): Network {
  const nodes = Object.freeze(changes.nodes.map(own));
  const links = Object.freeze(changes.links.map(own));
  let graph: NetworkGraph | undefined;
  // the same keys in the same order as createNetwork's networks (JSON.stringify and structuredClone
  // read the getter like a value)
  const deferred: Network = Object.freeze({
    meta: network.meta,
    commodities: network.commodities,
    get graph(): NetworkGraph {
      graph ??= createNetwork({
        meta: network.meta,
        commodities: network.commodities,
        nodes,
        links,
        corridors: network.corridors,
        defaultVdf: network.defaultVdf,
      }).graph;
      return graph;
    },
    corridors: network.corridors,
    defaultVdf: network.defaultVdf,
  });
  RECORD_LISTS.set(deferred, { nodes, links });
  ORIGINS.set(deferred, networkOrigin(network));
  return deferred;
}

/** The node and link records of a network, in its order. */
export interface NetworkRecordLists {
  /** Node records in insertion order (frozen array). */
  readonly nodes: readonly NodeAttributes[];
  /** Link records in insertion order (frozen array). */
  readonly links: readonly LinkAttributes[];
}

/** Record lists read from networks, and those of deferred networks. */
const RECORD_LISTS = new WeakMap<Network, NetworkRecordLists>();

/**
 * The node and link records of a network, in insertion order: read from the graph once per network
 * and remembered (networks are immutable); for a network made by {@link deferNetwork}, its records,
 * without building the graph. The records are the graph's own attribute objects (frozen).
 *
 * @internal Used by compileNetwork and applyScenario; not part of the package API.
 * @param network - a network
 * @returns its records (shared: do not change)
 * @remarks Complexity O(N + L) the first time, O(1) after.
 */
export function networkRecordLists(network: Network): NetworkRecordLists {
  let lists = RECORD_LISTS.get(network);
  if (!lists) {
    lists = {
      nodes: Object.freeze(network.graph.mapNodes((_key, attributes) => attributes)),
      links: Object.freeze(network.graph.mapEdges((_key, attributes) => attributes)),
    };
    RECORD_LISTS.set(network, lists);
  }
  return lists;
}

/**
 * The network that `network` was rebuilt from by {@link rebuildNetwork} (following rebuilds back to
 * the first), or `network` itself. Networks of one origin mostly share their structure (a scenario
 * changes capacities and costs): caches of structure keep one entry per origin, and must still check
 * that a network has the structure they remember.
 *
 * @internal Used by compileNetwork's structure cache; not part of the package API.
 * @param network - a network
 * @returns its origin
 */
export function networkOrigin(network: Network): Network {
  return ORIGINS.get(network) ?? network;
}

/**
 * All node attribute records, in insertion order.
 *
 * @param network - the network
 * @returns the node records (frozen)
 */
export function listNodes(network: Network): NodeAttributes[] {
  requireNetwork(network, 'corridor-sim/network', 'network');
  return [...networkRecordLists(network).nodes];
}

/**
 * All link attribute records, in insertion order.
 *
 * @param network - the network
 * @returns the link records (frozen)
 */
export function listLinks(network: Network): LinkAttributes[] {
  requireNetwork(network, 'corridor-sim/network', 'network');
  return [...networkRecordLists(network).links];
}

/**
 * The attributes of one node.
 *
 * @param network - the network
 * @param id - node id
 * @returns the node record
 * @throws NotFoundError when the node does not exist
 */
export function getNode(network: Network, id: NodeId): NodeAttributes {
  requireNetwork(network, 'corridor-sim/network', 'network');
  requireId(id, 'node');
  if (!network.graph.hasNode(id)) throw new NotFoundError('corridor-sim/network', 'node', id);
  return network.graph.getNodeAttributes(id);
}

/** Throw unless `id` is a string, the type of every node and link id. */
function requireId(id: unknown, what: 'node' | 'link'): asserts id is string {
  if (typeof id !== 'string') {
    throw new InvalidArgumentError(
      'corridor-sim/network',
      'id',
      `must be a ${what} id (a string), got ${describeValue(id)}`,
    );
  }
}

/**
 * The attributes of one link.
 *
 * @param network - the network
 * @param id - link id
 * @returns the link record
 * @throws NotFoundError when the link does not exist
 */
export function getLink(network: Network, id: LinkId): LinkAttributes {
  requireNetwork(network, 'corridor-sim/network', 'network');
  requireId(id, 'link');
  if (!network.graph.hasEdge(id)) throw new NotFoundError('corridor-sim/network', 'link', id);
  return network.graph.getEdgeAttributes(id);
}
