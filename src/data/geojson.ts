/**
 * GeoJSON export
 * ==============
 *
 * `toGeoJSON` turns a network into an RFC 7946 FeatureCollection that opens in QGIS and geojson.io:
 * nodes as Points, links as LineStrings from the tail's to the head's coordinates, every attribute as a
 * property. Nested attributes are flattened by default (objects to dotted keys such as
 * `handling.container.capacityPerYear`, arrays of plain values to comma-separated text such as
 * `countries: "CN,KZ"`), because both tools show flat, scalar properties best. Non-finite numbers,
 * which JSON cannot carry, become `null`.
 *
 * A link whose shorter way between its endpoints crosses the antimeridian (a trans-Pacific sea leg,
 * 121°E → 118°W) becomes a MultiLineString split at ±180°, as RFC 7946 §3.1.9 asks, so that every
 * longitude stays in [-180, 180] and the line does not sweep across the whole map.
 *
 * Reference: H. Butler et al., "The GeoJSON Format", RFC 7946, IETF, 2016.
 */

import { InvalidArgumentError } from '../model/errors.js';
import type { LinkId, NodeId } from '../model/ids.js';
import { type LinkAttributes, type Network, type NodeAttributes, requireNetwork } from '../model/network.js';

const MODULE = 'corridor-sim/data/geojson';

/** A JSON value as it appears in GeoJSON properties. */
export type GeoJsonValue =
  | string
  | number
  | boolean
  | null
  | GeoJsonValue[]
  | { [key: string]: GeoJsonValue };

/** A position: `[longitude, latitude]` in decimal degrees WGS84 (RFC 7946 §3.1.1). */
export type GeoJsonPosition = [number, number];

/** Geometries produced by {@link toGeoJSON}. */
export type GeoJsonGeometry =
  | { readonly type: 'Point'; readonly coordinates: GeoJsonPosition }
  | { readonly type: 'LineString'; readonly coordinates: GeoJsonPosition[] }
  | { readonly type: 'MultiLineString'; readonly coordinates: GeoJsonPosition[][] };

/** A feature: one node or one link. `properties.featureType` says which. */
export interface GeoJsonFeature {
  readonly type: 'Feature';
  /** The node or link id. */
  readonly id: string;
  readonly geometry: GeoJsonGeometry;
  readonly properties: { readonly featureType: 'node' | 'link'; readonly [key: string]: GeoJsonValue };
}

/** The exported collection. */
export interface GeoJsonFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: GeoJsonFeature[];
}

/** Options of {@link toGeoJSON}. */
export interface ToGeoJsonOptions {
  /**
   * Export nodes as Points.
   * @defaultValue true
   */
  readonly nodes?: boolean;
  /**
   * Export links as LineStrings.
   * @defaultValue true
   */
  readonly links?: boolean;
  /**
   * Flatten nested properties to dotted keys and arrays of plain values to comma-separated text.
   * @defaultValue true
   */
  readonly flatten?: boolean;
  /**
   * Split links whose shorter way crosses the antimeridian into a MultiLineString at ±180°.
   * @defaultValue true
   */
  readonly splitAntimeridian?: boolean;
  /**
   * Extra properties per link (flows, utilisation from a result). Added after the attributes; they
   * win on a name clash. Return `undefined` for none.
   * @defaultValue undefined
   */
  readonly linkProperties?: (id: LinkId) => Readonly<Record<string, unknown>> | undefined;
  /**
   * Extra properties per node (throughput, queue length). Added after the attributes.
   * @defaultValue undefined
   */
  readonly nodeProperties?: (id: NodeId) => Readonly<Record<string, unknown>> | undefined;
}

/** Defaults of {@link ToGeoJsonOptions}. */
export const DEFAULTS = {
  nodes: true,
  links: true,
  flatten: true,
  splitAntimeridian: true,
} as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Convert to a JSON value (non-finite numbers to null); throws on functions, symbols, class instances. */
function toJsonValue(value: unknown, where: string): GeoJsonValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((v, i) => toJsonValue(v, `${where}[${i}]`) ?? null);
  if (isPlainObject(value)) {
    const out: { [key: string]: GeoJsonValue } = {};
    for (const [k, v] of Object.entries(value)) {
      const j = toJsonValue(v, `${where}.${k}`);
      if (j !== undefined) out[k] = j;
    }
    return out;
  }
  throw new InvalidArgumentError(
    MODULE,
    where,
    `must be a JSON value (string, number, boolean, null, array or plain object), got ${typeof value}`,
  );
}

const isScalar = (v: GeoJsonValue): v is string | number | boolean | null =>
  v === null || typeof v !== 'object';

/** Flatten one property into `out`: objects to dotted keys, scalar arrays to comma-separated text. */
function flattenInto(out: Record<string, GeoJsonValue>, key: string, value: GeoJsonValue): void {
  if (isScalar(value)) {
    out[key] = value;
  } else if (Array.isArray(value)) {
    if (value.every(isScalar)) out[key] = value.map((v) => (v === null ? '' : String(v))).join(',');
    else {
      value.forEach((v, i) => {
        flattenInto(out, `${key}.${i}`, v);
      });
    }
  } else {
    const entries = Object.entries(value);
    if (entries.length === 0) out[key] = null;
    for (const [k, v] of entries) flattenInto(out, `${key}.${k}`, v);
  }
}

