/**
 * The corridor index against the corridors it is built from, id by id: the corridors of each
 * commodity in network order, their waypoints and member links as indices, and the bit masks; also
 * for a network of the same structure with other corridors, compiled after one whose index it could
 * wrongly reuse.
 */

import { describe, expect, it } from 'vitest';
import { type CompiledNetwork, compileNetwork } from '../algorithms/_internal/compile.js';
import { loadDataset } from '../data/datasets.js';
import { parseNetwork, serializeNetwork } from '../data/network-format.js';
import type { Corridor } from '../model/corridor.js';
import { type Network, rebuildNetwork } from '../model/network.js';
import { corridorIndex, MAX_MASKED_CORRIDORS } from './corridor-index.js';

const eurasia = loadDataset('eurasia');

/** The checks against the corridors of `network`, which `compiled` is compiled from. */
function expectIndexOf(network: Network, compiled: CompiledNetwork): void {
  const index = corridorIndex(compiled);
  expect(corridorIndex(compiled)).toBe(index);
  const { commodityIds, linkIds, nodeIds, linkCount } = compiled;
  expect(index.byCommodity.length).toBe(commodityIds.length);
  commodityIds.forEach((commodity, c) => {
    const expected = network.corridors.filter((k) => k.commodity === commodity);
    const list = index.byCommodity[c]!;
    expect(list.map((k) => k.corridor)).toEqual(expected);
    for (const k of list) {
      expect(network.corridors[k.index]).toBe(k.corridor);
      expect(Array.from(k.waypoints, (n) => (n < 0 ? undefined : nodeIds[n]))).toEqual(
        (k.corridor.waypoints ?? []).map((id) => (compiled.nodeIndex.has(id) ? id : undefined)),
      );
      expect(Array.from(k.links, (e) => linkIds[e])).toEqual(
        (k.corridor.links ?? []).filter((id) => compiled.linkIndex.has(id)),
      );
      expect(k.listsLinks).toBe((k.corridor.links ?? []).length > 0);
    }
    const masks = index.masks[c]!;
    expect(list.length).toBeLessThanOrEqual(MAX_MASKED_CORRIDORS);
    list.forEach((k, i) => {
      const bit = 1 << i;
      const links = new Set(k.corridor.links ?? []);
      const waypoints = new Set(k.corridor.waypoints ?? []);
      for (let e = 0; e < linkCount; e++) expect((masks.bits[e]! & bit) !== 0).toBe(links.has(linkIds[e]!));
      nodeIds.forEach((id, n) => {
        expect((masks.bits[linkCount + n]! & bit) !== 0).toBe(waypoints.has(id));
      });
      expect((masks.linkless & bit) !== 0).toBe(links.size === 0);
      expect((masks.waypointless & bit) !== 0).toBe(waypoints.size === 0);
      expect((masks.matchable & bit) !== 0).toBe(links.size > 0 || waypoints.size > 0);
    });
  });
}

describe('corridorIndex', () => {
  it('lists each commodity’s corridors in network order, on indices, with masks that say the same', () => {
    // and a corridor with links only (a network refuses unknown ids and corridors with neither)
    const doc = serializeNetwork(eurasia.network);
    const linksOnly: Corridor = {
      id: 'links-only',
      name: 'links only',
      commodity: 'container',
      links: ['aktau-alat'],
    };
    const network = parseNetwork({ ...doc, corridors: [linksOnly, ...(doc.corridors ?? [])] });
    expectIndexOf(network, compileNetwork(network));
  });

  it('is shared by networks of one structure and corridors, and made anew for other corridors', () => {
    const first = compileNetwork(eurasia.network);
    const index = corridorIndex(first);
    const again = compileNetwork(rebuildNetwork(eurasia.network, {}));
    expect(again.nodeIndex).toBe(first.nodeIndex);
    expect(corridorIndex(again)).toBe(index);
    // the same structure, the corridors in reverse order and one left out
    const other = rebuildNetwork(eurasia.network, {
      corridors: eurasia.network.corridors.slice(1).reverse(),
    });
    const compiled = compileNetwork(other);
    expect(compiled.nodeIndex).toBe(first.nodeIndex);
    expect(corridorIndex(compiled)).not.toBe(index);
    expectIndexOf(other, compiled);
    // and the first network's index is still right for it
    expectIndexOf(eurasia.network, first);
  });
});
