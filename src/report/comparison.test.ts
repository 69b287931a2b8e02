import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { invalidArgument } from '../../test/support/expect-error.js';
import { loadDataset } from '../data/datasets.js';
import { parseDemand } from '../data/demand-format.js';
import { parseNetwork } from '../data/network-format.js';
import { loadScenario } from '../data/scenarios.js';
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

/** The cells of the first table row of `figure`. */
const row = (text: string, figure: string) =>
  text
    .split('\n')
    .find((line) => line.startsWith(`${figure} `))!
    .trim()
    .split(/\s{2,}/);

describe('formatComparison: percent changes only where they mean something', () => {
  const delta = (before: number, after: number, change: number, relative: number) => ({
    before,
    after,
    change,
    relative,
  });
  const hand = (totals: Comparison['totals'], corridorShare: Comparison['corridorShare'] = {}) =>
    ({
      ...diff,
      totals,
      corridorShare,
      corridorVolume: {},
      countryTransitShare: {},
      crudeByRoute: {},
    }) as Comparison;

  it('no relative change from a base of 0 or of residue: "–", not -100.0%', () => {
    const text = formatComparison(
      hand({
        unmetTeu: delta(0, 0, 0, Number.NaN),
        crudeUnmetTonnes: delta(0, 45_220_000, 45_220_000, Number.NaN),
        throughputTeu: delta(412_600, 392_000, -20_600, -20_600 / 412_600),
      }),
    );
    expect(row(text, 'unmetTeu')).toEqual(['unmetTeu', '0', '0', '0', '–']);
    expect(row(text, 'crudeUnmetTonnes')).toEqual([
      'crudeUnmetTonnes',
      '0',
      '45,220,000',
      '+45,220,000',
      '–',
    ]);
    expect(row(text, 'throughputTeu')).toEqual(['throughputTeu', '412,600', '392,000', '-20,600', '-5.0%']);
  });

  it('a change that rounds to zero is shown without a sign: "0.0 pp", not "+0.0 pp" or "-0.0 pp"', () => {
    const text = formatComparison(
      hand(
        { throughputTeu: delta(1, 1, 0, 0) },
        {
          'container/northern': delta(0.8, 0.8 + 1e-17, 1e-17, 1e-17),
          'container/middle': delta(0.2, 0.2 - 3e-4, -3e-4, -1.5e-3),
          'container/southern': delta(0.1, 0.15, 0.05, 0.5),
        },
      ),
    );
    expect(row(text, 'container/northern').at(-1)).toBe('0.0 pp');
    expect(row(text, 'container/middle').at(-1)).toBe('0.0 pp');
    expect(row(text, 'container/southern').at(-1)).toBe('+5.0 pp');
    expect(text).not.toMatch(/[+-]0\.0 pp/);
  });

  it('attribution: contributions that are residue of their figure show as 0, not as 3.0e-12', () => {
    const text = formatComparison(hand({ throughputTeu: delta(412_600, 392_000, -20_600, -0.05) }), {
      method: 'exact',
      runs: 4,
      before: { throughputTeu: 412_600, unmetTeu: 0 },
      after: { throughputTeu: 392_000, unmetTeu: 1e-12 },
      contributions: [
        { index: 0, kind: 'close-border', values: { throughputTeu: -20_600.000000000004, unmetTeu: 1e-12 } },
        { index: 1, kind: 'scale-capacity', values: { throughputTeu: 3e-12, unmetTeu: 0 } },
      ],
    } as unknown as Attribution);
    const attributionRows = text.slice(text.indexOf('attribution'));
    expect(attributionRows).not.toMatch(/e-\d/);
    expect(row(attributionRows, 'throughputTeu')).toEqual(['throughputTeu', '-20,600', '-20,600', '0']);
    // unmetTeu changed by residue only: not listed
    expect(attributionRows).not.toContain('unmetTeu');
  });
});

describe('formatComparison on Eurasia 2024', () => {
  it('baseline → avoid-russia: unmet TEU reads 0 → 0 with no relative change, and no residue anywhere', async () => {
    // Before the residue rule this row read "unmetTeu  6.8e-12  0  -6.8e-12  -100.0%".
    const eurasia = loadDataset('eurasia');
    const a = await simulate(eurasia, loadScenario('baseline'), { year: 2024 });
    const b = await simulate(eurasia, loadScenario('avoid-russia'), { year: 2024 });
    const text = formatComparison(compare(a, b));
    expect(row(text, 'unmetTeu')).toEqual(['unmetTeu', '0', '0', '0', '–']);
    expect(text).not.toMatch(/e-\d/);
    expect(text).not.toMatch(/[+-]0\.0 pp/);
  });
});
