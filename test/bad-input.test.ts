/**
 * Bad input gets a typed error, never a TypeError: every function of the public API is called with
 * nonsense arguments and must either return or throw (or reject with) a CorridorSimError.
 */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as testing from '../src/testing/index.js';

const BAD: readonly unknown[] = [
  undefined,
  null,
  42,
  Number.NaN,
  'x',
  {},
  [],
  { network: {}, demand: {} },
  () => 1,
];

// Functions whose contract is to accept anything (type guards) or that are pure formatting of numbers.
const ACCEPT_ANYTHING = new Set([
  'isCorridorSimError',
  'isCountryCode',
  'isNetwork',
  'isSimulationResult',
  'formatNumber',
]);

async function outcome(f: () => unknown): Promise<unknown> {
  try {
    await f();
    return undefined;
  } catch (error) {
    return error;
  }
}

function functionsOf(module: Record<string, unknown>): [string, (...args: unknown[]) => unknown][] {
  return Object.entries(module).filter(
    (entry): entry is [string, (...args: unknown[]) => unknown] =>
      typeof entry[1] === 'function' && !/^[A-Z]/.test(entry[0]) && !ACCEPT_ANYTHING.has(entry[0]),
  );
}

describe('public API on nonsense input', () => {
  const sample = api.loadDataset('sample');
  for (const [name, fn] of [...functionsOf(api), ...functionsOf(testing as never)]) {
    it(`${name} throws only CorridorSimErrors`, async () => {
      for (const bad of BAD) {
        for (const args of [
          [bad],
          [bad, bad],
          [bad, bad, bad],
          [sample.network, bad],
          [sample, bad],
          [sample, undefined, bad],
        ]) {
          const error = await outcome(() => fn(...args));
          if (error !== undefined && !api.isCorridorSimError(error)) {
            throw new Error(
              `${name}(${args.map((a) => (typeof a === 'function' ? 'fn' : JSON.stringify(a)?.slice(0, 30))).join(', ')}) threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`,
            );
          }
        }
      }
      expect(true).toBe(true);
    });
  }
});
