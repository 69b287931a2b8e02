import { describe, expect, it } from 'vitest';
import type { PathSet } from '../algorithms/assignment/pathSet.js';
import type { SimulationResult } from './result.js';
import { rememberPathSet, warmStartFor } from './warm-start.js';

/** A path set of two ODs: class 0 with paths [0,1] (flow 3) and [2] (flow 1); class 1 with [5] (flow 2). */
function twoClasses(): PathSet {
  return {
    odClass: Int32Array.of(0, 1),
    odOrigin: Int32Array.of(10, 11),
    odDestination: Int32Array.of(20, 21),
    odDemand: Float64Array.of(4, 2),
    odPathStart: Int32Array.of(0, 2, 3),
    pathArcStart: Int32Array.of(0, 2, 3, 4),
    pathArcs: Int32Array.of(0, 1, 2, 5),
    pathFlow: Float64Array.of(3, 1, 2),
    pathCost: Float64Array.of(7, 8, 9),
  };
}

function earlierResult(paths: PathSet, classIds: string[]): SimulationResult {
  const result = {} as SimulationResult;
  rememberPathSet(result, { paths, classIds });
  return result;
}

describe('warmStartFor', () => {
  it('returns the earlier path set itself when the classes are the same', () => {
    const paths = twoClasses();
    const earlier = earlierResult(paths, ['c|s|', 'c|t|']);
    expect(warmStartFor(earlier, ['c|s|', 'c|t|'])).toBe(paths);
  });

  it('starts a segment split off by a refusal from its parent, and matches the others by id', () => {
    const earlier = earlierResult(twoClasses(), ['c|s|', 'c|t|']);
    // this run: t, s split into s and s~avoid-RU (and its RU-exempt class), and a new class u
    const set = warmStartFor(earlier, ['c|t|', 'c|s~avoid-RU|', 'c|s|', 'c|u|', 'c|s~avoid-RU|RU'])!;
    // class 0 (s) serves this run's classes 1, 2 and 4; class 1 (t) serves class 0
    expect([...set.odClass]).toEqual([1, 2, 4, 0]);
    expect([...set.odOrigin]).toEqual([10, 10, 10, 11]);
    expect([...set.odDestination]).toEqual([20, 20, 20, 21]);
    expect([...set.odDemand]).toEqual([4, 4, 4, 2]);
    expect([...set.odPathStart]).toEqual([0, 2, 4, 6, 7]);
    expect([...set.pathArcStart]).toEqual([0, 2, 3, 5, 6, 8, 9, 10]);
    expect([...set.pathArcs]).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 5]);
    expect([...set.pathFlow]).toEqual([3, 1, 3, 1, 3, 1, 2]);
    expect([...set.pathCost]).toEqual([7, 8, 7, 8, 7, 8, 9]);
  });

  it('prefers the parent class with the same exempt countries, and strips several refusals', () => {
    const earlier = earlierResult(twoClasses(), ['c|s|', 'c|s|RU']);
    const set = warmStartFor(earlier, ['c|s~avoid-IR~avoid-RU|RU'])!;
    expect([...set.odClass]).toEqual([0]);
    expect([...set.odOrigin]).toEqual([11]); // from class 1, `c|s|RU`
  });

  it('has no warm start without an earlier result, without its path set, or when nothing matches', () => {
    expect(warmStartFor(undefined, ['c|s|'])).toBeUndefined();
    expect(warmStartFor({} as SimulationResult, ['c|s|'])).toBeUndefined();
    const earlier = earlierResult(twoClasses(), ['c|s|', 'c|t|']);
    expect(warmStartFor(earlier, ['c|u|', 'd|s|', 'c|u~avoid-RU|'])).toBeUndefined();
  });
});
