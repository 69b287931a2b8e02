import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNetwork, type LinkAttributes, type NodeAttributes } from '../model/network.js';
import { arbNetwork } from '../testing/arbitraries/network.js';
import { type GeoJsonFeatureCollection, toGeoJSON } from './geojson.js';
import { parseNetwork, serializeNetwork } from './network-format.js';

const SAMPLE = parseNetwork(
  JSON.parse(readFileSync(new URL('../../data/samples/two-corridors.json', import.meta.url), 'utf8')),
);

/**
 * Structural checks of RFC 7946, independent of the exporter: object types, geometry types, positions
 * as [lon, lat] within WGS84 ranges, LineStrings of ≥ 2 positions, JSON-serialisable properties, and
 * (for flattened output) scalar property values.
 */
function rfc7946Problems(doc: unknown, flat: boolean): string[] {
  const problems: string[] = [];
  const isPos = (p: unknown): boolean =>
    Array.isArray(p) &&
    p.length === 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    p[0] >= -180 &&
    p[0] <= 180 &&
    p[1] >= -90 &&
    p[1] <= 90;
  const isLine = (l: unknown): boolean => Array.isArray(l) && l.length >= 2 && l.every(isPos);
  const d = doc as { type?: unknown; features?: unknown };
  if (d.type !== 'FeatureCollection') problems.push('root type');
  if (!Array.isArray(d.features)) return [...problems, 'features not an array'];
  d.features.forEach(
    (
      f: {
        type?: unknown;
        id?: unknown;
        geometry?: { type?: unknown; coordinates?: unknown[] };
        properties?: unknown;
      },
      i: number,
    ) => {
      if (f.type !== 'Feature') problems.push(`${i}: type`);
      if (typeof f.id !== 'string' && typeof f.id !== 'number') problems.push(`${i}: id`);
      const g = f.geometry;
      if (g?.type === 'Point') {
        if (!isPos(g.coordinates)) problems.push(`${i}: point position`);
      } else if (g?.type === 'LineString') {
        if (!isLine(g.coordinates)) problems.push(`${i}: linestring`);
      } else if (g?.type === 'MultiLineString') {
        if (!Array.isArray(g.coordinates) || !g.coordinates.every(isLine))
          problems.push(`${i}: multilinestring`);
      } else problems.push(`${i}: geometry type ${String(g?.type)}`);
      if (typeof f.properties !== 'object' || f.properties === null) problems.push(`${i}: properties`);
      else if (flat) {
        for (const [k, v] of Object.entries(f.properties)) {
          if (v !== null && typeof v === 'object') problems.push(`${i}: property ${k} not flat`);
        }
      }
    },
  );
  if (JSON.stringify(JSON.parse(JSON.stringify(doc))) !== JSON.stringify(doc))
    problems.push('not JSON-stable');
  return problems;
}

const node = (id: string, lon: number, lat: number): NodeAttributes => ({
  id,
  name: id,
  country: 'CN',
  kind: 'port',
  lon,
  lat,
});
const sea = (id: string, from: string, to: string): LinkAttributes => ({
  id,
  from,
  to,
  mode: 'sea',
  commodity: 'container',
  transitDays: 14,
  costUsdPerUnit: 1000,
  distanceKm: 10000,
  countries: ['CN', 'US'],
  status: 'active',
});

