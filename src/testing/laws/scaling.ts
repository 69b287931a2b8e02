/**
 * Law: scaling demand and capacities by k scales flows by k
 * =========================================================
 */

import fc from 'fast-check';
import { InvalidArgumentError } from '../../model/errors.js';
import { scaleInput } from '../scaleInput.js';
import type { SimulationInput } from '../types.js';
import {
  arbInputOnly,
  baselineCache,
  checkRunner,
  type LawInput,
  type LawTolerance,
  lawInput,
  lawTolerance,
  MODULE,
  type Runner,
} from './_internal.js';

/** Options of {@link scalingScalesFlows}. */
export interface ScalingLawOptions<R> extends LawTolerance {
  /** The simulation under test. */
  readonly run: Runner<R>;
  /** A fixed input (a dataset) or an arbitrary of inputs. @defaultValue arbSimulationInput() */
  readonly input?: LawInput;
  /** Factors k. @defaultValue one of 2, 0.5, 10, 0.1, 3 */
  readonly factors?: fc.Arbitrary<number>;
  /**
   * The figures that must scale, by name.
   * @defaultValue link flows (`link:<id>`) and delivered and unmet volumes per flow (`delivered:<id>`, `unmet:<id>`)
   */
  readonly figures?: (result: R) => Readonly<Record<string, number>>;
}

function defaultFigures(result: unknown): Record<string, number> {
  const r = result as {
    links?: readonly { id: string; flow: number }[];
    ods?: readonly { id: string; delivered: number; unmet: number }[];
  };
  if (!Array.isArray(r?.links) && !Array.isArray(r?.ods)) {
    throw new InvalidArgumentError(
      MODULE,
      'scalingScalesFlows: figures',
      'the result has no links or ods: pass options.figures',
    );
  }
  const out: Record<string, number> = {};
  for (const link of r.links ?? []) out[`link:${link.id}`] = link.flow;
  for (const od of r.ods ?? []) {
    out[`delivered:${od.id}`] = od.delivered;
    out[`unmet:${od.id}`] = od.unmet;
  }
  return out;
}

/**
 * The law "multiplying every capacity and every demand volume by k multiplies every flow by k", as a
 * fast-check property (see {@link scaleInput}). It holds for solvers whose link times depend on
 * volume only through volume / capacity and whose constraints are linear; with ties between equally
 * cheap routes a solver may split volume differently, so compare totals (`figures`) on such inputs.
 * Iterative solvers stop at a gap: set `relativeTolerance` near it.
 *
 * @param options - runner, input, factors, figures, tolerances
 * @returns an async property for `fc.assert`
 * @throws InvalidArgumentError on bad options (eagerly)
 * @example await fc.assert(laws.scalingScalesFlows({ run: minCost, input: eurasia, relativeTolerance: 1e-6 }));
 * @remarks Two runs per case (the baseline is cached per input). Homogeneity of degree 1 of linear programs.
 */
export function scalingScalesFlows<R>(
  options: ScalingLawOptions<R>,
): fc.IAsyncPropertyWithHooks<[SimulationInput, number]> {
  const law = 'scalingScalesFlows';
  checkRunner(law, options?.run);
  const [abs, rel] = lawTolerance(law, options);
  const figures = options.figures ?? (defaultFigures as (r: R) => Record<string, number>);
  const baseline = baselineCache(options.run);
  const factors = options.factors ?? fc.constantFrom(2, 0.5, 10, 0.1, 3);
  return fc.asyncProperty(arbInputOnly(lawInput(law, options.input)), factors, async (input, k) => {
    const before = figures(await baseline(input));
    const after = figures(await options.run(scaleInput(input, k), undefined));
    const bad: string[] = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const expected = (before[key] ?? 0) * k;
      const got = after[key] ?? 0;
      if (
        !(
          Math.abs(got - expected) <=
          abs * Math.max(1, k) + rel * Math.max(Math.abs(got), Math.abs(expected))
        )
      ) {
        bad.push(`  ${key}: ${before[key] ?? 0} × ${k} = ${expected}, got ${got}`);
      }
    }
    if (bad.length > 0) {
      throw new Error(
        `${MODULE}.${law}: figures did not scale by ${k}:\n${bad.slice(0, 10).join('\n')}${bad.length > 10 ? `\n  ... and ${bad.length - 10} more` : ''}`,
      );
    }
  });
}
