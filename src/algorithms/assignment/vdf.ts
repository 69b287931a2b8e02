/**
 * Volume-delay functions
 * ======================
 *
 * How an arc's travel time t(v) grows with its volume v, given the free-flow time t0 and capacity c
 * (x = v / c):
 *
 * - `bpr` (Bureau of Public Roads 1964): t = t0 · (1 + α x^β). Any β ≥ 0 (non-integer too); β = 0
 *   or α = 0 is a constant cost t0 · (1 + α).
 * - `conical` (Spiess 1990, "Conical volume-delay functions", Transportation Science 24(2)):
 *   t = t0 · (2 + √(α²(1−x)² + β²) − α(1−x) − β) with β = (2α−1)/(2α−2), α > 1. It equals t0 at
 *   x = 0 and 2·t0 at capacity, and grows linearly (slope 2α·t0/c) far beyond capacity.
 * - `davidson` — the capacity-respecting form for hard capacities (border crossings, ferries,
 *   terminals): Davidson's (1966) t = t0 · (1 + J x/(1−x)), which tends to infinity at capacity,
 *   continued linearly beyond x = μ (the "modified Davidson" function of Tisato 1991 and Akçelik 1991).
 *   Below μ·c it acts as a barrier that keeps volume under capacity whenever another route exists; the
 *   linear continuation keeps it finite, so every algorithm stays well defined when demand exceeds the
 *   capacity of every route (the overload then shows up as v > c and a very high cost instead of an
 *   infeasible problem). See docs/assignment.md for why.
 * - `constant`: t = t0.
 *
 * Every function has a closed-form Beckmann integral ∫₀^v t(s) ds, a closed-form derivative, and
 * v·t''(v) (used for the system-optimum marginal cost t + v·t', whose derivative is 2t' + v·t'').
 *
 * Complexity O(1) per evaluation.
 */

import { InvalidArgumentError } from '../../model/errors.js';
import type { VolumeDelay } from '../../model/network.js';

/** The capacity-respecting (modified Davidson) volume-delay function. */
export interface DavidsonVdf {
  /** Modified Davidson: t0·(1 + J x/(1−x)) up to x = μ, continued linearly beyond. */
  readonly kind: 'davidson';
  /** Delay parameter J > 0 (0.1–1 typical; larger = earlier congestion). */
  readonly j: number;
  /** Threshold μ in (0, 1) where the function turns linear; default 0.95. */
  readonly mu?: number;
}

/** A volume-delay function: the network model's kinds plus the capacity-respecting form. */
export type VolumeDelayFunction = VolumeDelay | DavidsonVdf;

/** Kind codes of compiled arcs. */
export const VDF_CONSTANT = 0;
/** Kind code of BPR arcs. */
export const VDF_BPR = 1;
/** Kind code of conical arcs. */
export const VDF_CONICAL = 2;
/** Kind code of modified-Davidson arcs. */
export const VDF_DAVIDSON = 3;

/** Default μ of the modified Davidson function. */
export const DEFAULT_DAVIDSON_MU = 0.95;

const MODULE = 'corridor-sim/assignment';

