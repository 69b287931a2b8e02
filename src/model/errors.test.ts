import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  InvalidArgumentError,
  isCorridorSimError,
  NotFoundError,
  rejectUnknownKeys,
  ValidationError,
  type ValidationIssue,
} from './errors.js';

describe('isCorridorSimError', () => {
  const thrown: unknown[] = [
    new ValidationError('network', [{ code: 'invalid_type', path: ['links', 0], message: 'bad' }]),
    new NotFoundError('m', 'node', 'x'),
    new InvalidArgumentError('m', 'options.year', 'must be a year'),
  ];
  it('tells corridor-sim errors from others, and its code narrows to the subclass fields', () => {
    const seen: string[] = [];
    for (const e of [...thrown, new Error('other'), { code: 'validation' }, null]) {
      if (!isCorridorSimError(e)) continue;
      switch (e.code) {
        case 'validation':
          expectTypeOf(e.issues).toEqualTypeOf<readonly ValidationIssue[]>();
          seen.push(`issues ${e.issues.length} at ${e.issues[0]!.path.join('.')}`);
          break;
        case 'not-found':
          seen.push(`missing ${e.id}`);
          break;
        case 'invalid-argument':
          seen.push(`argument ${e.argument}`);
          break;
        default:
          seen.push(e.code);
      }
    }
    expect(seen).toEqual(['issues 1 at links.0', 'missing x', 'argument options.year']);
  });
});

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
