/**
 * Every bundled scenario runs through the API and the CLI (issue 6, "Done when").
 */
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { loadDataset } from '../src/data/datasets.js';
import { listScenarios, loadScenario } from '../src/data/scenarios.js';
import type { CriticalityEntry } from '../src/simulate/criticality.js';
import { simulate } from '../src/simulate/simulate.js';

const eurasia = loadDataset('eurasia');
const YEAR: Record<string, number> = {
  'titr-x5': 2030,
  'bakhty-2028': 2027,
  'caspian-winter-storm': 2024,
  'pl-by-border-closure-2025': 2025,
};

describe('bundled scenarios', () => {
  it('lists the scenarios the issue asks for', () => {
    expect(listScenarios().map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'baseline',
        'avoid-russia',
        'titr-x5',
        'bakhty-2028',
        'iran-sanctions',
        'cpc-closure',
        'caspian-winter-storm',
        'pl-by-border-closure-2025',
      ]),
    );
  });

  for (const { id } of listScenarios()) {
    it(`${id}: runs through the API and the CLI, and both agree`, async () => {
      const year = YEAR[id] ?? 2023;
      const api = await simulate(eurasia, loadScenario(id), { year });
      expect(api.status).not.toBe('not-converged');
      const delivered = api.ods.reduce((a, o) => a + o.delivered + o.unmet, 0);
      const demanded = api.ods.reduce((a, o) => a + o.demand, 0);
      expect(delivered).toBeCloseTo(demanded, 0);
      const io = memoryIo();
      expect(await main(['run', '--scenario', id, '--year', String(year), '--json'], io)).toBe(0);
      const cli = JSON.parse(io.stdout.join('\n'));
      expect(cli.scenario).toBe(id);
      expect(cli.throughputTeu).toBeCloseTo(api.throughputTeu, 3);
      expect(cli.countryTransitShare.KZ).toBeCloseTo(api.countryTransitShare.KZ ?? 0, 9);
    });
  }

  it('closing the CPC pipeline leaves crude unmet and fills the other export routes to capacity', async () => {
    const base = await simulate(eurasia, loadScenario('baseline'), { year: 2023 });
    const closed = await simulate(eurasia, loadScenario('cpc-closure'), { year: 2023 });
    expect(closed.crude.byRoute.cpc).toBe(0);
    expect(closed.crude.unmetTonnes).toBeGreaterThan(0);
    // Independent check: what is delivered cannot exceed the capacities of the remaining export links.
    const cap = (id: string) => closed.links.find((l) => l.id === id)!.capacity;
    expect(closed.crude.totalTonnes).toBeLessThanOrEqual(base.crude.totalTonnes);
    expect(closed.crude.byRoute['atyrau-samara']!).toBeLessThanOrEqual(cap('oil-atyrau-samara') + 1e-6);
    expect(closed.crude.byRoute['kazakhstan-china']!).toBeLessThanOrEqual(cap('oil-kcp') + 1e-6);
  });

  it('the September 2025 Polish–Belarusian closure removes 13/365 of that border’s annual capacity in 2025', async () => {
    const base = await simulate(eurasia, loadScenario('baseline'), { year: 2025 });
    const closed = await simulate(eurasia, loadScenario('pl-by-border-closure-2025'), { year: 2025 });
    const cap = (r: typeof base) => r.links.find((l) => l.id === 'brest-malaszewicze')!.capacity;
    expect(cap(closed) / cap(base)).toBeCloseTo(1 - 13 / 365, 9);
  });
});

describe('CLI simulation commands', () => {
  it('compare --attribute splits the change between the scenario’s own operations', async () => {
    const io = memoryIo();
    expect(
      await main(['compare', '--scenario', 'avoid-russia', '--year', '2023', '--attribute', '--json'], io),
    ).toBe(0);
    const out = JSON.parse(io.stdout.join('\n'));
    expect(out.comparison.to).toBe('avoid-russia');
    const a = out.attribution;
    const key = 'throughputTeu';
    const sum = a.contributions.reduce(
      (acc: number, c: { values: Record<string, number> }) => acc + (c.values[key] ?? 0),
      0,
    );
    expect(sum).toBeCloseTo(a.after[key] - a.before[key], 3);
    expect(out.comparison.totals.throughputTeu.change).toBeCloseTo(a.after[key] - a.before[key], 3);
  });

  it('project prints one row per year; criticality and sweep answer in JSON', async () => {
    const io = memoryIo();
    expect(await main(['project', '--years', '2022-2024', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout.join('\n')).map((r: { year: number }) => r.year)).toEqual([2022, 2023, 2024]);
    const io2 = memoryIo();
    expect(
      await main(
        [
          'sweep',
          '--parameter',
          'capacity',
          '--target',
          'corridor:middle',
          '--values',
          '1,2',
          '--year',
          '2023',
          '--json',
        ],
        io2,
      ),
    ).toBe(0);
    const points = JSON.parse(io2.stdout.join('\n'));
    const middle = (p: { corridors: { id: string; volumeTeu: number }[] }) =>
      p.corridors.find((c) => c.id === 'middle')!.volumeTeu;
    expect(middle(points[1])).toBeGreaterThanOrEqual(middle(points[0]) - 1e-6);
    const io3 = memoryIo();
    expect(
      await main(
        ['criticality', '--elements', 'nodes', '--commodity', 'crude', '--year', '2023', '--json'],
        io3,
      ),
    ).toBe(0);
    const ranking = JSON.parse(io3.stdout.join('\n')).ranking as CriticalityEntry[];
    expect(ranking.length).toBeGreaterThan(0);
    // unmet volume per commodity, each in its own unit; addedUnmet is their sum
    for (const e of ranking) {
      const { container, crude, ...others } = e.addedUnmetByCommodity;
      expect(others).toEqual({});
      expect(container! + crude!).toBeCloseTo(e.addedUnmet, 3);
    }
    // Rotterdam receives both: closing it leaves TEU and tonnes unmet, which the sum would add up
    const rotterdam = ranking.find((e) => e.id === 'rotterdam')!;
    expect(rotterdam.addedUnmetByCommodity.container).toBeGreaterThan(1000);
    expect(rotterdam.addedUnmetByCommodity.crude).toBeGreaterThan(1e6);
    const io4 = memoryIo();
    expect(
      await main(['criticality', '--elements', 'nodes', '--commodity', 'crude', '--year', '2023'], io4),
    ).toBe(0);
    expect(io4.stdout.join('\n')).toMatch(/unmet container TEU\/yr +unmet crude t\/yr/);
  });

  it('rejects bad arguments with a clear message and exit code 1 or 2', async () => {
    const io = memoryIo();
    expect(await main(['run', '--scenario', 'no-such-scenario'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/unknown scenario "no-such-scenario"/);
    expect(await main(['run', '--year', 'soon'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/--year must be an integer year/);
    expect(await main(['run', '--solver', 'magic'], io)).toBe(2);
    expect(await main(['run', '--dataset', 'atlantis'], io)).toBe(1);
    expect(await main(['project'], io)).toBe(2);
    expect(await main(['sweep', '--parameter', 'capacity', '--values', '1,2'], io)).toBe(2);
  });
});
