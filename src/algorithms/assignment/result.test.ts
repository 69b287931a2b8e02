/**
 * The stop rules shared by the iterative algorithms: the stall rule against a hand-counted sequence.
 */

import { describe, expect, it } from 'vitest';
import { StallWatch, stopStatus } from './result.js';

describe('StallWatch', () => {
  it('stalls after `limit` gaps in a row that set no new best', () => {
    const watch = new StallWatch(3);
    // best 1, then 0.5; 0.7, 0.5 (equal: no new best) and 0.6 make three in a row
    expect([1, 0.5, 0.7, 0.5, 0.6].map((g) => watch.stalled(g))).toEqual([false, false, false, false, true]);
  });

  it('counts a new best only when it beats the best by the relative margin', () => {
    const watch = new StallWatch(2, 0.1);
    // 0.95 is within 10 % of 1: no new best; 0.85 is one, and resets the count
    expect([1, 0.95, 0.85, 0.8, 0.79].map((g) => watch.stalled(g))).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
  });
});

describe('stopStatus', () => {
  it('stops at the target first, then at the iteration limit, else goes on', () => {
    const now = performance.now();
    expect(stopStatus(1e-7, 1e-6, 500, 500, now, Number.POSITIVE_INFINITY)).toBe('converged');
    expect(stopStatus(1e-5, 1e-6, 500, 500, now, Number.POSITIVE_INFINITY)).toBe('max-iterations');
    expect(stopStatus(1e-5, 1e-6, 3, 500, now - 2000, 1)).toBe('time-limit');
    expect(stopStatus(1e-5, 1e-6, 3, 500, now, Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});
