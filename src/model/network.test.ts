/**
 * createNetwork and rebuildNetwork: the errors on bad ids come in a fixed order (duplicate id, then a
 * missing tail, then a missing head), whichever check graphology makes first; a rebuilt network has
 * the records it was given, in order, and keeps its origin.
 */

import { describe, expect, it } from 'vitest';
import { invalidArgument } from '../../test/support/expect-error.js';
import { linkRecord, nodeRecord } from '../../test/support/records.js';
import { NotFoundError } from './errors.js';
import {
  createNetwork,
  type LinkAttributes,
  listLinks,
  listNodes,
  type NodeAttributes,
  networkOrigin,
  rebuildNetwork,
} from './network.js';

const node = (id: string): NodeAttributes => nodeRecord(id, { kind: 'city' });
const link = (id: string, from: string, to: string): LinkAttributes =>
  linkRecord(id, from, to, { costUsdPerUnit: 10, distanceKm: 100 });
const meta = { name: 'tiny' };

function notFound(fn: () => unknown): NotFoundError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(NotFoundError);
    return error as NotFoundError;
  }
  throw new Error('expected a NotFoundError');
}

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
