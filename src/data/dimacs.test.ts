import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/support/expect-error.js';
import { isCorridorSimError, ParseError } from '../model/errors.js';
import {
  readDimacs,
  readDimacsMaxFlow,
  readDimacsMinCostFlow,
  writeDimacsMaxFlow,
  writeDimacsMinCostFlow,
} from './dimacs.js';

const MIN = `c a comment
p min 4 5
n 1 4
n 4 -4
a 1 2 0 4 2
a 1 3 0 2 2
a 2 3 0 2 1
a 2 4 1 3 3
a 3 4 0 5 1
`;

const MAX = 'c max example\r\np max 3 2\r\nn 1 s\r\nn 3 t\r\na 1 2 7\r\na 2 3 5\r\n';

function parseErrorOf(text: string): ParseError {
  const error = thrown(() => readDimacs(text), ParseError);
  expect(isCorridorSimError(error) && error.code).toBe('parse');
  return error;
}

describe('readDimacs', () => {
  it('reads a min-cost flow file into 0-based typed arrays', () => {
    const p = readDimacsMinCostFlow(MIN);
    expect(p.kind).toBe('min');
    expect(p.nodeCount).toBe(4);
    expect([...p.tail]).toEqual([0, 0, 1, 1, 2]);
    expect([...p.head]).toEqual([1, 2, 2, 3, 3]);
    expect([...p.lower]).toEqual([0, 0, 0, 1, 0]);
    expect([...p.capacity]).toEqual([4, 2, 2, 3, 5]);
    expect([...p.cost]).toEqual([2, 2, 1, 3, 1]);
    expect([...p.supply]).toEqual([4, 0, 0, -4]);
  });

  it('reads a max-flow file (CRLF line ends)', () => {
    const p = readDimacsMaxFlow(MAX);
    expect(p).toMatchObject({ kind: 'max', nodeCount: 3, source: 0, sink: 2 });
    expect([...p.capacity]).toEqual([7, 5]);
  });

  it('accepts decimal fractions and exponents, and large integers exactly', () => {
    const p = readDimacsMinCostFlow('p min 2 1\nn 1 0.5\nn 2 -0.5\na 1 2 0 1e3 -2.25\n');
    expect(p.capacity[0]).toBe(1000);
    expect(p.cost[0]).toBe(-2.25);
    expect(p.supply[0]).toBe(0.5);
    const big = readDimacsMaxFlow('p max 2 1\nn 1 s\nn 2 t\na 1 2 12345678901234567\n');
    expect(big.capacity[0]).toBe(Number('12345678901234567')); // correctly rounded, like the engine's parser
  });

  it.each([
    ['a 1 2 3\n', 1, /before the problem line/],
    ['p min 2 1\nn 1 1\nn 2 -1\na 1 3 0 1 1\n', 4, /head 3 is not a node id in 1\.\.2/],
    ['p min 2 1\na 1 2 0 x1 5\n', 2, /capacity must be a finite number, got "x1"/],
    ['p min 2 1\na 1 2 5 3 1\n', 2, /capacity 3 is below the lower bound 5/],
    ['p max 2 1\nn 1 s\nn 2 t\na 1 2 -4\n', 4, /capacity -4 is negative/],
    ['p max 2 1\nn 1 s\nn 2 q\na 1 2 4\n', 3, /role must be "s" or "t", got "q"/],
    ['p min 2 2\na 1 2 0 1 1\n', 2, /found 1 arc lines, the problem line declares 2/],
    ['p min 2 1\na 1 2 0 1 1\na 1 2 0 1 1\n', 3, /more arc lines than the 1 declared/],
    ['p min 2 0\np min 2 0\n', 2, /second problem line/],
    ['p flow 2 0\n', 1, /problem type must be "min" or "max", got "flow"/],
    ['p min 2 0\nx 1\n', 2, /unknown line type "x"/],
    ['p min 2 1\nn 1 3\nn 1 -3\n', 3, /node 1 is described twice/],
    ['p min 2 1\na 1 2 0 1 1 9\n', 2, /unexpected "9"/],
    ['p max 2 0\nn 1 s\n', 2, /no sink node/],
    ['c only comments\n', 1, /no problem line/],
    ['p min 2 1\na 1 2 0 1e999 1\n', 2, /capacity must be a finite number, got "1e999"/],
  ])('throws ParseError with the line number for %j', (text, line, message) => {
    const error = parseErrorOf(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`corridor-sim/data: DIMACS line ${line}: `)).toBe(true);
  });

  it('rejects the wrong problem kind in the typed readers', () => {
    expect(() => readDimacsMaxFlow(MIN)).toThrow(/expected "p max"/);
    expect(() => readDimacsMinCostFlow(MAX)).toThrow(/expected "p min"/);
  });
});

describe('writeDimacs', () => {
  it('round-trips random min-cost flow problems', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            arcs: fc.array(
              fc.tuple(
                fc.nat(n - 1),
                fc.nat(n - 1),
                fc.integer({ min: 0, max: 5 }),
                fc.integer({ min: 0, max: 100 }),
                fc.double({ min: -1e6, max: 1e6, noNaN: true }),
              ),
              { maxLength: 20 },
            ),
            supply: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }),
          }),
        ),
        ({ n, arcs, supply }) => {
          const problem = {
            nodeCount: n,
            tail: arcs.map((a) => a[0]),
            head: arcs.map((a) => a[1]),
            lower: arcs.map((a) => a[2]),
            capacity: arcs.map((a) => a[2] + a[3]),
            cost: arcs.map((a) => a[4]),
            supply,
          };
          const back = readDimacsMinCostFlow(writeDimacsMinCostFlow(problem, { comments: ['round trip'] }));
          expect(back.nodeCount).toBe(n);
          expect([...back.tail]).toEqual(problem.tail);
          expect([...back.head]).toEqual(problem.head);
          expect([...back.lower]).toEqual(problem.lower);
          expect([...back.capacity]).toEqual(problem.capacity);
          expect([...back.cost]).toEqual(problem.cost.map((c) => (Object.is(c, -0) ? 0 : c)));
          expect([...back.supply]).toEqual(supply.map((s) => (Object.is(s, -0) ? 0 : s)));
        },
      ),
      { numRuns: 200, seed: 3 },
    );
  });

  it('round-trips a max-flow problem', () => {
    const p = readDimacsMaxFlow(MAX);
    expect(readDimacsMaxFlow(writeDimacsMaxFlow(p))).toEqual(p);
  });

  it('refuses infinite capacities, which DIMACS cannot express', () => {
    expect(() =>
      writeDimacsMaxFlow({
        nodeCount: 2,
        tail: [0],
        head: [1],
        capacity: [Number.POSITIVE_INFINITY],
        source: 0,
        sink: 1,
      }),
    ).toThrow(/problem.capacity\[0\] must be finite/);
  });
});
