/**
 * The stop rules shared by the iterative algorithms, against hand-counted sequences.
 */

import { describe, expect, it } from 'vitest';
import { StopRule, stopStatus } from './result.js';

const forever = { target: 1e-6, maxIterations: 500, started: 0, maxSeconds: Number.POSITIVE_INFINITY };

describe('StopRule', () => {
  it('stalls after `stallLimit` gaps in a row that set no new best, and keeps the history', () => {
    const rule = new StopRule(forever, 3);
    // best 1, then 0.5; 0.7, 0.5 (equal: no new best) and 0.6 make three in a row
    const gaps = [1, 0.5, 0.7, 0.5, 0.6];
    expect(gaps.map((g, i) => rule.check(g, i))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      'stalled',
    ]);
    expect(rule.history).toEqual(gaps);
  });

  it('counts a new best only when it beats the best by the relative margin', () => {
    const rule = new StopRule(forever, 2, 0.1);
    // 0.95 is within 10 % of 1: no new best; 0.85 is one, and resets the count
    expect([1, 0.95, 0.85, 0.8, 0.79].map((g, i) => rule.check(g, i))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      'stalled',
    ]);
  });

  it('stops at the target or the iteration limit before it calls a stall', () => {
    const rule = new StopRule({ ...forever, maxIterations: 2 }, 1);
    expect(rule.check(1, 0)).toBeUndefined();
    expect(rule.check(1, 2)).toBe('max-iterations');
    expect(rule.check(1e-7, 3)).toBe('converged');
  });
});

describe('stopStatus', () => {
  it('stops at the target first, then at the iteration limit, then at the time limit, else goes on', () => {
    const now = performance.now();
    expect(stopStatus(1e-7, 1e-6, 500, 500, now, Number.POSITIVE_INFINITY)).toBe('converged');
    expect(stopStatus(1e-5, 1e-6, 500, 500, now, Number.POSITIVE_INFINITY)).toBe('max-iterations');
    expect(stopStatus(1e-5, 1e-6, 3, 500, now - 2000, 1)).toBe('time-limit');
    expect(stopStatus(1e-5, 1e-6, 3, 500, now, Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});
