/**
 * Flow swaps between classes: a swap changes no arc volume, lowers the restricted problem's cost by
 * what it reports (recomputed here from the path flows), and only pairs exact mirror moves of
 * different classes. In gradient projection, swaps shorten the equilibration of classes sharing
 * alternatives near capacity, and the result still meets the Wardrop conditions (Bellman–Ford).
 */

import { describe, expect, it } from 'vitest';
import { gradientProjection } from './gradientProjection.js';
import { PathStore } from './pathStore.js';
import { SwapWorkspace, swapAcrossClasses } from './pathSwaps.js';
import {
  type AssignmentClass,
  type AssignmentProblem,
  type AssignmentProblemInput,
  createAssignmentProblem,
} from './problem.js';
import { SplitPaths } from './splitPaths.js';
import { checkEquilibrium } from './testProblems.js';
import { VDF_CONSTANT } from './vdf.js';

/**
 * Arcs 0 and 4: two origins' access; 1 and 2: two ferries between the same ports; 3: onward; 5: a third
 * ferry. Arc costs are fixed (a swap changes no volume), each class adds its constants.
 */
const ARCS = 6;
const COST = Float64Array.from([1, 5, 5, 1, 1, 5]);

function klass(index: number, constants: Record<number, number>): AssignmentClass {
  const arcConstant = new Float64Array(ARCS);
  for (const [a, c] of Object.entries(constants)) arcConstant[Number(a)] = c;
  return { index, arcConstant } as unknown as AssignmentClass;
}

function store(paths: { od: number; arcs: number[]; flow: number }[]): PathStore {
  const s = new PathStore(4, 8, 64);
  for (const p of paths) s.add(p.od, Int32Array.from(p.arcs), p.arcs.length, p.arcs.length, p.flow);
  return s;
}

/** Arc volumes and the total class cost Σ flow × (arc cost + class constant) of a store. */
function totals(s: PathStore, classOf: number[], classes: AssignmentClass[]) {
  const volume = new Float64Array(ARCS);
  let cost = 0;
  for (let od = 0; od < classOf.length; od++) {
    const cls = classes[classOf[od]!]!;
    for (let q = s.odHead[od]!; q >= 0; q = s.next[q]!) {
      for (let k = s.start[q]!; k < s.start[q]! + s.length[q]!; k++) {
        const a = s.arcs[k]!;
        volume[a] = volume[a]! + s.flow[q]!;
        cost += s.flow[q]! * (COST[a]! + cls.arcConstant[a]!);
      }
    }
  }
  return { volume: Array.from(volume), cost };
}

function flows(s: PathStore, od: number): number[] {
  const out: number[] = [];
  for (let q = s.odHead[od]!; q >= 0; q = s.next[q]!) out.push(s.flow[q]!);
  return out.reverse(); // insertion order
}

function sweep(s: PathStore, classOf: number[], classes: AssignmentClass[]): number {
  const ods = Int32Array.from(classOf.keys());
  return swapAcrossClasses(
    s,
    classes,
    ods,
    Int32Array.from(classOf),
    ods.length,
    COST,
    new SwapWorkspace(ARCS),
  );
}

