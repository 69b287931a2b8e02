import { describe, expect, it } from 'vitest';
import { MAX_YEAR, MIN_YEAR } from '../../model/dates.js';
import {
  parseChoiceFlag,
  parseNumberFlag,
  parseNumberListFlag,
  parseYearFlag,
  parseYearsFlag,
  YEAR_RULE,
} from './flags.js';

const GAP = { what: 'a finite number ≥ 0', min: 0 };

describe('parseNumberFlag', () => {
  it.each(['', ' ', '0x10', '0b1', '0o7', 'Infinity', '-Infinity', 'NaN', '1,5', '1e', '.', '-1', '1 2'])(
    'rejects %j with a message naming the flag and the raw text',
    (text) => {
      expect(parseNumberFlag(text, '--gap', GAP)).toEqual({
        ok: false,
        message: `--gap must be a finite number ≥ 0, got ${JSON.stringify(text)}`,
      });
    },
  );

  it.each([
    ['0', 0],
    [' 0.25 ', 0.25],
    ['1e-4', 1e-4],
    ['.5', 0.5],
    ['3.', 3],
    ['+2', 2],
  ])('accepts the decimal %j', (text, value) => {
    expect(parseNumberFlag(text, '--gap', GAP)).toEqual({ ok: true, value });
  });

  it('integers are digits only, within range', () => {
    const rule = { what: 'a positive integer', integer: true, min: 1 };
    expect(parseNumberFlag('15', '--top', rule)).toEqual({ ok: true, value: 15 });
    for (const text of ['1.5', '1e1', '1.0', '0', '99999999999999999999']) {
      expect(parseNumberFlag(text, '--top', rule).ok).toBe(false);
    }
  });

  it('rejects numbers that overflow to Infinity', () => {
    expect(parseNumberFlag('1e999', '--gap', GAP).ok).toBe(false);
  });
});

describe('parseYearFlag', () => {
  it('accepts years of the range requireYear accepts', () => {
    expect(parseYearFlag(String(MIN_YEAR))).toEqual({ ok: true, value: MIN_YEAR });
    expect(parseYearFlag(String(MAX_YEAR))).toEqual({ ok: true, value: MAX_YEAR });
    expect(parseYearFlag('2024')).toEqual({ ok: true, value: 2024 });
  });

  it.each([
    '',
    ' ',
    '0x7e7',
    '1e21',
    '2023.5',
    '2023.0',
    '0',
    String(MIN_YEAR - 1),
    String(MAX_YEAR + 1),
    'soon',
  ])('rejects %j', (text) => {
    expect(parseYearFlag(text)).toEqual({
      ok: false,
      message: `--year must be an integer year in ${MIN_YEAR}–${MAX_YEAR}, got ${JSON.stringify(text)}`,
    });
  });
});

describe('parseNumberListFlag', () => {
  const rule = { what: 'a number' };

  it('splits on commas and trims', () => {
    expect(parseNumberListFlag('1, 2 ,0.5', '--values', rule)).toEqual({ ok: true, value: [1, 2, 0.5] });
  });

  it.each([
    ['', 'value 1 is empty'],
    [' ', 'value 1 is empty'],
    ['1,,2', 'value 2 is empty'],
    ['2024,', 'value 2 is empty'],
    [',1', 'value 1 is empty'],
    ['1,x', 'value 2 is "x"'],
    ['1,0x2', 'value 2 is "0x2"'],
  ])('rejects %j (%s)', (text, why) => {
    expect(parseNumberListFlag(text, '--values', rule)).toEqual({
      ok: false,
      message: `--values must be a comma-separated list, each value a number, got ${JSON.stringify(text)} (${why})`,
    });
  });

  it('checks every element against the rule', () => {
    const share = { what: 'a share in [0, 1]', min: 0, max: 1 };
    expect(parseNumberListFlag('0,0.5,1', '--values', share)).toEqual({ ok: true, value: [0, 0.5, 1] });
    const bad = parseNumberListFlag('0.5,2', '--values', share);
    expect(bad).toEqual({
      ok: false,
      message:
        '--values must be a comma-separated list, each value a share in [0, 1], got "0.5,2" (value 2 is "2")',
    });
  });
});

describe('parseYearsFlag', () => {
  it('expands a range and keeps a list in order', () => {
    expect(parseYearsFlag('2024-2027')).toEqual({ ok: true, value: [2024, 2025, 2026, 2027] });
    expect(parseYearsFlag('2030,2024, 2026')).toEqual({ ok: true, value: [2030, 2024, 2026] });
    expect(parseYearsFlag('2024')).toEqual({ ok: true, value: [2024] });
  });

  it.each([
    ['', 'value 1 is empty'],
    ['2024,', 'value 2 is empty'],
    ['2024,1e21', 'value 2 is "1e21"'],
    ['0000-0002', '0000 is not a year'],
    ['2030-2024', 'ends before it starts'],
    ['2000-2300', 'at most 201 years'],
    ['2024-10000', '10000 is not a year'],
  ])('rejects %j (%s), naming --years and the raw text', (text, why) => {
    const parsed = parseYearsFlag(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toMatch(/^--years must be /);
    expect(parsed.message).toContain(`got ${JSON.stringify(text)}`);
    expect(parsed.message).toContain(why);
  });

  it('the span limit is inclusive of 201 years', () => {
    const parsed = parseYearsFlag('2000-2200');
    expect(parsed.ok && parsed.value.length).toBe(201);
    expect(YEAR_RULE.integer).toBe(true);
  });
});

describe('parseChoiceFlag', () => {
  it('accepts a listed word and names the choices otherwise', () => {
    const choices = ['links', 'nodes', 'both'] as const;
    expect(parseChoiceFlag('nodes', '--elements', choices)).toEqual({ ok: true, value: 'nodes' });
    expect(parseChoiceFlag('link', '--elements', choices)).toEqual({
      ok: false,
      message: '--elements must be links, nodes or both, got "link"',
    });
  });
});
