/**
 * Record tables against a `Map` keyed by id (what applyScenario used before): after any sequence of
 * replacements and additions, the same records in the same order; and a network's remembered records
 * against listNodes / listLinks.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/datasets.js';
import { listLinks, listNodes } from '../model/network.js';
import { networkRecords, recordTable } from './records.js';

interface Rec {
  readonly id: string;
  readonly v: number;
}

describe('recordTable', () => {
  it('keeps the records and order of a Map keyed by id', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...ids)),
        fc.array(fc.tuple(fc.constantFrom(...ids, 'x', 'y'), fc.integer())),
        (baseIds, writes) => {
          const base: Rec[] = baseIds.map((id, v) => ({ id, v }));
          const table = recordTable(base, new Map(baseIds.map((id, i) => [id, i])));
          const map = new Map(base.map((r) => [r.id, r]));
          for (const [id, v] of writes) {
            const record = { id, v };
            table.set(record);
            map.set(id, record);
            expect(table.get(id)).toBe(record);
          }
          expect(table.values()).toEqual([...map.values()]);
          for (const id of [...ids, 'x', 'y', 'z']) {
            expect(table.has(id)).toBe(map.has(id));
            expect(table.get(id)).toBe(map.get(id));
          }
          // the base list is not changed, and values() is a new array each time
          expect(base).toEqual(baseIds.map((id, v) => ({ id, v })));
          expect(table.values()).not.toBe(table.values());
        },
      ),
    );
  });
});

describe('networkRecords', () => {
  it('holds the records of listNodes and listLinks, indexed, and the planned links with a date', () => {
    const { network } = loadDataset('eurasia');
    const records = networkRecords(network);
    expect(networkRecords(network)).toBe(records);
    const nodes = listNodes(network);
    const links = listLinks(network);
    expect(records.nodes).toEqual(nodes);
    for (let i = 0; i < nodes.length; i++) expect(records.nodes[i]).toBe(nodes[i]);
    for (let i = 0; i < links.length; i++) expect(records.links[i]).toBe(links[i]);
    expect([...records.nodeIndex]).toEqual(nodes.map((n, i) => [n.id, i]));
    expect([...records.linkIndex]).toEqual(links.map((l, i) => [l.id, i]));
    const planned = links.flatMap((l, i) => (l.status === 'planned' && l.opens !== undefined ? [i] : []));
    expect(records.plannedLinks).toEqual(planned);
    expect(planned.length).toBeGreaterThan(0);
    expect(Object.isFrozen(records.nodes) && Object.isFrozen(records.links)).toBe(true);
  });
});
