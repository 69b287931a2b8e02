/**
 * Typed arrays carved from shared buffers
 * =======================================
 *
 * Every `new Float64Array(n)` above 64 bytes gets its own off-heap backing store: about 0.5 µs each
 * on Node 20 (measured: 0.57 µs for 154 doubles, against 0.03 µs for a view on an existing buffer),
 * and a solver that sets up a few dozen of them per call spends more on allocation than on the
 * loops that fill them. An arena hands out zeroed views on one 64 KiB buffer, and takes a new buffer
 * when one is used up. Nothing is ever handed out twice and nothing is freed: a buffer lives as long
 * as any view on it, so use an arena for arrays that live and die together (one solver call); a
 * view that goes into a result keeps its whole buffer (size the arena to fit, as `toPathSet` does).
 *
 * Scratch that dies with its call can go further: an arena drawn from an {@link ArenaPool} takes
 * buffers the pool kept from earlier calls (zeroing only the part that was used) and gives them back
 * on {@link TypedArena.release}. A fresh 64 KiB buffer costs 3.5–5.8 µs on Node 20 (calloc, then
 * the engine's bookkeeping of an off-heap store) against 1.2 µs to zero 64 KiB in place (measured
 * 2026-12-05); the solver's problem and workspace of a Eurasia evaluation took three of them per call.
 * The package's scratch comes from one shared pool ({@link scratchArena}): calls are synchronous, and
 * arenas alive at once (a solver's inside a simulation's) never share a buffer.
 *
 * Internal: no public API.
 */

const CHUNK_BYTES = 1 << 16;
const EMPTY = new ArrayBuffer(0);

/** Zeroed typed arrays on shared buffers (8-byte aligned). */
export class TypedArena {
  private buffer: ArrayBuffer;
  private offset = 0;
  /** Buffers filled before the current one (kept only for an arena of a pool, to give back). */
  private readonly full: { buffer: ArrayBuffer; used: number }[] = [];

  /**
   * @param chunkBytes - size of each buffer (a larger request gets a buffer of its own size)
   * @param pool - where buffers come from and go back to on {@link release}; none: new buffers
   */
  constructor(
    private readonly chunkBytes = CHUNK_BYTES,
    private readonly pool?: ArenaPool,
  ) {
    this.buffer = pool ? pool.take(chunkBytes) : new ArrayBuffer(chunkBytes);
  }

  /** Room for `bytes`: the buffer and the offset to use. */
  private take(bytes: number): number {
    const at = (this.offset + 7) & ~7;
    if (at + bytes <= this.buffer.byteLength) {
      this.offset = at + bytes;
      return at;
    }
    const size = Math.max(this.chunkBytes, bytes);
    if (this.pool) {
      this.full.push({ buffer: this.buffer, used: this.offset });
      this.buffer = this.pool.take(size);
    } else this.buffer = new ArrayBuffer(size);
    this.offset = bytes;
    return 0;
  }

  /**
   * Give the buffers back to the pool the arena was drawn from (nothing without one). Every array the
   * arena handed out is then void: it will be zeroed and handed out again.
   */
  release(): void {
    const pool = this.pool;
    if (!pool) return;
    for (const { buffer, used } of this.full) pool.give(buffer, used);
    pool.give(this.buffer, this.offset);
    this.full.length = 0;
    this.buffer = EMPTY;
    this.offset = 0;
  }

  /** A zeroed Float64Array of `n` elements. */
  f64(n: number): Float64Array {
    const at = this.take(8 * n);
    return new Float64Array(this.buffer, at, n);
  }

  /** A zeroed Int32Array of `n` elements. */
  i32(n: number): Int32Array {
    const at = this.take(4 * n);
    return new Int32Array(this.buffer, at, n);
  }

  /** A zeroed Uint8Array of `n` elements. */
  u8(n: number): Uint8Array {
    const at = this.take(n);
    return new Uint8Array(this.buffer, at, n);
  }

  /** An Int32Array holding `values`. */
  i32From(values: ArrayLike<number>): Int32Array {
    const out = this.i32(values.length);
    for (let i = 0; i < out.length; i++) out[i] = values[i]!;
    return out;
  }

