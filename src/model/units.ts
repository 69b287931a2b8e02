/**
 * Units
 * =====
 *
 * corridor-sim stores volumes and capacities per year in the commodity's unit (TEU for containers,
 * tonnes for crude), times in days and money in USD per unit. Published figures come in other
 * units (containers, FEU, block trains per day, wagons, Mt/yr); convert them at the boundary with
 * {@link convertQuantity}, which parses text with mathjs and knows these freight units:
 *
 * | unit | meaning | default |
 * |---|---|---|
 * | `TEU` | twenty-foot equivalent unit (base unit) | — |
 * | `FEU` | forty-foot equivalent unit | 2 TEU (by definition) |
 * | `container`, `containers` | one container of unknown size | {@link DEFAULT_UNIT_FACTORS}.containerTeu |
 * | `train`, `trains` | one container block train | {@link DEFAULT_UNIT_FACTORS}.trainTeu |
 * | `wagon`, `wagons` | one container flat wagon | {@link DEFAULT_UNIT_FACTORS}.wagonTeu |
 * | `tonne`, `t`, `kt`, `Mt` | metric tonne, thousand, million tonnes | — |
 * | `year`, `day`, `week`, `month` | mathjs time units (a year is 365.25 days) | — |
 *
 * Results are rounded to 12 significant digits so that `"500000 container/year"` gives exactly 500000.
 *
 * mathjs is loaded on the first conversion (about 0.5 s, once per process), not when the package is
 * imported: importing corridor-sim took 0.69 s with it, 0.09 s without.
 */

import { createRequire } from 'node:module';
import type { MathJsInstance, Unit } from 'mathjs';
import { UnitError } from './errors.js';

/** Factors that turn counted items into TEU. All are overridable per call. */
export interface UnitFactors {
  /**
   * TEU per `container`. Default 1: the seed article's "500,000 containers a year" on the
   * Trans-Caspian route is reported by the Kazakh presidency as 500,000 TEU (corridor-facts §0, S34).
   * Use 2 when the containers are known to be 40-foot.
   */
  readonly containerTeu: number;
  /**
   * TEU per container block `train`. Default 107.1: China Railway Express ran 19,392 trains carrying
   * 2,077,216 TEU in 2024 (corridor-facts §4a, S140), i.e. 107.1 TEU per train (derived).
   */
  readonly trainTeu: number;
  /**
   * TEU per container `wagon`. Default 2 (assumption: one 40-foot platform carrying one FEU, the
   * common wagon on China–Europe trains; no published average was found).
   */
  readonly wagonTeu: number;
}

/** The default unit factors; see {@link UnitFactors} for the source of each. */
export const DEFAULT_UNIT_FACTORS: UnitFactors = Object.freeze({
  containerTeu: 1,
  trainTeu: Math.round((2_077_216 / 19_392) * 10) / 10,
  wagonTeu: 2,
});

const instances = new Map<string, MathJsInstance>();

/**
 * mathjs, loaded when a quantity is first converted. Loading it takes 0.4–0.6 s (hundreds of modules),
 * which every import of the package paid when it was imported at the top; most programs never convert
 * a quantity. Loaded synchronously (`require`), so the conversions stay synchronous.
 */
let mathjs: typeof import('mathjs') | undefined;

function loadMathJs(): typeof import('mathjs') {
  mathjs ??= createRequire(import.meta.url)('mathjs') as typeof import('mathjs');
  return mathjs;
}

function mathFor(factors: UnitFactors): MathJsInstance {
  const key = `${factors.containerTeu}|${factors.trainTeu}|${factors.wagonTeu}`;
  let math = instances.get(key);
  if (!math) {
    const { create, all } = loadMathJs();
    math = create(all!);
    math.createUnit('TEU', { aliases: ['teu'] });
    math.createUnit('FEU', { definition: '2 TEU', aliases: ['feu'] });
    math.createUnit('container', { definition: `${factors.containerTeu} TEU`, aliases: ['containers'] });
    math.createUnit('train', { definition: `${factors.trainTeu} TEU`, aliases: ['trains'] });
    math.createUnit('wagon', { definition: `${factors.wagonTeu} TEU`, aliases: ['wagons'] });
    math.createUnit('kt', '1000 tonne');
    math.createUnit('Mt', '1e6 tonne');
    instances.set(key, math);
  }
  return math;
}

function checkFactors(factors: Partial<UnitFactors> | undefined): UnitFactors {
  const resolved = { ...DEFAULT_UNIT_FACTORS, ...factors };
  for (const [name, value] of Object.entries(resolved)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new UnitError(`factor ${name} must be a positive finite number, got ${String(value)}`);
    }
  }
  return resolved;
}

/**
 * Convert a quantity written as text (`"500000 container/year"`, `"28 Mt/year"`, `"15 trains/day"`)
 * to a number in the target unit (`"TEU/year"`, `"tonne/year"`).
 *
 * @param quantity - value and unit, as mathjs reads it
 * @param target - the unit wanted
 * @param factors - overrides of {@link DEFAULT_UNIT_FACTORS}
 * @returns the value in `target`, rounded to 12 significant digits
 * @throws UnitError when the text is not a quantity, a unit is unknown, or the units are incompatible
 * @example convertQuantity('500000 container/year', 'TEU/year') // 500000
 * @example convertQuantity('3 FEU/day', 'TEU/year') // 2191.5
 */
export function convertQuantity(quantity: string, target: string, factors?: Partial<UnitFactors>): number {
  if (typeof quantity !== 'string' || quantity.trim() === '') {
    throw new UnitError(
      `quantity must be a non-empty string like "500000 container/year", got ${JSON.stringify(quantity)}`,
    );
  }
  const math = mathFor(checkFactors(factors));
  let value: unknown;
  try {
    value = math.evaluate(quantity);
  } catch (cause) {
    throw new UnitError(`cannot read ${JSON.stringify(quantity)}: ${(cause as Error).message}`);
  }
  if (!math.isUnit(value)) {
    throw new UnitError(`${JSON.stringify(quantity)} has no unit; write it like "500000 container/year"`);
  }
  let out: number;
  try {
    out = (value as Unit).toNumber(target);
  } catch (cause) {
    throw new UnitError(
      `cannot convert ${JSON.stringify(quantity)} to ${JSON.stringify(target)}: ${(cause as Error).message}`,
    );
  }
  if (!Number.isFinite(out)) throw new UnitError(`${JSON.stringify(quantity)} is not finite`);
  return Number(out.toPrecision(12));
}

/**
 * Convert a container quantity to TEU per year.
 *
 * @param quantity - e.g. `"500000 container/year"`, `"28 trains/day"`, `"3000 TEU/week"`
 * @param factors - overrides of {@link DEFAULT_UNIT_FACTORS}
 * @returns TEU per year
 * @throws UnitError for non-container units (tonnes) or bad text
 * @example toTeuPerYear('500000 container/year', { containerTeu: 2 }) // 1000000
 */
export function toTeuPerYear(quantity: string, factors?: Partial<UnitFactors>): number {
  return convertQuantity(quantity, 'TEU/year', factors);
}

/**
 * Convert a mass flow to tonnes per year.
 *
 * @param quantity - e.g. `"28 Mt/year"`, `"1.4e6 kg/day"`
 * @returns tonnes per year
 * @throws UnitError for non-mass units or bad text
 * @example toTonnesPerYear('28 Mt/year') // 28000000
 */
export function toTonnesPerYear(quantity: string): number {
  return convertQuantity(quantity, 'tonne/year');
}
