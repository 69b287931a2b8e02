/**
 * applyScenarioDeferred against applyScenario: on the Eurasia network under every bundled scenario, in
 * a year before, during and after most of their dated operations, the deferred network has equal
 * records, builds the same graph (over those records) when read and serializes the same; demand, log and
 * segment surcharges are equal; and compiling it gives what compiling applyScenario's network gives.
 */

import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../algorithms/_internal/compile.js';
import { loadDataset } from '../data/datasets.js';
import { serializeNetwork } from '../data/network-format.js';
import { listScenarios, loadScenario } from '../data/scenarios.js';
import { demandForYear } from '../model/demand.js';
import { isNetwork, listLinks, listNodes, networkOrigin, networkRecordLists } from '../model/network.js';
import { applyScenario, applyScenarioDeferred } from './apply.js';

const eurasia = loadDataset('eurasia');

describe('applyScenarioDeferred', () => {
  const cases = listScenarios().flatMap(({ id }) => [2023, 2025, 2028].map((year) => ({ id, year })));

  it.each(cases)('$id in $year: the network, once read, is the one applyScenario returns', ({ id, year }) => {
    const demand = demandForYear(eurasia.demand, year);
    const scenario = loadScenario(id);
    const eager = applyScenario(eurasia.network, demand, scenario, { year });
    const deferred = applyScenarioDeferred(eurasia.network, demand, scenario, { year });
    const { network } = deferred;
    expect(networkOrigin(network)).toBe(networkOrigin(eager.network));
    // the records, served before the graph is built, equal the eager network's
    const records = networkRecordLists(network);
    expect(records.nodes).toStrictEqual(listNodes(eager.network));
    expect(records.links).toStrictEqual(listLinks(eager.network));
    // compiled from the records alone, as from the built graph
    const compiled = compileNetwork(network, { year });
    const expected = compileNetwork(eager.network, { year });
    expect(compiled.linkIds).toEqual(expected.linkIds);
    expect(compiled.capacity).toEqual(expected.capacity);
    expect(compiled.costUsd).toEqual(expected.costUsd);
    expect(compiled.timeDays).toEqual(expected.timeDays);
    expect(compiled.arcActive).toEqual(expected.arcActive);
    // the graph, built now
    expect(isNetwork(network)).toBe(true);
    expect(network.graph.export()).toEqual(eager.network.graph.export());
    // whose records are the objects served before
    expect(listNodes(network).every((node, i) => node === records.nodes[i])).toBe(true);
    expect(listLinks(network).every((link, i) => link === records.links[i])).toBe(true);
    expect(JSON.stringify(serializeNetwork(network))).toBe(JSON.stringify(serializeNetwork(eager.network)));
    expect(JSON.stringify(network)).toBe(JSON.stringify(eager.network));
    expect(deferred.demand).toEqual(eager.demand);
    expect(deferred.log).toEqual(eager.log);
    expect(deferred.segmentSurcharges).toEqual(eager.segmentSurcharges);
  });

  it('returns the input network itself when no operation changes it, as applyScenario does', () => {
    const empty = { id: 'none', name: 'none', operations: [] };
    const demand = demandForYear(eurasia.demand, 2023);
    expect(applyScenarioDeferred(eurasia.network, demand, empty).network).toBe(eurasia.network);
  });
});
