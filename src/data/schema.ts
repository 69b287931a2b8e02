/**
 * Document schemas (zod)
 * ======================
 *
 * The shape of the versioned JSON documents: networks (`corridor-sim/network`) and demand
 * (`corridor-sim/demand`). Shape and per-field rules live here; cross-references (unknown nodes,
 * duplicate ids, broken corridor chains) are checked by the format modules after the shape passes.
 * Objects are strict: unknown properties are reported, because a misspelt field would otherwise be
 * silently ignored.
 */

import { z } from 'zod';
import { isIsoDate } from '../model/dates.js';
import { isCountryCode } from '../model/ids.js';
import { MODES, NODE_KINDS } from '../model/network.js';

/** A finite number (NaN and ±Infinity are reported as `not_finite`). */
export const finite = z.number();
/** A finite number ≥ 0. */
export const nonNegative = z.number().nonnegative();

/** An ISO 3166-1 alpha-2 code. */
export const countryCode = z.string().refine(isCountryCode, {
  params: { code: 'unknown_country' },
  error: (issue) => `unknown ISO 3166-1 alpha-2 country code ${JSON.stringify(issue.input)}`,
});

export { isIsoDate };

/**
 * A deep copy of a parsed value without the keys whose value is `undefined` (zod leaves optional keys
 * present as `undefined`; with exactOptionalPropertyTypes they must be absent).
 *
 * @param value - a parsed document or part of one
 * @returns the copy
 */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
    return out as T;
  }
  return value;
}

/** An ISO date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const isoDate = z.string().refine(isIsoDate, {
  params: { code: 'bad_date' },
  error: (issue) => `date must be YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(issue.input)}`,
});

const id = z.string().min(1);

/** Provenance of a figure. */
export const provenanceSchema = z.strictObject({
  sources: z.array(id).min(1).optional(),
  assumption: z.string().min(1).optional(),
  derivation: z.string().min(1).optional(),
  low: finite.optional(),
  high: finite.optional(),
  estimate: z.boolean().optional(),
  note: z.string().optional(),
});

/** Provenance per field. */
export const provenanceMapSchema = z.record(z.string(), provenanceSchema);

/** Handling of one commodity at a node. */
export const nodeHandlingSchema = z.strictObject({
  capacityPerYear: nonNegative.optional(),
  costUsdPerUnit: nonNegative.optional(),
  dwellDays: nonNegative.optional(),
});

/** A node. */
export const nodeSchema = z.strictObject({
  id,
  name: z.string(),
  country: countryCode,
  kind: z.enum(NODE_KINDS as [string, ...string[]]),
  lon: finite.min(-180).max(180),
  lat: finite.min(-90).max(90),
  dwellDays: nonNegative.optional(),
  handling: z.record(id, nodeHandlingSchema).optional(),
  gaugesMm: z.array(z.number().positive()).min(1).optional(),
  description: z.string().optional(),
  provenance: provenanceMapSchema.optional(),
});

/** A volume-delay function. */
export const vdfSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bpr'), alpha: nonNegative, beta: nonNegative }),
  z.strictObject({ kind: z.literal('conical'), alpha: z.number().gt(1) }),
  z.strictObject({
    kind: z.literal('davidson'),
    j: z.number().positive(),
    mu: z.number().gt(0).lt(1).optional(),
  }),
  z.strictObject({ kind: z.literal('constant') }),
]);

/** A transport mode. */
export const MODE_SCHEMA = z.enum(MODES as [string, ...string[]]);

/** A link. */
export const linkSchema = z.strictObject({
  id,
  from: id,
  to: id,
  mode: MODE_SCHEMA,
  commodity: id,
  capacityPerYear: nonNegative.optional(),
  transitDays: nonNegative,
  costUsdPerUnit: nonNegative,
  distanceKm: nonNegative,
  countries: z.array(countryCode),
  vdf: vdfSchema.optional(),
  status: z.enum(['active', 'planned', 'closed']).optional(),
  opens: isoDate.optional(),
  name: z.string().optional(),
  provenance: provenanceMapSchema.optional(),
});

/** A corridor. */
export const corridorSchema = z.strictObject({
  id,
  name: z.string(),
  commodity: id,
  waypoints: z.array(id).optional(),
  links: z.array(id).optional(),
  description: z.string().optional(),
  overland: z.boolean().optional(),
});

/** A commodity declaration. */
export const commoditySchema = z.strictObject({ name: z.string(), unit: z.enum(['TEU', 't']) });

/** A network document, version 1. */
export const networkDocumentSchema = z.strictObject({
  format: z.literal('corridor-sim/network'),
  version: z.literal(1),
  meta: z.strictObject({
    name: z.string(),
    description: z.string().optional(),
    year: z.number().int().optional(),
  }),
  commodities: z.record(id, commoditySchema).optional(),
  defaultVdf: vdfSchema.optional(),
  nodes: z.array(nodeSchema),
  links: z.array(linkSchema),
  corridors: z.array(corridorSchema).optional(),
});

/** The TypeScript type of a network document. */
export type NetworkDocument = z.infer<typeof networkDocumentSchema>;

/** A shipper segment. */
export const segmentSchema = z.strictObject({
  id,
  name: z.string(),
  valueOfTimeUsdPerUnitDay: nonNegative,
  avoidCountries: z.array(countryCode).optional(),
  avoidLinks: z.array(id).optional(),
  description: z.string().optional(),
  provenance: provenanceMapSchema.optional(),
});

/** A demand flow. */
export const demandFlowSchema = z.strictObject({
  id,
  origin: id,
  destination: id,
  commodity: id,
  volumePerYear: nonNegative,
  year: z.number().int().min(1800).max(2200).optional(),
  segmentShares: z.record(id, nonNegative).optional(),
  provenance: provenanceMapSchema.optional(),
});

/** A demand document, version 1. */
export const demandDocumentSchema = z.strictObject({
  format: z.literal('corridor-sim/demand'),
  version: z.literal(1),
  segments: z.array(segmentSchema).optional(),
  flows: z.array(demandFlowSchema),
});

/** The TypeScript type of a demand document. */
export type DemandDocument = z.infer<typeof demandDocumentSchema>;
