/**
 * The route classifier against the string-based definitions it replaces in the hot loop: on every
 * path `simulate` routes on the Eurasia dataset (two scenarios, two solvers), the corridor is the first
 * of the commodity that `pathMatchesCorridor` accepts, the countries are those of the path's nodes and
 * links, and time and cost are the sums over its arcs.
 */

import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../algorithms/_internal/compile.js';
import { loadDataset } from '../data/datasets.js';
import { parseNetwork, serializeNetwork } from '../data/network-format.js';
import { loadScenario } from '../data/scenarios.js';
import type { Corridor } from '../model/corridor.js';
import { pathMatchesCorridor } from '../model/corridor.js';
import type { Network } from '../model/network.js';
import { corridorIndex } from './corridor-index.js';
import { createRouteClassifier, createRouteTable, ROUTE_FIELDS } from './route-classifier.js';
import { simulate } from './simulate.js';

const eurasia = loadDataset('eurasia');

/**
 * The network with a corridor put first that catches a classifier ignoring member links: northern
 * paths visit its waypoints, Dostyk then Małaszewicze, but none uses its Caspian link. With
 * `copies`, that many copies of the network's corridors (new ids, last corridor first) come first
 * too: past 31 corridors of a commodity the classifier tests them one by one instead of by bit masks,
 * and the copies, not the originals, are then the first match.
 */
function withTrapCorridors(network: Network, copies = 0): Network {
  const doc = serializeNetwork(network);
  const originals = doc.corridors ?? [];
  const copied: (typeof originals)[number][] = [];
  for (let i = 0; i < copies; i++) {
    const c = originals[originals.length - 1 - (i % originals.length)]!;
    copied.push({ ...c, id: `copy-${i}-${c.id}` });
  }
  const traps: Corridor[] = [
    {
      id: 'trap-waypoints-and-link',
      name: 'waypoints of the northern route and a Caspian link',
      commodity: 'container',
      waypoints: ['dostyk', 'malaszewicze'],
      links: ['aktau-alat'],
    },
  ];
  return parseNetwork({ ...doc, corridors: [...traps, ...copied, ...originals] });
}

describe('createRouteClassifier', () => {
  it.each([
    ['avoid-russia', 'equilibrium', 0],
    ['cpc-closure', 'min-cost', 0],
    ['avoid-russia', 'equilibrium', 40],
  ] as const)(
    'agrees with pathMatchesCorridor on every path of %s (%s, %i corridor copies)',
    async (name, solver, copies) => {
      const result = await simulate(eurasia, loadScenario(name), { year: 2024, solver });
      const network = withTrapCorridors(result.applied.network, copies);
      if (copies > 31) expect(corridorIndex(compileNetwork(network)).masks[0]).toBeUndefined();
      const graph = network.graph;
      const compiled = compileNetwork(network);
      // the same arcs as the network the paths were routed on
      expect(compiled.linkIds).toEqual(compileNetwork(result.applied.network).linkIds);
      const times = Float64Array.from(compiled.timeDays, (t, e) => t + (e % 7) * 0.125);
      const classifier = createRouteClassifier(compiled, times);
      const flows = new Map(result.applied.demand.flows.map((f) => [f.id, f]));
      let checked = 0;
      const seenCorridors = new Set<string>();
      for (const path of result.paths) {
        const flow = flows.get(path.flowId)!;
        const route = classifier.classify(path.arcs, compiled.nodeIndex.get(flow.origin)!, flow.commodity);
        // the string-based definitions
        const nodes = [flow.origin];
        const links: string[] = [];
        const countries = new Set([graph.getNodeAttributes(flow.origin).country]);
        let time = 0;
        let cost = 0;
        let usesSea = false;
        for (const arc of path.arcs) {
          time += times[arc]!;
          cost += compiled.costUsd[arc]!;
          if (arc >= compiled.linkCount) continue;
          const id = compiled.linkIds[arc]!;
          links.push(id);
          const head = graph.target(id);
          if (nodes[nodes.length - 1] !== head) nodes.push(head);
          countries.add(graph.getNodeAttributes(head).country);
          for (const c of graph.getEdgeAttributes(id).countries) countries.add(c);
          if (graph.getEdgeAttributes(id).mode === 'sea') usesSea = true;
        }
        const expected = network.corridors.find(
          (c) => c.commodity === flow.commodity && pathMatchesCorridor(c, nodes, links),
        );
        expect(route.corridor?.id).toBe(expected?.id);
        expect(route.overland).toBe(expected ? expected.overland === true : !usesSea);
        expect(new Set(Array.from(route.countries, (i) => classifier.countries[i]))).toEqual(countries);
        expect(route.time).toBe(time);
        expect(route.cost).toBe(cost);
        if (expected) seenCorridors.add(expected.id);
        checked++;
      }
      expect(checked).toBeGreaterThan(50);
      // several corridors, and both commodities, are exercised
      expect(seenCorridors.size).toBeGreaterThan(4);
    },
  );
});

