/**
 * Paths split into a constant and a volume-dependent part: the constant part plus the listed arcs'
 * costs equals the path cost summed arc by arc, the listed arcs are the path's non-constant arcs in
 * order, through path removals and a growing store; and gradient projection, which prices and moves
 * flow on the split paths, meets the Wardrop conditions (Bellman–Ford) on a grid where a third of the
 * arcs have constant costs, for classes with different money costs and values of time.
 */

import { describe, expect, it } from 'vitest';
import { parkMiller } from '../../../test/support/random.js';
import { expectWardrop } from '../../../test/support/wardrop.js';
import { TypedArena } from '../_internal/arena.js';
import { gradientProjection } from './gradientProjection.js';
import { hashArcs, PathStore } from './pathStore.js';
import { pathVolumes } from './pathSupport.js';
import { type AssignmentClassInput, createAssignmentProblem } from './problem.js';
import { SplitPaths, volumeDependentArcs } from './splitPaths.js';
import { gridNetwork } from './testProblems.js';
import type { VolumeDelayFunction } from './vdf.js';
import { VDF_CONSTANT } from './vdf.js';

const grid = gridNetwork(5, 11, { min: 2, spread: 6 }, { min: 40, spread: 60 });
const M = grid.tail.length;
// every third arc costs the same at any volume; the others queue (Davidson) or follow BPR
const vdf: VolumeDelayFunction[] = grid.tail.map((_, a) =>
  a % 3 === 0
    ? { kind: 'constant' }
    : a % 3 === 1
      ? { kind: 'davidson', j: 0.4, mu: 0.9 }
      : { kind: 'bpr', alpha: 0.15, beta: 4 },
);
const origins = [0, 1, 2, 5, 6];
const od = {
  origins: [...origins, ...origins],
  destinations: [...origins.map(() => 24), ...origins.map(() => 22)],
  volumes: [...origins.map((o) => 9 + (o % 4)), ...origins.map((o) => 12 - (o % 3))],
};
const money = grid.tail.map((_, a) => (a * 7) % 5);
const classes: AssignmentClassInput[] = [
  { id: 'cheap', ...od, valueOfTime: 1, moneyCost: money },
  { id: 'fast', ...od, valueOfTime: 6, moneyCost: money },
];
const problem = createAssignmentProblem({
  ...grid,
  vdf,
  fixedCost: grid.tail.map((_, a) => (a % 4) / 4),
  classes,
});

