/**
 * createNetwork and rebuildNetwork: the errors on bad ids come in a fixed order (duplicate id, then a
 * missing tail, then a missing head), whichever check graphology makes first; a rebuilt network has
 * the records it was given, in order, and keeps its origin. deferNetwork: the network it makes equals
 * the rebuilt one (graph, keys, JSON, structured clone), its records are served before the graph is
 * built, and the graph is built once.
 */

import { describe, expect, it } from 'vitest';
import { invalidArgument, thrown } from '../../test/support/expect-error.js';
import { linkRecord, nodeRecord } from '../../test/support/records.js';
import { NotFoundError } from './errors.js';
import {
  createNetwork,
  deferNetwork,
  isNetwork,
  type LinkAttributes,
  listLinks,
  listNodes,
  type NodeAttributes,
  networkOrigin,
  networkRecordLists,
  rebuildNetwork,
} from './network.js';

const node = (id: string): NodeAttributes => nodeRecord(id, { kind: 'city' });
const link = (id: string, from: string, to: string): LinkAttributes =>
  linkRecord(id, from, to, { costUsdPerUnit: 10, distanceKm: 100 });
const meta = { name: 'tiny' };

const notFound = (fn: () => unknown): NotFoundError => thrown(fn, NotFoundError);

describe('createNetwork', () => {
  it('names a duplicate node id', () => {
    const error = invalidArgument(() =>
      createNetwork({ meta, nodes: [node('a'), node('b'), node('a')], links: [] }),
    );
    expect(error.message).toContain('duplicate node id "a"');
  });

  it('names a duplicate link id before a missing endpoint, and a missing tail before a missing head', () => {
    const nodes = [node('a'), node('b')];
    const duplicate = invalidArgument(() =>
      createNetwork({ meta, nodes, links: [link('x', 'a', 'b'), link('x', 'q', 'r')] }),
    );
    expect(duplicate.message).toContain('duplicate link id "x"');
    expect(notFound(() => createNetwork({ meta, nodes, links: [link('x', 'q', 'r')] })).id).toBe('q');
    expect(notFound(() => createNetwork({ meta, nodes, links: [link('x', 'a', 'r')] })).id).toBe('r');
  });

  it('allows parallel links and self-loops, in the order given', () => {
    const net = createNetwork({
      meta,
      nodes: [node('a'), node('b')],
      links: [link('x', 'a', 'b'), link('y', 'a', 'b'), link('z', 'b', 'b')],
    });
    expect(listLinks(net).map((l) => l.id)).toEqual(['x', 'y', 'z']);
    expect(net.graph.outEdges('a', 'b')).toEqual(expect.arrayContaining(['x', 'y']));
  });
});

describe('rebuildNetwork', () => {
  it('takes the records given, in order, shares frozen ones, and remembers the first network it came from', () => {
    const base = createNetwork({ meta, nodes: [node('a'), node('b')], links: [link('x', 'a', 'b')] });
    const [a, b] = listNodes(base);
    const once = rebuildNetwork(base, {
      nodes: [b!, a!, node('c')],
      links: [...listLinks(base), link('y', 'c', 'a')],
    });
    const twice = rebuildNetwork(once, { links: listLinks(once).slice(1) });
    expect(listNodes(once).map((n) => n.id)).toEqual(['b', 'a', 'c']);
    expect(listNodes(once)[0]).toBe(b);
    expect(listLinks(twice).map((l) => l.id)).toEqual(['y']);
    expect(networkOrigin(base)).toBe(base);
    expect(networkOrigin(once)).toBe(base);
    expect(networkOrigin(twice)).toBe(base);
  });
});

describe('deferNetwork', () => {
  const base = createNetwork({ meta, nodes: [node('a'), node('b')], links: [link('x', 'a', 'b')] });
  const changes = () => {
    const [a, b] = listNodes(base);
    // a shared (owned) record, a reordered one, and new ones the caller still holds
    return { nodes: [b!, a!, node('c')], links: [...listLinks(base), link('y', 'c', 'a')] };
  };

  it('serves its records, the owned ones shared and the others copied and frozen, before any graph is read', () => {
    const given = changes();
    const deferred = deferNetwork(base, given);
    const { nodes, links } = networkRecordLists(deferred);
    expect(nodes.map((n) => n.id)).toEqual(['b', 'a', 'c']);
    expect(links.map((l) => l.id)).toEqual(['x', 'y']);
    expect(nodes[0]).toBe(given.nodes[0]);
    expect(nodes[2]).not.toBe(given.nodes[2]);
    expect(nodes[2]).toEqual(given.nodes[2]);
    expect(Object.isFrozen(nodes[2])).toBe(true);
    expect(Object.isFrozen(links[1])).toBe(true);
    expect(networkOrigin(deferred)).toBe(base);
  });

  it('builds, once, the graph rebuildNetwork builds, with the records it served', () => {
    const deferred = deferNetwork(base, changes());
    const rebuilt = rebuildNetwork(base, changes());
    const { nodes, links } = networkRecordLists(deferred);
    expect(deferred.graph).toBe(deferred.graph);
    expect(isNetwork(deferred)).toBe(true);
    expect(deferred.graph.export()).toEqual(rebuilt.graph.export());
    expect(listNodes(deferred)).toEqual([...nodes]);
    expect(listNodes(deferred).every((n, i) => n === nodes[i])).toBe(true);
    expect(listLinks(deferred).every((l, i) => l === links[i])).toBe(true);
    expect(networkRecordLists(deferred)).toEqual(networkRecordLists(rebuilt));
  });

  it('looks like a rebuilt network to JSON.stringify, structuredClone and object spread', () => {
    const deferred = deferNetwork(base, changes());
    const rebuilt = rebuildNetwork(base, changes());
    expect(Object.keys(deferred)).toEqual(Object.keys(rebuilt));
    expect(JSON.stringify(deferred)).toBe(JSON.stringify(rebuilt));
    expect(structuredClone(deferred)).toEqual(structuredClone(rebuilt));
    expect(isNetwork({ ...deferred })).toBe(true);
    expect(Object.isFrozen(deferred)).toBe(true);
  });
});
