import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CorridorSimError,
  InvalidArgumentError,
  isCorridorSimError,
  NotFoundError,
  ParseError,
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

  it('does not take an error whose fields do not match its code for one (its narrowing would lie)', () => {
    class Odd extends CorridorSimError {
      constructor() {
        super('validation', 'no issues list');
      }
    }
    const odd = new Odd();
    expect(odd.code).toBe('validation');
    expect(isCorridorSimError(odd)).toBe(false);
    const foreign = Object.assign(new Error('from another copy'), {
      [Symbol.for('corridor-sim/error')]: true,
      code: 'not-found',
      id: 'x',
    });
    expect(isCorridorSimError(foreign)).toBe(true);
    expect(isCorridorSimError({ ...foreign, code: 'bogus' })).toBe(false);
  });

  it('errors keep their declared field types, whatever a caller passes at run time', () => {
    const id = new NotFoundError('m', 'node', 10n as never);
    expect([id.id, id.message, isCorridorSimError(id)]).toEqual([
      'the bigint 10',
      'm: node the bigint 10 does not exist',
      true,
    ]);
    const argument = new InvalidArgumentError('m', Symbol('q') as never, 'is bad');
    expect([argument.argument, isCorridorSimError(argument)]).toEqual(['a symbol', true]);
    const parse = new ParseError('DIMACS', 1.5, 'bad');
    expect([parse.line, parse.message, isCorridorSimError(parse)]).toEqual([
      0,
      'corridor-sim/data: DIMACS line 1.5: bad',
      true,
    ]);
    const validation = new ValidationError('scenario', undefined as never);
    expect([validation.issues, isCorridorSimError(validation)]).toEqual([[], true]);
    const marked = { [Symbol.for('corridor-sim/error')]: true, code: 'unit' };
    expect(isCorridorSimError(marked)).toBe(false); // no message: not an error of ours
    expect(isCorridorSimError({ ...marked, code: 'validation', issues: [1], message: 'x' })).toBe(false);
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
