import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { invalidArgument } from '../../test/support/expect-error.js';
import { parseDemand } from '../data/demand-format.js';
import { parseNetwork } from '../data/network-format.js';
import type { Scenario } from '../model/scenario.js';
import { type Attribution, attribute } from '../simulate/attribute.js';
import { type Comparison, compare } from '../simulate/compare.js';
import { simulate } from '../simulate/simulate.js';
import { formatComparison } from './comparison.js';

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../data/samples/${name}`, import.meta.url), 'utf8'));
const network = parseNetwork(read('two-corridors.json'));
const demand = parseDemand(read('two-corridors.demand.json'), network);
const input = { network, demand };
const closure: Scenario = {
  id: 'close-by-pl',
  name: 'BY–PL closed',
  operations: [{ kind: 'close-border', countries: ['BY', 'PL'] }],
};

let diff: Comparison;
let attribution: Attribution;
beforeAll(async () => {
  const before = await simulate(input, undefined, { year: 2024 });
  const after = await simulate(input, closure, { year: 2024 });
  diff = compare(before, after);
  attribution = await attribute(input, closure, { year: 2024 });
});

describe('formatComparison', () => {
  it('formats a real attribution: one operation, so exact Shapley values from 2 runs', () => {
    const text = formatComparison(diff, attribution);
    // one operation: the coalitions are {} and {op}, 2 runs
    expect(text).toContain('attribution (exact Shapley values, 2 runs)');
    expect(text).toContain('#0 close-border');
  });

  it.each([
    ['an empty object', {}, 'attribution.after'],
    ['a string', 'x', 'attribution'],
    ['null', null, 'attribution'],
    ['after: null', { after: null }, 'attribution.after'],
    ['contributions not an array', { contributions: 'x' }, 'attribution.contributions'],
    [
      'a contribution without values',
      { contributions: [{ index: 0, kind: 'x' }] },
      'attribution.contributions[0].values',
    ],
    [
      'contribution values null',
      { contributions: [{ index: 0, kind: 'x', values: null }] },
      'attribution.contributions[0].values',
    ],
  ])('an attribution that is %s is an InvalidArgumentError naming the field', (_name, value, argument) => {
    const bad =
      typeof value === 'object' && value !== null && Object.keys(value).length > 0
        ? { ...attribution, ...value }
        : value;
    expect(invalidArgument(() => formatComparison(diff, bad as never)).argument).toBe(argument);
  });

  it('a comparison whose tables are not objects is an InvalidArgumentError naming the table', () => {
    expect(invalidArgument(() => formatComparison({ ...diff, totals: null } as never)).argument).toBe(
      'diff.totals',
    );
    expect(invalidArgument(() => formatComparison('x' as never)).argument).toBe('diff');
  });
});
