/**
 * Helpers shared by the checkers
 * ==============================
 *
 * @internal
 */

import { DEFAULT_SEGMENT, type Demand, type DemandFlow, type ShipperSegment } from '../../model/demand.js';
import { describeValue, InvalidArgumentError } from '../../model/errors.js';
import type { LinkAttributes } from '../../model/network.js';
import {
  type CheckableResult,
  InvariantError,
  TOLERANCE_DEFAULTS,
  type ToleranceOptions,
  type Violation,
} from './types.js';

/** Module prefix of checker errors. */
export const MODULE = 'corridor-sim/testing';

/** Resolved tolerances. */
export interface Tolerance {
  readonly absolute: number;
  readonly relative: number;
  /** Whether |a − b| is within tolerance, at the given scale. */
  readonly close: (a: number, b: number, scale?: number) => boolean;
  /** Whether a ≤ b within tolerance. */
  readonly atMost: (a: number, b: number, scale?: number) => boolean;
}

/**
 * Validate tolerance options.
 *
 * @param options - user options
 * @param name - function name for messages
 * @returns the tolerance
 * @throws InvalidArgumentError on a negative or non-finite tolerance
 */
export function tolerance(options: ToleranceOptions | undefined, name: string): Tolerance {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new InvalidArgumentError(
      MODULE,
      `${name}: options`,
      `must be an object, got ${describeValue(options)}`,
    );
  }
  const absolute = options?.absoluteTolerance ?? TOLERANCE_DEFAULTS.absoluteTolerance;
  const relative = options?.relativeTolerance ?? TOLERANCE_DEFAULTS.relativeTolerance;
  for (const [key, value] of [
    ['absoluteTolerance', absolute],
    ['relativeTolerance', relative],
  ] as const) {
    if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
      throw new InvalidArgumentError(
        MODULE,
        `${name}: options.${key}`,
        `must be a finite number ≥ 0, got ${describeValue(value)}`,
      );
    }
  }
  const slack = (a: number, b: number, scale?: number) =>
    absolute + relative * (scale ?? Math.max(Math.abs(a), Math.abs(b)));
  return {
    absolute,
    relative,
    close: (a, b, scale) => Math.abs(a - b) <= slack(a, b, scale),
    atMost: (a, b, scale) => a <= b + slack(a, b, scale),
  };
}

/**
 * Check the fields of a result a checker reads.
 *
 * @param result - the value passed
 * @param name - function name for messages
 * @param fields - fields that must be arrays
 * @throws InvalidArgumentError when a field is missing
 */
export function checkShape(result: unknown, name: string, fields: readonly string[]): void {
  if (typeof result !== 'object' || result === null) {
    throw new InvalidArgumentError(
      MODULE,
      `${name}: result`,
      `must be a simulation result, got ${describeValue(result)}`,
    );
  }
  const r = result as Record<string, unknown>;
  for (const field of fields) {
    if (field === 'applied') {
      const applied = r.applied as
        | { network?: { graph?: unknown }; demand?: { flows?: unknown } }
        | undefined;
      if (!applied?.network?.graph || !Array.isArray(applied.demand?.flows)) {
        throw new InvalidArgumentError(
          MODULE,
          `${name}: result.applied`,
          'must hold the applied { network, demand }',
        );
      }
    } else if (!Array.isArray(r[field])) {
      throw new InvalidArgumentError(
        MODULE,
        `${name}: result.${field}`,
        `must be an array, got ${describeValue(r[field])}`,
      );
    }
  }
}

/**
 * Format a number for messages: short, exact enough to compare.
 *
 * @param value - the number
 * @returns text
 */
export function fmt(value: number): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(8)));
}

/**
 * The applied demand flow a result's OD refers to: same id, and the result's year when both are dated.
 *
 * @param result - the result
 * @returns lookup by flow id
 */
export function appliedFlows(result: Pick<CheckableResult, 'applied' | 'year'>): Map<string, DemandFlow> {
  const out = new Map<string, DemandFlow>();
  for (const flow of result.applied.demand.flows) {
    if (flow.year !== undefined && result.year !== undefined && flow.year !== result.year) continue;
    // An undated flow and a dated one with the same id: the dated one describes the year.
    if (!out.has(flow.id) || flow.year !== undefined) out.set(flow.id, flow);
  }
  return out;
}

/**
 * Throw the violations, if any.
 *
 * @param violations - found violations
 * @throws InvariantError when there is at least one
 */
export function throwIfAny(violations: readonly Violation[]): void {
  if (violations.length > 0) throw new InvariantError(violations);
}

/**
 * The segments of an applied demand by id (the default segment when it declares none).
 *
 * @param demand - the applied demand
 * @returns lookup by segment id
 */
export function segmentsById(demand: Demand): Map<string, ShipperSegment> {
  const list = demand.segments.length > 0 ? demand.segments : [DEFAULT_SEGMENT];
  return new Map(list.map((s) => [s.id, s]));
}

/**
 * Why a segment may not use a link, if it may not: it avoids the link, or the link touches a country
 * it avoids (other than the flow's origin and destination countries, which are exempt).
 *
 * @param segment - the shipper segment
 * @param link - the link
 * @param exempt - the countries of the flow's origin and destination
 * @returns a reason, or undefined when the link is allowed
 */
export function segmentForbids(
  segment: ShipperSegment,
  link: LinkAttributes,
  exempt: ReadonlySet<string>,
): string | undefined {
  if (segment.avoidLinks?.includes(link.id)) return `segment ${segment.id} avoids link ${link.id}`;
  const avoid = segment.avoidCountries ?? [];
  for (const country of link.countries) {
    if (avoid.includes(country) && !exempt.has(country)) {
      return `segment ${segment.id} avoids ${country}, which link ${link.id} crosses`;
    }
  }
  return undefined;
}
