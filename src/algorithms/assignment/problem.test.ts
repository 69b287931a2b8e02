import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../model/errors.js';
import { type AssignmentProblemInput, createAssignmentProblem } from './problem.js';
import { bellmanFord, gridNetwork } from './testProblems.js';

// 0 → 1 → 2 and 0 → 2; node 3 is isolated.
const BASE: AssignmentProblemInput = {
  nodeCount: 4,
  tail: [0, 1, 0],
  head: [1, 2, 2],
  freeFlowTime: [1, 1, 3],
  capacity: [10, 10, 10],
  vdf: { kind: 'bpr', alpha: 0.15, beta: 4 },
  classes: [{ id: 'all', origins: [0, 0, 0, 1, 2], destinations: [2, 2, 0, 2, 3], volumes: [5, 7, 9, 0, 4] }],
};

describe('createAssignmentProblem', () => {
  it('aggregates duplicate OD entries and drops intrazonal and zero demand', () => {
    const p = createAssignmentProblem(BASE);
    const cls = p.classes[0]!;
    expect(Array.from(cls.origins)).toEqual([0]);
    expect(Array.from(cls.destinations)).toEqual([2]);
    expect(Array.from(cls.demand)).toEqual([12]);
    expect(cls.totalDemand).toBe(12);
    expect(p.odCount).toBe(1);
  });

  it('aggregates like a map of maps: origins, then their destinations, in first-seen order', () => {
    // complete graph on 6 nodes: every OD is reachable
    const n = 6;
    const tail: number[] = [];
    const head: number[] = [];
    for (let u = 0; u < n; u++) {
      for (let v = 0; v < n; v++) {
        if (u === v) continue;
        tail.push(u);
        head.push(v);
      }
    }
    let state = 12345;
    const draw = (k: number) => {
      state = (state * 16807) % 2147483647;
      return state % k;
    };
    for (let trial = 0; trial < 20; trial++) {
      const E = 5 + draw(30);
      const origins = Array.from({ length: E }, () => draw(n));
      const destinations = Array.from({ length: E }, () => draw(n));
      const volumes = Array.from({ length: E }, () => draw(4) * 0.5);
      const p = createAssignmentProblem({
        nodeCount: n,
        tail,
        head,
        freeFlowTime: tail.map(() => 1),
        capacity: tail.map(() => 10),
        vdf: { kind: 'bpr', alpha: 0.15, beta: 4 },
        classes: [{ id: 'c', origins, destinations, volumes }],
      });
      const expected = new Map<number, Map<number, number>>();
      for (let i = 0; i < E; i++) {
        if (origins[i] === destinations[i] || volumes[i] === 0) continue;
        const row = expected.get(origins[i]!) ?? new Map<number, number>();
        expected.set(origins[i]!, row);
        row.set(destinations[i]!, (row.get(destinations[i]!) ?? 0) + volumes[i]!);
      }
      const cls = p.classes[0]!;
      expect(Array.from(cls.origins)).toEqual([...expected.keys()]);
      const rows = [...expected.values()];
      const starts = [0];
      for (const r of rows) starts.push(starts.at(-1)! + r.size);
      expect(Array.from(cls.originStart)).toEqual(starts);
      expect(Array.from(cls.destinations)).toEqual(rows.flatMap((r) => [...r.keys()]));
      expect(Array.from(cls.demand)).toEqual(rows.flatMap((r) => [...r.values()]));
    }
  });

  it('sets aside demand without a path and lists it', () => {
    const p = createAssignmentProblem(BASE);
    expect(p.unreachable).toEqual([{ classId: 'all', origin: 2, destination: 3, volume: 4 }]);
  });

  it('forbidden and closed arcs get infinite constants; money is divided by the value of time', () => {
    const p = createAssignmentProblem({
      ...BASE,
      closedArcs: [1],
      fixedCost: [0.5, 0, 0],
      classes: [
        {
          id: 'a',
          origins: [0],
          destinations: [2],
          volumes: [1],
          valueOfTime: 4,
          moneyCost: [8, 0, 2],
          forbiddenArcs: [2],
        },
        { id: 'b', origins: [0], destinations: [1], volumes: [1], valueOfTime: 0, moneyCost: [8, 0, 2] },
      ],
    });
    expect(Array.from(p.classes[0]!.arcConstant)).toEqual([0.5 + 2, Infinity, Infinity]);
    expect(p.classes[0]!.totalDemand).toBe(0); // 0→2 needs arc 1 (closed) or arc 2 (forbidden)
    expect(p.unreachable).toEqual([{ classId: 'a', origin: 0, destination: 2, volume: 1 }]);
    expect(p.classes[1]!.fixedRoute).toBe(true);
    expect(Array.from(p.classes[1]!.arcConstant)).toEqual([0.5, Infinity, 0]);
  });

  it('through-blocked nodes may start paths but not be passed through', () => {
    const p = createAssignmentProblem({ ...BASE, throughBlocked: [1] });
    expect(p.blockedThrough?.[1]).toBe(1);
    const q = createAssignmentProblem({
      ...BASE,
      tail: [0, 1],
      head: [1, 2],
      freeFlowTime: [1, 1],
      capacity: [10, 10],
      throughBlocked: [1],
      classes: [{ id: 'all', origins: [0, 1], destinations: [2, 2], volumes: [3, 4] }],
    });
    expect(q.unreachable).toEqual([{ classId: 'all', origin: 0, destination: 2, volume: 3 }]);
    expect(q.classes[0]!.totalDemand).toBe(4);
  });

  it('finds the unreachable ODs that Bellman–Ford finds, searching from origins or from destinations', () => {
    // 4×4 grids with random forbidden arcs and blocked nodes; many origins to few destinations
    // (searched backwards from the destinations) and few origins to many destinations (forwards)
    for (let seed = 1; seed <= 12; seed++) {
      const grid = gridNetwork(4, seed, { min: 1, spread: 5 }, { min: 10, spread: 10 });
      let state = seed * 7919;
      const draw = () => {
        state = (state * 16807) % 2147483647;
        return state / 2147483647;
      };
      const forbidden = grid.tail.map((_, a) => a).filter(() => draw() < 0.3);
      const blocked = [5, 6, 9, 10].filter(() => draw() < 0.5);
      const many = [0, 1, 2, 3, 4, 8, 12];
      const few = [15, 11];
      const pairs =
        seed % 2 === 0
          ? many.flatMap((o) => few.map((d) => [o, d]))
          : few.flatMap((o) => many.map((d) => [o, d]));
      // a second class with the same forbidden arcs (its search may be shared) and a third with more
      const more = [...forbidden, ...grid.tail.map((_, a) => a).filter(() => draw() < 0.2)];
      const od = {
        origins: pairs.map((x) => x[0]!),
        destinations: pairs.map((x) => x[1]!),
        volumes: pairs.map(() => 1),
      };
      const p = createAssignmentProblem({
        ...grid,
        vdf: { kind: 'bpr', alpha: 0.15, beta: 4 },
        throughBlocked: blocked,
        classes: [
          { id: 'c', ...od, forbiddenArcs: forbidden },
          { id: 'same', ...od, forbiddenArcs: forbidden, valueOfTime: 3, moneyCost: grid.tail.map(() => 1) },
          { id: 'more', ...od, forbiddenArcs: more },
        ],
      });
      for (const cls of p.classes) {
        const weight = Array.from(cls.arcConstant, (c) => c + 1);
        const expected = pairs.filter(
          ([o, d]) => bellmanFord(p, weight, o!)[d!] === Number.POSITIVE_INFINITY,
        );
        const found = p.unreachable.filter((u) => u.classId === cls.id).map((u) => [u.origin, u.destination]);
        expect(found.sort()).toEqual(expected.sort());
      }
    }
  });

  it.each([
    [{ nodeCount: 0 }, /nodeCount must be a positive integer, got 0/],
    [{ tail: [0, 1, 9] }, /input\.tail\[2\] must be an integer in 0\.\.3, got 9/],
    [{ head: [1, 2] }, /input\.head must have length 3, got 2/],
    [{ freeFlowTime: [1, -1, 3] }, /arc 1\.freeFlowTime/],
    [{ capacity: [10, 0, 10] }, /arc 1\.capacity must be > 0/],
    [{ vdf: [{ kind: 'bpr', alpha: 0.15, beta: 4 }] }, /must be one function or 3 functions, got 1/],
    [{ fixedCost: [0, Number.NaN, 0] }, /input\.fixedCost\[1\] must be finite and ≥ 0, got NaN/],
    [{ classes: [] }, /input\.classes must be a non-empty array/],
    [
      { classes: [{ id: 'x', origins: [0], destinations: [2], volumes: [-1] }] },
      /volumes\[0\] must be finite and ≥ 0, got -1/,
    ],
    [
      { classes: [{ id: 'x', origins: [0], destinations: [2], volumes: [1], valueOfTime: -2 }] },
      /valueOfTime must be finite and ≥ 0, got -2/,
    ],
    [
      {
        classes: [
          { id: 'x', origins: [0], destinations: [2], volumes: [1] },
          { id: 'x', origins: [0], destinations: [2], volumes: [1] },
        ],
      },
      /duplicates "x"/,
    ],
    [
      { classes: [{ id: 'x', origins: [0], destinations: [2], volumes: [1], forbiddenArcs: [3] }] },
      /forbiddenArcs\[0\]/,
    ],
  ])('rejects %o', (change, message) => {
    const input = { ...BASE, ...change } as AssignmentProblemInput;
    expect(() => createAssignmentProblem(input)).toThrow(InvalidArgumentError);
    expect(() => createAssignmentProblem(input)).toThrow(message);
  });

  it('does not mutate its input', () => {
    const input = structuredClone(BASE);
    createAssignmentProblem(input);
    expect(input).toEqual(BASE);
  });
});
