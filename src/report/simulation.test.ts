import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { invalidArgument } from '../../test/support/expect-error.js';
import { parseDemand } from '../data/demand-format.js';
import { parseNetwork } from '../data/network-format.js';
import type { SimulationResult } from '../simulate/result.js';
import { simulate } from '../simulate/simulate.js';
import { formatResult, resultToCsv } from './simulation.js';

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../data/samples/${name}`, import.meta.url), 'utf8'));
const network = parseNetwork(read('two-corridors.json'));
const demand = parseDemand(read('two-corridors.demand.json'), network);

let result: SimulationResult;
beforeAll(async () => {
  result = await simulate({ network, demand }, undefined, { year: 2024 });
});

/** The bottleneck ids a text report lists (rows of its bottleneck table). */
const listedBottlenecks = (text: string): string[] => {
  const table = text.split('\n\n').find((block) => block.startsWith('bottleneck'));
  return (table ?? '')
    .split('\n')
    .slice(2)
    .map((row) => row.split(/\s+/)[0]!);
};

describe('formatResult', () => {
  it('heads the report with the convergence: gap, how far the costliest used route is, iterations', async () => {
    const excess = result.convergence.maxPathExcess!;
    const first = formatResult(result).split('\n')[0]!;
    expect(first).toContain(`relative gap ${result.convergence.relativeGap.toExponential(1)}, `);
    expect(first).toContain(
      `every used route within ${Number((excess * 100).toPrecision(2))}% of its cheapest, `,
    );
    expect(first).toMatch(/, \d+ iterations\)$/);
    // the min-cost solver has no route excess to report
    const minCost = await simulate({ network, demand }, undefined, { year: 2024, solver: 'min-cost' });
    expect(formatResult(minCost).split('\n')[0]).not.toContain('every used route');
  });

  it('lists min(maxRows, bottlenecks) bottlenecks and maxRows + 4 countries', () => {
    const ids = result.bottlenecks.map((b) => b.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const maxRows of [0, 1, ids.length + 3]) {
      const text = formatResult(result, { maxRows });
      expect(listedBottlenecks(text)).toEqual(ids.slice(0, maxRows));
      const line = text.split('\n').find((l) => l.startsWith('overland transit share by country: '))!;
      const listed = line
        .slice('overland transit share by country: '.length)
        .split(', ')
        .map((entry) => entry.split(' ')[0]);
      expect(listed).toEqual(Object.keys(result.countryTransitShare).slice(0, maxRows + 4));
    }
  });

  it.each([
    [-1, '-1'],
    [Number.NaN, 'NaN'],
    [2.5, '2.5'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    ['3', 'the string "3"'],
    [null, 'null'],
  ])('maxRows %s is an InvalidArgumentError naming the value', (maxRows, shown) => {
    const error = invalidArgument(() => formatResult(result, { maxRows: maxRows as number }));
    expect(error.argument).toBe('options.maxRows');
    expect(error.message).toContain(`must be an integer ≥ 0, got ${shown}`);
  });

  it('options that are not an object, or have an unknown key, are InvalidArgumentErrors', () => {
    expect(invalidArgument(() => formatResult(result, null as never)).argument).toBe('options');
    expect(invalidArgument(() => formatResult(result, [] as never)).message).toContain('got an array');
    const typo = invalidArgument(() => formatResult(result, { maxrows: 3 } as never));
    expect(typo.argument).toBe('options.maxrows');
    expect(typo.message).toContain('did you mean maxRows?');
  });
});

describe('resultToCsv', () => {
  it('writes one row per corridor under the header', () => {
    const lines = resultToCsv(result, 'corridors').trimEnd().split('\n');
    expect(lines[0]).toBe('id,name,commodity,volume,share,meanTransitDays,meanCostUsd');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(result.corridors.map((c) => c.id));
  });

  it.each([
    ['link', 'the string "link"'],
    [undefined, 'undefined'],
    [5, '5'],
  ])('table %s is an InvalidArgumentError listing the tables', (table, shown) => {
    const error = invalidArgument(() => resultToCsv(result, table as never));
    expect(error.argument).toBe('table');
    expect(error.message).toContain(
      `must be one of links, corridors, ods, countries, bottlenecks, got ${shown}`,
    );
  });
});