describe('SplitPaths', () => {
  it('prices paths as their constant part plus their volume-dependent arcs, listed in order', () => {
    const rnd = parkMiller(5);
    // small first buffers: the store and the split both grow
    const store = new PathStore(problem.odCount, 2, 4);
    const split = new SplitPaths(2, 4);
    const buffer = new Int32Array(M);
    for (let round = 0; round < 3; round++) {
      for (let od = 0; od < problem.odCount; od++) {
        for (let n = 0; n < 3; n++) {
          const len = 1 + Math.floor(rnd() * 9);
          for (let k = 0; k < len; k++) buffer[k] = Math.floor(rnd() * M);
          store.add(od, buffer, len, hashArcs(buffer, len), rnd());
        }
        // drop the oldest path of every other OD
        if (od % 2 === 0) {
          let prev = -1;
          let q = store.odHead[od]!;
          while (store.next[q]! >= 0) {
            prev = q;
            q = store.next[q]!;
          }
          store.remove(od, q, prev);
        }
      }
      split.refresh(problem, store, problem.classes);
      const cost = Float64Array.from({ length: M }, () => rnd() * 10);
      // volumes of the volume-dependent arcs: those of pathVolumes to the last bit, other arcs untouched;
      // a class's total cost from its constant parts and those arcs
      const K = problem.classes.length;
      const flows = problem.classes.map(() => new Float64Array(M));
      const volume = new Float64Array(M);
      pathVolumes(problem, store, volume, flows);
      const varList = Int32Array.from(
        Array.from({ length: M }, (_, a) => a).filter((a) => problem.vdfKind[a] !== VDF_CONSTANT),
      );
      expect(Array.from(volumeDependentArcs(problem, new TypedArena()))).toEqual(Array.from(varList));
      const someFlows = problem.classes.map(() => new Float64Array(M).fill(-1));
      const someVolume = new Float64Array(M).fill(-1);
      const fixedTotals = new Float64Array(K);
      split.varVolumes(store, problem.classes, varList, someVolume, someFlows, fixedTotals);
      for (let a = 0; a < M; a++) {
        const varying = problem.vdfKind[a] !== VDF_CONSTANT;
        expect(someVolume[a]).toBe(varying ? volume[a] : -1);
        for (let k = 0; k < K; k++) expect(someFlows[k]![a]).toBe(varying ? flows[k]![a] : -1);
      }
      for (const cls of problem.classes) {
        let byArcs = 0;
        for (let a = 0; a < M; a++) {
          const own = problem.vdfKind[a] === VDF_CONSTANT ? problem.t0[a]! : cost[a]!;
          byArcs += flows[cls.index]![a]! * (own + cls.arcConstant[a]!);
        }
        let fromSplit = fixedTotals[cls.index]!;
        for (const a of varList) fromSplit += someFlows[cls.index]![a]! * cost[a]!;
        expect(fromSplit).toBeCloseTo(byArcs, 8);
      }
      for (const cls of problem.classes) {
        for (let od = cls.odOffset; od < cls.odOffset + cls.destinations.length; od++) {
          for (let q = store.odHead[od]!; q >= 0; q = store.next[q]!) {
            const arcs = Array.from(store.arcs.subarray(store.start[q]!, store.start[q]! + store.length[q]!));
            const direct = arcs.reduce(
              (sum, a) =>
                sum + cls.arcConstant[a]! + (problem.vdfKind[a] === VDF_CONSTANT ? problem.t0[a]! : cost[a]!),
              0,
            );
            expect(split.costOf(q, cost)).toBeCloseTo(direct, 10);
            const listed = Array.from(
              split.varArcs.subarray(split.varStart[q]!, split.varStart[q]! + split.varLength[q]!),
            );
            expect(listed).toEqual(arcs.filter((a) => problem.vdfKind[a] !== VDF_CONSTANT));
          }
        }
      }
    }
  });

  it('splits only paths added since the last refresh, and returns at once when there are none', () => {
    const store = new PathStore(problem.odCount, 4, 64);
    const split = new SplitPaths(4, 64);
    const path = Int32Array.of(0, 1, 2, 3, 4, 5);
    const first = store.add(0, path, 6, hashArcs(path, 6), 1);
    split.refresh(problem, store, problem.classes);
    const splitFirst = split.costOf(first, new Float64Array(M));
    // nothing added: the split stays as it is (a changed entry shows the refresh did not redo it)
    split.fixed[first] = -1;
    split.refresh(problem, store, problem.classes);
    expect(split.fixed[first]).toBe(-1);
    // a removal adds nothing either; a new path, even in a reused slot, is split
    store.remove(0, first, -1);
    split.refresh(problem, store, problem.classes);
    const second = store.add(1, path, 5, hashArcs(path, 5), 1);
    expect(second).toBe(first);
    split.refresh(problem, store, problem.classes);
    expect(split.fixed[second]).not.toBe(-1);
    const cls = problem.classes[0]!;
    const direct = Array.from(path.subarray(0, 5)).reduce(
      (sum, a) => sum + cls.arcConstant[a]! + (problem.vdfKind[a] === VDF_CONSTANT ? problem.t0[a]! : 0),
      0,
    );
    expect(split.costOf(second, new Float64Array(M))).toBeCloseTo(direct, 12);
    expect(splitFirst).not.toBe(-1);
  });

  it('lets gradient projection meet the Wardrop conditions with constant-cost arcs and two classes', () => {
    expect(problem.vdfKind.filter((k) => k === VDF_CONSTANT).length).toBeGreaterThan(M / 4);
    const result = gradientProjection(problem, { relativeGap: 1e-11 });
    expect(result.status).toBe('converged');
    expectWardrop(problem, result);
    // the classes do split: each uses an arc the other does not
    const only = (k: number) =>
      result.classFlows[k]!.some((x, a) => x > 1e-6 && result.classFlows[1 - k]![a]! < 1e-9);
    expect(only(0) || only(1)).toBe(true);
  });
});
