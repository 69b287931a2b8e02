/**
 * A network's records by id, and tables of changed records over them
 * ==================================================================
 *
 * `applyScenario` starts from the node and link records of its input network, replaces some with
 * changed copies and adds new ones. The records of a network, in its order and indexed by id, are
 * read once and remembered (networks are immutable); each application then works on a
 * {@link RecordTable}: an array of the current record at each of the network's positions, plus the
 * records added, in the order a `Map` keyed by id would keep them (a replaced record keeps its place,
 * a new id goes last).
 *
 * Internal: no public API.
 */

import type { LinkAttributes, Network, NodeAttributes } from '../model/network.js';
import { networkRecordLists } from '../model/network.js';

/** The records of a network, in its order, with their positions by id. */
export interface NetworkRecords {
  /** Node records in network order (frozen array). */
  readonly nodes: readonly NodeAttributes[];
  /** Link records in network order (frozen array). */
  readonly links: readonly LinkAttributes[];
  /** Position of each node id in `nodes`. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** Position of each link id in `links`. */
  readonly linkIndex: ReadonlyMap<string, number>;
  /** Positions of the planned links that have an opening date, in network order. */
  readonly plannedLinks: readonly number[];
}

const RECORDS = new WeakMap<Network, NetworkRecords>();

/**
 * The records of a network (read once per network, then remembered).
 *
 * @param network - a network (immutable)
 * @returns its node and link records, indexed by id
 * @remarks Complexity O(N + L) the first time, O(1) after.
 */
export function networkRecords(network: Network): NetworkRecords {
  let records = RECORDS.get(network);
  if (records) return records;
  const { nodes, links } = networkRecordLists(network);
  const plannedLinks: number[] = [];
  // indexed: forEach takes a slow path on frozen arrays
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    if (link.status === 'planned' && link.opens !== undefined) plannedLinks.push(i);
  }
  records = {
    nodes,
    links,
    // ids are keys of the graph: unique
    nodeIndex: new Map(nodes.map((n, i) => [n.id, i])),
    linkIndex: new Map(links.map((l, i) => [l.id, i])),
    plannedLinks: Object.freeze(plannedLinks),
  };
  RECORDS.set(network, records);
  return records;
}

/** Records by id: a network's, some replaced, some added; ordered as a `Map` keyed by id would be. */
export interface RecordTable<T extends { readonly id: string }> {
  /** The current record of an id. */
  get(id: string): T | undefined;
  /** Whether an id has a record. */
  has(id: string): boolean;
  /** Put a record under its id: replaces the record of that id in its place, or adds it last. */
  set(record: T): void;
  /** All records: the network's positions first, then the added ones in the order first added. */
  values(): T[];
}

/**
 * A table that starts with the records `base` (positions by id in `index`).
 *
 * @param base - the starting records, in order (not changed)
 * @param index - the position of each id in `base`
 * @returns a new table
 * @remarks get, has and set O(1); values O(records).
 */
export function recordTable<T extends { readonly id: string }>(
  base: readonly T[],
  index: ReadonlyMap<string, number>,
): RecordTable<T> {
  // spread, not slice: slice takes a slow path on frozen arrays
  const current = [...base];
  let added: Map<string, T> | undefined;
  return {
    get: (id) => {
      const i = index.get(id);
      return i !== undefined ? current[i] : added?.get(id);
    },
    has: (id) => index.has(id) || (added?.has(id) ?? false),
    set: (record) => {
      const i = index.get(record.id);
      if (i !== undefined) {
        current[i] = record;
        return;
      }
      added ??= new Map();
      added.set(record.id, record);
    },
    values: () => (added ? [...current, ...added.values()] : [...current]),
  };
}
