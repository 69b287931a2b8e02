/**
 * The country index against the records it is built from: every node's country and every link's
 * transit countries, read back through the index, are the records' own, for the compiled networks of
 * every bundled scenario (compiled one after another, so that each may reuse the index of the one
 * before) and for networks of the same structure whose nodes or links lie in other countries.
 */

import { describe, expect, it } from 'vitest';
import { type CompiledNetwork, compileNetwork } from '../algorithms/_internal/compile.js';
import { loadDataset } from '../data/datasets.js';
import { listScenarios, loadScenario } from '../data/scenarios.js';
import { demandForYear } from '../model/demand.js';
import type { CountryCode } from '../model/ids.js';
import { listLinks, listNodes, rebuildNetwork } from '../model/network.js';
import { applyScenario } from '../scenario/apply.js';
import { countryFlags, countryIndex } from './countries.js';

const eurasia = loadDataset('eurasia');

/** The index of `compiled`, read back per node and link, equals the graph's records. */
function expectRecordsCountries(compiled: CompiledNetwork): void {
  const index = countryIndex(compiled);
  expect(countryIndex(compiled)).toBe(index);
  const { countries, indexOf, nodeCountry, linkCountryStart, linkCountryList } = index;
  const graph = compiled.network.graph;
  expect(Array.from(nodeCountry, (c) => countries[c])).toEqual(
    compiled.nodeIds.map((id) => graph.getNodeAttributes(id).country),
  );
  expect(
    compiled.linkIds.map((_, e) =>
      Array.from(
        linkCountryList.subarray(linkCountryStart[e]!, linkCountryStart[e + 1]!),
        (c) => countries[c],
      ),
    ),
  ).toEqual(compiled.linkIds.map((id) => graph.getEdgeAttributes(id).countries));
  // every country once, found by its code
  expect(new Set(countries).size).toBe(countries.length);
  expect(countries.map((code) => indexOf.get(code))).toEqual(countries.map((_, i) => i));
}

describe('countryIndex', () => {
  it('gives the records’ countries for the networks of every bundled scenario, compiled in turn', () => {
    for (const year of [2023, 2028]) {
      for (const { id } of listScenarios()) {
        const applied = applyScenario(
          eurasia.network,
          demandForYear(eurasia.demand, year),
          loadScenario(id),
          {
            year,
          },
        );
        expectRecordsCountries(compileNetwork(applied.network));
      }
    }
  });

  it('is shared by networks of one structure and countries, and made anew when a country differs', () => {
    const first = compileNetwork(eurasia.network);
    const index = countryIndex(first);
    const again = compileNetwork(rebuildNetwork(eurasia.network, {}));
    expect(again.nodeIndex).toBe(first.nodeIndex);
    expect(countryIndex(again)).toBe(index);
    const moved = (code: string) => (code === 'KZ' ? 'UZ' : code) as CountryCode;
    const otherNodes = rebuildNetwork(eurasia.network, {
      nodes: listNodes(eurasia.network).map((node) => ({ ...node, country: moved(node.country) })),
    });
    const otherLinks = rebuildNetwork(eurasia.network, {
      links: listLinks(eurasia.network).map((link) => ({ ...link, countries: link.countries.map(moved) })),
    });
    for (const network of [otherNodes, otherLinks, eurasia.network]) {
      const compiled = compileNetwork(network);
      expect(compiled.nodeIndex).toBe(first.nodeIndex);
      expectRecordsCountries(compiled);
      if (network !== eurasia.network) expect(countryIndex(compiled)).not.toBe(index);
    }
  });
});

describe('countryFlags', () => {
  it('flags the listed countries of the network and ignores the others', () => {
    const index = countryIndex(compileNetwork(eurasia.network));
    const flags = countryFlags(index, ['KZ', 'CN', 'US']);
    expect(index.countries.filter((_, i) => flags[i] === 1).sort()).toEqual(['CN', 'KZ']);
  });

  it('remembers the flags of a frozen list only: a list built in code is read afresh', () => {
    const index = countryIndex(compileNetwork(eurasia.network));
    const frozen = Object.freeze(['KZ', 'RU']);
    expect(countryFlags(index, frozen)).toBe(countryFlags(index, frozen));
    const open = ['KZ'];
    const before = countryFlags(index, open);
    open.push('RU');
    const after = countryFlags(index, open);
    expect(index.countries.filter((_, i) => before[i] === 1)).toEqual(['KZ']);
    expect(index.countries.filter((_, i) => after[i] === 1).sort()).toEqual(['KZ', 'RU']);
  });
});