  /** A Float64Array holding `values`. */
  f64From(values: ArrayLike<number>): Float64Array {
    const out = this.f64(values.length);
    for (let i = 0; i < out.length; i++) out[i] = values[i]!;
    return out;
  }
}

/**
 * A zeroed Int32Array of `n` elements from `arena`, or an array of its own without one.
 *
 * @param arena - the arena, if the caller has one
 * @param n - number of elements
 * @returns the array
 */
export function int32Array(arena: TypedArena | undefined, n: number): Int32Array {
  return arena ? arena.i32(n) : new Int32Array(n);
}

/**
 * A zeroed Uint8Array of `n` elements from `arena`, or an array of its own without one.
 *
 * @param arena - the arena, if the caller has one
 * @param n - number of elements
 * @returns the array
 */
export function uint8Array(arena: TypedArena | undefined, n: number): Uint8Array {
  return arena ? arena.u8(n) : new Uint8Array(n);
}

/**
 * A zeroed Float64Array of `n` elements from `arena`, or an array of its own without one.
 *
 * @param arena - the arena, if the caller has one
 * @param n - number of elements
 * @returns the array
 */
export function float64Array(arena: TypedArena | undefined, n: number): Float64Array {
  return arena ? arena.f64(n) : new Float64Array(n);
}

/**
 * A copy of `array` in a new array of its kind, `n` elements long (zeros after the copied ones): how
 * growable buffers grow.
 *
 * @param array - the array to copy (at most `n` elements)
 * @param n - the new length
 * @returns the new array
 */
export function grown<T extends Int32Array | Float64Array>(array: T, n: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(n);
  bigger.set(array);
  return bigger;
}

/**
 * Buffers kept between calls for arenas of scratch arrays (see the module comment). A buffer is lent
 * to one arena at a time; an arena that finds none free gets a new one, so nested or interleaved
 * borrowers never share. At most `maxBuffers` buffers of at most `maxBytes` each are kept.
 */
export class ArenaPool {
  private readonly buffers: ArrayBuffer[] = [];
  /** Bytes of each kept buffer that arrays may have written (zeroed before it is lent again). */
  private readonly dirty: number[] = [];

  /**
   * @param maxBuffers - most buffers kept @defaultValue 8
   * @param maxBytes - largest buffer kept @defaultValue 1 MiB
   */
  constructor(
    private readonly maxBuffers = 8,
    private readonly maxBytes = 1 << 20,
  ) {}

  /** An arena whose buffers come from this pool; call its `release()` when its arrays are dead. */
  arena(chunkBytes = CHUNK_BYTES): TypedArena {
    return new TypedArena(chunkBytes, this);
  }

  /** A zeroed buffer of at least `bytes`: a kept one (the smallest that fits), else a new one. */
  take(bytes: number): ArrayBuffer {
    let best = -1;
    for (let i = 0; i < this.buffers.length; i++) {
      const size = this.buffers[i]!.byteLength;
      if (size >= bytes && (best < 0 || size < this.buffers[best]!.byteLength)) best = i;
    }
    if (best < 0) return new ArrayBuffer(bytes);
    const buffer = this.buffers[best]!;
    const dirty = this.dirty[best]!;
    this.buffers.splice(best, 1);
    this.dirty.splice(best, 1);
    if (dirty > 0) new Uint8Array(buffer, 0, dirty).fill(0);
    return buffer;
  }

  /** Keep `buffer`, of which the first `used` bytes may be non-zero (dropped when the pool is full). */
  give(buffer: ArrayBuffer, used: number): void {
    if (buffer.byteLength === 0 || buffer.byteLength > this.maxBytes) return;
    if (this.buffers.length >= this.maxBuffers) return;
    this.buffers.push(buffer);
    this.dirty.push(used);
  }
}

/** The pool of {@link scratchArena}: every scratch of the package draws from it. */
const SCRATCH = new ArenaPool(16);

/**
 * An arena on the package's shared pool of scratch buffers, for arrays that die with the call that
 * made them: call its `release()` in a `finally` once they are dead.
 *
 * @param chunkBytes - size of each buffer (a larger request gets a buffer of its own size)
 * @returns the arena
 */
export function scratchArena(chunkBytes = CHUNK_BYTES): TypedArena {
  return SCRATCH.arena(chunkBytes);
}
