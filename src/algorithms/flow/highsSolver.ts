/**
 * The HiGHS LP solver, loaded once
 * ================================
 *
 * HiGHS (Huangfu & Hall; University of Edinburgh) ships on npm as WebAssembly (`highs`). Loading
 * instantiates the Wasm module, which is asynchronous and takes tens of milliseconds, so
 * {@link loadHighsSolver} does it once per process and caches the promise; every later call resolves to
 * the same solver. Solving is synchronous once loaded.
 *
 * Reference: Q. Huangfu and J. A. J. Hall, "Parallelizing the dual revised simplex method", Math.
 * Prog. Comp. 10 (2018); https://highs.dev.
 */

import type { Highs } from 'highs';

/** A loaded HiGHS runtime (opaque; pass it to the synchronous solvers). */
export interface HighsSolver {
  /** The loaded runtime. */
  readonly highs: Highs;
}

let loading: Promise<HighsSolver> | undefined;

/**
 * Load HiGHS (WebAssembly) once and reuse it.
 *
 * @returns the solver; every call returns the same promise
 * @throws rejects with the loader's error when the Wasm module cannot be instantiated (the cache is
 *   cleared so that a later call retries)
 * @example
 * const solver = await loadHighsSolver();
 * const result = solveMultiCommodityFlow(solver, problem);
 * @remarks The first call costs the Wasm instantiation (~30–100 ms); later calls are free.
 */
export function loadHighsSolver(): Promise<HighsSolver> {
  if (loading === undefined) {
    loading = import('highs')
      .then(async (module: unknown) => {
        // ESM gives { default: loader }; a CommonJS build may hand over the loader itself.
        const candidate = (module as { default?: unknown }).default ?? module;
        const loader = (
          typeof candidate === 'function' ? candidate : (candidate as { default: unknown }).default
        ) as () => Promise<Highs>;
        const highs = await loader();
        return { highs };
      })
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
  }
  return loading;
}