function properties(
  featureType: 'node' | 'link',
  attributes: NodeAttributes | LinkAttributes,
  extra: Readonly<Record<string, unknown>> | undefined,
  flatten: boolean,
  where: string,
): GeoJsonFeature['properties'] {
  const out: Record<string, GeoJsonValue> = { featureType };
  const add = (source: Readonly<Record<string, unknown>>, prefix: string): void => {
    for (const [key, raw] of Object.entries(source)) {
      const value = toJsonValue(raw, `${prefix}.${key}`);
      if (value === undefined) continue;
      if (flatten) flattenInto(out, key, value);
      else out[key] = value;
    }
  };
  add(attributes as unknown as Record<string, unknown>, where);
  if (extra !== undefined) {
    if (!isPlainObject(extra)) {
      throw new InvalidArgumentError(
        MODULE,
        `options.${featureType}Properties`,
        `must return a plain object or undefined for ${where}, got ${String(extra)}`,
      );
    }
    add(extra, `options.${featureType}Properties(${JSON.stringify(attributes.id)})`);
  }
  out.featureType = featureType;
  return out as GeoJsonFeature['properties'];
}

function position(node: NodeAttributes): GeoJsonPosition {
  const { lon, lat } = node;
  if (
    typeof lon !== 'number' ||
    !(lon >= -180 && lon <= 180) ||
    typeof lat !== 'number' ||
    !(lat >= -90 && lat <= 90)
  ) {
    throw new InvalidArgumentError(
      MODULE,
      `node ${JSON.stringify(node.id)}`,
      `has coordinates outside WGS84 ranges: lon ${String(lon)}, lat ${String(lat)}`,
    );
  }
  return [lon, lat];
}

/**
 * The geometry of a link from `a` to `b`: a LineString, or a MultiLineString split at the antimeridian
 * when the shorter way crosses it.
 */
function linkGeometry(a: GeoJsonPosition, b: GeoJsonPosition, split: boolean): GeoJsonGeometry {
  let [lon1, lat1] = a;
  let [lon2, lat2] = b;
  const delta = lon2 - lon1;
  if (!split || Math.abs(delta) <= 180) return { type: 'LineString', coordinates: [a, b] };
  // An endpoint on the antimeridian itself can be written on the other side: no split needed.
  if (Math.abs(lon1) === 180) lon1 = -lon1;
  else if (Math.abs(lon2) === 180) lon2 = -lon2;
  if (Math.abs(lon2 - lon1) <= 180) {
    return {
      type: 'LineString',
      coordinates: [
        [lon1, lat1],
        [lon2, lat2],
      ],
    };
  }
  // Unwrap the head by ±360° so the segment is the shorter way, then cut it at ±180°.
  const east = lon1 > lon2; // crossing eastwards over +180 (e.g. 170 → -170)
  const boundary = east ? 180 : -180;
  const lon2Unwrapped = east ? lon2 + 360 : lon2 - 360;
  const t = (boundary - lon1) / (lon2Unwrapped - lon1);
  const latCross = lat1 + t * (lat2 - lat1);
  return {
    type: 'MultiLineString',
    coordinates: [
      [
        [lon1, lat1],
        [boundary, latCross],
      ],
      [
        [-boundary, latCross],
        [lon2, lat2],
      ],
    ],
  };
}

/**
 * Export a network as a GeoJSON FeatureCollection (RFC 7946): nodes as Points, links as LineStrings
 * between their endpoints (MultiLineStrings when they cross the antimeridian), every attribute as a
 * property, plus optional per-link and per-node extras such as flows from a result.
 *
 * @param network - the network (not modified)
 * @param options - what to export, flattening, extra properties
 * @returns a new FeatureCollection; `JSON.stringify` it to write a `.geojson` file
 * @throws InvalidArgumentError when a node has coordinates outside WGS84 ranges, an option has the wrong
 *   type, or an extra-properties function returns something that is not a plain JSON object
 * @example
 * const fc = toGeoJSON(net, { linkProperties: (id) => ({ flowTeu: flows.get(id) ?? 0 }) });
 * // write JSON.stringify(fc) to corridors.geojson and open it in QGIS or geojson.io
 * @remarks Complexity O(N + L · attribute size). Reference: RFC 7946 (2016), §3.1.9 for the antimeridian.
 */
export function toGeoJSON(network: Network, options: ToGeoJsonOptions = {}): GeoJsonFeatureCollection {
  requireNetwork(network, MODULE, 'network');
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(MODULE, 'options', `must be an object, got ${String(options)}`);
  }
  const resolved = { ...DEFAULTS, ...options };
  for (const key of ['nodes', 'links', 'flatten', 'splitAntimeridian'] as const) {
    if (typeof resolved[key] !== 'boolean') {
      throw new InvalidArgumentError(
        MODULE,
        `options.${key}`,
        `must be a boolean, got ${String(resolved[key])}`,
      );
    }
  }
  for (const key of ['linkProperties', 'nodeProperties'] as const) {
    if (resolved[key] !== undefined && typeof resolved[key] !== 'function') {
      throw new InvalidArgumentError(
        MODULE,
        `options.${key}`,
        `must be a function, got ${String(resolved[key])}`,
      );
    }
  }
  const graph = network.graph;
  const features: GeoJsonFeature[] = [];
  const positions = new Map<NodeId, GeoJsonPosition>();
  graph.forEachNode((id, node) => {
    positions.set(id, position(node));
  });
  if (resolved.nodes) {
    graph.forEachNode((id, node) => {
      features.push({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: [...positions.get(id)!] },
        properties: properties('node', node, resolved.nodeProperties?.(id), resolved.flatten, `nodes.${id}`),
      });
    });
  }
  if (resolved.links) {
    graph.forEachEdge((id, link, from, to) => {
      features.push({
        type: 'Feature',
        id,
        geometry: linkGeometry(
          [...positions.get(from)!],
          [...positions.get(to)!],
          resolved.splitAntimeridian,
        ),
        properties: properties('link', link, resolved.linkProperties?.(id), resolved.flatten, `links.${id}`),
      });
    });
  }
  return { type: 'FeatureCollection', features };
}
