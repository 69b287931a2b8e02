/**
 * The arena hands out zeroed, aligned, non-overlapping views, and a buffer of its own for a request
 * larger than a chunk.
 */

import { describe, expect, it } from 'vitest';
import { grown, TypedArena } from './arena.js';

describe('TypedArena', () => {
  it('gives zeroed, 8-byte aligned views that do not overlap, across chunk boundaries', () => {
    const arena = new TypedArena(256);
    const views: (Float64Array | Int32Array | Uint8Array)[] = [];
    let state = 7;
    for (let i = 0; i < 200; i++) {
      state = (state * 16807) % 2147483647;
      const n = state % 40;
      const view = i % 3 === 0 ? arena.f64(n) : i % 3 === 1 ? arena.i32(n) : arena.u8(n);
      expect(view.length).toBe(n);
      expect(view.byteOffset % 8).toBe(0);
      expect(Array.from(view).every((x) => x === 0)).toBe(true);
      view.fill(i + 1);
      views.push(view);
    }
    // each view still holds what was written into it: no other view overlapped it
    views.forEach((view, i) => {
      expect(Array.from(view).every((x) => x === i + 1)).toBe(true);
    });
  });

  it('serves a request larger than a chunk from a buffer of its size, and copies values', () => {
    const arena = new TypedArena(64);
    const big = arena.f64(100);
    expect(big.length).toBe(100);
    expect(big.buffer.byteLength).toBe(800);
    expect(Array.from(arena.i32From([3, -1, 7]))).toEqual([3, -1, 7]);
    expect(Array.from(arena.f64From([0.5, 2]))).toEqual([0.5, 2]);
  });

  it('grows an array into a longer one of its kind, the old elements first and zeros after', () => {
    const ints = grown(Int32Array.of(4, -2, 9), 5);
    expect(ints).toBeInstanceOf(Int32Array);
    expect(Array.from(ints)).toEqual([4, -2, 9, 0, 0]);
    const reals = grown(Float64Array.of(0.25), 3);
    expect(reals).toBeInstanceOf(Float64Array);
    expect(Array.from(reals)).toEqual([0.25, 0, 0]);
  });
});
