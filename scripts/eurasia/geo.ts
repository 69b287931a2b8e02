/**
 * Geometry and rounding helpers for the Eurasia generator.
 */

/** Mean Earth radius, km (IUGG). */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance between two points (haversine).
 *
 * @param a - [lat, lon] in degrees
 * @param b - [lat, lon] in degrees
 * @returns km
 */
export function greatCircleKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Round to `digits` decimals. */
export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Provenance of one figure, as written in the JSON documents (mutable arrays, like the zod types). */
export type Provenance = NonNullable<
  import('../../src/data/schema.js').NetworkDocument['nodes'][number]['provenance']
>[string];
