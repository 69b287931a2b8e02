/**
 * The arena hands out zeroed, aligned, non-overlapping views, and a buffer of its own for a request
 * larger than a chunk. A pool lends buffers back zeroed, never to two live arenas at once, and keeps
 * no more than it is allowed.
 */

import { describe, expect, it } from 'vitest';
import { ArenaPool, float64Array, grown, int32Array, TypedArena, uint8Array } from './arena.js';

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

describe('ArenaPool', () => {
  /** Views of random kinds and lengths from `arena`, each filled with `mark`; returns them. */
  function scribble(
    arena: TypedArena,
    seed: number,
    mark: number,
  ): (Float64Array | Int32Array | Uint8Array)[] {
    const views: (Float64Array | Int32Array | Uint8Array)[] = [];
    let state = seed;
    for (let i = 0; i < 120; i++) {
      state = (state * 16807) % 2147483647;
      const n = state % 50;
      const view = i % 3 === 0 ? arena.f64(n) : i % 3 === 1 ? arena.i32(n) : arena.u8(n);
      expect(Array.from(view).every((x) => x === 0)).toBe(true);
      view.fill(mark);
      views.push(view);
    }
    return views;
  }

  it('lends kept buffers zeroed, over several chunks, and reuses them', () => {
    const pool = new ArenaPool();
    const first = pool.arena(512);
    const firstBuffers = new Set(scribble(first, 11, 9).map((v) => v.buffer));
    expect(firstBuffers.size).toBeGreaterThan(2);
    first.release();
    const second = pool.arena(512);
    const views = scribble(second, 11, 5); // the same requests: every view checked zeroed first
    // the same buffers again, none new
    expect(new Set(views.map((v) => v.buffer))).toEqual(firstBuffers);
    second.release();
  });

  it('never lends one buffer to two live arenas', () => {
    const pool = new ArenaPool();
    const a = pool.arena(256);
    scribble(a, 3, 1);
    a.release();
    const b = pool.arena(256);
    const c = pool.arena(256);
    const inB = scribble(b, 5, 2);
    const inC = scribble(c, 7, 3);
    for (const v of inB) expect(inC.some((w) => w.buffer === v.buffer)).toBe(false);
    // each still holds its own writes
    expect(inB.every((v) => Array.from(v).every((x) => x === 2))).toBe(true);
    expect(inC.every((v) => Array.from(v).every((x) => x === 3))).toBe(true);
    b.release();
    c.release();
  });

  it('keeps at most maxBuffers buffers of at most maxBytes', () => {
    const pool = new ArenaPool(2, 1024);
    const arenas = [pool.arena(512), pool.arena(512), pool.arena(512), pool.arena(4096)];
    const buffers = arenas.map((arena) => arena.u8(8).buffer);
    for (const arena of arenas) arena.release();
    // two 512-byte buffers kept; the third dropped, the large one never kept
    const again = [pool.arena(512), pool.arena(512), pool.arena(512), pool.arena(4096)];
    const reused = again.map((arena) => buffers.indexOf(arena.u8(8).buffer));
    expect(reused.filter((i) => i >= 0).sort()).toEqual([0, 1]);
    expect(reused[3]).toBe(-1);
  });

  it('helpers take zeroed arrays of each kind from an arena, or make their own without one', () => {
    const arena = new TypedArena(256);
    const made = [int32Array(arena, 5), float64Array(arena, 5), uint8Array(arena, 5)];
    const own = [int32Array(undefined, 5), float64Array(undefined, 5), uint8Array(undefined, 5)];
    expect(made.map((a) => a.constructor)).toEqual([Int32Array, Float64Array, Uint8Array]);
    expect(own.map((a) => a.constructor)).toEqual([Int32Array, Float64Array, Uint8Array]);
    for (const a of [...made, ...own]) expect(Array.from(a)).toEqual([0, 0, 0, 0, 0]);
    // those from the arena share its buffer; the others have one each
    expect(new Set(made.map((a) => a.buffer)).size).toBe(1);
    expect(new Set(own.map((a) => a.buffer)).size).toBe(3);
  });

  it('is a plain arena without a pool: release does nothing', () => {
    const arena = new TypedArena(64);
    const view = arena.f64(4);
    view.fill(1);
    arena.release();
    expect(Array.from(view)).toEqual([1, 1, 1, 1]);
  });
});