describe('swapAcrossClasses', () => {
  // class 0 finds ferry 1 dearer by 2 (money ÷ value of time), class 1 finds it dearer by 1 only
  const classes = [klass(0, { 1: 2 }), klass(1, { 1: 1 })];

  it('swaps mirror moves of two classes: no arc volume changes, the cost falls by the reported gain', () => {
    // OD 0 (class 0): 10 on ferry 1, its cheaper ferry 2 empty; OD 1 (class 1): 6 on its cheaper ferry 2,
    // which it leaves for ferry 1 at a loss of 1 per unit, less than OD 0 gains
    const s = store([
      { od: 0, arcs: [0, 1, 3], flow: 10 },
      { od: 0, arcs: [0, 2, 3], flow: 0 },
      { od: 1, arcs: [4, 2, 3], flow: 6 },
      { od: 1, arcs: [4, 1, 3], flow: 0 },
    ]);
    const before = totals(s, [0, 1], classes);
    const gain = sweep(s, [0, 1], classes);
    const after = totals(s, [0, 1], classes);
    expect(after.volume).toEqual(before.volume);
    expect(gain).toBeCloseTo(6 * (2 - 1), 12); // m = min(10, 6), e_A + e_B = 2 − 1
    expect(before.cost - after.cost).toBeCloseTo(gain, 12);
    expect(flows(s, 0)).toEqual([4, 6]);
    expect(flows(s, 1)).toEqual([0, 6]);
  });

  it('does not swap when the pair would not gain, within one class, or between moves that are not mirrors', () => {
    const unprofitable = [klass(0, { 1: 2 }), klass(1, { 1: 3 })]; // e_A + e_B = 2 − 3 < 0
    const paths = [
      { od: 0, arcs: [0, 1, 3], flow: 10 },
      { od: 0, arcs: [0, 2, 3], flow: 0 },
      { od: 1, arcs: [4, 2, 3], flow: 6 },
      { od: 1, arcs: [4, 1, 3], flow: 0 },
    ];
    let s = store(paths);
    expect(sweep(s, [0, 1], unprofitable)).toBe(0);
    expect(flows(s, 0)).toEqual([10, 0]);
    s = store(paths);
    expect(sweep(s, [0, 0], classes)).toBe(0); // same class: the constants cancel
    s = store([
      { od: 0, arcs: [0, 1, 3], flow: 10 },
      { od: 0, arcs: [0, 2, 3], flow: 0 },
      { od: 1, arcs: [4, 5, 3], flow: 6 }, // ferry 5, not ferry 2: a swap would move volume
      { od: 1, arcs: [4, 1, 3], flow: 0 },
    ]);
    const before = totals(s, [0, 1], classes);
    expect(sweep(s, [0, 1], classes)).toBe(0);
    expect(totals(s, [0, 1], classes)).toEqual(before);
  });

  it('keeps volumes and every OD total on random path sets, and never raises the cost', () => {
    let seed = 7;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const ferries = [1, 2, 5];
    for (let trial = 0; trial < 200; trial++) {
      const cls = [0, 1, 2].map((k) => klass(k, { 1: rand() * 3, 2: rand() * 3, 5: rand() * 3 }));
      const classOf = [0, 1, 2, 3].map(() => Math.floor(rand() * 3));
      const paths: { od: number; arcs: number[]; flow: number }[] = [];
      for (let od = 0; od < 4; od++) {
        const access = od % 2 === 0 ? 0 : 4;
        for (const f of ferries) {
          if (rand() < 0.8) paths.push({ od, arcs: [access, f, 3], flow: rand() < 0.5 ? 0 : 1 + rand() * 9 });
        }
      }
      const s = store(paths);
      const before = totals(s, classOf, cls);
      const odTotals = [0, 1, 2, 3].map((od) => flows(s, od).reduce((a, b) => a + b, 0));
      const gain = sweep(s, classOf, cls);
      const after = totals(s, classOf, cls);
      for (let a = 0; a < ARCS; a++) expect(after.volume[a]).toBeCloseTo(before.volume[a]!, 10);
      for (let od = 0; od < 4; od++) {
        expect(flows(s, od).reduce((x, y) => x + y, 0)).toBeCloseTo(odTotals[od]!, 10);
      }
      for (let od = 0; od < 4; od++) for (const f of flows(s, od)) expect(f).toBeGreaterThanOrEqual(0);
      expect(gain).toBeGreaterThanOrEqual(0);
      expect(before.cost - after.cost).toBeCloseTo(gain, 9);
    }
  });
});

describe('swapAcrossClasses on split paths', () => {
  it('swaps moves that mirror each other on the volume-dependent arcs, whatever their constant arcs', () => {
    // ferries 1 and 2 queue; access 0 and 4, onward 3 and its alternative 5 cost 1 at any volume
    const cost = Float64Array.from([1, 5, 5, 1, 1, 1]);
    const problem = {
      vdfKind: Uint8Array.from([VDF_CONSTANT, 3, 3, VDF_CONSTANT, VDF_CONSTANT, VDF_CONSTANT]),
      t0: cost,
    } as unknown as AssignmentProblem;
    // class 0 finds ferry 1 dearer by 2, class 1 by 1; class 1 pays 0.5 more on onward 5
    const classes = [klass(0, { 1: 2 }), klass(1, { 1: 1, 5: 0.5 })].map((c, k) =>
      Object.assign(c, { odOffset: k, destinations: { length: 1 } }),
    );
    const paths = [
      { od: 0, arcs: [0, 1, 3], flow: 10 },
      { od: 0, arcs: [0, 2, 3], flow: 0 },
      // OD 1 leaves ferry 2 for ferry 1 and onward 3 for onward 5: the same move on the ferries
      { od: 1, arcs: [4, 2, 3], flow: 6 },
      { od: 1, arcs: [4, 1, 5], flow: 0 },
    ];
    const total = (s: PathStore) => {
      const volume = new Float64Array(ARCS);
      let sum = 0;
      for (let od = 0; od < 2; od++) {
        for (let q = s.odHead[od]!; q >= 0; q = s.next[q]!) {
          for (let k = s.start[q]!; k < s.start[q]! + s.length[q]!; k++) {
            const a = s.arcs[k]!;
            volume[a] = volume[a]! + s.flow[q]!;
            sum += s.flow[q]! * (cost[a]! + classes[od]!.arcConstant[a]!);
          }
        }
      }
      return { volume: Array.from(volume), cost: sum };
    };
    const swap = (s: PathStore, split?: SplitPaths) =>
      swapAcrossClasses(
        s,
        classes,
        Int32Array.of(0, 1),
        Int32Array.of(0, 1),
        2,
        cost,
        new SwapWorkspace(ARCS),
        split,
      );
    // on whole paths the moves are not mirrors (onward 3 and 5 differ): no swap
    let s = store(paths);
    expect(swap(s)).toBe(0);
    s = store(paths);
    const split = new SplitPaths(8, 16);
    split.refresh(problem, s, classes);
    const before = total(s);
    const gain = swap(s, split);
    const after = total(s);
    // e_A = 2 (ferry constant); e_B = −1 (ferry constant) − 0.5 (onward 5)
    expect(gain).toBeCloseTo(6 * (2 - 1.5), 12);
    expect(before.cost - after.cost).toBeCloseTo(gain, 12);
    // the ferries' volumes do not change; the constant onward arcs' do
    for (const a of [1, 2]) expect(after.volume[a]).toBe(before.volume[a]);
    expect(after.volume[5]).toBe(6);
    expect(flows(s, 0)).toEqual([4, 6]);
    expect(flows(s, 1)).toEqual([0, 6]);
  });
});

