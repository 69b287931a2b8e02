import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsr } from '../algorithms/_internal/csr.js';
import { decomposePaths, decomposeToSinks } from './decompose.js';

describe('decomposePaths', () => {
  it('splits a diamond flow into its two paths', () => {
    // 0 -> 1 -> 3 (3 units), 0 -> 2 -> 3 (2 units)
    const csr = buildCsr(4, [0, 1, 0, 2], [1, 3, 2, 3]);
    const paths = decomposePaths(csr, Float64Array.from([3, 3, 2, 2]), 0, 3);
    expect(paths).toEqual([
      { arcs: [0, 1], volume: 3 },
      { arcs: [2, 3], volume: 2 },
    ]);
  });

  it('cancels cycles that carry no source-sink volume', () => {
    // path 0->1->2 (1 unit) plus a cycle 1->3->1 (5 units)
    const csr = buildCsr(4, [0, 1, 1, 3], [1, 2, 3, 1]);
    expect(decomposePaths(csr, Float64Array.from([1, 1, 5, 5]), 0, 2)).toEqual([{ arcs: [0, 1], volume: 1 }]);
  });

  it('recomposes the flow: the paths sum back to every arc flow of a random acyclic flow (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 8 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 4 }), {
              maxLength: 6,
            }),
            fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 6, maxLength: 6 }),
          ),
        ),
        ([n, rawPaths, volumes]) => {
          // Build source 0 -> increasing intermediate nodes -> sink n-1 (acyclic), with parallel arcs per path.
          const tails: number[] = [];
          const heads: number[] = [];
          const arcPaths: number[][] = [];
          rawPaths.forEach((raw) => {
            const inner = [...new Set(raw.filter((v) => v > 0 && v < n - 1))].sort((a, b) => a - b);
            const seq = [0, ...inner, n - 1];
            const arcs: number[] = [];
            for (let i = 1; i < seq.length; i++) {
              arcs.push(tails.length);
              tails.push(seq[i - 1]!);
              heads.push(seq[i]!);
            }
            arcPaths.push(arcs);
          });
          const csr = buildCsr(n, tails, heads);
          const flow = new Float64Array(tails.length);
          let total = 0;
          arcPaths.forEach((arcs, k) => {
            for (const e of arcs) flow[e]! += volumes[k]!;
            total += volumes[k]!;
          });
          const paths = decomposePaths(csr, flow, 0, n - 1);
          const rebuilt = new Float64Array(tails.length);
          let sum = 0;
          for (const p of paths) {
            expect(csr.tail[p.arcs[0]!]).toBe(0);
            expect(csr.head[p.arcs[p.arcs.length - 1]!]).toBe(n - 1);
            for (const e of p.arcs) rebuilt[e]! += p.volume;
            sum += p.volume;
          }
          expect(sum).toBeCloseTo(total, 9);
          for (let e = 0; e < flow.length; e++) expect(rebuilt[e]).toBeCloseTo(flow[e]!, 9);
        },
      ),
    );
  });
});

describe('decomposeToSinks', () => {
  it('splits a tree-shaped flow into one path per sink, passing through an intermediate sink', () => {
    // 0 -> 1 (5), 1 -> 2 (3): sink 1 absorbs 2, sink 2 absorbs 3
    const csr = buildCsr(3, [0, 1], [1, 2]);
    const paths = decomposeToSinks(
      csr,
      Float64Array.from([5, 3]),
      0,
      new Map([
        [1, 2],
        [2, 3],
      ]),
    );
    expect(paths).toEqual([
      { arcs: [0, 1], volume: 3, sink: 2 },
      { arcs: [0], volume: 2, sink: 1 },
    ]);
  });

  it('recomposes random acyclic multi-sink flows exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 8 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(
              fc.record({
                inner: fc.array(fc.integer({ min: 1, max: n - 1 }), { maxLength: 4 }),
                volume: fc.integer({ min: 1, max: 50 }),
              }),
              { minLength: 1, maxLength: 6 },
            ),
          ),
        ),
        ([n, raw]) => {
          const tails: number[] = [];
          const heads: number[] = [];
          const absorbed = new Map<number, number>();
          const routes: { arcs: number[]; volume: number }[] = [];
          for (const r of raw) {
            const seq = [0, ...[...new Set(r.inner)].sort((a, b) => a - b)];
            if (seq.length < 2) continue;
            const arcs: number[] = [];
            for (let i = 1; i < seq.length; i++) {
              arcs.push(tails.length);
              tails.push(seq[i - 1]!);
              heads.push(seq[i]!);
            }
            const sink = seq[seq.length - 1]!;
            absorbed.set(sink, (absorbed.get(sink) ?? 0) + r.volume);
            routes.push({ arcs, volume: r.volume });
          }
          fc.pre(routes.length > 0);
          const csr = buildCsr(n, tails, heads);
          const flow = new Float64Array(tails.length);
          for (const r of routes) for (const e of r.arcs) flow[e]! += r.volume;
          const paths = decomposeToSinks(csr, flow, 0, absorbed);
          const rebuilt = new Float64Array(tails.length);
          const got = new Map<number, number>();
          for (const p of paths) {
            expect(csr.head[p.arcs[p.arcs.length - 1]!]).toBe(p.sink);
            for (const e of p.arcs) rebuilt[e]! += p.volume;
            got.set(p.sink, (got.get(p.sink) ?? 0) + p.volume);
          }
          for (let e = 0; e < flow.length; e++) expect(rebuilt[e]).toBeCloseTo(flow[e]!, 9);
          for (const [sink, amount] of absorbed) expect(got.get(sink)).toBeCloseTo(amount, 9);
        },
      ),
    );
  });
});
