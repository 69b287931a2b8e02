import { describe, expect, it } from 'vitest';
import { decimalYear, isIsoDate, MAX_YEAR, MIN_YEAR, requireYear } from './dates.js';
import { describeValue, InvalidArgumentError } from './errors.js';

describe('dates', () => {
  it('isIsoDate accepts real dates only', () => {
    for (const ok of ['2027', '2024-05', '2024-02-29', '2025-12-31']) expect(isIsoDate(ok)).toBe(true);
    for (const bad of ['2024-13', '2024-00', '2023-02-29', '2024-02-30', '2024-13-45', '24', '2024-1-1', ''])
      expect(isIsoDate(bad)).toBe(false);
    expect(isIsoDate(2024 as never)).toBe(false);
  });

  it('decimalYear counts elapsed UTC days (2024 has 366)', () => {
    expect(decimalYear('2024')).toBe(2024);
    expect(decimalYear('2024-07-01')).toBe(2024 + 182 / 366);
  });

  it('requireYear takes integer years in range and names the argument and the value otherwise', () => {
    expect(() => requireYear(2023, 'm', 'options.year')).not.toThrow();
    expect(() => requireYear(MIN_YEAR, 'm', 'y')).not.toThrow();
    expect(() => requireYear(MAX_YEAR, 'm', 'y')).not.toThrow();
    for (const bad of [0, -5000, 1e21, 2023.5, Number.NaN, '2023', null, undefined, MAX_YEAR + 1]) {
      expect(() => requireYear(bad, 'm', 'options.year')).toThrow(InvalidArgumentError);
    }
    expect(() => requireYear('2023', 'm', 'options.year')).toThrow(/options\.year.*the string "2023"/);
  });

  it('describeValue shows the type where it is what is wrong', () => {
    expect(describeValue('2023')).toBe('the string "2023"');
    expect(describeValue(5)).toBe('5');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1])).toBe('an array');
    expect(describeValue({})).toBe('an object');
    expect(describeValue(() => 1)).toBe('a function');
  });
});
