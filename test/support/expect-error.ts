/**
 * Test support: catching typed errors
 * ===================================
 *
 * Shared by test files; not part of the package.
 */

import { expect } from 'vitest';
import { InvalidArgumentError } from '../../src/model/errors.js';

/**
 * The error of class `kind` that `fn` throws (fails the test when it throws something else or
 * nothing), so that a test can check its fields and message.
 *
 * @param fn - the call expected to throw
 * @param kind - the error class expected
 * @returns the error
 */
export function thrown<E extends Error>(fn: () => unknown, kind: abstract new (...args: never[]) => E): E {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(kind);
    return error as E;
  }
  throw new Error(`expected a ${kind.name}`);
}

/**
 * The InvalidArgumentError `fn` throws (fails the test when it throws something else or nothing), so that
 * a test can check its argument path and message.
 *
 * @param fn - the call expected to throw
 * @returns the error
 */
export function invalidArgument(fn: () => unknown): InvalidArgumentError {
  return thrown(fn, InvalidArgumentError);
}

/**
 * The error a promise rejects with (fails the test when it resolves).
 *
 * @param promise - the call expected to reject
 * @returns the error
 */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection, the call resolved');
}
