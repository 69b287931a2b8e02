/**
 * demandForYear against a direct filter: for frozen demands (whose selections are remembered), for
 * frozen arrays holding a flow that is not frozen, and for unfrozen ones; every call returns arrays
 * of its own.
 */

import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/datasets.js';
import { type Demand, type DemandFlow, datedYears, demandForYear } from './demand.js';

const direct = (demand: Demand, year: number) =>
  demand.flows.filter((f) => f.year === undefined || f.year === year);

const flow = (id: string, year?: number): DemandFlow => ({
  id,
  origin: 'a',
  destination: 'b',
  commodity: 'container',
  volumePerYear: 1,
  ...(year === undefined ? {} : { year }),
});

describe('demandForYear', () => {
  it('selects the flows of the year and the undated ones, in order, as a direct filter does', () => {
    const { demand } = loadDataset('eurasia');
    const flows = [flow('u'), flow('a', 2023), flow('b', 2024), flow('c', 2023)];
    const demands: Demand[] = [
      demand,
      { segments: [], flows },
      Object.freeze({ segments: [], flows: Object.freeze(flows.map((f) => Object.freeze(f))) }),
      { segments: [], flows: Object.freeze([Object.freeze(flow('x', 2023)), flow('y', 2024), flow('z')]) },
    ];
    for (let round = 0; round < 2; round++) {
      for (const d of demands) {
        for (const year of [2020, 2023, 2024, 2025]) {
          const out = demandForYear(d, year);
          expect(out.segments).toBe(d.segments);
          expect(out.flows).toEqual(direct(d, year));
          out.flows.forEach((f, i) => {
            expect(f).toBe(direct(d, year)[i]);
          });
          expect(Object.isFrozen(out.flows)).toBe(false);
          expect(demandForYear(d, year).flows).not.toBe(out.flows);
        }
      }
    }
  });

  it('a caller changing its selection does not change the next one', () => {
    const { demand } = loadDataset('eurasia');
    const first = demandForYear(demand, 2023);
    const count = first.flows.length;
    (first.flows as DemandFlow[]).length = 0;
    expect(demandForYear(demand, 2023).flows.length).toBe(count);
  });

  it('sees a change to an unfrozen demand', () => {
    const flows = [flow('a', 2023)];
    const d = { segments: [], flows };
    expect(demandForYear(d, 2023).flows.length).toBe(1);
    flows.push(flow('b', 2023));
    expect(demandForYear(d, 2023).flows.length).toBe(2);
  });
});

describe('datedYears', () => {
  it('lists the years of the dated flows once each, ascending; a list that may change is read afresh', () => {
    const { demand } = loadDataset('eurasia');
    const expected = [...new Set(demand.flows.flatMap((f) => (f.year === undefined ? [] : [f.year])))].sort(
      (a, b) => a - b,
    );
    expect(expected.length).toBeGreaterThan(2);
    expect(datedYears(demand.flows)).toEqual(expected);
    expect(datedYears(demand.flows)).toBe(datedYears(demand.flows)); // frozen: remembered
    const open: DemandFlow[] = demand.flows.filter((f) => f.year === expected[0]);
    expect(datedYears(open)).toEqual([expected[0]]);
    const { year: _, ...undated } = open[0]!;
    open.push({ ...undated, id: 'undated' }, { ...open[0]!, id: 'later', year: 2099 });
    expect(datedYears(open)).toEqual([expected[0], 2099]);
  });
});