describe('gradient projection with classes sharing ferries near capacity', () => {
  // six origins → a port → three ferries (dearer ones faster) → two destinations; four values of time
  function ferryInput(): AssignmentProblemInput {
    const tail: number[] = [];
    const head: number[] = [];
    const time: number[] = [];
    const capacity: number[] = [];
    const money: number[] = [];
    const link = (from: number, to: number, t: number, c: number, m: number) => {
      tail.push(from);
      head.push(to);
      time.push(t);
      capacity.push(c);
      money.push(m);
    };
    for (let o = 0; o < 6; o++) link(o, 6, 1 + o / 10, 1e6, 0);
    link(6, 7, 2, 150, 40);
    link(6, 7, 2.5, 120, 20);
    link(6, 7, 3.2, 200, 0);
    link(7, 8, 1, 1e6, 0);
    link(7, 9, 1, 1e6, 0);
    const ods = [...Array(12).keys()];
    return {
      nodeCount: 10,
      tail,
      head,
      freeFlowTime: time,
      capacity,
      vdf: { kind: 'bpr', alpha: 0.5, beta: 6 },
      classes: [2, 5, 12, 30].map((valueOfTime, k) => ({
        id: `vot-${valueOfTime}`,
        valueOfTime,
        moneyCost: money,
        origins: ods.map((i) => i % 6),
        destinations: ods.map((i) => (i < 6 ? 8 : 9)),
        volumes: ods.map((i) => 10 + ((i * 7 + k * 3) % 11)),
      })),
    };
  }

  it('meets the Wardrop conditions of every class (Bellman–Ford) in five rounds (seven without swaps)', () => {
    const problem = createAssignmentProblem(ferryInput());
    const result = gradientProjection(problem, { relativeGap: 1e-6 });
    expect(result.status).toBe('converged');
    expect(result.iterations).toBeLessThanOrEqual(5);
    const check = checkEquilibrium(problem, result.arcFlows, result.classFlows, result.paths!);
    // the target bounds the flow-weighted gap (recomputed here with Bellman–Ford); one path's
    // relative excess may exceed it (1.9e-7 on one path at a gap of 1.5e-8)
    expect(check.relativeGap).toBeLessThan(1e-6);
    expect(check.relativeGap).toBeCloseTo(result.relativeGap, 12);
    expect(check.maxUsedExcess).toBeLessThan(1e-5);
    // the solver reports that largest excess itself, above its gap
    expect(result.maxPathExcess).toBeCloseTo(check.maxUsedExcess, 12);
    expect(result.maxPathExcess).toBeGreaterThan(result.relativeGap);
    expect(check.maxDemandError).toBeLessThan(1e-12);
    expect(check.maxFlowMismatch).toBeLessThan(1e-9);
    const tight = gradientProjection(problem, { relativeGap: 1e-11 });
    expect(
      checkEquilibrium(problem, tight.arcFlows, tight.classFlows, tight.paths!).maxUsedExcess,
    ).toBeLessThan(1e-10);
    // the link volumes of the two runs agree (they are unique; class splits need not be)
    for (let a = 0; a < problem.arcCount; a++) expect(result.arcFlows[a]).toBeCloseTo(tight.arcFlows[a]!, 3);
  });
});
