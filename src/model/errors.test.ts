import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, rejectUnknownKeys } from './errors.js';

describe('rejectUnknownKeys', () => {
  const known = ['solver', 'year', 'relativeGap'];
  it('accepts known keys', () => {
    expect(() => rejectUnknownKeys({ solver: 'x', year: 1 }, known, 'm', 'options')).not.toThrow();
  });
  it('names the unknown key and suggests the nearest known one', () => {
    expect(() => rejectUnknownKeys({ sovler: 'x' }, known, 'm', 'options')).toThrow(InvalidArgumentError);
    expect(() => rejectUnknownKeys({ sovler: 'x' }, known, 'm', 'options')).toThrow(
      /options\.sovler.*did you mean solver\?/,
    );
    expect(() => rejectUnknownKeys({ relativegap: 1 }, known, 'm', 'options')).toThrow(
      /did you mean relativeGap/,
    );
  });
  it('suggests nothing when no key is near', () => {
    expect(() => rejectUnknownKeys({ colour: 1 }, known, 'm', 'options')).toThrow(
      /options\.colour is not an option \(/,
    );
  });
});