describe('toGeoJSON(network, options)', () => {
  it('exports the sample: 12 Points and 13 LineStrings with flat properties, lon/lat order', () => {
    const out = toGeoJSON(SAMPLE);
    expect(rfc7946Problems(out, true)).toEqual([]);
    const points = out.features.filter((f) => f.geometry.type === 'Point');
    const lines = out.features.filter((f) => f.geometry.type === 'LineString');
    expect(points).toHaveLength(SAMPLE.graph.order);
    expect(lines).toHaveLength(SAMPLE.graph.size);
    const xian = points.find((f) => f.id === 'xian')!;
    // Xi'an lies at 108.954°E, 34.265°N: longitude first.
    expect(xian.geometry.coordinates).toEqual([108.954, 34.265]);
    expect(xian.properties).toMatchObject({
      featureType: 'node',
      name: "Xi'an",
      country: 'CN',
      gaugesMm: '1435',
    });
    const altynkol = points.find((f) => f.id === 'altynkol')!;
    expect(altynkol.properties['handling.container.capacityPerYear']).toBe(400000);
    expect(altynkol.properties.gaugesMm).toBe('1435,1520');
    const ferry = lines.find((f) => f.id === 'aktau-baku')!;
    expect(ferry.geometry.coordinates).toEqual([
      [51.1638, 43.6465],
      [49.4042, 40.0169],
    ]);
    expect(ferry.properties).toMatchObject({
      featureType: 'link',
      from: 'aktau',
      to: 'baku',
      mode: 'ferry',
      countries: 'KZ,AZ',
      'vdf.kind': 'bpr',
      'vdf.alpha': 0.5,
      capacityPerYear: 90000,
    });
  });

  it('keeps every attribute: unflattening the properties gives back the attributes', () => {
    const out = toGeoJSON(SAMPLE, { flatten: false });
    expect(rfc7946Problems(out, false)).toEqual([]);
    const doc = serializeNetwork(SAMPLE);
    for (const n of doc.nodes) {
      const { featureType, ...rest } = out.features.find(
        (f) => f.id === n.id && f.geometry.type === 'Point',
      )!.properties;
      expect(featureType).toBe('node');
      expect(rest).toEqual(JSON.parse(JSON.stringify(n)));
    }
    for (const l of doc.links) {
      const { featureType, ...rest } = out.features.find(
        (f) => f.id === l.id && f.geometry.type !== 'Point',
      )!.properties;
      expect(featureType).toBe('link');
      expect(rest).toEqual(JSON.parse(JSON.stringify(l)));
    }
  });

  it('adds per-link extras such as flows and utilisation, after the attributes', () => {
    const flows = new Map([['aktau-baku', 81000]]);
    const out = toGeoJSON(SAMPLE, {
      nodes: false,
      linkProperties: (id) => {
        const flow = flows.get(id) ?? 0;
        const capacity = SAMPLE.graph.getEdgeAttribute(id, 'capacityPerYear') ?? Number.POSITIVE_INFINITY;
        return { flowTeu: flow, utilisation: flow / capacity, byCorridor: { middle: flow } };
      },
    });
    expect(out.features).toHaveLength(SAMPLE.graph.size);
    const ferry = out.features.find((f) => f.id === 'aktau-baku')!;
    expect(ferry.properties).toMatchObject({ flowTeu: 81000, utilisation: 0.9, 'byCorridor.middle': 81000 });
    expect(rfc7946Problems(out, true)).toEqual([]);
  });

  it('turns non-finite numbers into null', () => {
    const out = toGeoJSON(SAMPLE, {
      nodes: false,
      linkProperties: () => ({ ratio: Number.NaN, big: Number.POSITIVE_INFINITY }),
    });
    expect(out.features[0]!.properties).toMatchObject({ ratio: null, big: null });
  });

  it('splits a link whose shorter way crosses the antimeridian into a MultiLineString at ±180°', () => {
    const net = createNetwork({
      meta: { name: 'pacific' },
      nodes: [
        node('shanghai', 121.5, 31.2),
        node('la', -118.2, 33.7),
        node('dateline', 180, 10),
        node('fiji', 178, -18),
      ],
      links: [
        sea('east', 'shanghai', 'la'),
        sea('west', 'la', 'shanghai'),
        sea('onLine', 'dateline', 'la'),
        sea('near', 'fiji', 'dateline'),
      ],
    });
    const out = toGeoJSON(net, { nodes: false });
    expect(rfc7946Problems(out, true)).toEqual([]);
    const byId = new Map(out.features.map((f) => [f.id, f.geometry]));
    const east = byId.get('east')!;
    expect(east.type).toBe('MultiLineString');
    if (east.type !== 'MultiLineString') return;
    // Crossing latitude by linear interpolation on the unwrapped longitude: 121.5 → 241.8.
    const t = (180 - 121.5) / (241.8 - 121.5);
    const latCross = 31.2 + t * (33.7 - 31.2);
    expect(east.coordinates[0]).toEqual([
      [121.5, 31.2],
      [180, latCross],
    ]);
    expect(east.coordinates[1]![0]![0]).toBe(-180);
    expect(east.coordinates[1]![0]![1]).toBeCloseTo(latCross, 12);
    expect(east.coordinates[1]![1]).toEqual([-118.2, 33.7]);
    expect(byId.get('west')).toMatchObject({
      type: 'MultiLineString',
      coordinates: [
        [
          [-118.2, 33.7],
          [-180, expect.any(Number)],
        ],
        [
          [180, expect.any(Number)],
          [121.5, 31.2],
        ],
      ],
    });
    // An endpoint on the antimeridian is written on the other side instead of splitting.
    expect(byId.get('onLine')).toEqual({
      type: 'LineString',
      coordinates: [
        [-180, 10],
        [-118.2, 33.7],
      ],
    });
    expect(byId.get('near')).toEqual({
      type: 'LineString',
      coordinates: [
        [178, -18],
        [180, 10],
      ],
    });
    expect(toGeoJSON(net, { nodes: false, splitAntimeridian: false }).features[0]!.geometry.type).toBe(
      'LineString',
    );
  });

  it('is valid RFC 7946 for random networks (and for random networks across the antimeridian)', () => {
    fc.assert(
      fc.property(arbNetwork(), (net) => {
        const before = JSON.stringify(serializeNetwork(net));
        const out: GeoJsonFeatureCollection = toGeoJSON(net);
        expect(rfc7946Problems(out, true)).toEqual([]);
        expect(out.features).toHaveLength(net.graph.order + net.graph.size);
        for (const f of out.features) {
          if (f.geometry.type === 'Point') {
            const n = net.graph.getNodeAttributes(f.id);
            expect(f.geometry.coordinates).toEqual([n.lon, n.lat]);
          }
        }
        expect(JSON.stringify(serializeNetwork(net))).toBe(before);
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -180, max: 180, noNaN: true }),
            fc.double({ min: -90, max: 90, noNaN: true }),
          ),
          {
            minLength: 2,
            maxLength: 6,
          },
        ),
        (coords) => {
          const nodes = coords.map(([lon, lat], i) => node(`p${i}`, lon, lat));
          const links = nodes.slice(1).map((n, i) => sea(`s${i}`, nodes[i]!.id, n.id));
          const out = toGeoJSON(createNetwork({ meta: { name: 'r' }, nodes, links }), { nodes: false });
          expect(rfc7946Problems(out, true)).toEqual([]);
          out.features.forEach((f, i) => {
            const [a, b] = [coords[i]!, coords[i + 1]!];
            // Every part is at most a half-turn wide, and the endpoints are kept.
            const parts =
              f.geometry.type === 'MultiLineString'
                ? f.geometry.coordinates
                : [f.geometry.coordinates as [number, number][]];
            for (const part of parts) expect(Math.abs(part[1]![0] - part[0]![0])).toBeLessThanOrEqual(180);
            expect(Math.abs(parts[0]![0]![1] - a[1])).toBe(0);
            expect(parts[parts.length - 1]![1]![1]).toBe(b[1]);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects bad coordinates and bad options with InvalidArgumentError', () => {
    const bad = createNetwork({ meta: { name: 'bad' }, nodes: [node('x', 200, 0)], links: [] });
    expect(() => toGeoJSON(bad)).toThrow(expect.objectContaining({ name: 'InvalidArgumentError' }));
    for (const options of [
      null,
      { flatten: 'yes' },
      { linkProperties: 3 },
      { linkProperties: () => 5 },
      { linkProperties: () => ({ f: () => 1 }) },
      { nodeProperties: () => ({ when: new Date(0) }) },
    ]) {
      expect(() => toGeoJSON(SAMPLE, options as never)).toThrow(
        expect.objectContaining({ name: 'InvalidArgumentError' }),
      );
    }
  });
});
