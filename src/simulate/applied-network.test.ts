/**
 * The applied network of a simulation result: simulate builds its graph only when it is read, and then
 * it is the network applyScenario returns for the same demand, scenario and year (same graph, same
 * records, same JSON); results survive JSON.stringify and structuredClone with it, as they did when
 * the graph was built eagerly.
 */

import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/datasets.js';
import { loadScenario } from '../data/scenarios.js';
import { demandForYear } from '../model/demand.js';
import { isNetwork, listLinks, listNodes } from '../model/network.js';
import { applyScenario } from '../scenario/apply.js';
import { simulate } from './simulate.js';

const eurasia = loadDataset('eurasia');

describe('result.applied.network', () => {
  const cases = [
    { id: 'baseline', year: 2023 },
    { id: 'avoid-russia', year: 2024 },
    { id: 'bakhty-2028', year: 2028 },
    { id: 'cpc-closure', year: 2025 },
    { id: 'titr-x5', year: 2028 },
  ];

  it.each(cases)(
    '$id in $year: equals applyScenario’s network, and survives JSON and cloning',
    async ({ id, year }) => {
      const scenario = loadScenario(id);
      const result = await simulate(eurasia, scenario, { year });
      const demand = demandForYear(eurasia.demand, result.demandYear);
      const eager = applyScenario(eurasia.network, demand, scenario, { year }).network;
      const { network } = result.applied;
      expect(isNetwork(network)).toBe(true);
      expect(network.graph.export()).toEqual(eager.graph.export());
      expect(listNodes(network)).toEqual(listNodes(eager));
      expect(listLinks(network)).toEqual(listLinks(eager));
      expect(JSON.stringify(network)).toBe(JSON.stringify(eager));
      const json = JSON.parse(JSON.stringify(result));
      expect(json.applied.network).toEqual(JSON.parse(JSON.stringify(eager)));
      expect(json.links).toEqual(JSON.parse(JSON.stringify(result.links)));
      const clone = structuredClone(result);
      expect(clone.applied.network).toEqual(structuredClone(eager));
      expect(clone.corridors).toEqual(result.corridors);
    },
  );
});