/** A compiled volume-delay function: kind code and two parameters (see {@link compileVdf}). */
export interface CompiledVdf {
  /** One of VDF_CONSTANT, VDF_BPR, VDF_CONICAL, VDF_DAVIDSON. */
  readonly kind: number;
  /** Free-flow time after normalisation (BPR with β = 0 folds its factor 1 + α in here). */
  readonly t0: number;
  /** Capacity (1 for constant arcs). */
  readonly capacity: number;
  /** α (BPR, conical) or J (Davidson). */
  readonly p1: number;
  /** β (BPR, conical's derived β) or μ (Davidson). */
  readonly p2: number;
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** An error-message name: `argument`, or `arc i` for an arc index. */
function nameOf(argument: string | number): string {
  return typeof argument === 'number' ? `arc ${argument}` : argument;
}

/** A compiled function's record as {@link compileVdfInto} fills it: the fields of {@link CompiledVdf}. */
export interface MutableCompiledVdf {
  kind: number;
  t0: number;
  capacity: number;
  p1: number;
  p2: number;
}

/** Fill `out` and return it. */
function set(
  out: MutableCompiledVdf,
  kind: number,
  t0: number,
  capacity: number,
  p1: number,
  p2: number,
): CompiledVdf {
  out.kind = kind;
  out.t0 = t0;
  out.capacity = capacity;
  out.p1 = p1;
  out.p2 = p2;
  return out;
}

/**
 * Validate a volume-delay function and reduce it to a kind code and two parameters. Degenerate forms
 * become constants: infinite capacity, BPR with α = 0 or β = 0, and t0 = 0.
 *
 * @param vdf - the function
 * @param freeFlowTime - t0 (≥ 0, finite)
 * @param capacity - c (> 0; Infinity = uncapacitated)
 * @param argument - name used in error messages, or the arc's index (named `arc i` when there is an
 *   error: the name is not built for every arc)
 * @returns the compiled form
 * @throws InvalidArgumentError on an unknown kind, out-of-range parameter, negative t0 or capacity ≤ 0
 * @example compileVdf({ kind: 'bpr', alpha: 0.15, beta: 4 }, 6, 25900, 'arc 0')
 */
export function compileVdf(
  vdf: VolumeDelayFunction,
  freeFlowTime: number,
  capacity: number,
  argument: string | number,
): CompiledVdf {
  return compileVdfInto(
    { kind: VDF_CONSTANT, t0: 0, capacity: 1, p1: 0, p2: 0 },
    vdf,
    freeFlowTime,
    capacity,
    argument,
  );
}

/**
 * {@link compileVdf} into `out` (a caller compiling many arcs reuses one record).
 *
 * @param out - the record to fill
 * @param vdf - as for {@link compileVdf}
 * @param freeFlowTime - as for {@link compileVdf}
 * @param capacity - as for {@link compileVdf}
 * @param argument - as for {@link compileVdf}
 * @returns `out`
 * @throws as for {@link compileVdf}
 * @internal
 */
export function compileVdfInto(
  out: MutableCompiledVdf,
  vdf: VolumeDelayFunction,
  freeFlowTime: number,
  capacity: number,
  argument: string | number,
): CompiledVdf {
  if (!finite(freeFlowTime) || freeFlowTime < 0) {
    throw new InvalidArgumentError(
      MODULE,
      `${nameOf(argument)}.freeFlowTime`,
      `must be finite and ≥ 0, got ${freeFlowTime}`,
    );
  }
  if (typeof capacity !== 'number' || Number.isNaN(capacity) || capacity <= 0) {
    throw new InvalidArgumentError(
      MODULE,
      `${nameOf(argument)}.capacity`,
      `must be > 0 (Infinity allowed), got ${capacity}`,
    );
  }
  if (typeof vdf !== 'object' || vdf === null) {
    throw new InvalidArgumentError(
      MODULE,
      `${nameOf(argument)}.vdf`,
      `must be a volume-delay function object, got ${String(vdf)}`,
    );
  }
  switch (vdf.kind) {
    case 'constant':
      return set(out, VDF_CONSTANT, freeFlowTime, 1, 0, 0);
    case 'bpr': {
      const { alpha, beta } = vdf;
      if (!finite(alpha) || alpha < 0) {
        throw new InvalidArgumentError(
          MODULE,
          `${nameOf(argument)}.vdf.alpha`,
          `must be finite and ≥ 0, got ${alpha}`,
        );
      }
      if (!finite(beta) || beta < 0) {
        throw new InvalidArgumentError(
          MODULE,
          `${nameOf(argument)}.vdf.beta`,
          `must be finite and ≥ 0, got ${beta}`,
        );
      }
      if (beta === 0) return set(out, VDF_CONSTANT, freeFlowTime * (1 + alpha), 1, 0, 0);
      if (alpha === 0 || freeFlowTime === 0 || capacity === Number.POSITIVE_INFINITY)
        return set(out, VDF_CONSTANT, freeFlowTime, 1, 0, 0);
      return set(out, VDF_BPR, freeFlowTime, capacity, alpha, beta);
    }
    case 'conical': {
      const { alpha } = vdf;
      if (!finite(alpha) || alpha <= 1) {
        throw new InvalidArgumentError(
          MODULE,
          `${nameOf(argument)}.vdf.alpha`,
          `must be finite and > 1, got ${alpha}`,
        );
      }
      if (freeFlowTime === 0 || capacity === Number.POSITIVE_INFINITY)
        return set(out, VDF_CONSTANT, freeFlowTime, 1, 0, 0);
      return set(out, VDF_CONICAL, freeFlowTime, capacity, alpha, (2 * alpha - 1) / (2 * alpha - 2));
    }
    case 'davidson': {
      const { j } = vdf;
      const mu = vdf.mu ?? DEFAULT_DAVIDSON_MU;
      if (!finite(j) || j < 0) {
        throw new InvalidArgumentError(
          MODULE,
          `${nameOf(argument)}.vdf.j`,
          `must be finite and ≥ 0, got ${j}`,
        );
      }
      if (!finite(mu) || mu <= 0 || mu >= 1) {
        throw new InvalidArgumentError(MODULE, `${nameOf(argument)}.vdf.mu`, `must be in (0, 1), got ${mu}`);
      }
      if (j === 0 || freeFlowTime === 0 || capacity === Number.POSITIVE_INFINITY)
        return set(out, VDF_CONSTANT, freeFlowTime, 1, 0, 0);
      return set(out, VDF_DAVIDSON, freeFlowTime, capacity, j, mu);
    }
    default:
      throw new InvalidArgumentError(
        MODULE,
        `${nameOf(argument)}.vdf.kind`,
        `must be 'bpr', 'conical', 'davidson' or 'constant', got ${JSON.stringify((vdf as { kind?: unknown }).kind)}`,
      );
  }
}

// ---------------------------------------------------------------------------------------------------
// Scalar kernels on compiled parameters. Small and monomorphic so V8 inlines them into the hot loops.
// ---------------------------------------------------------------------------------------------------

/**
 * x^β with multiplications for the small integer powers BPR uses (β = 4 and its derivative's 3
 * dominate); `**` is a slow runtime call (it was the top of the Frank–Wolfe profile on SiouxFalls).
 */
function pow(x: number, beta: number): number {
  switch (beta) {
    case 4: {
      const x2 = x * x;
      return x2 * x2;
    }
    case 3:
      return x * x * x;
    case 2:
      return x * x;
    case 1:
      return x;
    case 5: {
      const x2 = x * x;
      return x2 * x2 * x;
    }
    case 6: {
      const x3 = x * x * x;
      return x3 * x3;
    }
    default:
      // rounding can leave a volume at −1e-13; a non-integer power of it would be NaN
      return x > 0 ? x ** beta : 0;
  }
}

/** Smallest x at which derivatives of concave-at-zero BPR (β < 1) are evaluated (they are infinite at 0). */
const X_FLOOR = 1e-9;

function conicalRoot(alpha: number, beta: number, x: number): number {
  const u = alpha * (1 - x);
  return Math.sqrt(u * u + beta * beta);
}

function conicalG(u: number, beta: number): number {
  return 0.5 * (u * Math.sqrt(u * u + beta * beta) + beta * beta * Math.asinh(u / beta));
}

/**
 * Travel time t(v).
 *
 * @param kind - kind code
 * @param t0 - free-flow time
 * @param c - capacity
 * @param p1 - first parameter
 * @param p2 - second parameter
 * @param v - volume (≥ 0)
 * @returns t(v)
 */
export function vdfTime(kind: number, t0: number, c: number, p1: number, p2: number, v: number): number {
  switch (kind) {
    case VDF_BPR:
      return t0 * (1 + p1 * pow(v / c, p2));
    case VDF_CONICAL: {
      const x = v / c;
      return t0 * (2 + conicalRoot(p1, p2, x) - p1 * (1 - x) - p2);
    }
    case VDF_DAVIDSON: {
      const x = v / c;
      if (x <= p2) return t0 * (1 + (p1 * x) / (1 - x));
      const r = 1 - p2;
      return t0 * (1 + (p1 * p2) / r + (p1 / (r * r)) * (x - p2));
    }
    default:
      return t0;
  }
}

/**
 * Derivative t'(v).
 *
 * @param kind - kind code
 * @param t0 - free-flow time
 * @param c - capacity
 * @param p1 - first parameter
 * @param p2 - second parameter
 * @param v - volume (≥ 0)
 * @returns dt/dv (finite; BPR with β < 1 is evaluated at x ≥ 1e-9)
 */
export function vdfDerivative(
  kind: number,
  t0: number,
  c: number,
  p1: number,
  p2: number,
  v: number,
): number {
  switch (kind) {
    case VDF_BPR: {
      let x = v / c;
      if (p2 < 1 && x < X_FLOOR) x = X_FLOOR;
      return p2 === 1 ? (t0 * p1) / c : (t0 * p1 * p2 * pow(x, p2 - 1)) / c;
    }
    case VDF_CONICAL: {
      const x = v / c;
      return (t0 * (p1 - (p1 * p1 * (1 - x)) / conicalRoot(p1, p2, x))) / c;
    }
    case VDF_DAVIDSON: {
      const x = v / c;
      const r = x <= p2 ? 1 - x : 1 - p2;
      return (t0 * p1) / (r * r * c);
    }
    default:
      return 0;
  }
}

/**
 * v · t''(v) (finite at v = 0).
 *
 * @param kind - kind code
 * @param t0 - free-flow time
 * @param c - capacity
 * @param p1 - first parameter
 * @param p2 - second parameter
 * @param v - volume (≥ 0)
 * @returns v times the second derivative
 */
export function vdfVolumeTimesSecondDerivative(
  kind: number,
  t0: number,
  c: number,
  p1: number,
  p2: number,
  v: number,
): number {
  switch (kind) {
    case VDF_BPR: {
      if (p2 === 1) return 0;
      let x = v / c;
      if (p2 < 1 && x < X_FLOOR) x = X_FLOOR;
      return (t0 * p1 * p2 * (p2 - 1) * pow(x, p2 - 1)) / c;
    }
    case VDF_CONICAL: {
      const x = v / c;
      const root = conicalRoot(p1, p2, x);
      return (t0 * x * p1 * p1 * p2 * p2) / (root * root * root * c);
    }
    case VDF_DAVIDSON: {
      const x = v / c;
      if (x > p2) return 0;
      const r = 1 - x;
      return (2 * t0 * p1 * x) / (r * r * r * c);
    }
    default:
      return 0;
  }
}

/**
 * Beckmann integral ∫₀^v t(s) ds, in closed form.
 *
 * @param kind - kind code
 * @param t0 - free-flow time
 * @param c - capacity
 * @param p1 - first parameter
 * @param p2 - second parameter
 * @param v - volume (≥ 0)
 * @returns the integral
 */
export function vdfIntegral(kind: number, t0: number, c: number, p1: number, p2: number, v: number): number {
  switch (kind) {
    case VDF_BPR: {
      const x = v / c;
      return t0 * v * (1 + (p1 * pow(x, p2)) / (p2 + 1));
    }
    case VDF_CONICAL: {
      const x = v / c;
      const F = (2 - p2 - p1) * x + 0.5 * p1 * x * x + (conicalG(p1, p2) - conicalG(p1 * (1 - x), p2)) / p1;
      return t0 * c * F;
    }
    case VDF_DAVIDSON: {
      const x = v / c;
      if (x <= p2) return t0 * c * (x * (1 - p1) - p1 * Math.log1p(-x));
      const r = 1 - p2;
      const Fmu = p2 * (1 - p1) - p1 * Math.log1p(-p2);
      const fmu = 1 + (p1 * p2) / r;
      const slope = p1 / (r * r);
      const dx = x - p2;
      return t0 * c * (Fmu + fmu * dx + 0.5 * slope * dx * dx);
    }
    default:
      return t0 * v;
  }
}

// ---------------------------------------------------------------------------------------------------
// Public scalar API on VolumeDelayFunction objects.
// ---------------------------------------------------------------------------------------------------

/**
 * Travel time of one arc at a volume.
 *
 * @param vdf - the volume-delay function
 * @param freeFlowTime - t0
 * @param capacity - c (> 0, Infinity allowed)
 * @param volume - v (≥ 0)
 * @returns t(v), in the unit of t0
 * @throws InvalidArgumentError on invalid parameters or a negative or non-finite volume
 * @example volumeDelayTime({ kind: 'bpr', alpha: 0.15, beta: 4 }, 10, 100, 100) // 11.5
 * @remarks O(1). References: BPR (1964); Spiess (1990); Davidson (1966), Akçelik (1991).
 */
export function volumeDelayTime(
  vdf: VolumeDelayFunction,
  freeFlowTime: number,
  capacity: number,
  volume: number,
): number {
  return evaluate(vdfTime, vdf, freeFlowTime, capacity, volume);
}

/**
 * Derivative dt/dv of one arc at a volume.
 *
 * @param vdf - the volume-delay function
 * @param freeFlowTime - t0
 * @param capacity - c (> 0, Infinity allowed)
 * @param volume - v (≥ 0)
 * @returns t'(v)
 * @throws InvalidArgumentError on invalid parameters or volume
 * @example volumeDelayDerivative({ kind: 'bpr', alpha: 0.15, beta: 4 }, 10, 100, 100) // 0.06
 * @remarks O(1).
 */
export function volumeDelayDerivative(
  vdf: VolumeDelayFunction,
  freeFlowTime: number,
  capacity: number,
  volume: number,
): number {
  return evaluate(vdfDerivative, vdf, freeFlowTime, capacity, volume);
}

/**
 * Beckmann integral ∫₀^v t(s) ds of one arc, in closed form.
 *
 * @param vdf - the volume-delay function
 * @param freeFlowTime - t0
 * @param capacity - c (> 0, Infinity allowed)
 * @param volume - v (≥ 0)
 * @returns the integral, in (unit of t0) × (unit of v)
 * @throws InvalidArgumentError on invalid parameters or volume
 * @example volumeDelayIntegral({ kind: 'bpr', alpha: 0.15, beta: 4 }, 10, 100, 100) // 1030
 * @remarks O(1). Beckmann, McGuire & Winsten (1956).
 */
export function volumeDelayIntegral(
  vdf: VolumeDelayFunction,
  freeFlowTime: number,
  capacity: number,
  volume: number,
): number {
  return evaluate(vdfIntegral, vdf, freeFlowTime, capacity, volume);
}

/** Validate the arguments of the public one-arc functions and evaluate a compiled kernel. */
function evaluate(
  kernel: (kind: number, t0: number, c: number, p1: number, p2: number, v: number) => number,
  vdf: VolumeDelayFunction,
  freeFlowTime: number,
  capacity: number,
  volume: number,
): number {
  const f = compileVdf(vdf, freeFlowTime, capacity, 'vdf');
  checkVolume(volume);
  return kernel(f.kind, f.t0, f.capacity, f.p1, f.p2, volume);
}

function checkVolume(volume: number): void {
  if (!finite(volume) || volume < 0) {
    throw new InvalidArgumentError(MODULE, 'volume', `must be finite and ≥ 0, got ${volume}`);
  }
}
