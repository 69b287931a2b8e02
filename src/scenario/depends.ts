/**
 * Operations that need an earlier add-link
 * ========================================
 *
 * An operation may name a link or node that an earlier `add-link` of its scenario adds (a new
 * crossing, then a surcharge on it). Such an operation means nothing without that add-link: whoever
 * takes operations apart (attribution runs every subset of them) must keep the two together.
 *
 * Internal: no public API.
 */

import type { ScenarioOp, Selector } from '../model/scenario.js';

/** The link and node ids an operation names (its selector, its nodes, the link it opens or joins). */
function namedIds(op: ScenarioOp): string[] {
  const ofSelector = (s: Selector | undefined) => [...(s?.links ?? []), ...(s?.nodes ?? [])];
  switch (op.kind) {
    case 'close-links':
    case 'scale-capacity':
    case 'set-capacity':
    case 'surcharge':
      return ofSelector(op.target);
    case 'close-country':
    case 'close-border':
      return ofSelector(op.scope);
    case 'close-nodes':
      return [...op.nodes];
    case 'add-link':
      return 'from' in op.link ? [op.link.from, op.link.to] : [op.link.id];
    default:
      return [];
  }
}

/**
 * The link and node ids the `add-link` operations of a list add (full links and their new nodes).
 *
 * @param operations - a scenario's operations
 * @returns the added link ids and node ids
 * @example addedIds(loadScenario('bakhty-2028').operations).links
 * @remarks Complexity O(operations).
 */
export function addedIds(operations: readonly ScenarioOp[]): {
  readonly links: ReadonlySet<string>;
  readonly nodes: ReadonlySet<string>;
} {
  const links = new Set<string>();
  const nodes = new Set<string>();
  for (const op of operations) {
    if (op?.kind !== 'add-link') continue;
    if ('from' in op.link) links.add(op.link.id);
    for (const node of op.nodes ?? []) nodes.add(node.id);
  }
  return { links, nodes };
}

/**
 * The operations from index `first` on, in groups that must stay together: an `add-link` with every
 * later operation that names what it adds (transitively). Operations before `first` count as always
 * present.
 *
 * @param operations - a scenario's operations
 * @param first - the first operation to group (the ones before are a base that always runs)
 * @returns the groups, each its operation indices in ascending order, ordered by their first index
 * @example groupWithAddedLinks([addFerry, surchargeOnFerry, closeBorder], 0) // [[0, 1], [2]]
 * @remarks Complexity O(total size of the operations).
 */
export function groupWithAddedLinks(operations: readonly ScenarioOp[], first: number): number[][] {
  const parent = operations.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  /** Which operation adds each link or node id. */
  const addedBy = new Map<string, number>();
  for (let i = first; i < operations.length; i++) {
    const op = operations[i]!;
    if (op === null || typeof op !== 'object') continue;
    for (const id of namedIds(op)) {
      const owner = addedBy.get(id);
      if (owner === undefined) continue;
      const [a, b] = [root(owner), root(i)];
      // the smaller index is the root, so each group is named by its first operation
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
    if (op.kind === 'add-link') {
      if ('from' in op.link) addedBy.set(op.link.id, i);
      for (const node of op.nodes ?? []) addedBy.set(node.id, i);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = first; i < operations.length; i++) {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}
