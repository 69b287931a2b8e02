/**
 * The entry index against a direct search: for every OD of the classes of the Eurasia demand (under
 * every bundled scenario, and with every flow doubled so that two flows share each OD), `collect`
 * finds exactly the entries of that class, origin and destination, in order, and their volume summed
 * in that order.
 */

import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../algorithms/_internal/compile.js';
import { loadDataset } from '../data/datasets.js';
import { listScenarios, loadScenario } from '../data/scenarios.js';
import { type Demand, demandForYear } from '../model/demand.js';
import { applyScenario } from '../scenario/apply.js';
import { buildClasses, type DemandClass } from './classes.js';
import { demandEntries } from './demand-entries.js';

const eurasia = loadDataset('eurasia');

function expectDirectSearch(classes: readonly DemandClass[], vertexCount: number): void {
  const entries = demandEntries(classes, vertexCount);
  const all = classes.flatMap((cls, k) => cls.entries.map((x) => ({ k, x })));
  expect(entries.list).toEqual(all.map(({ x }) => x));
  // every OD of the classes, and a destination that no entry of the class and origin has
  const asked = all.flatMap(({ k, x }) => [
    [k, x.origin, x.destination],
    [k, x.origin, vertexCount],
  ]);
  let shared = 0;
  for (const [k, origin, destination] of asked) {
    const expected: number[] = [];
    let total = 0;
    all.forEach(({ k: j, x }, i) => {
      if (j === k && x.origin === origin && x.destination === destination) {
        expected.push(i);
        total += x.volume;
      }
    });
    const count = entries.collect(k!, origin!, destination!);
    expect(Array.from(entries.group.subarray(0, count))).toEqual(expected);
    expect(entries.total).toBe(total);
    if (count > 1) shared++;
  }
  expect(shared).toBeGreaterThan(0);
}

describe('demandEntries', () => {
  it('finds the entries of every OD as a direct search does', () => {
    for (const { id } of listScenarios()) {
      const base = demandForYear(eurasia.demand, 2023);
      // each flow twice (the copy under another id): two entries per OD
      const doubled: Demand = {
        ...base,
        flows: base.flows.flatMap((f) => [
          f,
          { ...f, id: `${f.id}-copy`, volumePerYear: f.volumePerYear / 3 },
        ]),
      };
      const applied = applyScenario(eurasia.network, doubled, loadScenario(id), { year: 2023 });
      const compiled = compileNetwork(applied.network);
      const classes = buildClasses(compiled, applied.demand, applied.segmentSurcharges);
      expectDirectSearch(classes, compiled.csr.nodeCount);
    }
  });
});