describe('createRouteTable', () => {
  it('finds a route given as an array or as a range of a flat array alike', async () => {
    const result = await simulate(eurasia, loadScenario('avoid-russia'), { year: 2024 });
    const compiled = compileNetwork(result.applied.network);
    const origin = new Map(result.applied.demand.flows.map((f) => [f.id, compiled.nodeIndex.get(f.origin)!]));
    const commodity = new Map(
      result.applied.demand.flows.map((f) => [f.id, compiled.commodityIds.indexOf(f.commodity)]),
    );
    const paths = result.paths;
    // every path in one flat array, each after a gap of junk arcs
    const starts: number[] = [];
    const flat: number[] = [];
    paths.forEach((p, i) => {
      for (let k = 0; k < i % 3; k++) flat.push(compiled.csr.arcCount - 1 - k);
      starts.push(flat.length);
      flat.push(...p.arcs);
    });
    const flatArcs = Int32Array.from(flat);
    const byArray = createRouteTable(compiled, compiled.timeDays, 4);
    const byRange = createRouteTable(compiled, compiled.timeDays, 4);
    const numbers = paths.map((p) => byArray.find(p.arcs, origin.get(p.flowId)!, commodity.get(p.flowId)!));
    paths.forEach((p, i) => {
      const end = starts[i]! + p.arcs.length;
      const r = byRange.findIn(flatArcs, starts[i]!, end, origin.get(p.flowId)!, commodity.get(p.flowId)!);
      expect(r).toBe(numbers[i]);
    });
    // fewer routes than paths: the same route is found again, not added
    expect(byRange.size).toBe(byArray.size);
    expect(byRange.size).toBeLessThan(paths.length);
    expect(byRange.routes.subarray(0, byRange.size * ROUTE_FIELDS)).toEqual(
      byArray.routes.subarray(0, byArray.size * ROUTE_FIELDS),
    );
    expect(byRange.sums.subarray(0, 2 * byRange.size)).toEqual(byArray.sums.subarray(0, 2 * byArray.size));
    // the same arcs in another array, at another offset: the known route
    const p = paths[7]!;
    const copy = Int32Array.from([0, 0, 0, ...p.arcs]);
    const o = origin.get(p.flowId)!;
    const c = commodity.get(p.flowId)!;
    expect(byRange.findIn(copy, 3, 3 + p.arcs.length, o, c)).toBe(numbers[7]);
    // without its first arc (no path of the origin), another origin, another commodity: new routes
    expect(byRange.findIn(copy, 4, 3 + p.arcs.length, o, c)).toBe(byArray.size);
    expect(byRange.findIn(copy, 3, 3 + p.arcs.length, o === 0 ? 1 : 0, c)).toBe(byArray.size + 1);
    expect(byRange.findIn(copy, 3, 3 + p.arcs.length, o, c === 0 ? 1 : 0)).toBe(byArray.size + 2);
  });
});
