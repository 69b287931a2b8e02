import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/datasets.js';
import { loadScenario } from '../data/scenarios.js';
import { simulate } from '../simulate/simulate.js';
import { formatProjection } from './projection.js';
import { resultToCsv, summarizeResult } from './simulation.js';

describe('reports of Eurasia results carry no floating-point residue', () => {
  it.each(['equilibrium', 'min-cost'] as const)(
    '%s: unmet TEU is 0 in the projection table, CSV and JSON',
    async (solver) => {
      // Before the residue rule the unmet TEU column read 6.8e-12 (equilibrium) or 1.8e-11 (min-cost).
      const eurasia = loadDataset('eurasia');
      const results = [
        await simulate(eurasia, loadScenario('baseline'), { year: 2023, solver }),
        await simulate(eurasia, loadScenario('baseline'), { year: 2024, solver }),
      ];
      const text = formatProjection(results);
      expect(text).not.toMatch(/e-\d/);
      const table = text.split('\n');
      const header = table.findIndex((line) => line.startsWith('year'));
      const columns = table[header]!.split(/\s{2,}/);
      for (const line of table.slice(header + 2, header + 4))
        expect(line.trim().split(/\s{2,}/)[columns.indexOf('unmet TEU')]).toBe('0');
      for (const r of results) {
        expect(summarizeResult(r).unmetTeu).toBe(0);
        const csv = resultToCsv(r, 'ods').split('\n');
        const unmet = csv[0]!.split(',').indexOf('unmet');
        for (const line of csv.slice(1).filter(Boolean)) expect(line.split(',')[unmet]).toBe('0');
      }
    },
  );
});
