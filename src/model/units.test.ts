import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnitError } from './errors.js';
import { convertQuantity, DEFAULT_UNIT_FACTORS, toTeuPerYear, toTonnesPerYear } from './units.js';

describe('units', () => {
  it('toTeuPerYear("500000 container/year") is 500000 with the default factor and 1e6 with 2 TEU per container', () => {
    expect(toTeuPerYear('500000 container/year')).toBe(500_000);
    expect(toTeuPerYear('500000 containers/year', { containerTeu: 2 })).toBe(1_000_000);
  });

  it('converts FEU, trains and wagons per day to TEU per year (a year is 365.25 days)', () => {
    expect(toTeuPerYear('3 FEU/day')).toBe(3 * 2 * 365.25);
    expect(toTeuPerYear('1 train/day', { trainTeu: 100 })).toBe(36_525);
    expect(toTeuPerYear('10 wagons/week')).toBeCloseTo((10 * 2 * 365.25) / 7, 8);
  });

  it('the default train factor is the 2024 China Railway Express ratio 2,077,216 TEU / 19,392 trains', () => {
    expect(DEFAULT_UNIT_FACTORS.trainTeu).toBeCloseTo(2_077_216 / 19_392, 1);
  });

  it('converts Mt and kt per year to tonnes per year', () => {
    expect(toTonnesPerYear('28 Mt/year')).toBe(28_000_000);
    expect(toTonnesPerYear('750 kt/year')).toBe(750_000);
    expect(convertQuantity('1.4e6 kg/day', 'tonne/year')).toBe(1400 * 365.25);
  });

  it('scales linearly with the value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (n) => {
        expect(toTeuPerYear(`${n} FEU/year`)).toBe(2 * n);
      }),
    );
  });

  it('rejects incompatible units, unknown units, unit-less numbers and bad factors with a UnitError', () => {
    expect(() => toTeuPerYear('15 Mt/year')).toThrow(UnitError);
    expect(() => toTeuPerYear('15 Mt/year')).toThrow(/cannot convert "15 Mt\/year" to "TEU\/year"/);
    expect(() => toTeuPerYear('15 bananas/year')).toThrow(/cannot read/);
    expect(() => toTeuPerYear('15')).toThrow(/has no unit/);
    expect(() => toTeuPerYear('')).toThrow(UnitError);
    expect(() => toTeuPerYear('1 container/year', { containerTeu: -1 })).toThrow(
      /containerTeu must be a positive/,
    );
    expect(() => toTeuPerYear(42 as unknown as string)).toThrow(UnitError);
  });
});
